import { ANSWER_DELAY_MS, RESPONSE_DELAY_MS, describeMethodCall } from '../toolkitMethods';
import {
    CALLER,
    CALL_ID,
    THIRD_PARTY,
    connectInboundCall,
    entriesOfKind,
    parsed,
    setUpSimulator
} from './simulatorTestUtils';
import type { SimulatorUnderTest } from './simulatorTestUtils';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A connected inbound call with CALLER on hold and THIRD_PARTY talking, as after addParticipant. */
function threeWayCall(under: SimulatorUnderTest): void {
    connectInboundCall(under);
    under.simulator.fireEvent('hold', { participant: CALLER });
    under.simulator.fireEvent('participantadded', { participant: THIRD_PARTY });
    under.fired.length = 0;
}

describe('the simulator answering toolkit methods', () => {
    it('logs the call, then answers mute() with a mute event after the response delay', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        const { simulator, clock, fired } = under;

        simulator.callMethod('mute', []);

        expect(simulator.log().at(-1)).toMatchObject({ kind: 'method', method: 'mute', args: [] });
        clock.advance(RESPONSE_DELAY_MS - 1);
        expect(fired).toEqual([]);
        clock.advance(1);
        expect(fired).toEqual([{ type: 'mute', detail: { callId: CALL_ID }, at: clock.now() }]);
        expect(parsed(fired[0])).toMatchObject({ type: 'mute', callId: CALL_ID });
        expect(simulator.call()?.muted).toBe(true);
        expect(simulator.log().at(-1)).toMatchObject({ kind: 'event', type: 'mute', source: 'method' });
    });

    it('answers unmute() with unmute', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        under.simulator.callMethod('mute', []);
        under.simulator.callMethod('unmute', []);
        under.clock.advance(1000);

        expect(under.fired.map((event) => event.type)).toEqual(['mute', 'unmute']);
        expect(parsed(under.fired[1])).toMatchObject({ type: 'unmute', callId: CALL_ID });
        expect(under.simulator.call()?.muted).toBe(false);
    });

    it('answers hold and resume of the initial caller with the caller’s number', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.callMethod('hold', ['Initial_Caller']);
        under.clock.advance(RESPONSE_DELAY_MS);
        expect(under.simulator.call()?.participants).toEqual([
            { name: CALLER, type: 'Initial_Caller', onHold: true }
        ]);
        under.simulator.callMethod('resume', ['Initial_Caller']);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'hold', detail: { callId: CALL_ID, participant: CALLER } },
            { type: 'resume', detail: { callId: CALL_ID, participant: CALLER } }
        ]);
        expect(parsed(under.fired[0])).toMatchObject({ type: 'hold', participant: CALLER });
        expect(parsed(under.fired[1])).toMatchObject({ type: 'resume', participant: CALLER });
        expect(under.simulator.call()?.participants[0].onHold).toBe(false);
    });

    it('holds and resumes the third party by its name', () => {
        const under = setUpSimulator();
        threeWayCall(under);

        under.simulator.callMethod('swap', []);
        under.simulator.callMethod('hold', ['Initial_Caller']);
        under.simulator.callMethod('resume', ['Third_Party']);
        under.clock.advance(3 * RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'swap', detail: { callId: CALL_ID } },
            { type: 'hold', detail: { callId: CALL_ID, participant: CALLER } },
            { type: 'resume', detail: { callId: CALL_ID, participant: THIRD_PARTY } }
        ]);
    });

    it('answers endCall("Agent") with callended', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.callMethod('endCall', ['Agent']);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'callended', detail: { callId: CALL_ID } }
        ]);
        expect(parsed(under.fired[0]).type).toBe('callended');
        expect(under.simulator.call()?.ended).toBe(true);
    });

    it('answers endCall of the only party with participantremoved, then callended', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.callMethod('endCall', ['Initial_Caller']);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'participantremoved', detail: { callId: CALL_ID, participant: CALLER } },
            { type: 'callended', detail: { callId: CALL_ID } }
        ]);
        expect(parsed(under.fired[0])).toMatchObject({ type: 'participantremoved', participant: CALLER });
        expect(under.simulator.call()).toMatchObject({ ended: true, participants: [] });
    });

    it('answers endCall("Third_Party") on a three-way call with participantremoved only', () => {
        const under = setUpSimulator();
        threeWayCall(under);

        under.simulator.callMethod('endCall', ['Third_Party']);
        under.clock.advance(5000);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'participantremoved', detail: { callId: CALL_ID, participant: THIRD_PARTY } }
        ]);
        expect(under.simulator.call()?.participants).toEqual([
            { name: CALLER, type: 'Initial_Caller', onHold: true }
        ]);
        expect(under.simulator.call()?.ended).toBe(false);
    });

    it('answers acceptCall() on a ringing inbound call with callconnected', () => {
        const under = setUpSimulator();
        under.simulator.fireEvent('callstarted', {
            callId: CALL_ID,
            callType: 'inbound',
            participant: CALLER
        });
        under.fired.length = 0;

        under.simulator.callMethod('acceptCall', []);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'callconnected', detail: { callId: CALL_ID, callType: 'inbound', participant: CALLER } }
        ]);
        expect(parsed(under.fired[0])).toMatchObject({ direction: 'Inbound', participant: CALLER });
        expect(under.simulator.call()?.connected).toBe(true);
    });

    it('answers declineCall() on a ringing call with callended', () => {
        const under = setUpSimulator();
        under.simulator.fireEvent('callstarted', {
            callId: CALL_ID,
            callType: 'inbound',
            participant: CALLER
        });
        under.fired.length = 0;

        under.simulator.callMethod('declineCall', []);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'callended', detail: { callId: CALL_ID } }
        ]);
        expect(under.simulator.call()?.ended).toBe(true);
    });

    it('answers pauseRecording() and resumeRecording()', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.callMethod('pauseRecording', []);
        under.clock.advance(RESPONSE_DELAY_MS);
        expect(under.simulator.call()?.recordingPaused).toBe(true);
        under.simulator.callMethod('resumeRecording', []);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'pauserecording', detail: { callId: CALL_ID } },
            { type: 'resumerecording', detail: { callId: CALL_ID } }
        ]);
        expect(under.fired.map((event) => parsed(event).type)).toEqual(['pauserecording', 'resumerecording']);
        expect(under.simulator.call()?.recordingPaused).toBe(false);
    });

    it('answers merge() with conference, taking everyone off hold', () => {
        const under = setUpSimulator();
        threeWayCall(under);

        under.simulator.callMethod('merge', []);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'conference', detail: { callId: CALL_ID } }
        ]);
        expect(parsed(under.fired[0]).type).toBe('conference');
        expect(under.simulator.call()?.participants.map((party) => party.onHold)).toEqual([false, false]);
    });

    it('answers swap() with swap, exchanging who is on hold', () => {
        const under = setUpSimulator();
        threeWayCall(under);

        under.simulator.callMethod('swap', []);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'swap', detail: { callId: CALL_ID } }
        ]);
        expect(under.simulator.call()?.participants).toEqual([
            { name: CALLER, type: 'Initial_Caller', onHold: false },
            { name: THIRD_PARTY, type: 'Third_Party', onHold: true }
        ]);
    });

    it('answers addParticipant like Amazon Connect: the caller is held, then the third party joins', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        const requestedAt = under.clock.now();

        under.simulator.callMethod('addParticipant', ['PhoneNumber', THIRD_PARTY, false]);
        under.clock.advance(10_000);

        expect(under.fired).toEqual([
            {
                type: 'hold',
                detail: { callId: CALL_ID, participant: CALLER },
                at: requestedAt + RESPONSE_DELAY_MS
            },
            {
                type: 'participantadded',
                detail: { callId: CALL_ID, participant: THIRD_PARTY },
                at: requestedAt + RESPONSE_DELAY_MS + ANSWER_DELAY_MS
            }
        ]);
        expect(parsed(under.fired[1])).toMatchObject({ type: 'participantadded', participant: THIRD_PARTY });
        expect(under.simulator.call()?.participants).toEqual([
            { name: CALLER, type: 'Initial_Caller', onHold: true },
            { name: THIRD_PARTY, type: 'Third_Party', onHold: false }
        ]);
    });

    it('adds a Quick Connect by name without holding a caller already on hold', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        under.simulator.fireEvent('hold', { participant: CALLER });
        under.fired.length = 0;

        under.simulator.callMethod('addParticipant', ['AgentOrQueueId', 'Billing Escalations', false]);
        under.clock.advance(10_000);

        expect(under.fired.map(({ type, detail }) => ({ type, detail }))).toEqual([
            { type: 'participantadded', detail: { callId: CALL_ID, participant: 'Billing Escalations' } }
        ]);
    });

    it('answers startPreviewCall with callstarted (outbound, fresh callId), then callconnected when answered', () => {
        const under = setUpSimulator();
        const requestedAt = under.clock.now();

        under.simulator.callMethod('startPreviewCall', ['+1 212 555 0187']);
        under.clock.advance(10_000);

        expect(under.fired.map((event) => [event.type, event.at - requestedAt])).toEqual([
            ['callstarted', RESPONSE_DELAY_MS],
            ['callconnected', RESPONSE_DELAY_MS + ANSWER_DELAY_MS]
        ]);
        const started = parsed(under.fired[0]);
        expect(started).toMatchObject({
            type: 'callstarted',
            direction: 'Outbound',
            participant: '+1 212 555 0187'
        });
        expect(started.callId).toMatch(UUID);
        expect(parsed(under.fired[1]).callId).toBe(started.callId);
        expect(under.simulator.call()).toEqual({
            callId: started.callId,
            callType: 'outbound',
            participants: [{ name: '+1 212 555 0187', type: 'Initial_Caller', onHold: false }],
            connected: true,
            ended: false,
            muted: false,
            recordingPaused: false
        });
    });

    it('accepts sendDigits and updateNextBestActions with a log entry and no event', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.callMethod('sendDigits', ['1234#,,*9A']);
        under.simulator.callMethod('updateNextBestActions', ['0LQ8c000004dTzQGAU', { intent: 'refund' }]);
        under.clock.advance(10_000);

        expect(under.fired).toEqual([]);
        expect(entriesOfKind(under.simulator, 'refused')).toEqual([]);
        expect(
            entriesOfKind(under.simulator, 'method').map(({ method, args }) => ({ method, args }))
        ).toEqual([
            { method: 'sendDigits', args: ['1234#,,*9A'] },
            { method: 'updateNextBestActions', args: ['0LQ8c000004dTzQGAU', { intent: 'refund' }] }
        ]);
    });

    it('answers requests in the order they were made, and checks each against the answers still on their way', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.callMethod('mute', []);
        under.simulator.callMethod('mute', []);
        under.simulator.callMethod('hold', ['Initial_Caller']);
        under.clock.advance(5000);

        expect(under.fired.map((event) => event.type)).toEqual(['mute', 'hold']);
        expect(entriesOfKind(under.simulator, 'refused').map((entry) => entry.reason)).toEqual([
            'mute() refused: the agent is already muted'
        ]);
        // The telephony system takes each request in turn.
        expect(under.fired[1].at - under.fired[0].at).toBe(RESPONSE_DELAY_MS);
    });

    it('accepts resume("Initial_Caller") after a scenario put the caller on hold', () => {
        const under = setUpSimulator();
        under.simulator.load({
            name: 'Held',
            description: 'The caller is put on hold.',
            events: [
                {
                    at: 0,
                    type: 'callconnected',
                    detail: { callId: CALL_ID, callType: 'inbound', participant: CALLER }
                },
                { at: 1000, type: 'hold', detail: { callId: CALL_ID, participant: CALLER } }
            ]
        });
        under.simulator.step();
        under.simulator.step();

        under.simulator.callMethod('resume', ['Initial_Caller']);
        under.clock.advance(RESPONSE_DELAY_MS);

        expect(under.fired.map((event) => event.type)).toEqual(['callconnected', 'hold', 'resume']);
        expect(entriesOfKind(under.simulator, 'refused')).toEqual([]);
    });

    describe('refusals: no event, a refused entry with the reason', () => {
        type Setup = (under: SimulatorUnderTest) => void;
        const noCall: Setup = () => undefined;
        const ringing: Setup = ({ simulator }) => {
            simulator.fireEvent('callstarted', { callId: CALL_ID, callType: 'inbound', participant: CALLER });
        };
        const connected: Setup = connectInboundCall;
        const then =
            (
                first: Setup,
                ...events: [
                    Parameters<SimulatorUnderTest['simulator']['fireEvent']>[0],
                    Record<string, unknown>?
                ][]
            ): Setup =>
            (under) => {
                first(under);
                for (const [type, detail] of events) {
                    under.simulator.fireEvent(type, detail);
                }
            };
        const conferenced = then(threeWayCall, ['conference']);

        const cases: [string, Setup, string, unknown[], string][] = [
            ['mute with no call', noCall, 'mute', [], 'mute() refused: no call in progress'],
            [
                'hold with no call',
                noCall,
                'hold',
                ['Initial_Caller'],
                'hold(Initial_Caller) refused: no call in progress'
            ],
            [
                'mute after the call ended',
                then(connected, ['callended']),
                'mute',
                [],
                'mute() refused: no call in progress'
            ],
            ['mute while ringing', ringing, 'mute', [], 'mute() refused: the call is not connected yet'],
            [
                'mute when muted',
                then(connected, ['mute']),
                'mute',
                [],
                'mute() refused: the agent is already muted'
            ],
            ['unmute when not muted', connected, 'unmute', [], 'unmute() refused: the agent is not muted'],
            [
                'hold of a missing third party',
                connected,
                'hold',
                ['Third_Party'],
                'hold(Third_Party) refused: no third party on the call'
            ],
            [
                'hold of a caller on hold',
                then(connected, ['hold', { participant: CALLER }]),
                'hold',
                ['Initial_Caller'],
                'hold(Initial_Caller) refused: the initial caller is already on hold'
            ],
            [
                'resume of a caller not on hold',
                connected,
                'resume',
                ['Initial_Caller'],
                'resume(Initial_Caller) refused: the initial caller is not on hold'
            ],
            [
                'hold of an unknown participant type',
                connected,
                'hold',
                ['Customer'],
                'hold(Customer) refused: participantType must be "Initial_Caller" or "Third_Party", got "Customer"'
            ],
            [
                'hold with no argument',
                connected,
                'hold',
                [],
                'hold() refused: participantType must be "Initial_Caller" or "Third_Party", got undefined'
            ],
            [
                'endCall of a supervisor',
                connected,
                'endCall',
                ['Supervisor'],
                'endCall(Supervisor) refused: participantType must be "Agent", "Initial_Caller" or "Third_Party", got "Supervisor"'
            ],
            [
                'endCall with no call',
                noCall,
                'endCall',
                ['Agent'],
                'endCall(Agent) refused: no call in progress'
            ],
            [
                'endCall of a missing third party',
                connected,
                'endCall',
                ['Third_Party'],
                'endCall(Third_Party) refused: no third party on the call'
            ],
            [
                'acceptCall on a connected call',
                connected,
                'acceptCall',
                [],
                'acceptCall() refused: no call is ringing'
            ],
            [
                'acceptCall with no call',
                noCall,
                'acceptCall',
                [],
                'acceptCall() refused: no call in progress'
            ],
            [
                'acceptCall on an outbound call being dialled',
                ({ simulator }) => {
                    simulator.fireEvent('callstarted', { callType: 'outbound' });
                },
                'acceptCall',
                [],
                'acceptCall() refused: no call is ringing'
            ],
            [
                'declineCall on a connected call',
                connected,
                'declineCall',
                [],
                'declineCall() refused: no call is ringing'
            ],
            [
                'pauseRecording twice',
                then(connected, ['pauserecording']),
                'pauseRecording',
                [],
                'pauseRecording() refused: recording is already paused'
            ],
            [
                'resumeRecording when recording',
                connected,
                'resumeRecording',
                [],
                'resumeRecording() refused: recording is not paused'
            ],
            [
                'merge with one party',
                connected,
                'merge',
                [],
                'merge() refused: merge needs two parties on the call, there is one'
            ],
            [
                'merge of a conference',
                conferenced,
                'merge',
                [],
                'merge() refused: no party is on hold: the call is already a conference'
            ],
            [
                'swap with one party',
                connected,
                'swap',
                [],
                'swap() refused: swap needs two parties on the call, there is one'
            ],
            [
                'swap in a conference',
                conferenced,
                'swap',
                [],
                'swap() refused: swap needs one party on hold and one talking'
            ],
            [
                'addParticipant of an unknown contact type',
                connected,
                'addParticipant',
                ['Email', 'a@example.com', false],
                'addParticipant(Email, a@example.com, false) refused: contactType must be "PhoneNumber" or "AgentOrQueueId", got "Email"'
            ],
            [
                'addParticipant of a bad number',
                connected,
                'addParticipant',
                ['PhoneNumber', 'call Alex', false],
                'addParticipant(PhoneNumber, call Alex, false) refused: contactValue "call Alex" is not a phone number'
            ],
            [
                'addParticipant of an empty queue id',
                connected,
                'addParticipant',
                ['AgentOrQueueId', ' ', false],
                'addParticipant(AgentOrQueueId,  , false) refused: contactValue must be a non-empty string'
            ],
            [
                'a blind transfer',
                connected,
                'addParticipant',
                ['PhoneNumber', THIRD_PARTY, true],
                `addParticipant(PhoneNumber, ${THIRD_PARTY}, true) refused: isBlindTransfer must be false with Amazon Connect`
            ],
            [
                'isBlindTransfer that is not a boolean',
                connected,
                'addParticipant',
                ['PhoneNumber', THIRD_PARTY, 'no'],
                `addParticipant(PhoneNumber, ${THIRD_PARTY}, no) refused: isBlindTransfer must be a boolean, got "no"`
            ],
            [
                'a second third party',
                threeWayCall,
                'addParticipant',
                ['PhoneNumber', '+1 303 555 0112', false],
                'addParticipant(PhoneNumber, +1 303 555 0112, false) refused: a third party is already on the call'
            ],
            [
                'addParticipant with no call',
                noCall,
                'addParticipant',
                ['PhoneNumber', THIRD_PARTY, false],
                `addParticipant(PhoneNumber, ${THIRD_PARTY}, false) refused: no call in progress`
            ],
            [
                'sendDigits of letters',
                connected,
                'sendDigits',
                ['12x'],
                'sendDigits(12x) refused: digits must be 0-9, *, #, A-D or commas, got "12x"'
            ],
            [
                'sendDigits of a number',
                connected,
                'sendDigits',
                [12],
                'sendDigits(12) refused: digits must be 0-9, *, #, A-D or commas, got 12'
            ],
            [
                'sendDigits with no call',
                noCall,
                'sendDigits',
                ['1'],
                'sendDigits(1) refused: no call in progress'
            ],
            [
                'startPreviewCall during a call',
                connected,
                'startPreviewCall',
                ['+1 212 555 0187'],
                'startPreviewCall(+1 212 555 0187) refused: a call is already in progress'
            ],
            [
                'startPreviewCall of no number',
                noCall,
                'startPreviewCall',
                [''],
                'startPreviewCall() refused: phoneNumber must be a non-empty string'
            ],
            [
                'updateNextBestActions without a record id',
                noCall,
                'updateNextBestActions',
                ['', {}],
                'updateNextBestActions(, {}) refused: recordId must be a non-empty string'
            ],
            [
                'updateNextBestActions with a list of params',
                noCall,
                'updateNextBestActions',
                ['0LQ8c000004dTzQGAU', ['refund']],
                'updateNextBestActions(0LQ8c000004dTzQGAU, ["refund"]) refused: params must be an object of key: value, got ["refund"]'
            ],
            [
                'an unknown method',
                connected,
                'frobnicate',
                [1],
                'frobnicate(1) refused: unknown toolkit method'
            ],
            [
                'conference(), which does not exist',
                connected,
                'conference',
                [],
                'conference() refused: there is no conference() method: merge() takes everyone off hold'
            ],
            [
                'an inherited property name',
                connected,
                'toString',
                [],
                'toString() refused: unknown toolkit method'
            ]
        ];

        it.each(cases)('refuses %s', (_name, setup, method, args, reason) => {
            const under = setUpSimulator();
            setup(under);
            under.fired.length = 0;
            const callBefore = under.simulator.call();

            under.simulator.callMethod(method, args);
            under.clock.advance(10_000);

            expect(under.fired).toEqual([]);
            expect(under.simulator.call()).toBe(callBefore);
            expect(under.simulator.log().slice(-2)).toEqual([
                expect.objectContaining({ kind: 'method', method, args }),
                expect.objectContaining({ kind: 'refused', method, reason })
            ]);
        });
    });

    it('describes long and odd arguments in one short line', () => {
        const circular: Record<string, unknown> = {};
        circular.self = circular;

        expect(describeMethodCall('sendDigits', ['1'.repeat(100)])).toBe(`sendDigits(${'1'.repeat(59)}…)`);
        expect(describeMethodCall('hold', [circular, null, Symbol('x')])).toBe(
            'hold([object Object], null, Symbol(x))'
        );
    });
});
