import { CLOCK_TICK_MS, VoiceCallClock } from 'c/voiceCallClock';
import type { StartInterval } from 'c/voiceCallClock';

/** A clock on jest's fake timers, with the times it reported. */
function fakeClock(): { clock: VoiceCallClock; ticks: number[] } {
    const ticks: number[] = [];
    const clock = new VoiceCallClock((now) => {
        ticks.push(now);
    });
    return { clock, ticks };
}

describe('c/voiceCallClock', () => {
    const T0 = Date.UTC(2026, 0, 1, 9);

    beforeEach(() => {
        jest.useFakeTimers({ now: T0 });
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('runs no timer until something needs it', () => {
        const { clock, ticks } = fakeClock();
        clock.update(false);

        jest.advanceTimersByTime(5 * CLOCK_TICK_MS);

        expect(jest.getTimerCount()).toBe(0);
        expect(clock.running).toBe(false);
        expect(ticks).toEqual([]);
    });

    it('reports the time at once when started, then once a second, from one interval', () => {
        const { clock, ticks } = fakeClock();

        clock.update(true);
        clock.update(true);
        jest.advanceTimersByTime(3 * CLOCK_TICK_MS);
        clock.update(true);

        expect(jest.getTimerCount()).toBe(1);
        expect(clock.running).toBe(true);
        expect(ticks).toEqual([T0, T0 + 1000, T0 + 2000, T0 + 3000]);
    });

    it('stops when nothing needs it any more, and starts again when something does', () => {
        const { clock, ticks } = fakeClock();
        clock.update(true);
        jest.advanceTimersByTime(CLOCK_TICK_MS);

        clock.update(false);
        jest.advanceTimersByTime(10 * CLOCK_TICK_MS);

        expect(jest.getTimerCount()).toBe(0);
        expect(ticks).toEqual([T0, T0 + 1000]);

        clock.update(true);
        expect(jest.getTimerCount()).toBe(1);
        expect(ticks.at(-1)).toBe(T0 + 11_000);
    });

    it('leaves no timer after stop(), however often it is called', () => {
        const { clock, ticks } = fakeClock();
        clock.update(true);

        clock.stop();
        clock.stop();
        jest.advanceTimersByTime(5 * CLOCK_TICK_MS);

        expect(jest.getTimerCount()).toBe(0);
        expect(clock.running).toBe(false);
        expect(ticks).toEqual([T0]);
    });

    it('started and stopped 1,000 times, never holds more than one timer and leaves none', () => {
        const { clock } = fakeClock();
        let most = 0;

        for (let round = 0; round < 1_000; round++) {
            clock.update(true);
            clock.update(round % 2 === 0);
            most = Math.max(most, jest.getTimerCount());
            clock.stop();
        }

        expect(most).toBe(1);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('uses the time and the timer it is given', () => {
        const started: number[] = [];
        let stopped = 0;
        let fire: (() => void) | undefined;
        const startInterval: StartInterval = (callback, ms) => {
            started.push(ms);
            fire = callback;
            return () => {
                stopped += 1;
            };
        };
        let now = 100;
        const ticks: number[] = [];
        const clock = new VoiceCallClock((time) => ticks.push(time), { now: () => now, startInterval });

        clock.update(true);
        now = 1_100;
        fire?.();
        clock.update(false);
        clock.update(false);

        expect(started).toEqual([CLOCK_TICK_MS]);
        expect(ticks).toEqual([100, 1_100]);
        expect(stopped).toBe(1);
        expect(jest.getTimerCount()).toBe(0);
    });
});
