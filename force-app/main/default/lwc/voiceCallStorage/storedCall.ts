/**
 * The stored form of a call (version 1): what is written, and the parser that reads it back. Stored data is untrusted
 * input like a toolkit event: it is read field by field, never cast, and a wrong version or shape throws a
 * `StoredDataError` naming the field.
 */
import type { CallDirection, Sender } from 'c/voiceCallEvents';
import { normaliseRole } from 'c/voiceCallEvents';
import type {
    CallMoment,
    CallMessage,
    CallStatus,
    CallTimes,
    EarlyFlagLower,
    Flag,
    Participant,
    ParticipantKind,
    StoredCallParts,
    Utterance,
    VoiceCall
} from 'c/voiceCallState';
import { MAX_MOMENTS, MOMENT_KINDS, logItems } from 'c/voiceCallState';

/**
 * Written into every stored value; anything else is dropped. Bump it (and the key prefix) on any format change that
 * older data cannot be read as; a new field that reads as its default when absent (such as `heldMs`) needs no bump.
 */
export const STORAGE_VERSION = 1;

/** A message with short keys: a long transcript is thousands of them. The sender's role is kept as sent. */
interface StoredMessage {
    readonly id: string;
    readonly text: string;
    readonly role: string | undefined;
    readonly name: string | undefined;
    readonly server: number | undefined;
    readonly client: number | undefined;
    readonly at: number;
    readonly seq: number;
}

interface StoredSender {
    readonly role: string | undefined;
    readonly name: string | undefined;
}

interface StoredFlag extends StoredMessage {
    readonly loweredBy: StoredSender | undefined;
    readonly loweredAt: number | undefined;
}

interface StoredEarlyFlagLower extends StoredSender {
    readonly id: string | undefined;
    readonly at: number;
}

/** A call without its transcript, which is stored in chunks beside it. */
interface StoredCall {
    readonly version: number;
    readonly savedAt: number;
    readonly callId: string;
    readonly status: CallStatus;
    readonly direction: CallDirection;
    readonly rawCallType: string | undefined;
    readonly participants: readonly Participant[];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly flags: readonly StoredFlag[];
    readonly earlyFlagLowers: readonly StoredEarlyFlagLower[];
    readonly notes: readonly StoredMessage[];
    readonly times: CallTimes;
    readonly heldMs: number;
    readonly joinedMidCall: boolean;
    readonly firstSeenSeq: number;
    readonly moments: readonly CallMoment[];
    readonly transcriptChunks: number;
}

interface StoredChunk {
    readonly version: number;
    readonly callId: string;
    readonly chunk: number;
    readonly items: readonly StoredMessage[];
}

/** One call in the index: enough to expire it without reading it. */
export interface StoredIndexEntry {
    readonly callId: string;
    readonly savedAt: number;
    readonly endedAt: number | undefined;
}

interface StoredIndex {
    readonly version: number;
    readonly calls: readonly StoredIndexEntry[];
}

/** A stored call read back: its parts, when it was saved, and how many transcript chunks it has. */
export interface StoredCallHead {
    readonly savedAt: number;
    readonly transcriptChunks: number;
    readonly parts: Omit<StoredCallParts, 'transcript'>;
}

/* Writing. JSON.stringify leaves out the fields that are undefined. */

function storedSender(sender: Sender): StoredSender {
    return { role: sender.rawRole, name: sender.displayName };
}

function storedMessage(message: CallMessage): StoredMessage {
    return {
        id: message.id,
        text: message.text,
        role: message.sender.rawRole,
        name: message.sender.displayName,
        server: message.serverReceivedTimestamp,
        client: message.clientSentTimestamp,
        at: message.at,
        seq: message.seq
    };
}

function storedFlag(flag: Flag): StoredFlag {
    return {
        ...storedMessage(flag),
        loweredBy: flag.loweredBy === undefined ? undefined : storedSender(flag.loweredBy),
        loweredAt: flag.loweredAt
    };
}

/** The call's stored form, without its transcript (see `serialiseChunk`). */
export function serialiseCall(call: VoiceCall, savedAt: number, transcriptChunks: number): string {
    const stored: StoredCall = {
        version: STORAGE_VERSION,
        savedAt,
        callId: call.callId,
        status: call.status,
        direction: call.direction,
        rawCallType: call.rawCallType,
        participants: call.participants.map(({ name, kind, onHold, joinedAt, holdChangedAt, heldMs }) => ({
            name,
            kind,
            onHold,
            joinedAt,
            holdChangedAt,
            heldMs
        })),
        muted: call.muted,
        recordingPaused: call.recordingPaused,
        flags: call.flags.map(storedFlag),
        earlyFlagLowers: call.earlyFlagLowers.map(({ id, by, at }) => ({ id, ...storedSender(by), at })),
        notes: logItems(call.notes).map(storedMessage),
        times: { ...call.times },
        heldMs: call.heldMs,
        joinedMidCall: call.joinedMidCall,
        firstSeenSeq: call.firstSeenSeq,
        moments: call.moments.map(({ id, kind, at, participant }) => ({ id, kind, at, participant })),
        transcriptChunks
    };
    return JSON.stringify(stored);
}

