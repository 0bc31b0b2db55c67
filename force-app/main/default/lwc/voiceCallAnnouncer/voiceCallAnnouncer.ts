/**
 * What a screen reader hears of a live call, through one polite live region: at most one announcement a second.
 * Utterances that arrive together are announced together ("3 new lines. Last, Customer: ..."); a status change or a
 * flag is announced with them, first. Template-less; the console renders the text it emits.
 */
import type { Utterance, VoiceCall } from 'c/voiceCallState';
import { logLast } from 'c/voiceCallState';
import { formatLabel, senderName, statusLabel } from 'c/voiceCallFormat';
import ANNOUNCE_LINE from '@salesforce/label/c.VCC_Announce_Line';
import ANNOUNCE_NEW_LINES from '@salesforce/label/c.VCC_Announce_NewLines';
import ANNOUNCE_FLAG_RAISED from '@salesforce/label/c.VCC_Announce_FlagRaised';
import ANNOUNCE_FLAG_LOWERED from '@salesforce/label/c.VCC_Announce_FlagLowered';
import ANNOUNCE_FLAG_LOWERED_BY from '@salesforce/label/c.VCC_Announce_FlagLoweredBy';

/** What the live region says; `{0}` and `{1}` are filled in by formatLabel. */
export const ANNOUNCER_LABELS = Object.freeze({
    /** "Customer: text". */
    line: ANNOUNCE_LINE,
    /** "3 new lines. Last, Customer: text". */
    newLines: ANNOUNCE_NEW_LINES,
    flagRaised: ANNOUNCE_FLAG_RAISED,
    flagLowered: ANNOUNCE_FLAG_LOWERED,
    flagLoweredBy: ANNOUNCE_FLAG_LOWERED_BY
});

/** At most one announcement per this many ms. */
export const ANNOUNCE_INTERVAL_MS = 1000;
/** An announced utterance is cut to this many characters: the transcript has the rest. */
export const MAX_ANNOUNCED_TEXT = 200;

function shortened(text: string): string {
    const chars = Array.from(text.trim());
    return chars.length <= MAX_ANNOUNCED_TEXT
        ? chars.join('')
        : `${chars.slice(0, MAX_ANNOUNCED_TEXT).join('')}…`;
}

/** "Customer: text", or "3 new lines. Last, Customer: text". */
export function utterancesAnnouncement(count: number, last: Utterance): string {
    const line = formatLabel(ANNOUNCER_LABELS.line, senderName(last.sender), shortened(last.text));
    return count <= 1 ? line : formatLabel(ANNOUNCER_LABELS.newLines, count, line);
}

/** What changed between two versions of the shown call that a screen reader should hear. */
export interface CallNews {
    readonly notices: readonly string[];
    readonly newLines: number;
    readonly lastLine: Utterance | undefined;
}

/**
 * The news from `before` to `after` (the same call, a new one, or none): a new status, flags raised and lowered,
 * and the lines added. A call shown for the first time says its status only, not its whole transcript.
 */
export function callNews(before: VoiceCall | undefined, after: VoiceCall | undefined): CallNews {
    if (after === undefined || before === after) {
        return { notices: [], newLines: 0, lastLine: undefined };
    }
    const sameCall = before?.callId === after.callId;
    const notices: string[] = [];
    if (!sameCall || before.status !== after.status) {
        notices.push(statusLabel(after.status));
    }
    if (sameCall && before.flags !== after.flags) {
        const known = new Map(before.flags.map((flag) => [flag.id, flag]));
        for (const flag of after.flags) {
            const was = known.get(flag.id);
            if (was === undefined && flag.loweredAt === undefined) {
                notices.push(
                    formatLabel(ANNOUNCER_LABELS.flagRaised, senderName(flag.sender), shortened(flag.text))
                );
            } else if (was !== undefined && was.loweredAt === undefined && flag.loweredAt !== undefined) {
                notices.push(
                    flag.loweredBy === undefined
                        ? ANNOUNCER_LABELS.flagLowered
                        : formatLabel(ANNOUNCER_LABELS.flagLoweredBy, senderName(flag.loweredBy))
                );
            }
        }
    }
    const newLines = sameCall ? Math.max(0, after.transcript.size - before.transcript.size) : 0;
    return { notices, newLines, lastLine: newLines > 0 ? logLast(after.transcript) : undefined };
}

export class Announcer {
    private readonly emit: (text: string) => void;
    private readonly intervalMs: number;
    private readonly clock: () => number;
    private lastEmittedAt = Number.NEGATIVE_INFINITY;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private notices: string[] = [];
    private utteranceCount = 0;
    private lastUtterance: Utterance | undefined;

    constructor(
        emit: (text: string) => void,
        intervalMs: number = ANNOUNCE_INTERVAL_MS,
        clock: () => number = () => Date.now()
    ) {
        this.emit = emit;
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    /** A status change, a flag, a result: said before the lines that came with it. Repeats are said once. */
    notice(text: string): void {
        const trimmed = text.trim();
        if (trimmed !== '' && !this.notices.includes(trimmed)) {
            this.notices.push(trimmed);
            this.schedule();
        }
    }

    /** Everything `news` holds. */
    tell(news: CallNews): void {
        for (const notice of news.notices) {
            this.notice(notice);
        }
        if (news.lastLine !== undefined) {
            this.utterances(news.newLines, news.lastLine);
        }
    }

    /** `count` new lines, the newest `last`. */
    utterances(count: number, last: Utterance): void {
        if (count <= 0) {
            return;
        }
        this.utteranceCount += count;
        this.lastUtterance = last;
        this.schedule();
    }

    /** Says what is waiting now (and stops the timer). */
    flush(): void {
        this.clearTimer();
        const parts = [...this.notices];
        if (this.lastUtterance !== undefined) {
            parts.push(utterancesAnnouncement(this.utteranceCount, this.lastUtterance));
        }
        this.notices = [];
        this.utteranceCount = 0;
        this.lastUtterance = undefined;
        if (parts.length > 0) {
            this.lastEmittedAt = this.clock();
            this.emit(parts.join('. '));
        }
    }

    /** Forgets what is waiting and stops the timer. */
    dispose(): void {
        this.clearTimer();
        this.notices = [];
        this.utteranceCount = 0;
        this.lastUtterance = undefined;
    }

    private schedule(): void {
        if (this.timer !== undefined) {
            return;
        }
        const wait = this.lastEmittedAt + this.intervalMs - this.clock();
        // One timer at most, cleared by flush() and dispose(): what arrives meanwhile is said together.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(
            () => {
                this.timer = undefined;
                this.flush();
            },
            Math.max(0, Math.min(this.intervalMs, wait))
        );
    }

    private clearTimer(): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
    }
}
