// One smoke test of the preview build: the real page, built into the OS temp folder (about 20 s).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
        expect(read(SLDS_STYLESHEET)).toContain('.slds-utility-panel');
        expect(fs.existsSync(path.join(outDir, 'assets/icons/utility-sprite/svg/symbols.svg'))).toBe(true);
    }, 180_000);
});
