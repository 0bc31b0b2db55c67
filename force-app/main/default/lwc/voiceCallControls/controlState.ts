/**
 * The call controls and the requests waiting for the phone system: pure, no DOM. Which controls a call offers and
 * which are enabled, what each asks of the toolkit, and when a request is confirmed: by the call state the events
 * produce, never by the method's return value (undocumented).
 */
import type { ParticipantKind, VoiceCall } from 'c/voiceCallState';
import type { ServiceCloudVoiceToolkitMethods } from 'lightning/serviceCloudVoiceToolkitApi';
import { formatLabel } from 'c/voiceCallFormat';
import MUTE from '@salesforce/label/c.VCC_Controls_Mute';
import UNMUTE from '@salesforce/label/c.VCC_Controls_Unmute';
import HOLD_CALLER from '@salesforce/label/c.VCC_Controls_HoldCaller';
import RESUME_CALLER from '@salesforce/label/c.VCC_Controls_ResumeCaller';
import HOLD_THIRD_PARTY from '@salesforce/label/c.VCC_Controls_HoldThirdParty';
import RESUME_THIRD_PARTY from '@salesforce/label/c.VCC_Controls_ResumeThirdParty';
import SWAP from '@salesforce/label/c.VCC_Controls_Swap';
import MERGE from '@salesforce/label/c.VCC_Controls_Merge';
import PAUSE_RECORDING from '@salesforce/label/c.VCC_Controls_PauseRecording';
import RESUME_RECORDING from '@salesforce/label/c.VCC_Controls_ResumeRecording';
import END_CALL from '@salesforce/label/c.VCC_Controls_EndCall';
import MUTE_PENDING from '@salesforce/label/c.VCC_Controls_MutePending';
import UNMUTE_PENDING from '@salesforce/label/c.VCC_Controls_UnmutePending';
import HOLD_CALLER_PENDING from '@salesforce/label/c.VCC_Controls_HoldCallerPending';
import RESUME_CALLER_PENDING from '@salesforce/label/c.VCC_Controls_ResumeCallerPending';
import HOLD_THIRD_PARTY_PENDING from '@salesforce/label/c.VCC_Controls_HoldThirdPartyPending';
import RESUME_THIRD_PARTY_PENDING from '@salesforce/label/c.VCC_Controls_ResumeThirdPartyPending';
import SWAP_PENDING from '@salesforce/label/c.VCC_Controls_SwapPending';
import MERGE_PENDING from '@salesforce/label/c.VCC_Controls_MergePending';
import PAUSE_RECORDING_PENDING from '@salesforce/label/c.VCC_Controls_PauseRecordingPending';
import RESUME_RECORDING_PENDING from '@salesforce/label/c.VCC_Controls_ResumeRecordingPending';
import END_CALL_PENDING from '@salesforce/label/c.VCC_Controls_EndCallPending';
import GROUP_LABEL from '@salesforce/label/c.VCC_Controls_GroupLabel';
import CONFIRMED from '@salesforce/label/c.VCC_Controls_Confirmed';
import TIMED_OUT from '@salesforce/label/c.VCC_Controls_TimedOut';
import FAILED from '@salesforce/label/c.VCC_Controls_Failed';
import NO_METHOD from '@salesforce/label/c.VCC_Controls_NoMethod';
import UNKNOWN_ERROR from '@salesforce/label/c.VCC_Controls_UnknownError';

/** One button each, in display order, named after what it does when not pressed. */
export const CONTROL_IDS = [
    'mute',
    'holdCaller',
    'holdThirdParty',
    'swap',
    'merge',
    'pauseRecording',
    'endCall'
] as const;

export type ControlId = (typeof CONTROL_IDS)[number];

export function isControlId(value: unknown): value is ControlId {
    return CONTROL_IDS.some((id) => id === value);
}

export type ControlAction = ControlId | 'unmute' | 'resumeCaller' | 'resumeThirdParty' | 'resumeRecording';

/** How long a request waits for the event that confirms it. */
export const CONFIRMATION_TIMEOUT_MS = 5000;

/** Each action's name; a button shows its control's (a toggle keeps its label: `aria-pressed` gives its state). */
/** Each action's name; a button shows its control's (a toggle keeps its label: `aria-pressed` gives its state). */
export const ACTION_LABELS: Readonly<Record<ControlAction, string>> = Object.freeze({
    mute: MUTE,
    unmute: UNMUTE,
    holdCaller: HOLD_CALLER,
    resumeCaller: RESUME_CALLER,
    holdThirdParty: HOLD_THIRD_PARTY,
    resumeThirdParty: RESUME_THIRD_PARTY,
    swap: SWAP,
    merge: MERGE,
    pauseRecording: PAUSE_RECORDING,
    resumeRecording: RESUME_RECORDING,
    endCall: END_CALL
});

