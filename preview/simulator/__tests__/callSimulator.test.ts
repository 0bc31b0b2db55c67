import { LOG_LIMIT, MAX_SPEED, MIN_SPEED, createCallSimulator, formatScenarioTime } from '../callSimulator';
import {
    DEFAULT_AGENT_NAME,
    DEFAULT_CALLER_NUMBER,
    DEFAULT_SUPERVISOR_NAME,
    DEFAULT_THIRD_PARTY_NUMBER,
    voiceCallIdFor
} from '../eventDetails';
import { TOOLKIT_EVENT_NAMES } from '../../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import type { Scenario } from '../simulatorTypes';
import {
    CALLER,
    CALL_ID,
    THIRD_PARTY,
    connectInboundCall,
    createFakeClock,
    entriesOfKind,
    parsed,
    setUpSimulator
} from './simulatorTestUtils';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// Asymmetric matchers are typed `any`: held as unknown so objects built with them stay typed.
const A_UUID: unknown = expect.stringMatching(UUID);
const A_STRING: unknown = expect.any(String);

describe('the simulator firing events from the page’s controls', () => {
    it.each(TOOLKIT_EVENT_NAMES)('fills %s into a payload the console’s parser accepts', (type) => {
        const under = setUpSimulator();
        connectInboundCall(under);
        under.simulator.fireEvent('participantadded', { participant: THIRD_PARTY });
        under.fired.length = 0;

        under.simulator.fireEvent(type);

        expect(under.fired).toHaveLength(1);
        const event = parsed(under.fired[0]);
        expect(event.type).toBe(type);
        expect(event.callId).toBe(CALL_ID);
    });

    it('fills a transcript exactly as the toolkit sends one, the customer as "EndUser"', () => {
        const { simulator, clock, fired } = setUpSimulator();
        simulator.fireEvent('callconnected', { callId: CALL_ID, participant: CALLER });

        simulator.fireEvent('transcript');

        expect(fired[1].detail).toEqual({
            id: A_UUID,
            clientSentTimestamp: clock.now(),
            serverReceivedTimestamp: clock.now(),
            content: { formatType: 'Text', text: 'Hello, can you hear me?' },
            callId: CALL_ID,
            sender: { role: 'EndUser' }
        });
        expect(parsed(fired[1])).toMatchObject({ sender: { role: 'Customer', rawRole: 'EndUser' } });
    });

    it('fills flags and notes with a sender display name, and a flaglower with null content', () => {
        const { simulator, clock, fired } = setUpSimulator();
        simulator.fireEvent('callconnected', { callId: CALL_ID });

        simulator.fireEvent('flagraise');
        simulator.fireEvent('note');
        simulator.fireEvent('flaglower');

        const now = clock.now();
        const message = {
            id: A_UUID,
            clientSentTimestamp: now,
            serverReceivedTimestamp: now
        };
        expect(fired.slice(1).map((event) => event.detail)).toEqual([
            {
                ...message,
                content: { formatType: 'Text', text: A_STRING },
                callId: CALL_ID,
                voiceCallId: voiceCallIdFor(CALL_ID),
                sender: { role: 'Agent', displayName: DEFAULT_AGENT_NAME }
            },
            {
                ...message,
                content: { formatType: 'Text', text: A_STRING },
                callId: CALL_ID,
                sender: { role: 'Supervisor', displayName: DEFAULT_SUPERVISOR_NAME }
            },
            {
                ...message,
                content: { formatType: null, text: null },
                callId: CALL_ID,
                voiceCallId: voiceCallIdFor(CALL_ID),
                sender: { role: 'Supervisor', displayName: DEFAULT_SUPERVISOR_NAME }
            }
        ]);
        expect(voiceCallIdFor(CALL_ID)).toMatch(/^0LQ[0-9A-Za-z]{15}$/);
    });

    it('fills audiostats with every documented field', () => {
        const { simulator, fired } = setUpSimulator();

        simulator.fireEvent('audiostats', { packetsLost: 7 });

        expect(Object.keys(fired[0].detail as object).sort()).toEqual(
            [
                'callId',
                'jitterBufferMillis',
                'packetsCount',
                'packetsLost',
                'roundTripTimeMillis',
                'stats',
                'statsCount'
            ].sort()
        );
        expect(parsed(fired[0])).toMatchObject({ type: 'audiostats', packetsLost: 7, statsCount: 1 });
    });

    it('starts a new call with a fresh callId on callstarted when no call is live, and reuses the live one', () => {
        const { simulator, fired } = setUpSimulator();

        simulator.fireEvent('callstarted');
        simulator.fireEvent('callstarted');
        simulator.fireEvent('callended');
        simulator.fireEvent('callstarted');

        const [first, again, ended, next] = fired.map((event) => parsed(event));
        expect(first).toMatchObject({ direction: 'Inbound', participant: DEFAULT_CALLER_NUMBER });
        expect(first.callId).toMatch(UUID);
        expect(again.callId).toBe(first.callId);
        expect(ended.callId).toBe(first.callId);
        expect(next.callId).not.toBe(first.callId);
        expect(simulator.call()).toMatchObject({ callId: next.callId, connected: false, ended: false });
    });

    it('fills hold, resume and participantremoved with the party that makes sense', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        const { simulator, fired } = under;

        simulator.fireEvent('hold');
        simulator.fireEvent('participantadded');
        simulator.fireEvent('resume');
        simulator.fireEvent('participantremoved');

        expect(fired.map((event) => (event.detail as { participant: string }).participant)).toEqual([
            CALLER,
            DEFAULT_THIRD_PARTY_NUMBER,
            CALLER,
            DEFAULT_THIRD_PARTY_NUMBER
        ]);
        expect(simulator.call()?.participants).toEqual([
            { name: CALLER, type: 'Initial_Caller', onHold: false }
        ]);
    });

    it('sends the fields it is given, merging content and sender field by field', () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        under.simulator.fireEvent('transcript', {
            id: 'u-1',
            sender: { role: 'Agent' },
            content: { text: 'Hi' }
        });
        under.simulator.fireEvent('transcript', { content: null });

        expect(under.fired[0].detail).toMatchObject({
            id: 'u-1',
            content: { formatType: 'Text', text: 'Hi' },
            sender: { role: 'Agent' }
        });
        // A control may send a malformed payload on purpose: the console must reject it.
        expect(under.fired[1].detail).toMatchObject({ content: null });
    });

    it('offers transcript, flag and note conveniences over fireEvent', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        const { simulator, fired } = under;

        simulator.sendTranscript('I was charged twice.', 'EndUser');
        simulator.raiseFlag('Refund above my limit.');
        simulator.sendNote('Approved.', 'Supervisor', 'Samir Supervisor');
        simulator.lowerFlag('Agent');

        expect(fired.map((event) => parsed(event))).toEqual([
            expect.objectContaining({
                type: 'transcript',
                text: 'I was charged twice.',
                sender: { role: 'Customer', rawRole: 'EndUser', displayName: undefined }
            }),
            expect.objectContaining({
                type: 'flagraise',
                text: 'Refund above my limit.',
                sender: { role: 'Agent', rawRole: 'Agent', displayName: DEFAULT_AGENT_NAME }
            }),
            expect.objectContaining({
                type: 'note',
                text: 'Approved.',
                sender: { role: 'Supervisor', rawRole: 'Supervisor', displayName: 'Samir Supervisor' }
            }),
            expect.objectContaining({
                type: 'flaglower',
                sender: { role: 'Agent', rawRole: 'Agent', displayName: DEFAULT_AGENT_NAME }
            })
        ]);
    });

    it('keeps the call model up to date from every event', () => {
        const under = setUpSimulator();
        connectInboundCall(under);
        const { simulator } = under;

        simulator.fireEvent('mute');
        simulator.fireEvent('pauserecording');
        simulator.fireEvent('hold', { participant: '+1 (415) 555-0134' });
        simulator.fireEvent('participantadded', { participant: THIRD_PARTY });
        expect(simulator.call()).toEqual({
            callId: CALL_ID,
            callType: 'inbound',
            participants: [
                { name: CALLER, type: 'Initial_Caller', onHold: true },
                { name: THIRD_PARTY, type: 'Third_Party', onHold: false }
            ],
            connected: true,
            ended: false,
            muted: true,
            recordingPaused: true
        });

        simulator.fireEvent('conference');
        simulator.fireEvent('participantremoved', { participant: CALLER });
        simulator.fireEvent('callended');

        expect(simulator.call()).toMatchObject({
            participants: [{ name: THIRD_PARTY, type: 'Third_Party', onHold: false }],
            ended: true
        });
    });

    it('models a call it joins mid-call, and ignores events of another call or without a callId', () => {
        const { simulator } = setUpSimulator();

        simulator.fireEvent('mute', { callId: 'other-call' });
        expect(simulator.call()).toMatchObject({ callId: 'other-call', connected: true, muted: true });

        simulator.fireEvent('unmute', { callId: 'third-call' });
        simulator.fireEvent('unmute', { callId: 42 });
        expect(simulator.call()).toMatchObject({ callId: 'other-call', muted: true });

        simulator.fireEvent('callconnected', {
            callId: 'new-call',
            callType: 'outbound',
            participant: CALLER
        });
        expect(simulator.call()).toMatchObject({ callId: 'new-call', callType: 'outbound', muted: false });
    });

    it('logs every fired event with its source, time and a growing sequence number', () => {
        const under = setUpSimulator();
        under.clock.advance(5000);

        under.simulator.fireEvent('callstarted', { callId: CALL_ID });

        expect(under.simulator.log()).toEqual([
            {
                kind: 'event',
                seq: 1,
                time: under.clock.now(),
                type: 'callstarted',
                detail: under.fired[0].detail,
                source: 'control'
            }
        ]);
    });

    it(`keeps the newest ${LOG_LIMIT} log entries`, () => {
        const under = setUpSimulator();
        connectInboundCall(under);

        for (let index = 0; index < LOG_LIMIT + 50; index++) {
            under.simulator.sendTranscript(`utterance ${index}`, 'Agent');
        }

        const log = under.simulator.log();
        expect(log).toHaveLength(LOG_LIMIT);
        expect(log.at(-1)).toMatchObject({
            kind: 'event',
            detail: { content: { text: `utterance ${LOG_LIMIT + 49}` } }
        });
        expect(log[0]).toMatchObject({ detail: { content: { text: 'utterance 50' } } });
        expect(log.at(-1)?.seq).toBe(LOG_LIMIT + 52);
    });

    it('returns the same log snapshot until the log changes', () => {
        const { simulator } = setUpSimulator();
        simulator.fireEvent('callstarted');

        const first = simulator.log();

        expect(simulator.log()).toBe(first);
        simulator.fireEvent('callconnected');
        expect(simulator.log()).not.toBe(first);
        expect(first).toHaveLength(1);
    });

    it('delivers each event to every attached element until it detaches', () => {
        const simulator = createCallSimulator(createFakeClock());
        const first: string[] = [];
        const second: string[] = [];
        const detachFirst = simulator.attach((type) => first.push(type));
        simulator.attach((type) => second.push(type));

        simulator.fireEvent('callstarted');
        detachFirst();
        simulator.fireEvent('callconnected');

        expect(first).toEqual(['callstarted']);
        expect(second).toEqual(['callstarted', 'callconnected']);
    });

    it('attaches the same function twice as two listeners, each detached on its own', () => {
        const simulator = createCallSimulator(createFakeClock());
        const received: string[] = [];
        const listener = (type: string): void => {
            received.push(type);
        };
        const detach = simulator.attach(listener);
        simulator.attach(listener);

        simulator.fireEvent('callstarted');
        detach();
        detach();
        simulator.fireEvent('callconnected');

        expect(received).toEqual(['callstarted', 'callstarted', 'callconnected']);
    });

    it('keeps delivering when a listener throws, and logs what it threw', () => {
        const simulator = createCallSimulator(createFakeClock());
        const received: string[] = [];
        simulator.attach(() => {
            throw new Error('render failed');
        });
        simulator.attach((type) => received.push(type));

        simulator.fireEvent('callstarted');

        expect(received).toEqual(['callstarted']);
        expect(entriesOfKind(simulator, 'info').map((entry) => entry.text)).toEqual([
            'A listener threw on callstarted: render failed'
        ]);
    });

    it('tells subscribers after every change until they unsubscribe', () => {
        const under = setUpSimulator();
        let changes = 0;
        const unsubscribe = under.simulator.subscribe(() => {
            changes += 1;
        });

        under.simulator.fireEvent('callstarted');
        under.simulator.callMethod('acceptCall', []);
        under.clock.advance(1000);
        under.simulator.callMethod('mute', ['extra']);
        under.simulator.load({ name: 'Empty', description: '', events: [] });
        expect(changes).toBe(5);

        unsubscribe();
        under.simulator.fireEvent('callended');
        expect(changes).toBe(5);
    });
});

