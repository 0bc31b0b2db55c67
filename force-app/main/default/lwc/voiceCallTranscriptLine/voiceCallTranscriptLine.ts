/**
 * Presentation component: one transcript line, an utterance with its speaker ("Agent", "Supervisor",
 * "Customer"), the sender's name where given, the time, and the text (rendered as text).
 *
 * A line is its own component so that a new utterance renders one new line and leaves the others alone: the
 * transcript passes each line the same utterance object on every render, and LWC re-renders a component only when
 * an input changes. (Rows of one big template are all patched again on every render.)
 */
import { LightningElement, api } from 'lwc';
import type { Utterance } from 'c/voiceCallState';
import { SPEAKER_LABELS, formatClockTime, isoTime } from 'c/voiceCallFormat';
import type { TextSegment, TimelineEntry } from 'c/voiceCallTranscriptView';
import { textSegments } from 'c/voiceCallTranscriptView';

export default class VoiceCallTranscriptLine extends LightningElement {
    /** The utterance to show; utterances never change (a changed one is a new object). */
    @api utterance: Utterance | undefined;

    /** An event of the call's timeline to show instead of an utterance. */
    @api entry: TimelineEntry | undefined;

    /** The search, normalised (see the transcript's `normaliseQuery`): its matches in the text are highlighted. */
    @api query = '';

    /** This line holds the search match the agent moved to (marked `data-current="true"` for the transcript). */
    @api
    get current(): boolean {
        return this.isCurrent;
    }
    set current(value: boolean) {
        this.isCurrent = value;
        this.setAttribute('data-current', String(value));
    }

    private isCurrent = false;

    override connectedCallback(): void {
        // An item of the transcript's list, set here rather than by the transcript's template: every attribute or
        // property a template sets is compared again on each render of the transcript, for every line.
        this.setAttribute('role', 'listitem');
        this.setAttribute('data-id', this.entry === undefined ? 'utterance' : 'timeline-event');
    }

    get entryTime(): string {
        return formatClockTime(this.entry?.at);
    }

    get entryIso(): string {
        return isoTime(this.entry?.at);
    }

    get entryText(): string {
        return this.entry?.text ?? '';
    }

    get speaker(): string {
        return this.utterance === undefined ? '' : SPEAKER_LABELS[this.utterance.sender.role];
    }

    get displayName(): string {
        return this.utterance?.sender.displayName?.trim() ?? '';
    }

    get hasDisplayName(): boolean {
        return this.displayName !== '';
    }

    get time(): string {
        return formatClockTime(this.utterance?.at);
    }

    get isoTime(): string {
        return isoTime(this.utterance?.at);
    }

    get lineClass(): string {
        const role = this.utterance?.sender.role.toLowerCase() ?? 'unknown';
        return `slds-p-vertical_xx-small utterance utterance_${role}${this.isCurrent ? ' current-match' : ''}`;
    }

    get ariaCurrent(): string | null {
        return this.isCurrent ? 'true' : null;
    }

    get text(): string {
        return this.utterance?.text ?? '';
    }

    /** The text in pieces, the search's matches marked; each piece is rendered as text. */
    get segments(): TextSegment[] {
        return textSegments(this.text, this.query);
    }
}
