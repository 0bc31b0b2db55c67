/**
 * Presentation component: the call's status, direction, each party with its hold state, and whether the
 * agent is muted, recording is paused, or the call is a conference, and whether it was restored after a reload.
 * Renders only its `call` input.
 */
import { LightningElement, api } from 'lwc';
import type { VoiceCall } from 'c/voiceCallState';
import { isConference } from 'c/voiceCallState';
import {
    DIRECTION_LABELS,
    PARTICIPANT_KIND_LABELS,
    RESTORED_FROM_LABEL,
    formatClockTime,
    isoTime,
    statusLabel
} from 'c/voiceCallFormat';

interface ParticipantRow {
    readonly key: string;
    readonly name: string;
    readonly kindLabel: string;
    readonly onHold: boolean;
    readonly holdSince: string;
    readonly holdSinceIso: string;
}

export default class VoiceCallStatus extends LightningElement {
    /** The call to show; undefined shows "No active call". */
    @api call: VoiceCall | undefined;

    get hasCall(): boolean {
        return this.call !== undefined;
    }

    get statusLabel(): string {
        return statusLabel(this.call?.status);
    }

    get directionLabel(): string {
        return this.call === undefined ? '' : DIRECTION_LABELS[this.call.direction];
    }

    get participants(): ParticipantRow[] {
        return (this.call?.participants ?? []).map((participant, index) => ({
            key: `${String(index)}:${participant.name}`,
            name: participant.name,
            kindLabel: PARTICIPANT_KIND_LABELS[participant.kind],
            onHold: participant.onHold,
            holdSince: participant.onHold ? formatClockTime(participant.holdChangedAt) : '',
            holdSinceIso: participant.onHold ? isoTime(participant.holdChangedAt) : ''
        }));
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

    get restoredLabel(): string {
        return RESTORED_FROM_LABEL;
    }

    get restoredTime(): string {
        return formatClockTime(this.call?.restoredAt);
    }

    get restoredIso(): string {
        return isoTime(this.call?.restoredAt);
    }
}
