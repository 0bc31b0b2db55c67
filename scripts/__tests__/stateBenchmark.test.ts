// The pure parts of `npm run bench:state`: the seeded generator, the arguments and the printed table. No timing.
import {
    countByType,
    DEFAULT_EVENTS,
    DEFAULT_SEED,
    formatStateBenchmark,
    generateRawEvents,
    parseRaw,
    parseStateBenchArgs,
    seededRandom,
    utteranceCallEvents
} from '../lib/stateBenchmark';
import type { RawToolkitEvent, StateBenchmarkResult } from '../lib/stateBenchmark';
import type { ToolkitEventName } from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import {
    applyToolkitEvents,
    EMPTY_CONSOLE_STATE
} from '../../force-app/main/default/lwc/voiceCallState/voiceCallState';

const generate = (events: number, calls: number, seed: number): RawToolkitEvent[] => [
    ...generateRawEvents({ events, calls, seed })
];

describe('bench:state event generator', () => {
    it('is deterministic for a seed and differs for another', () => {
        const first = generate(2_000, 10, 7);

        expect(generate(2_000, 10, 7)).toEqual(first);
        expect(generate(2_000, 10, 8)).not.toEqual(first);
        expect(seededRandom(1)()).toBe(seededRandom(1)());
    });

    it('yields exactly the asked number of events, each call started, connected and ended', () => {
        const events = generate(5_003, 10, DEFAULT_SEED);

        expect(events).toHaveLength(5_003);
        const byCall = new Map<string, RawToolkitEvent[]>();
        for (const event of events) {
            const callId = String(event.detail.callId);
            byCall.set(callId, [...(byCall.get(callId) ?? []), event]);
        }
        expect(byCall.size).toBe(10);
        for (const callEvents of byCall.values()) {
            expect(callEvents.slice(0, 2).map((event) => event.type)).toEqual([
                'callstarted',
                'callconnected'
            ]);
            expect(callEvents.at(-1)?.type).toBe('callended');
            expect(callEvents.filter((event) => event.type.startsWith('call'))).toHaveLength(3);
        }
    });

    it('is mostly transcript, with every other kind of body event in the mix', () => {
        const counts = new Map(countByType(generate(10_000, 10, DEFAULT_SEED)));
        const transcript = counts.get('transcript') ?? 0;

        expect(transcript / 10_000).toBeGreaterThan(0.75);
        expect(transcript / 10_000).toBeLessThan(0.88);
        const others: ToolkitEventName[] = [
            'audiostats',
            'hold',
            'resume',
            'mute',
            'unmute',
            'flagraise',
            'flaglower',
            'note'
        ];
        for (const type of others) {
            expect(counts.get(type) ?? 0).toBeGreaterThan(50);
        }
        expect(countByType(generate(10_000, 10, DEFAULT_SEED))[0]).toEqual(['transcript', transcript]);
    });

    it('has times that only move forward, and every event passes the real parser', () => {
        const events = generate(3_000, 5, 3);

        expect(events.every((event, i) => i === 0 || event.receivedAt > events[i - 1].receivedAt)).toBe(true);
        const state = applyToolkitEvents(EMPTY_CONSOLE_STATE, events.map(parseRaw));
        expect(state.calls.size).toBe(5);
        for (const call of state.calls.values()) {
            expect(call.status).toBe('ended');
            expect(call.joinedMidCall).toBe(false);
            expect(call.transcript.size).toBeGreaterThan(300);
        }
    });

    it('builds the memory call: one call with exactly the asked number of utterances', () => {
        const state = applyToolkitEvents(EMPTY_CONSOLE_STATE, utteranceCallEvents(250, 1));

        expect([...state.calls.values()].map((call) => call.transcript.size)).toEqual([250]);
    });
});

describe('bench:state arguments', () => {
    it('defaults to a million events', () => {
        expect(parseStateBenchArgs([])).toEqual({
            ok: true,
            options: { events: DEFAULT_EVENTS, seed: DEFAULT_SEED }
        });
        expect(DEFAULT_EVENTS).toBe(1_000_000);
    });

    it('reads --events and --seed, with separators', () => {
        expect(parseStateBenchArgs(['--events', '200_000', '--seed', '5'])).toEqual({
            ok: true,
            options: { events: 200_000, seed: 5 }
        });
        expect(parseStateBenchArgs(['--events', '1e5'])).toMatchObject({ options: { events: 100_000 } });
    });

    it.each([
        [['--events'], '--events needs a positive integer, got nothing'],
        [['--events', '0'], '--events needs a positive integer, got 0'],
        [['--events', 'many'], '--events needs a positive integer, got many'],
        [['--seed', '-1'], '--seed needs a non-negative integer, got -1'],
        [['--fast'], 'unknown argument --fast']
    ])('refuses %j', (args, message) => {
        const parsed = parseStateBenchArgs(args);

        expect(parsed.ok).toBe(false);
        expect(parsed.ok ? '' : parsed.error).toContain(message);
        expect(parsed.ok ? '' : parsed.error).toContain('Usage: npm run bench:state');
    });
});

describe('bench:state report', () => {
    const result: StateBenchmarkResult = {
        node: 'v20.0.0',
        seed: 1,
        calls: 100,
        events: 1_000_000,
        mix: { transcript: 820_000, audiostats: 50_000, callstarted: 100 },
        apply: { millis: 2_500.04, eventsPerSecond: 400_000 },
        parseAndApply: { events: 100_000, millis: 500, eventsPerSecond: 200_000 },
        memory: { utterances: 10_000, bytes: 3_950_000, bytesPerUtterance: 395, gcAvailable: true }
    };

    it('prints a table of throughput and memory, then the mix', () => {
        expect(formatStateBenchmark(result)).toEqual([
            'bench:state: 1,000,000 events over 100 calls, seed 1, node v20.0.0',
            'measure               events      ms  events/s',
            'applyToolkitEvent  1,000,000  2500.0   400,000',
            'parse + apply        100,000   500.0   200,000',
            'heap per 10,000 utterances: 3,950,000 B (395 B per utterance)',
            'mix: transcript 820,000, audiostats 50,000, callstarted 100'
        ]);
    });

    it('says so when there was no gc to measure memory with', () => {
        const lines = formatStateBenchmark({
            ...result,
            memory: { utterances: 10_000, bytes: undefined, bytesPerUtterance: undefined, gcAvailable: false }
        });

        expect(lines).toContain('heap per 10,000 utterances: n/a (no global.gc: run node --expose-gc)');
    });
});
