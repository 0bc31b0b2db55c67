/**
 * Presentation component: the live transcript of a call, in its own scroll area, with its tools.
 *
 * - It shows the latest lines only (at least 60; old lines leave in blocks of 60, so the lines kept are not moved
 *   on every new line), says since when ("Showing lines since 2:05:09 PM") and offers every line.
 * - It follows the newest line while the agent is at the bottom. Once the agent scrolls up, it stays where the agent
 *   is, keeps the old lines in place, and offers a "N new lines" button that jumps to the latest.
 * - Search (the whole transcript, ignoring case): match count, previous / next (moving to lines outside the latest
 *   when needed), matches highlighted as text. Filter by speaker. Copy, and download as plain text or JSON, with
 *   times relative to the call's start.
 * Each line is a component of its own (c-voice-call-transcript-line): a new utterance renders one new line.
 */
import { LightningElement, api } from 'lwc';
import type { OrderedLog, Utterance } from 'c/voiceCallState';
import { SPEAKER_LABELS, formatClockTime, formatCount, formatLabel, isoTime } from 'c/voiceCallFormat';
import type { SpeakerFilter, TimelineEntry, ViewMode } from 'c/voiceCallTranscriptView';
import {
    LogIndex,
    firstEntryFrom,
    exportFileName,
    exportOrigin,
    latestStart,
    matchesSearch,
    modeAround,
    normaliseQuery,
    speakerTest,
    transcriptJson,
    transcriptText,
    viewRange
} from 'c/voiceCallTranscriptView';
import TRANSCRIPT_HEADING from '@salesforce/label/c.VCC_Transcript_Heading';
import TRANSCRIPT_EMPTY from '@salesforce/label/c.VCC_Transcript_Empty';
import TRANSCRIPT_NO_LINES from '@salesforce/label/c.VCC_Transcript_NoLines';
import TRANSCRIPT_WINDOW_SINCE from '@salesforce/label/c.VCC_Transcript_WindowSince';
import TRANSCRIPT_SHOW_ALL from '@salesforce/label/c.VCC_Transcript_ShowAll';
import TRANSCRIPT_SHOW_LATEST from '@salesforce/label/c.VCC_Transcript_ShowLatest';
import TRANSCRIPT_AROUND_MATCH from '@salesforce/label/c.VCC_Transcript_AroundMatch';
import TRANSCRIPT_BACK_TO_LATEST from '@salesforce/label/c.VCC_Transcript_BackToLatest';
import TRANSCRIPT_COPIED from '@salesforce/label/c.VCC_Transcript_Copied';
import TRANSCRIPT_COPY_FAILED from '@salesforce/label/c.VCC_Transcript_CopyFailed';
import TRANSCRIPT_DOWNLOADED from '@salesforce/label/c.VCC_Transcript_Downloaded';
import TRANSCRIPT_DOWNLOAD_FAILED from '@salesforce/label/c.VCC_Transcript_DownloadFailed';
import TRANSCRIPT_NEW_LINE from '@salesforce/label/c.VCC_Transcript_NewLine';
import TRANSCRIPT_NEW_LINES from '@salesforce/label/c.VCC_Transcript_NewLines';

/** The transcript's words, for its template and its messages. */
export const TRANSCRIPT_LABELS = Object.freeze({
    transcript: TRANSCRIPT_HEADING,
    empty: TRANSCRIPT_EMPTY,
    noLines: TRANSCRIPT_NO_LINES,
    /** Followed by the time of the first line shown: one text node beside the `<time>`, as before. */
    windowSince: TRANSCRIPT_WINDOW_SINCE,
    showAll: TRANSCRIPT_SHOW_ALL,
    showLatest: TRANSCRIPT_SHOW_LATEST,
    aroundMatch: TRANSCRIPT_AROUND_MATCH,
    backToLatest: TRANSCRIPT_BACK_TO_LATEST,
    copied: TRANSCRIPT_COPIED,
    copyFailed: TRANSCRIPT_COPY_FAILED,
    downloaded: TRANSCRIPT_DOWNLOADED,
    downloadFailed: TRANSCRIPT_DOWNLOAD_FAILED,
    /** "1 new line", "12 new lines": `{0}` is the count. */
    newLine: TRANSCRIPT_NEW_LINE,
    newLines: TRANSCRIPT_NEW_LINES
});

