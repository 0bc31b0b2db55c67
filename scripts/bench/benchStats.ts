/**
 * The pure part of `npm run bench`: statistics of per-utterance latencies, the console / limit ratios, the printed
 * table and the results file's shape. No timing, no I/O.
 */
import type { BenchRun, BenchSubject } from '../../preview/bench/benchTypes';

/** Utterances in the "first" and "last" groups. */
export const GROUP_SIZE = 1000;

export interface RunSummary {
    readonly subject: BenchSubject;
    readonly count: number;
    readonly totalMs: number;
    readonly medianMs: number;
    readonly p95Ms: number;
    readonly firstMeanMs: number;
    readonly lastMeanMs: number;
    readonly heapBytes: number | null;
    /** The longest main-thread task while the run streamed (and saved), in ms; null when not traced. */
    readonly longestTaskMs: number | null;
    readonly rowsAtEnd: number;
    readonly mismatches: number;
}

export interface BenchRatios {
    /** Console total time / limit total time. */
    readonly total: number;
    /** Console p95 / limit p95. */
    readonly p95: number;
    /** Console median / limit median. */
    readonly median: number;
    /** The console's last-group mean / its first-group mean. */
    readonly lastToFirst: number;
}

export interface Targets {
    readonly total: boolean;
    readonly lastToFirst: boolean;
    readonly p95: boolean;
    /** No main-thread task of the console's run (saving included) was longer than one frame. */
    readonly longestTask: boolean;
}

/** Target thresholds: ratios to the limit, the console's p95, and one frame at 60 Hz for the longest task. */
export const TARGETS = { total: 2.0, lastToFirst: 1.2, p95Ms: 1, longestTaskMs: 1000 / 60 } as const;

function sorted(values: readonly number[]): number[] {
    return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (0 < p <= 100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) {
        return Number.NaN;
    }
    const ordered = sorted(values);
    const rank = Math.ceil((p / 100) * ordered.length);
    return ordered[Math.min(ordered.length, Math.max(1, rank)) - 1];
}

/** The middle value, or the mean of the two middle values; NaN for no values. */
export function median(values: readonly number[]): number {
    if (values.length === 0) {
        return Number.NaN;
    }
    const ordered = sorted(values);
    const middle = Math.floor(ordered.length / 2);
    return ordered.length % 2 === 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
}

export function mean(values: readonly number[]): number {
    return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean of the first and of the last `size` values (fewer when there are fewer values). */
export function firstAndLastMeans(values: readonly number[], size: number = GROUP_SIZE): [number, number] {
    const group = Math.min(size, values.length);
    return [mean(values.slice(0, group)), mean(values.slice(values.length - group))];
}

/** A Chrome trace event, as much of it as is read here. */
export interface TraceEvent {
    readonly name?: string;
    readonly ph?: string;
    readonly pid?: number;
    readonly tid?: number;
    readonly dur?: number;
    readonly args?: { readonly name?: string };
}

const TASK_EVENTS: ReadonlySet<string> = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The longest task of the page's main thread in a trace of the `toplevel` category, in ms; null without one. The
 * main thread is the one whose metadata names it `CrRendererMain`.
 */
export function longestMainThreadTaskMs(events: readonly TraceEvent[]): number | null {
    const mainThreads = new Set(
        events
            .filter((event) => event.ph === 'M' && event.name === 'thread_name')
            .filter((event) => event.args?.name === 'CrRendererMain')
            .map((event) => `${String(event.pid)}:${String(event.tid)}`)
    );
    let longest: number | null = null;
    for (const event of events) {
        if (
            event.ph === 'X' &&
            event.name !== undefined &&
            TASK_EVENTS.has(event.name) &&
            event.dur !== undefined &&
            mainThreads.has(`${String(event.pid)}:${String(event.tid)}`)
        ) {
            longest = Math.max(longest ?? 0, event.dur / 1000);
        }
    }
    return longest;
}

/** What the driver measured around a run: the heap after it, and its longest main-thread task. */
export interface RunExtras {
    readonly heapBytes: number | null;
    readonly longestTaskMs: number | null;
}

export function summarize(run: BenchRun, extras: RunExtras): RunSummary {
    const [firstMeanMs, lastMeanMs] = firstAndLastMeans(run.latencies);
    return {
        subject: run.subject,
        count: run.latencies.length,
        totalMs: run.totalMs,
        medianMs: median(run.latencies),
        p95Ms: percentile(run.latencies, 95),
        firstMeanMs,
        lastMeanMs,
        heapBytes: extras.heapBytes,
        longestTaskMs: extras.longestTaskMs,
        rowsAtEnd: run.rowsAtEnd,
        mismatches: run.mismatches
    };
}

export function ratios(consoleRun: RunSummary, limit: RunSummary): BenchRatios {
    return {
        total: consoleRun.totalMs / limit.totalMs,
        p95: consoleRun.p95Ms / limit.p95Ms,
        median: consoleRun.medianMs / limit.medianMs,
        lastToFirst: consoleRun.lastMeanMs / consoleRun.firstMeanMs
    };
}

export function targetsMet(consoleRun: RunSummary, ratio: BenchRatios): Targets {
    return {
        total: ratio.total <= TARGETS.total,
        lastToFirst: ratio.lastToFirst <= TARGETS.lastToFirst,
        p95: consoleRun.p95Ms < TARGETS.p95Ms,
        longestTask: consoleRun.longestTaskMs !== null && consoleRun.longestTaskMs <= TARGETS.longestTaskMs
    };
}

function ms(value: number): string {
    return Number.isFinite(value) ? value.toFixed(3) : '-';
}

function megabytes(bytes: number | null): string {
    return bytes === null ? '-' : (bytes / 1_048_576).toFixed(1);
}

function times(value: number): string {
    return Number.isFinite(value) ? `${value.toFixed(2)}x` : '-';
}

/** A fixed-width text table: one row per run, then the console / limit ratios. */
export function formatTable(summaries: readonly RunSummary[], ratioValues: BenchRatios): string {
    const header = [
        'list',
        'rows',
        'total ms',
        'median ms',
        'p95 ms',
        'first 1k ms',
        'last 1k ms',
        'longest task ms',
        'heap MB'
    ];
    const rows = summaries.map((summary) => [
        summary.subject,
        String(summary.rowsAtEnd),
        summary.totalMs.toFixed(0),
        ms(summary.medianMs),
        ms(summary.p95Ms),
        ms(summary.firstMeanMs),
        ms(summary.lastMeanMs),
        summary.longestTaskMs === null ? '-' : summary.longestTaskMs.toFixed(1),
        megabytes(summary.heapBytes)
    ]);
    const widths = header.map((title, column) =>
        Math.max(title.length, ...rows.map((row) => row[column].length))
    );
    const line = (cells: readonly string[]): string =>
        cells
            .map((cell, column) =>
                column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
            )
            .join('  ');
    return [
        line(header),
        line(widths.map((width) => '-'.repeat(width))),
        ...rows.map(line),
        '',
        `console / limit: total ${times(ratioValues.total)}, median ${times(ratioValues.median)}, ` +
            `p95 ${times(ratioValues.p95)}; console last 1k / first 1k: ${times(ratioValues.lastToFirst)}`
    ].join('\n');
}

export interface BenchResultsFile {
    readonly date: string;
    readonly utterances: number;
    readonly crossOriginIsolated: boolean;
    readonly runs: readonly RunSummary[];
    readonly ratios: BenchRatios;
    readonly targets: Targets;
}
