/**
 * The transcript's lines, kept in its list (`lwc:dom="manual"`) by this module rather than by a template.
 *
 * Why by hand: a line is added on every utterance of a long call, and a template pays for every line it shows on
 * every render (LWC compares each row's vnodes again, and a line component per row costs a custom element, its
 * lifecycle callbacks and its own render). Here a new utterance costs what the browser itself needs to add one line:
 * one element tree built with `textContent` (text is only ever text), appended; old lines leave in blocks from the
 * start, and the lines kept are never moved. Any other change (a search, a filter, the lines around a match) is
 * reconciled by key: lines that stay keep their element, and only lines whose content changed are built again.
 *
 * Each line is a `role="listitem"` in the transcript's `role="list"`, with the same `data-id`s as before: an utterance
 * (`utterance`: speaker, display name, time, text, search matches as `<mark>`) or an event of the call's timeline
 * (`timeline-event`). Its styles are set on the element itself, so a line is styled and laid out once, as added: under
 * synthetic shadow, a component's scoped CSS reaches hand-made elements only a microtask later, by an attribute that
 * would style them again.
 */
import type { Utterance } from 'c/voiceCallState';
import { SPEAKER_LABELS, formatClockTime, isoTime } from 'c/voiceCallFormat';
import type { TimelineEntry } from 'c/voiceCallTranscriptView';
import { textSegments } from 'c/voiceCallTranscriptView';

/** A line as the list shows it: an utterance, or an event of the call's timeline. Never changed once made. */
export interface LineRow {
    readonly key: string;
    readonly utterance: Utterance | undefined;
    readonly entry: TimelineEntry | undefined;
    /** The line holds the search match the agent moved to. */
    readonly current: boolean;
}

/** A line in the list: the row it shows, the search it was built for, and its element. */
interface ShownLine {
    readonly row: LineRow;
    readonly query: string;
    readonly element: HTMLElement;
}

/** Quiet cues beside the speaker's name, which is always written (nothing is told by colour alone). */
const RULE_COLOR = 'var(--slds-g-color-border-base-4, #c9c9c9)';
/** A search match is marked (read as "highlight" by screen readers), not only coloured. */
const MATCH_BACKGROUND = 'var(--slds-g-color-warning-container-1, #fedfd0)';
/** The line of the current match is outlined. */
const CURRENT_OUTLINE = 'var(--slds-g-color-border-brand-2, #0176d3)';

/** A rule down the line's left side, and room beside it. */
function setOff(line: HTMLElement, ruleStyle: 'solid' | 'dotted'): void {
    line.style.borderLeftWidth = '2px';
    line.style.borderLeftStyle = ruleStyle;
    line.style.borderLeftColor = RULE_COLOR;
    line.style.paddingLeft = '0.5rem';
}

function element<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className: string,
    dataId?: string
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className !== '') {
        node.className = className;
    }
    if (dataId !== undefined) {
        node.setAttribute('data-id', dataId);
    }
    return node;
}

function timeElement(className: string, at: number, dataId?: string): HTMLTimeElement {
    const time = element('time', className, dataId);
    time.dateTime = isoTime(at);
    time.textContent = formatClockTime(at);
    return time;
}

/** The text, its search matches (if any) marked: every piece is a text node or a `<mark>`'s text. */
function fillText(paragraph: HTMLElement, text: string, query: string): void {
    if (query === '') {
        paragraph.textContent = text;
        return;
    }
    for (const segment of textSegments(text, query)) {
        if (segment.match) {
            const mark = element('mark', 'match', 'match');
            mark.style.backgroundColor = MATCH_BACKGROUND;
            mark.style.color = 'inherit';
            mark.style.textDecoration = 'underline';
            mark.textContent = segment.text;
            paragraph.appendChild(mark);
        } else {
            paragraph.appendChild(document.createTextNode(segment.text));
        }
    }
}

function utteranceLine(utterance: Utterance, current: boolean, query: string): HTMLElement {
    const role = utterance.sender.role;
    const line = element(
        'div',
        `slds-p-vertical_xx-small utterance utterance_${role.toLowerCase()}${current ? ' current-match' : ''}`,
        'utterance'
    );
    line.setAttribute('role', 'listitem');
    line.setAttribute('data-current', String(current));
    if (current) {
        line.setAttribute('aria-current', 'true');
        line.style.outlineWidth = '2px';
        line.style.outlineStyle = 'solid';
        line.style.outlineColor = CURRENT_OUTLINE;
        line.style.outlineOffset = '-2px';
    }
    if (role === 'Customer') {
        setOff(line, 'solid');
    }
    const header = element('div', 'slds-text-body_small slds-text-color_weak');
    const speaker = element('span', 'slds-text-title_bold', 'speaker');
    speaker.textContent = SPEAKER_LABELS[role];
    header.appendChild(speaker);
    const displayName = utterance.sender.displayName?.trim() ?? '';
    if (displayName !== '') {
        const name = element('span', 'slds-m-left_xx-small', 'display-name');
        name.textContent = displayName;
        header.appendChild(name);
    }
    header.appendChild(timeElement('slds-m-left_x-small', utterance.at, 'time'));
    const text = element('p', 'slds-text-body_regular utterance-text', 'text');
    text.style.whiteSpace = 'pre-wrap';
    text.style.overflowWrap = 'anywhere';
    fillText(text, utterance.text, query);
    line.append(header, text);
    return line;
}

