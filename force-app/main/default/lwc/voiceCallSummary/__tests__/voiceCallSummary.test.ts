import { MAX_TEXT_LENGTH, SUMMARY_VERSION, callSummary, summariesEqual } from 'c/voiceCallSummary';
import type { CallSummary } from 'c/voiceCallSummary';
import { applyToolkitEvent, logItems, restoredCall } from 'c/voiceCallState';
import type { VoiceCall } from 'c/voiceCallState';
import type { ToolkitEvent } from 'c/voiceCallEvents';
import { CALLER, CALL_A, T0, callIn, eventsFor, fold } from '../../voiceCallState/__tests__/data/events';

const a = eventsFor(CALL_A);
const SECOND = 1_000;
const THIRD_PARTY = 'Billing Quick Connect';
const AGENT = { role: 'Agent', displayName: 'Angela Agent' };
const SUPERVISOR = { role: 'Supervisor', displayName: 'Samir Supervisor' };

function callAfter(...events: readonly ToolkitEvent[]): VoiceCall {
    return callIn(fold(...events), CALL_A);
}

/** A call with every part a summary reads: two parties (one on hold), mute, paused recording, utterances, flags. */
const BUSY_CALL_EVENTS: readonly ToolkitEvent[] = [
    a.connected(T0, 'inbound'),
    a.transcript('u1', 'Hello, how can I help?', T0 + SECOND, { displayName: 'Angela Agent' }),
    a.transcript('u2', 'My card was charged twice.', T0 + 2 * SECOND, { role: 'EndUser' }),
    a.added(THIRD_PARTY, T0 + 3 * SECOND),
    a.hold(CALLER, T0 + 4 * SECOND),
    a.mute(T0 + 5 * SECOND),
    a.pauseRecording(T0 + 6 * SECOND),
    a.flagRaise('f1', 'Customer asks for a manager.', T0 + 7 * SECOND, AGENT),
    a.flagRaise('f2', 'Refund over my limit.', T0 + 8 * SECOND, AGENT)
];

/** The summary after each of `more`, applied in turn after `events`: one summary per change, as the console makes. */
function summariesAfter(events: readonly ToolkitEvent[], ...more: readonly ToolkitEvent[]): CallSummary[] {
    let state = fold(...events);
    return more.map((event) => {
        state = applyToolkitEvent(state, event);
        return callSummary(callIn(state, CALL_A));
    });
}

/** A summary with a different value of one field. */
function changed(summary: CallSummary, change: Partial<CallSummary>): CallSummary {
    return { ...summary, ...change };
}

