import { applyEventToCall, participantKey } from '../simulatedCall';
import type { SimulatedCall, ToolkitEventName } from '../simulatorTypes';

const CALL_ID = 'call-1';
const CALLER = '+1 415 555 0134';

function fold(events: readonly [ToolkitEventName, Record<string, unknown>][]): SimulatedCall | undefined {
    return events.reduce<SimulatedCall | undefined>(
        (call, [type, detail]) => applyEventToCall(call, type, { callId: CALL_ID, ...detail }),
        undefined
    );
}

describe('the simulated call model', () => {
    it('starts a ringing call on callstarted and connects it on callconnected', () => {
        const ringing = fold([['callstarted', { callType: 'Outbound', participant: CALLER }]]);
        const connected = applyEventToCall(ringing, 'callconnected', { callId: CALL_ID });

        expect(ringing).toEqual({
            callId: CALL_ID,
            callType: 'outbound',
            participants: [{ name: CALLER, type: 'Initial_Caller', onHold: false }],
            connected: false,
            ended: false,
            muted: false,
            recordingPaused: false
        });
        expect(connected).toMatchObject({
            connected: true,
            callType: 'outbound',
            participants: ringing?.participants
        });
    });

    it('ignores a replayed start of a call that is over', () => {
        const ended = fold([
            ['callconnected', { participant: CALLER }],
            ['callended', {}]
        ]);

        expect(applyEventToCall(ended, 'callconnected', { callId: CALL_ID })).toBe(ended);
        expect(applyEventToCall(ended, 'callended', { callId: CALL_ID })).toBe(ended);
    });

    it('learns the caller from a later start event, and a held party it did not know', () => {
        const call = fold([
            ['callstarted', {}],
            ['callconnected', { participant: CALLER }],
            ['hold', { participant: 'Billing Escalations' }],
            ['hold', {}]
        ]);

        expect(call?.participants).toEqual([
            { name: CALLER, type: 'Initial_Caller', onHold: false },
            { name: 'Billing Escalations', type: 'Third_Party', onHold: true }
        ]);
    });

    it('makes the first held party of a call joined mid-call its initial caller', () => {
        const call = applyEventToCall(undefined, 'hold', { callId: CALL_ID, participant: CALLER });

        expect(call).toMatchObject({
            connected: true,
            participants: [{ name: CALLER, type: 'Initial_Caller', onHold: true }]
        });
    });

    it('keeps the first initial caller when a start event names another', () => {
        const call = fold([
            ['callconnected', { participant: CALLER }],
            ['callconnected', { participant: '+1 303 555 0112' }]
        ]);

        expect(call?.participants.map((party) => party.name)).toEqual([CALLER]);
    });

    it('changes nothing for a removal or an addition of a party it cannot name', () => {
        const call = fold([['callconnected', { participant: CALLER }]]);

        expect(applyEventToCall(call, 'participantremoved', { callId: CALL_ID, participant: 'nobody' })).toBe(
            call
        );
        expect(applyEventToCall(call, 'participantadded', { callId: CALL_ID, participant: '  ' })).toBe(call);
        expect(applyEventToCall(call, 'participantadded', { callId: CALL_ID, participant: CALLER })).toBe(
            call
        );
        expect(applyEventToCall(call, 'transcript', { callId: CALL_ID })).toBe(call);
    });

    it('does not start a call from callended or wrapupended of an unknown call', () => {
        expect(applyEventToCall(undefined, 'callended', { callId: CALL_ID })).toBeUndefined();
        expect(applyEventToCall(undefined, 'wrapupended', { callId: CALL_ID })).toBeUndefined();
        expect(applyEventToCall(undefined, 'mute', 'not an object')).toBeUndefined();
    });

    it('matches phone numbers whatever their punctuation, and names whatever their case', () => {
        expect(participantKey('+1 (415) 555-0134')).toBe(participantKey('+1 415 555 0134'));
        expect(participantKey(' Billing Escalations ')).toBe(participantKey('billing escalations'));
    });
});
