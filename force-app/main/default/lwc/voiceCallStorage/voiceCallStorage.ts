/**
 * Keeps the calls the console shows in the browser tab's session storage, so a page reload, a reopened utility panel
 * or a re-rendered console shows them again. Template-less; the only platform it touches is the Storage it is given.
 *
 * Keys (version 1): `voiceCallConsole:v1:index` lists the stored calls; `voiceCallConsole:v1:call:<callId>` holds a
 * call without its transcript, and `…:call:<callId>:transcript:<n>` the transcript in chunks of 100 utterances, so a
 * write after a new utterance rewrites the last chunk, not the whole call. Writes are throttled (one trailing write
 * at most every 500 ms) and only calls that changed since the last write are written.
 */
import type { OrderedLog, Utterance, VoiceCall, VoiceCallConsoleState } from 'c/voiceCallState';
import {
    EMPTY_CONSOLE_STATE,
    isLive,
    logSharedPrefix,
    logSlice,
    restoredCall,
    restoredConsoleState
} from 'c/voiceCallState';
import type { StoredIndexEntry } from './storedCall';
import {
    StoredDataError,
    parseStoredCall,
    parseStoredChunk,
    parseStoredIndex,
    serialiseCall,
    serialiseChunk,
    serialiseIndex
} from './storedCall';

export { STORAGE_VERSION } from './storedCall';

export const STORAGE_KEY_PREFIX = 'voiceCallConsole:v1:';
export const INDEX_KEY = `${STORAGE_KEY_PREFIX}index`;
const CALL_KEY_PREFIX = `${STORAGE_KEY_PREFIX}call:`;

/** Stored calls that ended (or, still live, were last saved) longer ago than this are removed on load. */
export const DEFAULT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A change is written at most this long after it happened; changes in between are written together. */
export const DEFAULT_WRITE_DELAY_MS = 500;
export const TRANSCRIPT_CHUNK_SIZE = 100;

/** The key of a stored call; the id is encoded, so no id can reach another call's keys. */
export function callKey(callId: string): string {
    return `${CALL_KEY_PREFIX}${encodeURIComponent(callId)}`;
}

export function transcriptChunkKey(callId: string, chunk: number): string {
    return `${callKey(callId)}:transcript:${String(chunk)}`;
}

/** The call id of a stored call's key or of one of its chunks; undefined for any other key. */
function callIdOfKey(key: string): string | undefined {
    if (!key.startsWith(CALL_KEY_PREFIX)) {
        return undefined;
    }
    const encoded = key.slice(CALL_KEY_PREFIX.length).split(':')[0];
    try {
        return decodeURIComponent(encoded);
    } catch {
        return '';
    }
}

/**
 * Removes every call this version stored, and its index, from the tab's session storage (or `storage`): the next
 * console starts with no call. Never throws; without storage it does nothing.
 */
export function clearStoredCalls(storage: () => Storage | undefined = sessionStorageOfTab): void {
    try {
        const store = storage();
        if (store === undefined) {
            return;
        }
        const keys: string[] = [];
        for (let position = 0; position < store.length; position++) {
            const key = store.key(position);
            if (key?.startsWith(STORAGE_KEY_PREFIX) === true) {
                keys.push(key);
            }
        }
        for (const key of keys) {
            store.removeItem(key);
        }
    } catch {
        // Storage unavailable: there is nothing of ours to clear.
    }
}

export interface VoiceCallStorageOptions {
    /** Where calls are kept: the tab's sessionStorage unless given. Undefined or throwing means none. */
    readonly storage?: () => Storage | undefined;
    readonly now?: () => number;
    readonly maxAgeMs?: number;
    readonly writeDelayMs?: number;
    readonly chunkSize?: number;
    /** Told once about data dropped on load, and once when storage fails; never per event. */
    readonly warn?: (message: string) => void;
}

/** What was last written of a call, to write only what changed since. */
interface WrittenCall {
    readonly call: VoiceCall;
    readonly transcript: OrderedLog<Utterance>;
    readonly chunks: number;
}

function sessionStorageOfTab(): Storage | undefined {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
}

function warnOnConsole(message: string): void {
    // One line for an admin, at most twice per console: never per event.
    console.warn(message);
}

function errorName(error: unknown): string {
    return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
        ? error.name
        : 'an error';
}

/** When a call ended, for expiry and to find the last ended call; a call that never did counts from its last change. */
function endedTime(call: VoiceCall): number {
    return call.times.endedAt ?? call.times.wrapUpEndedAt ?? call.times.updatedAt;
}

/**
 * The calls worth keeping of a state: the active call, the shown call and the last ended call; on a record page whose
 * call is known, only that call (the utility bar's console keeps the others).
 */
