/**
 * What the transcript shows of a call's transcript, as pure functions: which lines pass the speaker filter (kept
 * incrementally, so a new line costs O(1) however long the call), which of them match the search, the range of
 * lines shown (the latest, held while the agent reads, around a search match, or all), the parts of a line's text
 * to highlight, and the plain-text and JSON exports with times relative to the call's start.
 */
import type { SenderRole } from 'c/voiceCallEvents';
import type { CallMoment, Flag, MomentKind, Note, OrderedLog, Utterance } from 'c/voiceCallState';
import { logSharedPrefix } from 'c/voiceCallState';
import { formatDuration, formatLabel, isoTime, senderName } from 'c/voiceCallFormat';
import TIMELINE_CALL_CONNECTED from '@salesforce/label/c.VCC_Timeline_CallConnected';
import TIMELINE_CALL_ENDED from '@salesforce/label/c.VCC_Timeline_CallEnded';
import TIMELINE_HOLD from '@salesforce/label/c.VCC_Timeline_Hold';
import TIMELINE_RESUME from '@salesforce/label/c.VCC_Timeline_Resume';
import TIMELINE_PARTICIPANT_ADDED from '@salesforce/label/c.VCC_Timeline_ParticipantAdded';
import TIMELINE_PARTICIPANT_REMOVED from '@salesforce/label/c.VCC_Timeline_ParticipantRemoved';
import TIMELINE_MUTE from '@salesforce/label/c.VCC_Timeline_Mute';
import TIMELINE_UNMUTE from '@salesforce/label/c.VCC_Timeline_Unmute';
import TIMELINE_PAUSE_RECORDING from '@salesforce/label/c.VCC_Timeline_PauseRecording';
import TIMELINE_RESUME_RECORDING from '@salesforce/label/c.VCC_Timeline_ResumeRecording';
import TIMELINE_CONFERENCE from '@salesforce/label/c.VCC_Timeline_Conference';
import TIMELINE_SWAP from '@salesforce/label/c.VCC_Timeline_Swap';
import TIMELINE_FLAG_RAISED from '@salesforce/label/c.VCC_Timeline_FlagRaised';
import TIMELINE_FLAG_LOWERED from '@salesforce/label/c.VCC_Timeline_FlagLowered';
import TIMELINE_NOTE from '@salesforce/label/c.VCC_Timeline_Note';

/** Lines shown at least while following the newest; old lines leave in blocks of as many. */
export const LATEST_LINES = 60;
export const LINE_BLOCK = 60;
/** Lines shown before and after a search match the agent moved to. */
export const AROUND_MATCH = 30;

export type SpeakerFilter = SenderRole | 'all';

/**
 * Positions, in a log, of the items that pass a test. When the log is a later version of the one last scanned
 * (in-order appends share the log's store) only the new items are scanned, into the same array: a new line costs
 * O(1) however long the call. Anything else (another log, an out-of-order insert, another test) scans again.
 */
export class LogIndex<T> {
    private log: OrderedLog<T> | undefined;
    private key: string | undefined;
    private positions: number[] = [];

    /** The positions of the items of `log` that pass `test`; `key` names the test (a new key scans again). */
    update(log: OrderedLog<T>, key: string, test: (item: T) => boolean): readonly number[] {
        const previous = this.log;
        let from = 0;
        if (previous !== undefined && key === this.key && logSharedPrefix(previous, log) === previous.size) {
            from = previous.size;
        } else {
            this.positions = [];
        }
        const items = log.store.items;
        for (let position = from; position < log.size; position++) {
            if (test(items[position])) {
                this.positions.push(position);
            }
        }
        this.log = log;
        this.key = key;
        return this.positions;
    }
}

/** Lowercased in the user's locale, for a search that ignores case. */
export function searchKey(text: string): string {
    return text.toLocaleLowerCase();
}

export function matchesSearch(text: string, query: string): boolean {
    return query !== '' && searchKey(text).includes(query);
}

/** The query as typed, trimmed and lowercased; empty means no search. */
export function normaliseQuery(raw: string): string {
    return searchKey(raw.trim());
}

export function speakerTest(filter: SpeakerFilter): (utterance: Utterance) => boolean {
    return filter === 'all' ? () => true : (utterance) => utterance.sender.role === filter;
}