describe('c/voiceCallSummary', () => {
    describe('callSummary', () => {
        it('summarises no call as status "none", at the given time', () => {
            expect(callSummary(undefined, 1234)).toStrictEqual({
                version: 1,
                status: 'none',
                callId: null,
                participants: [],
                muted: false,
                recordingPaused: false,
                lastUtterance: null,
                openFlag: null,
                updatedAt: 1234
            });
        });

        it('without a time, stamps no call with the clock', () => {
            jest.useFakeTimers({ now: T0 });
            try {
                expect(callSummary(undefined).updatedAt).toBe(T0);
            } finally {
                jest.useRealTimers();
            }
        });

        it('summarises a call: status, parties and holds, mute, recording, last utterance, newest open flag', () => {
            const call = callAfter(...BUSY_CALL_EVENTS);

            expect(callSummary(call, 0)).toStrictEqual({
                version: SUMMARY_VERSION,
                status: 'connected',
                callId: CALL_A,
                participants: [
                    { name: CALLER, kind: 'Initial_Caller', onHold: true },
                    { name: THIRD_PARTY, kind: 'Third_Party', onHold: false }
                ],
                muted: true,
                recordingPaused: true,
                lastUtterance: {
                    id: 'u2',
                    speaker: { role: 'Customer', name: null },
                    text: 'My card was charged twice.',
                    truncated: false,
                    at: T0 + 2 * SECOND
                },
                openFlag: {
                    id: 'f2',
                    raisedBy: { role: 'Agent', name: 'Angela Agent' },
                    text: 'Refund over my limit.',
                    truncated: false,
                    at: T0 + 8 * SECOND
                },
                updatedAt: T0 + 8 * SECOND
            });
        });

        it('is version 1', () => {
            expect(SUMMARY_VERSION).toBe(1);
            expect(callSummary(callAfter(a.connected(T0))).version).toBe(1);
        });

        it('is the same whenever it is made: a call is stamped with its last change, not the clock', () => {
            const call = callAfter(...BUSY_CALL_EVENTS);

            expect(callSummary(call, 1)).toStrictEqual(callSummary(call, 2));
        });

        it('follows the status to the end of the call', () => {
            const statuses = [
                callAfter(a.started(T0)),
                callAfter(a.started(T0), a.connected(T0 + 1)),
                callAfter(a.started(T0), a.connected(T0 + 1), a.ended(T0 + 2)),
                callAfter(a.started(T0), a.connected(T0 + 1), a.ended(T0 + 2), a.wrapUpEnded(T0 + 3))
            ].map((call) => callSummary(call).status);

            expect(statuses).toEqual(['connecting', 'connected', 'ended', 'wrapUpComplete']);
        });

        it('takes the last utterance in transcript order, not the last to arrive', () => {
            const call = callAfter(
                a.connected(T0),
                a.transcript('late-sent', 'Second line', T0 + 2 * SECOND),
                a.transcript('early-sent', 'First line, arriving late', T0 + 3 * SECOND, {
                    server: T0 + SECOND
                })
            );

            expect(callSummary(call).lastUtterance).toMatchObject({ id: 'late-sent', text: 'Second line' });
        });

        it('has no last utterance and no open flag on a quiet call', () => {
            const summary = callSummary(callAfter(a.connected(T0)));

            expect(summary.lastUtterance).toBeNull();
            expect(summary.openFlag).toBeNull();
        });

        it('shows the newest flag not lowered: an older open one once the newest is lowered, none when all are', () => {
            const [oneLowered, allLowered] = summariesAfter(
                BUSY_CALL_EVENTS,
                a.flagLower('f2', T0 + 9 * SECOND, SUPERVISOR),
                a.flagLower('f1', T0 + 10 * SECOND, SUPERVISOR)
            );

            expect(oneLowered.openFlag).toMatchObject({ id: 'f1', text: 'Customer asks for a manager.' });
            expect(allLowered.openFlag).toBeNull();
        });

        it('names a sender by its trimmed display name, and null when it has none or a blank one', () => {
            const call = callAfter(
                a.connected(T0),
                a.transcript('u1', 'Hi', T0 + 1, { role: 'Supervisor', displayName: '  Samir  ' }),
                a.flagRaise('f1', 'Help', T0 + 2, { role: 'Agent', displayName: '   ' })
            );
            const summary = callSummary(call);

            expect(summary.lastUtterance?.speaker).toStrictEqual({ role: 'Supervisor', name: 'Samir' });
            expect(summary.openFlag?.raisedBy).toStrictEqual({ role: 'Agent', name: null });
        });

        describe('text length', () => {
            it(`cuts utterance and flag text, names and parties to ${String(MAX_TEXT_LENGTH)} characters, and says so`, () => {
                const long = 'x'.repeat(100_000);
                const call = callAfter(
                    a.connected(T0, 'inbound', `+1${'5'.repeat(1_000)}`),
                    a.transcript('u1', long, T0 + 1, { displayName: 'n'.repeat(1_000) }),
                    a.flagRaise('f1', long, T0 + 2)
                );
                const summary = callSummary(call);

                expect(MAX_TEXT_LENGTH).toBe(500);
                expect(summary.lastUtterance?.text).toBe('x'.repeat(MAX_TEXT_LENGTH));
                expect(summary.lastUtterance?.truncated).toBe(true);
                expect(summary.lastUtterance?.speaker.name).toHaveLength(MAX_TEXT_LENGTH);
                expect(summary.openFlag?.text).toHaveLength(MAX_TEXT_LENGTH);
                expect(summary.openFlag?.truncated).toBe(true);
                expect(summary.participants[0].name).toHaveLength(MAX_TEXT_LENGTH);
                expect(JSON.stringify(summary).length).toBeLessThan(5 * MAX_TEXT_LENGTH);
            });

            it('keeps text of exactly the limit whole', () => {
                const exact = 'y'.repeat(MAX_TEXT_LENGTH);
                const summary = callSummary(callAfter(a.connected(T0), a.transcript('u1', exact, T0 + 1)));

                expect(summary.lastUtterance).toMatchObject({ text: exact, truncated: false });
            });

            it('never cuts a character in half (a surrogate pair across the limit)', () => {
                const text = `${'z'.repeat(MAX_TEXT_LENGTH - 1)}😀 and more`;
                const summary = callSummary(callAfter(a.connected(T0), a.transcript('u1', text, T0 + 1)));

                expect(summary.lastUtterance?.text).toBe('z'.repeat(MAX_TEXT_LENGTH - 1));
                expect(summary.lastUtterance?.truncated).toBe(true);
            });
        });

        describe('JSON safety', () => {
            it.each([
                ['no call', undefined],
                ['a quiet call', callAfter(a.connected(T0))],
                ['a busy call', callAfter(...BUSY_CALL_EVENTS)]
            ])('survives a JSON round trip unchanged: %s', (_case, call) => {
                const summary = callSummary(call, T0);

                expect(JSON.parse(JSON.stringify(summary))).toStrictEqual(summary);
            });

            it('replaces times JSON cannot carry (NaN, Infinity) with a finite one', () => {
                const call = callAfter(
                    a.connected(T0),
                    a.transcript('u1', 'Hi', T0 + 1),
                    a.flagRaise('f1', 'Help', T0 + 2)
                );
                const broken = restoredCall(
                    {
                        ...call,
                        transcript: logItems(call.transcript).map((utterance) => ({
                            ...utterance,
                            at: Number.NaN
                        })),
                        notes: [],
                        flags: call.flags.map((flag) => ({ ...flag, at: Number.POSITIVE_INFINITY })),
                        times: { ...call.times, updatedAt: Number.NaN }
                    },
                    T0
                );
                const summary = callSummary(broken, T0 + 60 * SECOND);

                expect(summary.updatedAt).toBe(T0 + 60 * SECOND);
                expect(summary.lastUtterance?.at).toBe(T0 + 60 * SECOND);
                expect(summary.openFlag?.at).toBe(T0 + 60 * SECOND);
                expect(JSON.parse(JSON.stringify(summary))).toStrictEqual(summary);
            });

            it("falls back to the call's last change for a message time that is not finite", () => {
                const call = callAfter(a.connected(T0), a.transcript('u1', 'Hi', T0 + SECOND));
                const broken = restoredCall(
                    {
                        ...call,
                        transcript: logItems(call.transcript).map((utterance) => ({
                            ...utterance,
                            at: Number.NaN
                        })),
                        notes: []
                    },
                    T0
                );

                expect(callSummary(broken, 0).lastUtterance?.at).toBe(call.times.updatedAt);
            });
        });
    });

    describe('summariesEqual', () => {
        const base = callSummary(callAfter(...BUSY_CALL_EVENTS), T0);

        it('ignores updatedAt', () => {
            expect(summariesEqual(base, { ...base, updatedAt: base.updatedAt + 60 * SECOND })).toBe(true);
        });

        it('sees two summaries of the same call as equal, and a summary equal to its JSON copy', () => {
            const call = callAfter(...BUSY_CALL_EVENTS);

            expect(summariesEqual(callSummary(call), callSummary(call))).toBe(true);
            expect(summariesEqual(base, JSON.parse(JSON.stringify(base)) as CallSummary)).toBe(true);
        });

        it.each([
            ['status', { status: 'ended' }],
            ['callId', { callId: 'another call' }],
            ['muted', { muted: false }],
            ['recordingPaused', { recordingPaused: false }],
            [
                'a participant on hold',
                { participants: [{ name: CALLER, kind: 'Initial_Caller', onHold: false }] }
            ],
            ['one participant fewer', { participants: base.participants.slice(0, 1) }],
            ['participants in another order', { participants: [...base.participants].reverse() }],
            ['no last utterance', { lastUtterance: null }],
            [
                'another utterance text',
                { lastUtterance: base.lastUtterance && { ...base.lastUtterance, text: 'other' } }
            ],
            [
                'another speaker name',
                {
                    lastUtterance: base.lastUtterance && {
                        ...base.lastUtterance,
                        speaker: { role: 'Customer', name: 'Carla' }
                    }
                }
            ],
            ['no open flag', { openFlag: null }],
            ['another flag', { openFlag: base.openFlag && { ...base.openFlag, id: 'f3' } }]
        ] as const)('sees a change of %s', (_case, change) => {
            const other = changed(base, change as Partial<CallSummary>);

            expect(summariesEqual(base, other)).toBe(false);
            expect(summariesEqual(other, base)).toBe(false);
        });

        it('sees a field one summary has and the other lacks (an additive change of the message)', () => {
            const withExtra = { ...base, direction: 'Inbound' } as CallSummary;

            expect(summariesEqual(base, withExtra)).toBe(false);
            expect(summariesEqual(withExtra, base)).toBe(false);
        });
    });
});
