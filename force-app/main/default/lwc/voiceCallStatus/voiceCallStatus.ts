/**
 * Presentation component: the call's status, direction, each party with its hold state, and whether the
 * agent is muted, recording is paused, or the call is a conference. Renders only its `call` input.
 */
import { LightningElement, api } from 'lwc';
import type { VoiceCall } from 'c/voiceCallState';
import { isConference } from 'c/voiceCallState';
import {
    DIRECTION_LABELS,
    PARTICIPANT_KIND_LABELS,
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
}
