/**
 * Fills the fields a fired event's payload leaves out, so that every payload the simulator sends is shaped
 * like the documented ones (shared/reference/toolkit-api.md). `fillScenarioEventDetail` is the one default
 * both the simulator's player and the headless replay apply to scenario events.
 */
import { isRecord, participantOfType } from './simulatedCall';
import type { Fields } from './simulatedCall';
import type { SimulatedCall, ToolkitEventName } from './simulatorTypes';

export const DEFAULT_CALLER_NUMBER = '+1 415 555 0134';
export const DEFAULT_THIRD_PARTY_NUMBER = '+1 628 555 0178';
export const DEFAULT_AGENT_NAME = 'Jordan Lee';
export const DEFAULT_SUPERVISOR_NAME = 'Priya Shah';
export const DEFAULT_UTTERANCE = 'Hello, can you hear me?';
export const DEFAULT_FLAG_TEXT = 'The customer is asking for a refund above my approval limit.';
export const DEFAULT_NOTE_TEXT = 'Offer the goodwill credit, I have approved it.';

/** The events that carry a message with timestamps. */
const MESSAGE_EVENTS: ReadonlySet<ToolkitEventName> = new Set<ToolkitEventName>([
    'transcript',
    'flagraise',
    'flaglower',
    'note'
]);

/**
 * A scenario event's payload as it is fired at `firedAt` (ms since the epoch): a message event without
 * clientSentTimestamp or serverReceivedTimestamp gets `firedAt`, so the page shows current times. Every field
 * the scenario gives is sent as written, malformed or not; `detail` itself is never changed.
 */
export function fillScenarioEventDetail(type: ToolkitEventName, detail: unknown, firedAt: number): unknown {
    return isRecord(detail) ? withTimestamps(type, detail, firedAt) : detail;
}

function withTimestamps(type: ToolkitEventName, detail: Fields, at: number): Fields {
    if (
        !MESSAGE_EVENTS.has(type) ||
        (detail.clientSentTimestamp !== undefined && detail.serverReceivedTimestamp !== undefined)
    ) {
        return detail;
    }
    return {
        ...detail,
        clientSentTimestamp: detail.clientSentTimestamp ?? at,
        serverReceivedTimestamp: detail.serverReceivedTimestamp ?? at
    };
}

/** A random version-4 UUID, the shape Amazon Connect gives contact and message ids. */
export function newUuid(random: () => number = Math.random): string {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (placeholder) => {
        const nibble = Math.floor(random() * 16);
        return (placeholder === 'x' ? nibble : (nibble & 0x3) | 0x8).toString(16);
    });
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A VoiceCall record id ("0LQ…", 18 characters) derived from the callId, so a call keeps one. */
export function voiceCallIdFor(callId: string): string {
    let hash = 2166136261;
    let id = '0LQ';
    while (id.length < 18) {
        for (const character of callId + id) {
            hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
        }
        id += BASE62[hash % BASE62.length];
    }
    return id;
}

export function defaultDisplayName(role: 'Agent' | 'Supervisor'): string {
    return role === 'Agent' ? DEFAULT_AGENT_NAME : DEFAULT_SUPERVISOR_NAME;
}

export interface ControlDefaults {
    /** Now, in ms since the epoch: the time of every message. */
    readonly now: number;
    /** The simulated call the event belongs to, when one is known. */
    readonly call: SimulatedCall | undefined;
    /** A fresh id (callId of a new call, message id). */
    readonly newId: () => string;
}

/** Shallow defaults, with the nested `content` and `sender` objects merged field by field when given as objects. */
function merged(defaults: Fields, given: Fields | undefined): Record<string, unknown> {
    const result: Record<string, unknown> = { ...defaults, ...given };
    for (const key of ['content', 'sender']) {
        const fallback = defaults[key];
        const value = given?.[key];
        if (isRecord(fallback) && isRecord(value)) {
            result[key] = { ...fallback, ...value };
        }
    }
    return result;
}

/** What the defaults of one event are made from. */
interface DefaultsContext {
    readonly callId: string;
    /** The live call's type and initial caller, for a callstarted or callconnected on it. */
    readonly live: SimulatedCall | undefined;
    readonly parties: SimulatedCall['participants'];
    readonly thirdParty: string | undefined;
    readonly message: (role: string, text: string | null, displayName?: string) => Fields;
}

