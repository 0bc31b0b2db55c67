/**
 * How the simulated telephony system answers each toolkit method: the events it fires, or why it refuses.
 * Pure: `planMethodCall` reads the simulated call and returns a plan; the simulator schedules it.
 */
import { isLiveCall, isRecord, participantOfType } from './simulatedCall';
import type { Fields, ParticipantType } from './simulatedCall';
import { TOOLKIT_METHOD_NAMES } from './simulatorTypes';
import type { SimulatedCall, ToolkitEventName, ToolkitMethodName } from './simulatorTypes';

/** How long the telephony system takes to answer a request. */
export const RESPONSE_DELAY_MS = 300;
/** How long a dialled party takes to answer (third party added, preview call connected). */
export const ANSWER_DELAY_MS = 2000;

export interface PlannedEvent {
    /** Delay after the previous event of the plan (the first: after the request). */
    readonly afterMs: number;
    readonly type: ToolkitEventName;
    readonly detail: Fields;
}

export type MethodPlan =
    | { readonly ok: true; readonly events: readonly PlannedEvent[] }
    | { readonly ok: false; readonly reason: string };

const METHOD_NAME_SET: ReadonlySet<string> = new Set<string>(TOOLKIT_METHOD_NAMES);

function isToolkitMethodName(method: string): method is ToolkitMethodName {
    return METHOD_NAME_SET.has(method);
}

const PARTICIPANT_LABELS: Readonly<Record<ParticipantType, string>> = {
    Initial_Caller: 'initial caller',
    Third_Party: 'third party'
};

const MAX_ARGUMENT_LENGTH = 60;

function describeArgument(value: unknown): string {
    let text: string;
    if (typeof value === 'string') {
        text = value;
    } else if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
        text = String(value);
    } else {
        try {
            text = JSON.stringify(value);
        } catch {
            text = Object.prototype.toString.call(value);
        }
    }
    return text.length > MAX_ARGUMENT_LENGTH ? `${text.slice(0, MAX_ARGUMENT_LENGTH - 1)}…` : text;
}

/** The call as the log shows it, for example `hold(Initial_Caller)`. */
export function describeMethodCall(method: string, args: readonly unknown[]): string {
    return `${method}(${args.map(describeArgument).join(', ')})`;
}

/** Thrown inside this module only, to stop planning at the first reason to refuse. */
class Refusal extends Error {}

function refuseUnless(condition: boolean, reason: string): asserts condition {
    if (!condition) {
        throw new Refusal(reason);
    }
}

function quoted(value: unknown): string {
    return typeof value === 'string' ? `"${value}"` : describeArgument(value);
}

function liveCall(call: SimulatedCall | undefined): SimulatedCall {
    refuseUnless(isLiveCall(call), 'no call in progress');
    return call;
}

function connectedCall(call: SimulatedCall | undefined): SimulatedCall {
    const live = liveCall(call);
    refuseUnless(live.connected, 'the call is not connected yet');
    return live;
}

function participantType(value: unknown): ParticipantType {
    refuseUnless(
        value === 'Initial_Caller' || value === 'Third_Party',
        `participantType must be "Initial_Caller" or "Third_Party", got ${quoted(value)}`
    );
    return value;
}

function party(call: SimulatedCall, type: ParticipantType): SimulatedCall['participants'][number] {
    const found = participantOfType(call, type);
    refuseUnless(found !== undefined, `no ${PARTICIPANT_LABELS[type]} on the call`);
    return found;
}

const PHONE_NUMBER = /^\+?[\d\s().-]+$/;

function phoneNumber(value: unknown, name: string): string {
    refuseUnless(typeof value === 'string' && value.trim() !== '', `${name} must be a non-empty string`);
    refuseUnless(
        PHONE_NUMBER.test(value.trim()) && (value.match(/\d/g) ?? []).length >= 3,
        `${name} ${quoted(value)} is not a phone number`
    );
    return value.trim();
}

const respond = (type: ToolkitEventName, detail: Fields, afterMs = RESPONSE_DELAY_MS): PlannedEvent => ({
    afterMs,
    type,
    detail
});

type Planner = (
    args: readonly unknown[],
    call: SimulatedCall | undefined,
    newId: () => string
) => PlannedEvent[];

