/**
 * Presentation component: notes sent by the agent or a supervisor, each with its text, author, role
 * and time. Renders only its `notes` input.
 */
import { LightningElement, api } from 'lwc';
import type { Note } from 'c/voiceCallState';
import { SPEAKER_LABELS, formatClockTime, isoTime, senderName } from 'c/voiceCallFormat';
import NOTES_HEADING from '@salesforce/label/c.VCC_Notes_Heading';
import NOTES_EMPTY from '@salesforce/label/c.VCC_Notes_Empty';

const LABELS = Object.freeze({ heading: NOTES_HEADING, empty: NOTES_EMPTY });

interface NoteRow {
    readonly key: string;
    readonly text: string;
    readonly author: string;
    readonly role: string;
    readonly time: string;
    readonly isoTime: string;
}

export default class VoiceCallNotes extends LightningElement {
    /** The call's notes, in time order. */
    @api notes: readonly Note[] = [];

    readonly labels = LABELS;

    get rows(): NoteRow[] {
        return this.notes.map((note) => ({
            key: note.id,
            text: note.text,
            author: senderName(note.sender),
            role: SPEAKER_LABELS[note.sender.role],
            time: formatClockTime(note.at),
            isoTime: isoTime(note.at)
        }));
    }

    get isEmpty(): boolean {
        return this.notes.length === 0;
    }
}
