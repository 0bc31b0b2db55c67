/**
 * An immutable, ordered, id-deduplicated sequence whose append of an in-order item costs O(1).
 * Versions share one backing store, as slices do: a version sees the first `size` items. Appending to the
 * newest version pushes into the store; changing an older version, inserting out of order or replacing an
 * item copies the store first, so no version ever sees another's change.
 */

interface LogStore<T> {
    readonly items: T[];
    /** id -> position in `items`. */
    readonly positions: Map<string, number>;
}

export interface OrderedLog<T> {
    readonly size: number;
    readonly store: LogStore<T>;
}

/** Negative when `a` goes before `b`. Equal items keep their arrival order. */
export type LogOrder<T> = (a: T, b: T) => number;

export function emptyLog<T>(): OrderedLog<T> {
    return { size: 0, store: { items: [], positions: new Map() } };
}

function storeOf<T>(items: T[], idOf: (item: T) => string): LogStore<T> {
    const positions = new Map<string, number>();
    items.forEach((item, position) => positions.set(idOf(item), position));
    return { items, positions };
}

/** Position of the first item that goes strictly after `item` (so equal items keep arrival order). */
function insertionPoint<T>(items: readonly T[], item: T, order: LogOrder<T>): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (order(items[middle], item) <= 0) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

export function logFind<T>(log: OrderedLog<T>, id: string): T | undefined {
    const position = log.store.positions.get(id);
    return position !== undefined && position < log.size ? log.store.items[position] : undefined;
}

/**
 * Adds `item`, or replaces the item with the same id when `isSame` says it changed (the latest wins).
 * Returns `log` itself when nothing changed.
 */
export function logUpsert<T>(
    log: OrderedLog<T>,
    item: T,
    idOf: (item: T) => string,
    order: LogOrder<T>,
    isSame: (a: T, b: T) => boolean
): OrderedLog<T> {
    const id = idOf(item);
    const existing = logFind(log, id);
    if (existing !== undefined) {
        if (isSame(existing, item)) {
            return log;
        }
        const others = log.store.items.slice(0, log.size).filter((kept) => idOf(kept) !== id);
        others.splice(insertionPoint(others, item, order), 0, item);
        return { size: others.length, store: storeOf(others, idOf) };
    }
    const { items } = log.store;
    const inOrder = log.size === 0 || order(items[log.size - 1], item) <= 0;
    if (inOrder && log.size === items.length) {
        // The newest version appending in order: share the store.
        items.push(item);
        log.store.positions.set(id, log.size);
        return { size: log.size + 1, store: log.store };
    }
    const copy = items.slice(0, log.size);
    copy.splice(inOrder ? copy.length : insertionPoint(copy, item, order), 0, item);
    return { size: copy.length, store: storeOf(copy, idOf) };
}

/** The items in order, as a new array (O(size)). */
export function logItems<T>(log: OrderedLog<T>): T[] {
    return log.store.items.slice(0, log.size);
}

/** The last `count` items in order (O(count)). */
export function logTail<T>(log: OrderedLog<T>, count: number): T[] {
    return log.store.items.slice(Math.max(0, log.size - count), log.size);
}

export function logLast<T>(log: OrderedLog<T>): T | undefined {
    return log.size > 0 ? log.store.items[log.size - 1] : undefined;
}

/**
 * How many leading items `next` shares, unchanged, with `previous`. Items of a store are only ever pushed, never
 * changed, so two versions on one store agree on their common prefix; a version on another store shares nothing
 * that is known without comparing. Lets a writer rewrite only what was appended since it last wrote.
 */
export function logSharedPrefix<T>(previous: OrderedLog<T>, next: OrderedLog<T>): number {
    return previous.store === next.store ? Math.min(previous.size, next.size) : 0;
}

/** The items from `start` (inclusive) to `end` (exclusive), in order, clamped to the log (O(end - start)). */
export function logSlice<T>(log: OrderedLog<T>, start: number, end: number): T[] {
    return log.store.items.slice(Math.max(0, start), Math.min(log.size, end));
}

/** A log of `items`, which must already be in order with distinct ids (O(n), no sorting). */
export function logFromOrderedItems<T>(items: readonly T[], idOf: (item: T) => string): OrderedLog<T> {
    const copy = items.slice();
    return { size: copy.length, store: storeOf(copy, idOf) };
}

/**
 * Where a live view of the latest of `size` items starts: it shows at least `latest` items (all of them while there
 * are no more) and its start moves in steps of `block`, so old items leave the view in blocks rather than one per
 * new item; `earlier` asks for that many more items before it. A block as large as `latest` keeps the view between
 * `latest` and `latest + block - 1` items.
 */
export function logWindowStart(size: number, latest: number, block: number, earlier = 0): number {
    const start = size <= latest ? 0 : Math.floor((size - latest) / Math.max(1, block)) * Math.max(1, block);
    return Math.max(0, start - Math.max(0, earlier));
}
