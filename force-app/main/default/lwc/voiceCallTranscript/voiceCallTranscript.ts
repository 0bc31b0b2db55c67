/**
 * Presentation component: the live transcript, one row per utterance with its speaker ("Agent",
 * "Supervisor", "Customer"), the sender's name where given, the time, and the text (rendered as text).
 */
import { LightningElement, api } from 'lwc';
import type { Utterance } from 'c/voiceCallState';
import { SPEAKER_LABELS, formatClockTime, isoTime } from 'c/voiceCallFormat';

interface UtteranceRow {
    readonly key: string;
    readonly speaker: string;
    readonly displayName: string;
    readonly hasDisplayName: boolean;
    readonly time: string;
    readonly isoTime: string;
    readonly text: string;
    readonly rowClass: string;
}

const ROW_CLASS = 'slds-p-vertical_xx-small utterance';

export default class VoiceCallTranscript extends LightningElement {
    /** The call's utterances, in time order. */
    @api utterances: readonly Utterance[] = [];

    get rows(): UtteranceRow[] {
        return this.utterances.map((utterance) => {
            const displayName = utterance.sender.displayName?.trim() ?? '';
            return {
                key: utterance.id,
                speaker: SPEAKER_LABELS[utterance.sender.role],
                displayName,
                hasDisplayName: displayName !== '',
                time: formatClockTime(utterance.at),
                isoTime: isoTime(utterance.at),
                text: utterance.text,
                rowClass: `${ROW_CLASS} utterance_${utterance.sender.role.toLowerCase()}`
            };
        });
    }

    get isEmpty(): boolean {
        return this.utterances.length === 0;
    }
}