/** How the agent is reading: following the newest line, held where they scrolled up, around a match, or all. */
export type ViewMode =
    | { readonly kind: 'latest' }
    | { readonly kind: 'held'; readonly start: number }
    | { readonly kind: 'around'; readonly start: number; readonly end: number }
    | { readonly kind: 'all' };

export interface ViewRange {
    /** First shown position in the filtered lines (inclusive). */
    readonly start: number;
    /** Last shown position in the filtered lines (exclusive). */
    readonly end: number;
}

/** Where a view of the latest of `size` lines starts: at least `latest` lines, moving in steps of `block`. */
export function latestStart(size: number, latest: number = LATEST_LINES, block: number = LINE_BLOCK): number {
    if (size <= latest) {
        return 0;
    }
    const step = Math.max(1, block);
    return Math.floor((size - latest) / step) * step;
}

/** The range of the `size` filtered lines shown in `mode`. */
export function viewRange(size: number, mode: ViewMode): ViewRange {
    switch (mode.kind) {
        case 'all':
            return { start: 0, end: size };
        case 'held':
            return { start: Math.min(Math.max(0, mode.start), latestStart(size)), end: size };
        case 'around':
            return { start: Math.max(0, Math.min(mode.start, size)), end: Math.min(size, mode.end) };
        default:
            return { start: latestStart(size), end: size };
    }
}

/** The range around a match at filtered position `position`, or the latest lines if it is among them. */
export function modeAround(position: number, size: number): ViewMode {
    if (position >= latestStart(size)) {
        return { kind: 'latest' };
    }
    return {
        kind: 'around',
        start: Math.max(0, position - AROUND_MATCH),
        end: Math.min(size, position + AROUND_MATCH + 1)
    };
}

/** A piece of a line's text, and whether it matches the search. */
export interface TextSegment {
    readonly key: string;
    readonly text: string;
    readonly match: boolean;
}

/**
 * `text` cut into the parts that match `query` (already normalised) and the parts between, in order. Matching uses
 * the locale's lowercase, whose length can differ from the text's: then the whole text is one matching segment
 * rather than a wrongly placed highlight.
 */
export function textSegments(text: string, query: string): TextSegment[] {
    if (query === '') {
        return [{ key: '0', text, match: false }];
    }
    const lower = searchKey(text);
    if (lower.length !== text.length) {
        return [{ key: '0', text, match: lower.includes(query) }];
    }
    const segments: TextSegment[] = [];
    let from = 0;
    let found = lower.indexOf(query, from);
    while (found >= 0) {
        if (found > from) {
            segments.push({ key: String(segments.length), text: text.slice(from, found), match: false });
        }
        segments.push({
            key: String(segments.length),
            text: text.slice(found, found + query.length),
            match: true
        });
        from = found + query.length;
        found = lower.indexOf(query, from);
    }
    if (from < text.length || segments.length === 0) {
        segments.push({ key: String(segments.length), text: text.slice(from), match: false });
    }
    return segments;
}

// ---- Exports ----------------------------------------------------------------------------------------------

/** "0:05", "1:05", "1:02:03": a time from the call's start. Before the start (clock skew) reads as 0:00. */
export function offsetLabel(offsetMs: number): string {
    return formatDuration(offsetMs);
}

/** The time the export counts from: the call's start if known, else its first line. */
export function exportOrigin(callStartedAt: number | undefined, utterances: readonly Utterance[]): number {
    return callStartedAt ?? (utterances.length > 0 ? utterances[0].at : 0);
}

function speakerOf(utterance: Utterance, labels: Readonly<Record<SenderRole, string>>): string {
    const name = utterance.sender.displayName?.trim();
    const role = labels[utterance.sender.role];
    return name !== undefined && name !== '' ? `${role} (${name})` : role;
}

/** One line per utterance: "[1:05] Customer: text"; a line break inside a text is kept, indented. */
export function transcriptText(
    utterances: readonly Utterance[],
    origin: number,
    labels: Readonly<Record<SenderRole, string>>
): string {
    return utterances
        .map(
            (utterance) =>
                `[${offsetLabel(utterance.at - origin)}] ${speakerOf(utterance, labels)}: ${utterance.text.replace(/\r?\n/gu, '\n    ')}`
        )
        .join('\n')
        .concat(utterances.length > 0 ? '\n' : '');
}

/** The JSON export's shape (version 1). */
export interface TranscriptExport {
    readonly version: 1;
    readonly callId: string;
    readonly startedAt: string | null;
    readonly utterances: readonly {
        readonly id: string;
        readonly offsetMs: number;
        readonly offset: string;
        readonly role: SenderRole;
        readonly name: string | null;
        readonly text: string;
    }[];
}

