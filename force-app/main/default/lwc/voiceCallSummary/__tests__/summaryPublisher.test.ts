import { DEFAULT_PUBLISH_INTERVAL_MS, SummaryPublisher, callSummary } from 'c/voiceCallSummary';
import type { CallSummary } from 'c/voiceCallSummary';
import { applyToolkitEvent } from 'c/voiceCallState';
import type { VoiceCallConsoleState } from 'c/voiceCallState';
import { CALL_A, T0, callIn, eventsFor, fold } from '../../voiceCallState/__tests__/data/events';

const a = eventsFor(CALL_A);
const INTERVAL = DEFAULT_PUBLISH_INTERVAL_MS;

/** A publisher whose publications are collected, on jest's fake clock and timers. */
function publisherWithLog(intervalMs?: number): { publisher: SummaryPublisher; published: CallSummary[] } {
    const published: CallSummary[] = [];
    const publisher = new SummaryPublisher((message) => published.push(message), intervalMs);
    return { publisher, published };
}

/** Summaries of call A after 1, 2, … `count` utterances ("utterance 0" … ), the state growing one event at a time. */
function utteranceSummaries(count: number): CallSummary[] {
    let state: VoiceCallConsoleState = fold(a.connected(T0));
    const summaries: CallSummary[] = [];
    for (let index = 0; index < count; index++) {
        state = applyToolkitEvent(
            state,
            a.transcript(`u${String(index)}`, `utterance ${String(index)}`, T0 + index)
        );
        summaries.push(callSummary(callIn(state, CALL_A)));
    }
    return summaries;
}

const CONNECTED = callSummary(callIn(fold(a.connected(T0)), CALL_A));
const MUTED = callSummary(callIn(fold(a.connected(T0), a.mute(T0 + 1)), CALL_A));
const NO_CALL = callSummary(undefined, T0);

