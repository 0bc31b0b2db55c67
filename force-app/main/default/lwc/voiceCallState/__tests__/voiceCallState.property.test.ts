/**
 * Property-based tests of the call state: random sequences of valid, malformed, repeated and out-of-order
 * toolkit payloads go through the real parser and applyToolkitEvent, and after every step the state must agree
 * with a slow, obviously correct reference model. Seeded: FC_SEED=<integer> picks another seed; a failure
 * report shows the seed and path that replay it.
 */
import fc from 'fast-check';
import { parseToolkitEvent } from 'c/voiceCallEvents';
import type { ParseResult, ToolkitEvent } from 'c/voiceCallEvents';
import {
    EMPTY_CONSOLE_STATE,
    applyToolkitEvent,
    applyToolkitEvents,
    compareMessages,
    logItems
} from 'c/voiceCallState';
import type {
    CallMessage,
    CallStatus,
    OrderedLog,
    ParticipantKind,
    VoiceCall,
    VoiceCallConsoleState
} from 'c/voiceCallState';
import { eventSequence, partyOf, shuffledTimeline } from './data/arbitraries';
import type { Step } from './data/arbitraries';
import { CALL_A, callIn } from './data/events';

const DEFAULT_SEED = 20_250_611;

function seedFromEnvironment(): number {
    const raw = process.env.FC_SEED;
    if (raw === undefined || raw.trim() === '') {
        return DEFAULT_SEED;
    }
    const seed = Number(raw);
    if (!Number.isSafeInteger(seed)) {
        throw new Error(`FC_SEED must be an integer, got "${raw}"`);
    }
    return seed;
}

const SEED = seedFromEnvironment();

/** Runs per property (10,000 in all) and the longest sequences: sized to run in a few seconds on 2 cores. */
const MIXED_RUNS = 6_000;
const MIXED_LENGTH = 40;
const TIMELINE_RUNS = 2_000;
const TIMELINE_LINES = 20;
const BRANCH_RUNS = 2_000;
const BRANCH_LENGTH = 30;
const TIMEOUT_MS = 60_000;

let sequencesRun = 0;

/** Asserts a property with the shared seed; fast-check's report names the seed, path and counterexample. */
function expectProperty<Ts extends [unknown, ...unknown[]]>(
    property: fc.IProperty<Ts>,
    numRuns: number
): void {
    fc.assert(property, { seed: SEED, numRuns });
}

function fail(message: string): never {
    throw new Error(message);
}

function short(text: string | undefined): string {
    return text !== undefined && text.length > 40
        ? `"${text.slice(0, 12)}…" (${text.length} chars)`
        : `"${text}"`;
}

function errorText(error: unknown): string {
    return error instanceof Error ? error.message : 'a non-Error value';
}

// ---- The reference model: a plain replay of the accepted events, slow and obviously correct. ----

const STATUS_RANK: Readonly<Record<CallStatus, number>> = {
    connecting: 0,
    connected: 1,
    ended: 2,
    wrapUpComplete: 3
};

interface ExpectedParty {
    /** The party, as an index into PARTY_SPELLINGS. */
    readonly party: number;
    readonly kind: ParticipantKind;
    onHold: boolean;
}

interface ExpectedMessage {
    readonly text: string;
    readonly rawRole: string | undefined;
    readonly displayName: string | undefined;
    readonly client: number | undefined;
    readonly at: number;
}

interface ExpectedCall {
    readonly joinedMidCall: boolean;
    statusRank: number;
    parties: ExpectedParty[];
    readonly transcript: Map<string, ExpectedMessage>;
    readonly notes: Map<string, ExpectedMessage>;
    /** Raised flags: id -> text of the first raise (a raise again is a replay). */
    readonly flags: Map<string, string>;
    /** The time of every flaglower received: a flag can only be lowered at one of these. */
    readonly lowerTimes: Set<number>;
    muted: boolean;
    recordingPaused: boolean;
    startedAt: number | undefined;
    connectedAt: number | undefined;
    endedAt: number | undefined;
    wrapUpEndedAt: number | undefined;
    audioStatsAt: number | undefined;
}

