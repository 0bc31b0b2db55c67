import {
    ACTION_REQUESTS,
    CONFIRMATION_TIMEOUT_MS,
    callControls,
    errorText,
    isConfirmed,
    isControlId,
    requestMessage,
    settleWithCall,
    startRequest
} from '../controlState';
import type { CallControl, ControlId, PendingRequest } from '../controlState';
import type { VoiceCall } from 'c/voiceCallState';
import type { ToolkitPayload } from 'test-utils/voiceCallTestUtils';
import {
    CALLER,
    CONNECTED_EVENTS,
    THIRD_PARTY,
    THREE_WAY_EVENTS,
    callAfter,
    callEvent,
    connectedCall,
    connectingCall,
    endedCall,
    threeWayCall
} from './data/controlCalls';
import { SEED_CALL } from '../../voiceCallEvents/__tests__/data/seedPayloads';

const NOW = Date.UTC(2026, 0, 1, 9, 30);

/** Each shown control as [id, enabled]. */
function availability(controls: readonly CallControl[]): [ControlId, boolean][] {
    return controls.map((control) => [control.id, control.enabled]);
}

function controlOf(controls: readonly CallControl[], id: ControlId): CallControl {
    const found = controls.find((candidate) => candidate.id === id);
    if (found === undefined) {
        throw new Error(`no ${id} control`);
    }
    return found;
}

function request(call: VoiceCall, id: ControlId, pending: readonly PendingRequest[] = []): PendingRequest {
    const started = startRequest(call, pending, id, pending.length + 1, NOW);
    if (started === undefined) {
        throw new Error(`${id} cannot be pressed`);
    }
    return started;
}

