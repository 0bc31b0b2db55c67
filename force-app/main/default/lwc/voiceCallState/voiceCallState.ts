/**
 * The call state the console shows, folded from typed toolkit events: pure, immutable, no DOM.
 * `applyToolkitEvent(state, event)` returns the next state (the same object when nothing changed), through
 * one handler per event type in a table the compiler checks is exhaustive.
 */
import type {
    AudioStats,
    CallDirection,
    MessageTimes,
    Sender,
    ToolkitEvent,
    ToolkitEventName
} from 'c/voiceCallEvents';
import { emptyLog, logFind, logFromOrderedItems, logItems, logUpsert } from './orderedLog';
import type { OrderedLog } from './orderedLog';

export type { OrderedLog } from './orderedLog';
export { logItems, logTail, logLast, logFind } from './orderedLog';

/** A call's progress; it only moves forward, so a replayed or late event never undoes it. */
export type CallStatus = 'connecting' | 'connected' | 'ended' | 'wrapUpComplete';

const STATUS_RANK: Readonly<Record<CallStatus, number>> = {
    connecting: 0,
    connected: 1,
    ended: 2,
    wrapUpComplete: 3
};

export type ParticipantKind = 'Initial_Caller' | 'Third_Party';

export interface Participant {
    /** The phone number or Quick Connect name, as the toolkit sent it. */
    readonly name: string;
    readonly kind: ParticipantKind;
    readonly onHold: boolean;
    readonly joinedAt: number;
    /** When the hold state last changed (while on hold: when the current hold began); undefined when it never did. */
    readonly holdChangedAt: number | undefined;
    /** Total time of this party's completed holds, in ms; the current hold is not in it. */
    readonly heldMs: number;
}

/** An utterance, flag or note: who sent what, and when. */
export interface CallMessage extends MessageTimes {
    readonly id: string;
    readonly text: string;
    readonly sender: Sender;
    /** The time it is shown at and ordered by: server time, else client time, else arrival. */
    readonly at: number;
    /** Arrival order across all events: the last tie-break. */
    readonly seq: number;
}

export type Utterance = CallMessage;
export type Note = CallMessage;

export interface Flag extends CallMessage {
    readonly loweredBy: Sender | undefined;
    readonly loweredAt: number | undefined;
}

/** A flaglower that arrived before the flag it lowers; applied when that flag is raised. */
export interface EarlyFlagLower {
    readonly id: string | undefined;
    readonly by: Sender;
    readonly at: number;
}

export interface AudioStatsSample extends AudioStats {
    readonly receivedAt: number;
}

/** When each change happened (ms since the epoch); undefined until it does. */
export interface CallTimes {
    readonly startedAt: number | undefined;
    readonly connectedAt: number | undefined;
    readonly endedAt: number | undefined;
    readonly wrapUpEndedAt: number | undefined;
    readonly mutedChangedAt: number | undefined;
    readonly recordingChangedAt: number | undefined;
    readonly conferencedAt: number | undefined;
    readonly swappedAt: number | undefined;
    readonly updatedAt: number;
}

export interface VoiceCall {
    readonly callId: string;
    readonly status: CallStatus;
    readonly direction: CallDirection;
    readonly rawCallType: string | undefined;
    /** The parties other than the agent, in the order they joined. */
    readonly participants: readonly Participant[];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly transcript: OrderedLog<Utterance>;
    readonly flags: readonly Flag[];
    /** Lowers that found no open flag: events can arrive out of order. */
    readonly earlyFlagLowers: readonly EarlyFlagLower[];
    readonly notes: OrderedLog<Note>;
    readonly audioStats: AudioStatsSample | undefined;
    readonly times: CallTimes;
    /** Total time of every completed hold of the call, in ms, including those of parties who have left. */
    readonly heldMs: number;
    /** True when the first event seen for this call was not callstarted or callconnected. */
    readonly joinedMidCall: boolean;
    /** Order in which calls were first seen. */
    readonly firstSeenSeq: number;
    /** The call events that changed it (holds, parties, mute, recording...), in arrival order; see MAX_MOMENTS. */
    readonly moments: readonly CallMoment[];
    /** Set when the call comes from storage (a reload): when the saved copy it was restored from was written. */
    readonly restoredAt?: number | undefined;
}