/** A button's label while its request waits. */
export const PENDING_LABELS: Readonly<Record<ControlAction, string>> = Object.freeze({
    mute: MUTE_PENDING,
    unmute: UNMUTE_PENDING,
    holdCaller: HOLD_CALLER_PENDING,
    resumeCaller: RESUME_CALLER_PENDING,
    holdThirdParty: HOLD_THIRD_PARTY_PENDING,
    resumeThirdParty: RESUME_THIRD_PARTY_PENDING,
    swap: SWAP_PENDING,
    merge: MERGE_PENDING,
    pauseRecording: PAUSE_RECORDING_PENDING,
    resumeRecording: RESUME_RECORDING_PENDING,
    endCall: END_CALL_PENDING
});

/** The group's name and the status line's messages: {0} is the action, {1} the detail. */
export const CONTROL_MESSAGES = Object.freeze({
    groupLabel: GROUP_LABEL,
    confirmed: CONFIRMED,
    timedOut: TIMED_OUT,
    failed: FAILED,
    noMethod: NO_METHOD,
    unknownError: UNKNOWN_ERROR
});

export type ToolkitMethodName = keyof ServiceCloudVoiceToolkitMethods;

/** The toolkit method and arguments of each action (shared/reference/toolkit-api.md). */
export const ACTION_REQUESTS: Readonly<Record<ControlAction, readonly [ToolkitMethodName, ...string[]]>> = {
    mute: ['mute'],
    unmute: ['unmute'],
    holdCaller: ['hold', 'Initial_Caller'],
    resumeCaller: ['resume', 'Initial_Caller'],
    holdThirdParty: ['hold', 'Third_Party'],
    resumeThirdParty: ['resume', 'Third_Party'],
    swap: ['swap'],
    merge: ['merge'],
    pauseRecording: ['pauseRecording'],
    resumeRecording: ['resumeRecording'],
    endCall: ['endCall', 'Agent']
};

/** What the controls read of a call. A party's hold state is undefined when that party is not on the call. */
export interface CallFacts {
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly callerOnHold: boolean | undefined;
    readonly thirdPartyOnHold: boolean | undefined;
    readonly ended: boolean;
}

const FACT_KEYS = ['muted', 'recordingPaused', 'callerOnHold', 'thirdPartyOnHold', 'ended'] as const;

/** The facts a request waits for the call to show. */
export type ExpectedOutcome = Partial<CallFacts>;

export interface PendingRequest {
    readonly id: number;
    readonly control: ControlId;
    readonly action: ControlAction;
    readonly callId: string;
    readonly expected: ExpectedOutcome;
    readonly startedAt: number;
}

export interface CallControl {
    readonly id: ControlId;
    /** What a press asks for now; the waiting action while one waits. */
    readonly action: ControlAction;
    readonly label: string;
    /** Toggles only: whether the call is in the state the button names. */
    readonly pressed: boolean | undefined;
    readonly enabled: boolean;
    readonly pending: boolean;
}

export function callFacts(call: VoiceCall): CallFacts {
    const onHold = (kind: ParticipantKind): boolean | undefined =>
        call.participants.find((participant) => participant.kind === kind)?.onHold;
    return {
        muted: call.muted,
        recordingPaused: call.recordingPaused,
        callerOnHold: onHold('Initial_Caller'),
        thirdPartyOnHold: onHold('Third_Party'),
        ended: call.status === 'ended' || call.status === 'wrapUpComplete'
    };
}

/** Each toggle: the fact it turns on, and the action that turns it off. */
const TOGGLES: Readonly<Partial<Record<ControlId, readonly [keyof CallFacts, ControlAction]>>> = {
    mute: ['muted', 'unmute'],
    holdCaller: ['callerOnHold', 'resumeCaller'],
    holdThirdParty: ['thirdPartyOnHold', 'resumeThirdParty'],
    pauseRecording: ['recordingPaused', 'resumeRecording']
};

/** The controls to show: none without a call; none enabled unless it is connected; a waiting one disabled. */
export function callControls(call: VoiceCall | undefined, pending: readonly PendingRequest[]): CallControl[] {
    if (call === undefined) {
        return [];
    }
    const facts = callFacts(call);
    const caller = facts.callerOnHold;
    const thirdParty = facts.thirdPartyOnHold;
    const threeWay = caller !== undefined && thirdParty !== undefined;
    // Swap exchanges the two hold states: it means something only when they differ.
    const shown: Readonly<Partial<Record<ControlId, boolean>>> = {
        holdCaller: caller !== undefined,
        holdThirdParty: thirdParty !== undefined,
        swap: threeWay,
        merge: threeWay
    };
    const usable: Readonly<Partial<Record<ControlId, boolean>>> = {
        swap: caller !== thirdParty,
        merge: caller === true || thirdParty === true
    };
    return CONTROL_IDS.filter((id) => shown[id] ?? true).map((id) => {
        const toggle = TOGGLES[id];
        const pressed = toggle === undefined ? undefined : facts[toggle[0]] === true;
        const waiting = pending.find((request) => request.control === id);
        return {
            id,
            action: waiting?.action ?? (pressed === true && toggle !== undefined ? toggle[1] : id),
            label: waiting === undefined ? ACTION_LABELS[id] : PENDING_LABELS[waiting.action],
            pressed,
            enabled: waiting === undefined && (usable[id] ?? true) && call.status === 'connected',
            pending: waiting !== undefined
        };
    });
}

