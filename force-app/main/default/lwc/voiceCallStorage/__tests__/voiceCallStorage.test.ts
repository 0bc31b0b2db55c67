import {
    DEFAULT_MAX_AGE_MS,
    DEFAULT_WRITE_DELAY_MS,
    INDEX_KEY,
    STORAGE_KEY_PREFIX,
    STORAGE_VERSION,
    TRANSCRIPT_CHUNK_SIZE,
    VoiceCallStorage,
    callKey,
    callsToSave,
    clearStoredCalls,
    transcriptChunkKey
} from 'c/voiceCallStorage';
import type { VoiceCallStorageOptions } from 'c/voiceCallStorage';
import { EMPTY_CONSOLE_STATE, applyToolkitEvent, applyToolkitEvents, logItems } from 'c/voiceCallState';
import type { VoiceCall, VoiceCallConsoleState } from 'c/voiceCallState';
import type { ToolkitEvent } from 'c/voiceCallEvents';
import {
    CALLER,
    CALL_A,
    CALL_B,
    T0,
    callIn,
    eventsFor,
    fold
} from '../../voiceCallState/__tests__/data/events';

const a = eventsFor(CALL_A);
const b = eventsFor(CALL_B);
const SECOND = 1_000;
const HOUR = 3_600 * SECOND;
const THIRD_PARTY = 'Billing Quick Connect';
/** When the tests save: a minute after the calls' events. */
const SAVED_AT = T0 + 60 * SECOND;

/** Call A, live, with every part storage keeps: participants on hold, mute, paused recording, flags, notes. */
const LIVE_CALL_EVENTS: readonly ToolkitEvent[] = [
    a.flagLower('f-early', T0 - 3 * SECOND, { role: 'Supervisor', displayName: 'Samir Supervisor' }),
    a.started(T0 - 2 * SECOND, 'outbound'),
    a.connected(T0 - SECOND, 'outbound'),
    a.added(THIRD_PARTY, T0),
    a.hold(THIRD_PARTY, T0 + SECOND),
    a.swap(T0 + 2 * SECOND),
    a.mute(T0 + 3 * SECOND),
    a.pauseRecording(T0 + 4 * SECOND),
    a.transcript('u1', 'Hello', T0 + 5 * SECOND, { displayName: 'Angela Agent' }),
    a.transcript('u2', 'I was charged twice.', T0 + 6 * SECOND, { role: 'EndUser', client: null }),
    a.transcript('u3', 'Let me check.', T0 + 7 * SECOND, { server: null, client: null }),
    a.flagRaise('f1', 'Credit note?', T0 + 8 * SECOND, { displayName: 'Angela Agent' }),
    a.flagLower('f1', T0 + 9 * SECOND, { role: 'Supervisor', displayName: 'Samir Supervisor' }),
    a.flagRaise('f2', 'Still stuck', T0 + 10 * SECOND),
    a.note('n1', 'Refund or store credit.', T0 + 11 * SECOND, { displayName: 'Angela Agent' }),
    a.note('n2', 'Approved.', T0 + 12 * SECOND, { role: 'Supervisor' }),
    a.audioStats(T0 + 13 * SECOND, { packetsLost: 1 })
];

/** Call B, ended before call A started. */
const ENDED_CALL_EVENTS: readonly ToolkitEvent[] = [
    b.connected(T0 - 30 * SECOND),
    b.transcript('b1', 'Earlier call', T0 - 29 * SECOND),
    b.ended(T0 - 20 * SECOND)
];

/** What a reader of a call can observe, logs as item lists. */
function callView(call: VoiceCall): unknown {
    return { ...call, transcript: logItems(call.transcript), notes: logItems(call.notes) };
}

/** The call as it comes back from storage: the same, marked restored, without its audio statistics. */
function restoredView(call: VoiceCall, savedAt = SAVED_AT): unknown {
    return callView({ ...call, audioStats: undefined, restoredAt: savedAt });
}

let warn: jest.Mock<undefined, [string]>;
let now: number;

