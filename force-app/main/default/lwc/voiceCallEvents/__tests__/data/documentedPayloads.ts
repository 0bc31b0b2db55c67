/**
 * Valid payloads for the events the seed page shows no example of, built field for field from the event
 * table of shared/reference/toolkit-api.md (newest doc release). The values are illustrative; the fields
 * and their types are the documented ones.
 */
import type { ToolkitEventName } from 'c/voiceCallEvents';
import { SEED_CALL_ID, SEED_EXAMPLES, SEED_PARTICIPANT } from './seedPayloads';

/** hold/resume name the participant by phone number or by Amazon Connect Quick Connect name. */
export const QUICK_CONNECT_NAME = 'Billing Escalations';
export const THIRD_PARTY_NUMBER = '+1 (415) 555-0134';

/** audiostats' per-channel statistics: the doc names input and output channel stats, not their fields. */
export const AUDIO_CHANNEL_STATS = {
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
};

const callOnly = <T extends ToolkitEventName>(type: T) => ({ type, detail: { callId: SEED_CALL_ID } });

export const DOCUMENTED_PAYLOADS = {
    callconnected: {
        type: 'callconnected',
        detail: { callId: SEED_CALL_ID, callType: 'inbound', participant: SEED_PARTICIPANT }
    },
    callended: callOnly('callended'),
    hold: { type: 'hold', detail: { callId: SEED_CALL_ID, participant: SEED_PARTICIPANT } },
    resume: { type: 'resume', detail: { callId: SEED_CALL_ID, participant: QUICK_CONNECT_NAME } },
    mute: callOnly('mute'),
    unmute: callOnly('unmute'),
    participantadded: {
        type: 'participantadded',
        detail: { callId: SEED_CALL_ID, participant: THIRD_PARTY_NUMBER }
    },
    participantremoved: {
        type: 'participantremoved',
        detail: { callId: SEED_CALL_ID, participant: THIRD_PARTY_NUMBER }
    },
    conference: callOnly('conference'),
    swap: callOnly('swap'),
    pauserecording: callOnly('pauserecording'),
    resumerecording: callOnly('resumerecording'),
    wrapupended: callOnly('wrapupended'),
    audiostats: {
        type: 'audiostats',
        detail: {
            callId: SEED_CALL_ID,
            stats: AUDIO_CHANNEL_STATS,
            packetsLost: 3,
            packetsCount: 2982,
            jitterBufferMillis: 19,
            roundTripTimeMillis: 84,
            statsCount: 4
        }
    }
} as const;

/** One valid payload per event: the page's example where it has one, the documented fields otherwise. */
export const VALID_PAYLOADS = {
    ...SEED_EXAMPLES,
    ...DOCUMENTED_PAYLOADS
} satisfies { readonly [K in ToolkitEventName]: { readonly type: K; readonly detail: object } };
