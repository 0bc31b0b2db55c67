/**
 * What the live timers are computed from: each party's total of completed holds and the call's (kept through
 * resume, conference, swap and removal), and the elapsed times at a given moment (call, hold, recording pause, flag).
 */
import {
    applyToolkitEvent,
    applyToolkitEvents,
    callDurationMs,
    callEndTime,
    currentHoldMs,
    flagWaitMs,
    recordingPausedMs,
    sameCallHeader
} from 'c/voiceCallState';
import type { VoiceCall } from 'c/voiceCallState';
import { CALLER, CALL_A, T0, callIn, eventsFor, fold } from './data/events';

const a = eventsFor(CALL_A);
const THIRD_PARTY = '+1 (212) 555-0100';
const SECOND = 1_000;
const at = (seconds: number): number => T0 + seconds * SECOND;

/** Each party's name, hold, hold start and total of completed holds. */
function holds(call: VoiceCall): [string, boolean, number | undefined, number][] {
    return call.participants.map((party) => [party.name, party.onHold, party.holdChangedAt, party.heldMs]);
}

describe('c/voiceCallState: hold totals', () => {
    const twoParties = () => fold(a.connected(at(0)), a.added(THIRD_PARTY, at(1)));

    it('starts every party and the call at no hold time', () => {
        const call = callIn(twoParties(), CALL_A);

        expect(call.heldMs).toBe(0);
        expect(holds(call)).toEqual([
            [CALLER, false, undefined, 0],
            [THIRD_PARTY, false, undefined, 0]
        ]);
    });

    it('adds each completed hold to the party and the call on resume; the current hold is not in the total', () => {
        const held = applyToolkitEvents(twoParties(), [a.hold(CALLER, at(10)), a.resume(CALLER, at(14))]);
        const heldAgain = applyToolkitEvent(held, a.hold(CALLER, at(20)));
        const resumedAgain = applyToolkitEvent(heldAgain, a.resume(CALLER, at(22)));

        expect(holds(callIn(held, CALL_A))[0]).toEqual([CALLER, false, at(14), 4 * SECOND]);
        expect(callIn(held, CALL_A).heldMs).toBe(4 * SECOND);
        expect(holds(callIn(heldAgain, CALL_A))[0]).toEqual([CALLER, true, at(20), 4 * SECOND]);
        expect(callIn(heldAgain, CALL_A).heldMs).toBe(4 * SECOND);
        expect(holds(callIn(resumedAgain, CALL_A))[0]).toEqual([CALLER, false, at(22), 6 * SECOND]);
        expect(callIn(resumedAgain, CALL_A).heldMs).toBe(6 * SECOND);
    });

    it('keeps the hold start when a hold is sent again, so the hold time does not restart', () => {
        const held = applyToolkitEvent(twoParties(), a.hold(CALLER, at(10)));

        expect(applyToolkitEvent(held, a.hold(CALLER, at(15)))).toBe(held);
        expect(callIn(applyToolkitEvent(held, a.resume(CALLER, at(16))), CALL_A).heldMs).toBe(6 * SECOND);
    });

    it('ends every hold on conference, adding each to its party and to the call', () => {
        const call = callIn(
            applyToolkitEvents(twoParties(), [
                a.hold(CALLER, at(10)),
                a.hold(THIRD_PARTY, at(12)),
                a.conference(at(15))
            ]),
            CALL_A
        );

        expect(holds(call)).toEqual([
            [CALLER, false, at(15), 5 * SECOND],
            [THIRD_PARTY, false, at(15), 3 * SECOND]
        ]);
        expect(call.heldMs).toBe(8 * SECOND);
    });

    it("on swap, ends the held party's hold (counted) and starts the other's", () => {
        const call = callIn(
            applyToolkitEvents(twoParties(), [a.hold(CALLER, at(10)), a.swap(at(13)), a.swap(at(20))]),
            CALL_A
        );

        expect(holds(call)).toEqual([
            [CALLER, true, at(20), 3 * SECOND],
            [THIRD_PARTY, false, at(20), 7 * SECOND]
        ]);
        expect(call.heldMs).toBe(10 * SECOND);
    });

    it('counts the hold of a party who leaves on hold in the call total, and keeps the totals of those who left', () => {
        const call = callIn(
            applyToolkitEvents(twoParties(), [
                a.hold(THIRD_PARTY, at(10)),
                a.resume(THIRD_PARTY, at(12)),
                a.hold(THIRD_PARTY, at(20)),
                a.removed(THIRD_PARTY, at(25))
            ]),
            CALL_A
        );

        expect(holds(call)).toEqual([[CALLER, false, undefined, 0]]);
        expect(call.heldMs).toBe(7 * SECOND);
    });

    it("counts a hold that outlasts the call only up to the call's end", () => {
        const call = callIn(
            applyToolkitEvents(twoParties(), [
                a.hold(CALLER, at(10)),
                a.ended(at(30)),
                a.resume(CALLER, at(90))
            ]),
            CALL_A
        );

        expect(holds(call)[0][3]).toBe(20 * SECOND);
        expect(call.heldMs).toBe(20 * SECOND);
    });

    it('adds nothing, never a negative time, for a resume received before its hold (clocks skew)', () => {
        const call = callIn(
            applyToolkitEvents(twoParties(), [a.hold(CALLER, at(10)), a.resume(CALLER, at(8))]),
            CALL_A
        );

        expect(holds(call)[0]).toEqual([CALLER, false, at(8), 0]);
        expect(call.heldMs).toBe(0);
    });

    it('tells a header change by its hold total, and ignores a transcript line', () => {
        const held = applyToolkitEvent(twoParties(), a.hold(CALLER, at(10)));
        const call = callIn(held, CALL_A);
        const withLine = callIn(applyToolkitEvent(held, a.transcript('u1', 'Hello', at(11))), CALL_A);

        expect(sameCallHeader(call, withLine)).toBe(true);
        expect(sameCallHeader(call, { ...call, heldMs: call.heldMs + 1 })).toBe(false);
        expect(sameCallHeader(call, callIn(applyToolkitEvent(held, a.resume(CALLER, at(12))), CALL_A))).toBe(
            false
        );
    });
});

