import {
    EMPTY_CONSOLE_STATE,
    applyToolkitEvent,
    logItems,
    logSharedPrefix,
    logSlice,
    restoredCall,
    restoredConsoleState
} from 'c/voiceCallState';
import type { StoredCallParts, VoiceCall } from 'c/voiceCallState';
import { emptyLog, logFromOrderedItems, logUpsert } from '../orderedLog';
import { CALL_A, CALL_B, T0, callIn, eventsFor, fold } from './data/events';

const a = eventsFor(CALL_A);
const b = eventsFor(CALL_B);
const SECOND = 1_000;
const RESTORED_AT = T0 + 60 * SECOND;

/** A call's stored parts: its logs as item lists, as storage reads them back. */
function partsOf(call: VoiceCall): StoredCallParts {
    return {
        callId: call.callId,
        status: call.status,
        direction: call.direction,
        rawCallType: call.rawCallType,
        participants: call.participants,
        muted: call.muted,
        recordingPaused: call.recordingPaused,
        transcript: logItems(call.transcript),
        flags: call.flags,
        earlyFlagLowers: call.earlyFlagLowers,
        notes: logItems(call.notes),
        times: call.times,
        heldMs: call.heldMs,
        joinedMidCall: call.joinedMidCall,
        firstSeenSeq: call.firstSeenSeq,
        moments: call.moments
    };
}

describe('c-voice-call-state: restoring stored calls', () => {
    const call = callIn(
        fold(
            a.connected(T0),
            a.transcript('u1', 'one', T0 + SECOND),
            a.transcript('u2', 'two', T0 + 2 * SECOND),
            a.transcript('u3', 'three', T0 + 3 * SECOND),
            a.flagRaise('f1', 'help', T0 + 4 * SECOND),
            a.flagRaise('f2', 'more help', T0 + 5 * SECOND),
            a.note('n1', 'note', T0 + 6 * SECOND),
            a.audioStats(T0 + 7 * SECOND, { packetsLost: 3 })
        ),
        CALL_A
    );

    it('rebuilds a call from its parts, marked restored, without audio statistics', () => {
        const restored = restoredCall(partsOf(call), RESTORED_AT);

        expect(restored.restoredAt).toBe(RESTORED_AT);
        expect(restored.audioStats).toBeUndefined();
        expect(logItems(restored.transcript)).toEqual(logItems(call.transcript));
        expect(logItems(restored.notes)).toEqual(logItems(call.notes));
        expect(restored.flags).toEqual(call.flags);
    });

    it('puts stored items back in order and keeps the first of each id, whatever the stored order', () => {
        const parts = partsOf(call);
        const shuffled: StoredCallParts = {
            ...parts,
            transcript: [parts.transcript[2], parts.transcript[0], parts.transcript[1], parts.transcript[0]],
            flags: [parts.flags[1], parts.flags[0], parts.flags[1]]
        };

        const restored = restoredCall(shuffled, RESTORED_AT);

        expect(logItems(restored.transcript).map((utterance) => utterance.id)).toEqual(['u1', 'u2', 'u3']);
        expect(restored.flags.map((flag) => flag.id)).toEqual(['f1', 'f2']);
    });

    it('merges a replayed utterance without a duplicate and appends a new one', () => {
        const state = restoredConsoleState([restoredCall(partsOf(call), RESTORED_AT)]);

        const replayed = applyToolkitEvent(state, a.transcript('u2', 'two', T0 + 2 * SECOND));
        const grown = applyToolkitEvent(replayed, a.transcript('u4', 'four', T0 + 3 * SECOND));

        expect(replayed).toBe(state);
        expect(logItems(callIn(grown, CALL_A).transcript).map((utterance) => utterance.id)).toEqual([
            'u1',
            'u2',
            'u3',
            'u4'
        ]);
    });

    it('makes the newest live call active, continues the arrival count, and ignores a repeated call', () => {
        const ended = callIn(fold(b.connected(T0 - 9 * SECOND), b.ended(T0 - 8 * SECOND)), CALL_B);
        const live = restoredCall(partsOf(call), RESTORED_AT);

        const state = restoredConsoleState([ended, live, { ...live, status: 'ended' }]);

        expect(state.activeCallId).toBe(CALL_A);
        expect(state.shownCallId).toBe(CALL_A);
        expect(state.calls.size).toBe(2);
        expect(callIn(state, CALL_A).status).toBe('connected');
        const seqs = [...logItems(live.transcript), ...logItems(live.notes), ...live.flags].map((m) => m.seq);
        expect(state.seq).toBe(Math.max(...seqs));
    });

    it('shows the call that changed last when none is live, and nothing when there is no call', () => {
        const first = callIn(fold(b.connected(T0), b.ended(T0 + SECOND)), CALL_B);
        const second = callIn(fold(a.connected(T0 + 2 * SECOND), a.ended(T0 + 3 * SECOND)), CALL_A);

        const state = restoredConsoleState([second, first]);

        expect(state.activeCallId).toBeUndefined();
        expect(state.shownCallId).toBe(CALL_A);
        expect(restoredConsoleState([])).toBe(EMPTY_CONSOLE_STATE);
    });
});

describe('c-voice-call-state: ordered log helpers for storage', () => {
    interface Item {
        readonly id: string;
        readonly at: number;
    }
    const idOf = (entry: Item): string => entry.id;
    const order = (x: Item, y: Item): number => x.at - y.at;
    const same = (): boolean => true;
    const item = (id: string, at: number): Item => ({ id, at });

    it('knows how many leading items two versions share: all of the older one after in-order appends', () => {
        const first = logUpsert(
            logUpsert(emptyLog<Item>(), item('a', 1), idOf, order, same),
            item('b', 2),
            idOf,
            order,
            same
        );
        const appended = logUpsert(first, item('c', 3), idOf, order, same);
        const inserted = logUpsert(appended, item('early', 0), idOf, order, same);

        expect(logSharedPrefix(first, appended)).toBe(2);
        expect(logSharedPrefix(appended, first)).toBe(2);
        expect(logSharedPrefix(appended, inserted)).toBe(0);
    });

    it('slices a version, clamped to its own items', () => {
        const log = logFromOrderedItems([item('a', 1), item('b', 2), item('c', 3)], idOf);
        const longer = logUpsert(log, item('d', 4), idOf, order, same);

        expect(logSlice(log, 1, 10).map(idOf)).toEqual(['b', 'c']);
        expect(logSlice(log, -5, 1).map(idOf)).toEqual(['a']);
        expect(logSlice(longer, 2, 4).map(idOf)).toEqual(['c', 'd']);
    });

    it('builds a log from ordered items that finds each by id and appends in order', () => {
        const items = [item('a', 1), item('b', 2)];
        const log = logFromOrderedItems(items, idOf);
        items.push(item('not-in-log', 3));

        const grown = logUpsert(log, item('c', 3), idOf, order, same);

        expect(logItems(log).map(idOf)).toEqual(['a', 'b']);
        expect(logItems(grown).map(idOf)).toEqual(['a', 'b', 'c']);
        expect(logSharedPrefix(log, grown)).toBe(2);
        expect(logUpsert(grown, item('b', 2), idOf, order, same)).toBe(grown);
    });
});
