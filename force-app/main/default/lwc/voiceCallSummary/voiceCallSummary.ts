/**
 * The Voice Call Console message channel's message: a small, versioned, JSON-safe summary of the shown call, and a
 * publisher that sends it at most once per interval. Template-less and pure; the console publishes through
 * `lightning/messageService` on the `Voice_Call_Console__c` channel (README, "Message channel").
 */
import type { SenderRole } from 'c/voiceCallEvents';
import { logLast, openFlag } from 'c/voiceCallState';
import type { CallMessage, CallStatus, ParticipantKind, VoiceCall } from 'c/voiceCallState';

/** Bumped only by a breaking change of the message; new fields keep it. */
export const SUMMARY_VERSION = 1;

/** Longest text of any field (utterance, flag, names), in UTF-16 code units; longer text is cut. */
export const MAX_TEXT_LENGTH = 500;

/** At most one publication per this many ms. */
export const DEFAULT_PUBLISH_INTERVAL_MS = 1000;

/** Who sent an utterance or raised a flag. */
export interface SummarySender {
    readonly role: SenderRole;
    /** The display name the toolkit sent, or null. */
    readonly name: string | null;
}

export interface SummaryParticipant {
    readonly name: string;
    readonly kind: ParticipantKind;
    readonly onHold: boolean;
}

export interface SummaryUtterance {
    readonly id: string;
    readonly speaker: SummarySender;
    readonly text: string;
    /** True when `text` was cut to MAX_TEXT_LENGTH. */
    readonly truncated: boolean;
    /** ms since the epoch, UTC. */
    readonly at: number;
}

export interface SummaryFlag {
    readonly id: string;
    readonly raisedBy: SummarySender;
    /** Why help is needed, as the flag's sender wrote it. */
    readonly text: string;
    readonly truncated: boolean;
    readonly at: number;
}

/** The message: only strings, finite numbers, booleans, null, plain objects and arrays. */
export interface CallSummary {
    readonly version: typeof SUMMARY_VERSION;
    /** 'none' when no call is shown; then callId is null and the rest is empty. */
    readonly status: CallStatus | 'none';
    readonly callId: string | null;
    readonly participants: readonly SummaryParticipant[];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly lastUtterance: SummaryUtterance | null;
    /** The newest flag not lowered, or null. */
    readonly openFlag: SummaryFlag | null;
    /** When the call last changed (ms since the epoch); with no call, when the summary was made. */
    readonly updatedAt: number;
}

/** The first MAX_TEXT_LENGTH code units, never ending in half a surrogate pair. */
function cut(text: string): { readonly text: string; readonly truncated: boolean } {
    if (text.length <= MAX_TEXT_LENGTH) {
        return { text, truncated: false };
    }
    const last = text.charCodeAt(MAX_TEXT_LENGTH - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
    return { text: text.slice(0, end), truncated: true };
}

/** A time JSON can carry (it turns NaN and Infinity into null), else `fallback`. */
function finiteTime(time: number, fallback: number): number {
    return Number.isFinite(time) ? time : fallback;
}

function summarySender(message: CallMessage): SummarySender {
    const name = message.sender.displayName?.trim();
    return {
        role: message.sender.role,
        name: name === undefined || name === '' ? null : cut(name).text
    };
}

function summaryUtterance(call: VoiceCall, updatedAt: number): SummaryUtterance | null {
    const utterance = logLast(call.transcript);
    if (utterance === undefined) {
        return null;
    }
    return {
        id: utterance.id,
        speaker: summarySender(utterance),
        ...cut(utterance.text),
        at: finiteTime(utterance.at, updatedAt)
    };
}

function summaryFlag(call: VoiceCall, updatedAt: number): SummaryFlag | null {
    const flag = openFlag(call);
    if (flag === undefined) {
        return null;
    }
    return {
        id: flag.id,
        raisedBy: summarySender(flag),
        ...cut(flag.text),
        at: finiteTime(flag.at, updatedAt)
    };
}

/** The summary of the shown call, or of none. `now` stamps no call only: a call's summary is the same at any time. */
export function callSummary(call: VoiceCall | undefined, now: number = Date.now()): CallSummary {
    if (call === undefined) {
        return {
            version: SUMMARY_VERSION,
            status: 'none',
            callId: null,
            participants: [],
            muted: false,
            recordingPaused: false,
            lastUtterance: null,
            openFlag: null,
            updatedAt: now
        };
    }
    const updatedAt = finiteTime(call.times.updatedAt, now);
    return {
        version: SUMMARY_VERSION,
        status: call.status,
        callId: call.callId,
        participants: call.participants.map((participant) => ({
            name: cut(participant.name).text,
            kind: participant.kind,
            onHold: participant.onHold
        })),
        muted: call.muted,
        recordingPaused: call.recordingPaused,
        lastUtterance: summaryUtterance(call, updatedAt),
        openFlag: summaryFlag(call, updatedAt),
        updatedAt
    };
}

/** Deep equality of JSON values: a field added later is compared too. */
function jsonEqual(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a)) {
        return (
            Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]))
        );
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(b)) {
        return false;
    }
    const aFields = a as Readonly<Record<string, unknown>>;
    const bFields = b as Readonly<Record<string, unknown>>;
    const keys = Object.keys(aFields);
    return (
        keys.length === Object.keys(bFields).length &&
        keys.every((key) => jsonEqual(aFields[key], bFields[key]))
    );
}

