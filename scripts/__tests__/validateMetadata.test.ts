// The validator runs on the real project once, then on throwaway copies of its force-app in the OS temp folder,
// each broken in one way. sf is never run: a fake stands in for it (missing, converting, or failing).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGE_SKIPPED_NOTE, convertArgs, expectedPackageFiles } from '../lib/convertedPackage';
import type { CommandOutcome, RunCommand } from '../lib/convertedPackage';
import { findBundles } from '../lib/lwcBundles';
import {
    VALIDATE_USAGE,
    apiPropertyNames,
    defaultMatchesType,
    runValidateMetadata
} from '../lib/metadataValidation';
import { readXml } from '../lib/xmlTree';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT = 'force-app/main/default';
const LWC = `${DEFAULT}/lwc`;
const CONSOLE_META = `${LWC}/voiceCallConsole/voiceCallConsole.js-meta.xml`;
const CONSOLE_TS = `${LWC}/voiceCallConsole/voiceCallConsole.ts`;
const NOTES_META = `${LWC}/voiceCallNotes/voiceCallNotes.js-meta.xml`;
const UTILITY_BAR = `${DEFAULT}/flexipages/Voice_Call_Console_Utility_Bar.flexipage-meta.xml`;
const APP = `${DEFAULT}/applications/Voice_Call_Console.app-meta.xml`;
const PERMISSION_SET = `${DEFAULT}/permissionsets/Voice_Call_Console.permissionset-meta.xml`;
const RECORD_PAGE_CONFIG = '<targetConfig targets="lightning__RecordPage">';

interface Run {
    readonly exitCode: number;
    readonly stdout: string[];
    readonly stderr: string[];
}

interface Call {
    readonly args: readonly string[];
    readonly cwd: string;
}

const NOT_ON_PATH: CommandOutcome = {
    status: null,
    error: Object.assign(new Error('spawnSync sf ENOENT'), { code: 'ENOENT' }),
    stdout: '',
    stderr: ''
};

/** A fake `sf`: `--version` answers `version`; `project convert source` calls `convert` with its output folder. */
function fakeSf(
    version: CommandOutcome,
    convert: (outputDir: string, cwd: string) => CommandOutcome = () => ({
        status: 0,
        stdout: '',
        stderr: ''
    })
): { run: RunCommand; calls: Call[] } {
    const calls: Call[] = [];
    const run: RunCommand = (command, args, cwd) => {
        expect(command).toBe('sf');
        calls.push({ args, cwd });
        return args[0] === '--version' ? version : convert(args[args.length - 1], cwd);
    };
    return { run, calls };
}

const SF_MISSING = fakeSf(NOT_ON_PATH).run;
const SF_PRESENT: CommandOutcome = { status: 0, stdout: '@salesforce/cli/2.150.6', stderr: '' };

function validate(projectRoot: string, run: RunCommand = SF_MISSING, argv: readonly string[] = []): Run {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const exitCode = runValidateMetadata(argv, {
        projectRoot,
        print: (line) => stdout.push(line),
        printError: (line) => stderr.push(line),
        runCommand: run
    });
    return { exitCode, stdout, stderr };
}

let root: string;

/** A copy of the project's metadata and components (no tests), as a project of its own. */
function copyProject(): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-metadata-test-'));
    fs.copyFileSync(path.join(PROJECT_ROOT, 'sfdx-project.json'), path.join(copy, 'sfdx-project.json'));
    fs.cpSync(path.join(PROJECT_ROOT, 'force-app'), path.join(copy, 'force-app'), {
        recursive: true,
        filter: (source) => path.basename(source) !== '__tests__' && !source.endsWith('.js')
    });
    return copy;
}

/** Rewrites a file of the copy; fails the test when the text to replace is not there. */
function edit(file: string, from: string, to: string): void {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(full, text.replace(from, to));
}

function write(file: string, text: string): void {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
}

/** Adds a design attribute to the console's record-page config. */
function addRecordPageProperty(attributes: string): void {
    edit(
        CONSOLE_META,
        `${RECORD_PAGE_CONFIG}\n`,
        `${RECORD_PAGE_CONFIG}\n            <property ${attributes} />\n`
    );
}

