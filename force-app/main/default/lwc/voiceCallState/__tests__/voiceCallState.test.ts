import { TOOLKIT_EVENT_NAMES } from 'c/voiceCallEvents';
import type { ToolkitEvent, ToolkitEventName } from 'c/voiceCallEvents';
import {
    EMPTY_CONSOLE_STATE,
    MAX_KEPT_CALLS,
    MAX_MOMENTS,
    applyToolkitEvent,
    applyToolkitEvents,
    heldParticipants,
    isConference,
    logFind,
    logItems,
    logLast,
    logTail,
    openFlag,
    shownCall
} from 'c/voiceCallState';
import type { VoiceCallConsoleState } from 'c/voiceCallState';
import { SEED_CALL, SEED_CALL_UTTERANCES } from '../../voiceCallEvents/__tests__/data/seedPayloads';
import {
    CALLER,
    CALL_A,
    CALL_B,
    T0,
    callIn,
    eventsFor,
    fold,
    fromPayload,
    observableCopy,
    textsOf
} from './data/events';

const a = eventsFor(CALL_A);
const b = eventsFor(CALL_B);
const THIRD_PARTY = '+1 (212) 555-0100';
const SECOND = 1_000;

/** One event of every type for call A: a mapped type, so a new event name without an entry does not compile. */
const ONE_OF_EACH: { readonly [K in ToolkitEventName]: (receivedAt: number) => ToolkitEvent<K> } = {
    callstarted: (at) => a.started(at),
    callconnected: (at) => a.connected(at),
    callended: (at) => a.ended(at),
    hold: (at) => a.hold(THIRD_PARTY, at),
    resume: (at) => a.resume(CALLER, at),
    mute: (at) => a.mute(at),
    unmute: (at) => a.unmute(at),
    participantadded: (at) => a.added('Billing Queue', at),
    participantremoved: (at) => a.removed(THIRD_PARTY, at),
    conference: (at) => a.conference(at),
    swap: (at) => a.swap(at),
    pauserecording: (at) => a.pauseRecording(at),
    resumerecording: (at) => a.resumeRecording(at),
    transcript: (at) => a.transcript('utterance-late', 'Anything else?', at),
    wrapupended: (at) => a.wrapUpEnded(at),
    flagraise: (at) => a.flagRaise('flag-late', 'Please listen in.', at),
    flaglower: (at) => a.flagLower(null, at, { role: 'Supervisor', displayName: 'Samir Supervisor' }),
    note: (at) => a.note('note-late', 'Offered a refund.', at, { role: 'Supervisor' }),
    audiostats: (at) => a.audioStats(at, { packetsLost: 1, packetsCount: 900, statsCount: 3 })
};

function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach((item: unknown) => deepFreeze(item));
    }
    return value;
}

/** The seed page's call on call A, well under way, then call B started: every part of the state is filled. */
function busyState(): VoiceCallConsoleState {
    return fold(
        fromPayload(SEED_CALL.callstarted, T0 - 5 * SECOND),
        fromPayload(SEED_CALL.callconnected, T0 - 4 * SECOND),
        fromPayload(SEED_CALL.greeting, T0),
        fromPayload(SEED_CALL.question, T0 + 4 * SECOND),
        fromPayload(SEED_CALL.flagraise, T0 + 5 * SECOND),
        fromPayload(SEED_CALL.note, T0 + 6 * SECOND),
        a.added(THIRD_PARTY, T0 + 7 * SECOND),
        a.hold(CALLER, T0 + 8 * SECOND),
        a.mute(T0 + 9 * SECOND),
        a.pauseRecording(T0 + 9 * SECOND),
        a.audioStats(T0 + 10 * SECOND, {
            packetsLost: 0,
            packetsCount: 500,
            stats: { input: { jitter: 2 } }
        }),
        a.flagLower('never-raised', T0 + 11 * SECOND, { role: 'Supervisor' }),
        b.started(T0 + 12 * SECOND)
    );
}

