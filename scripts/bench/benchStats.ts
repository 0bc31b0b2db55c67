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
}

/** Target thresholds of the issue. */
export const TARGETS = { total: 2.0, lastToFirst: 1.2, p95Ms: 1 } as const;

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

export function summarize(run: BenchRun): RunSummary {
    const [firstMeanMs, lastMeanMs] = firstAndLastMeans(run.latencies);
    return {
        subject: run.subject,
        count: run.latencies.length,
        totalMs: run.totalMs,
        medianMs: median(run.latencies),
        p95Ms: percentile(run.latencies, 95),
        firstMeanMs,
        lastMeanMs,
        heapBytes: run.heapBytes,
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
        p95: consoleRun.p95Ms < TARGETS.p95Ms
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