/** What a call moment records: the call events shown between the utterances on the call's timeline. */
export const MOMENT_KINDS = [
    'callconnected',
    'callended',
    'hold',
    'resume',
    'participantadded',
    'participantremoved',
    'mute',
    'unmute',
    'pauserecording',
    'resumerecording',
    'conference',
    'swap'
] as const;

export type MomentKind = (typeof MOMENT_KINDS)[number];

/** A call event that changed the call, when it arrived (these events carry no time of their own). */
export interface CallMoment {
    /** Unique in the call: "m" and the event's arrival order. */
    readonly id: string;
    readonly kind: MomentKind;
    readonly at: number;
    /** The participant the event names (hold, resume, added, removed). */
    readonly participant: string | undefined;
}

/** Moments kept per call; the oldest leave first. */
export const MAX_MOMENTS = 500;

export interface VoiceCallConsoleState {
    readonly calls: ReadonlyMap<string, VoiceCall>;
    /** The newest call that has not ended. */
    readonly activeCallId: string | undefined;
    /** What the console shows: the active call, else the last one shown (an ended call stays until the next). */
    readonly shownCallId: string | undefined;
    /** Events applied so far; gives each its arrival order. */
    readonly seq: number;
}

/** Calls kept at most; the oldest that are neither active nor shown are dropped first. */
export const MAX_KEPT_CALLS = 20;

/** Early flag lowers kept per call; older ones are dropped. */
const MAX_EARLY_FLAG_LOWERS = 10;

export const EMPTY_CONSOLE_STATE: VoiceCallConsoleState = Object.freeze({
    calls: new Map<string, VoiceCall>(),
    activeCallId: undefined,
    shownCallId: undefined,
    seq: 0
});

export function isLive(call: VoiceCall): boolean {
    return STATUS_RANK[call.status] < STATUS_RANK.ended;
}

/** A three-way call: two or more parties besides the agent, none on hold. */
export function isConference(call: VoiceCall): boolean {
    return call.participants.length >= 2 && call.participants.every((participant) => !participant.onHold);
}

export function heldParticipants(call: VoiceCall): readonly Participant[] {
    return call.participants.filter((participant) => participant.onHold);
}

export function openFlag(call: VoiceCall): Flag | undefined {
    for (let index = call.flags.length - 1; index >= 0; index--) {
        if (call.flags[index].loweredAt === undefined) {
            return call.flags[index];
        }
    }
    return undefined;
}

/* Elapsed times (ms) at `now`, for live timers: a call's timers stop at its end, so an ended call's stay still. */

/** When the call stopped: its end, else (ended unseen) its wrap-up or last change; undefined while it is live. */
export function callEndTime(call: VoiceCall): number | undefined {
    return isLive(call)
        ? undefined
        : (call.times.endedAt ?? call.times.wrapUpEndedAt ?? call.times.updatedAt);
}

/** From `from` to the call's end, or to `now` while it is live; never negative; undefined when either is unknown. */
function callElapsed(call: VoiceCall, from: number | undefined, now: number | undefined): number | undefined {
    const end = callEndTime(call) ?? now;
    return from === undefined || end === undefined ? undefined : Math.max(0, end - from);
}

/** How long the call has lasted: from its connection, else its start; undefined when neither was seen. */
export function callDurationMs(call: VoiceCall, now: number | undefined): number | undefined {
    return callElapsed(call, call.times.connectedAt ?? call.times.startedAt, now);
}

/** How long the party's current hold has lasted; undefined when it is not on hold. */
export function currentHoldMs(
    call: VoiceCall,
    participant: Participant,
    now: number | undefined
): number | undefined {
    return participant.onHold ? callElapsed(call, participant.holdChangedAt, now) : undefined;
}

/** How long the recording has been paused; undefined while it is not. */
export function recordingPausedMs(call: VoiceCall, now: number | undefined): number | undefined {
    return call.recordingPaused ? callElapsed(call, call.times.recordingChangedAt, now) : undefined;
}