function storageFor(options: VoiceCallStorageOptions = {}): VoiceCallStorage {
    return new VoiceCallStorage({ now: () => now, warn, ...options });
}

/** Saves `state` at once, as a console does when it is disconnected. */
function save(
    state: VoiceCallConsoleState,
    options: VoiceCallStorageOptions = {},
    recordCallId?: string
): void {
    const storage = storageFor(options);
    storage.schedule(state, recordCallId);
    storage.flush();
}

function storedKeys(): string[] {
    return Object.keys(sessionStorage)
        .filter((key) => key.startsWith(STORAGE_KEY_PREFIX))
        .sort();
}

function transcriptOf(callId: string, count: number, startAt: number = T0): ToolkitEvent[] {
    const events = eventsFor(callId);
    return Array.from({ length: count }, (_, index) =>
        events.transcript(`u${String(index)}`, `utterance ${String(index)}`, startAt + index)
    );
}

/** The bytes (UTF-16 code units) written by each setItem while `act` runs, by key. */
function writesDuring(act: () => void): Map<string, number> {
    const writes = new Map<string, number>();
    const original = Storage.prototype.setItem;
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    setItem.mockImplementation(function (this: Storage, key: string, value: string) {
        writes.set(key, (writes.get(key) ?? 0) + value.length);
        original.call(this, key, value);
    });
    try {
        act();
    } finally {
        setItem.mockRestore();
    }
    return writes;
}

