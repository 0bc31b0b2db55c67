// A smoke test of the preview build: the real page, built into the OS temp folder (about 20 s); then how it stands in
// for the platform's `@salesforce/label` and `@salesforce/i18n` modules, on a one-file page of a throwaway project.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CUSTOM_LABELS_FILE } from '../lib/customLabels';
import { ENTRY_FILE, SLDS_STYLESHEET, buildPreview } from '../preview/previewBuild';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

let outDir: string;

beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-preview-build-'));
});

afterEach(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
});

describe('scripts/preview/previewBuild', () => {
    it('builds index.html, the JavaScript entry with the real console and the simulated toolkit, and SLDS', async () => {
        const build = await buildPreview({ projectRoot: REPO_ROOT, outDir, mode: 'development' });
        const read = (file: string): string => fs.readFileSync(path.join(outDir, file), 'utf8');

        expect(build.entry).toBe(ENTRY_FILE);
        expect(read('index.html')).toContain(`src="./${ENTRY_FILE}"`);
        expect(read('index.html')).toContain(`href="./${SLDS_STYLESHEET}"`);
        const entry = read(ENTRY_FILE);
        // The console's own code (from its .ts), the simulated toolkit element, no TypeScript left, no SSR checks.
        expect(entry).toContain('c-voice-call-console');
        expect(entry).toContain('lightning-service-cloud-voice-toolkit-api');
        expect(entry).toContain('parseToolkitEvent');
        expect(entry).not.toContain('import.meta.env');
        // Labels are their English values; nothing asks for a platform module.
        expect(entry).toContain('"Wrap-up complete"');
        expect(entry).not.toMatch(/from ['"]@salesforce\//);
        expect(read(SLDS_STYLESHEET)).toContain('.slds-utility-panel');
        expect(fs.existsSync(path.join(outDir, 'assets/icons/utility-sprite/svg/symbols.svg'))).toBe(true);
    }, 180_000);

    describe('platform modules', () => {
        let projectRoot: string;

        /** A project holding only `page/main.ts` (importing `imports`), its index.html and, unless told, the labels. */
        function miniProject(imports: string, withLabels = true): void {
            fs.mkdirSync(path.join(projectRoot, 'page'), { recursive: true });
            fs.writeFileSync(path.join(projectRoot, 'page', 'main.ts'), imports);
            fs.writeFileSync(
                path.join(projectRoot, 'page', 'index.html'),
                '<script type="module" src="./main.js"></script>\n'
            );
            if (withLabels) {
                const labels = path.join(projectRoot, CUSTOM_LABELS_FILE);
                fs.mkdirSync(path.dirname(labels), { recursive: true });
                fs.copyFileSync(path.join(REPO_ROOT, CUSTOM_LABELS_FILE), labels);
            }
        }

        const build = (): Promise<unknown> =>
            buildPreview({
                projectRoot,
                outDir,
                page: { entry: 'page/main.ts', indexHtml: 'page/index.html' }
            });

        beforeEach(() => {
            projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-preview-project-'));
        });

        afterEach(() => {
            fs.rmSync(projectRoot, { recursive: true, force: true });
        });

        it("gives a label its value from the labels file, and the locale and time zone the browser's", async () => {
            miniProject(
                [
                    "import connected from '@salesforce/label/c.VCC_Status_Connected';",
                    "import locale from '@salesforce/i18n/locale';",
                    "import timeZone from '@salesforce/i18n/timeZone';",
                    'console.log(connected, locale, timeZone);'
                ].join('\n')
            );

            await build();
            const entry = fs.readFileSync(path.join(outDir, ENTRY_FILE), 'utf8');

            expect(entry).toContain('= "Connected"');
            expect(entry).toContain('navigator.language');
            expect(entry).toContain('Intl.DateTimeFormat().resolvedOptions().timeZone');
        }, 60_000);

        it('names a label missing from the labels file, and an i18n module it does not provide', async () => {
            miniProject("import gone from '@salesforce/label/c.VCC_Gone';\nconsole.log(gone);");
            await expect(build()).rejects.toThrow(
                `@salesforce/label/c.VCC_Gone: no label VCC_Gone in ${CUSTOM_LABELS_FILE}`
            );

            miniProject("import currency from '@salesforce/i18n/currency';\nconsole.log(currency);");
            await expect(build()).rejects.toThrow(
                '@salesforce/i18n/currency: the preview provides only locale, timeZone'
            );
        }, 60_000);

        it('says so when the labels file is missing', async () => {
            miniProject("import connected from '@salesforce/label/c.VCC_Status_Connected';", false);

            await expect(build()).rejects.toThrow(CUSTOM_LABELS_FILE);
        }, 60_000);
    });
});