/** How long the flag waited for help: until it was lowered, else until `now`; never negative. */
export function flagWaitMs(flag: Flag, now: number | undefined): number | undefined {
    const end = flag.loweredAt ?? now;
    return end === undefined ? undefined : Math.max(0, end - flag.at);
}

/** The length of the party's current hold if it ended at `at` (0 when not on hold). */
function holdLength(call: VoiceCall, participant: Participant, at: number): number {
    return currentHoldMs(call, participant, at) ?? 0;
}

/**
 * Whether two versions of a call agree on everything but their transcript, flags, notes, audio statistics and
 * last-update time: the call's "header" (status, direction, parties and hold, mute, recording, its times). A new
 * transcript line changes none of it, so a view of the header can keep its input and skip a render.
 */
export function sameCallHeader(a: VoiceCall, b: VoiceCall): boolean {
    if (a === b) {
        return true;
    }
    const [ta, tb] = [a.times, b.times];
    return (
        a.callId === b.callId &&
        a.status === b.status &&
        a.direction === b.direction &&
        a.rawCallType === b.rawCallType &&
        a.participants === b.participants &&
        a.muted === b.muted &&
        a.recordingPaused === b.recordingPaused &&
        a.heldMs === b.heldMs &&
        a.joinedMidCall === b.joinedMidCall &&
        a.restoredAt === b.restoredAt &&
        ta.startedAt === tb.startedAt &&
        ta.connectedAt === tb.connectedAt &&
        ta.endedAt === tb.endedAt &&
        ta.wrapUpEndedAt === tb.wrapUpEndedAt &&
        ta.mutedChangedAt === tb.mutedChangedAt &&
        ta.recordingChangedAt === tb.recordingChangedAt &&
        ta.conferencedAt === tb.conferencedAt &&
        ta.swappedAt === tb.swappedAt
    );
}

export function shownCall(state: VoiceCallConsoleState): VoiceCall | undefined {
    return state.shownCallId === undefined ? undefined : state.calls.get(state.shownCallId);
}

/** Phone numbers match whatever their punctuation; names match ignoring case and outer spaces. */
function participantKey(name: string): string {
    const trimmed = name.trim();
    return /^[\d\s()+\-.]+$/.test(trimmed) && /\d/.test(trimmed)
        ? trimmed.replace(/[^\d]/g, '')
        : trimmed.toLowerCase();
}

function findParticipant(call: VoiceCall, name: string): number {
    const key = participantKey(name);
    return call.participants.findIndex((participant) => participantKey(participant.name) === key);
}

function withStatus(call: VoiceCall, status: CallStatus): VoiceCall {
    return STATUS_RANK[status] > STATUS_RANK[call.status] ? { ...call, status } : call;
}

function withTimes(call: VoiceCall, times: Partial<CallTimes>): VoiceCall {
    return { ...call, times: { ...call.times, ...times } };
}

/** Adds the participant if the call does not know it yet; unless `kind` is given, the first is the initial caller. */
function withParticipant(
    call: VoiceCall,
    name: string,
    at: number,
    onHold = false,
    kind?: ParticipantKind
): VoiceCall {
    if (findParticipant(call, name) !== -1) {
        return call;
    }
    const participant: Participant = {
        name,
        kind:
            kind ??
            (call.participants.some((known) => known.kind === 'Initial_Caller')
                ? 'Third_Party'
                : 'Initial_Caller'),
        onHold,
        joinedAt: at,
        holdChangedAt: onHold ? at : undefined,
        heldMs: 0
    };
    return { ...call, participants: [...call.participants, participant] };
}

function withHold(call: VoiceCall, name: string, onHold: boolean, at: number): VoiceCall {
    const position = findParticipant(call, name);
    if (position === -1) {
        // The console joined mid-call: the toolkit just told us this party exists, and its hold state.
        return withParticipant(call, name, at, onHold);
    }
    return withAllHolds(call, at, (participant, index) => (index === position ? onHold : participant.onHold));
}

