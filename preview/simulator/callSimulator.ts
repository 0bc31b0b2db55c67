/**
 * The call simulator behind the local preview: it plays scenarios, fires events from the page's controls, and
 * answers the toolkit methods the components call the way the telephony system would. Pure TypeScript with an
 * injected clock: no DOM, no LWC, so it runs in Node tests as it runs in the browser.
 */
import {
    DEFAULT_AGENT_NAME,
    completeEventDetail,
    defaultDisplayName,
    fillScenarioEventDetail,
    newUuid
} from './eventDetails';
import type { Fields } from './simulatedCall';
import { applyEventToCall } from './simulatedCall';
import { planMethodCall } from './toolkitMethods';
import type { PlannedEvent } from './toolkitMethods';
import type {
    EventSource,
    FireToolkitEvent,
    PlayerStatus,
    Scenario,
    SimulatedCall,
    SimulatorClock,
    SimulatorLogEntry,
    ToolkitEventName,
    VoiceCallSimulator
} from './simulatorTypes';

/** Log entries kept: the newest; a long call fires thousands of events. */
export const LOG_LIMIT = 1000;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 100;

/** Scenario times within this many ms of now are due (timers carry floating-point error at odd speeds). */
const DUE_EPSILON_MS = 1e-6;

const systemClock: SimulatorClock = {
    now: () => Date.now(),
    // The default clock is the one place the simulator touches real timers.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => {
        clearTimeout(handle as ReturnType<typeof setTimeout>);
    }
};