/** The transcript's scroll area, in px, unless the container says otherwise. */
export const DEFAULT_TRANSCRIPT_HEIGHT = 320;
/** Within this many px of the bottom counts as at the bottom (zoom and rounding leave fractions). */
const BOTTOM_SLACK_PX = 8;

/** "1 new line", "12 new lines". */
function newLinesLabel(count: number): string {
    return formatLabel(
        count === 1 ? TRANSCRIPT_LABELS.newLine : TRANSCRIPT_LABELS.newLines,
        formatCount(count)
    );
}

/** A line as the list renders it: an utterance, or an event of the call's timeline. */
interface LineRow {
    readonly key: string;
    readonly utterance: Utterance | undefined;
    readonly entry: TimelineEntry | undefined;
    readonly current: boolean;
}

/** Bookkeeping that is not rendered, so kept out of LWC's reactivity (its fields change during render). */
interface Memo {
    /** The agent is at the bottom: new lines scroll into view. */
    following: boolean;
    /** Filtered lines the last render showed, to count those that arrived since. */
    renderedSize: number;
    /** The filtered range the last render showed. */
    shownStart: number;
    shownEnd: number;
    /** The last render dropped old lines but held back new ones: show them in a render of their own. */
    growPending: boolean;
    /** The `growTick` the last render saw. */
    growTick: number;
    /** Scroll the current match into view after the next render. */
    revealMatch: boolean;
    readonly filtered: LogIndex<Utterance>;
    readonly matches: LogIndex<Utterance>;
    /** The row of each utterance not holding the current match, and of each timeline entry: built once. */
    readonly rows: WeakMap<Utterance, LineRow>;
    readonly entryRows: WeakMap<TimelineEntry, LineRow>;
}

const EMPTY_POSITIONS: readonly number[] = [];

export default class VoiceCallTranscript extends LightningElement {
    /** The call's whole transcript, in time order. */
    @api log: OrderedLog<Utterance> | undefined;

    /** The call's id and start (for the exports' file name and relative times). */
    @api callId: string | undefined;
    @api callStartedAt: number | undefined;

    /** Height of the scroll area in px. */
    @api height: number | undefined;

    /** The call's timeline, shown between the utterances at the time each event happened; undefined hides it. */
    @api timeline: readonly TimelineEntry[] | undefined;

    readonly labels = TRANSCRIPT_LABELS;

    /** Lines that arrived while the agent was scrolled up. */
    unseenCount = 0;
    mode: ViewMode = { kind: 'latest' };
    speaker: SpeakerFilter = 'all';
    /** The search as typed, and normalised. */
    query = '';
    /** Index in the matches of the match shown; -1 before the agent moves (the latest match is shown). */
    matchIndex = -1;
    /** The result of the last copy or download. */
    message = '';
    /** Bumped to render the new lines held back by a render that dropped old ones. */
    growTick = 0;

    private readonly memo: Memo = {
        following: true,
        renderedSize: 0,
        shownStart: 0,
        shownEnd: 0,
        growPending: false,
        growTick: 0,
        revealMatch: false,
        filtered: new LogIndex<Utterance>(),
        matches: new LogIndex<Utterance>(),
        rows: new WeakMap(),
        entryRows: new WeakMap()
    };

    // ---- What is shown ------------------------------------------------------------------------------------

    private get items(): readonly Utterance[] {
        return this.log?.store.items ?? [];
    }

    /** Log positions of the lines that pass the speaker filter; undefined when every line does. */
    private get filteredPositions(): readonly number[] | undefined {
        const log = this.log;
        if (log === undefined || this.speaker === 'all') {
            return undefined;
        }
        return this.memo.filtered.update(log, this.speaker, speakerTest(this.speaker));
    }