describe('c/voiceCallState: elapsed times', () => {
    it('times a live call from its connection, else its start; unknown without either or without a clock', () => {
        const started = callIn(fold(a.started(at(0))), CALL_A);
        const connected = callIn(fold(a.started(at(0)), a.connected(at(5))), CALL_A);
        const joinedMidCall = callIn(fold(a.mute(at(0))), CALL_A);

        expect(callDurationMs(started, at(3))).toBe(3 * SECOND);
        expect(callDurationMs(connected, at(65))).toBe(60 * SECOND);
        expect(callDurationMs(connected, undefined)).toBeUndefined();
        expect(callDurationMs(joinedMidCall, at(10))).toBeUndefined();
        expect(callEndTime(connected)).toBeUndefined();
    });

    it("stops every call timer at the call's end, whatever the time now", () => {
        const call = callIn(
            fold(
                a.connected(at(0)),
                a.hold(CALLER, at(10)),
                a.pauseRecording(at(20)),
                a.ended(at(30)),
                a.wrapUpEnded(at(50))
            ),
            CALL_A
        );

        expect(callEndTime(call)).toBe(at(30));
        for (const now of [at(31), at(3_600), undefined]) {
            expect(callDurationMs(call, now)).toBe(30 * SECOND);
            expect(currentHoldMs(call, call.participants[0], now)).toBe(20 * SECOND);
            expect(recordingPausedMs(call, now)).toBe(10 * SECOND);
        }
    });

    it('ends a call wrapped up without a callended at its wrap-up', () => {
        const call = callIn(fold(a.connected(at(0)), a.wrapUpEnded(at(40))), CALL_A);

        expect(callEndTime(call)).toBe(at(40));
        expect(callDurationMs(call, at(100))).toBe(40 * SECOND);
    });

    it('times the current hold only while on hold, and never below zero', () => {
        const held = fold(a.connected(at(0)), a.hold(CALLER, at(10)));
        const call = callIn(held, CALL_A);
        const resumed = callIn(applyToolkitEvent(held, a.resume(CALLER, at(20))), CALL_A);

        expect(currentHoldMs(call, call.participants[0], at(75))).toBe(65 * SECOND);
        expect(currentHoldMs(call, call.participants[0], at(9))).toBe(0);
        expect(currentHoldMs(resumed, resumed.participants[0], at(75))).toBeUndefined();
    });

    it('times a recording pause only while paused', () => {
        const paused = fold(a.connected(at(0)), a.pauseRecording(at(10)));

        expect(recordingPausedMs(callIn(paused, CALL_A), at(15))).toBe(5 * SECOND);
        expect(
            recordingPausedMs(callIn(applyToolkitEvent(paused, a.resumeRecording(at(12))), CALL_A), at(15))
        ).toBeUndefined();
        expect(recordingPausedMs(callIn(fold(a.connected(at(0))), CALL_A), at(15))).toBeUndefined();
    });

    it('times an open flag until now and a lowered flag until it was lowered, even after the call ended', () => {
        const raised = fold(a.connected(at(0)), a.flagRaise('f1', 'Help', at(10)), a.ended(at(20)));
        const open = callIn(raised, CALL_A).flags[0];
        const lowered = callIn(applyToolkitEvent(raised, a.flagLower('f1', at(45))), CALL_A).flags[0];

        expect(flagWaitMs(open, at(70))).toBe(60 * SECOND);
        expect(flagWaitMs(open, undefined)).toBeUndefined();
        expect(flagWaitMs(open, at(5))).toBe(0);
        expect(flagWaitMs(lowered, at(1_000))).toBe(35 * SECOND);
        expect(flagWaitMs(lowered, undefined)).toBe(35 * SECOND);
    });
});
