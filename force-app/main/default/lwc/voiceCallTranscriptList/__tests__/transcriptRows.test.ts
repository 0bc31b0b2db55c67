import type { Utterance } from 'c/voiceCallState';
import type { TimelineEntry } from 'c/voiceCallTranscriptView';
import type { LineRow } from '../transcriptRows';
import { TranscriptRows, lineElement } from '../transcriptRows';

const AT = Date.UTC(2020, 6, 17, 0, 10, 52, 328);

function utterance(overrides: Partial<Utterance> = {}): Utterance {
    return {
        id: 'u1',
        text: 'Hello, how can I help?',
        sender: { role: 'Agent', rawRole: 'Agent', displayName: undefined },
        at: AT,
        seq: 1,
        serverReceivedTimestamp: AT,
        clientSentTimestamp: undefined,
        ...overrides
    };
}

function row(value: Utterance, current = false): LineRow {
    return { key: value.id, utterance: value, entry: undefined, current };
}

function entryRow(entry: TimelineEntry): LineRow {
    return { key: entry.key, utterance: undefined, entry, current: false };
}

function text(element: Element, selector: string): string[] {
    return Array.from(element.querySelectorAll(selector), (node) => node.textContent);
}

/** Rows for lines `from` to `to` (excluded), made anew on each call unless `cache` keeps them. */
function rows(from: number, to: number, cache?: Map<number, LineRow>): LineRow[] {
    return Array.from({ length: to - from }, (_, offset) => {
        const index = from + offset;
        const made =
            cache?.get(index) ?? row(utterance({ id: `u${String(index)}`, text: `Line ${String(index)}` }));
        cache?.set(index, made);
        return made;
    });
}