function newExpectedCall(first: ToolkitEvent): ExpectedCall {
    return {
        joinedMidCall: first.type !== 'callstarted' && first.type !== 'callconnected',
        statusRank: first.type === 'callstarted' ? 0 : 1,
        parties: [],
        transcript: new Map(),
        notes: new Map(),
        flags: new Map(),
        lowerTimes: new Set(),
        muted: false,
        recordingPaused: false,
        startedAt: undefined,
        connectedAt: undefined,
        endedAt: undefined,
        wrapUpEndedAt: undefined,
        audioStatsAt: undefined
    };
}

/** A party not yet known joins not on hold unless told; the first without a kind is the initial caller. */
function join(call: ExpectedCall, name: string | undefined, kind?: ParticipantKind, onHold = false): void {
    if (name === undefined || call.parties.some((known) => known.party === partyOf(name))) {
        return;
    }
    const hasCaller = call.parties.some((known) => known.kind === 'Initial_Caller');
    call.parties.push({
        party: partyOf(name),
        kind: kind ?? (hasCaller ? 'Third_Party' : 'Initial_Caller'),
        onHold
    });
}

function setHold(call: ExpectedCall, name: string, onHold: boolean): void {
    const known = call.parties.find((party) => party.party === partyOf(name));
    if (known === undefined) {
        join(call, name, undefined, onHold);
    } else {
        known.onHold = onHold;
    }
}

function upsertMessage(log: Map<string, ExpectedMessage>, event: ToolkitEvent<'transcript' | 'note'>): void {
    const server = event.serverReceivedTimestamp;
    const client = event.clientSentTimestamp;
    const previous = log.get(event.id);
    log.set(event.id, {
        text: event.text,
        rawRole: event.sender.rawRole,
        displayName: event.sender.displayName,
        client,
        // Untimed, it keeps the time it was first shown at (its arrival the first time).
        at: server ?? client ?? previous?.at ?? event.receivedAt
    });
}

function applyToModel(call: ExpectedCall, event: ToolkitEvent): void {
    switch (event.type) {
        case 'callstarted':
            call.startedAt ??= event.receivedAt;
            join(call, event.participant);
            break;
        case 'callconnected':
            call.statusRank = Math.max(call.statusRank, 1);
            call.connectedAt ??= event.receivedAt;
            join(call, event.participant);
            break;
        case 'callended':
            call.statusRank = Math.max(call.statusRank, 2);
            call.endedAt ??= event.receivedAt;
            break;
        case 'wrapupended':
            call.statusRank = Math.max(call.statusRank, 3);
            call.wrapUpEndedAt ??= event.receivedAt;
            break;
        case 'hold':
            setHold(call, event.participant, true);
            break;
        case 'resume':
            setHold(call, event.participant, false);
            break;
        case 'participantadded':
            join(call, event.participant, 'Third_Party');
            break;
        case 'participantremoved':
            call.parties = call.parties.filter((party) => party.party !== partyOf(event.participant));
            break;
        case 'swap':
            call.parties.forEach((party) => {
                party.onHold = !party.onHold;
            });
            break;
        case 'conference':
            call.parties.forEach((party) => {
                party.onHold = false;
            });
            break;
        case 'mute':
        case 'unmute':
            call.muted = event.type === 'mute';
            break;
        case 'pauserecording':
        case 'resumerecording':
            call.recordingPaused = event.type === 'pauserecording';
            break;
        case 'transcript':
            upsertMessage(call.transcript, event);
            break;
        case 'note':
            upsertMessage(call.notes, event);
            break;
        case 'flagraise':
            if (!call.flags.has(event.id)) {
                call.flags.set(event.id, event.text);
            }
            break;
        case 'flaglower':
            call.lowerTimes.add(
                event.serverReceivedTimestamp ?? event.clientSentTimestamp ?? event.receivedAt
            );
            break;
        case 'audiostats':
            call.audioStatsAt = event.receivedAt;
            break;
        default: {
            const unhandled: never = event;
            fail(`the model has no case for ${JSON.stringify(unhandled)}`);
        }
    }
}

