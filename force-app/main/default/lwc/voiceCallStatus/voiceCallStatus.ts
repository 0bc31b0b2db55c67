/**
 * Presentation component: the call's status, direction and duration, each party with its hold state and hold times
 * (marked when on hold too long), and whether the agent is muted, recording is paused (and for how long), or the call
 * is a conference, and whether it was restored after a reload. Renders only its inputs.
 */
import { LightningElement, api } from 'lwc';
import type { Participant, VoiceCall } from 'c/voiceCallState';
import { callDurationMs, currentHoldMs, isConference, recordingPausedMs } from 'c/voiceCallState';
import { DEFAULT_SETTINGS } from 'c/voiceCallSettings';
import {
    DIRECTION_LABELS,
    PARTICIPANT_KIND_LABELS,
    RESTORED_FROM_LABEL,
    TIMER_LABELS,
    formatClockTime,
    formatDuration,
    isoDuration,
    isoTime,
    labelAround,
    statusLabel
} from 'c/voiceCallFormat';
import PANEL_LABEL from '@salesforce/label/c.VCC_Status_PanelLabel';
import JOINED_MID_CALL from '@salesforce/label/c.VCC_Status_JoinedMidCall';
import PARTICIPANTS from '@salesforce/label/c.VCC_Status_Participants';
import ON_HOLD from '@salesforce/label/c.VCC_Status_OnHold';
import MUTED from '@salesforce/label/c.VCC_Status_Muted';
import RECORDING_PAUSED from '@salesforce/label/c.VCC_Status_RecordingPaused';
import CONFERENCE from '@salesforce/label/c.VCC_Status_Conference';

/** The panel's words; a timer's label is split around its `{0}`, where the template puts the `<time>`. */
const LABELS = Object.freeze({
    panel: PANEL_LABEL,
    joinedMidCall: JOINED_MID_CALL,
    participants: PARTICIPANTS,
    onHold: ON_HOLD,
    muted: MUTED,
    recordingPaused: RECORDING_PAUSED,
    conference: CONFERENCE,
    holdTooLong: TIMER_LABELS.holdTooLong,
    call: labelAround(TIMER_LABELS.call),
    holdSince: labelAround(TIMER_LABELS.holdSince),
    holdTotal: labelAround(TIMER_LABELS.holdTotal),
    restoredFrom: labelAround(RESTORED_FROM_LABEL)
});

/** A party on hold this long or longer, in seconds, is on hold too long (unless the console says otherwise). */
export const DEFAULT_HOLD_TOO_LONG_SECONDS = DEFAULT_SETTINGS.holdTooLongSeconds;

/** A length of time as shown (a timer's text) and as ISO 8601 (its `<time datetime>`). */
interface ShownDuration {
    readonly text: string;
    readonly iso: string;
}

interface ParticipantRow {
    readonly key: string;
    readonly name: string;
    readonly kindLabel: string;
    readonly onHold: boolean;
    readonly holdSince: string;
    readonly holdSinceIso: string;
    /** The current hold's length; undefined when not on hold or no clock is given yet. */
    readonly holdTime: ShownDuration | undefined;
    readonly holdTooLong: boolean;
    /** Every hold's length, the current one included; undefined until a hold has ended. */
    readonly holdTotal: ShownDuration | undefined;
}

function shown(ms: number | undefined): ShownDuration | undefined {
    return ms === undefined ? undefined : { text: formatDuration(ms), iso: isoDuration(ms) };
}

export default class VoiceCallStatus extends LightningElement {
    /** The call to show; undefined shows "No active call". */
    @api call: VoiceCall | undefined;
    /** The time now (ms since the epoch), from the console's clock; live timers show nothing without it. */
    @api now: number | undefined;
    /** A party on hold this many seconds or more is on hold too long; a value that is not a positive number is the default. */
    @api holdTooLongSeconds: number = DEFAULT_HOLD_TOO_LONG_SECONDS;

    readonly labels = LABELS;

    get hasCall(): boolean {
        return this.call !== undefined;
    }

    get statusLabel(): string {
        return statusLabel(this.call?.status);
    }

    get directionLabel(): string {
        return this.call === undefined ? '' : DIRECTION_LABELS[this.call.direction];
    }

    /** From its connection (else its start) until now, or until it ended. */
    get callDuration(): ShownDuration | undefined {
        return this.call === undefined ? undefined : shown(callDurationMs(this.call, this.now));
    }

    private get holdTooLongMs(): number {
        const seconds = this.holdTooLongSeconds;
        return (
            (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
                ? seconds
                : DEFAULT_HOLD_TOO_LONG_SECONDS) * 1000
        );
    }

    get participants(): ParticipantRow[] {
        const call = this.call;
        if (call === undefined) {
            return [];
        }
        const tooLongMs = this.holdTooLongMs;
        return call.participants.map((participant: Participant, index) => {
            const holdMs = currentHoldMs(call, participant, this.now);
            return {
                key: `${String(index)}:${participant.name}`,
                name: participant.name,
                kindLabel: PARTICIPANT_KIND_LABELS[participant.kind],
                onHold: participant.onHold,
                holdSince: participant.onHold ? formatClockTime(participant.holdChangedAt) : '',
                holdSinceIso: participant.onHold ? isoTime(participant.holdChangedAt) : '',
                holdTime: shown(holdMs),
                holdTooLong: holdMs !== undefined && holdMs >= tooLongMs,
                holdTotal: participant.heldMs > 0 ? shown(participant.heldMs + (holdMs ?? 0)) : undefined
            };
        });
    }

    get hasParticipants(): boolean {
        return (this.call?.participants.length ?? 0) > 0;
    }

    get muted(): boolean {
        return this.call?.muted ?? false;
    }

    get recordingPaused(): boolean {
        return this.call?.recordingPaused ?? false;
    }

    /** How long the recording has been paused. */
    get recordingPausedTime(): ShownDuration | undefined {
        return this.call === undefined ? undefined : shown(recordingPausedMs(this.call, this.now));
    }

    get conference(): boolean {
        return this.call !== undefined && isConference(this.call);
    }

    get joinedMidCall(): boolean {
        return this.call?.joinedMidCall ?? false;
    }

    /** Rebuilt from storage after a reload: say so, and the time of the copy it came from. */
    get restored(): boolean {
        return this.call?.restoredAt !== undefined;
    }

    get restoredTime(): string {
        return formatClockTime(this.call?.restoredAt);
    }

    get restoredIso(): string {
        return isoTime(this.call?.restoredAt);
    }
}
