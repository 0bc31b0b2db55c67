/**
 * Typed toolkit events for the call-state tests, built as the console builds them: a payload shaped as the
 * toolkit documents it (shared/seeds/telephony-events.txt, shared/reference/toolkit-api.md) run through the
 * real parser, `parseToolkitEvent`. Also the few readers the tests share.
 */
import { parseToolkitEvent } from 'c/voiceCallEvents';
import type { ToolkitEvent, ToolkitEventName } from 'c/voiceCallEvents';
import { EMPTY_CONSOLE_STATE, applyToolkitEvents, logItems } from 'c/voiceCallState';
import type { CallMessage, OrderedLog, VoiceCall, VoiceCallConsoleState } from 'c/voiceCallState';
import {
    SEED_CALL_ID,
    SEED_EXAMPLES,
    SEED_PARTICIPANT
} from '../../../voiceCallEvents/__tests__/data/seedPayloads';

/** The seed page's call, its caller ("+1 (415) 999-0000") and its first timestamp. */
export const CALL_A = SEED_CALL_ID;
export const CALL_B = SEED_EXAMPLES.callstarted.detail.callId;
export const CALLER = SEED_PARTICIPANT;
export const T0 = SEED_EXAMPLES.transcript.detail.serverReceivedTimestamp;

/** A `{ type, detail }` payload as a toolkit DOM event carries it. */
export interface ToolkitPayload<K extends string> {
    readonly type: K;
    readonly detail: unknown;
}

/** The typed event named `K` (the same type as `ToolkitEvent<K>` for a given name). */
export type EventOf<K extends ToolkitEventName> = Extract<ToolkitEvent, { readonly type: K }>;

/** Parses `payload` as the console does; a fixture the parser rejects is a broken test, so it throws. */
export function fromPayload<K extends ToolkitEventName>(
    payload: ToolkitPayload<K>,
    receivedAt: number
): EventOf<K>;
export function fromPayload(payload: ToolkitPayload<string>, receivedAt: number): ToolkitEvent;
export function fromPayload(payload: ToolkitPayload<string>, receivedAt: number): ToolkitEvent {
    const result = parseToolkitEvent(payload, receivedAt);
    if (!result.ok) {
        throw new Error(`test payload rejected: ${result.rejection.reason}`);
    }
    if (result.event.type !== payload.type) {
        throw new Error(`test payload ${payload.type} parsed as ${result.event.type}`);
    }
    return result.event;
}

/** Timestamps and sender of an utterance, flag or note. `null` sends the field as null (read as absent). */
export interface MessageOptions {
    /** serverReceivedTimestamp; defaults to the event's receivedAt. */
    readonly server?: number | null;
    /** clientSentTimestamp; defaults to 29 ms before the server's, as in the seed page's example. */
    readonly client?: number | null;
    readonly role?: string;
    readonly displayName?: string | null;
}

/** Builders of every toolkit event for one call; each takes the time the console received it. */
export function eventsFor(callId: string) {
    const event = <K extends ToolkitEventName>(
        type: K,
        receivedAt: number,
        detail: Readonly<Record<string, unknown>> = {}
    ): EventOf<K> => fromPayload({ type, detail: { callId, ...detail } }, receivedAt);

    const message = (id: string | null, text: string | null, receivedAt: number, options: MessageOptions) => {
        const server = options.server === undefined ? receivedAt : options.server;
        return {
            id,
            clientSentTimestamp:
                options.client === undefined && server !== null ? server - 29 : options.client,
            serverReceivedTimestamp: server,
            content: { formatType: text === null ? null : 'Text', text },
            sender: { role: options.role ?? 'Agent', displayName: options.displayName ?? null }
        };
    };

    return {
        started: (
            receivedAt: number,
            callType: string | null = 'inbound',
            participant: string | null = CALLER
        ) => event('callstarted', receivedAt, { callType, participant }),
        connected: (
            receivedAt: number,
            callType: string | null = 'inbound',
            participant: string | null = CALLER
        ) => event('callconnected', receivedAt, { callType, participant }),
        ended: (receivedAt: number) => event('callended', receivedAt),
        wrapUpEnded: (receivedAt: number) => event('wrapupended', receivedAt),
        hold: (participant: string, receivedAt: number) => event('hold', receivedAt, { participant }),
        resume: (participant: string, receivedAt: number) => event('resume', receivedAt, { participant }),
        added: (participant: string, receivedAt: number) =>
            event('participantadded', receivedAt, { participant }),
        removed: (participant: string, receivedAt: number) =>
            event('participantremoved', receivedAt, { participant }),
        conference: (receivedAt: number) => event('conference', receivedAt),
        swap: (receivedAt: number) => event('swap', receivedAt),
        mute: (receivedAt: number) => event('mute', receivedAt),
        unmute: (receivedAt: number) => event('unmute', receivedAt),
        pauseRecording: (receivedAt: number) => event('pauserecording', receivedAt),
        resumeRecording: (receivedAt: number) => event('resumerecording', receivedAt),
        transcript: (id: string, text: string, receivedAt: number, options: MessageOptions = {}) =>
            event('transcript', receivedAt, message(id, text, receivedAt, options)),
        note: (id: string, text: string, receivedAt: number, options: MessageOptions = {}) =>
            event('note', receivedAt, message(id, text, receivedAt, options)),
        flagRaise: (id: string, text: string, receivedAt: number, options: MessageOptions = {}) =>
            event('flagraise', receivedAt, message(id, text, receivedAt, options)),
        /** A flaglower: content is null, as documented; `id` null sends none. */
        flagLower: (id: string | null, receivedAt: number, options: MessageOptions = {}) =>
            event('flaglower', receivedAt, message(id, null, receivedAt, options)),
        audioStats: (receivedAt: number, numbers: Readonly<Record<string, unknown>>) =>
            event('audiostats', receivedAt, numbers)
    };
}

/** The state after `events`, from the empty state. */
export function fold(...events: readonly ToolkitEvent[]): VoiceCallConsoleState {
    return applyToolkitEvents(EMPTY_CONSOLE_STATE, events);
}

/** The call `callId` in `state`; a missing call fails the test. */
export function callIn(state: VoiceCallConsoleState, callId: string): VoiceCall {
    const call = state.calls.get(callId);
    if (call === undefined) {
        throw new Error(`no call ${callId} in the state`);
    }
    return call;
}

/** The texts of a transcript or notes log, in order. */
export function textsOf(log: OrderedLog<CallMessage>): string[] {
    return logItems(log).map((message) => message.text);
}

/** A deep copy made of plain objects and arrays (maps become entry lists). */
function plainCopy(value: unknown): unknown {
    if (value instanceof Map) {
        return Array.from(value.entries(), (entry) => plainCopy(entry));
    }
    if (Array.isArray(value)) {
        return value.map((item: unknown) => plainCopy(item));
    }
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainCopy(item)]));
    }
    return value;
}

/**
 * A deep copy of all a reader of `state` can observe: each log as the items its version holds (versions share
 * a store that newer versions grow, by design), everything else field by field.
 */
export function observableCopy(state: VoiceCallConsoleState): unknown {
    return plainCopy({
        ...state,
        calls: Array.from(state.calls.values(), (call) => ({
            ...call,
            transcript: logItems(call.transcript),
            notes: logItems(call.notes)
        }))
    });
}