    /** How many lines pass the filter. */
    private get filteredSize(): number {
        return this.filteredPositions?.length ?? this.log?.size ?? 0;
    }

    private logPosition(filteredPosition: number): number {
        return this.filteredPositions?.[filteredPosition] ?? filteredPosition;
    }

    /** Log positions of the filtered lines matching the search. */
    private get matchPositions(): readonly number[] {
        const log = this.log;
        const query = normaliseQuery(this.query);
        if (log === undefined || query === '') {
            return EMPTY_POSITIONS;
        }
        const passes = speakerTest(this.speaker);
        return this.memo.matches.update(
            log,
            `${this.speaker}\u0000${query}`,
            (utterance) => passes(utterance) && matchesSearch(utterance.text, query)
        );
    }

    /** The match shown: the one the agent moved to, else the latest. */
    private get currentMatchIndex(): number {
        const count = this.matchPositions.length;
        if (count === 0) {
            return -1;
        }
        return this.matchIndex < 0 || this.matchIndex >= count ? count - 1 : this.matchIndex;
    }

    get rows(): LineRow[] {
        // Read each reactive input once: this runs on every new line, for every line shown.
        const filtered = this.filteredPositions;
        const size = filtered?.length ?? this.log?.size ?? 0;
        const { start, end: target } = viewRange(size, this.mode);
        // LWC's list diff keeps the lines shown in place when lines leave from the start OR arrive at the end, but
        // moves every kept line (disconnecting and connecting its component) when both happen in one render. So
        // when old lines leave, this render drops them and the next one adds the new lines.
        const { shownStart, shownEnd } = this.memo;
        const end =
            start > shownStart && shownStart < shownEnd && target > shownEnd && start < shownEnd
                ? shownEnd
                : target;
        this.memo.growPending = end !== target;
        this.memo.shownStart = start;
        this.memo.shownEnd = end;
        // Read here, so that bumping it (renderedCallback) renders the held-back lines.
        this.memo.growTick = this.growTick;
        const items = this.items;
        const matchAt = this.currentMatchIndex;
        const currentPosition = matchAt < 0 ? -1 : this.matchPositions[matchAt];
        const cache = this.memo.rows;
        // The timeline's events between the lines shown (all lines only: a speaker's lines have no timeline).
        const timeline = this.speaker === 'all' ? (this.timeline ?? []) : [];
        let next =
            start > 0 && start < end
                ? firstEntryFrom(timeline, items[this.logPositionOf(filtered, start)].at)
                : 0;
        const last =
            end < size && timeline.length > 0
                ? firstEntryFrom(timeline, items[this.logPositionOf(filtered, end)].at)
                : timeline.length;
        const rows: LineRow[] = [];
        for (let position = start; position < end; position++) {
            const logPosition = filtered === undefined ? position : filtered[position];
            const utterance = items[logPosition];
            while (next < last && timeline[next].at < utterance.at) {
                rows.push(this.entryRow(timeline[next]));
                next += 1;
            }
            const current = logPosition === currentPosition;
            let row = current ? undefined : cache.get(utterance);
            if (row === undefined) {
                row = { key: utterance.id, utterance, entry: undefined, current };
                if (!current) {
                    cache.set(utterance, row);
                }
            }
            rows.push(row);
        }
        while (next < last) {
            rows.push(this.entryRow(timeline[next]));
            next += 1;
        }
        return rows;
    }

    private logPositionOf(filtered: readonly number[] | undefined, position: number): number {
        return filtered === undefined ? position : filtered[position];
    }

    private entryRow(entry: TimelineEntry): LineRow {
        let row = this.memo.entryRows.get(entry);
        if (row === undefined) {
            row = { key: entry.key, utterance: undefined, entry, current: false };
            this.memo.entryRows.set(entry, row);
        }
        return row;
    }

    get normalisedQuery(): string {
        return normaliseQuery(this.query);
    }

    get isEmpty(): boolean {
        return (this.log?.size ?? 0) === 0;
    }

