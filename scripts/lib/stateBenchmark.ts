/**
 * `npm run bench:state`: how fast `applyToolkitEvent` folds typed events, and how much heap a long transcript
 * keeps. The event generator, the argument parsing and the formatting are pure (and unit-tested); only
 * `runStateBenchmark` times anything.
 *
 * Events are generated from a seed, as raw toolkit payloads, and parsed with `parseToolkitEvent` before the timed
 * loop, in chunks so a million parsed events are never all alive at once: the timed loop is `applyToolkitEvent`
 * only. Parse plus apply is timed separately, on a smaller sample.
 */
// Imported relatively: in Node the `c/` specifiers do not resolve at run time.
import { parseToolkitEvent } from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import type {
    ToolkitEvent,
    ToolkitEventName
} from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import {
    applyToolkitEvent,
    EMPTY_CONSOLE_STATE
} from '../../force-app/main/default/lwc/voiceCallState/voiceCallState';
import type { VoiceCallConsoleState } from '../../force-app/main/default/lwc/voiceCallState/voiceCallState';

export const DEFAULT_EVENTS = 1_000_000;
export const DEFAULT_CALLS = 100;
export const DEFAULT_SEED = 20_240_601;
/** Calls live at the same time, their events interleaved (fewer than MAX_KEPT_CALLS, so none is pruned live). */
export const CONCURRENT_CALLS = 4;
/** Events parsed ahead of each timed stretch of applyToolkitEvent. */
const CHUNK_EVENTS = 100_000;
const PARSE_SAMPLE_EVENTS = 100_000;
export const MEMORY_UTTERANCES = 10_000;

export const STATE_BENCH_USAGE = 'Usage: npm run bench:state -- [--events N] [--seed N]';

/** A toolkit event as the DOM delivers it: `{ type, detail }` with an untyped payload. */
export interface RawToolkitEvent {
    readonly type: ToolkitEventName;
    readonly detail: Readonly<Record<string, unknown>>;
    /** When the console receives it (ms since the epoch): the `receivedAt` passed to the parser. */
    readonly receivedAt: number;
}

export interface GeneratorOptions {
    readonly events: number;
    readonly calls: number;
    readonly seed: number;
}

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
}

const WORDS = [
    'thanks',
    'for',
    'calling',
    'my',
    'order',
    'has',
    'not',
    'arrived',
    'yet',
    'could',
    'you',
    'check',
    'the',
    'tracking',
    'number',
    'please',
    'I',
    'can',
    'see',
    'it',
    'left',
    'our',
    'warehouse',
    'on',
    'Monday',
    'refund',
    'account',
    'address',
    'billing',
    'today',
    'sure',
    'one',
    'moment'
] as const;

const EPOCH = Date.UTC(2024, 5, 1, 9, 0, 0);

interface CallPlan {
    readonly index: number;
    readonly callId: string;
    readonly phone: string;
    /** How many events this call gets in all. */
    readonly budget: number;
    emitted: number;
    utterances: number;
    flags: number;
    notes: number;
    onHold: boolean;
    muted: boolean;
    openFlagId: string | undefined;
}

function sentence(random: () => number): string {
    const count = 6 + Math.floor(random() * 11);
    const words: string[] = [];
    for (let i = 0; i < count; i += 1) {
        words.push(WORDS[Math.floor(random() * WORDS.length)]);
    }
    return words.join(' ');
}

function sender(random: () => number): { role: string; displayName: string } {
    return random() < 0.5
        ? { role: 'Agent', displayName: 'Alex Agent' }
        : { role: 'EndUser', displayName: 'Casey Customer' };
}

