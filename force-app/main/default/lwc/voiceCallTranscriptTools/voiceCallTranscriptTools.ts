/**
 * Presentation component: the transcript's tools. A search box with the match count and previous / next, a speaker
 * filter, and copy / download of the transcript. It holds no transcript: it reports what the agent asks for with
 * events (`search` with `detail.query`, `step` with `detail.direction` -1 or 1, `speaker` with `detail.speaker`,
 * `export` with `detail.format` "text" or "json" and `detail.action` "copy" or "download"), and shows the counts
 * it is given. A component of its own so that a new transcript line does not render it again.
 */
import { LightningElement, api } from 'lwc';
import { SPEAKER_LABELS, formatCount } from 'c/voiceCallFormat';

export const TOOLS_LABELS = {
    search: 'Search the transcript',
    searchPlaceholder: 'Search',
    previous: 'Previous match',
    next: 'Next match',
    speaker: 'Speaker',
    allSpeakers: 'All speakers',
    copy: 'Copy',
    copyTitle: 'Copy the transcript as text',
    downloadText: '.txt',
    downloadTextTitle: 'Download the transcript as plain text',
    downloadJson: '.json',
    downloadJsonTitle: 'Download the transcript as JSON',
    noMatch: 'No match'
} as const;

/** "3 of 12", or "No match" once something is searched. */
export function matchLabel(current: number, count: number): string {
    return count === 0 ? TOOLS_LABELS.noMatch : `${formatCount(current)} of ${formatCount(count)}`;
}

const SPEAKER_VALUES = ['all', 'Agent', 'Customer', 'Supervisor'] as const;
type SpeakerValue = (typeof SPEAKER_VALUES)[number];

function isSpeakerValue(value: string): value is SpeakerValue {
    return (SPEAKER_VALUES as readonly string[]).includes(value);
}

export default class VoiceCallTranscriptTools extends LightningElement {
    /** Matches of the current search (0 when nothing is searched or nothing matches). */
    @api matchCount = 0;
    /** The match shown, from 1; 0 when none. */
    @api currentMatch = 0;
    /** Whether a search is active (a query was typed). */
    @api searching = false;
    /** The speaker filter's value: "all" or a role. */
    @api speaker = 'all';
    /** Nothing to search, copy or download yet. */
    @api empty = false;

    readonly labels = TOOLS_LABELS;

    get speakerOptions(): { value: string; label: string; selected: boolean }[] {
        return SPEAKER_VALUES.map((value) => ({
            value,
            label: value === 'all' ? TOOLS_LABELS.allSpeakers : SPEAKER_LABELS[value],
            selected: value === this.speaker
        }));
    }

    get matchText(): string {
        return matchLabel(this.currentMatch, this.matchCount);
    }

    get stepDisabled(): boolean {
        return this.matchCount === 0;
    }

    handleSearch(event: Event): void {
        const target = event.target;
        const query = target instanceof HTMLInputElement ? target.value : '';
        this.dispatchEvent(new CustomEvent('search', { detail: { query } }));
    }

    /** Enter goes to the next match, Shift+Enter to the previous one. */
    handleSearchKey(event: KeyboardEvent): void {
        if (event.key === 'Enter') {
            event.preventDefault();
            this.step(event.shiftKey ? -1 : 1);
        }
    }

    handlePrevious(): void {
        this.step(-1);
    }

    handleNext(): void {
        this.step(1);
    }

    handleSpeaker(event: Event): void {
        const target = event.target;
        const value = target instanceof HTMLSelectElement ? target.value : 'all';
        this.dispatchEvent(
            new CustomEvent('speaker', { detail: { speaker: isSpeakerValue(value) ? value : 'all' } })
        );
    }

    handleCopy(): void {
        this.exportAs('text', 'copy');
    }

    handleDownloadText(): void {
        this.exportAs('text', 'download');
    }

    handleDownloadJson(): void {
        this.exportAs('json', 'download');
    }

    private step(direction: -1 | 1): void {
        if (this.matchCount > 0) {
            this.dispatchEvent(new CustomEvent('step', { detail: { direction } }));
        }
    }

    private exportAs(format: 'text' | 'json', action: 'copy' | 'download'): void {
        this.dispatchEvent(new CustomEvent('export', { detail: { format, action } }));
    }
}