    get noFilteredLines(): boolean {
        return !this.isEmpty && this.filteredSize === 0;
    }

    /** Earlier lines are not shown (the latest, or held): say since when, offer them all. */
    get isWindowed(): boolean {
        return this.mode.kind !== 'around' && viewRange(this.filteredSize, this.mode).start > 0;
    }

    get showingAll(): boolean {
        return this.mode.kind === 'all' && latestStart(this.filteredSize) > 0;
    }

    get showingAround(): boolean {
        return this.mode.kind === 'around';
    }

    /**
     * The time of the first line shown. It changes only when old lines leave (in blocks), not with every new line: a
     * live count would be rendered again on every utterance of a long call.
     */
    get windowStartTime(): string {
        return formatClockTime(this.firstShown?.at);
    }

    get windowStartIso(): string {
        return isoTime(this.firstShown?.at);
    }

    private get firstShown(): Utterance | undefined {
        const { start, end } = viewRange(this.filteredSize, this.mode);
        return start < end ? this.items[this.logPosition(start)] : undefined;
    }

    get scrollStyle(): string {
        return `height:${String(this.height ?? DEFAULT_TRANSCRIPT_HEIGHT)}px`;
    }

    get hasUnseen(): boolean {
        return this.unseenCount > 0;
    }

    get unseenLabel(): string {
        return newLinesLabel(this.unseenCount);
    }

    get searching(): boolean {
        return this.normalisedQuery !== '';
    }

    get matchCount(): number {
        return this.matchPositions.length;
    }

    get currentMatchNumber(): number {
        return this.currentMatchIndex + 1;
    }

    get hasMessage(): boolean {
        return this.message !== '';
    }

    // ---- Scrolling ----------------------------------------------------------------------------------------

    override renderedCallback(): void {
        if (this.memo.growPending) {
            this.memo.growPending = false;
            this.growTick += 1;
            return;
        }
        const size = this.filteredSize;
        const arrived = size - this.memo.renderedSize;
        this.memo.renderedSize = size;
        if (this.memo.revealMatch) {
            this.memo.revealMatch = false;
            this.revealCurrentMatch();
        } else if (this.memo.following) {
            this.scrollToEnd();
        } else if (arrived > 0 && this.mode.kind !== 'around') {
            this.unseenCount += arrived;
        }
    }

    handleScroll(): void {
        const scroller = this.scroller;
        if (scroller === undefined) {
            return;
        }
        const atBottom =
            scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK_PX;
        if (atBottom === this.memo.following) {
            return;
        }
        this.memo.following = atBottom;
        if (atBottom) {
            this.unseenCount = 0;
            if (this.mode.kind === 'held') {
                this.mode = { kind: 'latest' };
            }
        } else if (this.mode.kind === 'latest') {
            // Reading older lines: nothing leaves from above the agent's reading position.
            this.mode = { kind: 'held', start: viewRange(this.filteredSize, this.mode).start };
        }
    }

    /** "N new lines" and "Back to the latest lines": the newest line, following again. */
    handleJumpToLatest(): void {
        this.unseenCount = 0;
        this.mode = this.mode.kind === 'all' ? this.mode : { kind: 'latest' };
        this.memo.following = true;
        this.scrollToEnd();
    }

    handleShowAll(): void {
        this.mode = { kind: 'all' };
    }

    handleShowLatest(): void {
        this.mode = { kind: 'latest' };
        this.handleJumpToLatest();
    }

    private get scroller(): HTMLElement | undefined {
        const scroller = this.refs?.scroller;
        return scroller instanceof HTMLElement ? scroller : undefined;
    }

    private scrollToEnd(): void {
        const scroller = this.scroller;
        if (scroller !== undefined) {
            scroller.scrollTop = scroller.scrollHeight;
        }
    }