describe('c-voice-call-storage', () => {
    beforeEach(() => {
        warn = jest.fn<undefined, [string]>();
        now = SAVED_AT;
    });

    afterEach(() => {
        sessionStorage.clear();
        jest.restoreAllMocks();
        jest.useRealTimers();
    });

    describe('saving and restoring', () => {
        it('restores every part of the active and the last ended call, marked with when they were saved', () => {
            const state = fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS);
            save(state);

            const restored = storageFor().restore();

            expect(restored.activeCallId).toBe(CALL_A);
            expect(restored.shownCallId).toBe(CALL_A);
            expect(callView(callIn(restored, CALL_A))).toEqual(restoredView(callIn(state, CALL_A)));
            expect(callView(callIn(restored, CALL_B))).toEqual(restoredView(callIn(state, CALL_B)));
            // The parts the status panel and the other panels show, spelled out.
            const live = callIn(restored, CALL_A);
            expect(live.participants.map((participant) => [participant.name, participant.onHold])).toEqual([
                [CALLER, true],
                [THIRD_PARTY, false]
            ]);
            expect([live.status, live.direction, live.muted, live.recordingPaused]).toEqual([
                'connected',
                'Outbound',
                true,
                true
            ]);
            expect(live.flags.map((flag) => [flag.id, flag.loweredBy?.displayName])).toEqual([
                ['f1', 'Samir Supervisor'],
                ['f2', undefined]
            ]);
            expect(live.earlyFlagLowers).toEqual([
                expect.objectContaining({ id: 'f-early', at: T0 - 3 * SECOND })
            ]);
            expect(warn).not.toHaveBeenCalled();
        });

        it("restores the call's moments (its timeline), and reads data saved before moments were kept as none", () => {
            const state = fold(...LIVE_CALL_EVENTS);
            save(state);

            const live = callIn(storageFor().restore(), CALL_A);
            expect(live.moments).toEqual(callIn(state, CALL_A).moments);
            expect(live.moments.length).toBeGreaterThan(0);

            const key = callKey(CALL_A);
            const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
            delete stored.moments;
            sessionStorage.setItem(key, JSON.stringify(stored));
            expect(callIn(storageFor().restore(), CALL_A).moments).toEqual([]);
        });

        it("restores each party's hold start and total hold time, and the call's", () => {
            save(fold(...LIVE_CALL_EVENTS));

            const live = callIn(storageFor().restore(), CALL_A);

            // The third party was held from T0 + 1 s until the swap at T0 + 2 s, which put the caller on hold.
            expect(
                live.participants.map((participant) => [participant.holdChangedAt, participant.heldMs])
            ).toEqual([
                [T0 + 2 * SECOND, 0],
                [T0 + 2 * SECOND, SECOND]
            ]);
            expect(live.heldMs).toBe(SECOND);
        });

        it('shows the last ended call when no call is live', () => {
            save(fold(...ENDED_CALL_EVENTS));

            const restored = storageFor().restore();

            expect(restored.activeCallId).toBeUndefined();
            expect(restored.shownCallId).toBe(CALL_B);
        });

        it('restores the empty state when nothing was saved, without a warning', () => {
            expect(storageFor().restore()).toBe(EMPTY_CONSOLE_STATE);
            expect(warn).not.toHaveBeenCalled();
        });

        it('keeps each call under namespaced, versioned keys, with its id encoded', () => {
            const odd = 'call:7/transcript:0';
            save(fold(eventsFor(odd).connected(T0), eventsFor(odd).transcript('u1', 'Hi', T0)));

            expect(STORAGE_VERSION).toBe(1);
            expect(storedKeys()).toEqual([
                'voiceCallConsole:v1:call:call%3A7%2Ftranscript%3A0',
                'voiceCallConsole:v1:call:call%3A7%2Ftranscript%3A0:transcript:0',
                'voiceCallConsole:v1:index'
            ]);
            expect(callKey(odd)).toBe(storedKeys()[0]);
            expect(transcriptChunkKey(odd, 0)).toBe(storedKeys()[1]);
            expect(INDEX_KEY).toBe(storedKeys()[2]);
            expect(logItems(callIn(storageFor().restore(), odd).transcript).map((u) => u.text)).toEqual([
                'Hi'
            ]);
        });

        it('merges events that arrive after a restore without duplicates', () => {
            const state = fold(...LIVE_CALL_EVENTS);
            save(state);
            const restored = storageFor().restore();

            // After a reload the connector replays the call; new utterances follow.
            const merged = applyToolkitEvents(restored, [
                ...LIVE_CALL_EVENTS,
                a.transcript('u4', 'Found it.', T0 + 20 * SECOND),
                a.note('n3', 'Done.', T0 + 21 * SECOND)
            ]);

            const call = callIn(merged, CALL_A);
            expect(logItems(call.transcript).map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
            expect(logItems(call.notes).map((note) => note.id)).toEqual(['n1', 'n2', 'n3']);
            expect(call.flags.map((flag) => flag.id)).toEqual(['f1', 'f2']);
            expect(call.participants).toHaveLength(2);
            expect(call.restoredAt).toBe(SAVED_AT);
            // Arrival order continues after the restored items, so a new item sorts after them on a tie.
            const restoredSeqs = logItems(callIn(restored, CALL_A).transcript).map(
                (utterance) => utterance.seq
            );
            const added = logItems(call.transcript).find((utterance) => utterance.id === 'u4');
            expect(added?.seq).toBeGreaterThan(Math.max(...restoredSeqs));
        });

        it('restores a 10,000-utterance transcript in order, in chunks', () => {
            const state = applyToolkitEvents(fold(a.connected(T0)), transcriptOf(CALL_A, 10_000));
            save(state);

            expect(storedKeys()).toHaveLength(2 + Math.ceil(10_000 / TRANSCRIPT_CHUNK_SIZE));
            const transcript = logItems(callIn(storageFor().restore(), CALL_A).transcript);
            expect(transcript).toHaveLength(10_000);
            expect(transcript[0].text).toBe('utterance 0');
            expect(transcript[9_999].text).toBe('utterance 9999');
        });
    });

    describe('writing', () => {
        it(`writes nothing for ${String(DEFAULT_WRITE_DELAY_MS)} ms, then once for all the changes in between`, () => {
            jest.useFakeTimers();
            const storage = storageFor();
            const setItem = jest.spyOn(Storage.prototype, 'setItem');
            let state = fold(a.connected(T0));

            storage.schedule(state);
            for (let index = 0; index < 100; index++) {
                state = applyToolkitEvent(state, a.transcript(`u${String(index)}`, 'text', T0 + index));
                storage.schedule(state);
            }
            jest.advanceTimersByTime(DEFAULT_WRITE_DELAY_MS - 1);
            expect(setItem).not.toHaveBeenCalled();

            jest.advanceTimersByTime(1);
            // The transcript chunk, the call, the index: once.
            expect(setItem).toHaveBeenCalledTimes(3);
            expect(jest.getTimerCount()).toBe(0);
            expect(logItems(callIn(storageFor().restore(), CALL_A).transcript)).toHaveLength(100);
        });

        it('forgets a state scheduled before the restore, which knows none of the restored calls', () => {
            save(fold(...LIVE_CALL_EVENTS));
            const storage = storageFor();

            storage.schedule(EMPTY_CONSOLE_STATE);
            storage.restore();
            storage.flush();

            expect(storedKeys()).toContain(callKey(CALL_A));
        });

        it('writes at once on flush, and leaves no timer behind', () => {
            jest.useFakeTimers();
            const storage = storageFor();
            storage.schedule(fold(a.connected(T0)));
            expect(jest.getTimerCount()).toBe(1);

            storage.flush();

            expect(jest.getTimerCount()).toBe(0);
            expect(storedKeys()).toEqual([callKey(CALL_A), INDEX_KEY]);
        });

        it('writes only the calls that changed since the last write', () => {
            const storage = storageFor();
            const state = fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS);
            storage.schedule(state);
            storage.flush();

            const unchanged = writesDuring(() => {
                storage.schedule(state);
                storage.flush();
            });
            const oneChanged = writesDuring(() => {
                storage.schedule(applyToolkitEvent(state, a.unmute(T0 + 30 * SECOND)));
                storage.flush();
            });

            expect([...unchanged.keys()]).toEqual([]);
            expect([...oneChanged.keys()]).toEqual([callKey(CALL_A), INDEX_KEY]);
        });

        it('after a new utterance on a 10,000-utterance call, rewrites only the last transcript chunk', () => {
            const storage = storageFor();
            let state = applyToolkitEvents(fold(a.connected(T0)), transcriptOf(CALL_A, 10_000));
            storage.schedule(state);
            const first = writesDuring(() => {
                storage.flush();
            });

            state = applyToolkitEvent(state, a.transcript('u-new', 'One more', T0 + 20_000));
            storage.schedule(state);
            const next = writesDuring(() => {
                storage.flush();
            });

            const lastChunk = transcriptChunkKey(CALL_A, Math.floor(10_000 / TRANSCRIPT_CHUNK_SIZE));
            expect([...next.keys()].sort()).toEqual([callKey(CALL_A), lastChunk, INDEX_KEY].sort());
            const total = (writes: Map<string, number>): number =>
                [...writes.values()].reduce((x, y) => x + y, 0);
            expect(total(first)).toBeGreaterThan(500_000);
            expect(total(next)).toBeLessThan(2_000);
            expect(logItems(callIn(storageFor().restore(), CALL_A).transcript).at(-1)?.text).toBe('One more');
        });

        it('rewrites the transcript from an utterance that arrives out of order, and restores it in order', () => {
            const storage = storageFor({ chunkSize: 2 });
            let state = applyToolkitEvents(fold(a.connected(T0)), transcriptOf(CALL_A, 5, T0 + SECOND));
            storage.schedule(state);
            storage.flush();

            state = applyToolkitEvent(
                state,
                a.transcript('early', 'First of all', T0 + 10 * SECOND, { server: T0 })
            );
            storage.schedule(state);
            const writes = writesDuring(() => {
                storage.flush();
            });

            expect([...writes.keys()]).toEqual(
                expect.arrayContaining([0, 1, 2].map((n) => transcriptChunkKey(CALL_A, n)))
            );
            expect(logItems(callIn(storageFor().restore(), CALL_A).transcript).map((u) => u.id)).toEqual([
                'early',
                'u0',
                'u1',
                'u2',
                'u3',
                'u4'
            ]);
        });

        it('removes a call once it is neither active, shown nor the last ended', () => {
            const storage = storageFor();
            let state = fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS);
            storage.schedule(state);
            storage.flush();
            expect(storedKeys()).toContain(callKey(CALL_B));

            state = applyToolkitEvent(state, a.ended(T0 + 40 * SECOND));
            storage.schedule(state);
            storage.flush();

            expect(storedKeys()).not.toContain(callKey(CALL_B));
            expect(storedKeys()).not.toContain(transcriptChunkKey(CALL_B, 0));
            expect([...storageFor().restore().calls.keys()]).toEqual([CALL_A]);
        });

        it("on a record page, writes only the record's call and removes no other", () => {
            save(fold(...ENDED_CALL_EVENTS));
            const state = fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS);

            save(state, {}, CALL_A);

            expect([...storageFor().restore().calls.keys()].sort()).toEqual([CALL_A, CALL_B].sort());
            expect(callsToSave(state, CALL_A)).toEqual([callIn(state, CALL_A)]);
            expect(callsToSave(state, 'not-seen-yet')).toEqual([]);
        });

        it('keeps the active call, the shown call and the last ended call', () => {
            const c = eventsFor('call-c');
            const state = fold(
                c.connected(T0 - 60 * SECOND),
                c.ended(T0 - 50 * SECOND),
                ...ENDED_CALL_EVENTS,
                ...LIVE_CALL_EVENTS
            );

            expect(callsToSave(state).map((call) => call.callId)).toEqual([CALL_A, CALL_B]);
            expect(callsToSave(EMPTY_CONSOLE_STATE)).toEqual([]);
        });
    });

    describe('expiry', () => {
        it('removes, on load, calls that ended more than 24 hours ago', () => {
            save(fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS));

            now = T0 - 20 * SECOND + DEFAULT_MAX_AGE_MS + 1;
            const restored = storageFor().restore();

            expect([...restored.calls.keys()]).toEqual([CALL_A]);
            expect(storedKeys()).not.toContain(callKey(CALL_B));
            expect(storedKeys()).not.toContain(transcriptChunkKey(CALL_B, 0));
            expect(warn).not.toHaveBeenCalled();
        });

        it('removes a call still live but last saved longer ago than the maximum age, which is configurable', () => {
            save(fold(...LIVE_CALL_EVENTS));

            now = SAVED_AT + HOUR;
            expect(storageFor({ maxAgeMs: 2 * HOUR }).restore().calls.size).toBe(1);
            expect(storageFor({ maxAgeMs: HOUR - 1 }).restore()).toBe(EMPTY_CONSOLE_STATE);
            expect(storedKeys()).toEqual([]);
        });
    });

    describe('stored data is untrusted', () => {
        /** Saves calls A (live) and B (ended), then spoils part of what was stored. */
        function saveThenSpoil(spoil: () => void): void {
            save(fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS));
            spoil();
        }

        function rewrite(key: string, change: (stored: Record<string, unknown>) => unknown): void {
            const text = sessionStorage.getItem(key);
            if (text === null) {
                throw new Error(`nothing stored at ${key}`);
            }
            const parsed: unknown = JSON.parse(text);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
                throw new Error(`${key} does not hold an object`);
            }
            sessionStorage.setItem(key, JSON.stringify(change({ ...parsed })));
        }

        it.each([
            [
                'of another version',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, version: 2 }));
                }
            ],
            [
                'without a version',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, version: undefined }));
                }
            ],
            [
                'that is not JSON',
                () => {
                    sessionStorage.setItem(callKey(CALL_B), '{"version":1,');
                }
            ],
            [
                'that is not an object',
                () => {
                    sessionStorage.setItem(callKey(CALL_B), '[1]');
                }
            ],
            [
                'with an unknown status',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, status: 'ringing' }));
                }
            ],
            [
                'with a participant that is a string',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, participants: ['x'] }));
                }
            ],
            [
                'with a negative hold total',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, heldMs: -1 }));
                }
            ],
            [
                'with a hold total that is not a number',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({
                        ...call,
                        participants: [
                            { name: 'x', kind: 'Third_Party', onHold: false, joinedAt: 1, heldMs: '1' }
                        ]
                    }));
                }
            ],
            [
                'with a negative chunk count',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, transcriptChunks: -1 }));
                }
            ],
            [
                'holding another call',
                () => {
                    rewrite(callKey(CALL_B), (call) => ({ ...call, callId: CALL_A }));
                }
            ],
            [
                'without the call, though listed',
                () => {
                    sessionStorage.removeItem(callKey(CALL_B));
                }
            ],
            [
                'without a transcript chunk',
                () => {
                    sessionStorage.removeItem(transcriptChunkKey(CALL_B, 0));
                }
            ],
            [
                'with an utterance whose text is a number',
                () => {
                    rewrite(transcriptChunkKey(CALL_B, 0), (chunk) => ({
                        ...chunk,
                        items: [{ id: 'b1', text: 1 }]
                    }));
                }
            ],
            [
                'with a chunk of another call',
                () => {
                    rewrite(transcriptChunkKey(CALL_B, 0), (chunk) => ({ ...chunk, callId: CALL_A }));
                }
            ]
        ])('drops a call %s, with one warning, and keeps the others', (_label, spoil) => {
            saveThenSpoil(spoil);

            const restored = storageFor().restore();

            expect([...restored.calls.keys()]).toEqual([CALL_A]);
            expect(warn).toHaveBeenCalledTimes(1);
            expect(warn.mock.calls[0][0]).toMatch(
                /^voiceCallConsole: dropped 1 stored item\(s\) with a wrong version or shape; first: call /
            );
            expect(storedKeys().filter((key) => key.includes(encodeURIComponent(CALL_B)))).toEqual([]);
            // The index now lists what is left: a second load finds nothing wrong.
            expect([...storageFor().restore().calls.keys()]).toEqual([CALL_A]);
            expect(warn).toHaveBeenCalledTimes(1);
        });

        it('reads a call saved before hold totals were kept as having none', () => {
            const withoutHeldMs = (fields: object): Record<string, unknown> =>
                Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'heldMs'));
            saveThenSpoil(() => {
                rewrite(callKey(CALL_A), (call) => {
                    const participants: unknown = call.participants;
                    return {
                        ...withoutHeldMs(call),
                        participants: Array.isArray(participants)
                            ? participants.map((participant: unknown) =>
                                  typeof participant === 'object' && participant !== null
                                      ? withoutHeldMs(participant)
                                      : participant
                              )
                            : participants
                    };
                });
            });
            expect(sessionStorage.getItem(callKey(CALL_A))).not.toContain('heldMs');

            const restored = callIn(storageFor().restore(), CALL_A);

            expect(restored.heldMs).toBe(0);
            expect(restored.participants.map((participant) => participant.heldMs)).toEqual([0, 0]);
            expect(restored.participants[0]).toMatchObject({ onHold: true, holdChangedAt: T0 + 2 * SECOND });
            expect(warn).not.toHaveBeenCalled();
        });

        it('drops an index of another version, and every call with it, with one warning', () => {
            saveThenSpoil(() => {
                rewrite(INDEX_KEY, (index) => ({ ...index, version: 0 }));
            });

            expect(storageFor().restore()).toBe(EMPTY_CONSOLE_STATE);
            expect(warn.mock.calls).toEqual([[expect.stringContaining('index has version 0, expected 1')]]);
            expect(storedKeys()).toEqual([]);
        });

        it('warns once for several bad items', () => {
            saveThenSpoil(() => {
                sessionStorage.setItem(callKey(CALL_A), 'null');
                sessionStorage.setItem(callKey(CALL_B), '"x"');
            });

            expect(storageFor().restore()).toBe(EMPTY_CONSOLE_STATE);
            expect(warn).toHaveBeenCalledTimes(1);
            expect(warn.mock.calls[0][0]).toContain('dropped 2 stored item(s)');
        });

        it('removes keys that no stored call owns, and leaves keys of others alone', () => {
            save(fold(...LIVE_CALL_EVENTS));
            sessionStorage.setItem(`${STORAGE_KEY_PREFIX}call:orphan:transcript:3`, '{}');
            sessionStorage.setItem(`${STORAGE_KEY_PREFIX}call:%E0%A4%A`, '{}');
            sessionStorage.setItem('someoneElse', 'kept');

            storageFor().restore();

            expect(storedKeys()).toEqual([callKey(CALL_A), transcriptChunkKey(CALL_A, 0), INDEX_KEY]);
            expect(sessionStorage.getItem('someoneElse')).toBe('kept');
        });
    });

    it('clears every stored call and the index, and nothing else, even without storage', () => {
        save(fold(...ENDED_CALL_EVENTS, ...LIVE_CALL_EVENTS));
        sessionStorage.setItem('someoneElse', 'kept');

        clearStoredCalls();
        clearStoredCalls(() => undefined);
        clearStoredCalls(() => {
            throw new DOMException('Access is denied.', 'SecurityError');
        });

        expect(storedKeys()).toEqual([]);
        expect(sessionStorage.getItem('someoneElse')).toBe('kept');
        expect(storageFor().restore()).toBe(EMPTY_CONSOLE_STATE);
    });

    describe('when storage fails, the console carries on in memory', () => {
        it('a full storage: warns once, throws nothing, and stops writing', () => {
            // jsdom enforces the 5,000,000 code-unit quota of a real browser's session storage.
            sessionStorage.setItem('filler', 'x'.repeat(4_999_000));
            const storage = storageFor();
            let state = fold(...LIVE_CALL_EVENTS);

            expect(() => {
                storage.schedule(state);
                storage.flush();
            }).not.toThrow();
            state = applyToolkitEvent(state, a.unmute(T0 + 30 * SECOND));
            storage.schedule(state);
            storage.flush();

            expect(warn.mock.calls).toEqual([
                [
                    'voiceCallConsole: could not save call data in session storage (QuotaExceededError); carrying on in memory.'
                ]
            ]);
            expect(sessionStorage.getItem('filler')).toHaveLength(4_999_000);
        });

        it.each([
            ['getItem throws a SecurityError', () => jest.spyOn(Storage.prototype, 'getItem'), 'read'],
            ['key() throws a SecurityError', () => jest.spyOn(Storage.prototype, 'key'), 'read']
        ])('%s on load: restores nothing and warns once', (_label, spy, action) => {
            save(fold(...LIVE_CALL_EVENTS));
            spy().mockImplementation(() => {
                throw new DOMException('The operation is insecure.', 'SecurityError');
            });
            const storage = storageFor();

            expect(storage.restore()).toBe(EMPTY_CONSOLE_STATE);
            storage.schedule(fold(...LIVE_CALL_EVENTS));
            storage.flush();

            expect(warn.mock.calls).toEqual([
                [
                    `voiceCallConsole: could not ${action} call data in session storage (SecurityError); carrying on in memory.`
                ]
            ]);
        });

        it('opening the storage throws: restores nothing and warns once', () => {
            const storage = storageFor({
                storage: () => {
                    throw new DOMException('Access is denied.', 'SecurityError');
                }
            });

            expect(storage.restore()).toBe(EMPTY_CONSOLE_STATE);
            storage.schedule(fold(...LIVE_CALL_EVENTS));
            storage.flush();

            expect(warn.mock.calls).toEqual([
                [
                    'voiceCallConsole: could not open call data in session storage (SecurityError); carrying on in memory.'
                ]
            ]);
        });

        it('there is no storage: restores nothing, writes nothing, warns once', () => {
            jest.useFakeTimers();
            const storage = storageFor({ storage: () => undefined });

            storage.schedule(fold(...LIVE_CALL_EVENTS));
            storage.flush();
            storage.schedule(fold(...LIVE_CALL_EVENTS));

            expect(storage.restore()).toBe(EMPTY_CONSOLE_STATE);
            expect(jest.getTimerCount()).toBe(0);
            expect(warn.mock.calls).toEqual([
                [
                    'voiceCallConsole: could not open call data in session storage (no session storage); carrying on in memory.'
                ]
            ]);
        });
    });
});
