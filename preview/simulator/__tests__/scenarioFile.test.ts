import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findJsonSyntaxError } from '../jsonSyntax';
import { findProjectRoot, loadScenarioDirectory, parseScenarioFile, readScenarioFile } from '../scenarioFile';
import { TOOLKIT_EVENT_NAMES } from '../../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const FILE = 'scenarios/bad.json';

const event = (at: number, type = 'callended'): Record<string, unknown> => ({
    at,
    type,
    detail: { callId: 'c-1' }
});

function scenarioText(overrides: Record<string, unknown> = {}, events: unknown[] = [event(0)]): string {
    return JSON.stringify({ name: 'A call', description: 'For a test.', events, ...overrides }, null, 2);
}

function errorOf(text: string): string | undefined {
    const result = parseScenarioFile(text, FILE, PROJECT_ROOT);
    return result.ok ? undefined : result.error;
}

describe('scenario files', () => {
    it('has a schema that lists exactly the toolkit’s events', () => {
        const schema = JSON.parse(
            fs.readFileSync(path.join(PROJECT_ROOT, 'scenarios', 'scenario.schema.json'), 'utf8')
        ) as {
            properties: { events: { items: { properties: { type: { enum: string[] } } } } };
        };

        expect(schema.properties.events.items.properties.type.enum).toEqual([...TOOLKIT_EVENT_NAMES]);
    });

    it('accepts a valid scenario, events with any payload object, and a byte order mark', () => {
        const text = scenarioText({}, [
            event(0, 'callstarted'),
            { at: 10.5, type: 'transcript', detail: { odd: [1] } }
        ]);

        const result = parseScenarioFile(`\uFEFF${text}`, FILE, PROJECT_ROOT);

        expect(result).toEqual({
            ok: true,
            scenario: {
                name: 'A call',
                description: 'For a test.',
                events: [
                    { at: 0, type: 'callstarted', detail: { callId: 'c-1' } },
                    { at: 10.5, type: 'transcript', detail: { odd: [1] } }
                ]
            }
        });
    });

    it.each([
        [
            'a type that is not a toolkit event',
            scenarioText({}, [event(0), event(1), event(2), event(3, 'ringing')]),
            'scenarios/bad.json: events[3].type: must be one of the 19 toolkit events, got "ringing"'
        ],
        [
            'an event without at',
            scenarioText({}, [{ type: 'mute', detail: {} }]),
            'scenarios/bad.json: events[0]: missing "at"'
        ],
        [
            'an event without detail',
            scenarioText({}, [event(0), { at: 5, type: 'mute' }]),
            'scenarios/bad.json: events[1]: missing "detail"'
        ],
        [
            'a detail that is a string',
            scenarioText({}, [event(0), { at: 1, type: 'mute', detail: 'oops' }]),
            'scenarios/bad.json: events[1].detail: must be an object, got "oops"'
        ],
        [
            'a detail that is an array',
            scenarioText({}, [{ at: 1, type: 'mute', detail: [] }]),
            'scenarios/bad.json: events[0].detail: must be an object, got an array'
        ],
        [
            'a detail that is null',
            scenarioText({}, [{ at: 1, type: 'mute', detail: null }]),
            'scenarios/bad.json: events[0].detail: must be an object, got null'
        ],
        [
            'an extra top-level property',
            scenarioText({ author: 'me' }),
            'scenarios/bad.json: unexpected property "author"'
        ],
        [
            'an extra event property',
            scenarioText({}, [{ ...event(0), payload: {} }]),
            'scenarios/bad.json: events[0]: unexpected property "payload"'
        ],
        [
            'time going backwards',
            scenarioText({}, [event(0), event(100), event(500), event(900), event(1500), event(1200)]),
            "scenarios/bad.json: events[5].at: 1200 is before the previous event's 1500"
        ],
        [
            'a negative at',
            scenarioText({}, [event(-5)]),
            'scenarios/bad.json: events[0].at: must be >= 0, got -5'
        ],
        [
            'an at that is a string',
            scenarioText({}, [{ at: '10', type: 'mute', detail: {} }]),
            'scenarios/bad.json: events[0].at: must be a number, got "10"'
        ],
        ['no name', JSON.stringify({ description: '', events: [] }), 'scenarios/bad.json: missing "name"'],
        ['an empty name', scenarioText({ name: '' }), 'scenarios/bad.json: name: must not be empty'],
        [
            'a description that is a number',
            scenarioText({ description: 3 }),
            'scenarios/bad.json: description: must be a string, got 3'
        ],
        [
            'events that are an object',
            scenarioText({ events: {} }),
            'scenarios/bad.json: events: must be an array, got an object'
        ],
        ['a file that is a list', '[]', 'scenarios/bad.json: must be an object, got an array'],
        [
            'invalid JSON',
            '{\n  "name": "A call",\n  "events": [\n  }\n}\n',
            'scenarios/bad.json: invalid JSON (value expected at line 4, column 3)'
        ],
        ['an empty file', '', 'scenarios/bad.json: invalid JSON (value expected at line 1, column 1)'],
        [
            'a missing comma',
            '{ "name": "A call"\n  "description": "" }',
            'scenarios/bad.json: invalid JSON (comma expected at line 2, column 3)'
        ]
    ])('rejects %s in one line', (_name, text, error) => {
        expect(errorOf(text)).toBe(error);
    });

    it('cuts a long wrong value short in the message', () => {
        expect(errorOf(scenarioText({}, [event(0, 'x'.repeat(100))]))).toBe(
            `scenarios/bad.json: events[0].type: must be one of the 19 toolkit events, got "${'x'.repeat(37)}…"`
        );
    });

    it('says when a file does not exist', () => {
        expect(
            readScenarioFile(
                path.join(PROJECT_ROOT, 'scenarios', 'missing.json'),
                'scenarios/missing.json',
                PROJECT_ROOT
            )
        ).toEqual({
            ok: false,
            error: 'scenarios/missing.json: no such file'
        });
    });

    it('says when a path cannot be read as a file', () => {
        const result = readScenarioFile(path.join(PROJECT_ROOT, 'scenarios'), 'scenarios', PROJECT_ROOT);

        expect(result).toEqual({ ok: false, error: 'scenarios: cannot read the file (EISDIR)' });
    });

    describe('a folder of scenarios', () => {
        let folder: string;

        beforeEach(() => {
            folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
        });

        afterEach(() => {
            fs.rmSync(folder, { recursive: true, force: true });
        });

        it('validates every *.json but the schema, sorted by file name', () => {
            fs.writeFileSync(path.join(folder, 'b-call.json'), scenarioText());
            fs.writeFileSync(path.join(folder, 'a-broken.json'), scenarioText({ extra: true }));
            fs.writeFileSync(path.join(folder, 'scenario.schema.json'), '{}');
            fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a scenario');
            const folderName = path.basename(folder);

            const files = loadScenarioDirectory(folder, PROJECT_ROOT);

            expect(files).toEqual([
                {
                    fileName: 'a-broken.json',
                    path: path.join(folder, 'a-broken.json'),
                    ok: false,
                    error: `${folderName}/a-broken.json: unexpected property "extra"`
                },
                {
                    fileName: 'b-call.json',
                    path: path.join(folder, 'b-call.json'),
                    ok: true,
                    scenario: JSON.parse(scenarioText()) as unknown
                }
            ]);
        });

        it('finds the project root from a folder below it, and fails clearly outside the project', () => {
            expect(findProjectRoot(path.join(PROJECT_ROOT, 'preview', 'simulator', '__tests__'))).toBe(
                PROJECT_ROOT
            );
            expect(findProjectRoot()).toBe(PROJECT_ROOT);
            expect(() => findProjectRoot(folder)).toThrow(
                `No scenarios/scenario.schema.json in ${folder} or any folder above it`
            );
        });
    });
});