    /**
     * Centres the current match's line in the transcript's own scroll area, then scrolls the panel around it no more
     * than needed to show the line. (`scrollIntoView` centring would centre it in the utility panel too, taking the
     * search box out of view as the agent types.)
     */
    private revealCurrentMatch(): void {
        const scroller = this.scroller;
        const list = this.refs?.list;
        const current = list?.querySelector('[data-current="true"]');
        if (scroller === undefined || !(current instanceof HTMLElement)) {
            return;
        }
        const line = current.getBoundingClientRect();
        const offset = line.top - scroller.getBoundingClientRect().top;
        scroller.scrollTop += offset - (scroller.clientHeight - line.height) / 2;
        if (typeof current.scrollIntoView === 'function') {
            current.scrollIntoView({ block: 'nearest' });
        }
    }

    // ---- Tools --------------------------------------------------------------------------------------------

    handleSearch(event: CustomEvent<{ query: string }>): void {
        this.query = event.detail.query;
        this.matchIndex = -1;
        this.moveToMatch();
    }

    handleStep(event: CustomEvent<{ direction: -1 | 1 }>): void {
        const count = this.matchPositions.length;
        if (count === 0) {
            return;
        }
        this.matchIndex = (this.currentMatchIndex + event.detail.direction + count) % count;
        this.moveToMatch();
    }

    handleSpeaker(event: CustomEvent<{ speaker: SpeakerFilter }>): void {
        this.speaker = event.detail.speaker;
        this.matchIndex = -1;
        this.mode = { kind: 'latest' };
        this.memo.following = true;
        this.memo.renderedSize = this.filteredSize;
        this.unseenCount = 0;
    }

    /** Shows the current match: among the latest lines if it is there, else the lines around it. */
    private moveToMatch(): void {
        const at = this.currentMatchIndex;
        if (at < 0) {
            return;
        }
        const logPosition = this.matchPositions[at];
        const filtered = this.filteredPositions;
        const position = filtered === undefined ? logPosition : binarySearch(filtered, logPosition);
        if (this.mode.kind !== 'all') {
            this.mode = modeAround(position, this.filteredSize);
        }
        this.memo.following = false;
        this.memo.revealMatch = true;
    }

    async handleExport(
        event: CustomEvent<{ format: 'text' | 'json'; action: 'copy' | 'download' }>
    ): Promise<void> {
        const { format, action } = event.detail;
        const utterances = this.log === undefined ? [] : this.items.slice(0, this.log.size);
        const origin = exportOrigin(this.callStartedAt, utterances);
        const callId = this.callId ?? '';
        const content =
            format === 'json'
                ? transcriptJson(callId, utterances, origin, this.callStartedAt)
                : transcriptText(utterances, origin, SPEAKER_LABELS);
        if (action === 'copy') {
            this.message = (await copyText(content))
                ? TRANSCRIPT_LABELS.copied
                : TRANSCRIPT_LABELS.copyFailed;
            return;
        }
        const file = exportFileName(callId, format === 'json' ? 'json' : 'txt');
        const type = format === 'json' ? 'application/json' : 'text/plain';
        this.message = this.download(content, file, type)
            ? TRANSCRIPT_LABELS.downloaded
            : TRANSCRIPT_LABELS.downloadFailed;
    }

    /** Saves `content` as a file through the template's link; false where the browser cannot. */
    private download(content: string, file: string, type: string): boolean {
        const link = this.refs?.download;
        if (!(link instanceof HTMLAnchorElement) || typeof URL.createObjectURL !== 'function') {
            return false;
        }
        try {
            const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
            link.href = url;
            link.download = file;
            link.click();
            // The browser has taken the file; the URL can go once this task is over.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            setTimeout(() => {
                URL.revokeObjectURL(url);
            }, 0);
            return true;
        } catch {
            return false;
        }
    }
}

/** The index of `value` in the ascending `values`, or where it would be inserted. */
function binarySearch(values: readonly number[], value: number): number {
    let low = 0;
    let high = values.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (values[middle] < value) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

/** Writes to the clipboard; false when there is none or it refuses. */
async function copyText(text: string): Promise<boolean> {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (typeof clipboard?.writeText !== 'function') {
        return false;
    }
    try {
        await clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
