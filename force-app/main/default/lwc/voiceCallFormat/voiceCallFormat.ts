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

/** The same instant as an ISO 8601 string, for `<time datetime>`; empty when unknown. */
export function isoTime(epochMs: number | undefined): string {
    return isShowableTime(epochMs) ? new Date(epochMs).toISOString() : '';
}