describe('c/voiceCallState', () => {
    describe('applyToolkitEvent is pure', () => {
        it.each(TOOLKIT_EVENT_NAMES)(
            'leaves the state it is given, and the event, unchanged on %s',
            (name) => {
                const state = busyState();
                const before = observableCopy(state);
                const event = deepFreeze(ONE_OF_EACH[name](T0 + 20 * SECOND));

                // A frozen event throws on any write to it.
                applyToolkitEvent(state, event);

                expect(observableCopy(state)).toEqual(before);
            }
        );

        it.each(TOOLKIT_EVENT_NAMES)(
            'gives equal results when %s is applied twice to an old state',
            (name) => {
                const old = busyState();
                const before = observableCopy(old);
                // Newer versions grow the logs the old state shares.
                applyToolkitEvents(old, [
                    a.transcript('utterance-newer', 'A newer line', T0 + 15 * SECOND),
                    a.note('note-newer', 'A newer note', T0 + 15 * SECOND)
                ]);
                const event = ONE_OF_EACH[name](T0 + 20 * SECOND);

                const first = applyToolkitEvent(old, event);
                const second = applyToolkitEvent(old, event);

                expect(observableCopy(second)).toEqual(observableCopy(first));
                expect(observableCopy(old)).toEqual(before);
                expect(textsOf(callIn(second, CALL_A).transcript)).not.toContain('A newer line');
            }
        );

        it('keeps branches apart: two different next events on one state do not see each other', () => {
            const old = busyState();

            const left = applyToolkitEvent(old, a.transcript('left', 'Left branch', T0 + 20 * SECOND));
            const right = applyToolkitEvent(old, a.transcript('right', 'Right branch', T0 + 20 * SECOND));

            expect(textsOf(callIn(left, CALL_A).transcript)).toEqual([
                ...SEED_CALL_UTTERANCES.slice(0, 2),
                'Left branch'
            ]);
            expect(textsOf(callIn(right, CALL_A).transcript)).toEqual([
                ...SEED_CALL_UTTERANCES.slice(0, 2),
                'Right branch'
            ]);
            expect(textsOf(callIn(old, CALL_A).transcript)).toEqual(SEED_CALL_UTTERANCES.slice(0, 2));
        });

        it('starts from an empty state it never changes', () => {
            const state = applyToolkitEvent(EMPTY_CONSOLE_STATE, a.started(T0));

            expect(EMPTY_CONSOLE_STATE.calls.size).toBe(0);
            expect(EMPTY_CONSOLE_STATE.seq).toBe(0);
            expect(EMPTY_CONSOLE_STATE.activeCallId).toBeUndefined();
            expect(state.calls.size).toBe(1);
            expect(state.seq).toBe(1);
        });

        const lowered = fold(a.started(T0), a.flagRaise('f1', 'Help', T0 + 1), a.flagLower('f1', T0 + 2));
        const noOps: readonly (readonly [string, VoiceCallConsoleState, ToolkitEvent])[] = [
            ['a replayed callstarted', fold(a.started(T0)), a.started(T0 + SECOND)],
            ['a replayed callconnected', fold(a.started(T0), a.connected(T0 + 1)), a.connected(T0 + SECOND)],
            ['a replayed callended', fold(a.connected(T0), a.ended(T0 + 1)), a.ended(T0 + SECOND)],
            [
                'a replayed wrapupended',
                fold(a.connected(T0), a.ended(T0 + 1), a.wrapUpEnded(T0 + 2)),
                a.wrapUpEnded(T0 + SECOND)
            ],
            ['a repeated mute', fold(a.connected(T0), a.mute(T0 + 1)), a.mute(T0 + SECOND)],
            ['an unmute of an unmuted call', fold(a.connected(T0)), a.unmute(T0 + SECOND)],
            [
                'a repeated pauserecording',
                fold(a.connected(T0), a.pauseRecording(T0 + 1)),
                a.pauseRecording(T0 + SECOND)
            ],
            ['a resumerecording of a recording call', fold(a.connected(T0)), a.resumeRecording(T0 + SECOND)],
            [
                'a hold of a held participant',
                fold(a.connected(T0), a.hold(CALLER, T0 + 1)),
                a.hold(CALLER, T0 + SECOND)
            ],
            ['a resume of a participant not on hold', fold(a.connected(T0)), a.resume(CALLER, T0 + SECOND)],
            [
                'a participantadded of a known participant',
                fold(a.connected(T0)),
                a.added('+14159990000', T0 + SECOND)
            ],
            [
                'a participantremoved of an unknown participant',
                fold(a.connected(T0)),
                a.removed(THIRD_PARTY, T0 + 1)
            ],
            [
                'a duplicate utterance',
                fold(a.connected(T0), a.transcript('u1', 'Hello', T0 + 1)),
                a.transcript('u1', 'Hello', T0 + 1, { server: T0 + 1 })
            ],
            [
                'a duplicate note',
                fold(a.connected(T0), a.note('n1', 'Noted', T0 + 1)),
                a.note('n1', 'Noted', T0 + SECOND, { server: T0 + 1 })
            ],
            [
                'a duplicate flagraise',
                fold(a.connected(T0), a.flagRaise('f1', 'Help', T0 + 1)),
                a.flagRaise('f1', 'Help', T0 + SECOND, { server: T0 + 1 })
            ],
            ['a flaglower naming a lowered flag', lowered, a.flagLower('f1', T0 + SECOND)],
            [
                'a conference with nobody on hold, after one',
                fold(a.connected(T0), a.added(THIRD_PARTY, T0 + 1), a.conference(T0 + 2)),
                a.conference(T0 + SECOND)
            ]
        ];

        it.each(noOps)('returns the very same state for %s', (_label, state, event) => {
            expect(applyToolkitEvent(state, event)).toBe(state);
        });
    });

    describe('status', () => {
        it('moves from connecting to connected, ended and wrap-up complete', () => {
            const started = fold(a.started(T0));
            const connected = applyToolkitEvent(started, a.connected(T0 + SECOND));
            const ended = applyToolkitEvent(connected, a.ended(T0 + 2 * SECOND));
            const wrappedUp = applyToolkitEvent(ended, a.wrapUpEnded(T0 + 3 * SECOND));

            expect(callIn(started, CALL_A).status).toBe('connecting');
            expect(callIn(connected, CALL_A).status).toBe('connected');
            expect(callIn(ended, CALL_A).status).toBe('ended');
            expect(callIn(wrappedUp, CALL_A).status).toBe('wrapUpComplete');
        });

        it('never moves back on a late callstarted or callconnected, and loses nothing', () => {
            const ended = fold(
                a.transcript('u1', 'Hello', T0),
                a.added(THIRD_PARTY, T0 + 1),
                a.hold(THIRD_PARTY, T0 + 2),
                a.mute(T0 + 3),
                a.flagRaise('f1', 'Help', T0 + 4),
                a.note('n1', 'Noted', T0 + 5),
                a.ended(T0 + 6)
            );
            const before = callIn(ended, CALL_A);

            const late = applyToolkitEvents(ended, [a.started(T0 + 7), a.connected(T0 + 8)]);
            const call = callIn(late, CALL_A);

            expect(call.status).toBe('ended');
            expect(textsOf(call.transcript)).toEqual(['Hello']);
            expect(textsOf(call.notes)).toEqual(['Noted']);
            expect(call.flags).toBe(before.flags);
            expect(call.muted).toBe(true);
            expect(call.participants.map((participant) => [participant.name, participant.onHold])).toEqual([
                [THIRD_PARTY, true],
                [CALLER, false]
            ]);
            expect(late.activeCallId).toBeUndefined();
        });

        it('keeps connected on a late callstarted, and wrap-up complete on a late callended', () => {
            const connected = fold(a.connected(T0), a.started(T0 + SECOND));
            const wrappedUp = fold(
                a.connected(T0),
                a.wrapUpEnded(T0 + 1),
                a.ended(T0 + 2),
                a.connected(T0 + 3)
            );

            expect(callIn(connected, CALL_A).status).toBe('connected');
            expect(callIn(wrappedUp, CALL_A).status).toBe('wrapUpComplete');
        });
    });

    describe('joining mid-call', () => {
        it('creates the call connecting, not mid-call, on callstarted', () => {
            const call = callIn(fold(a.started(T0)), CALL_A);

            expect(call.status).toBe('connecting');
            expect(call.joinedMidCall).toBe(false);
        });

        it('creates the call connected, not mid-call, on callconnected (Salesforce Voice sends no callstarted)', () => {
            const call = callIn(fold(a.connected(T0)), CALL_A);

            expect(call.status).toBe('connected');
            expect(call.joinedMidCall).toBe(false);
        });

        const midCallEvents = TOOLKIT_EVENT_NAMES.filter(
            (name) => !['callstarted', 'callconnected', 'callended', 'wrapupended'].includes(name)
        );

        it.each(midCallEvents)('creates the call connected and joined mid-call on a first %s', (name) => {
            const call = callIn(fold(ONE_OF_EACH[name](T0)), CALL_A);

            expect(call.status).toBe('connected');
            expect(call.joinedMidCall).toBe(true);
        });

        it('creates the call ended and joined mid-call on a first callended or wrapupended', () => {
            expect(callIn(fold(a.ended(T0)), CALL_A)).toMatchObject({ status: 'ended', joinedMidCall: true });
            expect(callIn(fold(a.wrapUpEnded(T0)), CALL_A)).toMatchObject({
                status: 'wrapUpComplete',
                joinedMidCall: true
            });
        });

        it('stays joined mid-call when callstarted comes after another event', () => {
            const call = callIn(fold(a.mute(T0), a.started(T0 + 1)), CALL_A);

            expect(call.joinedMidCall).toBe(true);
            expect(call.status).toBe('connected');
            expect(call.muted).toBe(true);
        });
    });

    describe('direction', () => {
        it('reads Outbound from the seed page callstarted', () => {
            const call = callIn(fold(fromPayload(SEED_CALL.callstarted, T0)), CALL_A);

            expect(call.direction).toBe('Outbound');
            expect(call.rawCallType).toBe('outbound');
        });

        it('reads Inbound from callType "inbound"', () => {
            expect(callIn(fold(a.started(T0, 'inbound')), CALL_A).direction).toBe('Inbound');
        });

        it('is filled in by a later event when first unknown, and then kept', () => {
            const unknown = fold(a.started(T0, null));
            const filled = applyToolkitEvent(unknown, a.connected(T0 + 1, 'Outbound'));
            const kept = applyToolkitEvent(filled, b.connected(T0 + 2, 'inbound'));
            const replayed = applyToolkitEvent(kept, a.connected(T0 + 3, 'inbound'));

            expect(callIn(unknown, CALL_A).direction).toBe('Unknown');
            expect(callIn(unknown, CALL_A).rawCallType).toBeUndefined();
            expect(callIn(filled, CALL_A).direction).toBe('Outbound');
            expect(callIn(replayed, CALL_A).direction).toBe('Outbound');
            expect(callIn(replayed, CALL_A).rawCallType).toBe('Outbound');
        });

        it('keeps a connector-specific callType and still takes the direction from a later event', () => {
            const callback = fold(a.started(T0, 'callback'));
            const later = applyToolkitEvent(callback, a.connected(T0 + 1, 'inbound'));

            expect(callIn(callback, CALL_A)).toMatchObject({ direction: 'Unknown', rawCallType: 'callback' });
            expect(callIn(later, CALL_A)).toMatchObject({ direction: 'Inbound', rawCallType: 'inbound' });
        });
    });

    describe('participants', () => {
        it('takes the initial caller from callstarted', () => {
            const call = callIn(fold(a.started(T0)), CALL_A);

            expect(call.participants).toEqual([
                {
                    name: CALLER,
                    kind: 'Initial_Caller',
                    onHold: false,
                    joinedAt: T0,
                    holdChangedAt: undefined,
                    heldMs: 0
                }
            ]);
        });

        it('takes the initial caller from callconnected when callstarted named none', () => {
            const call = callIn(fold(a.started(T0, 'inbound', null), a.connected(T0 + SECOND)), CALL_A);

            expect(call.participants).toEqual([
                {
                    name: CALLER,
                    kind: 'Initial_Caller',
                    onHold: false,
                    joinedAt: T0 + SECOND,
                    holdChangedAt: undefined,
                    heldMs: 0
                }
            ]);
        });

        it('adds a third party on participantadded, in joining order', () => {
            const call = callIn(fold(a.started(T0), a.added(THIRD_PARTY, T0 + SECOND)), CALL_A);

            expect(call.participants.map((participant) => [participant.name, participant.kind])).toEqual([
                [CALLER, 'Initial_Caller'],
                [THIRD_PARTY, 'Third_Party']
            ]);
            expect(call.participants[1].joinedAt).toBe(T0 + SECOND);
        });

        it('adds a third party on participantadded even before the caller is known', () => {
            const call = callIn(
                fold(a.started(T0, 'inbound', null), a.added(THIRD_PARTY, T0 + 1), a.connected(T0 + 2)),
                CALL_A
            );

            expect(call.participants.map((participant) => [participant.name, participant.kind])).toEqual([
                [THIRD_PARTY, 'Third_Party'],
                [CALLER, 'Initial_Caller']
            ]);
        });

        it('matches phone numbers whatever their punctuation', () => {
            const state = fold(
                a.started(T0),
                a.connected(T0 + 1, 'inbound', '+14159990000'),
                a.added('1-415-999-0000', T0 + 2),
                a.hold('+1 415.999.0000', T0 + 3)
            );
            const call = callIn(state, CALL_A);

            expect(call.participants).toHaveLength(1);
            expect(call.participants[0]).toMatchObject({ name: CALLER, onHold: true });

            const removed = applyToolkitEvent(state, a.removed('+14159990000', T0 + 4));
            expect(callIn(removed, CALL_A).participants).toEqual([]);
        });

        it('matches Quick Connect names ignoring case and outer spaces, but tells different numbers apart', () => {
            const call = callIn(
                fold(
                    a.started(T0),
                    a.added('Billing Queue', T0 + 1),
                    a.hold(' billing queue ', T0 + 2),
                    a.added('+1 (415) 999-0001', T0 + 3)
                ),
                CALL_A
            );

            expect(call.participants.map((participant) => [participant.name, participant.onHold])).toEqual([
                [CALLER, false],
                ['Billing Queue', true],
                ['+1 (415) 999-0001', false]
            ]);
        });

        it('removes a participant on participantremoved', () => {
            const call = callIn(
                fold(a.started(T0), a.added(THIRD_PARTY, T0 + 1), a.removed(CALLER, T0 + 2)),
                CALL_A
            );

            expect(call.participants.map((participant) => participant.name)).toEqual([THIRD_PARTY]);
        });

        it('changes nothing when an unknown participant is removed', () => {
            const state = fold(a.started(T0), a.added(THIRD_PARTY, T0 + 1));

            expect(applyToolkitEvent(state, a.removed('+1 (999) 000-0000', T0 + 2))).toBe(state);
        });
    });

    describe('hold', () => {
        const twoParties = (): VoiceCallConsoleState => fold(a.started(T0), a.added(THIRD_PARTY, T0 + 1));

        it('holds and resumes the participant it names, leaving the others as they were', () => {
            const before = twoParties();
            const held = applyToolkitEvent(before, a.hold(CALLER, T0 + SECOND));
            const resumed = applyToolkitEvent(held, a.resume(CALLER, T0 + 2 * SECOND));

            expect(callIn(held, CALL_A).participants[0]).toMatchObject({
                onHold: true,
                holdChangedAt: T0 + SECOND
            });
            expect(callIn(held, CALL_A).participants[1]).toBe(callIn(before, CALL_A).participants[1]);
            expect(heldParticipants(callIn(held, CALL_A)).map((participant) => participant.name)).toEqual([
                CALLER
            ]);
            expect(callIn(resumed, CALL_A).participants[0]).toMatchObject({
                onHold: false,
                holdChangedAt: T0 + 2 * SECOND
            });
            expect(heldParticipants(callIn(resumed, CALL_A))).toEqual([]);
        });

        it('adds an unknown participant put on hold, as held', () => {
            const call = callIn(fold(a.started(T0), a.hold(THIRD_PARTY, T0 + SECOND)), CALL_A);

            expect(call.participants[1]).toEqual({
                name: THIRD_PARTY,
                kind: 'Third_Party',
                onHold: true,
                joinedAt: T0 + SECOND,
                holdChangedAt: T0 + SECOND,
                heldMs: 0
            });
        });

        it("toggles every other party's hold on swap", () => {
            const call = callIn(
                applyToolkitEvents(twoParties(), [a.hold(CALLER, T0 + SECOND), a.swap(T0 + 2 * SECOND)]),
                CALL_A
            );

            expect(
                call.participants.map((participant) => [participant.onHold, participant.holdChangedAt])
            ).toEqual([
                [false, T0 + 2 * SECOND],
                [true, T0 + 2 * SECOND]
            ]);
            expect(call.times.swappedAt).toBe(T0 + 2 * SECOND);
            expect(isConference(call)).toBe(false);
        });

        it('takes everyone off hold on conference, which makes a conference', () => {
            const state = applyToolkitEvents(twoParties(), [
                a.hold(CALLER, T0 + SECOND),
                a.hold(THIRD_PARTY, T0 + 2 * SECOND),
                a.conference(T0 + 3 * SECOND)
            ]);
            const call = callIn(state, CALL_A);

            expect(heldParticipants(call)).toEqual([]);
            expect(call.participants.map((participant) => participant.holdChangedAt)).toEqual([
                T0 + 3 * SECOND,
                T0 + 3 * SECOND
            ]);
            expect(call.times.conferencedAt).toBe(T0 + 3 * SECOND);
            expect(isConference(call)).toBe(true);
        });

        it('calls it a conference only with two or more parties, none on hold', () => {
            const one = callIn(fold(a.started(T0)), CALL_A);
            const two = callIn(twoParties(), CALL_A);
            const oneHeld = callIn(applyToolkitEvent(twoParties(), a.hold(THIRD_PARTY, T0 + 2)), CALL_A);
            const three = callIn(applyToolkitEvent(twoParties(), a.added('Billing Queue', T0 + 2)), CALL_A);

            expect(isConference(one)).toBe(false);
            expect(isConference(two)).toBe(true);
            expect(isConference(oneHeld)).toBe(false);
            expect(heldParticipants(oneHeld).map((participant) => participant.name)).toEqual([THIRD_PARTY]);
            expect(isConference(three)).toBe(true);
        });
    });

    describe('mute and recording', () => {
        it('follows mute and unmute, with the time of each change', () => {
            const muted = fold(a.connected(T0), a.mute(T0 + SECOND));
            const repeated = applyToolkitEvent(muted, a.mute(T0 + 2 * SECOND));
            const unmuted = applyToolkitEvent(muted, a.unmute(T0 + 3 * SECOND));

            expect(callIn(fold(a.connected(T0)), CALL_A)).toMatchObject({ muted: false });
            expect(callIn(muted, CALL_A).muted).toBe(true);
            expect(callIn(muted, CALL_A).times.mutedChangedAt).toBe(T0 + SECOND);
            expect(repeated).toBe(muted);
            expect(callIn(unmuted, CALL_A).muted).toBe(false);
            expect(callIn(unmuted, CALL_A).times.mutedChangedAt).toBe(T0 + 3 * SECOND);
        });

        it('follows pauserecording and resumerecording, with the time of each change', () => {
            const paused = fold(a.connected(T0), a.pauseRecording(T0 + SECOND));
            const resumed = applyToolkitEvent(paused, a.resumeRecording(T0 + 2 * SECOND));

            expect(callIn(paused, CALL_A)).toMatchObject({ recordingPaused: true });
            expect(callIn(paused, CALL_A).times.recordingChangedAt).toBe(T0 + SECOND);
            expect(applyToolkitEvent(paused, a.pauseRecording(T0 + 5 * SECOND))).toBe(paused);
            expect(callIn(resumed, CALL_A)).toMatchObject({ recordingPaused: false });
            expect(callIn(resumed, CALL_A).times.recordingChangedAt).toBe(T0 + 2 * SECOND);
        });
    });

    describe('transcript', () => {
        const seedCall = (): VoiceCallConsoleState =>
            fold(
                fromPayload(SEED_CALL.callstarted, T0 - 2 * SECOND),
                fromPayload(SEED_CALL.callconnected, T0 - SECOND),
                fromPayload(SEED_CALL.greeting, T0),
                fromPayload(SEED_CALL.question, T0 + 4 * SECOND),
                fromPayload(SEED_CALL.answer, T0 + 9 * SECOND)
            );

        it("holds the seed call's utterances in order, with their senders and times", () => {
            const { transcript } = callIn(seedCall(), CALL_A);
            const [greeting, question] = logItems(transcript);

            expect(textsOf(transcript)).toEqual(SEED_CALL_UTTERANCES);
            expect(greeting).toMatchObject({
                id: SEED_CALL.greeting.detail.id,
                at: SEED_CALL.greeting.detail.serverReceivedTimestamp,
                serverReceivedTimestamp: SEED_CALL.greeting.detail.serverReceivedTimestamp,
                clientSentTimestamp: SEED_CALL.greeting.detail.clientSentTimestamp,
                sender: { role: 'Agent', rawRole: 'Agent' }
            });
            expect(question.sender).toEqual({ role: 'Customer', rawRole: 'EndUser', displayName: undefined });
            expect(logLast(transcript)?.text).toBe('Let me check that for you.');
            expect(logTail(transcript, 2).map((utterance) => utterance.text)).toEqual(
                SEED_CALL_UTTERANCES.slice(1)
            );
            expect(logFind(transcript, SEED_CALL.question.detail.id)?.text).toBe('I was charged twice.');
        });

        it('keeps one line per id: the same utterance again changes nothing', () => {
            const state = seedCall();

            const replayed = applyToolkitEvents(state, [
                fromPayload(SEED_CALL.greeting, T0 + 20 * SECOND),
                fromPayload(SEED_CALL.answer, T0 + 21 * SECOND)
            ]);

            expect(replayed).toBe(state);
            expect(textsOf(callIn(replayed, CALL_A).transcript)).toEqual(SEED_CALL_UTTERANCES);
        });

        it('inserts an utterance that arrives out of order at its place', () => {
            const call = callIn(
                fold(
                    fromPayload(SEED_CALL.callconnected, T0 - SECOND),
                    fromPayload(SEED_CALL.answer, T0 + SECOND),
                    fromPayload(SEED_CALL.greeting, T0 + 2 * SECOND),
                    fromPayload(SEED_CALL.question, T0 + 3 * SECOND)
                ),
                CALL_A
            );

            expect(textsOf(call.transcript)).toEqual(SEED_CALL_UTTERANCES);
        });

        it('orders by server time, then client time, then arrival', () => {
            const call = callIn(
                fold(
                    a.transcript('server-1000-client-900', 'third', T0, { server: 1000, client: 900 }),
                    a.transcript('server-1000-client-800-first', 'first of equals', T0 + 1, {
                        server: 1000,
                        client: 800
                    }),
                    a.transcript('server-1000-client-800-second', 'second of equals', T0 + 2, {
                        server: 1000,
                        client: 800
                    }),
                    a.transcript('server-500', 'earliest', T0 + 3, { server: 500, client: 2000 }),
                    a.transcript('server-1500', 'last', T0 + 4, { server: 1500, client: 100 })
                ),
                CALL_A
            );

            expect(textsOf(call.transcript)).toEqual([
                'earliest',
                'first of equals',
                'second of equals',
                'third',
                'last'
            ]);
        });

        it('falls back to client time, then to the time it was received, when timestamps are missing', () => {
            const call = callIn(
                fold(
                    a.transcript('server', 'server time', T0 + 10 * SECOND, { server: T0 }),
                    a.transcript('none', 'received time', T0 + 3 * SECOND, { server: null, client: null }),
                    a.transcript('client', 'client time', T0 + 20 * SECOND, {
                        server: null,
                        client: T0 + SECOND
                    })
                ),
                CALL_A
            );

            expect(textsOf(call.transcript)).toEqual(['server time', 'client time', 'received time']);
            expect(logFind(call.transcript, 'none')).toMatchObject({
                at: T0 + 3 * SECOND,
                serverReceivedTimestamp: undefined,
                clientSentTimestamp: undefined
            });
            expect(logFind(call.transcript, 'client')?.at).toBe(T0 + SECOND);
        });

        it('keeps the latest text of an id sent again with new text: still one line, in its place', () => {
            const state = seedCall();
            const corrected = applyToolkitEvent(
                state,
                fromPayload(
                    {
                        type: 'transcript',
                        detail: {
                            ...SEED_CALL.question.detail,
                            content: { formatType: 'Text', text: 'I was charged three times.' }
                        }
                    },
                    T0 + 30 * SECOND
                )
            );
            const { transcript } = callIn(corrected, CALL_A);

            expect(textsOf(transcript)).toEqual([
                'Hello',
                'I was charged three times.',
                'Let me check that for you.'
            ]);
            expect(logFind(transcript, SEED_CALL.question.detail.id)?.seq).toBe(
                logFind(callIn(state, CALL_A).transcript, SEED_CALL.question.detail.id)?.seq
            );
            expect(textsOf(callIn(state, CALL_A).transcript)).toEqual(SEED_CALL_UTTERANCES);
        });

        it('keeps a corrected utterance before a later one with the very same timestamps', () => {
            const sameTimes = { server: T0, client: T0 - 29 };
            const state = fold(
                a.transcript('first', 'First', T0, sameTimes),
                a.transcript('second', 'Second', T0 + 1, sameTimes)
            );

            const corrected = applyToolkitEvent(
                state,
                a.transcript('first', 'First, corrected', T0 + 2, sameTimes)
            );

            expect(textsOf(callIn(corrected, CALL_A).transcript)).toEqual(['First, corrected', 'Second']);
        });

        it('does not move an utterance without timestamps when it is sent again', () => {
            const state = fold(
                a.transcript('untimed', 'No timestamps', T0, { server: null, client: null }),
                a.transcript('timed', 'Timed', T0 + SECOND, { server: T0 + SECOND })
            );

            const replayed = applyToolkitEvent(
                state,
                a.transcript('untimed', 'No timestamps', T0 + 5 * SECOND, { server: null, client: null })
            );
            const corrected = applyToolkitEvent(
                state,
                a.transcript('untimed', 'No timestamps, corrected', T0 + 5 * SECOND, {
                    server: null,
                    client: null
                })
            );

            expect(replayed).toBe(state);
            expect(textsOf(callIn(corrected, CALL_A).transcript)).toEqual([
                'No timestamps, corrected',
                'Timed'
            ]);
        });

        it('never drops an utterance for an unknown sender role', () => {
            const call = callIn(fold(a.transcript('u1', 'Hi', T0, { role: 'Bot' })), CALL_A);

            expect(logItems(call.transcript)[0].sender).toEqual({
                role: 'Customer',
                rawRole: 'Bot',
                displayName: undefined
            });
        });
    });

    describe('flags', () => {
        const raisedState = (): VoiceCallConsoleState =>
            fold(
                fromPayload(SEED_CALL.callconnected, T0 - SECOND),
                fromPayload(SEED_CALL.flagraise, T0 + SECOND)
            );

        it('adds a raised flag with its raiser and time, open', () => {
            const call = callIn(raisedState(), CALL_A);

            expect(call.flags).toHaveLength(1);
            expect(call.flags[0]).toMatchObject({
                id: SEED_CALL.flagraise.detail.id,
                text: 'The customer wants a credit note.',
                sender: { role: 'Agent', rawRole: 'Agent', displayName: 'Angela Agent' },
                at: SEED_CALL.flagraise.detail.serverReceivedTimestamp,
                loweredBy: undefined,
                loweredAt: undefined
            });
            expect(openFlag(call)).toBe(call.flags[0]);
        });

        it('lowers the flag on flaglower, recording who and when', () => {
            const call = callIn(
                applyToolkitEvent(raisedState(), fromPayload(SEED_CALL.flaglower, T0 + 70 * SECOND)),
                CALL_A
            );

            expect(call.flags).toHaveLength(1);
            expect(call.flags[0].loweredBy).toEqual({
                role: 'Supervisor',
                rawRole: 'Supervisor',
                displayName: 'Samir Supervisor'
            });
            expect(call.flags[0].loweredAt).toBe(SEED_CALL.flaglower.detail.serverReceivedTimestamp);
            expect(openFlag(call)).toBeUndefined();
        });

        it('lowers the open flag on a flaglower that names none', () => {
            const call = callIn(applyToolkitEvent(raisedState(), a.flagLower(null, T0 + 5 * SECOND)), CALL_A);

            expect(call.flags[0].loweredAt).toBe(T0 + 5 * SECOND);
            expect(openFlag(call)).toBeUndefined();
        });

        it('changes nothing on a flaglower naming a lowered flag, and leaves another open flag open', () => {
            const state = fold(
                a.connected(T0),
                a.flagRaise('f1', 'First', T0 + 1),
                a.flagLower('f1', T0 + 2, { role: 'Supervisor' }),
                a.flagRaise('f2', 'Second', T0 + 3)
            );

            const replayed = applyToolkitEvent(state, a.flagLower('f1', T0 + 4, { role: 'Supervisor' }));

            expect(replayed).toBe(state);
            expect(openFlag(callIn(replayed, CALL_A))?.id).toBe('f2');
        });

        it('remembers a flaglower that arrives before its flagraise (same id) and applies it on the raise', () => {
            const early = fold(
                a.connected(T0),
                a.flagLower('f1', T0 + 2, { displayName: 'Samir Supervisor' })
            );
            const raised = applyToolkitEvent(early, a.flagRaise('f1', 'Help', T0 + 3, { server: T0 + 1 }));
            const call = callIn(raised, CALL_A);

            expect(callIn(early, CALL_A).flags).toEqual([]);
            expect(callIn(early, CALL_A).earlyFlagLowers).toHaveLength(1);
            expect(call.flags[0]).toMatchObject({ id: 'f1', loweredAt: T0 + 2 });
            expect(call.flags[0].loweredBy?.displayName).toBe('Samir Supervisor');
            expect(call.earlyFlagLowers).toEqual([]);
            expect(openFlag(call)).toBeUndefined();
        });

        it('applies an early flaglower naming no flag to a flag raised before it, not after it', () => {
            const early = fold(a.connected(T0), a.flagLower(null, T0 + 20, { server: T0 + 10 }));
            const raisedBefore = callIn(
                applyToolkitEvent(early, a.flagRaise('f1', 'Help', T0 + 30, { server: T0 + 5 })),
                CALL_A
            );
            const raisedAfter = callIn(
                applyToolkitEvent(early, a.flagRaise('f1', 'Help', T0 + 30, { server: T0 + 15 })),
                CALL_A
            );

            expect(raisedBefore.flags[0].loweredAt).toBe(T0 + 10);
            expect(openFlag(raisedBefore)).toBeUndefined();
            expect(raisedAfter.flags[0].loweredAt).toBeUndefined();
            expect(openFlag(raisedAfter)?.id).toBe('f1');
            expect(raisedAfter.earlyFlagLowers).toHaveLength(1);
        });

        it('ignores a duplicate flagraise', () => {
            const state = raisedState();

            expect(applyToolkitEvent(state, fromPayload(SEED_CALL.flagraise, T0 + 9 * SECOND))).toBe(state);
            expect(callIn(state, CALL_A).flags).toHaveLength(1);
        });

        it('keeps flags in time order and shows the newest open one', () => {
            const state = fold(
                a.connected(T0),
                a.flagRaise('later', 'Second', T0 + 20, { server: T0 + 20 }),
                a.flagRaise('earlier', 'First', T0 + 30, { server: T0 + 10 })
            );
            const call = callIn(state, CALL_A);
            const afterLower = callIn(applyToolkitEvent(state, a.flagLower(null, T0 + 40)), CALL_A);

            expect(call.flags.map((flag) => flag.id)).toEqual(['earlier', 'later']);
            expect(openFlag(call)?.id).toBe('later');
            expect(openFlag(afterLower)?.id).toBe('earlier');
        });
    });

    describe('notes', () => {
        it('adds a note with its author and role, once per id, in time order', () => {
            const state = fold(
                a.connected(T0),
                fromPayload(SEED_CALL.note, T0 + SECOND),
                a.note('supervisor-note', 'Offer store credit.', T0 + 2 * SECOND, {
                    server: SEED_CALL.note.detail.serverReceivedTimestamp - 1,
                    role: 'Supervisor',
                    displayName: 'Samir Supervisor'
                })
            );
            const { notes } = callIn(state, CALL_A);

            expect(textsOf(notes)).toEqual([
                'Offer store credit.',
                'The customer wants a refund or store credit.'
            ]);
            expect(logItems(notes).map((note) => note.sender)).toEqual([
                { role: 'Supervisor', rawRole: 'Supervisor', displayName: 'Samir Supervisor' },
                { role: 'Agent', rawRole: 'Agent', displayName: 'Angela Agent' }
            ]);
            expect(applyToolkitEvent(state, fromPayload(SEED_CALL.note, T0 + 3 * SECOND))).toBe(state);
        });
    });

    describe('audiostats', () => {
        it('keeps the last sample, with its numbers and when it arrived', () => {
            const stats = { inputChannelStats: { packetsLost: 2 }, outputChannelStats: { packetsLost: 0 } };
            const call = callIn(
                fold(
                    a.connected(T0),
                    a.audioStats(T0 + 30 * SECOND, { packetsLost: 1, packetsCount: 1500 }),
                    a.audioStats(T0 + 60 * SECOND, {
                        packetsLost: 2,
                        packetsCount: 3000,
                        jitterBufferMillis: 40,
                        roundTripTimeMillis: 120,
                        statsCount: 2,
                        stats
                    })
                ),
                CALL_A
            );

            expect(call.audioStats).toEqual({
                packetsLost: 2,
                packetsCount: 3000,
                jitterBufferMillis: 40,
                roundTripTimeMillis: 120,
                statsCount: 2,
                stats,
                receivedAt: T0 + 60 * SECOND
            });
        });
    });

    describe('several calls', () => {
        it('applies each event to its own call: events for call B never change call A', () => {
            const state = fold(
                a.started(T0),
                a.transcript('u1', 'Hello', T0 + 1),
                a.flagRaise('f1', 'Help', T0 + 2),
                a.note('n1', 'Noted', T0 + 3)
            );
            const callA = callIn(state, CALL_A);

            const next = applyToolkitEvents(state, [
                b.started(T0 + 10),
                b.transcript('u1', 'Other call', T0 + 11),
                b.hold(CALLER, T0 + 12),
                b.mute(T0 + 13),
                b.flagLower('f1', T0 + 14),
                b.note('n2', 'Other note', T0 + 15),
                b.audioStats(T0 + 16, { packetsLost: 9 }),
                b.ended(T0 + 17),
                b.wrapUpEnded(T0 + 18)
            ]);
            const callB = callIn(next, CALL_B);

            expect(callIn(next, CALL_A)).toBe(callA);
            expect(textsOf(callB.transcript)).toEqual(['Other call']);
            expect(callB).toMatchObject({ muted: true, status: 'wrapUpComplete' });
            expect(callB.earlyFlagLowers).toHaveLength(1);
            expect(openFlag(callA)?.id).toBe('f1');
        });
    });

    describe('active and shown call', () => {
        it('shows nothing before any event', () => {
            expect(shownCall(EMPTY_CONSOLE_STATE)).toBeUndefined();
        });

        it('makes the newest call that has not ended active, then the next newest when it ends', () => {
            const first = fold(a.started(T0));
            const second = applyToolkitEvent(first, b.started(T0 + 1));
            const third = applyToolkitEvent(second, eventsFor('call-c').started(T0 + 2));
            const cEnded = applyToolkitEvent(third, eventsFor('call-c').ended(T0 + 3));
            const aSpeaks = applyToolkitEvent(cEnded, a.transcript('u1', 'Still here', T0 + 4));
            const bEnded = applyToolkitEvent(aSpeaks, b.ended(T0 + 5));

            expect(first.activeCallId).toBe(CALL_A);
            expect(shownCall(first)?.callId).toBe(CALL_A);
            expect(second.activeCallId).toBe(CALL_B);
            expect(third.activeCallId).toBe('call-c');
            expect(cEnded.activeCallId).toBe(CALL_B);
            expect(shownCall(cEnded)?.callId).toBe(CALL_B);
            expect(aSpeaks.activeCallId).toBe(CALL_B);
            expect(bEnded.activeCallId).toBe(CALL_A);
        });

        it('keeps showing the ended call, with no active call, until the next call starts', () => {
            const ended = fold(a.started(T0), a.ended(T0 + 1));
            const wrappedUp = applyToolkitEvent(ended, a.wrapUpEnded(T0 + 2));
            const next = applyToolkitEvent(wrappedUp, b.started(T0 + 3));

            expect(ended.activeCallId).toBeUndefined();
            expect(shownCall(ended)).toMatchObject({ callId: CALL_A, status: 'ended' });
            expect(shownCall(wrappedUp)).toMatchObject({ callId: CALL_A, status: 'wrapUpComplete' });
            expect(next.activeCallId).toBe(CALL_B);
            expect(shownCall(next)?.callId).toBe(CALL_B);
        });

        it('creates an unknown call that ends as ended, without taking the shown live call', () => {
            const state = fold(a.started(T0), b.ended(T0 + 1));

            expect(callIn(state, CALL_B).status).toBe('ended');
            expect(state.activeCallId).toBe(CALL_A);
            expect(shownCall(state)?.callId).toBe(CALL_A);
        });

        it('makes a call first seen mid-call active', () => {
            const state = fold(a.started(T0), b.transcript('u1', 'Hello', T0 + 1));

            expect(state.activeCallId).toBe(CALL_B);
            expect(callIn(state, CALL_B).joinedMidCall).toBe(true);
        });
    });

    describe('MAX_KEPT_CALLS', () => {
        const callIds = (count: number, prefix: string): string[] =>
            Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

        it('drops the oldest calls beyond the limit', () => {
            const ids = callIds(MAX_KEPT_CALLS + 3, 'live');
            const state = fold(...ids.map((callId, index) => eventsFor(callId).started(T0 + index)));

            expect(state.calls.size).toBe(MAX_KEPT_CALLS);
            expect([...state.calls.keys()].sort()).toEqual(ids.slice(3).sort());
            expect(state.activeCallId).toBe(ids[ids.length - 1]);
        });

        it('keeps the active call however old it is', () => {
            const ids = callIds(MAX_KEPT_CALLS + 2, 'ended');
            const state = fold(
                a.started(T0),
                ...ids.map((callId, index) => eventsFor(callId).ended(T0 + 1 + index))
            );

            expect(state.calls.size).toBe(MAX_KEPT_CALLS);
            expect(state.activeCallId).toBe(CALL_A);
            expect(state.calls.has(CALL_A)).toBe(true);
            expect(ids.filter((callId) => !state.calls.has(callId))).toEqual(ids.slice(0, 3));
        });

        it('keeps the shown ended call however old it is', () => {
            const ids = callIds(MAX_KEPT_CALLS + 1, 'ended');
            const state = fold(
                a.started(T0),
                a.ended(T0 + 1),
                ...ids.map((callId, index) => eventsFor(callId).ended(T0 + 2 + index))
            );

            expect(state.calls.size).toBe(MAX_KEPT_CALLS);
            expect(state.activeCallId).toBeUndefined();
            expect(shownCall(state)?.callId).toBe(CALL_A);
            expect(ids.filter((callId) => !state.calls.has(callId))).toEqual(ids.slice(0, 2));
        });
    });

    describe('times', () => {
        it('takes each time from the event that set it, and keeps it through replays', () => {
            const first = fold(
                a.started(T0),
                a.connected(T0 + SECOND),
                a.ended(T0 + 2 * SECOND),
                a.wrapUpEnded(T0 + 3 * SECOND)
            );
            const replayed = applyToolkitEvents(first, [
                a.started(T0 + 10 * SECOND),
                a.connected(T0 + 11 * SECOND),
                a.ended(T0 + 12 * SECOND),
                a.wrapUpEnded(T0 + 13 * SECOND)
            ]);

            expect(callIn(first, CALL_A).times).toMatchObject({
                startedAt: T0,
                connectedAt: T0 + SECOND,
                endedAt: T0 + 2 * SECOND,
                wrapUpEndedAt: T0 + 3 * SECOND,
                updatedAt: T0 + 3 * SECOND
            });
            expect(replayed).toBe(first);
        });

        it('starts every time but updatedAt undefined', () => {
            expect(callIn(fold(a.transcript('u1', 'Hi', T0)), CALL_A).times).toEqual({
                startedAt: undefined,
                connectedAt: undefined,
                endedAt: undefined,
                wrapUpEndedAt: undefined,
                mutedChangedAt: undefined,
                recordingChangedAt: undefined,
                conferencedAt: undefined,
                swappedAt: undefined,
                updatedAt: T0
            });
        });

        it('sets startedAt from a late callstarted and connectedAt from a late callconnected, once', () => {
            const call = callIn(
                fold(
                    a.transcript('u1', 'Hi', T0),
                    a.connected(T0 + 1),
                    a.started(T0 + 2),
                    a.connected(T0 + 3),
                    a.started(T0 + 4)
                ),
                CALL_A
            );

            expect(call.times).toMatchObject({ connectedAt: T0 + 1, startedAt: T0 + 2, updatedAt: T0 + 2 });
        });

        it('takes conferencedAt and swappedAt from their events, and keeps conferencedAt through a replay', () => {
            const state = fold(
                a.started(T0),
                a.added(THIRD_PARTY, T0 + 1),
                a.hold(CALLER, T0 + 2),
                a.swap(T0 + 3),
                a.conference(T0 + 4)
            );
            const replayed = applyToolkitEvent(state, a.conference(T0 + 5));
            const swappedAgain = applyToolkitEvent(state, a.swap(T0 + 6));

            expect(callIn(state, CALL_A).times).toMatchObject({ swappedAt: T0 + 3, conferencedAt: T0 + 4 });
            expect(replayed).toBe(state);
            expect(callIn(swappedAgain, CALL_A).times).toMatchObject({
                swappedAt: T0 + 6,
                updatedAt: T0 + 6
            });
        });

        it('sets conferencedAt and swappedAt once on a call whose parties are unknown', () => {
            const state = fold(a.conference(T0), a.swap(T0 + 1));

            expect(callIn(state, CALL_A).times).toMatchObject({ conferencedAt: T0, swappedAt: T0 + 1 });
            expect(applyToolkitEvent(state, a.conference(T0 + 2))).toBe(state);
        });

        it('moves updatedAt on each change only', () => {
            const state = fold(a.started(T0), a.mute(T0 + SECOND));

            expect(callIn(state, CALL_A).times.updatedAt).toBe(T0 + SECOND);
            expect(callIn(applyToolkitEvent(state, a.mute(T0 + 2 * SECOND)), CALL_A).times.updatedAt).toBe(
                T0 + SECOND
            );
            expect(callIn(applyToolkitEvent(state, a.unmute(T0 + 3 * SECOND)), CALL_A).times.updatedAt).toBe(
                T0 + 3 * SECOND
            );
        });
    });

    describe('handler table', () => {
        it('requires an entry for every event name (a mapped type over ToolkitEventName)', () => {
            // @ts-expect-error: a table with one of the 19 event names does not compile.
            const partial: { readonly [K in ToolkitEventName]: unknown } = { callstarted: 1 };

            expect(Object.keys(partial)).toEqual(['callstarted']);
            expect(Object.keys(ONE_OF_EACH).sort()).toEqual([...TOOLKIT_EVENT_NAMES].sort());
        });

        it.each(TOOLKIT_EVENT_NAMES)('handles %s', (name) => {
            const state = applyToolkitEvent(EMPTY_CONSOLE_STATE, ONE_OF_EACH[name](T0));

            expect(callIn(state, CALL_A).times.updatedAt).toBe(T0);
            expect(state.seq).toBe(1);
        });
    });

    describe('a long call', () => {
        it('keeps 5,000 utterances in order, then places late ones, each once', () => {
            const COUNT = 5_000;
            const inOrder = Array.from({ length: COUNT }, (_, index) =>
                a.transcript(`u${index}`, `line ${index}`, T0 + index * 10, { server: T0 + index * 10 })
            );
            const lateIndexes = [4_321, 17, 2_500, 0, 4_998];
            const late = lateIndexes.map((index) =>
                a.transcript(`late${index}`, `late after ${index}`, T0 + COUNT * 10, {
                    server: T0 + index * 10 + 5
                })
            );

            const afterFirst = fold(a.connected(T0 - 1), inOrder[0]);
            const inOrderState = applyToolkitEvents(afterFirst, inOrder.slice(1));
            const state = applyToolkitEvents(inOrderState, [...late, ...inOrder.slice(0, 10), late[0]]);
            const items = logItems(callIn(state, CALL_A).transcript);

            // In-order appends shared one store: no copy per utterance.
            expect(callIn(inOrderState, CALL_A).transcript.store).toBe(
                callIn(afterFirst, CALL_A).transcript.store
            );
            expect(items).toHaveLength(COUNT + late.length);
            expect(new Set(items.map((item) => item.id)).size).toBe(COUNT + late.length);
            expect(items.every((item, index) => index === 0 || items[index - 1].at <= item.at)).toBe(true);
            lateIndexes.forEach((index) => {
                const position = items.findIndex((item) => item.id === `late${index}`);
                expect(items[position - 1].id).toBe(`u${index}`);
            });
            expect(logItems(callIn(inOrderState, CALL_A).transcript)).toHaveLength(COUNT);
        });
    });

    describe('robust event semantics', () => {
        // Covered above: a hold for an unknown participant ('hold'), a resume of a party not on hold and a
        // replayed callended (the no-op list), an utterance out of time order and an id sent again with new
        // text ('transcript'), a first event of an unknown call ('joining mid-call'), early flag lowers ('flags').
        const inProgress = (): VoiceCallConsoleState =>
            fold(
                a.connected(T0),
                a.added(THIRD_PARTY, T0 + 1),
                a.hold(THIRD_PARTY, T0 + 2),
                a.transcript('u1', 'Hello', T0 + 3),
                a.transcript('u2', 'I was charged twice.', T0 + 4),
                a.flagRaise('f1', 'Help', T0 + 5),
                a.note('n1', 'Noted', T0 + 6),
                a.mute(T0 + 7),
                a.pauseRecording(T0 + 8)
            );

        it('keeps a call in progress and all its data when callconnected is replayed (after a reload)', () => {
            const state = inProgress();

            const replayed = applyToolkitEvents(state, [
                a.connected(T0 + 10 * SECOND),
                a.connected(T0 + 11 * SECOND, 'outbound', '+14159990000')
            ]);
            const call = callIn(replayed, CALL_A);

            expect(replayed).toBe(state);
            expect(call).toMatchObject({
                status: 'connected',
                direction: 'Inbound',
                muted: true,
                recordingPaused: true,
                times: { connectedAt: T0 }
            });
            expect(call.participants.map((participant) => [participant.name, participant.onHold])).toEqual([
                [CALLER, false],
                [THIRD_PARTY, true]
            ]);
            expect(textsOf(call.transcript)).toEqual(['Hello', 'I was charged twice.']);
            expect(openFlag(call)?.id).toBe('f1');
            expect(textsOf(call.notes)).toEqual(['Noted']);
        });

        it('adds a party it does not know on a resume with no hold before it, as not on hold', () => {
            const call = callIn(fold(a.connected(T0), a.resume(THIRD_PARTY, T0 + SECOND)), CALL_A);

            expect(call.participants[1]).toEqual({
                name: THIRD_PARTY,
                kind: 'Third_Party',
                onHold: false,
                joinedAt: T0 + SECOND,
                holdChangedAt: undefined,
                heldMs: 0
            });
            expect(heldParticipants(call)).toEqual([]);
        });

        it('keeps a flaglower with no open flag aside, lowering no flag raised after it', () => {
            const lowered = fold(
                a.connected(T0),
                a.flagRaise('f1', 'Help', T0 + 1, { server: T0 + 10 }),
                a.flagLower('f1', T0 + 2, { server: T0 + 20 })
            );

            const early = applyToolkitEvent(
                lowered,
                a.flagLower(null, T0 + 3, { server: T0 + 30, role: 'Supervisor' })
            );
            const raisedAfter = callIn(
                applyToolkitEvent(early, a.flagRaise('f2', 'Help again', T0 + 4, { server: T0 + 40 })),
                CALL_A
            );

            expect(callIn(early, CALL_A).flags).toBe(callIn(lowered, CALL_A).flags);
            expect(callIn(early, CALL_A).earlyFlagLowers).toHaveLength(1);
            expect(raisedAfter.flags.map((flag) => [flag.id, flag.loweredAt])).toEqual([
                ['f1', T0 + 20],
                ['f2', undefined]
            ]);
            expect(openFlag(raisedAfter)?.id).toBe('f2');
        });

        it('ends a call once: a second callended keeps endedAt from the first and changes nothing', () => {
            const state = fold(
                a.connected(T0),
                b.connected(T0 + 1),
                b.transcript('u1', 'Hello', T0 + 2),
                b.ended(T0 + 3)
            );

            const again = applyToolkitEvent(state, b.ended(T0 + 10 * SECOND));

            expect(again).toBe(state);
            expect(callIn(again, CALL_B)).toMatchObject({ status: 'ended', times: { endedAt: T0 + 3 } });
            expect(textsOf(callIn(again, CALL_B).transcript)).toEqual(['Hello']);
            expect(again.activeCallId).toBe(CALL_A);
        });

        it('creates a call it has not seen on a hold for it: connected, joined mid-call, that party held', () => {
            const state = fold(a.started(T0), a.transcript('u1', 'Hello', T0 + 1));

            const next = applyToolkitEvent(state, b.hold(THIRD_PARTY, T0 + 2));
            const call = callIn(next, CALL_B);

            expect(call).toMatchObject({ status: 'connected', joinedMidCall: true });
            expect(call.participants).toEqual([
                {
                    name: THIRD_PARTY,
                    kind: 'Initial_Caller',
                    onHold: true,
                    joinedAt: T0 + 2,
                    holdChangedAt: T0 + 2,
                    heldMs: 0
                }
            ]);
            expect(callIn(next, CALL_A)).toBe(callIn(state, CALL_A));
            expect(next.activeCallId).toBe(CALL_B);
        });

        // Regressions: found by the property tests (voiceCallState.property.test.ts).
        it('changes nothing on a flaglower sent again before its flag is raised', () => {
            const state = fold(a.flagLower('f1', T0, { server: T0, client: T0 }));

            expect(applyToolkitEvent(state, a.flagLower('f1', T0 + 1, { server: T0, client: T0 }))).toBe(
                state
            );
            expect(callIn(state, CALL_A).earlyFlagLowers).toHaveLength(1);
        });

        it('lowers no second flag on a flaglower naming none that is sent again', () => {
            const lower = a.flagLower(null, T0 + 100, { server: T0 + 100, role: 'Supervisor' });
            const replay = a.flagLower(null, T0 + 400, { server: T0 + 100, role: 'Supervisor' });
            const raisedLater = fold(
                a.connected(T0),
                a.flagRaise('f1', 'One', T0 + 1, { server: T0 + 1 }),
                lower,
                a.flagRaise('f2', 'Two', T0 + 300, { server: T0 + 300 })
            );

            // Replayed before two flags raised before it arrive: one lower lowers one flag.
            const arrivedLate = callIn(
                fold(
                    a.connected(T0),
                    lower,
                    replay,
                    a.flagRaise('f1', 'One', T0 + 200, { server: T0 + 50 }),
                    a.flagRaise('f2', 'Two', T0 + 300, { server: T0 + 60 })
                ),
                CALL_A
            );

            // Replayed after a new flag was raised: the new flag stays open.
            expect(applyToolkitEvent(raisedLater, replay)).toBe(raisedLater);
            expect(openFlag(callIn(raisedLater, CALL_A))?.id).toBe('f2');
            expect(arrivedLate.flags.map((flag) => [flag.id, flag.loweredAt])).toEqual([
                ['f1', T0 + 100],
                ['f2', undefined]
            ]);
            expect(arrivedLate.earlyFlagLowers).toEqual([]);
        });
    });
});