function momentLine(entry: TimelineEntry): HTMLElement {
    const line = element(
        'div',
        'slds-text-body_small slds-text-color_weak slds-p-vertical_xx-small moment',
        'timeline-event'
    );
    line.setAttribute('role', 'listitem');
    setOff(line, 'dotted');
    line.style.fontStyle = 'italic';
    const text = element('span', '', 'moment-text');
    text.textContent = entry.text;
    line.append(timeElement('slds-m-right_x-small', entry.at), text);
    return line;
}

/** Whether two rows show the same: the same object, or the same line with the same content (a log built anew). */
function sameRow(a: LineRow, b: LineRow): boolean {
    if (a === b) {
        return true;
    }
    if (a.key !== b.key || a.current !== b.current) {
        return false;
    }
    const [x, y] = [a.utterance, b.utterance];
    if (x !== undefined && y !== undefined) {
        return (
            x.text === y.text &&
            x.at === y.at &&
            x.sender.role === y.sender.role &&
            x.sender.displayName === y.sender.displayName
        );
    }
    const [m, n] = [a.entry, b.entry];
    return m !== undefined && n !== undefined && m.text === n.text && m.at === n.at;
}

/** Builds the element of one line. */
export function lineElement(row: LineRow, query: string): HTMLElement {
    if (row.utterance !== undefined) {
        return utteranceLine(row.utterance, row.current, query);
    }
    if (row.entry !== undefined) {
        return momentLine(row.entry);
    }
    // A row is made with one or the other; an empty item keeps the list's count right if one ever is not.
    const empty = element('div', '', 'utterance');
    empty.setAttribute('role', 'listitem');
    return empty;
}

/** Keeps a list element showing a sequence of rows (see the module's comment). */
export class TranscriptRows {
    private list: Element | undefined;
    private shown: ShownLine[] = [];

    /** The element of the line holding the current match, if shown. */
    get currentElement(): HTMLElement | undefined {
        return this.shown.find((line) => line.row.current)?.element;
    }

    /** How many lines the list holds. */
    get size(): number {
        return this.shown.length;
    }

    /**
     * Makes `list` show `rows` (the same row object for a line that has not changed), with `query`'s matches marked.
     * A new list element (the template rendered it again) starts empty.
     */
    sync(list: Element, rows: readonly LineRow[], query: string): void {
        if (list !== this.list) {
            this.list = list;
            this.shown = [];
        }
        if (!this.slide(list, rows, query)) {
            this.reconcile(list, rows, query);
        }
    }

    /** Forgets the list (it left the DOM with the template branch that held it). */
    reset(): void {
        this.list = undefined;
        this.shown = [];
    }

    /**
     * The common case: some lines leave from the start, and the rest are the start of `rows` (new lines arrive at the
     * end). Removes the old, appends the new, moves nothing. False when the change is anything else.
     */
    private slide(list: Element, rows: readonly LineRow[], query: string): boolean {
        const shown = this.shown;
        if (rows.length === 0 || shown.length === 0) {
            return false;
        }
        const firstKey = rows[0].key;
        let leaving = 0;
        while (leaving < shown.length && shown[leaving].row.key !== firstKey) {
            leaving += 1;
        }
        const kept = shown.length - leaving;
        if (kept === 0 || kept > rows.length) {
            return false;
        }
        for (let index = 0; index < kept; index++) {
            const line = shown[leaving + index];
            const row = rows[index];
            if (line.query !== query || !sameRow(line.row, row)) {
                return false;
            }
            if (line.row !== row) {
                shown[leaving + index] = { row, query, element: line.element };
            }
        }
        if (leaving > 0) {
            const range = document.createRange();
            range.setStartBefore(shown[0].element);
            range.setEndAfter(shown[leaving - 1].element);
            range.deleteContents();
        }
        const next = leaving > 0 ? shown.slice(leaving) : shown;
        const added = rows.length - kept;
        if (added === 1) {
            const line = this.make(rows[kept], query);
            list.appendChild(line.element);
            next.push(line);
        } else if (added > 1) {
            const fragment = document.createDocumentFragment();
            for (let index = kept; index < rows.length; index++) {
                const line = this.make(rows[index], query);
                fragment.appendChild(line.element);
                next.push(line);
            }
            list.appendChild(fragment);
        }
        this.shown = next;
        return true;
    }

    /** Any other change: keeps the element of every line that stays as it was, builds the rest, and orders them. */
    private reconcile(list: Element, rows: readonly LineRow[], query: string): void {
        const old = new Map<string, ShownLine>();
        for (const line of this.shown) {
            old.set(line.row.key, line);
        }
        const next: ShownLine[] = [];
        for (const row of rows) {
            const kept = old.get(row.key);
            if (kept !== undefined && kept.query === query && sameRow(kept.row, row)) {
                old.delete(row.key);
                next.push(kept.row === row ? kept : { row, query, element: kept.element });
            } else {
                next.push(this.make(row, query));
            }
        }
        const staying = new Set(next.map((line) => line.element));
        for (const line of this.shown) {
            if (!staying.has(line.element)) {
                line.element.remove();
            }
        }
        let cursor = list.firstChild;
        for (const line of next) {
            if (line.element === cursor) {
                cursor = cursor.nextSibling;
            } else {
                list.insertBefore(line.element, cursor);
            }
        }
        this.shown = next;
    }

    private make(row: LineRow, query: string): ShownLine {
        return { row, query, element: lineElement(row, query) };
    }
}