export function callsToSave(state: VoiceCallConsoleState, recordCallId?: string): VoiceCall[] {
    if (recordCallId !== undefined) {
        const call = state.calls.get(recordCallId);
        return call === undefined ? [] : [call];
    }
    let lastEnded: VoiceCall | undefined;
    for (const call of state.calls.values()) {
        if (!isLive(call) && (lastEnded === undefined || endedTime(call) > endedTime(lastEnded))) {
            lastEnded = call;
        }
    }
    const kept = new Set<VoiceCall>();
    for (const callId of [state.activeCallId, state.shownCallId, lastEnded?.callId]) {
        const call = callId === undefined ? undefined : state.calls.get(callId);
        if (call !== undefined) {
            kept.add(call);
        }
    }
    return [...kept];
}

export class VoiceCallStorage {
    private readonly getStorage: () => Storage | undefined;
    private readonly now: () => number;
    private readonly maxAgeMs: number;
    private readonly writeDelayMs: number;
    private readonly chunkSize: number;
    private readonly warn: (message: string) => void;

    /** Resolved on first use; null when there is none. */
    private storage: Storage | null | undefined;
    /** Set after storage failed once: the console carries on in memory. */
    private disabled = false;
    private warnedFailure = false;
    private readonly written = new Map<string, WrittenCall>();
    private pending:
        { readonly state: VoiceCallConsoleState; readonly recordCallId: string | undefined } | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(options: VoiceCallStorageOptions = {}) {
        this.getStorage = options.storage ?? sessionStorageOfTab;
        this.now = options.now ?? Date.now;
        this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
        this.writeDelayMs = options.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS;
        this.chunkSize = Math.max(1, options.chunkSize ?? TRANSCRIPT_CHUNK_SIZE);
        this.warn = options.warn ?? warnOnConsole;
    }

    /**
     * The stored calls as a console state (empty when none), each marked restored. Removes expired calls and keys no
     * stored call owns; data with a wrong version or shape is removed with one warning.
     */
    restore(): VoiceCallConsoleState {
        // A state scheduled before the restore knows none of the restored calls: writing it would remove them.
        this.pending = undefined;
        const storage = this.available();
        if (storage === undefined) {
            return EMPTY_CONSOLE_STATE;
        }
        const dropped: string[] = [];
        const dropBadData = (error: unknown): void => {
            if (!(error instanceof StoredDataError)) {
                throw error;
            }
            dropped.push(error.message);
        };
        try {
            let entries: StoredIndexEntry[] = [];
            const indexText = storage.getItem(INDEX_KEY);
            try {
                entries = indexText === null ? [] : parseStoredIndex(indexText);
            } catch (error) {
                dropBadData(error);
            }
            const oldest = this.now() - this.maxAgeMs;
            const calls: VoiceCall[] = [];
            const kept: StoredIndexEntry[] = [];
            for (const entry of entries) {
                if (
                    (entry.endedAt ?? entry.savedAt) < oldest ||
                    kept.some((k) => k.callId === entry.callId)
                ) {
                    continue;
                }
                try {
                    calls.push(this.readCall(storage, entry.callId));
                    kept.push(entry);
                } catch (error) {
                    dropBadData(error);
                }
            }
            this.removeUnowned(storage, new Set(kept.map((entry) => entry.callId)));
            if (kept.length !== entries.length || dropped.length > 0) {
                if (kept.length === 0) {
                    storage.removeItem(INDEX_KEY);
                } else {
                    storage.setItem(INDEX_KEY, serialiseIndex(kept));
                }
            }
            if (dropped.length > 0) {
                this.warn(
                    `voiceCallConsole: dropped ${String(dropped.length)} stored item(s) with a wrong version or shape; first: ${dropped[0]}`
                );
            }
            return restoredConsoleState(calls);
        } catch (error) {
            this.fail(error, 'read');
            return EMPTY_CONSOLE_STATE;
        }
    }