/** The expected calls after `events`, in the order they were first seen. */
function replay(events: readonly ToolkitEvent[]): Map<string, ExpectedCall> {
    const calls = new Map<string, ExpectedCall>();
    for (const event of events) {
        let call = calls.get(event.callId);
        if (call === undefined) {
            call = newExpectedCall(event);
            calls.set(event.callId, call);
        }
        applyToModel(call, event);
    }
    return calls;
}

// ---- The invariants, checked after every step. ----

/** What holds across steps: each call's last status and hold totals, each lowered flag's lowering, the shown call. */
interface History {
    readonly statusRank: Map<string, number>;
    readonly lowered: Map<string, number>;
    /** Each call's total of completed holds. */
    readonly callHeldMs: Map<string, number>;
    /** Each call's present parties' totals of completed holds, by party. */
    readonly partyHeldMs: Map<string, Map<number, number>>;
    shownCallId: string | undefined;
}

function checkLog(where: string, log: OrderedLog<CallMessage>, expected: Map<string, ExpectedMessage>): void {
    const items = logItems(log);
    if (items.length !== expected.size) {
        fail(`${where}: ${items.length} lines for the ${expected.size} ids sent to this call`);
    }
    const seen = new Set<string>();
    items.forEach((item, index) => {
        const want = expected.get(item.id) ?? fail(`${where}: "${item.id}" was never sent to this call`);
        if (seen.has(item.id)) {
            fail(`${where}: "${item.id}" appears twice`);
        }
        seen.add(item.id);
        if (item.text !== want.text) {
            fail(`${where}: "${item.id}" shows ${short(item.text)}, the latest sent is ${short(want.text)}`);
        }
        if (item.sender.rawRole !== want.rawRole || item.sender.displayName !== want.displayName) {
            fail(`${where}: "${item.id}" keeps an older sender`);
        }
        if (item.clientSentTimestamp !== want.client || item.at !== want.at) {
            fail(
                `${where}: "${item.id}" at ${item.at} (client ${item.clientSentTimestamp}), expected ${want.at}`
            );
        }
        if (index > 0 && compareMessages(items[index - 1], item) > 0) {
            fail(`${where}: "${items[index - 1].id}" is shown before "${item.id}", out of order`);
        }
    });
}

function checkFlags(callId: string, call: VoiceCall, expected: ExpectedCall, history: History): void {
    if (call.flags.length !== expected.flags.size) {
        fail(`${callId} flags: ${call.flags.length} flags for ${expected.flags.size} raised`);
    }
    const seen = new Set<string>();
    call.flags.forEach((flag, index) => {
        const text = expected.flags.get(flag.id);
        if (text === undefined || seen.has(flag.id)) {
            fail(`${callId} flags: "${flag.id}" never raised, or shown twice`);
        }
        seen.add(flag.id);
        if (flag.text !== text) {
            fail(
                `${callId} flags: "${flag.id}" shows ${short(flag.text)}, it was raised with ${short(text)}`
            );
        }
        if (index > 0 && compareMessages(call.flags[index - 1], flag) > 0) {
            fail(`${callId} flags: out of order`);
        }
        const key = `${callId}\n${flag.id}`;
        const loweredAt = history.lowered.get(key);
        if (loweredAt !== undefined && flag.loweredAt !== loweredAt) {
            fail(
                `${callId} flags: "${flag.id}", lowered at ${loweredAt}, now has loweredAt ${flag.loweredAt}`
            );
        }
        if (flag.loweredAt !== undefined) {
            if (!expected.lowerTimes.has(flag.loweredAt) || flag.loweredBy === undefined) {
                fail(`${callId} flags: "${flag.id}" lowered at ${flag.loweredAt} by no flaglower received`);
            }
            history.lowered.set(key, flag.loweredAt);
        }
    });
    if (call.earlyFlagLowers.length > 10) {
        fail(`${callId}: ${call.earlyFlagLowers.length} early flag lowers kept, more than the 10 allowed`);
    }
}

