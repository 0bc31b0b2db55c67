/**
 * Presentation component: the live transcript, one row per utterance with its speaker ("Agent",
 * "Supervisor", "Customer"), the sender's name where given, the time, and the text (rendered as text).
 * A long call's container passes only the latest lines (a window whose old lines leave in blocks) and the
 * transcript's full length: the transcript then says "Showing the latest N of M lines" and offers every line
 * ("showall" event); once every line is shown it offers to go back to the latest ("showlatest" event).
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

const count = (value: number): string => value.toLocaleString('en-US');

const SHOW_ALL_LABEL = 'Show all lines';
const SHOW_LATEST_LABEL = 'Show the latest lines only';

/** For example "Showing the latest 60 of 1,234 lines". */
function windowLabel(shown: number, total: number): string {
    return `Showing the latest ${count(shown)} of ${count(total)} lines`;
}

function toRow(utterance: Utterance): UtteranceRow {
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
}

export default class VoiceCallTranscript extends LightningElement {
    /** The call's utterances, in time order. */
    @api utterances: readonly Utterance[] = [];

    /** How many utterances the call has; more than `utterances` holds when only the latest are passed. */
    @api totalCount: number | undefined;

    /** The container shows every line on request; it can then offer the latest lines only again. */
    @api showingAll = false;

    readonly showAllLabel = SHOW_ALL_LABEL;
    readonly showLatestLabel = SHOW_LATEST_LABEL;

    /**
     * Rows already built, by utterance: utterances never change (a changed one is a new object), and formatting
     * the time of every shown row on every new line would cost more than the rest of the render.
     */
    private readonly rowCache = new WeakMap<Utterance, UtteranceRow>();

    get rows(): UtteranceRow[] {
        return this.utterances.map((utterance) => {
            let row = this.rowCache.get(utterance);
            if (row === undefined) {
                row = toRow(utterance);
                this.rowCache.set(utterance, row);
            }
            return row;
        });
    }

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

    get windowLabel(): string {
        return windowLabel(this.utterances.length, this.total);
    }

    handleShowAll(): void {
        this.dispatchEvent(new CustomEvent('showall'));
    }

    handleShowLatest(): void {
        this.dispatchEvent(new CustomEvent('showlatest'));
    }
}