/** Each party's hold as `nextHold` says; a hold that ends adds its length to the party's and the call's totals. */
function withAllHolds(
    call: VoiceCall,
    at: number,
    nextHold: (participant: Participant, index: number) => boolean
): VoiceCall {
    let ended = 0;
    const participants = call.participants.map((participant, index) => {
        const onHold = nextHold(participant, index);
        if (onHold === participant.onHold) {
            return participant;
        }
        const length = holdLength(call, participant, at);
        ended += length;
        return { ...participant, onHold, holdChangedAt: at, heldMs: participant.heldMs + length };
    });
    return participants.some((participant, index) => participant !== call.participants[index])
        ? { ...call, participants, heldMs: call.heldMs + ended }
        : call;
}

function withMuted(call: VoiceCall, muted: boolean, at: number): VoiceCall {
    return call.muted === muted ? call : withTimes({ ...call, muted }, { mutedChangedAt: at });
}

function withRecordingPaused(call: VoiceCall, recordingPaused: boolean, at: number): VoiceCall {
    return call.recordingPaused === recordingPaused
        ? call
        : withTimes({ ...call, recordingPaused }, { recordingChangedAt: at });
}

function messageTime(event: MessageTimes & { receivedAt: number }): number {
    return event.serverReceivedTimestamp ?? event.clientSentTimestamp ?? event.receivedAt;
}

/** Ordered by serverReceivedTimestamp, then clientSentTimestamp, then arrival. */
export function compareMessages(a: CallMessage, b: CallMessage): number {
    return a.at - b.at || (a.clientSentTimestamp ?? a.at) - (b.clientSentTimestamp ?? b.at) || a.seq - b.seq;
}

const messageId = (message: CallMessage): string => message.id;

function sameMessage(a: CallMessage, b: CallMessage): boolean {
    return (
        a.text === b.text &&
        a.at === b.at &&
        a.clientSentTimestamp === b.clientSentTimestamp &&
        a.sender.rawRole === b.sender.rawRole &&
        a.sender.displayName === b.sender.displayName
    );
}

function toMessage(event: ToolkitEvent<'transcript' | 'note' | 'flagraise'>, seq: number): CallMessage {
    return {
        id: event.id,
        text: event.text,
        sender: event.sender,
        serverReceivedTimestamp: event.serverReceivedTimestamp,
        clientSentTimestamp: event.clientSentTimestamp,
        at: messageTime(event),
        seq
    };
}

/**
 * A message keeps its first arrival order when it is sent again, and its first time when it has no timestamps
 * (its time is then when it arrived), so a replay does not move it.
 */
function upsertMessage<T extends CallMessage>(log: OrderedLog<T>, message: T): OrderedLog<T> {
    const known = logFind(log, message.id);
    const untimed =
        message.serverReceivedTimestamp === undefined && message.clientSentTimestamp === undefined;
    const kept =
        known === undefined ? message : { ...message, seq: known.seq, at: untimed ? known.at : message.at };
    return logUpsert(log, kept, messageId, compareMessages, sameMessage);
}

type Handler<K extends ToolkitEventName> = (
    call: VoiceCall,
    event: ToolkitEvent<K>,
    seq: number
) => VoiceCall;

type HandlerTable = { readonly [K in ToolkitEventName]: Handler<K> };

function started(call: VoiceCall, event: ToolkitEvent<'callstarted' | 'callconnected'>): VoiceCall {
    let next = call;
    if (next.direction === 'Unknown' && event.direction !== 'Unknown') {
        next = { ...next, direction: event.direction, rawCallType: event.rawCallType };
    } else if (next.rawCallType === undefined && event.rawCallType !== undefined) {
        next = { ...next, rawCallType: event.rawCallType };
    }
    return event.participant === undefined
        ? next
        : withParticipant(next, event.participant, event.receivedAt);
}

