import {
    TOOLKIT_EVENT_NAMES,
    isToolkitEventName,
    normaliseDirection,
    normaliseRole,
    parseToolkitEvent
} from 'c/voiceCallEvents';
import type { ToolkitEvent, ToolkitEventName, ToolkitEventRejection } from 'c/voiceCallEvents';
import { SEED_CALL, SEED_CALL_ID, SEED_EXAMPLES, SEED_PARTICIPANT } from './data/seedPayloads';
import {
    AUDIO_CHANNEL_STATS,
    QUICK_CONNECT_NAME,
    THIRD_PARTY_NUMBER,
    VALID_PAYLOADS
} from './data/documentedPayloads';

/** When the console received the event under test (ms since the epoch). */
const RECEIVED_AT = 1_700_000_000_000;

/** The 19 events of the newest doc release, in the docs' order, written out independently of the module. */
const DOCUMENTED_NAMES = [
    'callstarted',
    'callconnected',
    'callended',
    'hold',
    'resume',
    'mute',
    'unmute',
    'participantadded',
    'participantremoved',
    'conference',
    'swap',
    'pauserecording',
    'resumerecording',
    'transcript',
    'wrapupended',
    'flagraise',
    'flaglower',
    'note',
    'audiostats'
];

const PARTICIPANT_EVENTS = ['hold', 'resume', 'participantadded', 'participantremoved'] as const;
const MESSAGE_EVENTS = ['transcript', 'flagraise', 'note'] as const;

const SEED_MESSAGE_ID = SEED_EXAMPLES.transcript.detail.id;
const SEED_CLIENT_SENT = SEED_EXAMPLES.transcript.detail.clientSentTimestamp;
const SEED_SERVER_RECEIVED = SEED_EXAMPLES.transcript.detail.serverReceivedTimestamp;

interface PlainEvent {
    readonly type: string;
    readonly detail: Readonly<Record<string, unknown>>;
}

/** Parses an event that must be accepted, failing with the rejection's reason otherwise. */
function parsed(event: unknown, receivedAt: number = RECEIVED_AT): ToolkitEvent {
    const result = parseToolkitEvent(event, receivedAt);
    if (!result.ok) {
        throw new Error(`expected the event to be accepted, but it was rejected: ${result.rejection.reason}`);
    }
    return result.event;
}

/** Parses an event that must be accepted as `type`, typed as that event. */
function parsedAs<K extends ToolkitEventName>(type: K, event: unknown): ToolkitEvent<K> {
    const result = parsed(event);
    if (result.type !== type) {
        throw new Error(`expected a ${type} event, got ${result.type}`);
    }
    // The check above is the narrowing TypeScript cannot express for a generic K.
    return result as ToolkitEvent<K>;
}

/** Parses an event that must be rejected (parsing never throws, so a throw fails the test too). */
function rejection(event: unknown, receivedAt: number = RECEIVED_AT): ToolkitEventRejection {
    const result = parseToolkitEvent(event, receivedAt);
    if (result.ok) {
        throw new Error(`expected a rejection, but a ${result.event.type} event was accepted`);
    }
    return result.rejection;
}

/** The valid payload of `type`, with some detail fields replaced or added. */
function withDetail(type: ToolkitEventName, changes: Readonly<Record<string, unknown>>): PlainEvent {
    return { type, detail: { ...VALID_PAYLOADS[type].detail, ...changes } };
}

/** The valid payload of `type`, without the detail field `field`. */
function withoutField(type: ToolkitEventName, field: string): PlainEvent {
    const entries = Object.entries(VALID_PAYLOADS[type].detail).filter(([key]) => key !== field);
    return { type, detail: Object.fromEntries(entries) };
}

/** A valid transcript whose sender is `sender` (or has no sender when undefined). */
function transcriptFrom(sender: unknown): PlainEvent {
    return sender === undefined ? withoutField('transcript', 'sender') : withDetail('transcript', { sender });
}

/** An object whose every proxy trap throws: reading anything from it fails. */
function hostileProxy(): object {
    const fail = (): never => {
        throw new Error('hostile proxy');
    };
    return new Proxy(
        {},
        {
            get: fail,
            has: fail,
            ownKeys: fail,
            getOwnPropertyDescriptor: fail,
            getPrototypeOf: fail,
            defineProperty: fail,
            set: fail,
            deleteProperty: fail,
            isExtensible: fail,
            preventExtensions: fail,
            setPrototypeOf: fail
        }
    );
}