/** One chunk of a call's transcript: the utterances from position `chunk * size`, in order. */
export function serialiseChunk(callId: string, chunk: number, utterances: readonly Utterance[]): string {
    const stored: StoredChunk = {
        version: STORAGE_VERSION,
        callId,
        chunk,
        items: utterances.map(storedMessage)
    };
    return JSON.stringify(stored);
}

export function serialiseIndex(calls: readonly StoredIndexEntry[]): string {
    const stored: StoredIndex = { version: STORAGE_VERSION, calls };
    return JSON.stringify(stored);
}

/* Reading. */

/** Stored data that is not what this version writes; `message` names the field. */
export class StoredDataError extends Error {
    override readonly name = 'StoredDataError';
}

type Fields = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads typed fields of one stored object; every error names the field's path. */
class StoredReader {
    private constructor(
        private readonly fields: Fields,
        private readonly path: string
    ) {}

    static of(value: unknown, path: string): StoredReader {
        if (!isRecord(value)) {
            throw new StoredDataError(`${path} is not an object`);
        }
        return new StoredReader(value, path);
    }

    /** Parses JSON text and checks its version. */
    static parse(text: string, path: string): StoredReader {
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch {
            throw new StoredDataError(`${path} is not JSON`);
        }
        const reader = StoredReader.of(value, path);
        const version = reader.fields.version;
        if (version !== STORAGE_VERSION) {
            throw new StoredDataError(
                `${path} has version ${version === undefined ? 'none' : JSON.stringify(version)}, expected ${String(STORAGE_VERSION)}`
            );
        }
        return reader;
    }

    private at(key: string): string {
        return `${this.path}.${key}`;
    }

    private wrong(key: string, expected: string): StoredDataError {
        return new StoredDataError(`${this.at(key)} is not ${expected}`);
    }

    /** Absent and null read as undefined. */
    private optional(key: string): unknown {
        const value = this.fields[key];
        return value === null ? undefined : value;
    }

    string(key: string): string {
        const value = this.fields[key];
        if (typeof value !== 'string') {
            throw this.wrong(key, 'a string');
        }
        return value;
    }

    optionalString(key: string): string | undefined {
        const value = this.optional(key);
        if (value !== undefined && typeof value !== 'string') {
            throw this.wrong(key, 'a string');
        }
        return value;
    }

    number(key: string): number {
        const value = this.fields[key];
        if (typeof value !== 'number' || !Number.isFinite(value)) {
            throw this.wrong(key, 'a number');
        }
        return value;
    }

    optionalNumber(key: string): number | undefined {
        return this.optional(key) === undefined ? undefined : this.number(key);
    }

    /** A length of time in ms (finite, not negative); absent or null (data saved before it was kept) reads as 0. */
    duration(key: string): number {
        const value = this.optionalNumber(key) ?? 0;
        if (value < 0) {
            throw this.wrong(key, 'a duration');
        }
        return value;
    }

    count(key: string): number {
        const value = this.number(key);
        if (!Number.isSafeInteger(value) || value < 0) {
            throw this.wrong(key, 'a count');
        }
        return value;
    }

    boolean(key: string): boolean {
        const value = this.fields[key];
        if (typeof value !== 'boolean') {
            throw this.wrong(key, 'a boolean');
        }
        return value;
    }

    oneOf<T extends string>(key: string, allowed: readonly T[]): T {
        const value = this.fields[key];
        const found = allowed.find((candidate) => candidate === value);
        if (found === undefined) {
            throw this.wrong(key, `one of ${allowed.join(', ')}`);
        }
        return found;
    }

    object(key: string): StoredReader {
        return StoredReader.of(this.fields[key], this.at(key));
    }

    optionalObject(key: string): StoredReader | undefined {
        return this.optional(key) === undefined ? undefined : this.object(key);
    }

    /** Each element of the array at `key`, read by `read`. */
    /** A list; absent or null (data saved before it was kept) reads as none. */
    optionalList<T>(key: string, read: (element: StoredReader) => T): T[] {
        return this.optional(key) === undefined ? [] : this.list(key, read);
    }

    list<T>(key: string, read: (element: StoredReader) => T): T[] {
        const value = this.fields[key];
        if (!Array.isArray(value)) {
            throw this.wrong(key, 'an array');
        }
        const elements: readonly unknown[] = value;
        return elements.map((element, index) =>
            read(StoredReader.of(element, `${this.at(key)}[${String(index)}]`))
        );
    }
}