const isDuration = (ms: number): boolean => Number.isFinite(ms) && ms >= 0;

/**
 * Hold time is never negative and never goes back: a party's total while it stays in the call, the call's always
 * (a party who leaves takes its holds with it only from its own total); the call's includes each present party's.
 */
function checkHoldTotals(callId: string, call: VoiceCall, history: History): void {
    const before = history.callHeldMs.get(callId) ?? 0;
    if (!isDuration(call.heldMs) || call.heldMs < before) {
        fail(`${callId}: total hold time ${call.heldMs} ms, it was ${before} ms`);
    }
    history.callHeldMs.set(callId, call.heldMs);
    // Parties that left are forgotten: one that joins again starts over.
    const previous = history.partyHeldMs.get(callId) ?? new Map<number, number>();
    const current = new Map<number, number>();
    let partiesTotal = 0;
    for (const participant of call.participants) {
        const was = previous.get(partyOf(participant.name)) ?? 0;
        if (!isDuration(participant.heldMs) || participant.heldMs < was) {
            fail(
                `${callId} ${short(participant.name)}: hold time ${participant.heldMs} ms, it was ${was} ms`
            );
        }
        if (participant.onHold && participant.holdChangedAt === undefined) {
            fail(`${callId} ${short(participant.name)}: on hold since an unknown time`);
        }
        current.set(partyOf(participant.name), participant.heldMs);
        partiesTotal += participant.heldMs;
    }
    history.partyHeldMs.set(callId, current);
    if (call.heldMs < partiesTotal) {
        fail(`${callId}: total hold time ${call.heldMs} ms, less than its parties' ${partiesTotal} ms`);
    }
}

function checkCall(callId: string, call: VoiceCall, expected: ExpectedCall, history: History): void {
    const rank = STATUS_RANK[call.status];
    const before = history.statusRank.get(callId) ?? -1;
    if (rank < before) {
        fail(`${callId}: status moved back to ${call.status}`);
    }
    history.statusRank.set(callId, rank);
    if (rank !== expected.statusRank || call.joinedMidCall !== expected.joinedMidCall) {
        fail(
            `${callId}: status ${call.status}, joinedMidCall ${call.joinedMidCall}; expected rank ${expected.statusRank}`
        );
    }
    const parties = call.participants.map((participant) => ({
        party: partyOf(participant.name),
        kind: participant.kind,
        onHold: participant.onHold
    }));
    if (JSON.stringify(parties) !== JSON.stringify(expected.parties)) {
        fail(
            `${callId} participants: ${JSON.stringify(parties)}, expected ${JSON.stringify(expected.parties)}`
        );
    }
    checkHoldTotals(callId, call, history);
    if (call.muted !== expected.muted || call.recordingPaused !== expected.recordingPaused) {
        fail(`${callId}: muted ${call.muted}, recordingPaused ${call.recordingPaused}: not the last sent`);
    }
    const { times } = call;
    const firstTimes = [times.startedAt, times.connectedAt, times.endedAt, times.wrapUpEndedAt];
    const expectedTimes = [
        expected.startedAt,
        expected.connectedAt,
        expected.endedAt,
        expected.wrapUpEndedAt
    ];
    if (firstTimes.some((time, index) => time !== expectedTimes[index])) {
        fail(
            `${callId} times: ${firstTimes.join()}, expected those of the first events: ${expectedTimes.join()}`
        );
    }
    if (call.audioStats?.receivedAt !== expected.audioStatsAt) {
        fail(`${callId}: audio stats not the last received`);
    }
    checkLog(`${callId} transcript`, call.transcript, expected.transcript);
    checkLog(`${callId} notes`, call.notes, expected.notes);
    checkFlags(callId, call, expected, history);
}

