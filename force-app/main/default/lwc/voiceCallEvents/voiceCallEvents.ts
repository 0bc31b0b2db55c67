/**
 * The one place that knows the Service Cloud Voice toolkit's event names and payload shapes.
 * `parseToolkitEvent` turns an untrusted DOM event into a typed event or a typed rejection; it never throws.
 */

/** Every event `<lightning-service-cloud-voice-toolkit-api>` fires, in the order of the toolkit's docs. */
export const TOOLKIT_EVENT_NAMES = [
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
] as const;

export type ToolkitEventName = (typeof TOOLKIT_EVENT_NAMES)[number];

/** Who sent an utterance, flag or note. Any role but Agent or Supervisor is the customer's. */
export type SenderRole = 'Agent' | 'Supervisor' | 'Customer';

export interface Sender {
    readonly role: SenderRole;
    /** The role exactly as the toolkit sent it (for example "EndUser"); undefined when it sent none. */
    readonly rawRole: string | undefined;
    readonly displayName: string | undefined;
}

export type CallDirection = 'Inbound' | 'Outbound' | 'Unknown';

/** Timestamps of a message (utterance, flag, note): milliseconds since the epoch, UTC. */
export interface MessageTimes {
    readonly serverReceivedTimestamp: number | undefined;
    readonly clientSentTimestamp: number | undefined;
}

interface CallPayload {
    readonly callId: string;
}

interface CallStartPayload extends CallPayload {
    readonly direction: CallDirection;
    /** The callType exactly as sent ("inbound", "outbound", or a connector-specific value). */
    readonly rawCallType: string | undefined;
    /** The phone number of the initial caller, when sent. */
    readonly participant: string | undefined;
}

interface ParticipantPayload extends CallPayload {
    /** A phone number or an Amazon Connect Quick Connect name. */
    readonly participant: string;
}

interface MessagePayload extends CallPayload, MessageTimes {
    readonly id: string;
    readonly text: string;
    readonly sender: Sender;
}

interface FlagLowerPayload extends CallPayload, MessageTimes {
    readonly id: string | undefined;
    readonly sender: Sender;
}

export interface AudioStats {
    readonly packetsLost: number | undefined;
    readonly packetsCount: number | undefined;
    readonly jitterBufferMillis: number | undefined;
    readonly roundTripTimeMillis: number | undefined;
    readonly statsCount: number | undefined;
    /** Per-channel statistics, kept as sent: their shape is not documented field by field. */
    readonly stats: unknown;
}

interface AudioStatsPayload extends CallPayload, AudioStats {}

/** The typed payload of each event, after parsing. */
export interface ToolkitPayloads {
    callstarted: CallStartPayload;
    callconnected: CallStartPayload;
    callended: CallPayload;
    hold: ParticipantPayload;
    resume: ParticipantPayload;
    mute: CallPayload;
    unmute: CallPayload;
    participantadded: ParticipantPayload;
    participantremoved: ParticipantPayload;
    conference: CallPayload;
    swap: CallPayload;
    pauserecording: CallPayload;
    resumerecording: CallPayload;
    transcript: MessagePayload;
    wrapupended: CallPayload;
    flagraise: MessagePayload;
    flaglower: FlagLowerPayload;
    note: MessagePayload;
    audiostats: AudioStatsPayload;
}

/**
 * A parsed toolkit event: `type` discriminates the union; `receivedAt` is when this console received it
 * (ms since the epoch), the time of every change the toolkit sends without a timestamp.
 */
export type ToolkitEvent<K extends ToolkitEventName = ToolkitEventName> = {
    [P in K]: { readonly type: P; readonly receivedAt: number } & ToolkitPayloads[P];
}[K];

export type RejectionCode =
    'not-an-event' | 'unknown-type' | 'detail-not-an-object' | 'missing-field' | 'wrong-type';

/** Why an event was ignored: a stable code to count by, and a sentence an admin can read. */
export interface ToolkitEventRejection {
    /** The event's type as received, or "(none)" when it had no string type. */
    readonly eventType: string;
    readonly code: RejectionCode;
    /** The offending field's path, for missing-field and wrong-type. */
    readonly field: string | undefined;
    /** For example "transcript without content.text". */
    readonly reason: string;
    readonly receivedAt: number;
}

