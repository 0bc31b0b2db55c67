/**
 * How the panels word and format call state: status, direction and speaker labels, and times. Every word is a custom
 * label (`VCC_*`), and times and counts follow the user's locale and time zone (`@salesforce/i18n`).
 * Template-less and pure, so every panel says the same thing the same way.
 */
import type { CallDirection, Sender, SenderRole } from 'c/voiceCallEvents';
import type { CallStatus, ParticipantKind } from 'c/voiceCallState';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import STATUS_NO_ACTIVE_CALL from '@salesforce/label/c.VCC_Status_NoActiveCall';
import STATUS_CONNECTING from '@salesforce/label/c.VCC_Status_Connecting';
import STATUS_CONNECTED from '@salesforce/label/c.VCC_Status_Connected';
import STATUS_ENDED from '@salesforce/label/c.VCC_Status_Ended';
import STATUS_WRAP_UP_COMPLETE from '@salesforce/label/c.VCC_Status_WrapUpComplete';
import DIRECTION_INBOUND from '@salesforce/label/c.VCC_Direction_Inbound';
import DIRECTION_OUTBOUND from '@salesforce/label/c.VCC_Direction_Outbound';
import DIRECTION_UNKNOWN from '@salesforce/label/c.VCC_Direction_Unknown';
import SPEAKER_AGENT from '@salesforce/label/c.VCC_Speaker_Agent';
import SPEAKER_SUPERVISOR from '@salesforce/label/c.VCC_Speaker_Supervisor';
import SPEAKER_CUSTOMER from '@salesforce/label/c.VCC_Speaker_Customer';
import PARTICIPANT_CALLER from '@salesforce/label/c.VCC_Participant_Caller';
import PARTICIPANT_THIRD_PARTY from '@salesforce/label/c.VCC_Participant_ThirdParty';
import TIMER_CALL from '@salesforce/label/c.VCC_Timer_Call';
import TIMER_HOLD_SINCE from '@salesforce/label/c.VCC_Timer_HoldSince';
import TIMER_HOLD_TOTAL from '@salesforce/label/c.VCC_Timer_HoldTotal';
import TIMER_HOLD_TOO_LONG from '@salesforce/label/c.VCC_Timer_HoldTooLong';
import TIMER_FLAG_WAITING from '@salesforce/label/c.VCC_Timer_FlagWaiting';
import TIMER_FLAG_WAITED from '@salesforce/label/c.VCC_Timer_FlagWaited';
import STATUS_RESTORED_FROM from '@salesforce/label/c.VCC_Status_RestoredFrom';
import DIAGNOSTICS_REASONS_HEADING from '@salesforce/label/c.VCC_Diagnostics_ReasonsHeading';
import DIAGNOSTICS_RECENT_HEADING from '@salesforce/label/c.VCC_Diagnostics_RecentHeading';
import DIAGNOSTICS_NO_RECENT from '@salesforce/label/c.VCC_Diagnostics_NoRecent';
import DIAGNOSTICS_OTHER_CALL from '@salesforce/label/c.VCC_Diagnostics_OtherCall';
import DIAGNOSTICS_OTHER_REASONS from '@salesforce/label/c.VCC_Diagnostics_OtherReasons';
import DIAGNOSTICS_IGNORED_ONE from '@salesforce/label/c.VCC_Diagnostics_IgnoredOne';
import DIAGNOSTICS_IGNORED_MANY from '@salesforce/label/c.VCC_Diagnostics_IgnoredMany';

export const NO_ACTIVE_CALL_LABEL = STATUS_NO_ACTIVE_CALL;

export const STATUS_LABELS: Readonly<Record<CallStatus, string>> = Object.freeze({
    connecting: STATUS_CONNECTING,
    connected: STATUS_CONNECTED,
    ended: STATUS_ENDED,
    wrapUpComplete: STATUS_WRAP_UP_COMPLETE
});

export const DIRECTION_LABELS: Readonly<Record<CallDirection, string>> = Object.freeze({
    Inbound: DIRECTION_INBOUND,
    Outbound: DIRECTION_OUTBOUND,
    Unknown: DIRECTION_UNKNOWN
});

export const SPEAKER_LABELS: Readonly<Record<SenderRole, string>> = Object.freeze({
    Agent: SPEAKER_AGENT,
    Supervisor: SPEAKER_SUPERVISOR,
    Customer: SPEAKER_CUSTOMER
});

export const PARTICIPANT_KIND_LABELS: Readonly<Record<ParticipantKind, string>> = Object.freeze({
    Initial_Caller: PARTICIPANT_CALLER,
    Third_Party: PARTICIPANT_THIRD_PARTY
});

export function statusLabel(status: CallStatus | undefined): string {
    return status === undefined ? NO_ACTIVE_CALL_LABEL : STATUS_LABELS[status];
}