/** The next body event of a live call: mostly transcript, some audio stats, holds, mutes, flags and notes. */
function bodyEvent(
    call: CallPlan,
    random: () => number,
    now: number
): { type: ToolkitEventName; detail: Record<string, unknown> } {
    const { callId } = call;
    const roll = random();
    const message = (id: string, role: { role: string; displayName: string }): Record<string, unknown> => ({
        callId,
        id,
        content: { text: sentence(random) },
        sender: role,
        serverReceivedTimestamp: now,
        clientSentTimestamp: now - 40
    });
    if (roll < 0.82) {
        call.utterances += 1;
        return { type: 'transcript', detail: message(`${callId}-u${call.utterances}`, sender(random)) };
    }
    if (roll < 0.87) {
        return {
            type: 'audiostats',
            detail: {
                callId,
                packetsLost: Math.floor(random() * 5),
                packetsCount: 1000 + call.emitted,
                jitterBufferMillis: Math.floor(random() * 60),
                roundTripTimeMillis: 20 + Math.floor(random() * 200),
                statsCount: 1
            }
        };
    }
    if (roll < 0.9) {
        call.onHold = !call.onHold;
        return { type: call.onHold ? 'hold' : 'resume', detail: { callId, participant: call.phone } };
    }
    if (roll < 0.93) {
        call.muted = !call.muted;
        return { type: call.muted ? 'mute' : 'unmute', detail: { callId } };
    }
    if (roll < 0.96) {
        const supervisor = { role: 'Supervisor', displayName: 'Sam Supervisor' };
        if (call.openFlagId === undefined) {
            call.flags += 1;
            call.openFlagId = `${callId}-f${call.flags}`;
            return {
                type: 'flagraise',
                detail: message(call.openFlagId, { role: 'Agent', displayName: 'Alex Agent' })
            };
        }
        const id = call.openFlagId;
        call.openFlagId = undefined;
        return {
            type: 'flaglower',
            detail: { callId, id, sender: supervisor, serverReceivedTimestamp: now }
        };
    }
    call.notes += 1;
    return {
        type: 'note',
        detail: message(`${callId}-n${call.notes}`, { role: 'Agent', displayName: 'Alex Agent' })
    };
}

function eventOfCall(
    call: CallPlan,
    random: () => number,
    now: number
): { type: ToolkitEventName; detail: Record<string, unknown> } {
    const { callId, emitted, budget } = call;
    if (emitted === 0) {
        return { type: 'callstarted', detail: { callId, callType: 'inbound', participant: call.phone } };
    }
    if (emitted === 1) {
        return { type: 'callconnected', detail: { callId, callType: 'inbound', participant: call.phone } };
    }
    if (emitted === budget - 1 && budget > 2) {
        return { type: 'callended', detail: { callId } };
    }
    return bodyEvent(call, random, now);
}

/**
 * Exactly `events` raw events over `calls` calls, the same for the same options: each call is started, connected,
 * then gets its share of body events and ends; up to CONCURRENT_CALLS calls are live at once, interleaved.
 */
export function* generateRawEvents({ events, calls, seed }: GeneratorOptions): Generator<RawToolkitEvent> {
    const random = seededRandom(seed);
    const callCount = Math.max(1, Math.min(calls, events));
    const plans: CallPlan[] = [];
    for (let index = 0; index < callCount; index += 1) {
        plans.push({
            index,
            callId: `call-${String(index).padStart(4, '0')}`,
            phone: `+1 555 01${String(index % 100).padStart(2, '0')}`,
            budget: Math.floor(events / callCount) + (index < events % callCount ? 1 : 0),
            emitted: 0,
            utterances: 0,
            flags: 0,
            notes: 0,
            onHold: false,
            muted: false,
            openFlagId: undefined
        });
    }
    let next = 0;
    const live: CallPlan[] = [];
    let now = EPOCH;
    for (let produced = 0; produced < events; produced += 1) {
        while (live.length < CONCURRENT_CALLS && next < plans.length) {
            live.push(plans[next]);
            next += 1;
        }
        const position = Math.floor(random() * live.length);
        const call = live[position];
        now += 1 + Math.floor(random() * 5);
        const { type, detail } = eventOfCall(call, random, now);
        call.emitted += 1;
        if (call.emitted >= call.budget) {
            live.splice(position, 1);
        }
        yield { type, detail, receivedAt: now };
    }
}