export type ParseResult =
    | { readonly ok: true; readonly event: ToolkitEvent }
    | { readonly ok: false; readonly rejection: ToolkitEventRejection };

const EVENT_NAME_SET: ReadonlySet<string> = new Set<string>(TOOLKIT_EVENT_NAMES);

export function isToolkitEventName(value: unknown): value is ToolkitEventName {
    return typeof value === 'string' && EVENT_NAME_SET.has(value);
}

/** Thrown only inside this module, to stop reading a payload at its first bad field. */
class PayloadError extends Error {
    constructor(
        readonly code: 'missing-field' | 'wrong-type',
        readonly field: string | undefined,
        readonly reason: string
    ) {
        super(reason);
    }
}

type Fields = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads typed fields of one event's detail, naming the event and field in every rejection. */
class DetailReader {
    constructor(
        private readonly eventType: ToolkitEventName,
        private readonly detail: Fields
    ) {}

    private lookup(path: string): unknown {
        let value: unknown = this.detail;
        for (const key of path.split('.')) {
            if (!isRecord(value)) {
                return undefined;
            }
            value = value[key];
        }
        return value;
    }

    requiredString(path: string): string {
        const value = this.lookup(path);
        if (value === undefined || value === null) {
            throw new PayloadError('missing-field', path, `${this.eventType} without ${path}`);
        }
        if (typeof value !== 'string') {
            throw new PayloadError('wrong-type', path, `${this.eventType} with ${path} that is not a string`);
        }
        if (value.trim() === '') {
            throw new PayloadError('missing-field', path, `${this.eventType} with an empty ${path}`);
        }
        return value;
    }

    /** Text may be empty but must be a string. */
    requiredText(path: string): string {
        const value = this.lookup(path);
        if (value === undefined || value === null) {
            throw new PayloadError('missing-field', path, `${this.eventType} without ${path}`);
        }
        if (typeof value !== 'string') {
            throw new PayloadError('wrong-type', path, `${this.eventType} with ${path} that is not a string`);
        }
        return value;
    }

    /** Optional fields never reject an event: absent, null or ill-typed reads as undefined. */
    optionalString(path: string): string | undefined {
        const value = this.lookup(path);
        return typeof value === 'string' ? value : undefined;
    }

    /** A finite number or a numeric string; anything else reads as undefined. */
    optionalNumber(path: string): number | undefined {
        const value = this.lookup(path);
        const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
    }

    raw(path: string): unknown {
        return this.lookup(path);
    }

    callId(): string {
        return this.requiredString('callId');
    }

    sender(): Sender {
        const rawRole = this.optionalString('sender.role');
        return {
            role: normaliseRole(rawRole),
            rawRole,
            displayName: this.optionalString('sender.displayName')
        };
    }

    times(): MessageTimes {
        return {
            serverReceivedTimestamp: this.optionalNumber('serverReceivedTimestamp'),
            clientSentTimestamp: this.optionalNumber('clientSentTimestamp')
        };
    }
}

/** "Agent" and "Supervisor" (any case) keep their role; every other role, or none, is the customer. */
export function normaliseRole(rawRole: string | undefined): SenderRole {
    const role = rawRole?.trim().toLowerCase();
    if (role === 'agent') {
        return 'Agent';
    }
    if (role === 'supervisor') {
        return 'Supervisor';
    }
    return 'Customer';
}

export function normaliseDirection(rawCallType: string | undefined): CallDirection {
    const callType = rawCallType?.trim().toLowerCase();
    if (callType === 'inbound') {
        return 'Inbound';
    }
    if (callType === 'outbound') {
        return 'Outbound';
    }
    return 'Unknown';
}

type PayloadReaders = {
    readonly [K in ToolkitEventName]: (read: DetailReader) => ToolkitPayloads[K];
};

const callOnly = (read: DetailReader): CallPayload => ({ callId: read.callId() });

const callStart = (read: DetailReader): CallStartPayload => {
    const callId = read.callId();
    const rawCallType = read.optionalString('callType');
    return {
        callId,
        direction: normaliseDirection(rawCallType),
        rawCallType,
        participant: read.optionalString('participant')
    };
};

