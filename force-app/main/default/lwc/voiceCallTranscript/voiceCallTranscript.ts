/**
 * Presentation component: the live transcript, one line per utterance (c-voice-call-transcript-line), in its own
 * scroll area. It follows the newest line while the agent is at the bottom; once the agent scrolls up it stays
 * where the agent is and offers a "N new" button that jumps to the latest line.
 *
 * A long call's container passes only the latest lines (a window whose old lines leave in blocks) and the
 * transcript's full length: the transcript then says "Showing lines since <time of the first shown>" and offers every line
 * ("showall" event); once every line is shown it offers to go back to the latest ("showlatest" event). It tells the
 * container whether it is following the newest line ("follow" event, `detail.following`), so the container keeps
 * old lines in place while the agent reads them.
 */
import { LightningElement, api } from 'lwc';
import type { Utterance } from 'c/voiceCallState';
import { formatClockTime, formatCount, isoTime } from 'c/voiceCallFormat';

const SHOW_ALL_LABEL = 'Show all lines';
const SHOW_LATEST_LABEL = 'Show the latest lines only';
const TRANSCRIPT_LABEL = 'Transcript';
const EMPTY_LABEL = 'No transcript yet';

/** The transcript's scroll area, in px, unless the container says otherwise. */
export const DEFAULT_TRANSCRIPT_HEIGHT = 320;
/** Within this many px of the bottom counts as at the bottom (zoom and rounding leave fractions). */
const BOTTOM_SLACK_PX = 8;

/** Before the time of the first line shown, when a window of the latest lines is shown. */
const WINDOW_LABEL = 'Showing lines since';

/** "1 new line", "12 new lines". */
function newLinesLabel(count: number): string {
    return count === 1 ? '1 new line' : `${formatCount(count)} new lines`;
}

/** Scroll bookkeeping; not rendered, so kept out of LWC's reactivity (its fields change during render). */
interface ScrollMemo {
    /** The agent is at the bottom: new lines scroll into view. */
    following: boolean;
    /** The total the last render showed, to count lines that arrived since. */
    renderedTotal: number;
}

export default class VoiceCallTranscript extends LightningElement {
    /** The call's utterances, in time order. */
    @api utterances: readonly Utterance[] = [];

    /** How many utterances the call has; more than `utterances` holds when only the latest are passed. */
    @api totalCount: number | undefined;

    /** The container shows every line on request; it can then offer the latest lines only again. */
    @api showingAll = false;

    /** Height of the scroll area in px. */
    @api height: number | undefined;

    readonly windowLabel = WINDOW_LABEL;
    readonly showAllLabel = SHOW_ALL_LABEL;
    readonly showLatestLabel = SHOW_LATEST_LABEL;
    readonly transcriptLabel = TRANSCRIPT_LABEL;
    readonly emptyLabel = EMPTY_LABEL;

    /** Lines that arrived while the agent was scrolled up. */
    unseenCount = 0;

    private readonly scroll: ScrollMemo = { following: true, renderedTotal: 0 };

    get isEmpty(): boolean {
        return this.utterances.length === 0;
    }

    private get total(): number {
        return Math.max(this.totalCount ?? 0, this.utterances.length);
    }

    /** Some earlier lines are not shown. */
    get isWindowed(): boolean {
        return this.total > this.utterances.length;
    }

    /**
     * The time of the first line shown. It changes only when old lines leave (in blocks), not with every new line: a
     * live count would re-render and re-lay out the label on every utterance of a long call.
     */
    get windowStartTime(): string {
        return formatClockTime(this.utterances[0]?.at);
    }

    get windowStartIso(): string {
        return isoTime(this.utterances[0]?.at);
    }

    get scrollStyle(): string {
        const height = this.height ?? DEFAULT_TRANSCRIPT_HEIGHT;
        return `height:${String(height)}px`;
    }

    get hasUnseen(): boolean {
        return this.unseenCount > 0;
    }

    get unseenLabel(): string {
        return newLinesLabel(this.unseenCount);
    }

    override renderedCallback(): void {
        const total = this.total;
        const arrived = total - this.scroll.renderedTotal;
        this.scroll.renderedTotal = total;
        if (this.scroll.following) {
            this.scrollToEnd();
        } else if (arrived > 0) {
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
        if (atBottom === this.scroll.following) {
            return;
        }
        this.scroll.following = atBottom;
        if (atBottom) {
            this.unseenCount = 0;
        }
        this.dispatchEvent(new CustomEvent('follow', { detail: { following: atBottom } }));
    }

    /** "N new lines": back to the newest line, following again. */
    handleJumpToLatest(): void {
        this.unseenCount = 0;
        this.scrollToEnd();
        this.handleScroll();
    }

    handleShowAll(): void {
        this.dispatchEvent(new CustomEvent('showall'));
    }

    handleShowLatest(): void {
        this.dispatchEvent(new CustomEvent('showlatest'));
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
}