describe('JSON syntax errors', () => {
    it('finds none in valid JSON of every kind', () => {
        const valid = [
            '{}',
            '[]',
            ' 0 ',
            '-1.5e+3',
            '"a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"',
            '{"a": [true, false, null, {"b": []}]}'
        ];

        expect(valid.map(findJsonSyntaxError)).toEqual(valid.map(() => undefined));
        expect(valid.map((text) => JSON.parse(text) as unknown)).toHaveLength(valid.length);
    });

    it.each([
        ['[1,]', 'value expected', 1, 4],
        ['{"a": 01}', 'comma expected', 1, 8],
        ['{"a": tru}', 'invalid symbol', 1, 7],
        ['{"a" 1}', 'colon expected', 1, 6],
        ['{a: 1}', 'invalid symbol', 1, 2],
        ['{"a": "x', 'unexpected end of string', 1, 7],
        ['"\\q"', 'invalid escape character', 1, 1],
        ['"\\u12G4"', 'invalid unicode', 1, 1],
        ['{"a": 1}\r\n}', 'end of file expected', 2, 1],
        ['[1 2]', 'comma expected', 1, 4],
        ['"\t"', 'invalid character', 1, 1],
        ['{} // a comment', 'invalid comment token', 1, 4]
    ])('places the error in %j', (text, message, line, column) => {
        expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
        expect(findJsonSyntaxError(text)).toEqual({ message, line, column });
    });
});
