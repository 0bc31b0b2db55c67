/**
 * What the benchmark page (preview/bench/main.ts) and its Node driver (scripts/bench/bench.ts) exchange. Types
 * only: both sides compile it.
 */

/** One transcript event as the toolkit fires it: the `detail` of a `transcript` CustomEvent. */
export interface BenchUtterance {
    readonly id: string;
    readonly callId: string;
    readonly role: string;
    readonly text: string;
}

export interface BenchInput {
    readonly callId: string;
    readonly utterances: readonly BenchUtterance[];
}

/** The list a run measured: the real console, or one of the framework-free references. */
export type BenchSubject = 'console' | 'limit' | 'naive';

/** What the page measures of one run. */
export interface BenchRun {
    readonly subject: BenchSubject;
    /** Per utterance, ms from dispatch until its row is in the DOM and laid out. */
    readonly latencies: readonly number[];
    /** Wall time of the whole stream, yields included (ms). */
    readonly totalMs: number;
    /** Rows in the list's DOM at the end of the run. */
    readonly rowsAtEnd: number;
    /** Utterances whose row was not the one expected, plus 1 if the list did not end at its newest row (should be 0). */
    readonly mismatches: number;
}

/** A series of the chart: latency against utterance index. */
export interface ChartSeries {
    readonly subject: BenchSubject;
    readonly latencies: readonly number[];
}

/** The page's API, on `window.voiceCallBench`. Each run is its own call, so the driver can trace it alone. */
export interface VoiceCallBenchApi {
    /** Sets up one list (the limit keeps `limitWindow` rows); the console is created and its call connected. */
    prepare(input: BenchInput, subject: BenchSubject, limitWindow: number): Promise<void>;
    /** Streams the utterances into the prepared list, one at a time, then removes the list. */
    run(): Promise<BenchRun>;
    /** performance.memory.usedJSHeapSize after a garbage collection; null if unavailable. */
    heapAfterGc(): number | null;
    /** Whether the page is cross-origin isolated (fine-grained timers). */
    crossOriginIsolated(): boolean;
    /** Draws the chart into #chart; returns its selector. */
    drawChart(series: readonly ChartSeries[]): string;
}
