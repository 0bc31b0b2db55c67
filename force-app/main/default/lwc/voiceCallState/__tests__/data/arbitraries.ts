/**
 * fast-check arbitraries for the call-state property tests: raw toolkit payloads as a DOM event carries them
 * (valid ones shaped as the seed page and the doc table show them, malformed ones of every kind the parser
 * must reject), and sequences of them mixing several calls, exact duplicates and out-of-order timestamps.
 */
import fc from 'fast-check';
import { TOOLKIT_EVENT_NAMES } from 'c/voiceCallEvents';
import type { ToolkitEventName } from 'c/voiceCallEvents';
import {
    QUICK_CONNECT_NAME,
    THIRD_PARTY_NUMBER
} from '../../../voiceCallEvents/__tests__/data/documentedPayloads';
import { SEED_EXAMPLES } from '../../../voiceCallEvents/__tests__/data/seedPayloads';
import { CALLER, CALL_A, CALL_B, T0 } from './events';

/** The calls the sequences mix. */
export const CALL_IDS = [CALL_A, CALL_B, 'call-c', 'call-d'] as const;

/** Each party's spellings: the toolkit may name one party differently from event to event. */
export const PARTY_SPELLINGS: readonly (readonly string[])[] = [
    [CALLER, '+14159990000', '1-415-999-0000'],
    [THIRD_PARTY_NUMBER, '14155550134', '+1 415.555.0134'],
    [QUICK_CONNECT_NAME, ' billing escalations ', 'BILLING ESCALATIONS'],
    ['Specialist Queue']
];

const PARTY_BY_SPELLING: ReadonlyMap<string, number> = new Map(
    PARTY_SPELLINGS.flatMap((spellings, party) => spellings.map((spelling) => [spelling, party] as const))
);

/** Which party (an index into PARTY_SPELLINGS) a name denotes, read from the table, not from the module. */
export function partyOf(name: string): number {
    const party = PARTY_BY_SPELLING.get(name);
    if (party === undefined) {
        throw new Error(`"${name}" is no spelling of a known party`);
    }
    return party;
}

/** Small id pools, so that ids repeat: the same utterance sent again, or with changed text. */
const UTTERANCE_IDS = [SEED_EXAMPLES.transcript.detail.id, 'u2', 'u3', 'u4', '__proto__'] as const;
const NOTE_IDS = ['n1', 'n2', 'n3'] as const;
const FLAG_IDS = ['f1', 'f2', 'f3'] as const;
const TEXTS = ['Hello', 'I was charged twice.', 'Let me check that for you.', '', '¿Algo más? ✓'] as const;

/** 100 KB of text in one utterance. */
export const HUGE_TEXT = 'x'.repeat(100 * 1024);

/** A toolkit DOM event's `{ type, detail }`. */
export interface RawPayload {
    readonly type: ToolkitEventName;
    readonly detail: Readonly<Record<string, unknown>>;
}

/** One payload the console receives, and whether the parser must accept it. */
export interface RawEvent {
    readonly payload: unknown;
    readonly valid: boolean;
}

export interface Step extends RawEvent {
    /** When the console receives it: arrival order, give or take a skew, so it is not always increasing. */
    readonly receivedAt: number;
    /** The earlier step this one repeats exactly, if any. */
    readonly repeats: number | undefined;
}

const callId = fc.constantFrom(...CALL_IDS);
const party = fc.constantFrom(...PARTY_SPELLINGS.flat());

/** Message times from a narrow window, so they collide and arrive out of order; some absent or ill-typed. */
const tick = fc.integer({ min: 0, max: 40 }).map((n) => T0 + n * 250);
const messageTimes: fc.Arbitrary<Readonly<Record<string, unknown>>> = fc.oneof(
    {
        weight: 6,
        arbitrary: fc.tuple(tick, fc.integer({ min: 0, max: 300 })).map(([server, lag]) => ({
            serverReceivedTimestamp: server,
            clientSentTimestamp: server - lag
        }))
    },
    { weight: 1, arbitrary: tick.map((server) => ({ serverReceivedTimestamp: server })) },
    { weight: 1, arbitrary: tick.map((client) => ({ clientSentTimestamp: client })) },
    { weight: 1, arbitrary: fc.constant({}) },
    {
        weight: 1,
        arbitrary: tick.map((server) => ({
            serverReceivedTimestamp: String(server),
            clientSentTimestamp: null
        }))
    },
    // An ill-typed optional field reads as absent: the event is still accepted.
    {
        weight: 1,
        arbitrary: tick.map((client) => ({ serverReceivedTimestamp: 'soon', clientSentTimestamp: client }))
    }
);