describe('scripts/validateMetadata', () => {
    beforeEach(() => {
        root = copyProject();
    });

    afterEach(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    describe('the project', () => {
        it('passes with exit 0, and says the package check was skipped when sf is not on PATH', () => {
            const { run, calls } = fakeSf(NOT_ON_PATH);

            const { exitCode, stdout, stderr } = validate(PROJECT_ROOT, run);

            expect(stderr).toEqual([]);
            expect(exitCode).toBe(0);
            expect(stdout[0]).toBe(PACKAGE_SKIPPED_NOTE);
            expect(stdout[1]).toMatch(/^Metadata: \d+ files checked, no problems\.$/);
            expect(calls).toEqual([{ args: ['--version'], cwd: PROJECT_ROOT }]);
        });

        it('the copy used by the other tests passes too', () => {
            expect(validate(root)).toMatchObject({ exitCode: 0, stderr: [] });
        });

        it('refuses an argument it does not know, with the usage', () => {
            const { exitCode, stderr } = validate(root, SF_MISSING, ['--fix']);

            expect(exitCode).toBe(1);
            expect(stderr).toEqual([`Unknown argument --fix. ${VALIDATE_USAGE}`]);
        });
    });

    describe('well-formed XML', () => {
        it('names the file and line of a malformed meta file', () => {
            edit(NOTES_META, '</isExposed>', '</isExposd>');

            const { exitCode, stderr } = validate(root);

            expect(exitCode).toBe(1);
            expect(stderr).toEqual([
                `${NOTES_META}:4: not well-formed XML: Expected closing tag 'isExposed' (opened in line 4, col 5) instead of closing tag 'isExposd'.`
            ]);
        });

        it('reports unclosed elements by name and a second root element', () => {
            write(NOTES_META, '<?xml version="1.0" encoding="UTF-8" ?>\n<a><b>\n');
            write(`${DEFAULT}/labels/CustomLabels.labels-meta.xml`, '<CustomLabels/><CustomLabels/>\n');

            expect(validate(root).stderr).toEqual([
                `${DEFAULT}/labels/CustomLabels.labels-meta.xml: not well-formed XML: expected one root element, found <CustomLabels>, <CustomLabels>`,
                `${NOTES_META}:1: not well-formed XML: unclosed <a>, <b>`
            ]);
        });

        it('reads text with its entities decoded and without comments', () => {
            const read = readXml('<a x="1 &amp; 2">fish <!-- not this -->&amp; chips<b>no</b></a>');

            expect(read).toEqual({
                ok: true,
                root: {
                    name: 'a',
                    attributes: { x: '1 & 2' },
                    children: [{ name: 'b', attributes: {}, children: [], text: 'no' }],
                    text: 'fish & chips'
                }
            });
        });
    });

    describe('LWC bundles', () => {
        it('wants an apiVersion of the form NN.0 equal to sourceApiVersion', () => {
            edit(NOTES_META, '    <apiVersion>67.0</apiVersion>\n', '');
            edit(`${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml`, '67.0', '67');
            edit(`${LWC}/voiceCallStatus/voiceCallStatus.js-meta.xml`, '67.0', '66.0');

            expect(validate(root).stderr).toEqual([
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml: <apiVersion>: "67" is not of the form NN.0`,
                `${NOTES_META}: <apiVersion>: missing; expected 67.0 (sfdx-project.json)`,
                `${LWC}/voiceCallStatus/voiceCallStatus.js-meta.xml: <apiVersion>: 66.0 differs from sourceApiVersion 67.0 (sfdx-project.json)`
            ]);
        });

        it('wants isExposed, and targets and a masterLabel when exposed', () => {
            edit(NOTES_META, '    <isExposed>false</isExposed>\n', '');
            edit(
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml`,
                '<isExposed>false</isExposed>\n    <masterLabel>Voice Call Flags</masterLabel>',
                '<isExposed>true</isExposed>'
            );
            edit(`${LWC}/voiceCallStatus/voiceCallStatus.js-meta.xml`, '<isExposed>false', '<isExposed>no');

            expect(validate(root).stderr).toEqual([
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml: <targets>: an exposed bundle needs at least one <target>`,
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml: <masterLabel>: an exposed bundle needs the label admins pick it by`,
                `${NOTES_META}: <isExposed>: missing`,
                `${LWC}/voiceCallStatus/voiceCallStatus.js-meta.xml: <isExposed>: "no" is not true or false`
            ]);
        });

        it('wants the root element LightningComponentBundle in the metadata namespace', () => {
            edit(
                NOTES_META,
                '<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">',
                '<LightningComponentBundle>'
            );
            edit(
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml`,
                'LightningComponentBundle xmlns',
                'Bundle xmlns'
            );
            edit(
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml`,
                '</LightningComponentBundle>',
                '</Bundle>'
            );

            expect(validate(root).stderr).toEqual([
                `${LWC}/voiceCallFlags/voiceCallFlags.js-meta.xml: <Bundle>: the root element must be <LightningComponentBundle>`,
                `${NOTES_META}: <LightningComponentBundle>: xmlns must be "http://soap.sforce.com/2006/04/metadata"`
            ]);
        });

        it('wants a .js-meta.xml in every bundle', () => {
            fs.rmSync(path.join(root, NOTES_META));

            expect(validate(root).stderr).toEqual([
                `${LWC}/voiceCallNotes: voiceCallNotes.js-meta.xml: missing: every bundle needs its metadata file`
            ]);
        });

        it('wants the toolkit capability in a bundle whose template uses the toolkit element', () => {
            edit(
                CONSOLE_META,
                '    <capabilities>\n        <capability>lightning__ServiceCloudVoiceToolkitApi</capability>\n    </capabilities>\n',
                ''
            );

            expect(validate(root).stderr).toEqual([
                `${CONSOLE_META}: <capabilities>: the template uses <lightning-service-cloud-voice-toolkit-api>: add <capability>lightning__ServiceCloudVoiceToolkitApi</capability>`
            ]);
        });

        it('accepts design attributes that match @api properties, with defaults of their type', () => {
            edit(
                CONSOLE_TS,
                '    @api recordId: string | undefined;',
                [
                    '    @api recordId: string | undefined;',
                    '    @api showDiagnostics = true;',
                    '    @api maxLines?: number;',
                    "    @api title = 'Call';"
                ].join('\n')
            );
            edit(
                CONSOLE_META,
                '    </targetConfigs>',
                [
                    '        <targetConfig targets="lightning__UtilityBar, lightning__HomePage">',
                    '            <property name="showDiagnostics" type="Boolean" label="Show ignored events" default="false" />',
                    '            <property name="maxLines" type="Integer" label="Lines" default="60" min="10" max="500" />',
                    '            <property name="title" type="String" label="Title" default="" />',
                    '        </targetConfig>',
                    '    </targetConfigs>'
                ].join('\n')
            );

            expect(validate(root)).toMatchObject({ exitCode: 0, stderr: [] });
        });

        it('reports a design attribute with no @api property behind it', () => {
            addRecordPageProperty('name="showEverything" type="Boolean" label="Show everything"');

            const { exitCode, stderr } = validate(root);

            expect(exitCode).toBe(1);
            expect(stderr).toEqual([
                `${CONSOLE_META}: ${RECORD_PAGE_CONFIG}/<property name="showEverything">: no @api property showEverything in voiceCallConsole.ts`
            ]);
        });

        it('reports a default that does not parse as its type, and min / max out of line', () => {
            edit(
                CONSOLE_TS,
                '    @api recordId: string | undefined;',
                [
                    '    @api recordId: string | undefined;',
                    '    @api compact = false;',
                    '    @api maxLines = 60;',
                    '    @api minLines = 1;'
                ].join('\n')
            );
            addRecordPageProperty('name="compact" type="Boolean" label="Compact" default="yes"');
            addRecordPageProperty('name="maxLines" type="Integer" label="Lines" default="ten"');
            addRecordPageProperty(
                'name="minLines" type="Integer" label="Least" default="5" min="10" max="20"'
            );

            const element = (name: string): string =>
                `${CONSOLE_META}: ${RECORD_PAGE_CONFIG}/<property name="${name}">`;
            expect(validate(root).stderr).toEqual([
                `${element('minLines')}: default 5 is outside min 10 .. max 20`,
                `${element('maxLines')}: default "ten" is not a valid Integer (a whole number)`,
                `${element('compact')}: default "yes" is not a valid Boolean (true or false)`
            ]);
        });

        it('reports a property without name, type or label, and a type it does not take', () => {
            addRecordPageProperty('type="Color" label="Accent" name="recordId"');
            addRecordPageProperty('default="x"');

            expect(validate(root).stderr).toEqual([
                `${CONSOLE_META}: ${RECORD_PAGE_CONFIG}/<property>: missing its name attribute`,
                `${CONSOLE_META}: ${RECORD_PAGE_CONFIG}/<property>: missing its type attribute`,
                `${CONSOLE_META}: ${RECORD_PAGE_CONFIG}/<property>: missing its label attribute`,
                `${CONSOLE_META}: ${RECORD_PAGE_CONFIG}/<property name="recordId">: type "Color" is not one of String, Integer, Boolean`
            ]);
        });

        it('reports a targetConfig for a target the bundle does not declare', () => {
            edit(
                CONSOLE_META,
                RECORD_PAGE_CONFIG,
                '<targetConfig targets="lightning__RecordPage,lightning__AppPage">'
            );

            expect(validate(root).stderr).toEqual([
                `${CONSOLE_META}: <targetConfig targets="lightning__RecordPage,lightning__AppPage">: target lightning__AppPage is not declared in <targets>`
            ]);
        });
    });

    describe('the app and its utility bar', () => {
        it('reports a FlexiPage that places a component with no bundle', () => {
            edit(
                UTILITY_BAR,
                '<componentName>c:voiceCallConsole</componentName>',
                '<componentName>c:voiceCallPanel</componentName>'
            );

            const { exitCode, stderr } = validate(root);

            expect(exitCode).toBe(1);
            expect(stderr).toEqual([
                `${UTILITY_BAR}: <componentName>c:voiceCallPanel</componentName>: no bundle voiceCallPanel in ${LWC}`
            ]);
        });

        it('reports a placed component that is not exposed, or not for the utility bar', () => {
            edit(
                UTILITY_BAR,
                '<componentName>c:voiceCallConsole</componentName>',
                '<componentName>voiceCallFlags</componentName>'
            );
            write(
                `${DEFAULT}/flexipages/Home.flexipage-meta.xml`,
                fs
                    .readFileSync(path.join(root, UTILITY_BAR), 'utf8')
                    .replace('voiceCallFlags', 'c:voiceCallConsole')
            );
            edit(CONSOLE_META, '        <target>lightning__UtilityBar</target>\n', '');

            expect(validate(root).stderr).toEqual([
                `${CONSOLE_META}: <targetConfig targets="lightning__UtilityBar,lightning__HomePage">: target lightning__UtilityBar is not declared in <targets>`,
                `${DEFAULT}/flexipages/Home.flexipage-meta.xml: <componentName>c:voiceCallConsole</componentName>: voiceCallConsole does not declare target lightning__UtilityBar, which a UtilityBar needs`,
                `${UTILITY_BAR}: <componentName>voiceCallFlags</componentName>: voiceCallFlags is not exposed (isExposed false in its .js-meta.xml)`
            ]);
        });

        it('leaves components of other namespaces alone', () => {
            edit(
                UTILITY_BAR,
                '<componentName>c:voiceCallConsole</componentName>',
                '<componentName>opencti:softPhone</componentName>'
            );

            expect(validate(root)).toMatchObject({ exitCode: 0, stderr: [] });
        });

        it('reports an app whose utility bar FlexiPage is missing or not a utility bar', () => {
            edit(
                APP,
                '<utilityBar>Voice_Call_Console_Utility_Bar</utilityBar>',
                '<utilityBar>Voice_Utility_Bar</utilityBar>'
            );
            write(
                `${DEFAULT}/applications/Second.app-meta.xml`,
                fs
                    .readFileSync(path.join(PROJECT_ROOT, APP), 'utf8')
                    .replace('<utilityBar>Voice_Call_Console_Utility_Bar', '<utilityBar>Record')
            );
            write(
                `${DEFAULT}/flexipages/Record.flexipage-meta.xml`,
                fs
                    .readFileSync(path.join(PROJECT_ROOT, UTILITY_BAR), 'utf8')
                    .replace('<type>UtilityBar</type>', '<type>AppPage</type>')
                    .replace('c:voiceCallConsole', 'flexipage:richText')
            );

            expect(validate(root).stderr).toEqual([
                `${DEFAULT}/applications/Second.app-meta.xml: <utilityBar>Record</utilityBar>: FlexiPage Record is of type AppPage, not UtilityBar`,
                `${APP}: <utilityBar>Voice_Utility_Bar</utilityBar>: no FlexiPage Voice_Utility_Bar in ${DEFAULT}/flexipages`
            ]);
        });

        it('reports a FlexiPage or app without its label or type, and a permission set granting an unknown app', () => {
            edit(UTILITY_BAR, '    <type>UtilityBar</type>\n', '');
            edit(APP, '    <label>Voice Call Console</label>\n', '');
            edit(
                PERMISSION_SET,
                '<application>Voice_Call_Console</application>',
                '<application>Voice_Console</application>'
            );

            expect(validate(root).stderr).toEqual([
                `${UTILITY_BAR}: <type>: missing`,
                `${APP}: <label>: missing`,
                `${PERMISSION_SET}: <application>Voice_Console</application>: no app Voice_Console in ${DEFAULT}/applications`
            ]);
        });
    });

    describe('message channels', () => {
        const CHANNEL = `${DEFAULT}/messageChannels/Voice_Call.messageChannel-meta.xml`;
        const channel = (body: string): string =>
            `<?xml version="1.0" encoding="UTF-8" ?>\n<LightningMessageChannel xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</LightningMessageChannel>\n`;

        it('accepts a channel with a label, isExposed and named fields', () => {
            write(
                CHANNEL,
                channel(
                    '<masterLabel>Voice Call</masterLabel><isExposed>true</isExposed>' +
                        '<lightningMessageFields><fieldName>callId</fieldName></lightningMessageFields>'
                )
            );

            expect(validate(root)).toMatchObject({ exitCode: 0, stderr: [] });
        });

        it('reports a missing masterLabel, isExposed and fieldName', () => {
            write(
                CHANNEL,
                channel(
                    '<lightningMessageFields><fieldName>callId</fieldName></lightningMessageFields>' +
                        '<lightningMessageFields><description>no name</description></lightningMessageFields>'
                )
            );

            expect(validate(root).stderr).toEqual([
                `${CHANNEL}: <masterLabel>: missing`,
                `${CHANNEL}: <isExposed>: missing`,
                `${CHANNEL}: <lightningMessageFields> #2: missing its <fieldName>`
            ]);
        });
    });

    describe('custom labels', () => {
        const LABELS = `${DEFAULT}/labels/CustomLabels.labels-meta.xml`;
        const labels = (body: string): string =>
            `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</CustomLabels>\n`;
        const label = (fields: Readonly<Record<string, string | undefined>>): string => {
            const all: Record<string, string | undefined> = {
                fullName: 'VCC_Test',
                categories: 'VoiceCallConsole',
                language: 'en_US',
                protected: 'false',
                shortDescription: 'A test label',
                value: 'Test',
                ...fields
            };
            const elements = Object.entries(all)
                .filter((entry): entry is [string, string] => entry[1] !== undefined)
                .map(([name, text]) => `<${name}>${text}</${name}>`);
            return `<labels>${elements.join('')}</labels>\n`;
        };

        it('accepts labels with a name, value, language, protected and a short description', () => {
            write(LABELS, labels(label({}) + label({ fullName: 'VCC_Other', categories: undefined })));

            expect(validate(root)).toMatchObject({ exitCode: 0, stderr: [] });
        });

        it('reports a label without a name, value, language, short description or a valid protected', () => {
            write(
                LABELS,
                labels(
                    label({ fullName: undefined }) +
                        label({ fullName: 'VCC_A', value: '', language: undefined }) +
                        label({ fullName: 'VCC_B', shortDescription: undefined, protected: undefined }) +
                        label({ fullName: 'VCC_C', protected: 'yes' })
                )
            );

            expect(validate(root).stderr).toEqual([
                `${LABELS}: <labels> #1: missing its <fullName>`,
                `${LABELS}: <labels>VCC_A: missing its <value>`,
                `${LABELS}: <labels>VCC_A: missing its <language>`,
                `${LABELS}: <labels>VCC_B: missing its <shortDescription>`,
                `${LABELS}: <labels>VCC_B: missing its <protected>`,
                `${LABELS}: <labels>VCC_C: <protected> "yes" is not true or false`
            ]);
        });

        it('reports an API name the platform refuses, a name used twice and a value over 1,000 characters', () => {
            write(
                LABELS,
                labels(
                    label({ fullName: '1st_Label' }) +
                        label({ fullName: 'VCC__Double' }) +
                        label({ fullName: 'VCC_Trailing_' }) +
                        label({ fullName: 'VCC_Twice' }) +
                        label({ fullName: 'VCC_Twice' }) +
                        label({ fullName: 'VCC_Long', value: 'x'.repeat(1001) })
                )
            );
            const naming =
                'fullName must start with a letter and hold only letters, digits and single underscores, not ending with one';

            expect(validate(root).stderr).toEqual([
                `${LABELS}: <labels>1st_Label: ${naming}`,
                `${LABELS}: <labels>VCC__Double: ${naming}`,
                `${LABELS}: <labels>VCC_Trailing_: ${naming}`,
                `${LABELS}: <labels>VCC_Twice: defined more than once`,
                `${LABELS}: <labels>VCC_Long: value is 1001 characters, over 1000`
            ]);
        });

        it('wants the root element CustomLabels in the metadata namespace', () => {
            write(LABELS, '<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels>\n</CustomLabels>\n');
            write(`${DEFAULT}/labels/Other.labels-meta.xml`, '<Labels xmlns="x"/>\n');

            expect(validate(root).stderr).toEqual([
                `${LABELS}: <CustomLabels>: xmlns must be "http://soap.sforce.com/2006/04/metadata"`,
                `${DEFAULT}/labels/Other.labels-meta.xml: <Labels>: the root element must be <CustomLabels>`
            ]);
        });
    });

    it('reports an sfdx-project.json without a usable sourceApiVersion', () => {
        write('sfdx-project.json', '{ "sourceApiVersion": 67 }\n');

        expect(validate(root).stderr).toEqual([
            'sfdx-project.json: sourceApiVersion: must be a string of the form "NN.0"'
        ]);
    });

    describe('the converted package (a fake sf)', () => {
        /** Emits a .js beside each .ts of the copy, as npm run build does. */
        function emitJs(): void {
            for (const bundle of findBundles(root)) {
                for (const file of bundle.files.filter((name) => name.endsWith('.ts'))) {
                    fs.writeFileSync(`${file.slice(0, -'.ts'.length)}.js`, '// emitted\n');
                }
            }
        }

        /** Converts as sf does: every file but those .forceignore names, `-meta.xml` dropped outside lwc. */
        function convertLikeSf(leak: (file: string) => boolean = () => false) {
            return (outputDir: string, cwd: string): CommandOutcome => {
                const source = path.join(cwd, DEFAULT);
                const copy = (dir: string): void => {
                    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                        const full = path.join(dir, entry.name);
                        const relative = path.relative(source, full).split(path.sep).join('/');
                        if (entry.isDirectory()) {
                            copy(full);
                            continue;
                        }
                        const ignored = relative.includes('__tests__/') || relative.endsWith('.ts');
                        if (ignored && !leak(relative)) {
                            continue;
                        }
                        const target = relative.startsWith('lwc/')
                            ? relative
                            : relative.replace(/-meta\.xml$/, '');
                        fs.mkdirSync(path.dirname(path.join(outputDir, target)), { recursive: true });
                        fs.copyFileSync(full, path.join(outputDir, target));
                    }
                };
                copy(source);
                fs.writeFileSync(path.join(outputDir, 'package.xml'), '<Package/>\n');
                return { status: 0, stdout: `Source was successfully converted to ${outputDir}`, stderr: '' };
            };
        }

        it('runs sf project convert source on force-app into a temporary folder, then removes it', () => {
            emitJs();
            let written: string[] = [];
            const convert = convertLikeSf();
            const { run, calls } = fakeSf(SF_PRESENT, (outputDir, cwd) => {
                const outcome = convert(outputDir, cwd);
                written = fs.readdirSync(outputDir).sort();
                return outcome;
            });

            const { exitCode, stdout, stderr } = validate(root, run);

            expect(stderr).toEqual([]);
            expect(exitCode).toBe(0);
            expect(stdout[0]).toMatch(
                /^Package check: sf project convert source wrote \d+ files, as expected\.$/
            );
            // Every metadata folder of the project, and the manifest.
            expect(written).toEqual([...fs.readdirSync(path.join(root, DEFAULT)), 'package.xml'].sort());
            expect(written).toEqual(
                expect.arrayContaining(['applications', 'flexipages', 'lwc', 'permissionsets'])
            );
            const outputDir = calls[1].args[calls[1].args.length - 1];
            expect(calls[1]).toEqual({ args: convertArgs(outputDir), cwd: root });
            expect(convertArgs('out')).toEqual([
                'project',
                'convert',
                'source',
                '--root-dir',
                'force-app',
                '--output-dir',
                'out'
            ]);
            expect(fs.existsSync(outputDir)).toBe(false);
        });

        it('reports TypeScript and tests that reach the package, and a .js that was never emitted', () => {
            emitJs();
            fs.rmSync(path.join(root, LWC, 'voiceCallFlags', 'voiceCallFlags.js'));
            write(`${LWC}/voiceCallNotes/__tests__/voiceCallNotes.test.ts`, '// a test\n');
            const leak = (file: string): boolean => file.startsWith('lwc/voiceCallNotes/');

            const { exitCode, stdout, stderr } = validate(root, fakeSf(SF_PRESENT, convertLikeSf(leak)).run);

            expect(exitCode).toBe(1);
            expect(stderr).toEqual([
                'converted package: lwc/voiceCallFlags/voiceCallFlags.js: missing; run npm run build first, it emits voiceCallFlags.js from voiceCallFlags.ts',
                'converted package: lwc/voiceCallNotes/__tests__/voiceCallNotes.test.ts: must not deploy; .forceignore should keep it out',
                'converted package: lwc/voiceCallNotes/voiceCallNotes.ts: must not deploy; .forceignore should keep it out'
            ]);
            expect(stdout[0]).toMatch(/not the expected ones\.$/);
        });

        it('reports a failed conversion with the first line sf printed', () => {
            const failing = fakeSf(SF_PRESENT, () => ({
                status: 1,
                stdout: '',
                stderr: '\nError (1): The package root directory is empty.\nmore\n'
            }));

            const { exitCode, stderr } = validate(root, failing.run);

            expect(exitCode).toBe(1);
            expect(stderr).toEqual([
                'converted package: sf project convert source failed (exit 1): Error (1): The package root directory is empty.'
            ]);
        });

        it('expects every bundle file that deploys and the other metadata, and no TypeScript or tests', () => {
            const { files, unjudgedFolders } = expectedPackageFiles(
                path.join(PROJECT_ROOT, DEFAULT),
                findBundles(PROJECT_ROOT)
            );
            const expected = [...files];

            expect(expected).toEqual(
                expect.arrayContaining([
                    'package.xml',
                    'applications/Voice_Call_Console.app',
                    'flexipages/Voice_Call_Console_Utility_Bar.flexipage',
                    'permissionsets/Voice_Call_Console.permissionset',
                    'lwc/voiceCallConsole/voiceCallConsole.js',
                    'lwc/voiceCallConsole/voiceCallConsole.html',
                    'lwc/voiceCallConsole/voiceCallConsole.css',
                    'lwc/voiceCallConsole/voiceCallConsole.js-meta.xml',
                    'lwc/voiceCallState/orderedLog.js'
                ])
            );
            expect(expected.filter((file) => file.endsWith('.ts') || file.includes('__tests__'))).toEqual([]);
            expect(unjudgedFolders).toEqual([]);
        });
    });

    describe('@api properties read from the component source', () => {
        it('finds fields and accessors, with or without a type, initialiser or modifier', () => {
            const source = [
                'export default class Panel extends LightningElement {',
                '    @api recordId: string | undefined;',
                '    @api label?: string;',
                '    @api value!: number;',
                '    @api compact = false;',
                '    @api',
                '    wrapped: boolean;',
                '    @api readonly fixed = 1;',
                '    @api get size(): number { return 1; }',
                '    @api set theme(value: string) {}',
                '}'
            ].join('\n');

            expect([...apiPropertyNames(source)].sort()).toEqual([
                'compact',
                'fixed',
                'label',
                'recordId',
                'size',
                'theme',
                'value',
                'wrapped'
            ]);
        });

        it('skips @api methods, private fields and @api in comments', () => {
            const source = [
                '/** Not a declaration: @api ghost */',
                '// @api commented',
                '    @api focus(): void {}',
                '    @track tracked = 1;',
                '    plain = 2;'
            ].join('\n');

            expect(apiPropertyNames(source)).toEqual(new Set());
        });

        it('reads defaults by type: whole numbers for Integer, true or false for Boolean, anything for String', () => {
            expect(['10', '-3', '0'].every((value) => defaultMatchesType('Integer', value))).toBe(true);
            expect(['1.5', 'ten', '', '1e3'].some((value) => defaultMatchesType('Integer', value))).toBe(
                false
            );
            expect(defaultMatchesType('Boolean', 'true') && defaultMatchesType('Boolean', 'false')).toBe(
                true
            );
            expect(['True', 'yes', '1'].some((value) => defaultMatchesType('Boolean', value))).toBe(false);
            expect(defaultMatchesType('String', '')).toBe(true);
        });
    });
});