describe('voiceCallControls/controlState', () => {
    describe('which controls exist and are enabled', () => {
        it('offers nothing without a call', () => {
            expect(callControls(undefined, [])).toEqual([]);
        });

        it('shows a connecting call’s controls, none enabled', () => {
            expect(availability(callControls(connectingCall(), []))).toEqual([
                ['mute', false],
                ['holdCaller', false],
                ['pauseRecording', false],
                ['endCall', false]
            ]);
        });

        it('enables mute, hold caller, recording and end call on a connected two-party call', () => {
            const controls = callControls(connectedCall(), []);

            expect(availability(controls)).toEqual([
                ['mute', true],
                ['holdCaller', true],
                ['pauseRecording', true],
                ['endCall', true]
            ]);
            expect(controls.map(({ id, action, label, pressed }) => [id, action, label, pressed])).toEqual([
                ['mute', 'mute', 'Mute', false],
                ['holdCaller', 'holdCaller', 'Hold caller', false],
                ['pauseRecording', 'pauseRecording', 'Pause recording', false],
                ['endCall', 'endCall', 'End call', undefined]
            ]);
        });

        it('adds the third party’s hold, swap and merge on a three-way call with one party on hold', () => {
            const controls = callControls(threeWayCall(), []);

            expect(availability(controls)).toEqual([
                ['mute', true],
                ['holdCaller', true],
                ['holdThirdParty', true],
                ['swap', true],
                ['merge', true],
                ['pauseRecording', true],
                ['endCall', true]
            ]);
            expect(controlOf(controls, 'holdCaller')).toMatchObject({
                action: 'resumeCaller',
                pressed: true
            });
            expect(controlOf(controls, 'holdThirdParty')).toMatchObject({
                action: 'holdThirdParty',
                pressed: false
            });
        });

        it('disables swap and merge while nobody is on hold (a conference)', () => {
            const conference = callAfter(THREE_WAY_EVENTS, callEvent('conference'));

            const controls = callControls(conference, []);

            expect(controlOf(controls, 'swap').enabled).toBe(false);
            expect(controlOf(controls, 'merge').enabled).toBe(false);
            expect(controlOf(controls, 'holdCaller')).toMatchObject({ enabled: true, pressed: false });
        });

        it('disables swap, not merge, while both parties are on hold', () => {
            const bothHeld = callAfter(THREE_WAY_EVENTS, callEvent('hold', THIRD_PARTY));

            const controls = callControls(bothHeld, []);

            expect(controlOf(controls, 'swap').enabled).toBe(false);
            expect(controlOf(controls, 'merge').enabled).toBe(true);
        });

        it('drops the third party’s controls once it leaves', () => {
            const left = callAfter(THREE_WAY_EVENTS, callEvent('participantremoved', THIRD_PARTY));

            expect(callControls(left, []).map((shown) => shown.id)).toEqual([
                'mute',
                'holdCaller',
                'pauseRecording',
                'endCall'
            ]);
        });

        it.each([
            ['ended', endedCall],
            [
                'wrap-up complete',
                () => callAfter(CONNECTED_EVENTS, callEvent('callended'), callEvent('wrapupended'))
            ]
        ])('enables nothing once the call is %s', (_state, callOf) => {
            const controls = callControls(callOf(), []);

            expect(controls.length).toBeGreaterThan(0);
            expect(controls.filter((shown) => shown.enabled)).toEqual([]);
        });

        it('turns each toggle into its opposite while the call is in its state', () => {
            const call = callAfter(
                CONNECTED_EVENTS,
                callEvent('mute'),
                callEvent('pauserecording'),
                callEvent('hold', CALLER)
            );

            const toggles = callControls(call, []).filter((shown) => shown.pressed !== undefined);

            expect(toggles.map(({ action, label, pressed }) => [action, label, pressed])).toEqual([
                ['unmute', 'Mute', true],
                ['resumeCaller', 'Hold caller', true],
                ['resumeRecording', 'Pause recording', true]
            ]);
        });

        it('hides the caller’s hold when the call does not name a caller', () => {
            const unnamed = callAfter([{ type: 'callconnected', detail: { callId: 'no-caller' } }]);

            expect(callControls(unnamed, []).map((shown) => shown.id)).toEqual([
                'mute',
                'pauseRecording',
                'endCall'
            ]);
        });
    });

    describe('starting a request', () => {
        it.each<[string, () => VoiceCall, ControlId, string, readonly string[], object]>([
            ['mute', connectedCall, 'mute', 'mute', ['mute'], { muted: true }],
            [
                'unmute',
                () => callAfter(CONNECTED_EVENTS, callEvent('mute')),
                'mute',
                'unmute',
                ['unmute'],
                { muted: false }
            ],
            [
                'hold the caller',
                connectedCall,
                'holdCaller',
                'holdCaller',
                ['hold', 'Initial_Caller'],
                { callerOnHold: true }
            ],
            [
                'resume the caller',
                threeWayCall,
                'holdCaller',
                'resumeCaller',
                ['resume', 'Initial_Caller'],
                { callerOnHold: false }
            ],
            [
                'hold the third party',
                threeWayCall,
                'holdThirdParty',
                'holdThirdParty',
                ['hold', 'Third_Party'],
                { thirdPartyOnHold: true }
            ],
            [
                'resume the third party',
                () => callAfter(THREE_WAY_EVENTS, callEvent('hold', THIRD_PARTY)),
                'holdThirdParty',
                'resumeThirdParty',
                ['resume', 'Third_Party'],
                { thirdPartyOnHold: false }
            ],
            ['swap', threeWayCall, 'swap', 'swap', ['swap'], { callerOnHold: false, thirdPartyOnHold: true }],
            [
                'merge',
                threeWayCall,
                'merge',
                'merge',
                ['merge'],
                { callerOnHold: false, thirdPartyOnHold: false }
            ],
            [
                'pause recording',
                connectedCall,
                'pauseRecording',
                'pauseRecording',
                ['pauseRecording'],
                { recordingPaused: true }
            ],
            [
                'resume recording',
                () => callAfter(CONNECTED_EVENTS, callEvent('pauserecording')),
                'pauseRecording',
                'resumeRecording',
                ['resumeRecording'],
                { recordingPaused: false }
            ],
            ['end the call', connectedCall, 'endCall', 'endCall', ['endCall', 'Agent'], { ended: true }]
        ])(
            '%s: records the action, its method and the outcome to wait for',
            (_name, callOf, id, action, method, expected) => {
                const call = callOf();

                const started = request(call, id);

                expect(started).toEqual({
                    id: 1,
                    control: id,
                    action,
                    callId: call.callId,
                    expected,
                    startedAt: NOW
                });
                expect(ACTION_REQUESTS[started.action]).toEqual(method);
            }
        );

        it('starts nothing for a control that is absent, disabled or already waiting, or without a call', () => {
            const connected = connectedCall();
            const waiting = [request(connected, 'mute')];

            expect(startRequest(undefined, [], 'mute', 1, NOW)).toBeUndefined();
            expect(startRequest(connectingCall(), [], 'mute', 1, NOW)).toBeUndefined();
            expect(startRequest(endedCall(), [], 'endCall', 1, NOW)).toBeUndefined();
            expect(startRequest(connected, [], 'swap', 1, NOW)).toBeUndefined();
            expect(startRequest(connected, waiting, 'mute', 2, NOW)).toBeUndefined();
            expect(startRequest(connected, waiting, 'holdCaller', 2, NOW)).toMatchObject({ id: 2 });
        });

        it('shows the waiting control with its pending label, disabled, and leaves the others usable', () => {
            const call = connectedCall();
            const waiting = [request(call, 'mute')];

            const controls = callControls(call, waiting);

            expect(controlOf(controls, 'mute')).toMatchObject({
                label: 'Muting…',
                action: 'mute',
                enabled: false,
                pending: true
            });
            expect(controlOf(controls, 'holdCaller')).toMatchObject({
                label: 'Hold caller',
                enabled: true,
                pending: false
            });
            expect(controlOf(controls, 'endCall').enabled).toBe(true);
        });

        it('keeps the pending label of the action asked for, even once the call has changed', () => {
            const call = callAfter(CONNECTED_EVENTS, callEvent('mute'));
            const waiting = [request(call, 'mute')];

            expect(controlOf(callControls(connectedCall(), waiting), 'mute')).toMatchObject({
                label: 'Unmuting…',
                action: 'unmute'
            });
        });

        it('tells control ids from anything else', () => {
            expect(['mute', 'endCall', 'unmute', 'MUTE', undefined, 3].map(isControlId)).toEqual([
                true,
                true,
                false,
                false,
                false,
                false
            ]);
        });
    });

    describe('settling requests against a new call value', () => {
        const MUTED: readonly ToolkitPayload[] = [...CONNECTED_EVENTS, callEvent('mute')];
        const BOTH_HELD: readonly ToolkitPayload[] = [...THREE_WAY_EVENTS, callEvent('hold', THIRD_PARTY)];
        const PAUSED: readonly ToolkitPayload[] = [...CONNECTED_EVENTS, callEvent('pauserecording')];

        it.each<[string, readonly ToolkitPayload[], ControlId, ToolkitPayload]>([
            ['mute', CONNECTED_EVENTS, 'mute', callEvent('mute')],
            ['unmute', MUTED, 'mute', callEvent('unmute')],
            ['hold the caller', CONNECTED_EVENTS, 'holdCaller', callEvent('hold', CALLER)],
            ['resume the caller', THREE_WAY_EVENTS, 'holdCaller', callEvent('resume', CALLER)],
            ['hold the third party', THREE_WAY_EVENTS, 'holdThirdParty', callEvent('hold', THIRD_PARTY)],
            ['resume the third party', BOTH_HELD, 'holdThirdParty', callEvent('resume', THIRD_PARTY)],
            ['swap', THREE_WAY_EVENTS, 'swap', callEvent('swap')],
            ['merge', THREE_WAY_EVENTS, 'merge', callEvent('conference')],
            ['merge with both on hold', BOTH_HELD, 'merge', callEvent('conference')],
            ['pause recording', CONNECTED_EVENTS, 'pauseRecording', callEvent('pauserecording')],
            ['resume recording', PAUSED, 'pauseRecording', callEvent('resumerecording')],
            ['end the call', CONNECTED_EVENTS, 'endCall', callEvent('callended')]
        ])('%s: confirmed by the event that shows it, and only then', (_name, history, id, answer) => {
            const before = callAfter(history);
            const started = request(before, id);
            const unrelated = callAfter(history, SEED_CALL.greeting);

            expect(settleWithCall([started], unrelated)).toEqual({
                pending: [started],
                confirmed: [],
                dropped: []
            });
            expect(settleWithCall([started], callAfter(history, answer))).toEqual({
                pending: [],
                confirmed: [started],
                dropped: []
            });
        });

        it('confirms a swap only once both hold states have flipped', () => {
            const started = request(threeWayCall(), 'swap');
            const halfway = callAfter(THREE_WAY_EVENTS, callEvent('resume', CALLER));
            const swapped = callAfter(
                THREE_WAY_EVENTS,
                callEvent('resume', CALLER),
                callEvent('hold', THIRD_PARTY)
            );

            expect(isConfirmed(started, halfway)).toBe(false);
            expect(isConfirmed(started, swapped)).toBe(true);
        });

        it('settles each waiting request on its own', () => {
            const call = connectedCall();
            const mute = request(call, 'mute');
            const hold = request(call, 'holdCaller', [mute]);

            const settled = settleWithCall(
                [mute, hold],
                callAfter(CONNECTED_EVENTS, callEvent('hold', CALLER))
            );

            expect(settled).toEqual({ pending: [mute], confirmed: [hold], dropped: [] });
        });

        it('drops, unconfirmed, the requests of a call that is gone, another, or over', () => {
            const mute = request(connectedCall(), 'mute');
            const other = callAfter([
                { type: 'callconnected', detail: { callId: 'another-call', participant: '+1 415 555 0100' } }
            ]);

            expect(settleWithCall([mute], undefined)).toEqual({
                pending: [],
                confirmed: [],
                dropped: [mute]
            });
            expect(settleWithCall([mute], other)).toEqual({ pending: [], confirmed: [], dropped: [mute] });
            expect(settleWithCall([mute], endedCall())).toEqual({
                pending: [],
                confirmed: [],
                dropped: [mute]
            });
        });
    });

    describe('messages', () => {
        const mute = (): PendingRequest => request(connectedCall(), 'mute');

        it('says an action was confirmed, or got no confirmation in time', () => {
            expect(CONFIRMATION_TIMEOUT_MS).toBe(5000);
            expect(requestMessage('confirmed', mute())).toBe('Mute confirmed');
            expect(requestMessage('timedOut', mute())).toBe(
                'No confirmation from the phone system for Mute after 5 s'
            );
        });

        it('names the action and the error, inserting its text as it is', () => {
            const hold = request(connectedCall(), 'holdCaller');

            expect(requestMessage('failed', hold, new Error('Line busy'))).toBe(
                'Hold caller failed: Line busy'
            );
            expect(requestMessage('failed', mute(), 'costs $& and $1')).toBe('Mute failed: costs $& and $1');
        });

        it('names the missing method', () => {
            expect(requestMessage('noMethod', request(connectedCall(), 'endCall'))).toBe(
                'End call failed: the phone system offers no endCall() method'
            );
        });

        it('reads a message from whatever was thrown, or says the error is unknown', () => {
            const hostile = {
                get message(): string {
                    throw new Error('no');
                }
            };

            expect(errorText(new TypeError('  x is not a function  '))).toBe('x is not a function');
            expect(errorText('Timeout')).toBe('Timeout');
            expect(errorText({ message: 'from an object' })).toBe('from an object');
            expect(errorText(503)).toBe('503');
            expect(errorText(false)).toBe('false');
            expect(errorText(new Error(''))).toBe('unknown error');
            expect(errorText({ message: 42 })).toBe('42');
            expect(errorText({ message: { nested: true } })).toBe('unknown error');
            expect(errorText(null)).toBe('unknown error');
            expect(errorText(undefined)).toBe('unknown error');
            expect(errorText(hostile)).toBe('unknown error');
            expect(errorText('x'.repeat(1000))).toHaveLength(300);
        });
    });
});
