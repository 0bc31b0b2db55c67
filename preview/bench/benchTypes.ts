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

export interface BenchRun {
    readonly subject: BenchSubject;
    /** Per utterance, ms from dispatch until its row is in the DOM and laid out. */
    readonly latencies: readonly number[];
    /** Wall time of the whole stream, yields included (ms). */
    readonly totalMs: number;
    /** performance.memory.usedJSHeapSize after the run and a garbage collection; null if unavailable. */
    readonly heapBytes: number | null;
    /** Rows in the list's DOM at the end of the run. */
    readonly rowsAtEnd: number;
    /** Utterances whose row was not the one expected (should be 0). */
    readonly mismatches: number;
}

export interface BenchPageResult {
    readonly crossOriginIsolated: boolean;
    readonly runs: readonly BenchRun[];
}

/** The page's API, on `window.voiceCallBench`. */
export interface VoiceCallBenchApi {
    run(input: BenchInput): Promise<BenchPageResult>;
    /** Draws the chart into #chart; returns its selector. */
    drawChart(runs: readonly BenchRun[]): string;
}
