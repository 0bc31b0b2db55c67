import { emptyLog, logFind, logItems, logLast, logTail, logUpsert } from '../orderedLog';
import type { OrderedLog } from '../orderedLog';

interface Entry {
    readonly id: string;
    readonly key: number;
    readonly text: string;
}

const idOf = (entry: Entry): string => entry.id;
const byKey = (a: Entry, b: Entry): number => a.key - b.key;
const sameText = (a: Entry, b: Entry): boolean => a.text === b.text && a.key === b.key;

const entry = (id: string, key: number, text = id): Entry => ({ id, key, text });

function upsert(log: OrderedLog<Entry>, item: Entry): OrderedLog<Entry> {
    return logUpsert(log, item, idOf, byKey, sameText);
}

function logOf(...items: readonly Entry[]): OrderedLog<Entry> {
    return items.reduce(upsert, emptyLog<Entry>());
}

const idsOf = (log: OrderedLog<Entry>): string[] => logItems(log).map(idOf);

describe('c/voiceCallState', () => {
    describe('orderedLog', () => {
        it('starts empty', () => {
            const log = emptyLog<Entry>();

            expect(log.size).toBe(0);
            expect(logItems(log)).toEqual([]);
            expect(logLast(log)).toBeUndefined();
            expect(logTail(log, 3)).toEqual([]);
            expect(logFind(log, 'a')).toBeUndefined();
        });

        it('gives every empty log its own store', () => {
            const first = emptyLog<Entry>();
            upsert(first, entry('a', 1));

            expect(emptyLog<Entry>().store.items).toEqual([]);
        });

        it('appends in order by sharing the store of the newest version', () => {
            const one = logOf(entry('a', 1));
            const two = upsert(one, entry('b', 2));
            const three = upsert(two, entry('c', 2));

            expect(two.store).toBe(one.store);
            expect(three.store).toBe(one.store);
            expect(idsOf(three)).toEqual(['a', 'b', 'c']);
            expect(idsOf(one)).toEqual(['a']);
            expect(logFind(three, 'c')).toEqual(entry('c', 2));
        });

        it('keeps versions apart when an older version is appended to again (branching)', () => {
            const base = logOf(entry('a', 1), entry('b', 2));
            const newer = upsert(base, entry('c', 3));
            const branch = upsert(base, entry('d', 4));

            expect(branch.store).not.toBe(newer.store);
            expect(idsOf(branch)).toEqual(['a', 'b', 'd']);
            expect(logFind(branch, 'c')).toBeUndefined();
            expect(idsOf(newer)).toEqual(['a', 'b', 'c']);
            expect(logFind(newer, 'd')).toBeUndefined();
            expect(idsOf(base)).toEqual(['a', 'b']);

            // The newer version still appends in place, and neither other version sees it.
            const newest = upsert(newer, entry('e', 5));
            expect(newest.store).toBe(newer.store);
            expect(idsOf(newest)).toEqual(['a', 'b', 'c', 'e']);
            expect(idsOf(branch)).toEqual(['a', 'b', 'd']);
        });

        it('inserts an item that arrives out of order at its place, leaving the older version alone', () => {
            const before = logOf(entry('a', 10), entry('b', 20), entry('c', 30));
            const after = upsert(before, entry('early', 15));

            expect(idsOf(after)).toEqual(['a', 'early', 'b', 'c']);
            expect(after.store).not.toBe(before.store);
            expect(idsOf(before)).toEqual(['a', 'b', 'c']);
            expect(logFind(before, 'early')).toBeUndefined();
            expect(logFind(after, 'b')).toEqual(entry('b', 20));
        });

        it('puts an item first when it goes before every other', () => {
            expect(idsOf(logOf(entry('b', 2), entry('c', 3), entry('a', 1)))).toEqual(['a', 'b', 'c']);
        });

        it('keeps equal items in arrival order', () => {
            const log = logOf(entry('a', 1), entry('c', 3), entry('b1', 2), entry('b2', 2), entry('b3', 2));

            expect(idsOf(log)).toEqual(['a', 'b1', 'b2', 'b3', 'c']);
        });

        it('returns the very same log when an item with a known id is the same', () => {
            const log = logOf(entry('a', 1), entry('b', 2));

            expect(upsert(log, entry('a', 1))).toBe(log);
            expect(upsert(log, entry('b', 2))).toBe(log);
        });

        it('replaces an item with a known id that changed: the latest wins, once, in order', () => {
            const before = logOf(entry('a', 1), entry('b', 2, 'first'), entry('c', 3));
            const after = upsert(before, entry('b', 2, 'second'));

            expect(logItems(after)).toEqual([entry('a', 1), entry('b', 2, 'second'), entry('c', 3)]);
            expect(logFind(after, 'b')?.text).toBe('second');
            expect(logItems(before)).toEqual([entry('a', 1), entry('b', 2, 'first'), entry('c', 3)]);
            expect(logFind(before, 'b')?.text).toBe('first');

            const moved = upsert(after, entry('a', 4, 'moved'));
            expect(idsOf(moved)).toEqual(['b', 'c', 'a']);
            expect(moved.size).toBe(3);
            expect(logFind(moved, 'a')?.text).toBe('moved');
        });

        it('reads the last items and the last item of a version', () => {
            const log = logOf(entry('a', 1), entry('b', 2), entry('c', 3));

            expect(logTail(log, 2).map(idOf)).toEqual(['b', 'c']);
            expect(logTail(log, 10).map(idOf)).toEqual(['a', 'b', 'c']);
            expect(logTail(log, 0)).toEqual([]);
            expect(logLast(log)).toEqual(entry('c', 3));

            const older = logOf(entry('a', 1));
            upsert(upsert(older, entry('b', 2)), entry('c', 3));
            expect(logLast(older)).toEqual(entry('a', 1));
            expect(logTail(older, 5).map(idOf)).toEqual(['a']);
        });

        it('finds nothing beyond the size of its version, even in a shared store', () => {
            const older = logOf(entry('a', 1));
            const newer = upsert(older, entry('b', 2));

            expect(newer.store).toBe(older.store);
            expect(logFind(newer, 'b')).toEqual(entry('b', 2));
            expect(logFind(older, 'b')).toBeUndefined();
            expect(logFind(older, 'a')).toEqual(entry('a', 1));
        });

        it('adds to an older version an id only a newer version holds, without touching the newer one', () => {
            const older = logOf(entry('a', 1));
            const newer = upsert(older, entry('b', 2, 'newer'));
            const branch = upsert(older, entry('b', 2, 'branch'));

            expect(logFind(branch, 'b')?.text).toBe('branch');
            expect(logFind(newer, 'b')?.text).toBe('newer');
            expect(branch.size).toBe(2);
        });

        it('returns new arrays from logItems and logTail, so a reader cannot change the log', () => {
            const log = logOf(entry('a', 1), entry('b', 2));
            logItems(log).pop();
            logTail(log, 1).pop();

            expect(idsOf(log)).toEqual(['a', 'b']);
        });
    });
});