/** How many events of each type, sorted by count (most first), then name. */
export function countByType(
    events: Iterable<{ readonly type: ToolkitEventName }>
): [ToolkitEventName, number][] {
    const counts = new Map<ToolkitEventName, number>();
    for (const { type } of events) {
        counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Parses a raw event with the console's parser; a rejection is a bug in the generator, so it throws. */
export function parseRaw(raw: RawToolkitEvent): ToolkitEvent {
    const parsed = parseToolkitEvent({ type: raw.type, detail: raw.detail }, raw.receivedAt);
    if (!parsed.ok) {
        throw new Error(`generated event rejected: ${parsed.rejection.reason}`);
    }
    return parsed.event;
}

export interface StateBenchmarkOptions {
    readonly events: number;
    readonly seed: number;
}

export type ParsedArgs =
    | { readonly ok: true; readonly options: StateBenchmarkOptions }
    | { readonly ok: false; readonly error: string };

/** `[--events N] [--seed N]`; N may use `_` or `,` separators, or an `e` exponent (`1e6`). */
export function parseStateBenchArgs(args: readonly string[]): ParsedArgs {
    let events = DEFAULT_EVENTS;
    let seed = DEFAULT_SEED;
    for (let i = 0; i < args.length; i += 1) {
        const arg = args[i];
        if (arg !== '--events' && arg !== '--seed') {
            return { ok: false, error: `bench:state: unknown argument ${arg}. ${STATE_BENCH_USAGE}` };
        }
        const text = i + 1 < args.length ? args[i + 1] : undefined;
        const value = text === undefined ? NaN : Number(text.replace(/[_,]/g, ''));
        if (!Number.isSafeInteger(value) || value < (arg === '--events' ? 1 : 0)) {
            return {
                ok: false,
                error: `bench:state: ${arg} needs a ${arg === '--events' ? 'positive' : 'non-negative'} integer, got ${text ?? 'nothing'}. ${STATE_BENCH_USAGE}`
            };
        }
        if (arg === '--events') {
            events = value;
        } else {
            seed = value;
        }
        i += 1;
    }
    return { ok: true, options: { events, seed } };
}

export interface StateBenchmarkResult {
    readonly node: string;
    readonly seed: number;
    readonly calls: number;
    readonly events: number;
    /** Events per type, most first. */
    readonly mix: Readonly<Partial<Record<ToolkitEventName, number>>>;
    readonly apply: { readonly millis: number; readonly eventsPerSecond: number };
    readonly parseAndApply: {
        readonly events: number;
        readonly millis: number;
        readonly eventsPerSecond: number;
    };
    readonly memory: {
        readonly utterances: number;
        /** Heap used with the state holding one call of `utterances` utterances, minus the empty baseline. */
        readonly bytes: number | undefined;
        readonly bytesPerUtterance: number | undefined;
        /** False when global.gc was unavailable (run node with --expose-gc): no figure is then reported. */
        readonly gcAvailable: boolean;
    };
}

function perSecond(events: number, nanos: bigint): number {
    return nanos === 0n ? 0 : Math.round((events * 1e9) / Number(nanos));
}

function chunks(raw: Iterator<RawToolkitEvent>, size: number): Generator<ToolkitEvent[]> {
    return (function* () {
        for (;;) {
            const chunk: ToolkitEvent[] = [];
            for (let step = raw.next(); !step.done; step = raw.next()) {
                chunk.push(parseRaw(step.value));
                if (chunk.length === size) {
                    break;
                }
            }
            if (chunk.length === 0) {
                return;
            }
            yield chunk;
        }
    })();
}

/** Times applyToolkitEvent only: each chunk is generated and parsed before its timed loop. */
function timeApply(options: GeneratorOptions): { nanos: bigint; state: VoiceCallConsoleState } {
    let state = EMPTY_CONSOLE_STATE;
    let nanos = 0n;
    for (const chunk of chunks(generateRawEvents(options)[Symbol.iterator](), CHUNK_EVENTS)) {
        const start = process.hrtime.bigint();
        for (const event of chunk) {
            state = applyToolkitEvent(state, event);
        }
        nanos += process.hrtime.bigint() - start;
    }
    return { nanos, state };
}

/** Times parse plus apply, from raw payloads generated up front. */
function timeParseAndApply(options: GeneratorOptions): bigint {
    const raw = [...generateRawEvents(options)];
    let state = EMPTY_CONSOLE_STATE;
    const start = process.hrtime.bigint();
    for (const event of raw) {
        const parsed = parseToolkitEvent({ type: event.type, detail: event.detail }, event.receivedAt);
        if (parsed.ok) {
            state = applyToolkitEvent(state, parsed.event);
        }
    }
    const nanos = process.hrtime.bigint() - start;
    if (state.seq === 0) {
        throw new Error('nothing applied');
    }
    return nanos;
}

/** The events of one call holding `utterances` utterances: started, connected, then transcript only. */
export function utteranceCallEvents(utterances: number, seed: number): ToolkitEvent[] {
    const random = seededRandom(seed);
    const callId = 'memory-call';
    const raw: RawToolkitEvent[] = [
        {
            type: 'callstarted',
            detail: { callId, callType: 'inbound', participant: '+1 555 0100' },
            receivedAt: EPOCH
        },
        { type: 'callconnected', detail: { callId, callType: 'inbound' }, receivedAt: EPOCH + 1 }
    ];
    for (let n = 1; n <= utterances; n += 1) {
        const at = EPOCH + 1 + n * 3;
        raw.push({
            type: 'transcript',
            detail: {
                callId,
                id: `${callId}-u${n}`,
                content: { text: sentence(random) },
                sender: sender(random),
                serverReceivedTimestamp: at,
                clientSentTimestamp: at - 40
            },
            receivedAt: at
        });
    }
    return raw.map(parseRaw);
}

/** In its own function, so the parsed events are garbage once it returns: only what the state keeps counts. */
function foldedUtteranceCall(utterances: number, seed: number): VoiceCallConsoleState {
    let state = EMPTY_CONSOLE_STATE;
    for (const event of utteranceCallEvents(utterances, seed)) {
        state = applyToolkitEvent(state, event);
    }
    return state;
}

type Gc = () => void;

function heapAfterGc(gc: Gc): number {
    for (let i = 0; i < 4; i += 1) {
        gc();
    }
    return process.memoryUsage().heapUsed;
}

/** Heap used by a state holding one call of `utterances` utterances, minus the empty baseline; needs gc. */
function measureMemory(utterances: number, seed: number, gc: Gc | undefined): number | undefined {
    if (gc === undefined) {
        return undefined;
    }
    const baseline = heapAfterGc(gc);
    const state = foldedUtteranceCall(utterances, seed);
    const used = heapAfterGc(gc);
    if (state.calls.size !== 1) {
        throw new Error('the memory state should hold one call');
    }
    return used - baseline;
}

export function runStateBenchmark(options: StateBenchmarkOptions, gc: Gc | undefined): StateBenchmarkResult {
    const generator: GeneratorOptions = { events: options.events, calls: DEFAULT_CALLS, seed: options.seed };
    const mix = Object.fromEntries(countByType(generateRawEvents(generator)));
    const memoryBytes = measureMemory(MEMORY_UTTERANCES, options.seed, gc);
    const sample = Math.min(options.events, PARSE_SAMPLE_EVENTS);
    // A warm-up, so the sample is not the first time the code runs.
    timeParseAndApply({ ...generator, events: Math.min(sample, 20_000) });
    const parseNanos = timeParseAndApply({ ...generator, events: sample });
    const { nanos } = timeApply(generator);
    return {
        node: process.version,
        seed: options.seed,
        calls: generator.calls,
        events: options.events,
        mix,
        apply: { millis: Number(nanos) / 1e6, eventsPerSecond: perSecond(options.events, nanos) },
        parseAndApply: {
            events: sample,
            millis: Number(parseNanos) / 1e6,
            eventsPerSecond: perSecond(sample, parseNanos)
        },
        memory: {
            utterances: MEMORY_UTTERANCES,
            bytes: memoryBytes,
            bytesPerUtterance:
                memoryBytes === undefined ? undefined : Math.round(memoryBytes / MEMORY_UTTERANCES),
            gcAvailable: gc !== undefined
        }
    };
}

const integer = (value: number): string => Math.round(value).toLocaleString('en-US');

function table(rows: readonly (readonly string[])[]): string[] {
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    return rows.map((row) =>
        row
            .map((cell, column) =>
                column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
            )
            .join('  ')
            .trimEnd()
    );
}

/** The printed report: a table of the measurements, then the event mix. */
export function formatStateBenchmark(result: StateBenchmarkResult): string[] {
    const { memory } = result;
    const memoryCell =
        memory.bytes === undefined || memory.bytesPerUtterance === undefined
            ? 'n/a (no global.gc: run node --expose-gc)'
            : `${integer(memory.bytes)} B (${integer(memory.bytesPerUtterance)} B per utterance)`;
    const rows: string[][] = [
        ['measure', 'events', 'ms', 'events/s'],
        [
            'applyToolkitEvent',
            integer(result.events),
            result.apply.millis.toFixed(1),
            integer(result.apply.eventsPerSecond)
        ],
        [
            'parse + apply',
            integer(result.parseAndApply.events),
            result.parseAndApply.millis.toFixed(1),
            integer(result.parseAndApply.eventsPerSecond)
        ]
    ];
    const mix = Object.entries(result.mix)
        .map(([type, count]) => `${type} ${integer(count)}`)
        .join(', ');
    return [
        `bench:state: ${integer(result.events)} events over ${result.calls} calls, seed ${result.seed}, node ${result.node}`,
        ...table(rows),
        `heap per ${integer(memory.utterances)} utterances: ${memoryCell}`,
        `mix: ${mix}`
    ];
}
