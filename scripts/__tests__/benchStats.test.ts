import type { BenchRun } from '../../preview/bench/benchTypes';
import {
    firstAndLastMeans,
    formatTable,
    longestMainThreadTaskMs,
    mean,
    median,
    percentile,
    ratios,
    summarize,
    targetsMet
} from '../bench/benchStats';

function run(subject: BenchRun['subject'], latencies: number[], totalMs: number): BenchRun {
    return {
        subject,
        latencies,
        totalMs,
        rowsAtEnd: latencies.length,
        mismatches: 0
    };
}

const extras = { heapBytes: 2 * 1_048_576, longestTaskMs: 12.5 };

describe('scripts/bench/benchStats', () => {
    it('takes the median of odd and even counts, and NaN of nothing', () => {
        expect(median([3, 1, 2])).toBe(2);
        expect(median([4, 1, 3, 2])).toBe(2.5);
        expect(median([])).toBeNaN();
    });

    it('takes nearest-rank percentiles without reordering its input', () => {
        const values = Array.from({ length: 100 }, (_, index) => 100 - index);
        expect(percentile(values, 95)).toBe(95);
        expect(percentile(values, 100)).toBe(100);
        expect(percentile([7], 95)).toBe(7);
        expect(percentile([], 95)).toBeNaN();
        expect(values[0]).toBe(100);
    });

    it('averages the first and the last group, or all values when there are fewer', () => {
        expect(mean([1, 2, 3])).toBe(2);
        expect(firstAndLastMeans([1, 1, 5, 5], 2)).toEqual([1, 5]);
        expect(firstAndLastMeans([1, 3], 1000)).toEqual([2, 2]);
    });

    it('summarizes a run and compares the console with the limit', () => {
        const consoleRun = summarize(run('console', [1, 1, 2, 2], 40), extras);
        const limit = summarize(run('limit', [0.5, 0.5, 1, 1], 20), extras);

        expect(consoleRun).toMatchObject({ count: 4, medianMs: 1.5, p95Ms: 2, rowsAtEnd: 4 });
        const ratio = ratios(consoleRun, limit);
        expect(ratio).toEqual({ total: 2, p95: 2, median: 2, lastToFirst: 1 });
        expect(targetsMet(consoleRun, ratio)).toEqual({
            total: true,
            lastToFirst: true,
            p95: false,
            longestTask: true
        });
        const slow = summarize(run('console', [0.5], 10), { heapBytes: null, longestTaskMs: 17 });
        expect(targetsMet(slow, ratio).longestTask).toBe(false);
        const untraced = summarize(run('console', [0.5], 10), { heapBytes: null, longestTaskMs: null });
        expect(targetsMet(untraced, ratio).longestTask).toBe(false);
    });

    it("finds the longest task of the page's main thread in a trace", () => {
        const events = [
            { ph: 'M', name: 'thread_name', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
            { ph: 'M', name: 'thread_name', pid: 1, tid: 11, args: { name: 'Compositor' } },
            { ph: 'X', name: 'RunTask', pid: 1, tid: 10, dur: 4_000 },
            { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 10, dur: 9_500 },
            // Another thread's task, and a main-thread event that is not a task, do not count.
            { ph: 'X', name: 'RunTask', pid: 1, tid: 11, dur: 50_000 },
            { ph: 'X', name: 'Layout', pid: 1, tid: 10, dur: 30_000 },
            { ph: 'B', name: 'RunTask', pid: 1, tid: 10 }
        ];

        expect(longestMainThreadTaskMs(events)).toBe(9.5);
        expect(longestMainThreadTaskMs(events.slice(1))).toBeNull();
    });

    it('prints one aligned row per run and the ratios', () => {
        const summaries = [run('console', [2, 4], 100), run('limit', [1, 2], 50)].map((each) =>
            summarize(each, extras)
        );
        const table = formatTable(summaries, ratios(summaries[0], summaries[1]));
        const lines = table.split('\n');

        expect(lines[0]).toMatch(
            /^list\s+rows\s+total ms\s+median ms\s+p95 ms\s+first 1k ms\s+last 1k ms\s+longest task ms\s+heap MB$/
        );
        expect(lines[2]).toMatch(/^console\s+2\s+100\s+3\.000\s+4\.000\s+3\.000\s+3\.000\s+12\.5\s+2\.0$/);
        expect(lines[3]).toMatch(/^limit\s+2\s+50\s+1\.500\s+2\.000/);
        expect(new Set(lines.slice(0, 4).map((line) => line.length)).size).toBe(1);
        expect(table).toContain(
            'console / limit: total 2.00x, median 2.00x, p95 2.00x; console last 1k / first 1k: 1.00x'
        );
    });
});