describe('c/voiceCallSummary SummaryPublisher', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: T0 });
    });

    afterEach(() => {
        jest.useRealTimers();
    });

    it('builds a summary only when it may be sent: one a second during a stream, the latest at the end', () => {
        const { publisher, published } = publisherWithLog();
        const summaries = utteranceSummaries(500);
        let built = 0;

        summaries.forEach((summary, index) => {
            jest.advanceTimersByTime(index === 0 ? 0 : 1);
            publisher.updateWith(() => {
                built += 1;
                return summary;
            });
        });
        jest.runOnlyPendingTimers();

        expect(built).toBe(3);
        expect(published.map((summary) => summary.lastUtterance?.id)).toEqual(['u0', 'u499']);
    });

    it('builds nothing to send when the state went back to what was sent', () => {
        const { publisher, published } = publisherWithLog();

        publisher.updateWith(() => CONNECTED);
        publisher.updateWith(() => MUTED);
        publisher.updateWith(() => CONNECTED);
        jest.runOnlyPendingTimers();

        expect(published).toEqual([CONNECTED]);
    });

    it('publishes the first summary at once, with no timer', () => {
        const { publisher, published } = publisherWithLog();

        publisher.update(CONNECTED);

        expect(published).toEqual([CONNECTED]);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('turns 1,000 utterances within one second into 2 publications, the last with the last utterance', () => {
        const { publisher, published } = publisherWithLog();
        const summaries = utteranceSummaries(1_000);

        summaries.forEach((summary, index) => {
            // One a millisecond: the last at T0 + 999 ms.
            jest.advanceTimersByTime(index === 0 ? 0 : 1);
            publisher.update(summary);
            expect(jest.getTimerCount()).toBeLessThanOrEqual(1);
        });
        expect(Date.now() - T0).toBe(999);
        jest.runOnlyPendingTimers();

        expect(published).toHaveLength(2);
        expect(published[0].lastUtterance?.text).toBe('utterance 0');
        expect(published[1].lastUtterance).toMatchObject({ id: 'u999', text: 'utterance 999' });
        expect(jest.getTimerCount()).toBe(0);
    });

    it('publishes a change within the interval at the end of the interval (trailing edge), counted from the last publication', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        jest.advanceTimersByTime(300);

        publisher.update(MUTED);
        jest.advanceTimersByTime(INTERVAL - 300 - 1);
        expect(published).toEqual([CONNECTED]);

        jest.advanceTimersByTime(1);
        expect(published).toEqual([CONNECTED, MUTED]);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('publishes at once again after a quiet interval', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        jest.advanceTimersByTime(INTERVAL);

        publisher.update(MUTED);

        expect(published).toEqual([CONNECTED, MUTED]);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('publishes nothing for a summary equal to the last published one, even with a later updatedAt', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        jest.advanceTimersByTime(5 * INTERVAL);

        publisher.update({ ...CONNECTED, updatedAt: CONNECTED.updatedAt + 5 * INTERVAL });
        publisher.update(callSummary(callIn(fold(a.connected(T0)), CALL_A)));
        jest.runOnlyPendingTimers();

        expect(published).toEqual([CONNECTED]);
    });

    it('drops a pending change undone within the interval: subscribers already have that state', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        publisher.update(MUTED);
        expect(jest.getTimerCount()).toBe(1);

        publisher.update(CONNECTED);
        expect(jest.getTimerCount()).toBe(0);
        jest.advanceTimersByTime(2 * INTERVAL);

        expect(published).toEqual([CONNECTED]);
    });

    it('publishes "no call" when the call goes away', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        publisher.update(NO_CALL);
        jest.advanceTimersByTime(INTERVAL);

        expect(published.map((summary) => summary.status)).toEqual(['connected', 'none']);
    });

    it('flush() publishes the pending summary now and clears the timer', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        publisher.update(MUTED);

        publisher.flush();

        expect(published).toEqual([CONNECTED, MUTED]);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('flush() with nothing pending publishes nothing', () => {
        const { publisher, published } = publisherWithLog();
        publisher.flush();
        publisher.update(CONNECTED);
        publisher.flush();

        expect(published).toEqual([CONNECTED]);
    });

    it('counts the interval from a flush: the next change waits', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(NO_CALL);
        publisher.update(CONNECTED);
        jest.advanceTimersByTime(500);
        publisher.flush();

        publisher.update(MUTED);

        expect(published).toEqual([NO_CALL, CONNECTED]);
        jest.advanceTimersByTime(INTERVAL);
        expect(published).toEqual([NO_CALL, CONNECTED, MUTED]);
    });

    it('dispose() clears the timer and drops the pending summary; the publisher still works afterwards', () => {
        const { publisher, published } = publisherWithLog();
        publisher.update(CONNECTED);
        publisher.update(MUTED);

        publisher.dispose();
        expect(jest.getTimerCount()).toBe(0);
        jest.advanceTimersByTime(2 * INTERVAL);
        expect(published).toEqual([CONNECTED]);

        publisher.update(MUTED);
        expect(published).toEqual([CONNECTED, MUTED]);
    });

    it('leaves no timer behind after 1,000 publishers are used and disposed', () => {
        for (let index = 0; index < 1_000; index++) {
            const { publisher } = publisherWithLog();
            publisher.update(CONNECTED);
            publisher.update(MUTED);
            publisher.dispose();
        }

        expect(jest.getTimerCount()).toBe(0);
    });

    it('takes its interval and clock as given', () => {
        let now = 0;
        const published: CallSummary[] = [];
        const publisher = new SummaryPublisher(
            (message) => published.push(message),
            200,
            () => now
        );

        publisher.update(NO_CALL);
        now = 150;
        publisher.update(CONNECTED);
        jest.advanceTimersByTime(49);
        expect(published).toEqual([NO_CALL]);
        jest.advanceTimersByTime(1);
        expect(published).toEqual([NO_CALL, CONNECTED]);
    });

    it('waits one interval at most when the clock goes back', () => {
        let now = 10_000;
        const published: CallSummary[] = [];
        const publisher = new SummaryPublisher(
            (message) => published.push(message),
            INTERVAL,
            () => now
        );
        publisher.update(NO_CALL);
        now = 0;

        publisher.update(CONNECTED);
        jest.advanceTimersByTime(INTERVAL);

        expect(published).toEqual([NO_CALL, CONNECTED]);
    });

    it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('uses the default interval for %p', (interval) => {
        const { publisher, published } = publisherWithLog(interval);
        publisher.update(NO_CALL);
        publisher.update(CONNECTED);

        jest.advanceTimersByTime(INTERVAL - 1);
        expect(published).toEqual([NO_CALL]);
        jest.advanceTimersByTime(1);
        expect(published).toEqual([NO_CALL, CONNECTED]);
    });

    it('with an interval of 0, publishes every change at once', () => {
        const { publisher, published } = publisherWithLog(0);
        publisher.update(NO_CALL);
        publisher.update(CONNECTED);
        publisher.update(MUTED);

        expect(published).toEqual([NO_CALL, CONNECTED, MUTED]);
    });

    it('never throws when publishing fails: warns once, and the failed summary counts as not published', () => {
        const warnings: string[] = [];
        const published: CallSummary[] = [];
        let failing = true;
        const publisher = new SummaryPublisher(
            (message) => {
                if (failing) {
                    throw new Error('no message context');
                }
                published.push(message);
            },
            INTERVAL,
            Date.now,
            (message) => warnings.push(message)
        );

        expect(() => {
            publisher.update(CONNECTED);
            publisher.update(MUTED);
            jest.advanceTimersByTime(INTERVAL);
        }).not.toThrow();
        expect(warnings).toEqual([
            'voiceCallConsole: could not publish the call summary (no message context); will try again with the next summary.'
        ]);

        failing = false;
        publisher.update(MUTED);
        expect(published).toEqual([MUTED]);
    });

    it('warns on the browser console by default when publishing fails', () => {
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        try {
            const publisher = new SummaryPublisher(() => {
                throw new TypeError('boom');
            });
            publisher.update(CONNECTED);
            publisher.update(MUTED);

            expect(warn).toHaveBeenCalledTimes(1);
            expect(warn).toHaveBeenCalledWith(expect.stringContaining('(boom)'));
        } finally {
            warn.mockRestore();
        }
    });
});
