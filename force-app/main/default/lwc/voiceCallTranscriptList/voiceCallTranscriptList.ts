/**
 * Presentation component: the transcript's scroll area (its host) and the list of lines in it, kept by
 * transcriptRows.ts (see there why by hand). The transcript tells it what to show with `show`, once per update, and
 * scrolls it; it renders its template once.
 */
import { LightningElement, api } from 'lwc';
import type { LineRow } from './transcriptRows';
import { TranscriptRows } from './transcriptRows';

export type { LineRow } from './transcriptRows';

export default class VoiceCallTranscriptList extends LightningElement {
    private readonly lines = new TranscriptRows();

    /** Shows `rows` (the same row object for a line that has not changed), with `query`'s matches marked. */
    @api
    show(rows: readonly LineRow[], query: string): void {
        const list = this.refs?.list;
        if (list instanceof HTMLElement) {
            this.lines.sync(list, rows, query);
        }
    }

    /** The line holding the current search match, if shown. */
    @api
    get currentLine(): HTMLElement | undefined {
        return this.lines.currentElement;
    }
}
