/**
 * Shared helpers of the simulator tests: a fake clock that runs timers when told, a simulator on it with every
 * fired event recorded, and the console's real parser to check each payload with.
 */
import { createCallSimulator } from '../callSimulator';
import type {
    SimulatorClock,
    SimulatorLogEntry,
    ToolkitEventName,
    VoiceCallSimulator
} from '../simulatorTypes';
import { parseToolkitEvent } from '../../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import type { ToolkitEvent } from '../../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';

/** 1 January 2026, 10:00:00 UTC. */
export const START_TIME = Date.UTC(2026, 0, 1, 10);

interface PendingTimer {
    readonly id: number;
    readonly dueAt: number;
    readonly callback: () => void;
}

export interface FakeClock extends SimulatorClock {
    /** Moves time forward by `ms`, running every timer that falls due, in due order (ties: first set first). */
    advance(ms: number): void;
    /** Timers set and not yet run or cleared. */
    pendingTimers(): number;
}

export function createFakeClock(start: number = START_TIME): FakeClock {
    let now = start;
    let nextId = 1;
    let timers: PendingTimer[] = [];
    return {
        now: () => now,
        setTimeout(callback, ms) {
            const timer = { id: nextId++, dueAt: now + Math.max(0, ms), callback };
            timers.push(timer);
            return timer.id;
        },
        clearTimeout(handle) {
            timers = timers.filter((timer) => timer.id !== handle);
        },
        advance(ms) {
            const until = now + ms;
            for (;;) {
                const due = timers
                    .filter((timer) => timer.dueAt <= until)
                    .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)
                    .at(0);
                if (due === undefined) {
                    break;
                }
                timers = timers.filter((timer) => timer !== due);
                now = Math.max(now, due.dueAt);
                due.callback();
            }
            now = until;
        },
        pendingTimers: () => timers.length
    };
}

export interface FiredEvent {
    readonly type: ToolkitEventName;
    readonly detail: unknown;
    /** Fake-clock time it reached the attached element. */
    readonly at: number;
}

export interface SimulatorUnderTest {
    readonly clock: FakeClock;
    readonly simulator: VoiceCallSimulator;
    /** Every event delivered to an attached element, in order. */
    readonly fired: FiredEvent[];
}

export function setUpSimulator(): SimulatorUnderTest {
    const clock = createFakeClock();
    const simulator = createCallSimulator(clock);
    const fired: FiredEvent[] = [];
    simulator.attach((type, detail) => fired.push({ type, detail, at: clock.now() }));
    return { clock, simulator, fired };
}

/** Runs an event through the console's real parser; fails the test with the parser's reason if it rejects it. */
export function parsed(
    event: { readonly type: string; readonly detail: unknown },
    receivedAt = START_TIME
): ToolkitEvent {
    const result = parseToolkitEvent({ type: event.type, detail: event.detail }, receivedAt);
    if (!result.ok) {
        throw new Error(`The parser rejected ${event.type}: ${result.rejection.reason}`);
    }
    return result.event;
}

export function entriesOfKind<K extends SimulatorLogEntry['kind']>(
    simulator: VoiceCallSimulator,
    kind: K
): Extract<SimulatorLogEntry, { kind: K }>[] {
    return simulator
        .log()
        .filter((entry): entry is Extract<SimulatorLogEntry, { kind: K }> => entry.kind === kind);
}

export const CALLER = '+1 415 555 0134';
export const THIRD_PARTY = '+1 628 555 0178';
export const CALL_ID = '0f8e1c2d-3b4a-4c5d-9e6f-7a8b9c0d1e2f';

/** Puts the simulator on a connected inbound call with CALLER, through the page's controls, and clears `fired`. */
export function connectInboundCall({ simulator, fired }: SimulatorUnderTest): void {
    simulator.fireEvent('callstarted', { callId: CALL_ID, callType: 'inbound', participant: CALLER });
    simulator.fireEvent('callconnected');
    fired.length = 0;
}
