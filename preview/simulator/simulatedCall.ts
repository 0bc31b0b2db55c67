/**
 * The telephony side's model of the current call (`SimulatedCall`), folded from every event the simulator
 * fires, whatever its source. Pure and DOM-free: the simulator checks each toolkit method call against it.
 */
import { TOOLKIT_EVENT_NAMES } from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import type { SimulatedCall, ToolkitEventName } from './simulatorTypes';

export type SimulatedParticipant = SimulatedCall['participants'][number];
export type ParticipantType = SimulatedParticipant['type'];

export type Fields = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string field of a payload, else undefined (payloads are untrusted: scenarios may be malformed). */
export function stringField(detail: unknown, key: string): string | undefined {
    if (!isRecord(detail)) {
        return undefined;
    }
    const value = detail[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Phone numbers match whatever their punctuation, names ignoring case (as voiceCallState matches them). */
export function participantKey(name: string): string {
    const trimmed = name.trim();
    return /^[\d\s()+\-.]+$/.test(trimmed) && /\d/.test(trimmed)
        ? trimmed.replace(/[^\d]/g, '')
        : trimmed.toLowerCase();
}

export function findParticipant(call: SimulatedCall, name: string): SimulatedParticipant | undefined {
    const key = participantKey(name);
    return call.participants.find((participant) => participantKey(participant.name) === key);
}

export function participantOfType(
    call: SimulatedCall,
    type: ParticipantType
): SimulatedParticipant | undefined {
    return call.participants.find((participant) => participant.type === type);
}

/** A call that has not ended (ringing, dialing or connected). */
export function isLiveCall(call: SimulatedCall | undefined): call is SimulatedCall {
    return call !== undefined && !call.ended;
}

function callTypeOf(detail: unknown): SimulatedCall['callType'] | undefined {
    const callType = stringField(detail, 'callType')?.trim().toLowerCase();
    return callType === 'inbound' || callType === 'outbound' ? callType : undefined;
}

function newCall(callId: string, connected: boolean, detail: unknown): SimulatedCall {
    return withInitialCaller(
        {
            callId,
            callType: callTypeOf(detail) ?? 'inbound',
            participants: [],
            connected,
            ended: false,
            muted: false,
            recordingPaused: false
        },
        stringField(detail, 'participant')
    );
}

function withInitialCaller(call: SimulatedCall, name: string | undefined): SimulatedCall {
    if (name === undefined || findParticipant(call, name) !== undefined) {
        return call;
    }
    if (participantOfType(call, 'Initial_Caller') !== undefined) {
        return call;
    }
    const caller: SimulatedParticipant = { name, type: 'Initial_Caller', onHold: false };
    return { ...call, participants: [caller, ...call.participants] };
}

/** Sets a party's hold state; a party the model does not know yet joins with that state (mid-call events). */
function withHold(call: SimulatedCall, name: string | undefined, onHold: boolean): SimulatedCall {
    if (name === undefined) {
        return call;
    }
    const known = findParticipant(call, name);
    if (known === undefined) {
        const type: ParticipantType =
            participantOfType(call, 'Initial_Caller') === undefined ? 'Initial_Caller' : 'Third_Party';
        return { ...call, participants: [...call.participants, { name, type, onHold }] };
    }
    return {
        ...call,
        participants: call.participants.map((participant) =>
            participant === known ? { ...participant, onHold } : participant
        )
    };
}

function withAllHolds(
    call: SimulatedCall,
    nextHold: (participant: SimulatedParticipant) => boolean
): SimulatedCall {
    return {
        ...call,
        participants: call.participants.map((participant) => ({
            ...participant,
            onHold: nextHold(participant)
        }))
    };
}

const CALL_LIFECYCLE_EVENTS: ReadonlySet<ToolkitEventName> = new Set<ToolkitEventName>([
    'callstarted',
    'callconnected',
    'callended',
    'wrapupended'
]);
/** Events that, naming a call the model does not know while no call is live, mean the call is under way. */
const MID_CALL_EVENTS: ReadonlySet<ToolkitEventName> = new Set(
    TOOLKIT_EVENT_NAMES.filter((name) => !CALL_LIFECYCLE_EVENTS.has(name))
);

type CallUpdate = (call: SimulatedCall, detail: unknown) => SimulatedCall;

function started(call: SimulatedCall, detail: unknown, connected: boolean): SimulatedCall {
    if (call.ended) {
        // A replay of the start of a call that is over changes nothing.
        return call;
    }
    const typed = { ...call, callType: callTypeOf(detail) ?? call.callType };
    return withInitialCaller(connected ? { ...typed, connected } : typed, stringField(detail, 'participant'));
}

const unchanged: CallUpdate = (call) => call;

/** One update per event; the mapped type makes a missing event a compile error. */
const CALL_UPDATES: { readonly [K in ToolkitEventName]: CallUpdate } = {
    callstarted: (call, detail) => started(call, detail, false),
    callconnected: (call, detail) => started(call, detail, true),
    callended: (call) => (call.ended ? call : { ...call, ended: true }),
    hold: (call, detail) => withHold(call, stringField(detail, 'participant'), true),
    resume: (call, detail) => withHold(call, stringField(detail, 'participant'), false),
    mute: (call) => ({ ...call, muted: true }),
    unmute: (call) => ({ ...call, muted: false }),
    pauserecording: (call) => ({ ...call, recordingPaused: true }),
    resumerecording: (call) => ({ ...call, recordingPaused: false }),
    participantadded: (call, detail) => {
        const name = stringField(detail, 'participant');
        return name === undefined || findParticipant(call, name) !== undefined
            ? call
            : { ...call, participants: [...call.participants, { name, type: 'Third_Party', onHold: false }] };
    },
    participantremoved: (call, detail) => {
        const name = stringField(detail, 'participant');
        const leaving = name === undefined ? undefined : findParticipant(call, name);
        return leaving === undefined
            ? call
            : { ...call, participants: call.participants.filter((known) => known !== leaving) };
    },
    conference: (call) => withAllHolds(call, () => false),
    swap: (call) => withAllHolds(call, (known) => !known.onHold),
    wrapupended: unchanged,
    transcript: unchanged,
    flagraise: unchanged,
    flaglower: unchanged,
    note: unchanged,
    audiostats: unchanged
};

/**
 * The model after one fired event. Only the current call is modelled: a callstarted or callconnected with
 * another callId replaces it (the agent moved on), other events for another call change nothing unless no
 * call is live, in which case the call was already under way (as the console treats it). Malformed payloads
 * (no callId) change nothing.
 */
export function applyEventToCall(
    call: SimulatedCall | undefined,
    type: ToolkitEventName,
    detail: unknown
): SimulatedCall | undefined {
    const callId = stringField(detail, 'callId');
    if (callId === undefined) {
        return call;
    }
    if (call?.callId === callId) {
        return CALL_UPDATES[type](call, detail);
    }
    if (type === 'callstarted' || type === 'callconnected') {
        return newCall(callId, type === 'callconnected', detail);
    }
    if (!isLiveCall(call) && MID_CALL_EVENTS.has(type)) {
        return CALL_UPDATES[type](newCall(callId, true, {}), detail);
    }
    return call;
}