const callOnly = ({ callId }: DefaultsContext): Fields => ({ callId });

const callStart = ({ callId, live }: DefaultsContext): Fields => ({
    callId,
    callType: live?.callType ?? 'inbound',
    participant:
        (live === undefined ? undefined : participantOfType(live, 'Initial_Caller'))?.name ??
        DEFAULT_CALLER_NUMBER
});

const AUDIO_STATS = {
    stats: {
        inputChannelStats: {
            packetsLost: 2,
            packetsCount: 1480,
            jitterBufferMillis: 20,
            roundTripTimeMillis: 84
        },
        outputChannelStats: {
            packetsLost: 1,
            packetsCount: 1502,
            jitterBufferMillis: 18,
            roundTripTimeMillis: 84
        }
    },
    packetsLost: 3,
    packetsCount: 2982,
    jitterBufferMillis: 19,
    roundTripTimeMillis: 84,
    statsCount: 1
};

/** The documented fields of each event; the mapped type makes a missing event a compile error. */
const DEFAULTS: { readonly [K in ToolkitEventName]: (context: DefaultsContext) => Fields } = {
    callstarted: callStart,
    callconnected: callStart,
    callended: callOnly,
    wrapupended: callOnly,
    mute: callOnly,
    unmute: callOnly,
    conference: callOnly,
    swap: callOnly,
    pauserecording: callOnly,
    resumerecording: callOnly,
    // Hold the first party talking, resume the first on hold.
    hold: ({ callId, parties }) => ({
        callId,
        participant: (parties.find((party) => !party.onHold) ?? parties.at(0))?.name ?? DEFAULT_CALLER_NUMBER
    }),
    resume: ({ callId, parties }) => ({
        callId,
        participant: (parties.find((party) => party.onHold) ?? parties.at(0))?.name ?? DEFAULT_CALLER_NUMBER
    }),
    participantadded: ({ callId }) => ({ callId, participant: DEFAULT_THIRD_PARTY_NUMBER }),
    participantremoved: ({ callId, parties, thirdParty }) => ({
        callId,
        participant: thirdParty ?? parties.at(0)?.name ?? DEFAULT_THIRD_PARTY_NUMBER
    }),
    transcript: ({ message }) => message('EndUser', DEFAULT_UTTERANCE),
    flagraise: ({ callId, message }) => ({
        ...message('Agent', DEFAULT_FLAG_TEXT, DEFAULT_AGENT_NAME),
        voiceCallId: voiceCallIdFor(callId)
    }),
    flaglower: ({ callId, message }) => ({
        ...message('Supervisor', null, DEFAULT_SUPERVISOR_NAME),
        voiceCallId: voiceCallIdFor(callId)
    }),
    note: ({ message }) => message('Supervisor', DEFAULT_NOTE_TEXT, DEFAULT_SUPERVISOR_NAME),
    audiostats: ({ callId }) => ({ callId, ...AUDIO_STATS })
};

function defaultsFor(type: ToolkitEventName, { now, call, newId }: ControlDefaults): Fields {
    const live = call !== undefined && !call.ended ? call : undefined;
    // callstarted and callconnected without a live call start a new one; anything else belongs to the last call.
    const callId =
        type === 'callstarted' || type === 'callconnected'
            ? (live?.callId ?? newId())
            : (call?.callId ?? newId());
    return DEFAULTS[type]({
        callId,
        live,
        parties: call?.participants ?? [],
        thirdParty: call === undefined ? undefined : participantOfType(call, 'Third_Party')?.name,
        message: (role, text, displayName) => ({
            id: newId(),
            clientSentTimestamp: now,
            serverReceivedTimestamp: now,
            content: { formatType: text === null ? null : 'Text', text },
            callId,
            sender: displayName === undefined ? { role } : { role, displayName }
        })
    });
}

/**
 * The payload of an event fired from the page's controls: the fields `detail` gives, and every documented
 * field it leaves out taken from the current call (callId, callType, participants), a fresh id, or `now`.
 */
export function completeEventDetail(
    type: ToolkitEventName,
    detail: Fields | undefined,
    defaults: ControlDefaults
): Fields {
    return withTimestamps(type, merged(defaultsFor(type, defaults), detail), defaults.now);
}