const PLAYED: Scenario = {
    name: 'Four events',
    description: 'At 0, 1, 3 and 6 seconds.',
    events: [
        { at: 0, type: 'callstarted', detail: { callId: CALL_ID, callType: 'inbound', participant: CALLER } },
        {
            at: 1000,
            type: 'callconnected',
            detail: { callId: CALL_ID, callType: 'inbound', participant: CALLER }
        },
        {
            at: 3000,
            type: 'transcript',
            detail: {
                id: 'u-1',
                content: { formatType: 'Text', text: 'Hello' },
                callId: CALL_ID,
                sender: { role: 'Agent' }
            }
        },
        { at: 6000, type: 'callended', detail: { callId: CALL_ID } }
    ]
};

describe('the simulator playing a scenario', () => {
    function loaded(scenario: Scenario = PLAYED): ReturnType<typeof setUpSimulator> {
        const under = setUpSimulator();
        under.simulator.load(scenario);
        return under;
    }

    const firedTypes = (under: ReturnType<typeof setUpSimulator>): string[] =>
        under.fired.map((event) => event.type);

    it('loads a scenario at the top, saying so in the log', () => {
        const { simulator } = loaded();

        expect(simulator.status()).toEqual({
            scenarioName: 'Four events',
            playing: false,
            position: 0,
            total: 4,
            elapsedMs: 0,
            speed: 1,
            finished: false
        });
        expect(entriesOfKind(simulator, 'info').map((entry) => entry.text)).toEqual([
            'Loaded "Four events": 4 events over 0:06'
        ]);
    });

    it('fires each event at its time at speed 1', () => {
        const under = loaded();
        const startedAt = under.clock.now();

        under.simulator.play();
        under.clock.advance(0);
        expect(firedTypes(under)).toEqual(['callstarted']);
        under.clock.advance(999);
        expect(firedTypes(under)).toEqual(['callstarted']);
        expect(under.simulator.status()).toMatchObject({ playing: true, position: 1, elapsedMs: 999 });
        under.clock.advance(1);
        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected']);
        under.clock.advance(10_000);

        expect(under.fired.map((event) => event.at - startedAt)).toEqual([0, 1000, 3000, 6000]);
        expect(entriesOfKind(under.simulator, 'event').map((entry) => entry.source)).toEqual([
            'scenario',
            'scenario',
            'scenario',
            'scenario'
        ]);
    });

    it('fires four times faster at speed 4', () => {
        const under = loaded();
        under.simulator.setSpeed(4);
        const startedAt = under.clock.now();

        under.simulator.play();
        under.clock.advance(2000);

        expect(under.fired.map((event) => event.at - startedAt)).toEqual([0, 250, 750, 1500]);
        expect(under.simulator.status()).toMatchObject({ finished: true, elapsedMs: 6000, speed: 4 });
    });

    it('pauses and plays on from where it paused', () => {
        const under = loaded();
        under.simulator.play();
        under.clock.advance(1500);

        under.simulator.pause();
        under.clock.advance(60_000);
        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected']);
        expect(under.simulator.status()).toMatchObject({ playing: false, position: 2, elapsedMs: 1500 });

        const resumedAt = under.clock.now();
        under.simulator.play();
        under.clock.advance(1499);
        expect(under.fired).toHaveLength(2);
        under.clock.advance(1);
        expect(under.fired.at(-1)).toMatchObject({ type: 'transcript', at: resumedAt + 1500 });
        expect(entriesOfKind(under.simulator, 'info').map((entry) => entry.text)).toContain('Paused at 0:01');
    });

    it('steps one event at a time, moving scenario time to it', () => {
        const under = loaded();

        under.simulator.step();
        under.simulator.step();
        under.simulator.step();

        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected', 'transcript']);
        expect(under.simulator.status()).toMatchObject({ playing: false, position: 3, elapsedMs: 3000 });
        under.clock.advance(60_000);
        expect(under.fired).toHaveLength(3);
    });

    it('steps ahead while playing, keeping the following events’ spacing', () => {
        const under = loaded();
        const startedAt = under.clock.now();
        under.simulator.play();
        under.clock.advance(1000);

        under.simulator.step();
        under.clock.advance(10_000);

        expect(under.fired.map((event) => event.at - startedAt)).toEqual([0, 1000, 1000, 4000]);
    });

    it('changes speed mid-play without losing its place', () => {
        const under = loaded();
        const startedAt = under.clock.now();
        under.simulator.play();
        under.clock.advance(2000);

        under.simulator.setSpeed(2);
        under.clock.advance(10_000);

        // 3000 is 1000 ms of scenario time after 2000: 500 ms at speed 2; 6000 is 1500 ms after that.
        expect(under.fired.map((event) => event.at - startedAt)).toEqual([0, 1000, 2500, 4000]);
        expect(entriesOfKind(under.simulator, 'info').map((entry) => entry.text)).toContain('Speed 2×');
    });

    it(`keeps the speed between ${MIN_SPEED} and ${MAX_SPEED}, ignoring a speed that is not a number`, () => {
        const { simulator } = loaded();

        simulator.setSpeed(0);
        expect(simulator.status().speed).toBe(MIN_SPEED);
        simulator.setSpeed(1000);
        expect(simulator.status().speed).toBe(MAX_SPEED);
        simulator.setSpeed(Number.NaN);
        expect(simulator.status().speed).toBe(MAX_SPEED);
    });

    it('finishes after the last event, and says so', () => {
        const under = loaded();
        under.simulator.play();
        under.clock.advance(6000);

        expect(under.simulator.status()).toMatchObject({
            playing: false,
            finished: true,
            position: 4,
            total: 4
        });
        expect(under.simulator.log().at(-1)).toMatchObject({
            kind: 'info',
            text: 'Scenario "Four events" finished'
        });
        expect(under.clock.pendingTimers()).toBe(0);

        under.simulator.play();
        under.simulator.step();
        expect(under.fired).toHaveLength(4);
        expect(
            entriesOfKind(under.simulator, 'info')
                .slice(-2)
                .map((entry) => entry.text)
        ).toEqual([
            'Scenario "Four events" already finished: reset to play it again',
            'No scenario event left'
        ]);
    });

    it('finishes when stepping onto the last event', () => {
        const under = loaded();

        for (let step = 0; step < 4; step++) {
            under.simulator.step();
        }

        expect(under.simulator.status()).toMatchObject({ finished: true, position: 4, elapsedMs: 6000 });
    });

    it('finishes an empty scenario at once', () => {
        const under = loaded({ name: 'Nothing', description: 'No events.', events: [] });

        under.simulator.play();

        expect(under.simulator.status()).toMatchObject({ finished: true, playing: false, total: 0 });
    });

    it('skips to the end: fires every remaining event now, in order, and finishes', () => {
        const under = loaded();
        const startedAt = under.clock.now();
        under.simulator.step();

        under.simulator.finish();

        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected', 'transcript', 'callended']);
        expect(under.fired.every((event) => event.at === startedAt)).toBe(true);
        expect(under.simulator.status()).toMatchObject({
            playing: false,
            finished: true,
            position: 4,
            elapsedMs: 6000
        });
        expect(entriesOfKind(under.simulator, 'event').map((entry) => entry.source)).toEqual([
            'scenario',
            'scenario',
            'scenario',
            'scenario'
        ]);
        expect(
            entriesOfKind(under.simulator, 'info')
                .slice(-2)
                .map((entry) => entry.text)
        ).toEqual(['Skipping to the end: 3 events', 'Scenario "Four events" finished']);
    });

    it('skips to the end while playing, leaving no timer behind', () => {
        const under = loaded();
        under.simulator.play();
        under.clock.advance(1500);

        under.simulator.finish();

        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected', 'transcript', 'callended']);
        expect(under.simulator.status()).toMatchObject({ playing: false, finished: true });
        expect(under.clock.pendingTimers()).toBe(0);
        under.clock.advance(60_000);
        expect(under.fired).toHaveLength(4);
    });

    it('skips to the end of an empty scenario, and says when there is nothing to skip', () => {
        const empty = setUpSimulator();
        empty.simulator.finish();
        expect(entriesOfKind(empty.simulator, 'info').map((entry) => entry.text)).toEqual([
            'No scenario loaded'
        ]);

        empty.simulator.load({ name: 'Nothing', description: 'No events.', events: [] });
        empty.simulator.finish();
        expect(empty.simulator.status()).toMatchObject({ finished: true, total: 0 });

        const under = loaded();
        under.simulator.finish();
        under.simulator.finish();
        expect(under.fired).toHaveLength(4);
        expect(under.simulator.log().at(-1)).toMatchObject({ kind: 'info', text: 'No scenario event left' });
    });

    it('stops skipping when a listener resets the simulator mid-way', () => {
        const under = loaded();
        under.simulator.attach((type) => {
            if (type === 'callconnected') {
                under.simulator.reset();
            }
        });

        under.simulator.finish();

        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected']);
        expect(under.simulator.status()).toMatchObject({ finished: false, position: 0 });
    });

    it('resets: stops, clears the log, the call and the answers on their way, and goes back to the top', () => {
        const under = loaded();
        under.simulator.play();
        under.clock.advance(1500);
        under.simulator.callMethod('mute', []);

        under.simulator.reset();

        expect(under.simulator.status()).toMatchObject({
            playing: false,
            position: 0,
            elapsedMs: 0,
            finished: false
        });
        expect(under.simulator.log()).toEqual([]);
        expect(under.simulator.call()).toBeUndefined();
        expect(under.clock.pendingTimers()).toBe(0);
        under.clock.advance(60_000);
        expect(under.fired).toHaveLength(2);

        under.simulator.play();
        under.clock.advance(0);
        expect(under.fired.at(-1)?.type).toBe('callstarted');
    });

    it('stamps scenario messages without timestamps with the time they fire, and sends the rest as written', () => {
        const scenario: Scenario = {
            name: 'Timestamps',
            description: 'One stamped, one not, one malformed.',
            events: [
                {
                    at: 0,
                    type: 'transcript',
                    detail: {
                        id: 'a',
                        content: { formatType: 'Text', text: 'Hi' },
                        callId: CALL_ID,
                        sender: { role: 'Agent' }
                    }
                },
                {
                    at: 500,
                    type: 'note',
                    detail: {
                        id: 'b',
                        clientSentTimestamp: 42,
                        serverReceivedTimestamp: 43,
                        content: { text: 'n' },
                        callId: CALL_ID
                    }
                },
                { at: 900, type: 'transcript', detail: { id: 'c', callId: CALL_ID } },
                { at: 1000, type: 'mute', detail: { callId: CALL_ID, clientSentTimestamp: 'not for mute' } }
            ]
        };
        const under = loaded(scenario);
        under.clock.advance(7000);
        const playedAt = under.clock.now();

        under.simulator.play();
        under.clock.advance(1000);

        expect(under.fired.map((event) => event.detail)).toEqual([
            {
                ...(scenario.events[0].detail as object),
                clientSentTimestamp: playedAt,
                serverReceivedTimestamp: playedAt
            },
            scenario.events[1].detail,
            {
                id: 'c',
                callId: CALL_ID,
                clientSentTimestamp: playedAt + 900,
                serverReceivedTimestamp: playedAt + 900
            },
            scenario.events[3].detail
        ]);
        expect(scenario.events[0].detail).toEqual({
            id: 'a',
            content: { formatType: 'Text', text: 'Hi' },
            callId: CALL_ID,
            sender: { role: 'Agent' }
        });
    });

    it('plays only the newly loaded scenario after a load mid-play', () => {
        const under = loaded();
        under.simulator.play();
        under.clock.advance(1000);

        under.simulator.load({ ...PLAYED, name: 'Again' });
        under.clock.advance(60_000);

        expect(firedTypes(under)).toEqual(['callstarted', 'callconnected']);
        expect(under.simulator.status()).toMatchObject({
            scenarioName: 'Again',
            playing: false,
            position: 0
        });
    });

    it('ignores play while playing and pause while paused', () => {
        const under = loaded();

        under.simulator.pause();
        under.simulator.play();
        under.simulator.play();
        under.clock.advance(10_000);

        expect(under.fired).toHaveLength(4);
        expect(entriesOfKind(under.simulator, 'info').map((entry) => entry.text)).toEqual([
            'Loaded "Four events": 4 events over 0:06',
            'Playing "Four events" at 1× from 0:00',
            'Scenario "Four events" finished'
        ]);
    });

    it('says when there is nothing to play or step', () => {
        const { simulator } = setUpSimulator();

        simulator.play();
        simulator.step();

        expect(entriesOfKind(simulator, 'info').map((entry) => entry.text)).toEqual([
            'No scenario loaded',
            'No scenario loaded'
        ]);
        expect(simulator.status()).toMatchObject({ scenarioName: undefined, playing: false, total: 0 });
    });

    it('formats scenario times as minutes and seconds', () => {
        expect([0, 999, 65_000, 3_600_000].map(formatScenarioTime)).toEqual([
            '0:00',
            '0:00',
            '1:05',
            '60:00'
        ]);
    });
});

describe('the simulator on the system clock', () => {
    it('answers a method after a real delay', async () => {
        const simulator = createCallSimulator();
        const received: string[] = [];
        simulator.attach((type) => received.push(type));
        simulator.fireEvent('callconnected');

        simulator.callMethod('mute', []);
        await new Promise((resolve) => {
            setTimeout(resolve, 400);
        });

        expect(received).toEqual(['callconnected', 'mute']);
        simulator.reset();
    });
});
