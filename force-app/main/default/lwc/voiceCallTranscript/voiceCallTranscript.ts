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
 * The lines are kept in the list by c-voice-call-transcript-list (its transcriptRows.ts), not by a template: a new
 * utterance adds one line and touches no other (see there why).
 */
import { LightningElement, api } from 'lwc';
import type { OrderedLog, Utterance } from 'c/voiceCallState';
import { logSharedPrefix } from 'c/voiceCallState';
import { SPEAKER_LABELS, formatClockTime, formatCount, formatLabel, isoTime } from 'c/voiceCallFormat';
import type { SpeakerFilter, TimelineEntry, ViewMode } from 'c/voiceCallTranscriptView';
import type { LineRow } from 'c/voiceCallTranscriptList';
import {
    LogIndex,
    firstEntryFrom,
    lowerBound,
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

/** Bookkeeping that is not rendered, so kept out of LWC's reactivity. */
interface Memo {
    /** The inputs: the transcript and the timeline (set through accessors, so that a new line does not render). */
    log: OrderedLog<Utterance> | undefined;
    timeline: readonly TimelineEntry[] | undefined;
    /** The agent is at the bottom: new lines scroll into view. */
    following: boolean;
    /** Filtered lines the list showed last, to count those that arrived since. */
    shownSize: number;
    /** The lines of the last sync and what they were made of, to add only the new ones to them (see `rows`). */
    shown: ShownRows | undefined;
    /** A `syncLines` is queued. */
    syncQueued: boolean;
    /** The animation frame requested to follow the newest line, until it runs. */
    followFrame: number | undefined;
    /** Where following the newest line last scrolled to, and how many filtered lines there were then. */
    followedTop: number;
    followedSize: number;
    /** The key of the first line the list showed last (old lines left from above when it changes). */
    firstKey: string | undefined;
    /** The template has rendered (its refs may be read). */
    rendered: boolean;
    /** Scroll the current match into view after the next sync. */
    revealMatch: boolean;
    readonly filtered: LogIndex<Utterance>;
    readonly matches: LogIndex<Utterance>;
    /** The row of each utterance not holding the current match, and of each timeline entry: built once. */
    readonly rows: WeakMap<Utterance, LineRow>;
    readonly entryRows: WeakMap<TimelineEntry, LineRow>;
}

/** Lines the list was given: utterances `start` to `end` of `log`, every line, no match and no timeline among them. */
interface ShownRows {
    readonly log: OrderedLog<Utterance>;
    readonly start: number;
    readonly end: number;
    readonly rows: readonly LineRow[];
}

/** c-voice-call-transcript-list: the scroll area, and the lines in it. */
interface TranscriptList extends HTMLElement {
    show(rows: readonly LineRow[], query: string): void;
    readonly currentLine: HTMLElement | undefined;
}

function isTranscriptList(element: unknown): element is TranscriptList {
    return element instanceof HTMLElement && 'show' in element;
}

const EMPTY_POSITIONS: readonly number[] = [];

/**
 * How a new line reaches the list: the console sets `log`; the setter works out what the template shows (whether
 * the transcript is empty, since when lines are shown, the match count) into fields that change only when that
 * does, so the template renders again only then; and it queues one `syncLines` (a microtask: events of one task
 * make one update), which puts the lines in the list and follows the newest (at the next animation frame). The
 * template never renders per line.
 */
export default class VoiceCallTranscript extends LightningElement {
    /** The call's whole transcript, in time order. */
    @api
    get log(): OrderedLog<Utterance> | undefined {
        return this.memo.log;
    }
    set log(value: OrderedLog<Utterance> | undefined) {
        this.memo.log = value;
        this.update();
    }

    /** The call's id and start (for the exports' file name and relative times). */
    @api callId: string | undefined;
    @api callStartedAt: number | undefined;

    /** Height of the scroll area in px. */
    @api height: number | undefined;

    /** The call's timeline, shown between the utterances at the time each event happened; undefined hides it. */
    @api
    get timeline(): readonly TimelineEntry[] | undefined {
        return this.memo.timeline;
    }
    set timeline(value: readonly TimelineEntry[] | undefined) {
        this.memo.timeline = value;
        this.update();
    }

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

    // What the template shows of the log, set by `update` (LWC renders again only when one changes).
    /** No line yet. */
    isEmpty = true;
    /** Lines, but none passes the speaker filter. */
    noFilteredLines = false;
    /** The time of the first line shown while earlier lines are not (the latest, or held); undefined otherwise. */
    windowStartAt: number | undefined;
    /** Every line is shown, and there are more than the latest. */
    showingAll = false;
    /** Matches of the search, and the number (from 1) of the one shown; 0 when none. */
    matchCount = 0;
    currentMatchNumber = 0;

    private readonly memo: Memo = {
        log: undefined,
        timeline: undefined,
        following: true,
        shownSize: 0,
        shown: undefined,
        syncQueued: false,
        followFrame: undefined,
        followedTop: 0,
        followedSize: 0,
        firstKey: undefined,
        rendered: false,
        revealMatch: false,
        filtered: new LogIndex<Utterance>(),
        matches: new LogIndex<Utterance>(),
        rows: new WeakMap(),
        entryRows: new WeakMap()
    };

    // ---- What is shown ------------------------------------------------------------------------------------

    private get items(): readonly Utterance[] {
        return this.memo.log?.store.items ?? [];
    }

    /** Log positions of the lines that pass the speaker filter; undefined when every line does. */
    private get filteredPositions(): readonly number[] | undefined {
        const log = this.memo.log;
        if (log === undefined || this.speaker === 'all') {
            return undefined;
        }
        return this.memo.filtered.update(log, this.speaker, speakerTest(this.speaker));
    }

    /** How many lines pass the filter. */
    private get filteredSize(): number {
        return this.filteredPositions?.length ?? this.memo.log?.size ?? 0;
    }

    /** Log positions of the filtered lines matching the search. */
    private get matchPositions(): readonly number[] {
        const log = this.memo.log;
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

    /**
     * Works out what the template shows after any change of the log, the timeline, the filter, the search or the
     * view, and queues putting the lines in the list. Each field is assigned only what it shows: an equal value
     * does not render the template again.
     */
    private update(): void {
        const size = this.memo.log?.size ?? 0;
        const filtered = this.filteredPositions;
        const filteredSize = filtered?.length ?? size;
        this.isEmpty = size === 0;
        this.noFilteredLines = size > 0 && filteredSize === 0;
        const { start, end } = viewRange(filteredSize, this.mode);
        this.windowStartAt =
            this.mode.kind !== 'around' && start > 0 && start < end
                ? this.items[this.logPositionOf(filtered, start)].at
                : undefined;
        this.showingAll = this.mode.kind === 'all' && latestStart(filteredSize) > 0;
        this.matchCount = this.matchPositions.length;
        this.currentMatchNumber = this.currentMatchIndex + 1;
        this.queueSync();
    }

    /** The lines the list shows now. */
    private rows(): readonly LineRow[] {
        // Read each input once: this runs on every new line, for every line shown.
        const log = this.memo.log;
        const filtered = this.filteredPositions;
        const size = filtered?.length ?? log?.size ?? 0;
        const { start, end } = viewRange(size, this.mode);
        const items = this.items;
        const matchAt = this.currentMatchIndex;
        const currentPosition = matchAt < 0 ? -1 : this.matchPositions[matchAt];
        // The timeline's events between the lines shown (all lines only: a speaker's lines have no timeline).
        const timeline = this.speaker === 'all' ? (this.memo.timeline ?? []) : [];
        const plain =
            log !== undefined && filtered === undefined && currentPosition < 0 && timeline.length === 0;
        // The live case: new lines at the end of the same lines (nothing before them changed): add only those.
        const shown = this.memo.shown;
        this.memo.shown = undefined;
        if (
            plain &&
            shown !== undefined &&
            shown.start === start &&
            shown.end <= end &&
            shown.end <= logSharedPrefix(shown.log, log)
        ) {
            const rows = shown.rows.concat(
                items.slice(shown.end, end).map((utterance) => this.lineRow(utterance))
            );
            this.memo.shown = { log, start, end, rows };
            return rows;
        }
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
            rows.push(
                logPosition === currentPosition
                    ? { key: utterance.id, utterance, entry: undefined, current: true }
                    : this.lineRow(utterance)
            );
        }
        while (next < last) {
            rows.push(this.entryRow(timeline[next]));
            next += 1;
        }
        if (plain) {
            this.memo.shown = { log, start, end, rows };
        }
        return rows;
    }

    /** The row of an utterance that does not hold the current match: built once. */
    private lineRow(utterance: Utterance): LineRow {
        let row = this.memo.rows.get(utterance);
        if (row === undefined) {
            row = { key: utterance.id, utterance, entry: undefined, current: false };
            this.memo.rows.set(utterance, row);
        }
        return row;
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

    get isWindowed(): boolean {
        return this.windowStartAt !== undefined;
    }

    get showingAround(): boolean {
        return this.mode.kind === 'around';
    }

    /**
     * The time of the first line shown. It changes only when old lines leave (in blocks), not with every new line: a
     * live count would render the template again on every utterance of a long call.
     */
    get windowStartTime(): string {
        return formatClockTime(this.windowStartAt);
    }

    get windowStartIso(): string {
        return isoTime(this.windowStartAt);
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
        return normaliseQuery(this.query) !== '';
    }

    get hasMessage(): boolean {
        return this.message !== '';
    }

    // ---- The list and scrolling ---------------------------------------------------------------------------

    private queueSync(): void {
        if (this.memo.syncQueued) {
            return;
        }
        this.memo.syncQueued = true;
        // After the render this change may cause (the list may be rendered anew), before the browser paints.
        // A promise's microtask: jest's fake timers would count a `queueMicrotask` as a timer.
        Promise.resolve()
            .then(() => {
                if (this.memo.syncQueued) {
                    this.syncLines();
                }
            })
            .catch((error: unknown) => {
                console.error('voiceCallTranscript: the lines could not be updated', error);
            });
    }

    override renderedCallback(): void {
        this.memo.rendered = true;
        this.syncLines();
    }

    override disconnectedCallback(): void {
        this.cancelFollow();
    }

    /** Puts the lines in the list, then follows the newest, reveals the current match, or counts the unseen lines. */
    private syncLines(): void {
        this.memo.syncQueued = false;
        const list = this.scroller;
        if (list === undefined) {
            this.memo.shownSize = this.filteredSize;
            return;
        }
        const rows = this.rows();
        list.show(rows, normaliseQuery(this.query));
        const firstKey = rows.length > 0 ? rows[0].key : undefined;
        const firstChanged = firstKey !== this.memo.firstKey;
        this.memo.firstKey = firstKey;
        const size = this.filteredSize;
        const arrived = size - this.memo.shownSize;
        this.memo.shownSize = size;
        if (this.memo.revealMatch) {
            this.memo.revealMatch = false;
            this.revealCurrentMatch();
        } else if (this.memo.following) {
            // New lines are followed at the next frame; when lines left from above (which moves what is in view:
            // every 60 lines, or another view), at once.
            if (firstChanged) {
                this.scrollToEnd();
            } else {
                this.followNewest();
            }
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
        if (atBottom) {
            this.noteFollowed(scroller);
        }
        // Lines arrived since the last frame, which follows them: the agent left the bottom only by scrolling up
        // from where the transcript last followed to.
        const followPending =
            this.memo.followFrame !== undefined &&
            scroller.scrollTop >= this.memo.followedTop - BOTTOM_SLACK_PX;
        if (atBottom === this.memo.following || (!atBottom && followPending)) {
            return;
        }
        this.memo.following = atBottom;
        if (atBottom) {
            this.unseenCount = 0;
            if (this.mode.kind === 'held') {
                this.setMode({ kind: 'latest' });
            }
            return;
        }
        if (this.memo.followFrame !== undefined) {
            // Scrolled up before the frame followed the lines that arrived since the last one: they are unseen
            // (except around a match, where new lines are not shown).
            this.cancelFollow();
            if (this.mode.kind !== 'around') {
                this.unseenCount += Math.max(0, this.memo.shownSize - this.memo.followedSize);
            }
        }
        if (this.mode.kind === 'latest') {
            // Reading older lines: nothing leaves from above the agent's reading position.
            this.setMode({ kind: 'held', start: viewRange(this.filteredSize, this.mode).start });
        }
    }

    /** "N new lines" and "Back to the latest lines": the newest line, following again. */
    handleJumpToLatest(): void {
        this.unseenCount = 0;
        this.setMode(this.mode.kind === 'all' ? this.mode : { kind: 'latest' });
        this.memo.following = true;
        this.scrollToEnd();
    }

    handleShowAll(): void {
        this.setMode({ kind: 'all' });
    }

    handleShowLatest(): void {
        this.setMode({ kind: 'latest' });
        this.handleJumpToLatest();
    }

    private setMode(mode: ViewMode): void {
        this.mode = mode;
        this.update();
    }

    /** The list, which is the scroll area too. */
    private get scroller(): TranscriptList | undefined {
        const scroller = this.memo.rendered ? this.refs?.scroller : undefined;
        return isTranscriptList(scroller) ? scroller : undefined;
    }

    /**
     * Follows the newest line at the next animation frame, once for all the lines that arrived before it: the agent
     * sees the same picture (the frame runs before the browser paints), and the scroll area is scrolled, and laid
     * out for it, once per frame instead of once per line.
     */
    private followNewest(): void {
        if (this.memo.followFrame !== undefined || !this.isConnected) {
            return;
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- one scroll per frame; cancelled on disconnect
        this.memo.followFrame = requestAnimationFrame(() => {
            this.memo.followFrame = undefined;
            if (this.memo.following) {
                this.scrollToEnd();
            }
        });
    }

    private cancelFollow(): void {
        if (this.memo.followFrame !== undefined) {
            cancelAnimationFrame(this.memo.followFrame);
            this.memo.followFrame = undefined;
        }
    }

    private scrollToEnd(): void {
        this.cancelFollow();
        const scroller = this.scroller;
        if (scroller !== undefined) {
            scroller.scrollTop = scroller.scrollHeight;
            this.noteFollowed(scroller);
        }
    }

    /** The scroll area is at the newest line: where, and with how many lines. */
    private noteFollowed(scroller: HTMLElement): void {
        this.memo.followedTop = scroller.scrollTop;
        this.memo.followedSize = this.memo.shownSize;
    }

    /**
     * Centres the current match's line in the transcript's own scroll area, then scrolls the panel around it no more
     * than needed to show the line. (`scrollIntoView` centring would centre it in the utility panel too, taking the
     * search box out of view as the agent types.)
     */
    private revealCurrentMatch(): void {
        const scroller = this.scroller;
        const current = scroller?.currentLine;
        if (scroller === undefined || current === undefined) {
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
        this.update();
    }

    handleStep(event: CustomEvent<{ direction: -1 | 1 }>): void {
        const count = this.matchPositions.length;
        if (count === 0) {
            return;
        }
        this.matchIndex = (this.currentMatchIndex + event.detail.direction + count) % count;
        this.moveToMatch();
        this.update();
    }

    handleSpeaker(event: CustomEvent<{ speaker: SpeakerFilter }>): void {
        this.speaker = event.detail.speaker;
        this.matchIndex = -1;
        this.mode = { kind: 'latest' };
        this.memo.following = true;
        this.memo.shownSize = this.filteredSize;
        // Counted among the lines of the new filter from now on, as if followed.
        this.memo.followedSize = this.memo.shownSize;
        this.unseenCount = 0;
        this.update();
    }

    /** Shows the current match: among the latest lines if it is there, else the lines around it (then `update`). */
    private moveToMatch(): void {
        const at = this.currentMatchIndex;
        if (at < 0) {
            return;
        }
        const logPosition = this.matchPositions[at];
        const filtered = this.filteredPositions;
        const position =
            filtered === undefined ? logPosition : lowerBound(filtered, logPosition, (value) => value);
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
        const log = this.memo.log;
        const utterances = log === undefined ? [] : this.items.slice(0, log.size);
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
