// The size budget runs on throwaway projects in the OS temp folder, never on the real tree.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
    checkSizeBudget,
    formatSizeTable,
    measureBundleSizes,
    readSizeBudget,
    runSizeBudget
} from '../lib/sizeBudget';
import { LWC_DIR } from '../lib/lwcBundles';

const GREETING_JS = `export default class Greeting {\n    text = 'Hello there';\n}\n`;
const FORMAT_JS = `export const seconds = (ms) => ms / 1000;\n`.repeat(20);

let projectRoot: string;

function writeFile(relativePath: string, content: string): void {
    const file = path.join(projectRoot, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
}

function writeBundleFile(relativePath: string, content: string): void {
    writeFile(`${LWC_DIR}/${relativePath}`, content);
}

function writePackageJson(fields: Record<string, unknown>): void {
    writeFile('package.json', `${JSON.stringify({ name: 'fixture', ...fields }, null, 2)}\n`);
}

const gzipLength = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;

/** Two bundles: greeting (one .js, plus what never deploys) and callFormat (two .js). */
function writeBundles(): void {
    writeBundleFile('greeting/greeting.ts', 'export default class Greeting {}\n');
    writeBundleFile('greeting/greeting.js', GREETING_JS);
    writeBundleFile('greeting/greeting.html', '<template><p>{text}</p></template>\n');
    writeBundleFile('greeting/greeting.js-meta.xml', '<LightningComponentBundle/>\n');
    writeBundleFile('greeting/__tests__/greeting.test.js', 'x'.repeat(5_000));
    writeBundleFile('callFormat/callFormat.js', FORMAT_JS);
    writeBundleFile('callFormat/units.js', 'export const unit = "s";\n');
    writeBundleFile('onlyTypes/onlyTypes.d.ts', 'export type Nothing = never;\n');
}

beforeEach(() => {
    projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-size-'));
    writeBundles();
});

afterEach(() => {
    fs.rmSync(projectRoot, { recursive: true, force: true });
});

describe('scripts/lib/sizeBudget', () => {
    it('measures only the emitted .js of each bundle, raw and gzip (each file gzipped, summed)', () => {
        const report = measureBundleSizes(projectRoot);
        const unitsJs = 'export const unit = "s";\n';

        expect(report.bundles).toEqual([
            {
                name: 'callFormat',
                files: 2,
                rawBytes: FORMAT_JS.length + unitsJs.length,
                gzipBytes: gzipLength(FORMAT_JS) + gzipLength(unitsJs)
            },
            { name: 'greeting', files: 1, rawBytes: GREETING_JS.length, gzipBytes: gzipLength(GREETING_JS) }
        ]);
        expect(report.total).toEqual({
            files: 3,
            rawBytes: FORMAT_JS.length + unitsJs.length + GREETING_JS.length,
            gzipBytes: report.bundles[0].gzipBytes + report.bundles[1].gzipBytes
        });
    });

    it('prints the table and exits 0 within budget', () => {
        writePackageJson({ sizeBudget: { totalGzipBytes: 10_000, bundleGzipBytes: 5_000 } });
        const lines: string[] = [];

        expect(runSizeBudget(projectRoot, (line) => lines.push(line))).toBe(0);
        const report = measureBundleSizes(projectRoot);
        expect(lines).toEqual([
            'size: deployable JavaScript per bundle (gzip: each file gzipped, summed)',
            ...formatSizeTable(report, { totalGzipBytes: 10_000, bundleGzipBytes: 5_000 })
        ]);
        expect(lines.at(-1)).toMatch(/^budget +10,000 total, 5,000 per bundle$/);
    });

    it('formats a compact, aligned table', () => {
        const table = formatSizeTable(
            {
                bundles: [
                    { name: 'a', files: 1, rawBytes: 1_234, gzipBytes: 600 },
                    { name: 'longName', files: 2, rawBytes: 12_345, gzipBytes: 4_321 }
                ],
                total: { files: 3, rawBytes: 13_579, gzipBytes: 4_921 }
            },
            { totalGzipBytes: 6_000, bundleGzipBytes: 5_000 }
        );

        expect(table).toEqual([
            'bundle    js files   raw B  gzip B',
            'a                1   1,234     600',
            'longName         2  12,345   4,321',
            'total            3  13,579   4,921',
            'budget                      6,000 total, 5,000 per bundle'
        ]);
    });

    it('fails naming the bundle over the per-bundle budget, and the budget', () => {
        const report = measureBundleSizes(projectRoot);
        const callFormat = report.bundles[0].gzipBytes;
        writePackageJson({ sizeBudget: { totalGzipBytes: 100_000, bundleGzipBytes: callFormat - 1 } });
        const lines: string[] = [];

        expect(runSizeBudget(projectRoot, (line) => lines.push(line))).toBe(1);
        expect(lines.at(-1)).toBe(
            `size budget: bundle callFormat is ${callFormat.toLocaleString('en-US')} B gzip, over the per-bundle ` +
                `budget of ${(callFormat - 1).toLocaleString('en-US')} B (package.json sizeBudget.bundleGzipBytes)`
        );
    });

    it('fails naming the total over the total budget, and the budget', () => {
        expect(
            checkSizeBudget(
                {
                    bundles: [
                        { name: 'a', files: 1, rawBytes: 3_000, gzipBytes: 900 },
                        { name: 'b', files: 1, rawBytes: 3_000, gzipBytes: 1_200 }
                    ],
                    total: { files: 2, rawBytes: 6_000, gzipBytes: 2_100 }
                },
                { totalGzipBytes: 2_000, bundleGzipBytes: 1_000 }
            )
        ).toEqual([
            'size budget: bundle b is 1,200 B gzip, over the per-bundle budget of 1,000 B (package.json sizeBudget.bundleGzipBytes)',
            'size budget: total is 2,100 B gzip, over the total budget of 2,000 B (package.json sizeBudget.totalGzipBytes)'
        ]);
    });

    it('passes a size exactly at the budget', () => {
        const report = measureBundleSizes(projectRoot);
        const largest = Math.max(...report.bundles.map((bundle) => bundle.gzipBytes));

        expect(
            checkSizeBudget(report, { totalGzipBytes: report.total.gzipBytes, bundleGzipBytes: largest })
        ).toEqual([]);
    });

    describe('a missing or malformed budget is an error, never a silent pass', () => {
        it('with no package.json', () => {
            const lines: string[] = [];

            expect(runSizeBudget(projectRoot, (line) => lines.push(line))).toBe(1);
            expect(lines.at(-1)).toMatch(
                /^package\.json: cannot read the size budget \(.*\); add "sizeBudget": \{ "totalGzipBytes": N, "bundleGzipBytes": M \}$/
            );
            // The sizes are still printed, without a budget row.
            expect(lines.some((line) => line.startsWith('total '))).toBe(true);
            expect(lines.some((line) => line.startsWith('budget '))).toBe(false);
        });

        it('with no sizeBudget', () => {
            writePackageJson({});

            expect(readSizeBudget(projectRoot)).toEqual({
                ok: false,
                error: 'package.json: no sizeBudget; add "sizeBudget": { "totalGzipBytes": N, "bundleGzipBytes": M } (gzip bytes)'
            });
            expect(runSizeBudget(projectRoot, () => undefined)).toBe(1);
        });

        it.each([
            [
                { totalGzipBytes: 1_000 },
                'sizeBudget.bundleGzipBytes must be a positive integer (gzip bytes), got nothing'
            ],
            [
                { totalGzipBytes: '1000', bundleGzipBytes: 1 },
                'sizeBudget.totalGzipBytes must be a positive integer (gzip bytes), got "1000"'
            ],
            [
                { totalGzipBytes: 0, bundleGzipBytes: 1 },
                'sizeBudget.totalGzipBytes must be a positive integer (gzip bytes), got 0'
            ],
            [
                { totalGzipBytes: 10, bundleGzipBytes: 2.5 },
                'sizeBudget.bundleGzipBytes must be a positive integer (gzip bytes), got 2.5'
            ]
        ])('with sizeBudget %j', (sizeBudget, message) => {
            writePackageJson({ sizeBudget });

            expect(readSizeBudget(projectRoot)).toEqual({ ok: false, error: `package.json: ${message}` });
        });
    });

    it('reads the budget of the real package.json', () => {
        const budget = readSizeBudget(path.resolve(__dirname, '..', '..'));

        expect(budget.ok).toBe(true);
    });
});
