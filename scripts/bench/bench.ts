/**
 * `npm run bench`: builds the benchmark page (preview/bench) with the LWC engine in production mode, serves it
 * cross-origin isolated on 127.0.0.1, streams N utterances (`--n`, default 10,000) into the console and the two
 * framework-free references in headless Chromium, prints the table and writes bench-results/latest.json and
 * bench-results/latency.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type {
    BenchInput,
    BenchRun,
    BenchSubject,
    BenchUtterance,
    ChartSeries,
    VoiceCallBenchApi
} from '../../preview/bench/benchTypes';
import { generateLongCall } from '../lib/longCallScenario';
import { buildPreview } from '../preview/previewBuild';
import { startPreviewServer } from '../preview/previewServer';
import type { BenchResultsFile, RunSummary, TraceEvent } from './benchStats';
import { formatTable, longestMainThreadTaskMs, ratios, summarize, targetsMet } from './benchStats';

// Compiled to .build/scripts/bench/bench.js: the project root is three folders up.
const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const SITE_DIR = path.join(PROJECT_ROOT, '.build', 'bench-site');
const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench-results');
const DEFAULT_UTTERANCES = 10_000;
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc'
];

const SUBJECTS: readonly BenchSubject[] = ['console', 'limit', 'naive'];
/** Trace categories for the longest task: tasks only, light enough not to change what is measured. */
const TRACE_CATEGORIES = ['toplevel', '__metadata'];

/** The page's global with the benchmark's API. Functions passed to page.evaluate run in the page, so each names it. */
type BenchGlobal = typeof globalThis & { voiceCallBench: VoiceCallBenchApi };

function met(value: boolean): string {
    return value ? 'met' : 'NOT met';
}

/** Prepares one list, then streams into it while tracing the page's tasks; returns the run and its longest task. */
async function tracedRun(
    browser: Browser,
    page: Page,
    input: BenchInput,
    subject: BenchSubject,
    limitWindow: number
): Promise<{ run: BenchRun; longestTaskMs: number | null }> {
    await page.evaluate(
        ({ data, name, window }) => (globalThis as BenchGlobal).voiceCallBench.prepare(data, name, window),
        { data: input, name: subject, window: limitWindow }
    );
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const run = await page.evaluate(() => (globalThis as BenchGlobal).voiceCallBench.run());
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
        traceEvents?: TraceEvent[];
    };
    return { run, longestTaskMs: longestMainThreadTaskMs(trace.traceEvents ?? []) };
}

function utteranceCount(argv: readonly string[]): number {
    const index = argv.indexOf('--n');
    const raw = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--n='))?.slice(4);
    if (raw === undefined) {
        return DEFAULT_UTTERANCES;
    }
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 1) {
        throw new Error(`--n must be a positive integer, got "${raw}"`);
    }
    return count;
}

/** The long-call generator's realistic lines and speakers, as transcript events. */
function benchInput(count: number): BenchInput {
    const scenario = generateLongCall(count);
    const utterances: BenchUtterance[] = [];
    let callId = '';
    for (const event of scenario.events) {
        const detail = event.detail as {
            callId: string;
            id?: string;
            content?: { text: string };
            sender?: { role: string };
        };
        callId = detail.callId;
        if (event.type === 'transcript' && detail.id !== undefined && detail.content && detail.sender) {
            utterances.push({ id: detail.id, callId, role: detail.sender.role, text: detail.content.text });
        }
    }
    return { callId, utterances };
}

async function main(): Promise<void> {
    const count = utteranceCount(process.argv.slice(2));
    console.log(`Building the benchmark page (production) into ${path.relative(PROJECT_ROOT, SITE_DIR)} ...`);
    await buildPreview({
        projectRoot: PROJECT_ROOT,
        outDir: SITE_DIR,
        mode: 'production',
        page: { entry: 'preview/bench/main.ts', indexHtml: 'preview/bench/index.html' }
    });
    const server = await startPreviewServer({
        projectRoot: PROJECT_ROOT,
        port: 0,
        host: '127.0.0.1',
        staticDir: SITE_DIR
    });
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS
    });
    try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
            if (message.type() === 'error') {
                errors.push(message.text());
            }
        });
        await page.goto(server.url);
        await page.waitForFunction(() => 'voiceCallBench' in globalThis);
        console.log(
            `Streaming ${String(count)} utterances into the console, the limit and the naive list ...`
        );
        const input = benchInput(count);
        const runs: BenchRun[] = [];
        const summaries: RunSummary[] = [];
        let limitWindow = 0;
        for (const subject of SUBJECTS) {
            // One run at a time, each traced alone for its longest main-thread task.
            // eslint-disable-next-line no-await-in-loop
            const { run, longestTaskMs } = await tracedRun(browser, page, input, subject, limitWindow);
            // eslint-disable-next-line no-await-in-loop
            const heapBytes = await page.evaluate(() =>
                (globalThis as BenchGlobal).voiceCallBench.heapAfterGc()
            );
            if (subject === 'console') {
                limitWindow = run.rowsAtEnd;
            }
            runs.push(run);
            summaries.push(summarize(run, { heapBytes, longestTaskMs }));
        }
        if (errors.length > 0) {
            throw new Error(`The page reported errors:\n${errors.join('\n')}`);
        }
        const crossOriginIsolated = await page.evaluate(() =>
            (globalThis as BenchGlobal).voiceCallBench.crossOriginIsolated()
        );
        const [consoleRun, limit] = summaries;
        const ratioValues = ratios(consoleRun, limit);
        const targets = targetsMet(consoleRun, ratioValues);
        console.log('');
        console.log(formatTable(summaries, ratioValues));
        console.log(
            `targets: total <= 2.0x ${met(targets.total)}; last/first <= 1.2 ${met(targets.lastToFirst)}; ` +
                `console p95 < 1 ms ${met(targets.p95)}; console's longest task <= one frame (16.7 ms) ` +
                met(targets.longestTask)
        );
        if (!crossOriginIsolated) {
            console.log('warning: the page was not cross-origin isolated; timers are coarse.');
        }
        for (const summary of summaries) {
            if (summary.mismatches > 0) {
                console.log(
                    `warning: ${summary.subject}: ${String(summary.mismatches)} rows were not the expected one.`
                );
            }
        }
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const file: BenchResultsFile = {
            date: new Date().toISOString(),
            utterances: count,
            crossOriginIsolated,
            runs: summaries,
            ratios: ratioValues,
            targets
        };
        fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(file, null, 2)}\n`);
        const series: ChartSeries[] = runs.map(({ subject, latencies }) => ({ subject, latencies }));
        const selector = await page.evaluate(
            (all) => (globalThis as BenchGlobal).voiceCallBench.drawChart(all),
            series
        );
        await page.locator(selector).screenshot({ path: path.join(RESULTS_DIR, 'latency.png') });
        console.log(`Wrote bench-results/latest.json and bench-results/latency.png`);
    } finally {
        await browser.close();
        await server.close();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
});