function checkState(state: VoiceCallConsoleState, accepted: readonly ToolkitEvent[], history: History): void {
    const expected = replay(accepted);
    if (state.calls.size !== expected.size) {
        fail(`${state.calls.size} calls in the state, ${expected.size} sent`);
    }
    let newestLive: string | undefined;
    for (const [callId, want] of expected) {
        checkCall(callId, state.calls.get(callId) ?? fail(`call ${callId} lost`), want, history);
        if (want.statusRank < STATUS_RANK.ended) {
            newestLive = callId;
        }
    }
    if (state.activeCallId !== newestLive) {
        fail(`active call ${state.activeCallId}, but the newest live call is ${newestLive}`);
    }
    history.shownCallId = newestLive ?? history.shownCallId ?? accepted[accepted.length - 1].callId;
    if (state.shownCallId !== history.shownCallId) {
        fail(`shown call ${state.shownCallId}, expected ${history.shownCallId}`);
    }
}

/** A cheap print of all a reader of `state` can see (texts by length), to catch a change to an input state. */
function fingerprint(state: VoiceCallConsoleState): string {
    const parts: unknown[] = [state.seq, state.activeCallId, state.shownCallId];
    for (const call of state.calls.values()) {
        parts.push(
            call.callId,
            call.status,
            call.direction,
            call.rawCallType,
            call.muted,
            call.recordingPaused
        );
        const { times } = call;
        parts.push(call.joinedMidCall, call.firstSeenSeq, times.startedAt, times.connectedAt, times.endedAt);
        parts.push(times.wrapUpEndedAt, times.mutedChangedAt, times.recordingChangedAt, times.conferencedAt);
        parts.push(times.swappedAt, times.updatedAt, call.heldMs);
        for (const participant of call.participants) {
            parts.push(participant.name, participant.kind, participant.onHold, participant.holdChangedAt);
            parts.push(participant.heldMs);
        }
        for (const log of [call.transcript, call.notes]) {
            parts.push(log.size);
            for (const item of logItems(log)) {
                parts.push(item.id, item.text.length, item.at, item.seq, item.sender.rawRole);
            }
        }
        for (const flag of call.flags) {
            parts.push(flag.id, flag.text.length, flag.at, flag.loweredAt);
        }
        parts.push(call.earlyFlagLowers.length, call.audioStats?.receivedAt);
    }
    return parts.map((part) => String(part)).join('|');
}

function parse(step: Step, index: number): ParseResult {
    let result: ParseResult;
    try {
        result = parseToolkitEvent(step.payload, step.receivedAt);
    } catch (error) {
        fail(`step ${index}: parseToolkitEvent threw: ${errorText(error)}`);
    }
    if (result.ok !== step.valid) {
        const why = result.ok ? 'accepted' : `rejected (${result.rejection.reason})`;
        fail(`step ${index}: the parser ${why} a ${step.valid ? 'valid' : 'malformed'} payload`);
    }
    if (!result.ok && result.rejection.reason.trim() === '') {
        fail(`step ${index}: a rejection without a reason`);
    }
    return result;
}

function apply(state: VoiceCallConsoleState, event: ToolkitEvent, index: number): VoiceCallConsoleState {
    let next: VoiceCallConsoleState;
    try {
        next = applyToolkitEvent(state, event);
    } catch (error) {
        fail(`step ${index}: applyToolkitEvent threw on ${event.type}: ${errorText(error)}`);
    }
    return next;
}

/**
 * Whether a replay of `event` can be told from a new event: not for a swap (it toggles holds) nor a stats
 * sample, which carry nothing but the callId, nor for a flaglower without timestamps (its time is its arrival).
 */
function isRecognisableReplay(event: ToolkitEvent): boolean {
    if (event.type === 'flaglower') {
        return event.serverReceivedTimestamp !== undefined || event.clientSentTimestamp !== undefined;
    }
    return event.type !== 'swap' && event.type !== 'audiostats';
}

/** The same payload again, a moment later (as a replaying connector sends it), changes nothing. */
function checkRepeatChangesNothing(state: VoiceCallConsoleState, step: Step, index: number): void {
    const again = parse({ ...step, receivedAt: step.receivedAt + 1 }, index);
    if (!again.ok || !isRecognisableReplay(again.event)) {
        return;
    }
    if (fingerprint(apply(state, again.event, index)) !== fingerprint(state)) {
        fail(`step ${index}: the same ${again.event.type} again at once changed the state`);
    }
}