const sender: fc.Arbitrary<unknown> = fc.oneof(
    {
        weight: 8,
        arbitrary: fc.record({
            role: fc.constantFrom('Agent', 'Supervisor', 'EndUser', 'Bot', undefined),
            displayName: fc.constantFrom(undefined, null, 'Angela Agent', 'Samir Supervisor')
        })
    },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'Agent', 42) }
);

const payload = (type: ToolkitEventName, detail: Readonly<Record<string, unknown>>): RawPayload => ({
    type,
    detail
});

const callOnly = (type: ToolkitEventName): fc.Arbitrary<RawPayload> =>
    callId.map((id) => payload(type, { callId: id }));

const callStart = (type: 'callstarted' | 'callconnected'): fc.Arbitrary<RawPayload> =>
    fc
        .record({
            callId,
            callType: fc.constantFrom('inbound', 'outbound', 'callback', undefined, 42),
            // A participant of the wrong type reads as none.
            participant: fc.oneof(party, fc.constantFrom(undefined, 42))
        })
        .map((detail) => payload(type, detail));

const participantChange = (type: 'hold' | 'resume' | 'participantadded' | 'participantremoved') =>
    fc.record({ callId, participant: party }).map((detail) => payload(type, detail));

const message = (
    type: 'transcript' | 'note' | 'flagraise',
    ids: readonly string[],
    text: fc.Arbitrary<string>
): fc.Arbitrary<RawPayload> =>
    fc
        .record({ callId, id: fc.constantFrom(...ids), text, times: messageTimes, sender })
        .map(({ callId: call, id, text: words, times, sender: from }) =>
            payload(type, {
                id,
                ...times,
                content: { formatType: 'Text', text: words },
                callId: call,
                sender: from
            })
        );

/** Valid payloads by event, to draw from or to spoil one field of. */
const VALID: { readonly [K in ToolkitEventName]: fc.Arbitrary<RawPayload> } = {
    callstarted: callStart('callstarted'),
    callconnected: callStart('callconnected'),
    callended: callOnly('callended'),
    hold: participantChange('hold'),
    resume: participantChange('resume'),
    mute: callOnly('mute'),
    unmute: callOnly('unmute'),
    participantadded: participantChange('participantadded'),
    participantremoved: participantChange('participantremoved'),
    conference: callOnly('conference'),
    swap: callOnly('swap'),
    pauserecording: callOnly('pauserecording'),
    resumerecording: callOnly('resumerecording'),
    transcript: message(
        'transcript',
        UTTERANCE_IDS,
        fc.oneof(
            { weight: 30, arbitrary: fc.constantFrom(...TEXTS) },
            { weight: 1, arbitrary: fc.constant(HUGE_TEXT) }
        )
    ),
    wrapupended: callOnly('wrapupended'),
    flagraise: message('flagraise', FLAG_IDS, fc.constantFrom(...TEXTS)),
    flaglower: fc
        .record({ callId, id: fc.constantFrom(...FLAG_IDS, undefined, null), times: messageTimes, sender })
        .map(({ callId: call, id, times, sender: from }) =>
            payload('flaglower', {
                id,
                ...times,
                content: { formatType: null, text: null },
                callId: call,
                sender: from
            })
        ),
    note: message('note', NOTE_IDS, fc.constantFrom(...TEXTS)),
    audiostats: fc
        .record({
            callId,
            packetsLost: fc.oneof(fc.nat(50), fc.constantFrom('3', null, 'many')),
            packetsCount: fc.nat(5000),
            stats: fc.constantFrom(undefined, { inputChannelStats: { packetsLost: 1 } }, 'n/a')
        })
        .map((detail) => payload('audiostats', detail))
};

const WEIGHTS: { readonly [K in ToolkitEventName]: number } = {
    callstarted: 1,
    callconnected: 2,
    callended: 1,
    hold: 3,
    resume: 3,
    mute: 1,
    unmute: 1,
    participantadded: 2,
    participantremoved: 1,
    conference: 1,
    swap: 2,
    pauserecording: 1,
    resumerecording: 1,
    transcript: 8,
    wrapupended: 1,
    flagraise: 2,
    flaglower: 2,
    note: 2,
    audiostats: 1
};

/** Prints `value` in a failure report without reading it (it may throw when read). */
function described<T extends object>(value: T, description: string): T {
    Object.defineProperty(value, fc.toStringMethod, { value: () => description });
    return value;
}