const participantChange = (read: DetailReader): ParticipantPayload => ({
    callId: read.callId(),
    participant: read.requiredString('participant')
});

const message = (read: DetailReader): MessagePayload => {
    const callId = read.callId();
    const id = read.requiredString('id');
    return { callId, id, text: read.requiredText('content.text'), sender: read.sender(), ...read.times() };
};

/** One reader per event; the mapped type makes a missing event a compile error. */
const PAYLOAD_READERS: PayloadReaders = {
    callstarted: callStart,
    callconnected: callStart,
    callended: callOnly,
    hold: participantChange,
    resume: participantChange,
    mute: callOnly,
    unmute: callOnly,
    participantadded: participantChange,
    participantremoved: participantChange,
    conference: callOnly,
    swap: callOnly,
    pauserecording: callOnly,
    resumerecording: callOnly,
    transcript: message,
    wrapupended: callOnly,
    flagraise: message,
    flaglower: (read) => {
        const callId = read.callId();
        return { callId, id: read.optionalString('id'), sender: read.sender(), ...read.times() };
    },
    note: message,
    audiostats: (read) => ({
        callId: read.callId(),
        packetsLost: read.optionalNumber('packetsLost'),
        packetsCount: read.optionalNumber('packetsCount'),
        jitterBufferMillis: read.optionalNumber('jitterBufferMillis'),
        roundTripTimeMillis: read.optionalNumber('roundTripTimeMillis'),
        statsCount: read.optionalNumber('statsCount'),
        stats: read.raw('stats')
    })
};

function readPayload<K extends ToolkitEventName>(
    type: K,
    detail: Fields,
    receivedAt: number
): ToolkitEvent<K> {
    const payload: ToolkitPayloads[K] = PAYLOAD_READERS[type](new DetailReader(type, detail));
    return { ...payload, type, receivedAt };
}

function reject(
    eventType: string,
    code: RejectionCode,
    field: string | undefined,
    reason: string,
    receivedAt: number
): ParseResult {
    return { ok: false, rejection: { eventType, code, field, reason, receivedAt } };
}

/** The event's detail when it is a readable object, otherwise undefined. */
function readDetail(event: object): Fields | undefined {
    try {
        const detail = (event as { detail?: unknown }).detail;
        return isRecord(detail) ? detail : undefined;
    } catch {
        // A hostile getter (or a revoked Proxy, which Array.isArray throws on) must not break the console.
        return undefined;
    }
}

function isPayloadError(error: unknown): error is PayloadError {
    try {
        return error instanceof PayloadError;
    } catch {
        // A hostile getter can throw a revoked Proxy, on which instanceof itself throws.
        return false;
    }
}

/**
 * Parses an untrusted event (a DOM CustomEvent, or any `{ type, detail }` object) into a typed toolkit
 * event, or a rejection saying why it was ignored. Extra fields are allowed; it never throws.
 */
export function parseToolkitEvent(event: unknown, receivedAt: number): ParseResult {
    if (typeof event !== 'object' || event === null) {
        return reject('(none)', 'not-an-event', undefined, 'not an event object', receivedAt);
    }
    let type: unknown;
    try {
        type = (event as { type?: unknown }).type;
    } catch {
        type = undefined;
    }
    if (typeof type !== 'string') {
        return reject('(none)', 'not-an-event', 'type', 'event without a type', receivedAt);
    }
    if (!isToolkitEventName(type)) {
        return reject(type, 'unknown-type', 'type', `unknown event type "${type}"`, receivedAt);
    }
    const detail = readDetail(event);
    if (detail === undefined) {
        return reject(type, 'detail-not-an-object', 'detail', `${type} without a detail object`, receivedAt);
    }
    try {
        return { ok: true, event: readPayload(type, detail, receivedAt) };
    } catch (error) {
        if (isPayloadError(error)) {
            return reject(type, error.code, error.field, error.reason, receivedAt);
        }
        // A getter on the payload threw: the event is unreadable.
        return reject(type, 'wrong-type', undefined, `${type} with an unreadable detail`, receivedAt);
    }
}