/** One handler per event; a new event name without a handler here does not compile. */
const HANDLERS: HandlerTable = {
    callstarted: (call, event) =>
        started(
            call.times.startedAt === undefined ? withTimes(call, { startedAt: event.receivedAt }) : call,
            event
        ),
    callconnected: (call, event) => {
        const connected = withStatus(call, 'connected');
        const timed =
            connected.times.connectedAt === undefined
                ? withTimes(connected, { connectedAt: event.receivedAt })
                : connected;
        return started(timed, event);
    },
    callended: (call, event) => {
        const ended = withStatus(call, 'ended');
        return ended.times.endedAt === undefined ? withTimes(ended, { endedAt: event.receivedAt }) : ended;
    },
    wrapupended: (call, event) => {
        const done = withStatus(call, 'wrapUpComplete');
        return done.times.wrapUpEndedAt === undefined
            ? withTimes(done, { wrapUpEndedAt: event.receivedAt })
            : done;
    },
    hold: (call, event) => withHold(call, event.participant, true, event.receivedAt),
    resume: (call, event) => withHold(call, event.participant, false, event.receivedAt),
    participantadded: (call, event) =>
        withParticipant(call, event.participant, event.receivedAt, false, 'Third_Party'),
    participantremoved: (call, event) => {
        const position = findParticipant(call, event.participant);
        if (position === -1) {
            return call;
        }
        // A party who leaves on hold ends that hold: it counts in the call's total.
        const leaving = call.participants[position];
        return {
            ...call,
            participants: call.participants.filter((_, index) => index !== position),
            heldMs: call.heldMs + holdLength(call, leaving, event.receivedAt)
        };
    },
    // A conference or swap that changes no hold, once one was seen, is a replay: it changes nothing.
    conference: (call, event) => {
        const released = withAllHolds(call, event.receivedAt, () => false);
        return released === call && call.times.conferencedAt !== undefined
            ? call
            : withTimes(released, { conferencedAt: event.receivedAt });
    },
    swap: (call, event) => {
        const swapped = withAllHolds(call, event.receivedAt, (participant) => !participant.onHold);
        return swapped === call && call.times.swappedAt !== undefined
            ? call
            : withTimes(swapped, { swappedAt: event.receivedAt });
    },
    mute: (call, event) => withMuted(call, true, event.receivedAt),
    unmute: (call, event) => withMuted(call, false, event.receivedAt),
    pauserecording: (call, event) => withRecordingPaused(call, true, event.receivedAt),
    resumerecording: (call, event) => withRecordingPaused(call, false, event.receivedAt),
    transcript: (call, event, seq) => {
        const transcript = upsertMessage(call.transcript, toMessage(event, seq));
        return transcript === call.transcript ? call : { ...call, transcript };
    },
    note: (call, event, seq) => {
        const notes = upsertMessage(call.notes, toMessage(event, seq));
        return notes === call.notes ? call : { ...call, notes };
    },
    flagraise: (call, event, seq) => {
        if (call.flags.some((flag) => flag.id === event.id)) {
            return call;
        }
        const raised = toMessage(event, seq);
        // A lower that arrived first applies to the flag it names, or (naming none) to one raised before it.
        const early = call.earlyFlagLowers.find((lower) =>
            lower.id === undefined ? lower.at >= raised.at : lower.id === raised.id
        );
        const flag: Flag = { ...raised, loweredBy: early?.by, loweredAt: early?.at };
        return {
            ...call,
            flags: [...call.flags, flag].sort(compareMessages),
            earlyFlagLowers: call.earlyFlagLowers.filter((lower) => lower !== early)
        };
    },
    flaglower: (call, event) => {
        // The flag this lower names; a lower naming an already lowered flag is a replay and changes nothing.
        const named = call.flags.find((flag) => flag.id === event.id);
        if (named !== undefined && named.loweredAt !== undefined) {
            return call;
        }
        const at = messageTime(event);
        const sameLower = (time: number | undefined, by: Sender | undefined): boolean =>
            time === at &&
            by !== undefined &&
            by.rawRole === event.sender.rawRole &&
            by.displayName === event.sender.displayName;
        // Naming no raised flag, it is a replay when a like lower (same time, same sender) lowered one or waits.
        if (
            named === undefined &&
            (call.flags.some((flag) => sameLower(flag.loweredAt, flag.loweredBy)) ||
                call.earlyFlagLowers.some((early) => early.id === event.id && sameLower(early.at, early.by)))
        ) {
            return call;
        }
        const target = named ?? openFlag(call);
        if (target === undefined) {
            const early: EarlyFlagLower = { id: event.id, by: event.sender, at };
            return {
                ...call,
                earlyFlagLowers: [...call.earlyFlagLowers, early].slice(-MAX_EARLY_FLAG_LOWERS)
            };
        }
        const lowered: Flag = { ...target, loweredBy: event.sender, loweredAt: at };
        return { ...call, flags: call.flags.map((flag) => (flag === target ? lowered : flag)) };
    },
    audiostats: (call, event) => ({
        ...call,
        audioStats: {
            packetsLost: event.packetsLost,
            packetsCount: event.packetsCount,
            jitterBufferMillis: event.jitterBufferMillis,
            roundTripTimeMillis: event.roundTripTimeMillis,
            statsCount: event.statsCount,
            stats: event.stats,
            receivedAt: event.receivedAt
        }
    })
};

