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

/** Whole seconds of a length of time; a negative, unknown or impossible one is none. */
function wholeSeconds(ms: number): number {
    return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** A length of time as a timer shows it: "0:05", "1:05", "12:00", "1:02:03"; negative or unknown is "0:00". */
export function formatDuration(ms: number): string {
    const total = wholeSeconds(ms);
    const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
    return hours > 0
        ? `${String(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}`
        : `${String(minutes)}:${twoDigits(seconds)}`;
}

/** The same length as an ISO 8601 duration, for `<time datetime>`: "PT5S", "PT1M5S", "PT1H2M3S"; none is "PT0S". */
export function isoDuration(ms: number): string {
    const total = wholeSeconds(ms);
    const parts: [number, string][] = [
        [Math.floor(total / 3600), 'H'],
        [Math.floor(total / 60) % 60, 'M'],
        [total % 60, 'S']
    ];
    const shown = parts.filter(([value]) => value > 0).map(([value, unit]) => `${String(value)}${unit}`);
    return `PT${shown.length === 0 ? '0S' : shown.join('')}`;
}

/** The words beside each live timer (the status and flags panels). */
export const TIMER_LABELS = {
    /** Before the call's duration: "Call 1:05". */
    call: 'Call',
    /** Before the time of day a party was put on hold: "since 2:05:09 PM". */
    holdSince: 'since',
    /** Before a party's total time on hold: "Hold total 3:10". */
    holdTotal: 'Hold total',
    /** A party on hold at or beyond the admin's threshold. */
    holdTooLong: 'On hold too long',
    /** Before an open flag's wait: "Waiting for help 1:05". */
    flagWaiting: 'Waiting for help',
    /** Before a lowered flag's wait: "Waited 0:35". */
    flagWaited: 'Waited'
} as const;

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