/** True when the two summaries say the same thing; `updatedAt` is not compared. */
export function summariesEqual(a: CallSummary, b: CallSummary): boolean {
    return jsonEqual({ ...a, updatedAt: 0 }, { ...b, updatedAt: 0 });
}

/**
 * Publishes a changed summary at once after a quiet interval, else only the latest at the interval's end (trailing
 * edge). A summary equal to the last published one is not sent. One timer at most.
 */
export class SummaryPublisher {
    private readonly publish: (message: CallSummary) => void;
    private readonly intervalMs: number;
    private readonly clock: () => number;
    private readonly warn: (message: string) => void;
    private lastPublished: CallSummary | undefined;
    private lastPublishedAt = Number.NEGATIVE_INFINITY;
    /** What to publish at the end of the interval: built then, from the latest state. */
    private pending: (() => CallSummary) | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private warnedFailure = false;

    /** `warn` is told once if `publish` throws (that summary counts as not published); a bad interval is the default. */
    constructor(
        publish: (message: CallSummary) => void,
        intervalMs: number = DEFAULT_PUBLISH_INTERVAL_MS,
        clock: () => number = () => Date.now(),
        warn: (message: string) => void = (message) => {
            console.warn(message);
        }
    ) {
        this.publish = publish;
        this.intervalMs =
            Number.isFinite(intervalMs) && intervalMs >= 0 ? intervalMs : DEFAULT_PUBLISH_INTERVAL_MS;
        this.clock = clock;
        this.warn = warn;
    }

    /** Publishes `summary` now, at the end of the interval, or not at all when nothing changed. */
    update(summary: CallSummary): void {
        if (this.lastPublished !== undefined && summariesEqual(summary, this.lastPublished)) {
            // Subscribers already have this state: a pending change is void.
            this.cancel();
            return;
        }
        const now = this.clock();
        const elapsed = now - this.lastPublishedAt;
        if (this.timer === undefined && elapsed >= this.intervalMs) {
            this.send(summary, now);
            return;
        }
        this.pending = () => summary;
        if (this.timer === undefined) {
            // A clock that went back waits one interval at most.
            const delay = Math.min(this.intervalMs, Math.max(0, this.intervalMs - elapsed));
            // The throttle's one timer: cleared by flush() and dispose().
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setTimeout(() => {
                this.timer = undefined;
                this.flush();
            }, delay);
        }
    }

    /**
     * As `update`, building the summary only when it may be sent: while a publication waits for the end of the
     * interval, a change only replaces what will be built then (a stream of utterances builds one summary a
     * second, not one per line).
     */
    updateWith(build: () => CallSummary): void {
        if (this.timer !== undefined) {
            this.pending = build;
            return;
        }
        this.update(build());
    }

    /** Publishes the pending summary now, if any, and clears the timer. */
    flush(): void {
        const pending = this.pending;
        this.cancel();
        if (pending !== undefined) {
            this.send(pending(), this.clock());
        }
    }

    /** Clears the timer and drops the pending summary; the publisher stays usable. */
    dispose(): void {
        this.cancel();
    }

    private cancel(): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        this.pending = undefined;
    }

    private send(summary: CallSummary, now: number): void {
        if (this.lastPublished !== undefined && summariesEqual(summary, this.lastPublished)) {
            return;
        }
        try {
            this.publish(summary);
        } catch (error) {
            if (!this.warnedFailure) {
                this.warnedFailure = true;
                const reason = error instanceof Error ? error.message : 'an error';
                this.warn(
                    `voiceCallConsole: could not publish the call summary (${reason}); will try again with the next summary.`
                );
            }
            return;
        }
        this.lastPublished = summary;
        this.lastPublishedAt = now;
    }
}