function isMomentKind(type: ToolkitEventName): type is MomentKind {
    return (MOMENT_KINDS as readonly string[]).includes(type);
}

/** The call with a moment for `event`, which changed it, when the event is one the timeline shows. */
function withMoment(call: VoiceCall, event: ToolkitEvent, seq: number): VoiceCall {
    const kind = event.type;
    if (!isMomentKind(kind)) {
        return call;
    }
    const moment: CallMoment = {
        id: `m${String(seq)}`,
        kind,
        at: event.receivedAt,
        participant:
            'participant' in event && typeof event.participant === 'string' ? event.participant : undefined
    };
    return { ...call, moments: [...call.moments.slice(1 - MAX_MOMENTS), moment] };
}

function runHandler<K extends ToolkitEventName>(
    call: VoiceCall,
    event: ToolkitEvent<K>,
    seq: number
): VoiceCall {
    const handler: Handler<K> = HANDLERS[event.type];
    return handler(call, event, seq);
}

function newCall(event: ToolkitEvent, seq: number): VoiceCall {
    const fromStart = event.type === 'callstarted' || event.type === 'callconnected';
    return {
        callId: event.callId,
        // Any event but callstarted means the call is already under way (the console loaded mid-call).
        status: event.type === 'callstarted' ? 'connecting' : 'connected',
        direction: 'Unknown',
        rawCallType: undefined,
        participants: [],
        muted: false,
        recordingPaused: false,
        transcript: emptyLog<Utterance>(),
        flags: [],
        earlyFlagLowers: [],
        notes: emptyLog<Note>(),
        audioStats: undefined,
        heldMs: 0,
        times: {
            startedAt: undefined,
            connectedAt: undefined,
            endedAt: undefined,
            wrapUpEndedAt: undefined,
            mutedChangedAt: undefined,
            recordingChangedAt: undefined,
            conferencedAt: undefined,
            swappedAt: undefined,
            updatedAt: event.receivedAt
        },
        joinedMidCall: !fromStart,
        firstSeenSeq: seq,
        moments: []
    };
}

function newestLiveCall(calls: ReadonlyMap<string, VoiceCall>): string | undefined {
    let newest: VoiceCall | undefined;
    for (const call of calls.values()) {
        if (isLive(call) && (newest === undefined || call.firstSeenSeq > newest.firstSeenSeq)) {
            newest = call;
        }
    }
    return newest?.callId;
}

function pruned(
    calls: Map<string, VoiceCall>,
    keep: ReadonlySet<string | undefined>
): Map<string, VoiceCall> {
    while (calls.size > MAX_KEPT_CALLS) {
        let oldest: VoiceCall | undefined;
        for (const call of calls.values()) {
            if (!keep.has(call.callId) && (oldest === undefined || call.firstSeenSeq < oldest.firstSeenSeq)) {
                oldest = call;
            }
        }
        if (oldest === undefined) {
            break;
        }
        calls.delete(oldest.callId);
    }
    return calls;
}

