import * as path from 'node:path';
import { createCallSimulator } from '../callSimulator';
import { fillScenarioEventDetail } from '../eventDetails';
import { REPLAY_BASE_TIME, replayScenario } from '../replayScenario';
import type { ReplayedCall } from '../replayScenario';
import { loadScenarioDirectory } from '../scenarioFile';
import type { Scenario, ScenarioEvent } from '../simulatorTypes';
import { createFakeClock } from './simulatorTestUtils';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const files = loadScenarioDirectory(path.join(PROJECT_ROOT, 'scenarios'), PROJECT_ROOT);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// An asymmetric matcher is typed `any`: held as unknown so the objects built with it stay typed.
const A_STRING: unknown = expect.any(String);

function scenario(fileName: string): Scenario {
    const file = files.find((candidate) => candidate.fileName === fileName);
    if (file === undefined || !file.ok) {
        throw new Error(`${fileName} is missing or invalid`);
    }
    return file.scenario;
}

/** The one call a scenario leaves, after a replay that ignored nothing. */
function replayedCall(fileName: string): ReplayedCall {
    const { report } = replayScenario(scenario(fileName));
    expect(report.ignored).toEqual([]);
    expect(report.calls).toHaveLength(1);
    return report.calls[0];
}

const textsOf = (events: readonly ScenarioEvent[]): string[] =>
    events
        .filter((event) => event.type === 'transcript')
        .map((event) => (event.detail as { content: { text: string } }).content.text);

const typesOf = (events: readonly ScenarioEvent[]): string[] => events.map((event) => event.type);

/** The scenario's events between the first of type `from` and the next of type `to`. */
function eventsBetween(events: readonly ScenarioEvent[], from: string, to: string): ScenarioEvent[] {
    const start = events.findIndex((event) => event.type === from);
    const end = events.findIndex((event, index) => index > start && event.type === to);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    return events.slice(start + 1, end);
}