describe('transcript lines (transcriptRows)', () => {
    describe('one line', () => {
        it('shows the speaker, the time and the text, as a list item', () => {
            const line = lineElement(row(utterance()), '');

            expect(line.getAttribute('role')).toBe('listitem');
            expect(line.getAttribute('data-id')).toBe('utterance');
            expect(text(line, '[data-id="speaker"]')).toEqual(['Agent']);
            expect(text(line, '[data-id="time"]')).toEqual(['12:10:52 AM']);
            expect(line.querySelector('[data-id="time"]')?.getAttribute('datetime')).toBe(
                '2020-07-17T00:10:52.328Z'
            );
            expect(text(line, '[data-id="text"]')).toEqual(['Hello, how can I help?']);
            expect(text(line, '[data-id="display-name"]')).toEqual([]);
            expect(line.getAttribute('data-current')).toBe('false');
            expect(line.hasAttribute('aria-current')).toBe(false);
        });

        it("shows the sender's display name, trimmed, and sets the customer's lines off", () => {
            const line = lineElement(
                row(
                    utterance({
                        sender: { role: 'Customer', rawRole: 'EndUser', displayName: '  Carla Customer ' }
                    })
                ),
                ''
            );

            expect(text(line, '[data-id="speaker"]')).toEqual(['Customer']);
            expect(text(line, '[data-id="display-name"]')).toEqual(['Carla Customer']);
            expect(line.classList.contains('utterance_customer')).toBe(true);
            expect(line.style.borderLeftStyle).toBe('solid');
        });

        it('keeps markup in the text as text, with or without a search', () => {
            const value = '<img src=x onerror="window.__pwned = true"> refund';
            for (const query of ['', 'refund', 'img']) {
                const line = lineElement(row(utterance({ text: value })), query);
                expect(line.querySelector('[data-id="text"]')?.textContent).toBe(value);
                expect(line.querySelectorAll('img')).toHaveLength(0);
            }
            expect('__pwned' in window).toBe(false);
        });

        it("marks the search's matches, ignoring case, and nothing else", () => {
            const line = lineElement(row(utterance({ text: 'Refund? Yes, a REFUND today.' })), 'refund');

            expect(text(line, '[data-id="match"]')).toEqual(['Refund', 'REFUND']);
            expect(line.querySelectorAll('mark.match')).toHaveLength(2);
            // Marked by more than colour: underlined.
            expect(line.querySelector('mark')?.style.textDecoration).toBe('underline');
            expect(line.querySelector('[data-id="text"]')?.textContent).toBe('Refund? Yes, a REFUND today.');
        });

        it('marks the line holding the current match for the transcript and for screen readers', () => {
            const line = lineElement(row(utterance(), true), 'help');

            expect(line.getAttribute('data-current')).toBe('true');
            expect(line.getAttribute('aria-current')).toBe('true');
            expect(line.classList.contains('current-match')).toBe(true);
            expect(line.style.outlineStyle).toBe('solid');
        });

        it('shows an event of the timeline with its time, as a list item', () => {
            const line = lineElement(entryRow({ key: 'm1', at: AT, text: 'On hold: caller' }), '');

            expect(line.getAttribute('role')).toBe('listitem');
            expect(line.getAttribute('data-id')).toBe('timeline-event');
            expect(text(line, '[data-id="moment-text"]')).toEqual(['On hold: caller']);
            expect(text(line, 'time')).toEqual(['12:10:52 AM']);
            expect(line.style.borderLeftStyle).toBe('dotted');
            expect(line.style.fontStyle).toBe('italic');
        });

        it('makes an empty list item of a row with neither an utterance nor an event', () => {
            const line = lineElement(
                { key: 'x', utterance: undefined, entry: undefined, current: false },
                ''
            );

            expect(line.getAttribute('role')).toBe('listitem');
            expect(line.textContent).toBe('');
        });
    });

    describe('the list', () => {
        let list: HTMLElement;
        let lines: TranscriptRows;
        let removed: Node[];
        let added: Node[];
        let observer: MutationObserver;

        beforeEach(() => {
            list = document.createElement('div');
            document.body.appendChild(list);
            lines = new TranscriptRows();
            removed = [];
            added = [];
            observer = new MutationObserver((records) => {
                for (const record of records) {
                    removed.push(...Array.from(record.removedNodes));
                    added.push(...Array.from(record.addedNodes));
                }
            });
        });

        afterEach(() => {
            observer.disconnect();
            list.remove();
        });

        /** Starts recording the list's changes. */
        function watch(): void {
            observer.observe(list, { childList: true });
        }

        /** The changes since `watch`. */
        function changes(): { added: number; removed: number } {
            const records = observer.takeRecords();
            for (const record of records) {
                removed.push(...Array.from(record.removedNodes));
                added.push(...Array.from(record.addedNodes));
            }
            return { added: added.length, removed: removed.length };
        }

        it('appends a new line and touches no other', () => {
            const cache = new Map<number, LineRow>();
            lines.sync(list, rows(0, 10, cache), '');
            const before = Array.from(list.children);
            watch();

            lines.sync(list, rows(0, 11, cache), '');

            expect(changes()).toEqual({ added: 1, removed: 0 });
            expect(Array.from(list.children).slice(0, 10)).toEqual(before);
            expect(text(list, '[data-id="text"]').at(-1)).toBe('Line 10');
            expect(lines.size).toBe(11);
        });

        it('drops old lines from the start and appends new ones without moving the lines kept', () => {
            const cache = new Map<number, LineRow>();
            lines.sync(list, rows(0, 119, cache), '');
            const kept = Array.from(list.children).slice(60);
            watch();

            lines.sync(list, rows(60, 121, cache), '');

            expect(changes()).toEqual({ added: 2, removed: 60 });
            expect(removed.filter((node) => kept.includes(node as Element))).toEqual([]);
            expect(Array.from(list.children).slice(0, 59)).toEqual(kept);
            expect(text(list, '[data-id="text"]')).toEqual(rows(60, 121).map((made) => made.utterance?.text));
        });

        it('keeps the element of a line whose row is made anew with the same content', () => {
            lines.sync(list, rows(0, 5), '');
            const before = Array.from(list.children);
            watch();

            lines.sync(list, rows(0, 6), '');

            expect(changes()).toEqual({ added: 1, removed: 0 });
            expect(Array.from(list.children).slice(0, 5)).toEqual(before);
        });

        it('builds a line again when its text changed, and keeps the others in place', () => {
            const cache = new Map<number, LineRow>();
            lines.sync(list, rows(0, 5, cache), '');
            const before = Array.from(list.children);
            cache.set(2, row(utterance({ id: 'u2', text: 'Line 2, corrected' })));

            lines.sync(list, rows(0, 5, cache), '');

            expect(text(list, '[data-id="text"]')).toEqual([
                'Line 0',
                'Line 1',
                'Line 2, corrected',
                'Line 3',
                'Line 4'
            ]);
            const after = Array.from(list.children);
            expect(after[2]).not.toBe(before[2]);
            expect([after[0], after[1], after[3], after[4]]).toEqual([
                before[0],
                before[1],
                before[3],
                before[4]
            ]);
        });

        it('builds the lines again for a new search, marking its matches, and again when it is cleared', () => {
            const cache = new Map<number, LineRow>();
            lines.sync(list, rows(0, 3, cache), '');
            lines.sync(list, rows(0, 3, cache), 'line 1');

            expect(text(list, '[data-id="match"]')).toEqual(['Line 1']);
            lines.sync(list, rows(0, 3, cache), '');
            expect(list.querySelectorAll('[data-id="match"]')).toHaveLength(0);
            expect(text(list, '[data-id="text"]')).toEqual(['Line 0', 'Line 1', 'Line 2']);
        });

        it('shows any other sequence in order, keeping the lines that stay (lines around a match, then the latest)', () => {
            const cache = new Map<number, LineRow>();
            lines.sync(list, rows(60, 120, cache), '');
            const latest = Array.from(list.children);

            lines.sync(list, rows(10, 70, cache), '');
            expect(text(list, '[data-id="text"]')).toEqual(rows(10, 70).map((made) => made.utterance?.text));
            // Lines 60 to 69 stayed: the same elements.
            expect(Array.from(list.children).slice(50)).toEqual(latest.slice(0, 10));

            lines.sync(list, rows(60, 120, cache), '');
            expect(text(list, '[data-id="text"]')).toEqual(rows(60, 120).map((made) => made.utterance?.text));
            expect(list.children).toHaveLength(60);
        });

        it('moves the current match from one line to another', () => {
            const cache = new Map<number, LineRow>();
            const shown = rows(0, 4, cache);
            lines.sync(
                list,
                shown.map((made, index) => (index === 3 ? { ...made, current: true } : made)),
                'line'
            );
            expect(lines.currentElement?.querySelector('[data-id="text"]')?.textContent).toBe('Line 3');

            lines.sync(
                list,
                shown.map((made, index) => (index === 1 ? { ...made, current: true } : made)),
                'line'
            );
            expect(lines.currentElement?.querySelector('[data-id="text"]')?.textContent).toBe('Line 1');
            expect(list.querySelectorAll('[data-current="true"]')).toHaveLength(1);
            expect(list.children).toHaveLength(4);
        });

        it('interleaves events of the timeline and removes them with their lines', () => {
            const cache = new Map<number, LineRow>();
            const hold = entryRow({ key: 'm1', at: AT, text: 'On hold: caller' });
            const [first, second] = rows(0, 2, cache);
            lines.sync(list, [first, hold, second], '');
            expect(text(list, '[data-id="text"], [data-id="moment-text"]')).toEqual([
                'Line 0',
                'On hold: caller',
                'Line 1'
            ]);

            lines.sync(list, [second], '');
            expect(text(list, '[data-id="text"], [data-id="moment-text"]')).toEqual(['Line 1']);
        });

        it('never leaves a stale element behind when two rows share a key', () => {
            const [first] = rows(0, 1);
            const twin = row(utterance({ id: first.key, text: 'Twin' }));
            lines.sync(list, [first, twin], '');

            lines.sync(list, rows(5, 7), '');

            expect(text(list, '[data-id="text"]')).toEqual(['Line 5', 'Line 6']);
        });

        it('starts empty on a new list element, and forgets the old one on reset', () => {
            lines.sync(list, rows(0, 3), '');
            const other = document.createElement('div');

            lines.sync(other, rows(0, 4), '');
            expect(other.children).toHaveLength(4);

            lines.reset();
            expect(lines.size).toBe(0);
            expect(lines.currentElement).toBeUndefined();
        });
    });
});
