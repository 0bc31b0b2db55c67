/**
 * How the panels word and format call state: status, direction and speaker labels, and times.
 * Template-less and pure, so every panel says the same thing the same way.
 */
import type { CallDirection, Sender, SenderRole } from 'c/voiceCallEvents';
import type { CallStatus, ParticipantKind } from 'c/voiceCallState';

export const NO_ACTIVE_CALL_LABEL = 'No active call';

export const STATUS_LABELS: Readonly<Record<CallStatus, string>> = {
    connecting: 'Connecting',
    connected: 'Connected',
    ended: 'Call ended',
    wrapUpComplete: 'Wrap-up complete'
};

export const DIRECTION_LABELS: Readonly<Record<CallDirection, string>> = {
    Inbound: 'Inbound call',
    Outbound: 'Outbound call',
    Unknown: 'Direction unknown'
};

export const SPEAKER_LABELS: Readonly<Record<SenderRole, string>> = {
    Agent: 'Agent',
    Supervisor: 'Supervisor',
    Customer: 'Customer'
};

export const PARTICIPANT_KIND_LABELS: Readonly<Record<ParticipantKind, string>> = {
    Initial_Caller: 'Caller',
    Third_Party: 'Third party'
};

export function statusLabel(status: CallStatus | undefined): string {
    return status === undefined ? NO_ACTIVE_CALL_LABEL : STATUS_LABELS[status];
}

/** The sender's display name where given, else its role ("Agent", "Supervisor", "Customer"). */
export function senderName(sender: Sender): string {
    const name = sender.displayName?.trim();
    return name !== undefined && name !== '' ? name : SPEAKER_LABELS[sender.role];
}

const clockFormat = new Intl.DateTimeFormat(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit'
});

/** The largest distance from the epoch a JavaScript Date can hold, in ms. */
const MAX_DATE_MS = 8.64e15;

function isShowableTime(epochMs: number | undefined): epochMs is number {
    return epochMs !== undefined && Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_DATE_MS;
}

/** A time of day in the user's locale and time zone, for example "2:05:09 PM"; empty when unknown. */
export function formatClockTime(epochMs: number | undefined): string {
    return isShowableTime(epochMs) ? clockFormat.format(epochMs) : '';
}

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A count in the user's locale, for example "1,234". One shared formatter: building one per call is slow. */
export function formatCount(value: number): string {
    return countFormat.format(value);
}

/** The same instant as an ISO 8601 string, for `<time datetime>`; empty when unknown. */
export function isoTime(epochMs: number | undefined): string {
    return isShowableTime(epochMs) ? new Date(epochMs).toISOString() : '';
}

/** Status panel: a call rebuilt from storage after a reload, followed by the time of the copy it came from. */
export const RESTORED_FROM_LABEL = 'Restored from';

/** Console, on a record page whose VoiceCall could not be read (or has no VendorCallKey). */
export const RECORD_CALL_UNKNOWN_LABEL = "This record's call could not be read: following the active call.";

/** The diagnostics of ignored events, shown on demand. */
export const DIAGNOSTICS_LABELS = {
    reasonsHeading: 'Ignored events by reason',
    recentHeading: 'Last rejected events',
    noRecent: 'No rejected event',
    /** The reason of a valid event for another call than the record page's. */
    otherCall: 'event for another call (record page)',
    /** The reason under which new reasons are counted once many are known. */
    otherReasons: '(other reasons)'
} as const;

/** "1 event ignored", "3 events ignored". */
export function ignoredEventsLabel(count: number): string {
    return count === 1 ? '1 event ignored' : `${String(count)} events ignored`;
}
