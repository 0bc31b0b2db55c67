/**
 * Presentation component: small forms to send a transcript utterance, raise or lower a flag and send a note.
 * Fires `sendtranscript` {text, role}, `raiseflag` {text}, `lowerflag` {role} and `sendnote` {text, role}.
 */
import { LightningElement } from 'lwc';

type SpeakerRole = 'Agent' | 'EndUser' | 'Supervisor';
type StaffRole = 'Agent' | 'Supervisor';

interface Option<T extends string> {
    readonly label: string;
    readonly value: T;
}

const SPEAKER_OPTIONS: readonly Option<SpeakerRole>[] = [
    { label: 'Agent', value: 'Agent' },
    { label: 'Customer (EndUser)', value: 'EndUser' },
    { label: 'Supervisor', value: 'Supervisor' }
];

const STAFF_OPTIONS: readonly Option<StaffRole>[] = [
    { label: 'Agent', value: 'Agent' },
    { label: 'Supervisor', value: 'Supervisor' }
];

type ValueChange = CustomEvent<{ value: string }>;

export default class MessageForms extends LightningElement {
    readonly speakerOptions = SPEAKER_OPTIONS;
    readonly staffOptions = STAFF_OPTIONS;

    transcriptText = '';
    transcriptRole: SpeakerRole = 'EndUser';
    flagText = '';
    lowerFlagRole: StaffRole = 'Supervisor';
    noteText = '';
    noteRole: StaffRole = 'Supervisor';

    get sendTranscriptDisabled(): boolean {
        return this.transcriptText.trim() === '';
    }

    get raiseFlagDisabled(): boolean {
        return this.flagText.trim() === '';
    }

    get sendNoteDisabled(): boolean {
        return this.noteText.trim() === '';
    }

    handleTranscriptText(event: ValueChange): void {
        this.transcriptText = event.detail.value;
    }

    handleTranscriptRole(event: ValueChange): void {
        this.transcriptRole =
            SPEAKER_OPTIONS.find((option) => option.value === event.detail.value)?.value ?? 'EndUser';
    }

    handleFlagText(event: ValueChange): void {
        this.flagText = event.detail.value;
    }

    handleLowerFlagRole(event: ValueChange): void {
        this.lowerFlagRole = staffRole(event.detail.value);
    }

    handleNoteText(event: ValueChange): void {
        this.noteText = event.detail.value;
    }

    handleNoteRole(event: ValueChange): void {
        this.noteRole = staffRole(event.detail.value);
    }

    handleSendTranscript(): void {
        this.dispatchEvent(
            new CustomEvent('sendtranscript', {
                detail: { text: this.transcriptText, role: this.transcriptRole }
            })
        );
        this.transcriptText = '';
    }

    handleRaiseFlag(): void {
        this.dispatchEvent(new CustomEvent('raiseflag', { detail: { text: this.flagText } }));
        this.flagText = '';
    }

    handleLowerFlag(): void {
        this.dispatchEvent(new CustomEvent('lowerflag', { detail: { role: this.lowerFlagRole } }));
    }

    handleSendNote(): void {
        this.dispatchEvent(
            new CustomEvent('sendnote', { detail: { text: this.noteText, role: this.noteRole } })
        );
        this.noteText = '';
    }
}

function staffRole(value: string): StaffRole {
    return value === 'Agent' ? 'Agent' : 'Supervisor';
}