/** One planner per method; the mapped type makes a missing method a compile error. */
const PLANNERS: { readonly [M in ToolkitMethodName]: Planner } = {
    mute: (_args, call) => {
        const current = connectedCall(call);
        refuseUnless(!current.muted, 'the agent is already muted');
        return [respond('mute', { callId: current.callId })];
    },
    unmute: (_args, call) => {
        const current = connectedCall(call);
        refuseUnless(current.muted, 'the agent is not muted');
        return [respond('unmute', { callId: current.callId })];
    },
    hold: ([type], call) => {
        const held = participantType(type);
        const current = connectedCall(call);
        const target = party(current, held);
        refuseUnless(!target.onHold, `the ${PARTICIPANT_LABELS[held]} is already on hold`);
        return [respond('hold', { callId: current.callId, participant: target.name })];
    },
    resume: ([type], call) => {
        const resumed = participantType(type);
        const current = connectedCall(call);
        const target = party(current, resumed);
        refuseUnless(target.onHold, `the ${PARTICIPANT_LABELS[resumed]} is not on hold`);
        return [respond('resume', { callId: current.callId, participant: target.name })];
    },
    endCall: ([type], call) => {
        refuseUnless(
            type === 'Agent' || type === 'Initial_Caller' || type === 'Third_Party',
            `participantType must be "Agent", "Initial_Caller" or "Third_Party", got ${quoted(type)}`
        );
        if (type === 'Agent') {
            return [respond('callended', { callId: liveCall(call).callId })];
        }
        const current = connectedCall(call);
        const leaving = party(current, type);
        const removed = respond('participantremoved', { callId: current.callId, participant: leaving.name });
        // The last party hanging up ends the call.
        return current.participants.length > 1
            ? [removed]
            : [removed, respond('callended', { callId: current.callId }, 0)];
    },
    acceptCall: (_args, call) => {
        const current = liveCall(call);
        refuseUnless(!current.connected && current.callType === 'inbound', 'no call is ringing');
        const caller = participantOfType(current, 'Initial_Caller');
        return [
            respond('callconnected', {
                callId: current.callId,
                callType: current.callType,
                ...(caller === undefined ? {} : { participant: caller.name })
            })
        ];
    },
    declineCall: (_args, call) => {
        const current = liveCall(call);
        refuseUnless(!current.connected && current.callType === 'inbound', 'no call is ringing');
        return [respond('callended', { callId: current.callId })];
    },
    pauseRecording: (_args, call) => {
        const current = connectedCall(call);
        refuseUnless(!current.recordingPaused, 'recording is already paused');
        return [respond('pauserecording', { callId: current.callId })];
    },
    resumeRecording: (_args, call) => {
        const current = connectedCall(call);
        refuseUnless(current.recordingPaused, 'recording is not paused');
        return [respond('resumerecording', { callId: current.callId })];
    },
    merge: (_args, call) => {
        const current = connectedCall(call);
        refuseUnless(
            current.participants.length >= 2,
            `merge needs two parties on the call, there ${current.participants.length === 1 ? 'is one' : 'are none'}`
        );
        refuseUnless(
            current.participants.some((participant) => participant.onHold),
            'no party is on hold: the call is already a conference'
        );
        return [respond('conference', { callId: current.callId })];
    },
    swap: (_args, call) => {
        const current = connectedCall(call);
        refuseUnless(
            current.participants.length >= 2,
            `swap needs two parties on the call, there ${current.participants.length === 1 ? 'is one' : 'are none'}`
        );
        const held = current.participants.filter((participant) => participant.onHold).length;
        refuseUnless(held === 1, 'swap needs one party on hold and one talking');
        return [respond('swap', { callId: current.callId })];
    },
    addParticipant: ([contactType, contactValue, isBlindTransfer], call) => {
        refuseUnless(
            contactType === 'PhoneNumber' || contactType === 'AgentOrQueueId',
            `contactType must be "PhoneNumber" or "AgentOrQueueId", got ${quoted(contactType)}`
        );
        const participant =
            contactType === 'PhoneNumber' ? phoneNumber(contactValue, 'contactValue') : contactValue;
        refuseUnless(
            typeof participant === 'string' && participant.trim() !== '',
            'contactValue must be a non-empty string'
        );
        refuseUnless(
            isBlindTransfer === undefined || typeof isBlindTransfer === 'boolean',
            `isBlindTransfer must be a boolean, got ${quoted(isBlindTransfer)}`
        );
        refuseUnless(isBlindTransfer !== true, 'isBlindTransfer must be false with Amazon Connect');
        const current = connectedCall(call);
        refuseUnless(
            participantOfType(current, 'Third_Party') === undefined,
            'a third party is already on the call'
        );
        const caller = participantOfType(current, 'Initial_Caller');
        const added = respond('participantadded', {
            callId: current.callId,
            participant: participant.trim()
        });
        // As Amazon Connect does: the caller is put on hold while the third party is dialled.
        return caller === undefined || caller.onHold
            ? [{ ...added, afterMs: RESPONSE_DELAY_MS + ANSWER_DELAY_MS }]
            : [
                  respond('hold', { callId: current.callId, participant: caller.name }),
                  { ...added, afterMs: ANSWER_DELAY_MS }
              ];
    },
    sendDigits: ([digits], call) => {
        refuseUnless(
            typeof digits === 'string' && /^[0-9*#A-D,]+$/.test(digits),
            `digits must be 0-9, *, #, A-D or commas, got ${quoted(digits)}`
        );
        connectedCall(call);
        return [];
    },
    startPreviewCall: ([phone], call, newId) => {
        const participant = phoneNumber(phone, 'phoneNumber');
        refuseUnless(!isLiveCall(call), 'a call is already in progress');
        const callId = newId();
        const detail = { callId, callType: 'outbound', participant };
        return [respond('callstarted', detail), respond('callconnected', detail, ANSWER_DELAY_MS)];
    },
    updateNextBestActions: ([recordId, params]) => {
        refuseUnless(
            typeof recordId === 'string' && recordId.trim() !== '',
            'recordId must be a non-empty string'
        );
        refuseUnless(isRecord(params), `params must be an object of key: value, got ${quoted(params)}`);
        return [];
    }
};

/**
 * What the telephony system does when a component calls `method(...args)` on the toolkit element while the
 * call is `call`: the events to fire, in order, or the reason it refuses (then no event is fired).
 */
export function planMethodCall(
    method: string,
    args: readonly unknown[],
    call: SimulatedCall | undefined,
    newId: () => string
): MethodPlan {
    const refused = (why: string): MethodPlan => ({
        ok: false,
        reason: `${describeMethodCall(method, args)} refused: ${why}`
    });
    if (!isToolkitMethodName(method)) {
        return refused(
            method === 'conference'
                ? 'there is no conference() method: merge() takes everyone off hold'
                : 'unknown toolkit method'
        );
    }
    try {
        return { ok: true, events: PLANNERS[method](args, call, newId) };
    } catch (error) {
        if (error instanceof Refusal) {
            return refused(error.message);
        }
        throw error;
    }
}