/** Sometimes with system-generated extra fields, sometimes as a real DOM CustomEvent. */
const validPayload: fc.Arbitrary<unknown> = fc
    .tuple(
        fc.oneof(...TOOLKIT_EVENT_NAMES.map((name) => ({ weight: WEIGHTS[name], arbitrary: VALID[name] }))),
        fc.nat(9)
    )
    .map(([raw, form]): unknown => {
        if (form === 0) {
            return described(
                new CustomEvent(raw.type, { detail: raw.detail }),
                `new CustomEvent(${JSON.stringify(raw.type)}, { detail: ${fc.stringify(raw.detail)} })`
            );
        }
        return form === 1 ? { ...raw, detail: { ...raw.detail, systemInfo: { region: 'us-west-2' } } } : raw;
    });

function spoiled(
    names: readonly ToolkitEventName[],
    field: string,
    values: readonly unknown[]
): fc.Arbitrary<RawPayload> {
    return fc
        .tuple(fc.oneof(...names.map((name) => VALID[name])), fc.constantFrom(...values))
        .map(([raw, value]): RawPayload => {
            // undefined: the field is left out.
            const others = Object.entries(raw.detail).filter(([key]) => key !== field);
            const detail = Object.fromEntries(value === undefined ? others : [...others, [field, value]]);
            return { type: raw.type, detail };
        });
}

const MESSAGE_EVENTS = ['transcript', 'note', 'flagraise'] as const;

function throwing(): never {
    throw new Error('unreadable');
}

/** Payloads the parser must reject, one kind of fault each. */
const malformedPayload: fc.Arbitrary<unknown> = fc.oneof(
    // Not an event object at all.
    fc.constantFrom<unknown>(null, undefined, 0, 42, 'transcript', true, [], () => 'transcript'),
    // No type, or a type that is not a string or not a toolkit event.
    fc
        .tuple(
            VALID.transcript,
            fc.constantFrom<unknown>(
                undefined,
                42,
                null,
                'ringing',
                'Transcript',
                '',
                'constructor',
                '__proto__'
            )
        )
        .map(([raw, type]) => ({ type, detail: raw.detail })),
    // A detail that is absent, null or not an object.
    fc
        .tuple(
            fc.constantFrom(...TOOLKIT_EVENT_NAMES),
            fc.constantFrom<unknown>(undefined, null, CALL_A, 42, true, [], [{ callId: CALL_A }])
        )
        .map(([type, detail]) => ({ type, detail })),
    // A callId missing, empty or not a string.
    spoiled(TOOLKIT_EVENT_NAMES, 'callId', [undefined, null, 42, '', '   ', { id: CALL_A }, [CALL_A]]),
    // A participant missing, empty or not a string.
    spoiled(['hold', 'resume', 'participantadded', 'participantremoved'], 'participant', [
        undefined,
        null,
        7,
        '',
        ' ',
        { name: CALLER }
    ]),
    // A message without an id or text, or with them of the wrong type.
    spoiled(MESSAGE_EVENTS, 'id', [undefined, null, 7, '', '  ', ['u2']]),
    spoiled(MESSAGE_EVENTS, 'content', [
        undefined,
        null,
        'Hello',
        { formatType: 'Text' },
        { formatType: 'Text', text: 5 },
        { formatType: 'Text', text: null },
        { formatType: 'Text', text: ['Hello'] }
    ]),
    // 100 KB of text in an utterance that has no id.
    spoiled(['transcript'], 'id', [undefined]).map((raw) => ({
        ...raw,
        detail: { ...raw.detail, content: { formatType: 'Text', text: HUGE_TEXT } }
    })),
    // Hostile objects: a getter that throws, a revoked Proxy.
    fc.constantFrom<unknown>(
        described(
            Object.defineProperty({ type: 'transcript' }, 'detail', { get: throwing, enumerable: true }),
            '{ type: "transcript", get detail() { throw } }'
        ),
        described(
            {
                type: 'hold',
                detail: Object.defineProperty({}, 'callId', { get: throwing, enumerable: true })
            },
            '{ type: "hold", detail: { get callId() { throw } } }'
        ),
        described(
            {
                type: 'note',
                detail: (() => {
                    const { proxy, revoke } = Proxy.revocable({ callId: CALL_A }, {});
                    revoke();
                    return proxy;
                })()
            },
            '{ type: "note", detail: <revoked Proxy> }'
        )
    )
);

export const validEvent: fc.Arbitrary<RawEvent> = validPayload.map((value) => ({
    payload: value,
    valid: true
}));
export const malformedEvent: fc.Arbitrary<RawEvent> = malformedPayload.map((value) => ({
    payload: value,
    valid: false
}));

type Draft =
    | { readonly kind: 'fresh'; readonly event: RawEvent; readonly skew: number }
    | { readonly kind: 'again'; readonly back: number; readonly skew: number };