/** Folds `steps` as the console does, checking every invariant after each step; returns the final state. */
function foldChecked(steps: readonly Step[]): VoiceCallConsoleState {
    let state = EMPTY_CONSOLE_STATE;
    const accepted: ToolkitEvent[] = [];
    const history: History = {
        statusRank: new Map(),
        lowered: new Map(),
        callHeldMs: new Map(),
        partyHeldMs: new Map(),
        shownCallId: undefined
    };
    steps.forEach((step, index) => {
        const result = parse(step, index);
        if (!result.ok) {
            return;
        }
        const before = fingerprint(state);
        const next = apply(state, result.event, index);
        if (fingerprint(state) !== before) {
            fail(`step ${index}: applyToolkitEvent changed the state it was given`);
        }
        accepted.push(result.event);
        checkState(next, accepted, history);
        checkRepeatChangesNothing(next, step, index);
        state = next;
    });
    return state;
}

describe('c/voiceCallState properties', () => {
    afterAll(() => {
        process.stdout.write(`property tests: ${sequencesRun} sequences\n`);
    });

    it(
        'keeps every invariant after each step of several calls mixed with faults, repeats and reordering',
        () => {
            expectProperty(
                fc.property(eventSequence(MIXED_LENGTH), (steps) => {
                    sequencesRun += 1;
                    foldChecked(steps);
                }),
                MIXED_RUNS
            );
        },
        TIMEOUT_MS
    );

    it(
        'shows a transcript in time order, each line once with its latest text, whatever the arrival order',
        () => {
            expectProperty(
                fc.property(shuffledTimeline(TIMELINE_LINES), ({ lines, steps }) => {
                    sequencesRun += 1;
                    const state = foldChecked(steps);
                    const shown = logItems(callIn(state, CALL_A).transcript).map((item) => item.id);
                    const inTimeOrder = lines.map((line) => line.id);
                    if (shown.join() !== inTimeOrder.join()) {
                        fail(`transcript ${shown.join()}, in time order ${inTimeOrder.join()}`);
                    }
                }),
                TIMELINE_RUNS
            );
        },
        TIMEOUT_MS
    );

    it(
        'never lets one version of the state see another: an event applied to an old state is applied to it alone',
        () => {
            expectProperty(
                fc.property(
                    eventSequence(BRANCH_LENGTH),
                    fc.array(fc.nat(), { minLength: BRANCH_LENGTH, maxLength: BRANCH_LENGTH }),
                    (steps, backs) => {
                        sequencesRun += 1;
                        const states: VoiceCallConsoleState[] = [EMPTY_CONSOLE_STATE];
                        const accepted: ToolkitEvent[] = [];
                        steps.forEach((step, index) => {
                            const result = parse(step, index);
                            if (!result.ok) {
                                return;
                            }
                            const current = states[states.length - 1];
                            const older = states.length - 1 - (backs[index] % states.length);
                            const printOfOld = fingerprint(states[older]);
                            const next = apply(current, result.event, index);
                            const printOfNext = fingerprint(next);

                            const branch = apply(states[older], result.event, index);

                            if (
                                fingerprint(next) !== printOfNext ||
                                fingerprint(states[older]) !== printOfOld
                            ) {
                                fail(
                                    `step ${index}: applying to the state of step ${older} changed another state`
                                );
                            }
                            const fresh = applyToolkitEvent(
                                applyToolkitEvents(EMPTY_CONSOLE_STATE, accepted.slice(0, older)),
                                result.event
                            );
                            if (fingerprint(branch) !== fingerprint(fresh)) {
                                fail(
                                    `step ${index}: the branch from state ${older} differs from a fresh fold`
                                );
                            }
                            accepted.push(result.event);
                            states.push(next);
                        });
                    }
                ),
                BRANCH_RUNS
            );
        },
        TIMEOUT_MS
    );
});
