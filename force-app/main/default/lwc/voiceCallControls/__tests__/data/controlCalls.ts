/**
 * Calls in each state the controls care about, folded from the toolkit page's payloads (seedPayloads) by the real
 * parser and state module, plus the events that answer each control.
 */
import { callFrom } from 'test-utils/voiceCallTestUtils';
import type { ToolkitPayload } from 'test-utils/voiceCallTestUtils';
import type { VoiceCall } from 'c/voiceCallState';
import {
    SEED_CALL,
    SEED_CALL_ID,
    SEED_PARTICIPANT
} from '../../../voiceCallEvents/__tests__/data/seedPayloads';

export const CALL_ID = SEED_CALL_ID;
export const CALLER = SEED_PARTICIPANT;
/** An Amazon Connect Quick Connect name, as a third party's `participant` may be. */
export const THIRD_PARTY = 'Billing Quick Connect';

/** A toolkit event of the call, with `participant` when given. */
export function callEvent(type: string, participant?: string): ToolkitPayload {
    return {
        type,
        detail: participant === undefined ? { callId: CALL_ID } : { callId: CALL_ID, participant }
    };
}

export const CONNECTING_EVENTS: readonly ToolkitPayload[] = [SEED_CALL.callstarted];
export const CONNECTED_EVENTS: readonly ToolkitPayload[] = [SEED_CALL.callstarted, SEED_CALL.callconnected];
/** The caller put on hold while the third party was dialled, as Amazon Connect does. */
export const THREE_WAY_EVENTS: readonly ToolkitPayload[] = [
    ...CONNECTED_EVENTS,
    callEvent('hold', CALLER),
    callEvent('participantadded', THIRD_PARTY)
];

/** The call after `events`, then `more`. */
export function callAfter(events: readonly ToolkitPayload[], ...more: ToolkitPayload[]): VoiceCall {
    return callFrom([...events, ...more]);
}

export const connectingCall = (): VoiceCall => callAfter(CONNECTING_EVENTS);
/** Connected, the agent and the caller. */
export const connectedCall = (): VoiceCall => callAfter(CONNECTED_EVENTS);
/** Caller on hold, third party talking. */
export const threeWayCall = (): VoiceCall => callAfter(THREE_WAY_EVENTS);
export const endedCall = (): VoiceCall => callAfter(CONNECTED_EVENTS, SEED_CALL.callended);
