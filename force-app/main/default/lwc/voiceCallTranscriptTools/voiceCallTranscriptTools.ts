/**
 * Presentation component: the transcript's tools. A search box with the match count and previous / next, a speaker
 * filter, and copy / download of the transcript. It holds no transcript: it reports what the agent asks for with
 * events (`search` with `detail.query`, `step` with `detail.direction` -1 or 1, `speaker` with `detail.speaker`,
 * `export` with `detail.format` "text" or "json" and `detail.action` "copy" or "download"), and shows the counts
 * it is given. A component of its own so that a new transcript line does not render it again.
 */
import { LightningElement, api } from 'lwc';
import { SPEAKER_LABELS, formatLabel } from 'c/voiceCallFormat';
import TOOLS_SEARCH from '@salesforce/label/c.VCC_Tools_Search';
import TOOLS_SEARCH_PLACEHOLDER from '@salesforce/label/c.VCC_Tools_SearchPlaceholder';
import TOOLS_PREVIOUS_MATCH from '@salesforce/label/c.VCC_Tools_PreviousMatch';
import TOOLS_NEXT_MATCH from '@salesforce/label/c.VCC_Tools_NextMatch';
import TOOLS_SPEAKER from '@salesforce/label/c.VCC_Tools_Speaker';
import TOOLS_ALL_SPEAKERS from '@salesforce/label/c.VCC_Tools_AllSpeakers';
import TOOLS_COPY from '@salesforce/label/c.VCC_Tools_Copy';
import TOOLS_COPY_TITLE from '@salesforce/label/c.VCC_Tools_CopyTitle';
import TOOLS_DOWNLOAD_TEXT from '@salesforce/label/c.VCC_Tools_DownloadText';
import TOOLS_DOWNLOAD_JSON from '@salesforce/label/c.VCC_Tools_DownloadJson';
import TOOLS_DOWNLOAD_TEXT_TITLE from '@salesforce/label/c.VCC_Tools_DownloadTextTitle';
import TOOLS_DOWNLOAD_JSON_TITLE from '@salesforce/label/c.VCC_Tools_DownloadJsonTitle';
import TOOLS_NO_MATCH from '@salesforce/label/c.VCC_Tools_NoMatch';
import TOOLS_MATCH_POSITION from '@salesforce/label/c.VCC_Tools_MatchPosition';

/** The tools' words, for the template and the match count. */
export const TOOLS_LABELS = Object.freeze({
    search: TOOLS_SEARCH,
    searchPlaceholder: TOOLS_SEARCH_PLACEHOLDER,
    previous: TOOLS_PREVIOUS_MATCH,
    next: TOOLS_NEXT_MATCH,
    speaker: TOOLS_SPEAKER,
    allSpeakers: TOOLS_ALL_SPEAKERS,
    copy: TOOLS_COPY,
    copyTitle: TOOLS_COPY_TITLE,
    downloadText: TOOLS_DOWNLOAD_TEXT,
    downloadTextTitle: TOOLS_DOWNLOAD_TEXT_TITLE,
    downloadJson: TOOLS_DOWNLOAD_JSON,
    downloadJsonTitle: TOOLS_DOWNLOAD_JSON_TITLE,
    noMatch: TOOLS_NO_MATCH,
    /** "3 of 12": `{0}` is the match shown, `{1}` the count. */
    matchPosition: TOOLS_MATCH_POSITION
});

/** "3 of 12", or "No match" once something is searched. */
export function matchLabel(current: number, count: number): string {
    return count === 0 ? TOOLS_LABELS.noMatch : formatLabel(TOOLS_LABELS.matchPosition, current, count);
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
