/**
 * What the console ignored and why, for an admin checking what the toolkit sent: counts by reason, and the last
 * rejected events. Pure and immutable, no DOM; nothing is logged per event.
 */
import type { RejectionCode, ToolkitEventName, ToolkitEventRejection } from 'c/voiceCallEvents';
import { DIAGNOSTICS_LABELS } from 'c/voiceCallFormat';

/** Why an event was ignored: the parser's rejection code, or a valid event for a call this console does not show. */
export type IgnoredCode = RejectionCode | 'other-call';

/** One rejected event, as kept in the recent list. */
export interface IgnoredEvent {
    /** Its place among the ignored events (1 for the first): a stable key. */
    readonly number: number;
    /** The event's type as received, or "(none)". */
    readonly eventType: string;
    readonly code: IgnoredCode;
    readonly reason: string;
    readonly receivedAt: number;
}

export interface ReasonCount {
    /** Stable across updates: the code and the reason. */
    readonly key: string;
    readonly code: IgnoredCode;
    readonly reason: string;
    readonly count: number;
}

export interface EventDiagnostics {
    /** Every ignored event: rejected or for another call. */
    readonly total: number;
    /** Counts by code and reason, in the order each reason was first seen. */
    readonly reasons: readonly ReasonCount[];
    /** The last rejected events, oldest first (events for another call are counted, not listed: they are valid). */
    readonly recent: readonly IgnoredEvent[];
    /** The last ignored event of any kind. */
    readonly last: IgnoredEvent | undefined;
}

/** Rejected events kept in `recent`. */
export const MAX_RECENT_REJECTIONS = 50;

/** Distinct reasons counted one by one; further new reasons are counted together under their code. */
export const MAX_REASONS = 50;

export const EMPTY_DIAGNOSTICS: EventDiagnostics = Object.freeze({
    total: 0,
    reasons: [],
    recent: [],
    last: undefined
});

function reasonKey(code: IgnoredCode, reason: string): string {
    return `${code}: ${reason}`;
}

function counted(reasons: readonly ReasonCount[], code: IgnoredCode, reason: string): ReasonCount[] {
    let key = reasonKey(code, reason);
    let position = reasons.findIndex((known) => known.key === key);
    let countedReason = reason;
    if (position === -1 && reasons.length >= MAX_REASONS) {
        countedReason = DIAGNOSTICS_LABELS.otherReasons;
        key = reasonKey(code, DIAGNOSTICS_LABELS.otherReasons);
        position = reasons.findIndex((known) => known.key === key);
    }
    const next = reasons.slice();
    if (position === -1) {
        next.push({ key, code, reason: countedReason, count: 1 });
    } else {
        next[position] = { ...reasons[position], count: reasons[position].count + 1 };
    }
    return next;
}

function withIgnored(
    diagnostics: EventDiagnostics,
    event: Omit<IgnoredEvent, 'number'>,
    listed: boolean
): EventDiagnostics {
    const ignored: IgnoredEvent = { ...event, number: diagnostics.total + 1 };
    return {
        total: ignored.number,
        reasons: counted(diagnostics.reasons, ignored.code, ignored.reason),
        recent: listed ? [...diagnostics.recent, ignored].slice(-MAX_RECENT_REJECTIONS) : diagnostics.recent,
        last: ignored
    };
}

/** Counts a rejected event by its code and reason, and keeps it among the recent ones. */
export function recordRejection(
    diagnostics: EventDiagnostics,
    rejection: ToolkitEventRejection
): EventDiagnostics {
    const { eventType, code, reason, receivedAt } = rejection;
    return withIgnored(diagnostics, { eventType, code, reason, receivedAt }, true);
}

/** Counts a valid event ignored because it is for another call than the one this console shows (record page). */
export function recordOtherCall(
    diagnostics: EventDiagnostics,
    eventType: ToolkitEventName,
    receivedAt: number
): EventDiagnostics {
    const reason = DIAGNOSTICS_LABELS.otherCall;
    return withIgnored(diagnostics, { eventType, code: 'other-call', reason, receivedAt }, false);
}