describe('the shipped scenarios', () => {
    it('are the five expected files, every one valid', () => {
        expect(files.map((file) => [file.fileName, file.ok ? 'valid' : file.error])).toEqual([
            ['inbound-call.json', 'valid'],
            ['long-call.json', 'valid'],
            ['outbound-call.json', 'valid'],
            ['supervisor-flag.json', 'valid'],
            ['three-way-call.json', 'valid']
        ]);
    });

    it.each(files.map((file) => file.fileName))(
        '%s is one call with a UUID-like id, the customer as "EndUser"',
        (fileName) => {
            const { events } = scenario(fileName);
            const callIds = new Set(events.map((event) => (event.detail as { callId?: unknown }).callId));
            const roles = new Set(
                events
                    .map((event) => (event.detail as { sender?: { role?: unknown } }).sender?.role)
                    .filter((role) => role !== undefined)
            );

            expect(callIds.size).toBe(1);
            expect([...callIds][0]).toMatch(UUID);
            expect(['Agent', 'EndUser', 'Supervisor']).toEqual(expect.arrayContaining([...roles]));
            expect(roles).toContain('EndUser');
            expect(typesOf(events).slice(0, 2)).toEqual(['callstarted', 'callconnected']);
            expect(typesOf(events).slice(-2)).toEqual(['callended', 'wrapupended']);
        }
    );

    it.each(files.filter((file) => file.fileName !== 'long-call.json').map((file) => file.fileName))(
        '%s lasts tens of seconds to a few minutes at speed 1',
        (fileName) => {
            const last = scenario(fileName).events.at(-1)?.at ?? 0;

            expect(last).toBeGreaterThanOrEqual(30_000);
            expect(last).toBeLessThanOrEqual(300_000);
        }
    );

    it.each(files.map((file) => file.fileName))(
        '%s plays through the simulator with the payloads the replay uses',
        (fileName) => {
            const played = scenario(fileName);
            const clock = createFakeClock(REPLAY_BASE_TIME);
            const simulator = createCallSimulator(clock);
            const fired: { detail: unknown; at: number }[] = [];
            simulator.attach((_type, detail) => fired.push({ detail, at: clock.now() }));

            simulator.load(played);
            simulator.play();
            clock.advance((played.events.at(-1)?.at ?? 0) + 1);

            expect(simulator.status()).toMatchObject({ finished: true, position: played.events.length });
            expect(fired).toEqual(
                played.events.map((event) => ({
                    detail: fillScenarioEventDetail(event.type, event.detail, REPLAY_BASE_TIME + event.at),
                    at: REPLAY_BASE_TIME + event.at
                }))
            );
            expect(simulator.call()).toMatchObject({ ended: true });
        }
    );

    it('inbound-call: connects, gives 14 utterances in order, and ends in wrap-up complete', () => {
        const call = replayedCall('inbound-call.json');

        expect(call).toMatchObject({
            status: 'wrapUpComplete',
            statusLabel: 'Wrap-up complete',
            direction: 'Inbound call',
            participants: [{ name: '+1 415 555 0134', kind: 'Initial_Caller', onHold: false }],
            joinedMidCall: false
        });
        expect(call.transcript.map((utterance) => utterance.text)).toEqual(
            textsOf(scenario('inbound-call.json').events)
        );
        expect(call.transcript).toHaveLength(14);
        expect(call.transcript.slice(0, 2).map((utterance) => utterance.sender.label)).toEqual([
            'Agent',
            'Customer'
        ]);
        expect(call.transcript[0].time).toBe('2026-01-01T09:00:05.000Z');
    });

    it('outbound-call: holds, mutes and pauses recording, with no transcript while held or paused', () => {
        const { events } = scenario('outbound-call.json');
        const call = replayedCall('outbound-call.json');

        expect(typesOf(events).filter((type) => type !== 'transcript')).toEqual([
            'callstarted',
            'callconnected',
            'hold',
            'resume',
            'pauserecording',
            'resumerecording',
            'mute',
            'unmute',
            'callended',
            'wrapupended'
        ]);
        expect(eventsBetween(events, 'hold', 'resume')).toEqual([]);
        expect(eventsBetween(events, 'pauserecording', 'resumerecording')).toEqual([]);
        expect(call).toMatchObject({
            status: 'wrapUpComplete',
            direction: 'Outbound call',
            participants: [{ name: '+1 212 555 0187', kind: 'Initial_Caller', onHold: false }],
            muted: false,
            recordingPaused: false
        });
        expect(call.transcript).toHaveLength(14);
    });

    it('outbound-call: the console shows the hold, the paused recording and the mute while they last', () => {
        const { events } = scenario('outbound-call.json');
        const stateAfter = (type: string): ReplayedCall => {
            const upTo = events.findIndex((event) => event.type === type);
            return replayScenario({ name: 'prefix', description: '', events: events.slice(0, upTo + 1) })
                .report.calls[0];
        };

        expect(stateAfter('hold').participants[0].onHold).toBe(true);
        expect(stateAfter('pauserecording').recordingPaused).toBe(true);
        expect(stateAfter('mute').muted).toBe(true);
    });

    it('three-way-call: holds the caller, adds, swaps, conferences, and ends with the third party removed', () => {
        const { events } = scenario('three-way-call.json');
        const call = replayedCall('three-way-call.json');

        expect(typesOf(events).filter((type) => type !== 'transcript')).toEqual([
            'callstarted',
            'callconnected',
            'hold',
            'participantadded',
            'swap',
            'conference',
            'participantremoved',
            'callended',
            'wrapupended'
        ]);
        expect(call.participants).toEqual([
            { name: '+1 303 555 0112', kind: 'Initial_Caller', onHold: false }
        ]);
        expect(call.status).toBe('wrapUpComplete');
        expect(call.transcript.length).toBeGreaterThanOrEqual(10);
        const { state } = replayScenario(scenario('three-way-call.json'));
        const times = [...state.calls.values()][0].times;
        expect(times.swappedAt).toBeLessThan(times.conferencedAt ?? 0);
    });

    it('supervisor-flag: the agent’s flag is lowered by the supervisor, after the supervisor’s note', () => {
        const call = replayedCall('supervisor-flag.json');

        expect(call.flags).toEqual([
            {
                id: A_STRING,
                time: '2026-01-01T09:00:31.000Z',
                sender: {
                    role: 'Agent',
                    rawRole: 'Agent',
                    displayName: 'Jordan Lee',
                    label: 'Jordan Lee (Agent)'
                },
                text: 'Customer asks for a $438.20 refund; my limit is $250. Can you approve?',
                loweredAt: '2026-01-01T09:00:53.000Z',
                loweredBy: {
                    role: 'Supervisor',
                    rawRole: 'Supervisor',
                    displayName: 'Priya Shah',
                    label: 'Priya Shah (Supervisor)'
                }
            }
        ]);
        expect(call.notes).toEqual([
            {
                id: A_STRING,
                time: '2026-01-01T09:00:50.000Z',
                sender: {
                    role: 'Supervisor',
                    rawRole: 'Supervisor',
                    displayName: 'Priya Shah',
                    label: 'Priya Shah (Supervisor)'
                },
                text: "Approved: refund $438.20 as a billing adjustment and waive this month's late fee."
            }
        ]);
        expect(call.status).toBe('wrapUpComplete');
    });

    it('long-call: 3,000 utterances, all kept in order, ending in wrap-up complete', () => {
        const { events } = scenario('long-call.json');
        const call = replayedCall('long-call.json');

        expect(call.transcript).toHaveLength(3000);
        expect(call.transcript.map((utterance) => utterance.text)).toEqual(textsOf(events));
        expect(new Set(call.transcript.map((utterance) => utterance.sender.role))).toEqual(
            new Set(['Agent', 'Customer', 'Supervisor'])
        );
        expect(call.status).toBe('wrapUpComplete');
    });
});