/** Arrival times step by 1 s, skewed by up to 2.5 s either way: sometimes earlier than the one before. */
const skew = fc.integer({ min: -2_500, max: 2_500 });

/** Turns drafts into steps, each repeat naming an earlier step it copies exactly. */
function resolve(drafts: readonly Draft[]): Step[] {
    const steps: Step[] = [];
    for (const draft of drafts) {
        const receivedAt = T0 + steps.length * 1_000 + draft.skew;
        if (draft.kind === 'fresh') {
            steps.push({ ...draft.event, receivedAt, repeats: undefined });
        } else if (steps.length > 0) {
            const repeats = steps.length - 1 - (draft.back % steps.length);
            steps.push({ payload: steps[repeats].payload, valid: steps[repeats].valid, receivedAt, repeats });
        }
    }
    return steps;
}

/**
 * Sequences of valid events of several calls, malformed payloads and exact repeats of earlier payloads, with
 * message timestamps independent of arrival order.
 */
export function eventSequence(maxLength: number): fc.Arbitrary<Step[]> {
    const draft: fc.Arbitrary<Draft> = fc.oneof(
        {
            weight: 14,
            arbitrary: fc.record({ kind: fc.constant('fresh' as const), event: validEvent, skew })
        },
        {
            weight: 3,
            arbitrary: fc.record({ kind: fc.constant('fresh' as const), event: malformedEvent, skew })
        },
        {
            weight: 4,
            arbitrary: fc.record({ kind: fc.constant('again' as const), back: fc.nat(20), skew })
        }
    );
    // size 'max': lengths spread over the whole range, not fast-check's default of about ten.
    return fc.array(draft, { maxLength, size: 'max' }).map(resolve);
}

/** One utterance of a timeline: its place in time and what it says. */
export interface TimelineLine {
    readonly id: string;
    readonly server: number;
    readonly text: string;
}

export interface ShuffledTimeline {
    /** The utterances in time order (distinct server times). */
    readonly lines: readonly TimelineLine[];
    /** The same utterances, repeats, corrections and malformed payloads, in the order they arrive. */
    readonly steps: readonly Step[];
}

/**
 * One call's utterances, each with its own server time, delivered in a random order, with exact repeats,
 * corrections (same id and times, new text) and malformed payloads mixed in.
 */
export function shuffledTimeline(maxLines: number): fc.Arbitrary<ShuffledTimeline> {
    const extras = fc.array(
        fc.oneof(
            fc.record({ kind: fc.constant('repeat' as const), line: fc.nat() }),
            fc.record({
                kind: fc.constant('correct' as const),
                line: fc.nat(),
                text: fc.constantFrom(...TEXTS)
            }),
            fc.record({ kind: fc.constant('malformed' as const), event: malformedEvent })
        ),
        { maxLength: maxLines, size: 'max' }
    );
    return fc
        .record({
            times: fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), {
                minLength: 1,
                maxLength: maxLines,
                size: 'max'
            }),
            texts: fc.array(fc.constantFrom(...TEXTS), { minLength: maxLines, maxLength: maxLines }),
            lags: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: maxLines, maxLength: maxLines }),
            extras,
            order: fc.array(fc.nat(1_000), { minLength: 3 * maxLines, maxLength: 3 * maxLines })
        })
        .map(({ times, texts, lags, extras: more, order }) => {
            const lines = times
                .map((offset, index) => ({ id: `line-${index}`, server: T0 + offset, text: texts[index] }))
                .sort((left, right) => left.server - right.server);
            const utterance = (line: TimelineLine, index: number, text: string): RawEvent => ({
                payload: payload('transcript', {
                    id: line.id,
                    serverReceivedTimestamp: line.server,
                    clientSentTimestamp: line.server - lags[index],
                    content: { formatType: 'Text', text },
                    callId: CALL_A,
                    sender: { role: index % 2 === 0 ? 'Agent' : 'EndUser' }
                }),
                valid: true
            });
            const originals = lines.map((line, index) => utterance(line, index, line.text));
            const events: RawEvent[] = [
                ...originals,
                ...more.map((extra): RawEvent => {
                    if (extra.kind === 'malformed') {
                        return extra.event;
                    }
                    const index = extra.line % lines.length;
                    return extra.kind === 'repeat'
                        ? originals[index]
                        : utterance(lines[index], index, extra.text);
                })
            ];
            // A stable sort by random keys: a random arrival order.
            const arrival = events
                .map((event, index) => ({ event, key: order[index] }))
                .sort((left, right) => left.key - right.key);
            const steps = arrival.map(({ event }, index): Step => ({
                ...event,
                receivedAt: T0 + index * 1_000,
                repeats: undefined
            }));
            return { lines, steps };
        });
}
