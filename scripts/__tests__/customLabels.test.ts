// Every word the console shows is a custom label: no template writes one itself, every label import names a label of
// the labels file, and every label there is imported by a component.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    CUSTOM_LABELS_FILE,
    findProjectRoot,
    importedLabelNames,
    labelValues,
    parseCustomLabels,
    readCustomLabels
} from '../lib/customLabels';
import { hardCodedText } from '../lib/templateText';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const FORCE_APP = path.join(PROJECT_ROOT, 'force-app');

/** Files under `dir` whose names end with `suffix`, recursively. */
function filesUnder(dir: string, suffix: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
}

const relative = (file: string): string => path.relative(PROJECT_ROOT, file).split(path.sep).join('/');
const isTest = (file: string): boolean => file.includes(`${path.sep}__tests__${path.sep}`);

/** The templates of every bundle: `force-app/**\/lwc/<bundle>/<file>.html`. */
const templates = filesUnder(FORCE_APP, '.html').filter(
    (file) => path.basename(path.dirname(path.dirname(file))) === 'lwc' && !isTest(file)
);

function projectLabels(): ReturnType<typeof labelValues> {
    return labelValues(PROJECT_ROOT);
}

describe('custom labels', () => {
    describe('templates', () => {
        it('finds the bundles templates', () => {
            expect(templates.map(relative)).toEqual(
                expect.arrayContaining([
                    'force-app/main/default/lwc/voiceCallConsole/voiceCallConsole.html',
                    'force-app/main/default/lwc/voiceCallStatus/voiceCallStatus.html',
                    'force-app/main/default/lwc/voiceCallTranscript/voiceCallTranscript.html'
                ])
            );
            expect(templates.length).toBeGreaterThanOrEqual(7);
        });

        it.each(templates.map((file) => [relative(file), file]))(
            '%s writes no word itself: every word is an expression',
            (_name, file) => {
                expect(hardCodedText(fs.readFileSync(file, 'utf8'))).toEqual([]);
            }
        );
    });

    describe('hardCodedText', () => {
        it('finds words in text and in the attributes a user reads or hears, with their lines', () => {
            const html = [
                '<template>',
                '    <section aria-label="Call status" class="panel words" data-id="status">',
                '        <h2>Flags</h2>',
                '        <input placeholder="Search" title={labels.title} />',
                "        <img alt='Agent photo' src={photo} />",
                '        <button title="Copy the transcript">{labels.copy} now</button>',
                '        <p>{labels.muted}</p> Muted',
                '    </section>',
                '</template>'
            ].join('\n');

            expect(hardCodedText(html)).toEqual([
                { line: 2, where: 'aria-label', text: 'Call status' },
                { line: 3, where: 'text', text: 'Flags' },
                { line: 4, where: 'placeholder', text: 'Search' },
                { line: 5, where: 'alt', text: 'Agent photo' },
                { line: 6, where: 'title', text: 'Copy the transcript' },
                { line: 6, where: 'text', text: '{labels.copy} now' },
                { line: 7, where: 'text', text: 'Muted' }
            ]);
        });

        it('passes expressions, symbols, punctuation, comments and attributes nobody reads', () => {
            const html = [
                '<template>',
                '    <!-- A comment may say "On hold" -->',
                '    <div class="slds-badge" data-id="on-hold" aria-label={labels.onHold} title="">',
                '        <button aria-hidden="true">‹</button> <span>›</span> <span>✓</span>',
                '        <span>{row.label}</span>: <span>({note.role})</span>',
                '        <time datetime={iso}>{labels.call.before}</time>',
                '    </div>',
                '</template>'
            ].join('\n');

            expect(hardCodedText(html)).toEqual([]);
        });

        it('reads a quoted attribute holding ">" as part of its tag, and words in any script', () => {
            expect(hardCodedText('<p title="a > b">{x}</p><p>Anruf beendet</p><p>通話</p>')).toEqual([
                { line: 1, where: 'title', text: 'a > b' },
                { line: 1, where: 'text', text: 'Anruf beendet' },
                { line: 1, where: 'text', text: '通話' }
            ]);
        });
    });

    describe('the labels file', () => {
        it('gives each label its English value', () => {
            const labels = projectLabels();

            expect(labels.get('VCC_Status_Connected')).toBe('Connected');
            expect(labels.get('VCC_Timer_Call')).toBe('Call {0}');
            expect(labels.get('VCC_Console_RecordCallUnknown')).toBe(
                "This record's call could not be read: following the active call."
            );
        });

        it('names every label VCC_..., in the VoiceCallConsole category, in en_US and not protected', () => {
            const read = readCustomLabels(PROJECT_ROOT);
            if (!read.ok) {
                throw new Error(read.error);
            }
            const odd = read.labels.filter(
                (label) =>
                    label.fullName?.startsWith('VCC_') !== true ||
                    label.categories !== 'VoiceCallConsole' ||
                    label.language !== 'en_US' ||
                    label.protected !== 'false' ||
                    (label.shortDescription ?? '') === ''
            );

            expect(odd).toEqual([]);
        });

        it('writes placeholders only as {0}, {1}...', () => {
            const badBraces = [...projectLabels()].filter(([, value]) =>
                /[{}]/.test(value.replace(/\{\d+\}/g, ''))
            );

            expect(badBraces).toEqual([]);
        });

        it('says why it cannot be read: malformed, another root element, or no file', () => {
            expect(parseCustomLabels('<CustomLabels><labels></CustomLabels>')).toEqual({
                ok: false,
                error: expect.stringMatching(/^not well-formed XML \(line 1\): /) as unknown
            });
            expect(parseCustomLabels('<Labels/>')).toEqual({
                ok: false,
                error: 'the root element must be <CustomLabels>, not <Labels>'
            });
            const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'custom-labels-test-'));
            try {
                expect(() => labelValues(empty)).toThrow(CUSTOM_LABELS_FILE);
            } finally {
                fs.rmSync(empty, { recursive: true, force: true });
            }
        });

        it('reads an entry with missing elements as undefined, and skips it in the values', () => {
            const read = parseCustomLabels(
                '<CustomLabels><labels><value>orphan</value></labels><labels><fullName>A</fullName></labels></CustomLabels>'
            );

            expect(read).toEqual({
                ok: true,
                labels: [
                    {
                        fullName: undefined,
                        value: 'orphan',
                        language: undefined,
                        protected: undefined,
                        shortDescription: undefined,
                        categories: undefined
                    },
                    {
                        fullName: 'A',
                        value: undefined,
                        language: undefined,
                        protected: undefined,
                        shortDescription: undefined,
                        categories: undefined
                    }
                ]
            });
        });

        it('finds the project root from a folder inside it, and says so when there is none', () => {
            expect(findProjectRoot(path.join(PROJECT_ROOT, 'force-app', 'main'))).toBe(PROJECT_ROOT);
            expect(() => findProjectRoot(os.tmpdir())).toThrow(/No sfdx-project\.json/);
        });
    });

    describe('label imports', () => {
        const sources = [
            ...filesUnder(FORCE_APP, '.ts'),
            ...filesUnder(path.join(PROJECT_ROOT, 'preview'), '.ts')
        ].filter((file) => !file.endsWith('.d.ts'));
        const imports = sources.map((file) => ({
            file,
            names: importedLabelNames(fs.readFileSync(file, 'utf8'))
        }));

        it('reads the names a source imports', () => {
            expect(
                importedLabelNames(
                    'import A from \'@salesforce/label/c.VCC_A\';\nimport B from "@salesforce/label/c.VCC_B";\n' +
                        "import C from '@salesforce/schema/VoiceCall.VendorCallKey';"
                )
            ).toEqual(['VCC_A', 'VCC_B']);
        });

        it('name labels of the labels file', () => {
            const labels = projectLabels();
            const unknown = imports.flatMap(({ file, names }) =>
                names.filter((name) => !labels.has(name)).map((name) => `${relative(file)}: ${name}`)
            );

            expect(imports.some(({ names }) => names.length > 0)).toBe(true);
            expect(unknown).toEqual([]);
        });

        it('use every label of the file in a component', () => {
            const used = new Set(imports.filter(({ file }) => !isTest(file)).flatMap(({ names }) => names));
            const unused = [...projectLabels().keys()].filter((name) => !used.has(name));

            expect(unused).toEqual([]);
        });
    });
});