describe('call moments (the timeline)', () => {
    const kinds = (state: VoiceCallConsoleState): string[] =>
        callIn(state, CALL_A).moments.map(
            (moment) => `${moment.kind}${moment.participant === undefined ? '' : `:${moment.participant}`}`
        );

    it('records each call event that changed the call, with when it arrived and whom it names', () => {
        const state = fold(
            a.connected(T0),
            a.transcript('u1', 'Hello', T0 + SECOND),
            a.hold(CALLER, T0 + 2 * SECOND),
            a.resume(CALLER, T0 + 3 * SECOND),
            a.added('+1 555 0100', T0 + 4 * SECOND),
            a.pauseRecording(T0 + 5 * SECOND),
            a.resumeRecording(T0 + 6 * SECOND),
            a.mute(T0 + 7 * SECOND),
            a.removed('+1 555 0100', T0 + 8 * SECOND),
            a.ended(T0 + 9 * SECOND)
        );

        expect(kinds(state)).toEqual([
            `callconnected:${CALLER}`,
            `hold:${CALLER}`,
            `resume:${CALLER}`,
            'participantadded:+1 555 0100',
            'pauserecording',
            'resumerecording',
            'mute',
            'participantremoved:+1 555 0100',
            'callended'
        ]);
        expect(callIn(state, CALL_A).moments[1].at).toBe(T0 + 2 * SECOND);
        expect(new Set(callIn(state, CALL_A).moments.map((moment) => moment.id)).size).toBe(9);
    });

    it('records nothing for a replayed event that changed nothing', () => {
        const state = fold(
            a.connected(T0),
            a.hold(CALLER, T0 + SECOND),
            a.hold(CALLER, T0 + 2 * SECOND),
            a.connected(T0 + 3 * SECOND)
        );

        expect(kinds(state)).toEqual([`callconnected:${CALLER}`, `hold:${CALLER}`]);
    });

    it('keeps the latest moments of a very long call only', () => {
        const events: ToolkitEvent[] = [a.connected(T0)];
        for (let index = 0; index < MAX_MOMENTS + 20; index++) {
            events.push(index % 2 === 0 ? a.mute(T0 + index) : a.unmute(T0 + index));
        }
        const moments = callIn(fold(...events), CALL_A).moments;

        expect(moments).toHaveLength(MAX_MOMENTS);
        expect(moments.at(-1)?.kind).toBe('unmute');
    });
});