/** What the call shows once each action is done; the mapped type makes a missing action a compile error. */
const OUTCOMES: { readonly [A in ControlAction]: (facts: CallFacts) => ExpectedOutcome } = {
    mute: () => ({ muted: true }),
    unmute: () => ({ muted: false }),
    holdCaller: () => ({ callerOnHold: true }),
    resumeCaller: () => ({ callerOnHold: false }),
    holdThirdParty: () => ({ thirdPartyOnHold: true }),
    resumeThirdParty: () => ({ thirdPartyOnHold: false }),
    swap: (facts) => ({ callerOnHold: !facts.callerOnHold, thirdPartyOnHold: !facts.thirdPartyOnHold }),
    merge: () => ({ callerOnHold: false, thirdPartyOnHold: false }),
    pauseRecording: () => ({ recordingPaused: true }),
    resumeRecording: () => ({ recordingPaused: false }),
    endCall: () => ({ ended: true })
};

/** The request a press makes; undefined when the control is absent, disabled or waiting (nothing to ask). */
export function startRequest(
    call: VoiceCall | undefined,
    pending: readonly PendingRequest[],
    control: ControlId,
    id: number,
    now: number
): PendingRequest | undefined {
    const offered = callControls(call, pending).find((candidate) => candidate.id === control);
    if (call === undefined || offered?.enabled !== true) {
        return undefined;
    }
    const { action } = offered;
    return {
        id,
        control,
        action,
        callId: call.callId,
        expected: OUTCOMES[action](callFacts(call)),
        startedAt: now
    };
}

/** Whether `call` shows every fact `request` waits for. */
export function isConfirmed(request: PendingRequest, call: VoiceCall): boolean {
    const facts = callFacts(call);
    const { expected } = request;
    return FACT_KEYS.every((key) => expected[key] === undefined || expected[key] === facts[key]);
}

export interface Settled {
    /** Still waiting. */
    readonly pending: readonly PendingRequest[];
    readonly confirmed: readonly PendingRequest[];
    /** Its call is gone, another or over: it can no longer be confirmed; nothing is said. */
    readonly dropped: readonly PendingRequest[];
}

/** Sorts the waiting requests against a new call value. */
export function settleWithCall(pending: readonly PendingRequest[], call: VoiceCall | undefined): Settled {
    const waiting: PendingRequest[] = [];
    const confirmed: PendingRequest[] = [];
    const dropped: PendingRequest[] = [];
    for (const request of pending) {
        if (call?.callId !== request.callId) {
            dropped.push(request);
        } else if (isConfirmed(request, call)) {
            confirmed.push(request);
        } else {
            (call.status === 'connected' ? waiting : dropped).push(request);
        }
    }
    return { pending: waiting, confirmed, dropped };
}

/** The error's message as plain text, whatever was thrown or rejected. */
export function errorText(error: unknown): string {
    let text: unknown = error;
    try {
        if (typeof error === 'object' && error !== null && 'message' in error) {
            text = error.message;
        }
    } catch {
        // A throwing getter: nothing more to learn.
    }
    if (typeof text === 'number' || typeof text === 'boolean') {
        text = String(text);
    }
    return typeof text === 'string' && text.trim() !== ''
        ? text.trim().slice(0, 300)
        : CONTROL_MESSAGES.unknownError;
}

export type MessageKind = 'confirmed' | 'timedOut' | 'failed' | 'noMethod';

/** The status line's text about a request; `error` is what the method threw or rejected with. */
export function requestMessage(kind: MessageKind, request: PendingRequest, error?: unknown): string {
    const details: Readonly<Record<MessageKind, () => string | number>> = {
        confirmed: () => '',
        timedOut: () => CONFIRMATION_TIMEOUT_MS / 1000,
        failed: () => errorText(error),
        noMethod: () => ACTION_REQUESTS[request.action][0]
    };
    // The error's text is inserted as it is, `$&` and all.
    return formatLabel(CONTROL_MESSAGES[kind], ACTION_LABELS[request.action], details[kind]());
}
