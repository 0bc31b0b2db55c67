/**
 * Payloads from the toolkit's event page (shared/seeds/telephony-events.txt, "Service Cloud Voice LWC
 * Toolkit API Telephony Events"), as real events carry them: the page's samples are not valid JSON
 * (missing commas, bare NULL), so they are written here as objects, field for field.
 */

/** The page's five examples, exactly as documented (each `{ type, detail }`). */
export const SEED_EXAMPLES = {
    callstarted: {
        type: 'callstarted',
        detail: {
            callId: 'd7a9f1b7-fc17-43fe-8ca7-e584a2b34792',
            callType: 'outbound',
            participant: '+1 (415) 999-0000'
        }
    },
    transcript: {
        type: 'transcript',
        detail: {
            id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
            clientSentTimestamp: 1594944652299,
            serverReceivedTimestamp: 1594944652328,
            content: { formatType: 'Text', text: 'Hello' },
            callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
            sender: { role: 'Agent' }
        }
    },
    flagraise: {
        type: 'flagraise',
        detail: {
            id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
            clientSentTimestamp: 1594944652299,
            serverReceivedTimestamp: 1594944652328,
            content: { formatType: 'Text', text: 'The customer wants a credit note.' },
            callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
            sender: { role: 'Agent', displayName: 'Angela Agent' }
        }
    },
    flaglower: {
        type: 'flaglower',
        detail: {
            id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
            clientSentTimestamp: 1594944652299,
            serverReceivedTimestamp: 1594944652328,
            content: { formatType: null, text: null },
            callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
            sender: { role: 'Supervisor', displayName: 'Samir Supervisor' }
        }
    },
    note: {
        type: 'note',
        detail: {
            id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
            clientSentTimestamp: 1594944652299,
            serverReceivedTimestamp: 1594944652328,
            content: { formatType: 'Text', text: 'The customer wants a refund or store credit.' },
            callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
            sender: { role: 'Agent', displayName: 'Angela Agent' }
        }
    }
} as const;

/** The call the page's examples describe, on one callId (the page uses two): the transcript's call. */
export const SEED_CALL_ID = SEED_EXAMPLES.transcript.detail.callId;
export const SEED_PARTICIPANT = SEED_EXAMPLES.callstarted.detail.participant;

const at = SEED_EXAMPLES.transcript.detail.serverReceivedTimestamp;

function utterance(id: string, offsetMs: number, role: string, text: string) {
    return {
        type: 'transcript',
        detail: {
            ...SEED_EXAMPLES.transcript.detail,
            id,
            clientSentTimestamp: at + offsetMs - 29,
            serverReceivedTimestamp: at + offsetMs,
            content: { formatType: 'Text', text },
            sender: { role }
        }
    };
}

/**
 * One whole call built from the page's payloads: the examples on one callId, three utterances (the
 * customer's with the role real orgs send, "EndUser"), then the end of the call and of wrap-up.
 */
export const SEED_CALL = {
    callstarted: {
        type: 'callstarted',
        detail: { ...SEED_EXAMPLES.callstarted.detail, callId: SEED_CALL_ID }
    },
    callconnected: {
        type: 'callconnected',
        detail: { ...SEED_EXAMPLES.callstarted.detail, callId: SEED_CALL_ID }
    },
    greeting: utterance(SEED_EXAMPLES.transcript.detail.id, 0, 'Agent', 'Hello'),
    question: utterance('b3c1d2e4-0001-4a5b-9c8d-000000000002', 4_000, 'EndUser', 'I was charged twice.'),
    answer: utterance('b3c1d2e4-0001-4a5b-9c8d-000000000003', 9_000, 'Agent', 'Let me check that for you.'),
    flagraise: { ...SEED_EXAMPLES.flagraise, detail: { ...SEED_EXAMPLES.flagraise.detail } },
    note: { ...SEED_EXAMPLES.note, detail: { ...SEED_EXAMPLES.note.detail } },
    flaglower: {
        ...SEED_EXAMPLES.flaglower,
        detail: { ...SEED_EXAMPLES.flaglower.detail, serverReceivedTimestamp: at + 60_000 }
    },
    callended: { type: 'callended', detail: { callId: SEED_CALL_ID } },
    wrapupended: { type: 'wrapupended', detail: { callId: SEED_CALL_ID } }
} as const;

/** The texts of SEED_CALL's utterances, in time order. */
export const SEED_CALL_UTTERANCES = ['Hello', 'I was charged twice.', 'Let me check that for you.'] as const;