/** Folds one typed toolkit event into the state. Pure: returns `state` itself when nothing changed. */
export function applyToolkitEvent(state: VoiceCallConsoleState, event: ToolkitEvent): VoiceCallConsoleState {
    const seq = state.seq + 1;
    const known = state.calls.get(event.callId);
    const before = known ?? newCall(event, seq);
    const changed = runHandler(before, event, seq);
    if (changed === known) {
        return state;
    }
    const handled = changed === before ? changed : withMoment(changed, event, seq);
    const call = { ...handled, times: { ...handled.times, updatedAt: event.receivedAt } };
    const calls = new Map(state.calls).set(call.callId, call);
    const activeCallId =
        isLive(call) && (state.activeCallId === undefined || known === undefined)
            ? call.callId
            : state.activeCallId === call.callId && !isLive(call)
              ? newestLiveCall(calls)
              : state.activeCallId;
    const shownCallId = activeCallId ?? state.shownCallId ?? call.callId;
    return { calls: pruned(calls, new Set([activeCallId, shownCallId])), activeCallId, shownCallId, seq };
}

/** Folds a list of typed events, in order. */
export function applyToolkitEvents(
    state: VoiceCallConsoleState,
    events: Iterable<ToolkitEvent>
): VoiceCallConsoleState {
    let next = state;
    for (const event of events) {
        next = applyToolkitEvent(next, event);
    }
    return next;
}

/* Restoring saved calls (see c/voiceCallStorage): building a call and a console state from stored parts. */

export { logFromOrderedItems, logSharedPrefix, logSlice, logWindowStart } from './orderedLog';

/** What storage keeps of a call: everything but the audio statistics, with each log as a plain list of items. */
export interface StoredCallParts extends Omit<
    VoiceCall,
    'transcript' | 'notes' | 'audioStats' | 'restoredAt'
> {
    readonly transcript: readonly Utterance[];
    readonly notes: readonly Note[];
}

/** The items in message order, the first of each id kept (O(n log n)); in-order input is not re-sorted. */
function orderedDistinct<T extends CallMessage>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    const distinct: T[] = [];
    for (const item of items) {
        if (!seen.has(item.id)) {
            seen.add(item.id);
            distinct.push(item);
        }
    }
    const inOrder = distinct.every(
        (item, index) => index === 0 || compareMessages(distinct[index - 1], item) <= 0
    );
    return inOrder ? distinct : distinct.sort(compareMessages);
}

/**
 * A call rebuilt from stored parts, marked with `restoredAt` (when its saved copy was written). Its logs are
 * rebuilt in message order without duplicate ids, so events that arrive after the restore merge as usual.
 */
export function restoredCall(parts: StoredCallParts, restoredAt: number): VoiceCall {
    return {
        ...parts,
        transcript: logFromOrderedItems(orderedDistinct(parts.transcript), messageId),
        notes: logFromOrderedItems(orderedDistinct(parts.notes), messageId),
        flags: orderedDistinct(parts.flags),
        audioStats: undefined,
        restoredAt
    };
}

function maxSeq(call: VoiceCall): number {
    let seq = call.firstSeenSeq;
    for (const messages of [logItems(call.transcript), logItems(call.notes), call.flags]) {
        for (const message of messages) {
            seq = Math.max(seq, message.seq);
        }
    }
    return seq;
}

/**
 * The console state of restored calls: the newest live call is active, else the call that changed last is shown;
 * the arrival counter continues after every restored item, so later events sort after them.
 */
export function restoredConsoleState(restored: readonly VoiceCall[]): VoiceCallConsoleState {
    if (restored.length === 0) {
        return EMPTY_CONSOLE_STATE;
    }
    const calls = new Map<string, VoiceCall>();
    let seq = 0;
    let lastChanged: VoiceCall | undefined;
    for (const call of restored) {
        if (calls.has(call.callId)) {
            continue;
        }
        calls.set(call.callId, call);
        seq = Math.max(seq, maxSeq(call));
        if (lastChanged === undefined || call.times.updatedAt > lastChanged.times.updatedAt) {
            lastChanged = call;
        }
    }
    const activeCallId = newestLiveCall(calls);
    const shownCallId = activeCallId ?? lastChanged?.callId;
    return { calls: pruned(calls, new Set([activeCallId, shownCallId])), activeCallId, shownCallId, seq };
}