const STATUSES: readonly CallStatus[] = ['connecting', 'connected', 'ended', 'wrapUpComplete'];
const DIRECTIONS: readonly CallDirection[] = ['Inbound', 'Outbound', 'Unknown'];
const PARTICIPANT_KINDS: readonly ParticipantKind[] = ['Initial_Caller', 'Third_Party'];

function readSender(read: StoredReader): Sender {
    const rawRole = read.optionalString('role');
    return { role: normaliseRole(rawRole), rawRole, displayName: read.optionalString('name') };
}

function readMessage(read: StoredReader): CallMessage {
    return {
        id: read.string('id'),
        text: read.string('text'),
        sender: readSender(read),
        serverReceivedTimestamp: read.optionalNumber('server'),
        clientSentTimestamp: read.optionalNumber('client'),
        at: read.number('at'),
        seq: read.number('seq')
    };
}

function readFlag(read: StoredReader): Flag {
    const loweredBy = read.optionalObject('loweredBy');
    return {
        ...readMessage(read),
        loweredBy: loweredBy === undefined ? undefined : readSender(loweredBy),
        loweredAt: read.optionalNumber('loweredAt')
    };
}

function readEarlyFlagLower(read: StoredReader): EarlyFlagLower {
    return { id: read.optionalString('id'), by: readSender(read), at: read.number('at') };
}

function readMoment(read: StoredReader): CallMoment {
    return {
        id: read.string('id'),
        kind: read.oneOf('kind', MOMENT_KINDS),
        at: read.number('at'),
        participant: read.optionalString('participant')
    };
}

function readParticipant(read: StoredReader): Participant {
    return {
        name: read.string('name'),
        kind: read.oneOf('kind', PARTICIPANT_KINDS),
        onHold: read.boolean('onHold'),
        joinedAt: read.number('joinedAt'),
        holdChangedAt: read.optionalNumber('holdChangedAt'),
        heldMs: read.duration('heldMs')
    };
}

function readTimes(read: StoredReader): CallTimes {
    return {
        startedAt: read.optionalNumber('startedAt'),
        connectedAt: read.optionalNumber('connectedAt'),
        endedAt: read.optionalNumber('endedAt'),
        wrapUpEndedAt: read.optionalNumber('wrapUpEndedAt'),
        mutedChangedAt: read.optionalNumber('mutedChangedAt'),
        recordingChangedAt: read.optionalNumber('recordingChangedAt'),
        conferencedAt: read.optionalNumber('conferencedAt'),
        swappedAt: read.optionalNumber('swappedAt'),
        updatedAt: read.number('updatedAt')
    };
}

/** The stored call `callId` (without its transcript); throws a StoredDataError when it is not exactly that. */
export function parseStoredCall(text: string, callId: string): StoredCallHead {
    const read = StoredReader.parse(text, `call ${callId}`);
    const storedId = read.string('callId');
    if (storedId !== callId) {
        throw new StoredDataError(`call ${callId} holds call ${storedId}`);
    }
    return {
        savedAt: read.number('savedAt'),
        transcriptChunks: read.count('transcriptChunks'),
        parts: {
            callId,
            status: read.oneOf('status', STATUSES),
            direction: read.oneOf('direction', DIRECTIONS),
            rawCallType: read.optionalString('rawCallType'),
            participants: read.list('participants', readParticipant),
            muted: read.boolean('muted'),
            recordingPaused: read.boolean('recordingPaused'),
            flags: read.list('flags', readFlag),
            earlyFlagLowers: read.list('earlyFlagLowers', readEarlyFlagLower),
            notes: read.list('notes', readMessage),
            times: readTimes(read.object('times')),
            heldMs: read.duration('heldMs'),
            joinedMidCall: read.boolean('joinedMidCall'),
            firstSeenSeq: read.number('firstSeenSeq'),
            moments: read.optionalList('moments', readMoment).slice(-MAX_MOMENTS)
        }
    };
}

/** The utterances of chunk `chunk` of call `callId`'s transcript. */
export function parseStoredChunk(text: string, callId: string, chunk: number): Utterance[] {
    const path = `call ${callId} transcript chunk ${String(chunk)}`;
    const read = StoredReader.parse(text, path);
    if (read.string('callId') !== callId || read.count('chunk') !== chunk) {
        throw new StoredDataError(`${path} holds another chunk`);
    }
    return read.list('items', readMessage);
}

export function parseStoredIndex(text: string): StoredIndexEntry[] {
    return StoredReader.parse(text, 'index').list('calls', (read) => ({
        callId: read.string('callId'),
        savedAt: read.number('savedAt'),
        endedAt: read.optionalNumber('endedAt')
    }));
}
