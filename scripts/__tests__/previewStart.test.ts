// The `npm start` command line: options and the --scenario argument, checked against a throwaway scenarios/ folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkScenarioArgument, parseStartOptions } from '../preview/start';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

let root: string;

beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-preview-start-'));
    const scenarios = path.join(root, 'scenarios');
    fs.mkdirSync(scenarios);
    fs.copyFileSync(
        path.join(REPO_ROOT, 'scenarios', 'scenario.schema.json'),
        path.join(scenarios, 'scenario.schema.json')
    );
    const good = {
        name: 'Good',
        description: 'd',
        events: [{ at: 0, type: 'callended', detail: { callId: 'c' } }]
    };
    fs.writeFileSync(path.join(scenarios, 'good.json'), JSON.stringify(good));
    fs.writeFileSync(path.join(scenarios, 'bad.json'), '{ "name": ');
});

afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

describe('scripts/preview/start', () => {
    it('serves on 3333 by default, or on PORT, or on --port (which wins)', () => {
        expect(parseStartOptions([], {})).toEqual({
            ok: true,
            options: { port: 3333, watch: false, scenario: undefined }
        });
        expect(parseStartOptions([], { PORT: '4000' })).toMatchObject({ ok: true, options: { port: 4000 } });
        expect(parseStartOptions(['--port', '0'], { PORT: '4000' })).toMatchObject({
            ok: true,
            options: { port: 0 }
        });
        expect(parseStartOptions(['--watch', '--scenario', 'scenarios/good.json'], {})).toMatchObject({
            ok: true,
            options: { watch: true, scenario: 'scenarios/good.json' }
        });
    });

    it('refuses a bad port or an unknown option in one line', () => {
        const badPort = parseStartOptions(['--port', 'eighty'], {});
        const unknown = parseStartOptions(['--open'], {});

        expect(badPort).toMatchObject({
            ok: false,
            error: expect.stringContaining('Invalid port "eighty"') as string
        });
        expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('--open') as string });
    });

    it('accepts a valid scenario of scenarios/, by path or by file name', () => {
        const expected = { ok: true, file: 'good.json', name: 'Good', eventCount: 1 };

        expect(checkScenarioArgument('scenarios/good.json', root, root)).toEqual(expected);
        expect(checkScenarioArgument('good.json', root, '/elsewhere')).toEqual(expected);
    });

    it('explains in one line an invalid, missing or out-of-folder scenario', () => {
        expect(checkScenarioArgument('scenarios/bad.json', root, root)).toEqual({
            ok: false,
            error: expect.stringMatching(/^scenarios\/bad\.json: invalid JSON/) as string
        });
        expect(checkScenarioArgument('scenarios/missing.json', root, root)).toEqual({
            ok: false,
            error: 'scenarios/missing.json: no such scenario file'
        });
        expect(checkScenarioArgument('other/good.json', root, root)).toEqual({
            ok: false,
            error: 'other/good.json: the preview loads scenarios from scenarios/ only'
        });
    });
});