export function transcriptJson(
    callId: string,
    utterances: readonly Utterance[],
    origin: number,
    callStartedAt: number | undefined
): string {
    const data: TranscriptExport = {
        version: 1,
        callId,
        startedAt: isoTime(callStartedAt) || null,
        utterances: utterances.map((utterance) => ({
            id: utterance.id,
            offsetMs: Math.max(0, utterance.at - origin),
            offset: offsetLabel(utterance.at - origin),
            role: utterance.sender.role,
            name: utterance.sender.displayName?.trim() || null,
            text: utterance.text
        }))
    };
    return `${JSON.stringify(data, null, 2)}\n`;
}

/** A file name for the export: the call id made safe for file systems, and the extension. */
export function exportFileName(callId: string, extension: 'txt' | 'json'): string {
    const safe = callId.replace(/[^A-Za-z0-9._-]+/gu, '_').slice(0, 80) || 'call';
    return `transcript-${safe}.${extension}`;
}

// ---- The call's timeline ----------------------------------------------------------------------------------

/** What the timeline says of each moment; `{0}` is the participant, a sender or a flag's or note's text. */
export const TIMELINE_LABELS: Readonly<Record<MomentKind | 'flagraised' | 'flaglowered' | 'note', string>> =
    Object.freeze({
        callconnected: TIMELINE_CALL_CONNECTED,
        callended: TIMELINE_CALL_ENDED,
        hold: TIMELINE_HOLD,
        resume: TIMELINE_RESUME,
        participantadded: TIMELINE_PARTICIPANT_ADDED,
        participantremoved: TIMELINE_PARTICIPANT_REMOVED,
        mute: TIMELINE_MUTE,
        unmute: TIMELINE_UNMUTE,
        pauserecording: TIMELINE_PAUSE_RECORDING,
        resumerecording: TIMELINE_RESUME_RECORDING,
        conference: TIMELINE_CONFERENCE,
        swap: TIMELINE_SWAP,
        flagraised: TIMELINE_FLAG_RAISED,
        flaglowered: TIMELINE_FLAG_LOWERED,
        note: TIMELINE_NOTE
    });

/** One event of the call's timeline, shown between the utterances at the time it happened. */
export interface TimelineEntry {
    readonly key: string;
    readonly at: number;
    readonly text: string;
}

/**
 * The call's timeline: its moments (holds, parties, mute, recording...), its flags raised and lowered and its
 * notes, in time order (ties keep that order). Texts are plain text, rendered as text.
 */
export function timelineEntries(
    moments: readonly CallMoment[],
    flags: readonly Flag[],
    notes: readonly Note[]
): TimelineEntry[] {
    const entries: TimelineEntry[] = moments.map((moment) => ({
        key: `moment:${moment.id}`,
        at: moment.at,
        text: formatLabel(TIMELINE_LABELS[moment.kind], moment.participant ?? '').trim()
    }));
    for (const flag of flags) {
        entries.push({
            key: `flag:${flag.id}`,
            at: flag.at,
            text: formatLabel(TIMELINE_LABELS.flagraised, senderName(flag.sender), flag.text)
        });
        if (flag.loweredAt !== undefined) {
            entries.push({
                key: `flaglowered:${flag.id}`,
                at: flag.loweredAt,
                text: formatLabel(
                    TIMELINE_LABELS.flaglowered,
                    flag.loweredBy === undefined ? '' : senderName(flag.loweredBy)
                ).trim()
            });
        }
    }
    for (const note of notes) {
        entries.push({
            key: `note:${note.id}`,
            at: note.at,
            text: formatLabel(TIMELINE_LABELS.note, senderName(note.sender), note.text)
        });
    }
    return entries
        .map((entry, order) => ({ entry, order }))
        .sort((a, b) => a.entry.at - b.entry.at || a.order - b.order)
        .map(({ entry }) => entry);
}

/** The position of the first item whose `valueOf` is at least `value`, in items ascending by it (binary search). */
export function lowerBound<T>(items: readonly T[], value: number, valueOf: (item: T) => number): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (valueOf(items[middle]) < value) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

/** The position of the first entry at or after `at` in the time-ordered `entries`. */
export function firstEntryFrom(entries: readonly TimelineEntry[], at: number): number {
    return lowerBound(entries, at, (entry) => entry.at);
}