/** The sender's display name where given, else its role ("Agent", "Supervisor", "Customer"). */
export function senderName(sender: Sender): string {
    const name = sender.displayName?.trim();
    return name !== undefined && name !== '' ? name : SPEAKER_LABELS[sender.role];
}

/** The user's locale when Intl knows it, else the browser's (undefined): a bad value never breaks a panel. */
function supportedLocale(locale: unknown): string | undefined {
    try {
        return typeof locale === 'string' && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0
            ? locale
            : undefined;
    } catch {
        // Not a well-formed language tag.
        return undefined;
    }
}

/** The user's time zone when Intl knows it, else the browser's (undefined). */
function supportedTimeZone(timeZone: unknown): string | undefined {
    try {
        return typeof timeZone === 'string' && timeZone !== ''
            ? new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone
            : undefined;
    } catch {
        // Not a time zone this browser knows.
        return undefined;
    }
}

/** The locale and time zone the times and counts are written in. */
export const USER_FORMAT: Readonly<{ locale: string | undefined; timeZone: string | undefined }> =
    Object.freeze({
        locale: supportedLocale(USER_LOCALE),
        timeZone: supportedTimeZone(USER_TIME_ZONE)
    });

const clockFormat = new Intl.DateTimeFormat(USER_FORMAT.locale, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZone: USER_FORMAT.timeZone
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

const countFormat = new Intl.NumberFormat(USER_FORMAT.locale, { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat(USER_FORMAT.locale);

/** A count in the user's locale, for example "1,234". One shared formatter: building one per call is slow. */
export function formatCount(value: number): string {
    return countFormat.format(value);
}

const PLACEHOLDER = /\{(\d+)\}/g;

/**
 * A label with its placeholders filled: `{0}` is the first value, `{1}` the second. A number is written in the user's
 * locale; a placeholder without a value stays as written. The result is text, for template expressions (never HTML).
 */
export function formatLabel(template: string, ...values: readonly (string | number)[]): string {
    // A replacer function: a value's `$&` or `$1` is inserted as it is.
    return template.replace(PLACEHOLDER, (placeholder: string, index: string) => {
        const value = values[Number(index)] as string | number | undefined;
        if (value === undefined) {
            return placeholder;
        }
        return typeof value === 'number' ? numberFormat.format(value) : value;
    });
}

/** A label with one placeholder, `{0}`, split around it, for a template that puts an element there (a `<time>`). */
export interface LabelAround {
    readonly before: string;
    readonly after: string;
}

/** "Call {0}" is `{ before: 'Call ', after: '' }`; a label without `{0}` is all before (the value goes after it). */
export function labelAround(template: string): LabelAround {
    const at = template.indexOf('{0}');
    return at === -1
        ? { before: template === '' ? '' : `${template} `, after: '' }
        : { before: template.slice(0, at), after: template.slice(at + 3) };
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

/** The words around each live timer (the status and flags panels); `{0}` is where the timer goes. */
export const TIMER_LABELS = Object.freeze({
    /** The call's duration: "Call 1:05". */
    call: TIMER_CALL,
    /** The time of day a party was put on hold: "since 2:05:09 PM". */
    holdSince: TIMER_HOLD_SINCE,
    /** A party's total time on hold: "Hold total 3:10". */
    holdTotal: TIMER_HOLD_TOTAL,
    /** A party on hold at or beyond the admin's threshold. */
    holdTooLong: TIMER_HOLD_TOO_LONG,
    /** An open flag's wait: "Waiting for help 1:05". */
    flagWaiting: TIMER_FLAG_WAITING,
    /** A lowered flag's wait: "Waited 0:35". */
    flagWaited: TIMER_FLAG_WAITED
});

/** Status panel: a call rebuilt from storage after a reload; `{0}` is the time of the copy it came from. */
export const RESTORED_FROM_LABEL = STATUS_RESTORED_FROM;

/** The diagnostics of ignored events, shown on demand. */
export const DIAGNOSTICS_LABELS = Object.freeze({
    reasonsHeading: DIAGNOSTICS_REASONS_HEADING,
    recentHeading: DIAGNOSTICS_RECENT_HEADING,
    noRecent: DIAGNOSTICS_NO_RECENT,
    /** The reason of a valid event for another call than the record page's. */
    otherCall: DIAGNOSTICS_OTHER_CALL,
    /** The reason under which new reasons are counted once many are known. */
    otherReasons: DIAGNOSTICS_OTHER_REASONS
});

/** "1 event ignored", "3 events ignored". */
export function ignoredEventsLabel(count: number): string {
    return formatLabel(count === 1 ? DIAGNOSTICS_IGNORED_ONE : DIAGNOSTICS_IGNORED_MANY, formatCount(count));
}
