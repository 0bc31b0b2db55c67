/**
 * The console's one clock for its live timers: a single once-a-second interval, running only while something
 * needs it, that reports the time on each tick. Template-less, no DOM; time and timer are injectable for tests.
 */

/** How often the clock ticks, in ms: timers show whole seconds. */
export const CLOCK_TICK_MS = 1000;

/** Starts calling `callback` every `ms`; returns what stops it. */
export type StartInterval = (callback: () => void, ms: number) => () => void;

const startInterval: StartInterval = (callback, ms) => {
    // The clock's one interval: stopped by update(false) and stop().
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    const handle = setInterval(callback, ms);
    return () => {
        clearInterval(handle);
    };
};

export interface VoiceCallClockOptions {
    /** The time now, in ms since the epoch; `Date.now` by default. */
    readonly now?: () => number;
    /** The interval timer; `setInterval`/`clearInterval` by default (read when started, so fake timers apply). */
    readonly startInterval?: StartInterval;
}

export class VoiceCallClock {
    private readonly onTick: (now: number) => void;
    private readonly now: () => number;
    private readonly start: StartInterval;
    private stopInterval: (() => void) | undefined;

    /** `onTick` gets the time on each tick, and at once when the clock starts, so a timer never waits a second. */
    constructor(onTick: (now: number) => void, options: VoiceCallClockOptions = {}) {
        this.onTick = onTick;
        this.now = options.now ?? (() => Date.now());
        this.start = options.startInterval ?? startInterval;
    }

    get running(): boolean {
        return this.stopInterval !== undefined;
    }

    /** Runs the clock while `needed`, stops it when not; calling it again with the same answer changes nothing. */
    update(needed: boolean): void {
        if (!needed) {
            this.stop();
            return;
        }
        if (this.stopInterval === undefined) {
            this.stopInterval = this.start(() => {
                this.tick();
            }, CLOCK_TICK_MS);
            this.tick();
        }
    }

    /** Stops the clock; `update(true)` starts it again. */
    stop(): void {
        const stopInterval = this.stopInterval;
        this.stopInterval = undefined;
        stopInterval?.();
    }

    private tick(): void {
        this.onTick(this.now());
    }
}