/** "1:05" for 65,000 ms. */
export function formatScenarioTime(ms: number): string {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A log entry before the log numbers and times it. */
type LogEntryContent = SimulatorLogEntry extends infer Entry
    ? Entry extends unknown
        ? Omit<Entry, 'seq' | 'time'>
        : never
    : never;

interface QueuedResponse {
    readonly dueAt: number;
    readonly type: ToolkitEventName;
    readonly detail: Fields;
}

interface Timer {
    readonly handle: unknown;
}

export function createCallSimulator(clock: SimulatorClock = systemClock): VoiceCallSimulator {
    const attached = new Set<{ readonly fire: FireToolkitEvent }>();
    const subscribers = new Set<{ readonly listener: () => void }>();

    let entries: SimulatorLogEntry[] = [];
    let logSnapshot: readonly SimulatorLogEntry[] | undefined;
    let seq = 0;
    let call: SimulatedCall | undefined;

    // Method responses, answered in the order they were requested.
    let responses: QueuedResponse[] = [];
    let responseTimer: Timer | undefined;

    // The scenario player. Scenario time is `elapsedAtMark` plus the clock time since `markedAt`, times speed.
    let scenario: Scenario | undefined;
    let position = 0;
    let playing = false;
    let finished = false;
    let speed = 1;
    let elapsedAtMark = 0;
    let markedAt = 0;
    let playerTimer: Timer | undefined;

    function notify(): void {
        for (const subscriber of [...subscribers]) {
            subscriber.listener();
        }
    }

    function append(entry: LogEntryContent): void {
        seq += 1;
        entries.push({ ...entry, seq, time: clock.now() });
        if (entries.length > LOG_LIMIT) {
            entries = entries.slice(entries.length - LOG_LIMIT);
        }
        logSnapshot = undefined;
    }

    function info(text: string): void {
        append({ kind: 'info', text });
    }

    /** Every event goes through here: the call model, the log, then every attached element. */
    function fire(type: ToolkitEventName, detail: unknown, source: EventSource): void {
        call = applyEventToCall(call, type, detail);
        append({ kind: 'event', type, detail, source });
        for (const listener of [...attached]) {
            try {
                listener.fire(type, detail);
            } catch (error) {
                // A component that throws must not stop the simulation; the log says what happened.
                info(
                    `A listener threw on ${type}: ${error instanceof Error ? error.message : String(error)}`
                );
            }
        }
        notify();
    }

    function stopResponseTimer(): void {
        if (responseTimer !== undefined) {
            clock.clearTimeout(responseTimer.handle);
            responseTimer = undefined;
        }
    }

    function stopPlayerTimer(): void {
        if (playerTimer !== undefined) {
            clock.clearTimeout(playerTimer.handle);
            playerTimer = undefined;
        }
    }

    // ---- Method responses -------------------------------------------------------------------------------

    function scheduleResponses(): void {
        stopResponseTimer();
        const next = responses.at(0);
        if (next !== undefined) {
            responseTimer = {
                handle: clock.setTimeout(answerDueRequests, Math.max(0, next.dueAt - clock.now()))
            };
        }
    }

    function answerDueRequests(): void {
        responseTimer = undefined;
        while (responses.length > 0 && responses[0].dueAt <= clock.now()) {
            const [due] = responses.splice(0, 1);
            fire(due.type, due.detail, 'method');
        }
        scheduleResponses();
    }

    function enqueue(events: readonly PlannedEvent[]): void {
        let dueAt = Math.max(clock.now(), responses.at(-1)?.dueAt ?? 0);
        for (const event of events) {
            dueAt += event.afterMs;
            responses.push({ dueAt, type: event.type, detail: event.detail });
        }
        scheduleResponses();
    }

    /** The call as it will be once every answer already on its way has arrived. */
    function callAfterPendingResponses(): SimulatedCall | undefined {
        return responses.reduce<SimulatedCall | undefined>(
            (projected, response) => applyEventToCall(projected, response.type, response.detail),
            call
        );
    }

    // ---- Scenario player ---------------------------------------------------------------------------------

    function elapsed(): number {
        return playing ? elapsedAtMark + (clock.now() - markedAt) * speed : elapsedAtMark;
    }

    function mark(scenarioTime: number): void {
        elapsedAtMark = scenarioTime;
        markedAt = clock.now();
    }

    function markFinished(done: Scenario): void {
        playing = false;
        finished = true;
        stopPlayerTimer();
        mark(done.events.at(-1)?.at ?? 0);
        info(`Scenario "${done.name}" finished`);
    }

    function fireNextScenarioEvent(current: Scenario): void {
        const event = current.events[position];
        position += 1;
        mark(Math.max(elapsed(), event.at));
        fire(event.type, fillScenarioEventDetail(event.type, event.detail, clock.now()), 'scenario');
        if (scenario === current && position >= current.events.length && !finished) {
            markFinished(current);
            notify();
        }
    }

    function schedulePlayer(): void {
        stopPlayerTimer();
        const next = scenario?.events[position];
        if (playing && next !== undefined) {
            const delay = Math.max(0, (next.at - elapsed()) / speed);
            playerTimer = { handle: clock.setTimeout(playDueEvents, delay) };
        }
    }

    function playDueEvents(): void {
        playerTimer = undefined;
        const current = scenario;
        // Every due event fires in this tick: at high speed many fall within one timer's resolution.
        while (
            playing &&
            current !== undefined &&
            scenario === current &&
            position < current.events.length &&
            current.events[position].at <= elapsed() + DUE_EPSILON_MS
        ) {
            fireNextScenarioEvent(current);
        }
        schedulePlayer();
    }

    // ---- The simulator -----------------------------------------------------------------------------------

    const simulator: VoiceCallSimulator = {
        attach(fireEvent) {
            const listener = { fire: fireEvent };
            attached.add(listener);
            return () => {
                attached.delete(listener);
            };
        },

        callMethod(method, args) {
            const copied = [...args];
            append({ kind: 'method', method, args: copied });
            const plan = planMethodCall(method, copied, callAfterPendingResponses(), () => newUuid());
            if (plan.ok) {
                enqueue(plan.events);
            } else {
                append({ kind: 'refused', method, reason: plan.reason });
            }
            notify();
        },

        fireEvent(type, detail) {
            fire(
                type,
                completeEventDetail(type, detail, { now: clock.now(), call, newId: () => newUuid() }),
                'control'
            );
        },

        sendTranscript(text, role) {
            simulator.fireEvent('transcript', { content: { formatType: 'Text', text }, sender: { role } });
        },

        raiseFlag(text, displayName = DEFAULT_AGENT_NAME) {
            simulator.fireEvent('flagraise', {
                content: { formatType: 'Text', text },
                sender: { role: 'Agent', displayName }
            });
        },

        lowerFlag(role, displayName = defaultDisplayName(role)) {
            simulator.fireEvent('flaglower', { sender: { role, displayName } });
        },

        sendNote(text, role, displayName = defaultDisplayName(role)) {
            simulator.fireEvent('note', {
                content: { formatType: 'Text', text },
                sender: { role, displayName }
            });
        },

        load(next) {
            stopPlayerTimer();
            scenario = next;
            position = 0;
            playing = false;
            finished = false;
            mark(0);
            const last = next.events.at(-1)?.at ?? 0;
            info(`Loaded "${next.name}": ${next.events.length} events over ${formatScenarioTime(last)}`);
            notify();
        },

        play() {
            if (playing) {
                return;
            }
            if (scenario === undefined) {
                info('No scenario loaded');
            } else if (finished) {
                info(`Scenario "${scenario.name}" already finished: reset to play it again`);
            } else if (position >= scenario.events.length) {
                markFinished(scenario);
            } else {
                playing = true;
                mark(elapsedAtMark);
                info(`Playing "${scenario.name}" at ${speed}× from ${formatScenarioTime(elapsedAtMark)}`);
                schedulePlayer();
            }
            notify();
        },

        pause() {
            if (!playing) {
                return;
            }
            mark(elapsed());
            playing = false;
            stopPlayerTimer();
            info(`Paused at ${formatScenarioTime(elapsedAtMark)}`);
            notify();
        },

        step() {
            if (scenario === undefined || position >= scenario.events.length) {
                info(scenario === undefined ? 'No scenario loaded' : 'No scenario event left');
                notify();
                return;
            }
            fireNextScenarioEvent(scenario);
            schedulePlayer();
        },

        finish() {
            const current = scenario;
            if (current === undefined || finished) {
                info(current === undefined ? 'No scenario loaded' : 'No scenario event left');
                notify();
                return;
            }
            stopPlayerTimer();
            const left = current.events.length - position;
            info(`Skipping to the end: ${left} ${left === 1 ? 'event' : 'events'}`);
            // Firing the last event finishes the scenario. A listener may load another scenario or reset mid-way:
            // this one stops firing then.
            let next = position;
            while (scenario === current && position >= next && position < current.events.length) {
                next = position + 1;
                fireNextScenarioEvent(current);
            }
            if (current.events.length === 0) {
                markFinished(current);
            }
            notify();
        },

        setSpeed(requested) {
            if (!Number.isFinite(requested)) {
                return;
            }
            mark(elapsed());
            speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, requested));
            schedulePlayer();
            info(`Speed ${speed}×`);
            notify();
        },

        reset() {
            stopPlayerTimer();
            stopResponseTimer();
            responses = [];
            playing = false;
            finished = false;
            position = 0;
            mark(0);
            call = undefined;
            entries = [];
            logSnapshot = undefined;
            notify();
        },

        status(): PlayerStatus {
            return {
                scenarioName: scenario?.name,
                playing,
                position,
                total: scenario?.events.length ?? 0,
                elapsedMs: elapsed(),
                speed,
                finished
            };
        },

        call: () => call,

        log() {
            logSnapshot ??= entries.slice();
            return logSnapshot;
        },

        subscribe(listener) {
            const subscriber = { listener };
            subscribers.add(subscriber);
            return () => {
                subscribers.delete(subscriber);
            };
        }
    };
    return simulator;
}