    /** Notes the newest state; it is written within the write delay. O(1): no work per event. */
    schedule(state: VoiceCallConsoleState, recordCallId?: string): void {
        if (this.disabled) {
            return;
        }
        this.pending = { state, recordCallId };
        if (this.timer === undefined) {
            // The throttle's one timer: cleared by flush(), which the console calls when disconnected.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setTimeout(() => {
                this.timer = undefined;
                this.flush();
            }, this.writeDelayMs);
        }
    }

    /** Writes what is pending now and stops the timer (the console calls it when disconnected). */
    flush(): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        const pending = this.pending;
        this.pending = undefined;
        if (pending !== undefined) {
            this.write(pending.state, pending.recordCallId);
        }
    }

    private available(): Storage | undefined {
        if (this.disabled) {
            return undefined;
        }
        if (this.storage === undefined) {
            try {
                this.storage = this.getStorage() ?? null;
            } catch (error) {
                this.fail(error, 'open');
                return undefined;
            }
            if (this.storage === null) {
                this.fail(undefined, 'open');
                return undefined;
            }
        }
        return this.storage ?? undefined;
    }

    /** Storage failed (full, denied, absent): warn once, stop using it, carry on in memory. */
    private fail(error: unknown, action: 'open' | 'read' | 'save'): void {
        this.disabled = true;
        this.pending = undefined;
        if (this.warnedFailure) {
            return;
        }
        this.warnedFailure = true;
        const cause = error === undefined ? 'no session storage' : errorName(error);
        this.warn(
            `voiceCallConsole: could not ${action} call data in session storage (${cause}); carrying on in memory.`
        );
    }

    private readCall(storage: Storage, callId: string): VoiceCall {
        const text = storage.getItem(callKey(callId));
        if (text === null) {
            throw new StoredDataError(`call ${callId} is listed but not stored`);
        }
        const { savedAt, transcriptChunks, parts } = parseStoredCall(text, callId);
        const transcript: Utterance[] = [];
        for (let chunk = 0; chunk < transcriptChunks; chunk++) {
            const chunkText = storage.getItem(transcriptChunkKey(callId, chunk));
            if (chunkText === null) {
                throw new StoredDataError(`call ${callId} transcript chunk ${String(chunk)} is missing`);
            }
            transcript.push(...parseStoredChunk(chunkText, callId, chunk));
        }
        const call = restoredCall({ ...parts, transcript }, savedAt);
        this.written.set(callId, { call, transcript: call.transcript, chunks: transcriptChunks });
        return call;
    }

    /** Removes every call key (and chunk) of this version whose call is not in `owned`. */
    private removeUnowned(storage: Storage, owned: ReadonlySet<string>): void {
        const unowned: string[] = [];
        for (let position = 0; position < storage.length; position++) {
            const key = storage.key(position);
            const callId = key === null ? undefined : callIdOfKey(key);
            if (key !== null && callId !== undefined && !owned.has(callId)) {
                unowned.push(key);
            }
        }
        for (const key of unowned) {
            storage.removeItem(key);
        }
    }

    private write(state: VoiceCallConsoleState, recordCallId: string | undefined): void {
        const storage = this.available();
        if (storage === undefined) {
            return;
        }
        const savedAt = this.now();
        const keep = callsToSave(state, recordCallId);
        const saved: StoredIndexEntry[] = [];
        const removed: string[] = [];
        try {
            for (const call of keep) {
                const written = this.written.get(call.callId);
                if (written?.call !== call) {
                    this.written.set(call.callId, this.writeCall(storage, call, written, savedAt));
                    saved.push({
                        callId: call.callId,
                        savedAt,
                        endedAt: isLive(call) ? undefined : endedTime(call)
                    });
                }
            }
            // A record page's console keeps its own call and leaves the others to the utility bar's.
            if (recordCallId === undefined) {
                const keptIds = new Set(keep.map((call) => call.callId));
                for (const [callId, written] of this.written) {
                    if (!keptIds.has(callId)) {
                        this.removeCall(storage, callId, written.chunks);
                        this.written.delete(callId);
                        removed.push(callId);
                    }
                }
            }
            if (saved.length > 0 || removed.length > 0) {
                this.updateIndex(storage, saved, removed);
            }
        } catch (error) {
            this.fail(error, 'save');
        }
    }

    /** Writes the call and the transcript chunks that changed since `written`; removes chunks it no longer has. */
    private writeCall(
        storage: Storage,
        call: VoiceCall,
        written: WrittenCall | undefined,
        savedAt: number
    ): WrittenCall {
        const { callId, transcript } = call;
        const size = this.chunkSize;
        const chunks = Math.ceil(transcript.size / size);
        if (written?.transcript !== transcript) {
            // In-order appends share the log's store: only the chunks from the first new utterance on changed.
            const unchanged = written === undefined ? 0 : logSharedPrefix(written.transcript, transcript);
            for (let chunk = Math.floor(unchanged / size); chunk < chunks; chunk++) {
                const utterances = logSlice(transcript, chunk * size, (chunk + 1) * size);
                storage.setItem(transcriptChunkKey(callId, chunk), serialiseChunk(callId, chunk, utterances));
            }
        }
        for (let chunk = chunks; chunk < (written?.chunks ?? 0); chunk++) {
            storage.removeItem(transcriptChunkKey(callId, chunk));
        }
        storage.setItem(callKey(callId), serialiseCall(call, savedAt, chunks));
        return { call, transcript, chunks };
    }

    private removeCall(storage: Storage, callId: string, chunks: number): void {
        storage.removeItem(callKey(callId));
        for (let chunk = 0; chunk < chunks; chunk++) {
            storage.removeItem(transcriptChunkKey(callId, chunk));
        }
    }

    /** Read, change, write: other consoles of the tab (record pages) list their calls in the same index. */
    private updateIndex(
        storage: Storage,
        saved: readonly StoredIndexEntry[],
        removed: readonly string[]
    ): void {
        let entries: StoredIndexEntry[] = [];
        const text = storage.getItem(INDEX_KEY);
        try {
            entries = text === null ? [] : parseStoredIndex(text);
        } catch (error) {
            if (!(error instanceof StoredDataError)) {
                throw error;
            }
            // An unreadable index is replaced; restore() reports bad data.
        }
        const byId = new Map(entries.map((entry) => [entry.callId, entry]));
        for (const entry of saved) {
            byId.set(entry.callId, entry);
        }
        for (const callId of removed) {
            byId.delete(callId);
        }
        storage.setItem(INDEX_KEY, serialiseIndex([...byId.values()]));
    }
}
