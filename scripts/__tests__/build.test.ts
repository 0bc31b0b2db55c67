// The build runs on throwaway projects in the OS temp folder, never on the real tree.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundlePathLine } from '../lib/checkTsconfigPaths';
import { buildLwcBundles, formatBuildReport, runBuild } from '../lib/buildLwcBundles';
import { LWC_DIR } from '../lib/lwcBundles';

const GREETING_TS = `import { LightningElement, api } from 'lwc';
import type { Salutation } from './salutation';

export default class Greeting extends LightningElement {
    @api name?: string;
    @api salutation!: Salutation;

    get text(): string {
        return \`\${this.salutation} \${this.name ?? 'there'}\`;
    }
}
`;
const SALUTATION_TS = `export type Salutation = 'Hello' | 'Hi';\n`;
const GREETING_HTML = `<template><p class="greeting">{text}</p></template>\n`;
const GREETING_CSS = `.greeting { font-weight: bold; }\n`;
const GREETING_META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>67.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`;

let projectRoot: string;

/** A project with a tsconfig.json mapping `bundleNames`, and no bundles yet. */
function createProject(bundleNames: readonly string[]): void {
    const paths = bundleNames.map((name) => `      ${bundlePathLine(name)}`).join('\n');
    const tsconfig = `{\n  "compilerOptions": {\n    "paths": {\n${paths}\n      "test-utils/*": ["./test-utils/*"]\n    }\n  }\n}\n`;
    fs.writeFileSync(path.join(projectRoot, 'tsconfig.json'), tsconfig);
    fs.mkdirSync(path.join(projectRoot, LWC_DIR), { recursive: true });
}

function writeBundleFile(relativePath: string, content: string): string {
    const file = path.join(projectRoot, LWC_DIR, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
}

function bundleFile(relativePath: string): string {
    return path.join(projectRoot, LWC_DIR, relativePath);
}

/** The valid `greeting` component: a typed class with `@api`, a type-only module, a template, a style, metadata. */
function writeGreetingBundle(): void {
    writeBundleFile('greeting/greeting.ts', GREETING_TS);
    writeBundleFile('greeting/salutation.ts', SALUTATION_TS);
    writeBundleFile('greeting/greeting.html', GREETING_HTML);
    writeBundleFile('greeting/greeting.css', GREETING_CSS);
    writeBundleFile('greeting/greeting.js-meta.xml', GREETING_META);
    writeBundleFile('greeting/__tests__/greeting.test.ts', `it('is never emitted', () => undefined);\n`);
    writeBundleFile('greeting/ambient.d.ts', `declare const neverEmitted: number;\n`);
}

beforeEach(() => {
    projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-build-'));
});

afterEach(() => {
    fs.rmSync(projectRoot, { recursive: true, force: true });
});

describe('scripts/build', () => {
    describe('on a valid project', () => {
        beforeEach(() => {
            createProject(['greeting']);
            writeGreetingBundle();
        });

        it('emits each .ts beside it and compiles every deployable file with no error', () => {
            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([]);
            expect(report.bundles).toEqual(['greeting']);
            expect(report.transpiled).toBe(2);
            expect(report.written).toEqual([
                `${LWC_DIR}/greeting/greeting.js`,
                `${LWC_DIR}/greeting/salutation.js`
            ]);
            // greeting.js, salutation.js, greeting.html, greeting.css
            expect(report.compiled).toBe(4);
        });

        it('keeps the LWC decorators as written, drops type-only imports and adds the header', () => {
            buildLwcBundles({ projectRoot, check: false });
            const js = fs.readFileSync(bundleFile('greeting/greeting.js'), 'utf8');

            expect(js.startsWith('// Emitted from greeting.ts by npm run build; edit the .ts.\n')).toBe(true);
            expect(js).toMatch(/@api\s+name;/);
            expect(js).toMatch(/@api\s+salutation;/);
            expect(js).not.toContain('import type');
            expect(js).not.toContain('./salutation');
            expect(js).not.toContain(': string');
        });

        it('emits nothing for tests and declarations', () => {
            buildLwcBundles({ projectRoot, check: false });

            expect(fs.existsSync(bundleFile('greeting/__tests__/greeting.test.js'))).toBe(false);
            expect(fs.existsSync(bundleFile('greeting/ambient.d.js'))).toBe(false);
            expect(fs.existsSync(bundleFile('greeting/ambient.js'))).toBe(false);
        });

        it('writes nothing when every .js is already up to date, and then passes --check', () => {
            buildLwcBundles({ projectRoot, check: false });
            const again = buildLwcBundles({ projectRoot, check: false });
            const checked = buildLwcBundles({ projectRoot, check: true });

            expect(again.written).toEqual([]);
            expect(again.errors).toEqual([]);
            expect(checked.errors).toEqual([]);
            expect(checked.compiled).toBe(4);
        });

        it('prints the summary line and exits 0', () => {
            const lines: string[] = [];
            const exitCode = runBuild([], projectRoot, (line) => lines.push(line));

            expect(exitCode).toBe(0);
            expect(lines).toEqual([
                'build: 1 bundles, 2 .js emitted (2 written), 4 files compiled with @lwc/compiler, 0 errors'
            ]);
        });

        it('refuses an unknown argument with exit code 2', () => {
            const lines: string[] = [];

            expect(runBuild(['--chek'], projectRoot, (line) => lines.push(line))).toBe(2);
            expect(lines[0]).toContain('unknown argument --chek');
            expect(fs.existsSync(bundleFile('greeting/greeting.js'))).toBe(false);
        });
    });

    describe('with --check', () => {
        beforeEach(() => {
            createProject(['greeting']);
            writeGreetingBundle();
        });

        it('writes nothing and fails on a missing .js', () => {
            const lines: string[] = [];
            const exitCode = runBuild(['--check'], projectRoot, (line) => lines.push(line));

            expect(exitCode).toBe(1);
            expect(fs.existsSync(bundleFile('greeting/greeting.js'))).toBe(false);
            expect(lines).toEqual([
                'build --check: 1 bundles, 2 .js checked, 2 files compiled with @lwc/compiler, 2 errors',
                `${LWC_DIR}/greeting/greeting.js: missing; emit it from greeting.ts with npm run build`,
                `${LWC_DIR}/greeting/salutation.js: missing; emit it from salutation.ts with npm run build`
            ]);
        });

        it('fails on a stale .js and leaves it as it is; a build then refreshes it', () => {
            buildLwcBundles({ projectRoot, check: false });
            fs.appendFileSync(bundleFile('greeting/greeting.ts'), 'export const added = 1;\n');
            const staleJs = fs.readFileSync(bundleFile('greeting/greeting.js'), 'utf8');

            const checked = buildLwcBundles({ projectRoot, check: true });

            expect(checked.errors).toEqual([
                `${LWC_DIR}/greeting/greeting.js: stale (differs from greeting.ts); emit it with npm run build`
            ]);
            expect(fs.readFileSync(bundleFile('greeting/greeting.js'), 'utf8')).toBe(staleJs);

            const built = buildLwcBundles({ projectRoot, check: false });

            expect(built.written).toEqual([`${LWC_DIR}/greeting/greeting.js`]);
            expect(built.errors).toEqual([]);
        });

        it('reports a .js with a syntax error as stale and as rejected by the LWC compiler', () => {
            buildLwcBundles({ projectRoot, check: false });
            writeBundleFile('greeting/greeting.js', `export default class {\n    x = ;\n}\n`);

            const report = buildLwcBundles({ projectRoot, check: true });

            expect(report.errors).toEqual([
                `${LWC_DIR}/greeting/greeting.js: stale (differs from greeting.ts); emit it with npm run build`,
                `${LWC_DIR}/greeting/greeting.js:2:9: SyntaxError: LWC1007: Unexpected token (2:8)`
            ]);
        });
    });

    describe('reports', () => {
        beforeEach(() => {
            createProject(['greeting']);
            writeGreetingBundle();
        });

        it('a template the LWC compiler rejects, with line and column', () => {
            writeBundleFile('greeting/greeting.html', '<template>\n    <div lwc:foo></div>\n</template>\n');

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                `${LWC_DIR}/greeting/greeting.html:2:5: LWC1127: Invalid directive "lwc:foo" on element <div>.`
            ]);
        });

        it('a stylesheet the LWC compiler rejects', () => {
            writeBundleFile('greeting/greeting.css', '.greeting { color: red;\n');

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                `${LWC_DIR}/greeting/greeting.css:1:1: CssSyntaxError: LWC1009: Unclosed block`
            ]);
        });

        it('a component the LWC compiler rejects once emitted', () => {
            writeBundleFile(
                'greeting/greeting.ts',
                `import { LightningElement, api } from 'lwc';\nexport default class Greeting extends LightningElement {\n    @api onpick?: string;\n}\n`
            );

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toHaveLength(1);
            expect(report.errors[0]).toMatch(
                new RegExp(
                    `^${LWC_DIR}/greeting/greeting\\.js:4:5: SyntaxError: LWC1108: Invalid property name "onpick"`
                )
            );
        });

        it('a TypeScript syntax error on the .ts, emitting nothing for it', () => {
            writeBundleFile('greeting/salutation.ts', `export const broken = ;\n`);

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([`${LWC_DIR}/greeting/salutation.ts:1:23: Expression expected.`]);
            expect(fs.existsSync(bundleFile('greeting/salutation.js'))).toBe(false);
        });

        it('a .js with no .ts beside it', () => {
            writeBundleFile('greeting/leftover.js', 'export const leftover = 1;\n');

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                `${LWC_DIR}/greeting/leftover.js: has no leftover.ts beside it (a leftover?); delete it or restore the .ts`
            ]);
        });

        it('exits 1 and prints each error on its own line', () => {
            writeBundleFile('greeting/greeting.html', '<template><div lwc:foo></div></template>\n');
            writeBundleFile('greeting/greeting.css', '.greeting {\n');
            const lines: string[] = [];

            expect(runBuild([], projectRoot, (line) => lines.push(line))).toBe(1);
            expect(lines[0]).toBe(
                'build: 1 bundles, 2 .js emitted (2 written), 4 files compiled with @lwc/compiler, 2 errors'
            );
            expect(lines.slice(1)).toEqual([
                expect.stringMatching(new RegExp(`^${LWC_DIR}/greeting/greeting\\.css:1:1: .*LWC1009`)),
                expect.stringMatching(new RegExp(`^${LWC_DIR}/greeting/greeting\\.html:1:11: .*LWC1127`))
            ]);
        });
    });

    describe('refuses every way to render HTML', () => {
        beforeEach(() => {
            createProject(['greeting']);
            writeGreetingBundle();
        });

        it('but lets a template hold an lwc:dom="manual" element, which script can only fill with elements and text', () => {
            writeBundleFile(
                'greeting/greeting.html',
                '<template>\n    <p class="greeting">{text}</p>\n    <div class="x" lwc:dom="manual"></div>\n</template>\n'
            );

            expect(buildLwcBundles({ projectRoot, check: false }).errors).toEqual([]);
        });

        it.each([
            ['an inner-h-t-m-l binding', '<div inner-h-t-m-l={text}></div>', 'an innerHTML binding'],
            ['an outer-h-t-m-l binding', '<div outer-h-t-m-l={text}></div>', 'an outerHTML binding'],
            ['an innerHTML attribute', '<div innerHTML="<b>x</b>"></div>', 'an innerHTML binding'],
            ['lwc:inner-html', '<div lwc:inner-html={text}></div>', 'lwc:inner-html']
        ])('a template with %s', (_label, markup, message) => {
            writeBundleFile('greeting/greeting.html', `<template>\n    ${markup}\n</template>\n`);

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toContain(
                `${LWC_DIR}/greeting/greeting.html:2:10: ${message} renders HTML; render text instead`
            );
        });

        it('but not the words in a comment, a text or an attribute value', () => {
            writeBundleFile(
                'greeting/greeting.html',
                '<template>\n    <!-- never <div lwc:dom="manual"></div> -->\n' +
                    '    <p title="no innerHTML here" class="greeting">innerHTML and lwc:dom="manual" as text</p>\n</template>\n'
            );

            expect(buildLwcBundles({ projectRoot, check: false }).errors).toEqual([]);
        });

        it('component code using any DOM API that parses HTML, however written', () => {
            writeBundleFile(
                'greeting/salutation.ts',
                [
                    `export type Salutation = 'Hello' | 'Hi';`,
                    `// A comment may say innerHTML.`,
                    `export function show(element: HTMLElement, text: string): void {`,
                    `    element.innerHTML = text;`,
                    `    element['outerHTML'] = text;`,
                    `    element.insertAdjacentHTML('beforeend', text);`,
                    `    element.append(document.createRange().createContextualFragment(text));`,
                    `    element.append(new DOMParser().parseFromString(text, 'text/html').body);`,
                    `    element.setHTMLUnsafe(text);`,
                    `}`,
                    ``
                ].join('\n')
            );

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                `${LWC_DIR}/greeting/salutation.ts:4:13: innerHTML parses HTML; render event text as text`,
                `${LWC_DIR}/greeting/salutation.ts:5:13: outerHTML parses HTML; render event text as text`,
                `${LWC_DIR}/greeting/salutation.ts:6:13: insertAdjacentHTML parses HTML; render event text as text`,
                `${LWC_DIR}/greeting/salutation.ts:7:43: createContextualFragment parses HTML; render event text as text`,
                `${LWC_DIR}/greeting/salutation.ts:8:36: parseFromString parses HTML; render event text as text`,
                `${LWC_DIR}/greeting/salutation.ts:9:13: setHTMLUnsafe parses HTML; render event text as text`
            ]);
        });

        it('and fails the CLI with exit code 1', () => {
            writeBundleFile(
                'greeting/greeting.html',
                '<template><div lwc:inner-html={text}></div></template>\n'
            );

            expect(runBuild([], projectRoot, () => undefined)).toBe(1);
        });
    });

    describe('main modules', () => {
        it('accepts a template-less module with only its .ts', () => {
            createProject(['callFormat']);
            writeBundleFile(
                'callFormat/callFormat.ts',
                'export const seconds = (ms: number): number => ms / 1000;\n'
            );

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([]);
            expect(report.compiled).toBe(1);
        });

        it('rejects a bundle with metadata but no main .js', () => {
            createProject(['greeting']);
            writeBundleFile('greeting/greeting.html', GREETING_HTML);
            writeBundleFile('greeting/greeting.js-meta.xml', GREETING_META);

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                `${LWC_DIR}/greeting/greeting.js-meta.xml: the bundle has metadata but no greeting.js to deploy`
            ]);
        });

        it('rejects a bundle folder with no main module', () => {
            createProject(['greeting']);
            writeBundleFile('greeting/greeting.html', GREETING_HTML);

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([`${LWC_DIR}/greeting: the bundle has no main module greeting.ts`]);
        });
    });

    describe('tsconfig.json paths', () => {
        beforeEach(() => {
            writeGreetingBundle();
        });

        it('reports a bundle with no entry, with the line to add', () => {
            createProject([]);

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                'tsconfig.json: no paths entry for bundle greeting; add to compilerOptions.paths: ' +
                    `"c/greeting": ["./${LWC_DIR}/greeting/greeting.ts"],`
            ]);
        });

        it('reports an entry for a bundle that does not exist, with the line to remove', () => {
            createProject(['greeting', 'gone']);

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                `tsconfig.json: paths entry "c/gone" names no bundle in ${LWC_DIR}; remove the line: ` +
                    `"c/gone": ["./${LWC_DIR}/gone/gone.ts"],`
            ]);
        });

        it('reports an entry pointing elsewhere, with the line to put instead', () => {
            fs.writeFileSync(
                path.join(projectRoot, 'tsconfig.json'),
                '{ "compilerOptions": { "paths": { "c/greeting": ["./elsewhere.ts"] } } }'
            );

            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                'tsconfig.json: paths entry "c/greeting" is ["./elsewhere.ts"]; replace it with: ' +
                    `"c/greeting": ["./${LWC_DIR}/greeting/greeting.ts"],`
            ]);
        });

        it('accepts comments, trailing commas and a target without the leading ./', () => {
            fs.writeFileSync(
                path.join(projectRoot, 'tsconfig.json'),
                `{\n  // one entry per bundle\n  "compilerOptions": { "paths": { "c/greeting": ["${LWC_DIR}/greeting/greeting.ts"], } },\n}\n`
            );

            expect(buildLwcBundles({ projectRoot, check: false }).errors).toEqual([]);
        });

        it('reports a missing tsconfig.json', () => {
            const report = buildLwcBundles({ projectRoot, check: false });

            expect(report.errors).toEqual([
                'tsconfig.json: not found; it must map each bundle in compilerOptions.paths'
            ]);
        });
    });

    it('formats a check report with its counts', () => {
        const lines = formatBuildReport({
            check: true,
            bundles: ['a', 'b'],
            transpiled: 3,
            written: [],
            compiled: 5,
            errors: ['x.js: missing']
        });

        expect(lines).toEqual([
            'build --check: 2 bundles, 3 .js checked, 5 files compiled with @lwc/compiler, 1 errors',
            'x.js: missing'
        ]);
    });
});