/** What each valid payload must parse to, field for field. */
const EXPECTED: { readonly [K in ToolkitEventName]: ToolkitEvent<K> } = {
    callstarted: {
        type: 'callstarted',
        receivedAt: RECEIVED_AT,
        callId: 'd7a9f1b7-fc17-43fe-8ca7-e584a2b34792',
        direction: 'Outbound',
        rawCallType: 'outbound',
        participant: '+1 (415) 999-0000'
    },
    callconnected: {
        type: 'callconnected',
        receivedAt: RECEIVED_AT,
        callId: SEED_CALL_ID,
        direction: 'Inbound',
        rawCallType: 'inbound',
        participant: '+1 (415) 999-0000'
    },
    callended: { type: 'callended', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    hold: { type: 'hold', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID, participant: '+1 (415) 999-0000' },
    resume: {
        type: 'resume',
        receivedAt: RECEIVED_AT,
        callId: SEED_CALL_ID,
        participant: QUICK_CONNECT_NAME
    },
    mute: { type: 'mute', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    unmute: { type: 'unmute', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    participantadded: {
        type: 'participantadded',
        receivedAt: RECEIVED_AT,
        callId: SEED_CALL_ID,
        participant: THIRD_PARTY_NUMBER
    },
    participantremoved: {
        type: 'participantremoved',
        receivedAt: RECEIVED_AT,
        callId: SEED_CALL_ID,
        participant: THIRD_PARTY_NUMBER
    },
    conference: { type: 'conference', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    swap: { type: 'swap', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    pauserecording: { type: 'pauserecording', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    resumerecording: { type: 'resumerecording', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    transcript: {
        type: 'transcript',
        receivedAt: RECEIVED_AT,
        callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
        id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
        text: 'Hello',
        sender: { role: 'Agent', rawRole: 'Agent', displayName: undefined },
        clientSentTimestamp: 1594944652299,
        serverReceivedTimestamp: 1594944652328
    },
    wrapupended: { type: 'wrapupended', receivedAt: RECEIVED_AT, callId: SEED_CALL_ID },
    flagraise: {
        type: 'flagraise',
        receivedAt: RECEIVED_AT,
        callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
        id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
        text: 'The customer wants a credit note.',
        sender: { role: 'Agent', rawRole: 'Agent', displayName: 'Angela Agent' },
        clientSentTimestamp: 1594944652299,
        serverReceivedTimestamp: 1594944652328
    },
    flaglower: {
        type: 'flaglower',
        receivedAt: RECEIVED_AT,
        callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
        id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
        sender: { role: 'Supervisor', rawRole: 'Supervisor', displayName: 'Samir Supervisor' },
        clientSentTimestamp: 1594944652299,
        serverReceivedTimestamp: 1594944652328
    },
    note: {
        type: 'note',
        receivedAt: RECEIVED_AT,
        callId: 'c5d93c19-e03b-44f8-85e6-a11f02e70c45',
        id: '3115b389-ab50-400e-b8ba-978b7ec51d7a',
        text: 'The customer wants a refund or store credit.',
        sender: { role: 'Agent', rawRole: 'Agent', displayName: 'Angela Agent' },
        clientSentTimestamp: 1594944652299,
        serverReceivedTimestamp: 1594944652328
    },
    audiostats: {
        type: 'audiostats',
        receivedAt: RECEIVED_AT,
        callId: SEED_CALL_ID,
        packetsLost: 3,
        packetsCount: 2982,
        jitterBufferMillis: 19,
        roundTripTimeMillis: 84,
        statsCount: 4,
        stats: AUDIO_CHANNEL_STATS
    }
};

describe('c/voiceCallEvents', () => {
    describe('TOOLKIT_EVENT_NAMES', () => {
        it('lists exactly the 19 documented events, in the docs order', () => {
            expect([...TOOLKIT_EVENT_NAMES]).toEqual(DOCUMENTED_NAMES);
        });

        it('has no duplicate', () => {
            expect(new Set(TOOLKIT_EVENT_NAMES).size).toBe(19);
        });
    });

    describe('isToolkitEventName', () => {
        it.each(DOCUMENTED_NAMES)('is true for %s', (name) => {
            expect(isToolkitEventName(name)).toBe(true);
        });

        it.each([
            'ringing',
            'CallStarted',
            'TRANSCRIPT',
            ' mute',
            'mute ',
            '',
            'toString',
            'constructor',
            '__proto__'
        ])('is false for the string %p', (name) => {
            expect(isToolkitEventName(name)).toBe(false);
        });

        it.each([undefined, null, 42, true, {}, ['mute'], { type: 'mute' }])(
            'is false for the non-string %p',
            (value) => {
                expect(isToolkitEventName(value)).toBe(false);
            }
        );
    });

    describe('parseToolkitEvent: valid payloads', () => {
        it.each(TOOLKIT_EVENT_NAMES)('parses the valid %s payload field for field', (type) => {
            expect(parsed(VALID_PAYLOADS[type])).toStrictEqual(EXPECTED[type]);
        });

        it.each(TOOLKIT_EVENT_NAMES)('parses %s from a DOM CustomEvent as from a plain object', (type) => {
            const domEvent = new CustomEvent(type, { detail: VALID_PAYLOADS[type].detail });
            expect(parsed(domEvent)).toStrictEqual(EXPECTED[type]);
        });

        it.each(TOOLKIT_EVENT_NAMES)(
            'accepts %s with extra system-generated fields, and drops them',
            (type) => {
                const event = withDetail(type, {
                    contactFlowId: 'flow-1',
                    vendor: { name: 'Amazon Connect' }
                });
                expect(parsed(event)).toStrictEqual(EXPECTED[type]);
            }
        );

        it('stamps every event with the receivedAt it is given', () => {
            expect(parsed(SEED_EXAMPLES.note, 42).receivedAt).toBe(42);
            expect(parsed(new CustomEvent('mute', { detail: { callId: 'c-1' } }), 7).receivedAt).toBe(7);
        });

        it('ignores a type field inside the detail', () => {
            const event = parsedAs('mute', { type: 'mute', detail: { callId: 'c-1', type: 'callended' } });
            expect(event.type).toBe('mute');
        });

        it('reads the seed callstarted example as an outbound call to the documented number', () => {
            const event = parsedAs('callstarted', SEED_EXAMPLES.callstarted);
            expect(event.callId).toBe('d7a9f1b7-fc17-43fe-8ca7-e584a2b34792');
            expect(event.direction).toBe('Outbound');
            expect(event.rawCallType).toBe('outbound');
            expect(event.participant).toBe(SEED_PARTICIPANT);
        });

        it('reads the seed transcript example: text, sender and both timestamps', () => {
            const event = parsedAs('transcript', SEED_EXAMPLES.transcript);
            expect(event.id).toBe(SEED_MESSAGE_ID);
            expect(event.text).toBe('Hello');
            expect(event.sender).toStrictEqual({ role: 'Agent', rawRole: 'Agent', displayName: undefined });
            expect(event.clientSentTimestamp).toBe(SEED_CLIENT_SENT);
            expect(event.serverReceivedTimestamp).toBe(SEED_SERVER_RECEIVED);
        });

        it('parses every event of the seed call, on one callId', () => {
            const events = Object.values(SEED_CALL).map((payload) => parsed(payload));
            expect(events.map((event) => event.callId)).toEqual(
                Object.values(SEED_CALL).map(() => SEED_CALL_ID)
            );
            expect(events.map((event) => event.type)).toEqual([
                'callstarted',
                'callconnected',
                'transcript',
                'transcript',
                'transcript',
                'flagraise',
                'note',
                'flaglower',
                'callended',
                'wrapupended'
            ]);
        });

        it('keeps the customer utterance of the seed call, sent with role "EndUser"', () => {
            const event = parsedAs('transcript', SEED_CALL.question);
            expect(event.text).toBe('I was charged twice.');
            expect(event.sender.role).toBe('Customer');
            expect(event.sender.rawRole).toBe('EndUser');
        });

        it('accepts callstarted and callconnected with only a callId', () => {
            const started = parsedAs('callstarted', { type: 'callstarted', detail: { callId: 'c-1' } });
            expect(started).toStrictEqual({
                type: 'callstarted',
                receivedAt: RECEIVED_AT,
                callId: 'c-1',
                direction: 'Unknown',
                rawCallType: undefined,
                participant: undefined
            });
            const connected = parsedAs('callconnected', { type: 'callconnected', detail: { callId: 'c-1' } });
            expect(connected.direction).toBe('Unknown');
            expect(connected.participant).toBeUndefined();
        });

        it.each([
            ['inbound', 'Inbound'],
            ['Inbound', 'Inbound'],
            ['OUTBOUND', 'Outbound'],
            ['Transfer', 'Unknown'],
            ['callback', 'Unknown']
        ])('reads callType %p as direction %p, keeping the raw callType', (callType, direction) => {
            const event = parsedAs('callconnected', withDetail('callconnected', { callType }));
            expect(event.direction).toBe(direction);
            expect(event.rawCallType).toBe(callType);
        });

        it('keeps a participant that is a Quick Connect name, not a phone number', () => {
            const event = parsedAs('resume', VALID_PAYLOADS.resume);
            expect(event.participant).toBe('Billing Escalations');
        });

        it('accepts a transcript whose text is empty', () => {
            const event = parsedAs(
                'transcript',
                withDetail('transcript', { content: { formatType: 'Text', text: '' } })
            );
            expect(event.text).toBe('');
        });

        it('keeps the text of a message exactly as sent, untrimmed', () => {
            const event = parsedAs(
                'note',
                withDetail('note', { content: { formatType: 'Text', text: '  call back  ' } })
            );
            expect(event.text).toBe('  call back  ');
        });
    });

    describe('flaglower', () => {
        it('accepts the documented null content.text and content.formatType', () => {
            const event = parsedAs('flaglower', SEED_EXAMPLES.flaglower);
            expect(SEED_EXAMPLES.flaglower.detail.content).toStrictEqual({ formatType: null, text: null });
            expect(event.id).toBe(SEED_MESSAGE_ID);
            expect(event.sender).toStrictEqual({
                role: 'Supervisor',
                rawRole: 'Supervisor',
                displayName: 'Samir Supervisor'
            });
        });

        it('accepts a flaglower without content', () => {
            expect(parsed(withoutField('flaglower', 'content')).type).toBe('flaglower');
        });

        it('accepts a flaglower without id, reading it as undefined', () => {
            const event = parsedAs('flaglower', withoutField('flaglower', 'id'));
            expect(event.id).toBeUndefined();
            expect(event.callId).toBe('c5d93c19-e03b-44f8-85e6-a11f02e70c45');
        });

        it('reads an id that is not a string as undefined', () => {
            expect(parsedAs('flaglower', withDetail('flaglower', { id: 42 })).id).toBeUndefined();
        });

        it('still requires a callId', () => {
            expect(rejection(withoutField('flaglower', 'callId')).reason).toBe('flaglower without callId');
        });
    });

    describe('sender roles', () => {
        it.each([
            ['Agent', 'Agent'],
            ['Supervisor', 'Supervisor'],
            ['agent', 'Agent'],
            ['SUPERVISOR', 'Supervisor'],
            [' Agent ', 'Agent'],
            ['EndUser', 'Customer'],
            ['Customer', 'Customer'],
            ['Bot', 'Customer'],
            ['', 'Customer']
        ])('reads role %p as %p, keeping the raw role as sent', (rawRole, role) => {
            const event = parsedAs('transcript', transcriptFrom({ role: rawRole }));
            expect(event.sender).toStrictEqual({ role, rawRole, displayName: undefined });
        });

        it.each([
            ['no sender', undefined],
            ['a null sender', null],
            ['a sender that is a string', 'Agent'],
            ['a sender without role', { displayName: 'Angela Agent' }],
            ['a numeric role', { role: 42 }],
            ['a null role', { role: null }],
            ['a role object', { role: { name: 'Agent' } }]
        ])('reads %s as the customer, with no raw role', (_label, sender) => {
            const event = parsedAs('transcript', transcriptFrom(sender));
            expect(event.sender.role).toBe('Customer');
            expect(event.sender.rawRole).toBeUndefined();
            expect(event.text).toBe('Hello');
        });

        it.each(MESSAGE_EVENTS)('normalises the sender of %s', (type) => {
            const event = parsed(
                withDetail(type, { sender: { role: 'EndUser', displayName: 'Casey Caller' } })
            );
            expect(event).toMatchObject({
                sender: { role: 'Customer', rawRole: 'EndUser', displayName: 'Casey Caller' }
            });
        });

        it('normalises the sender of flaglower', () => {
            const event = parsedAs('flaglower', withDetail('flaglower', { sender: { role: 'agent' } }));
            expect(event.sender).toStrictEqual({ role: 'Agent', rawRole: 'agent', displayName: undefined });
        });

        it('reads a displayName that is not a string as undefined', () => {
            const event = parsedAs(
                'note',
                withDetail('note', { sender: { role: 'Supervisor', displayName: 7 } })
            );
            expect(event.sender).toStrictEqual({
                role: 'Supervisor',
                rawRole: 'Supervisor',
                displayName: undefined
            });
        });
    });

    describe('normaliseRole', () => {
        it.each([
            ['Agent', 'Agent'],
            ['agent', 'Agent'],
            ['  AGENT\t', 'Agent'],
            ['Supervisor', 'Supervisor'],
            ['supervisor', 'Supervisor'],
            ['EndUser', 'Customer'],
            ['Agents', 'Customer'],
            ['', 'Customer'],
            [undefined, 'Customer']
        ])('normalises %p to %p', (rawRole, role) => {
            expect(normaliseRole(rawRole)).toBe(role);
        });
    });

    describe('normaliseDirection', () => {
        it.each([
            ['inbound', 'Inbound'],
            ['Inbound', 'Inbound'],
            [' INBOUND ', 'Inbound'],
            ['outbound', 'Outbound'],
            ['Outbound', 'Outbound'],
            ['Callback', 'Unknown'],
            ['Transfer', 'Unknown'],
            ['', 'Unknown'],
            [undefined, 'Unknown']
        ])('normalises %p to %p', (rawCallType, direction) => {
            expect(normaliseDirection(rawCallType)).toBe(direction);
        });
    });

    describe('timestamps and optional fields', () => {
        it('uses numeric timestamps as sent', () => {
            const event = parsedAs(
                'note',
                withDetail('note', { clientSentTimestamp: 0, serverReceivedTimestamp: 12.5 })
            );
            expect(event.clientSentTimestamp).toBe(0);
            expect(event.serverReceivedTimestamp).toBe(12.5);
        });

        it.each([
            ['1594944652328', 1594944652328],
            [' 1594944652328 ', 1594944652328],
            ['0', 0],
            ['12.5', 12.5]
        ])('reads the numeric string %p as %p', (sent, expected) => {
            const event = parsedAs(
                'transcript',
                withDetail('transcript', { clientSentTimestamp: sent, serverReceivedTimestamp: sent })
            );
            expect(event.clientSentTimestamp).toBe(expected);
            expect(event.serverReceivedTimestamp).toBe(expected);
        });

        it.each([
            ['an empty string', ''],
            ['a blank string', '   '],
            ['a non-numeric string', 'yesterday'],
            ['a date string', '2020-07-17T00:10:52Z'],
            ['NaN', Number.NaN],
            ['Infinity', Number.POSITIVE_INFINITY],
            ['-Infinity', Number.NEGATIVE_INFINITY],
            ['the string "Infinity"', 'Infinity'],
            ['null', null],
            ['a boolean', true],
            ['an object', { ms: 1594944652328 }],
            ['an array', [1594944652328]]
        ])('reads a timestamp that is %s as undefined, still accepting the event', (_label, sent) => {
            const event = parsedAs(
                'flagraise',
                withDetail('flagraise', { clientSentTimestamp: sent, serverReceivedTimestamp: sent })
            );
            expect(event.clientSentTimestamp).toBeUndefined();
            expect(event.serverReceivedTimestamp).toBeUndefined();
            expect(event.text).toBe('The customer wants a credit note.');
        });

        it('reads missing timestamps as undefined', () => {
            const detail = {
                id: 'm-1',
                callId: 'c-1',
                content: { formatType: 'Text', text: 'Hi' },
                sender: { role: 'Agent' }
            };
            const event = parsedAs('transcript', { type: 'transcript', detail });
            expect(event.clientSentTimestamp).toBeUndefined();
            expect(event.serverReceivedTimestamp).toBeUndefined();
        });

        it('reads a callType that is not a string as undefined, with an unknown direction', () => {
            const event = parsedAs('callstarted', withDetail('callstarted', { callType: 42 }));
            expect(event.direction).toBe('Unknown');
            expect(event.rawCallType).toBeUndefined();
            expect(event.participant).toBe(SEED_PARTICIPANT);
        });

        it('reads a callstarted participant that is not a string as undefined', () => {
            const event = parsedAs('callstarted', withDetail('callstarted', { participant: 4155550134 }));
            expect(event.participant).toBeUndefined();
            expect(event.direction).toBe('Outbound');
        });

        it('reads numeric strings in audiostats as numbers and ill-typed values as undefined', () => {
            const event = parsedAs(
                'audiostats',
                withDetail('audiostats', {
                    packetsLost: '3',
                    packetsCount: 'many',
                    jitterBufferMillis: Number.NaN,
                    roundTripTimeMillis: null,
                    statsCount: '4'
                })
            );
            expect(event.packetsLost).toBe(3);
            expect(event.packetsCount).toBeUndefined();
            expect(event.jitterBufferMillis).toBeUndefined();
            expect(event.roundTripTimeMillis).toBeUndefined();
            expect(event.statsCount).toBe(4);
        });

        it('keeps the audiostats channel stats as sent, the same object', () => {
            const event = parsedAs('audiostats', VALID_PAYLOADS.audiostats);
            expect(event.stats).toBe(AUDIO_CHANNEL_STATS);
        });

        it('accepts an audiostats with only a callId, every figure undefined', () => {
            const event = parsedAs('audiostats', { type: 'audiostats', detail: { callId: 'c-1' } });
            expect(event).toStrictEqual({
                type: 'audiostats',
                receivedAt: RECEIVED_AT,
                callId: 'c-1',
                packetsLost: undefined,
                packetsCount: undefined,
                jitterBufferMillis: undefined,
                roundTripTimeMillis: undefined,
                statsCount: undefined,
                stats: undefined
            });
        });
    });

    describe('rejections: not an event', () => {
        it.each([
            ['null', null],
            ['undefined', undefined],
            ['a number', 42],
            ['a string', 'callstarted'],
            ['a boolean', true]
        ])('rejects %s as not-an-event', (_label, event) => {
            expect(rejection(event)).toStrictEqual({
                eventType: '(none)',
                code: 'not-an-event',
                field: undefined,
                reason: 'not an event object',
                receivedAt: RECEIVED_AT
            });
        });

        it.each([
            ['an empty object', {}],
            ['a numeric type', { type: 42, detail: { callId: 'c-1' } }],
            ['a null type', { type: null, detail: { callId: 'c-1' } }],
            ['a detail without type', { detail: { callId: 'c-1' } }],
            ['an array', ['mute', { callId: 'c-1' }]]
        ])('rejects an object with %s as not-an-event', (_label, event) => {
            expect(rejection(event)).toStrictEqual({
                eventType: '(none)',
                code: 'not-an-event',
                field: 'type',
                reason: 'event without a type',
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects the unknown type "ringing"', () => {
            expect(rejection({ type: 'ringing', detail: { callId: 'c-1' } })).toStrictEqual({
                eventType: 'ringing',
                code: 'unknown-type',
                field: 'type',
                reason: 'unknown event type "ringing"',
                receivedAt: RECEIVED_AT
            });
        });

        it.each(['CallStarted', 'toString', '__proto__', ''])('rejects the unknown type %p', (type) => {
            const found = rejection(new CustomEvent(type, { detail: { callId: 'c-1' } }));
            expect(found.code).toBe('unknown-type');
            expect(found.eventType).toBe(type);
            expect(found.reason).toBe(`unknown event type "${type}"`);
        });

        it('carries the receivedAt it is given', () => {
            expect(rejection(null, 5).receivedAt).toBe(5);
            expect(rejection({ type: 'ringing', detail: {} }, 6).receivedAt).toBe(6);
            expect(rejection({ type: 'mute', detail: {} }, 7).receivedAt).toBe(7);
        });
    });

    describe('rejections: detail', () => {
        it.each([
            ['null', { type: 'mute', detail: null }],
            ['missing', { type: 'mute' }],
            ['an array', { type: 'mute', detail: [{ callId: 'c-1' }] }],
            ['a string', { type: 'mute', detail: 'c-1' }],
            ['a number', { type: 'mute', detail: 1 }],
            ['absent from a DOM event', new CustomEvent('mute')]
        ])('rejects a detail that is %s', (_label, event) => {
            expect(rejection(event)).toStrictEqual({
                eventType: 'mute',
                code: 'detail-not-an-object',
                field: 'detail',
                reason: 'mute without a detail object',
                receivedAt: RECEIVED_AT
            });
        });

        it.each(TOOLKIT_EVENT_NAMES)('rejects %s without a detail object, naming the event', (type) => {
            expect(rejection({ type, detail: null }).reason).toBe(`${type} without a detail object`);
        });
    });

    describe('rejections: callId', () => {
        it.each(TOOLKIT_EVENT_NAMES)('rejects %s without callId', (type) => {
            expect(rejection(withoutField(type, 'callId'))).toStrictEqual({
                eventType: type,
                code: 'missing-field',
                field: 'callId',
                reason: `${type} without callId`,
                receivedAt: RECEIVED_AT
            });
        });

        it.each(TOOLKIT_EVENT_NAMES)('rejects %s with a null callId as missing', (type) => {
            const found = rejection(withDetail(type, { callId: null }));
            expect(found.code).toBe('missing-field');
            expect(found.reason).toBe(`${type} without callId`);
        });

        it.each(TOOLKIT_EVENT_NAMES)('rejects %s with a numeric callId', (type) => {
            expect(rejection(withDetail(type, { callId: 12345 }))).toStrictEqual({
                eventType: type,
                code: 'wrong-type',
                field: 'callId',
                reason: `${type} with callId that is not a string`,
                receivedAt: RECEIVED_AT
            });
        });

        it.each(TOOLKIT_EVENT_NAMES)('rejects %s with an empty callId', (type) => {
            expect(rejection(withDetail(type, { callId: '' }))).toStrictEqual({
                eventType: type,
                code: 'missing-field',
                field: 'callId',
                reason: `${type} with an empty callId`,
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects a blank callId as empty', () => {
            expect(rejection(withDetail('callended', { callId: ' \t ' }))).toStrictEqual({
                eventType: 'callended',
                code: 'missing-field',
                field: 'callId',
                reason: 'callended with an empty callId',
                receivedAt: RECEIVED_AT
            });
        });
    });

    describe('rejections: participant', () => {
        it.each(PARTICIPANT_EVENTS)('rejects %s without participant', (type) => {
            expect(rejection(withoutField(type, 'participant'))).toStrictEqual({
                eventType: type,
                code: 'missing-field',
                field: 'participant',
                reason: `${type} without participant`,
                receivedAt: RECEIVED_AT
            });
        });

        it.each(PARTICIPANT_EVENTS)('rejects %s with a participant that is not a string', (type) => {
            expect(rejection(withDetail(type, { participant: 4155550134 }))).toStrictEqual({
                eventType: type,
                code: 'wrong-type',
                field: 'participant',
                reason: `${type} with participant that is not a string`,
                receivedAt: RECEIVED_AT
            });
        });

        it.each(PARTICIPANT_EVENTS)('rejects %s with a blank participant', (type) => {
            const found = rejection(withDetail(type, { participant: '  ' }));
            expect(found.code).toBe('missing-field');
            expect(found.reason).toBe(`${type} with an empty participant`);
        });
    });

    describe('rejections: messages', () => {
        it('rejects a transcript without content.text', () => {
            expect(rejection(withDetail('transcript', { content: { formatType: 'Text' } }))).toStrictEqual({
                eventType: 'transcript',
                code: 'missing-field',
                field: 'content.text',
                reason: 'transcript without content.text',
                receivedAt: RECEIVED_AT
            });
        });

        it.each(MESSAGE_EVENTS)('rejects %s whose content.text is null, as flaglower sends it', (type) => {
            const found = rejection(withDetail(type, { content: { formatType: null, text: null } }));
            expect(found.code).toBe('missing-field');
            expect(found.field).toBe('content.text');
            expect(found.reason).toBe(`${type} without content.text`);
        });

        it.each(MESSAGE_EVENTS)('rejects %s without content', (type) => {
            expect(rejection(withoutField(type, 'content')).reason).toBe(`${type} without content.text`);
        });

        it.each([
            ['a string', 'Hello'],
            ['null', null],
            ['an array', ['Hello']],
            ['a number', 42]
        ])('rejects a transcript whose content is %s as missing content.text', (_label, content) => {
            expect(rejection(withDetail('transcript', { content }))).toStrictEqual({
                eventType: 'transcript',
                code: 'missing-field',
                field: 'content.text',
                reason: 'transcript without content.text',
                receivedAt: RECEIVED_AT
            });
        });

        it.each([
            ['a number', 42],
            ['a boolean', false],
            ['an object', { value: 'Hello' }]
        ])('rejects a transcript whose content.text is %s', (_label, text) => {
            expect(
                rejection(withDetail('transcript', { content: { formatType: 'Text', text } }))
            ).toStrictEqual({
                eventType: 'transcript',
                code: 'wrong-type',
                field: 'content.text',
                reason: 'transcript with content.text that is not a string',
                receivedAt: RECEIVED_AT
            });
        });

        it.each(MESSAGE_EVENTS)('rejects %s without id', (type) => {
            expect(rejection(withoutField(type, 'id'))).toStrictEqual({
                eventType: type,
                code: 'missing-field',
                field: 'id',
                reason: `${type} without id`,
                receivedAt: RECEIVED_AT
            });
        });

        it.each(MESSAGE_EVENTS)('rejects %s with a numeric id', (type) => {
            const found = rejection(withDetail(type, { id: 7 }));
            expect(found.code).toBe('wrong-type');
            expect(found.field).toBe('id');
            expect(found.reason).toBe(`${type} with id that is not a string`);
        });

        it('rejects a note with a blank id', () => {
            expect(rejection(withDetail('note', { id: ' ' })).reason).toBe('note with an empty id');
        });
    });

    describe('hostile input', () => {
        it('rejects an event whose detail getter throws, without throwing', () => {
            const event = Object.defineProperty({ type: 'mute' }, 'detail', {
                get(): never {
                    throw new Error('hostile detail getter');
                }
            });
            expect(rejection(event)).toStrictEqual({
                eventType: 'mute',
                code: 'detail-not-an-object',
                field: 'detail',
                reason: 'mute without a detail object',
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects an event whose type getter throws', () => {
            const event = Object.defineProperty({ detail: { callId: 'c-1' } }, 'type', {
                get(): never {
                    throw new Error('hostile type getter');
                }
            });
            expect(rejection(event).code).toBe('not-an-event');
        });

        it('rejects a detail whose callId getter throws, without throwing', () => {
            const detail = Object.defineProperty({}, 'callId', {
                enumerable: true,
                get(): never {
                    throw new Error('hostile callId getter');
                }
            });
            expect(rejection({ type: 'callended', detail })).toStrictEqual({
                eventType: 'callended',
                code: 'wrong-type',
                field: undefined,
                reason: 'callended with an unreadable detail',
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects a transcript whose content.text getter throws', () => {
            const content = Object.defineProperty({ formatType: 'Text' }, 'text', {
                get(): never {
                    throw new Error('hostile text getter');
                }
            });
            const found = rejection(withDetail('transcript', { content }));
            expect(found.code).toBe('wrong-type');
            expect(found.reason).toBe('transcript with an unreadable detail');
        });

        it('rejects a flaglower whose optional sender.role getter throws', () => {
            const sender = Object.defineProperty({}, 'role', {
                get(): never {
                    throw new Error('hostile role getter');
                }
            });
            expect(rejection(withDetail('flaglower', { sender })).reason).toBe(
                'flaglower with an unreadable detail'
            );
        });

        it('rejects a Proxy detail that throws on every access, without throwing', () => {
            expect(rejection({ type: 'transcript', detail: hostileProxy() })).toStrictEqual({
                eventType: 'transcript',
                code: 'wrong-type',
                field: undefined,
                reason: 'transcript with an unreadable detail',
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects a DOM event carrying a hostile Proxy detail', () => {
            const found = rejection(new CustomEvent('hold', { detail: hostileProxy() }));
            expect(found.eventType).toBe('hold');
            expect(found.reason).toBe('hold with an unreadable detail');
        });

        it('rejects a Proxy event that throws on every access', () => {
            expect(rejection(hostileProxy())).toStrictEqual({
                eventType: '(none)',
                code: 'not-an-event',
                field: 'type',
                reason: 'event without a type',
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects a revoked Proxy as the detail, without throwing', () => {
            const { proxy, revoke } = Proxy.revocable({ callId: 'c-1' }, {});
            revoke();
            expect(rejection({ type: 'mute', detail: proxy })).toStrictEqual({
                eventType: 'mute',
                code: 'detail-not-an-object',
                field: 'detail',
                reason: 'mute without a detail object',
                receivedAt: RECEIVED_AT
            });
        });

        it('rejects a detail whose getter throws a revoked Proxy, without throwing', () => {
            const { proxy, revoke } = Proxy.revocable({}, {});
            revoke();
            const detail = Object.defineProperty({}, 'callId', {
                get(): never {
                    // eslint-disable-next-line @typescript-eslint/only-throw-error -- hostile input throws anything
                    throw proxy;
                }
            });
            expect(rejection({ type: 'mute', detail }).reason).toBe('mute with an unreadable detail');
        });
    });
});
