import VoiceCallStatus from 'c/voiceCallStatus';
import { callFrom, flush, mount, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import { SEED_CALL, SEED_CALL_ID, SEED_PARTICIPANT } from '../../voiceCallEvents/__tests__/data/seedPayloads';

const THIRD_PARTY = 'Billing Quick Connect';

async function mountStatus(call = callFrom([SEED_CALL.callstarted])): Promise<HTMLElement> {
    const element = mount('c-voice-call-status', VoiceCallStatus, { call });
    await flush();
    return element;
}

describe('c-voice-call-status', () => {
    afterEach(resetDocument);

    it('says "No active call" without a call, and nothing else', async () => {
        const element = mount('c-voice-call-status', VoiceCallStatus);
        await flush();

        expect(textsOf(element, '[data-id="status"]')).toEqual(['No active call']);
        expect(textsOf(element, '[data-id="direction"]')).toEqual([]);
        expect(textsOf(element, '[data-id="participant"]')).toEqual([]);
    });

    it.each([
        [[SEED_CALL.callstarted], 'Connecting'],
        [[SEED_CALL.callstarted, SEED_CALL.callconnected], 'Connected'],
        [[SEED_CALL.callstarted, SEED_CALL.callended], 'Call ended'],
        [[SEED_CALL.callstarted, SEED_CALL.callended, SEED_CALL.wrapupended], 'Wrap-up complete']
    ])('shows the status of the call (%#: %s)', async (payloads, label) => {
        const element = await mountStatus(callFrom(payloads));

        expect(textsOf(element, '[data-id="status"]')).toEqual([label]);
    });

    it('shows the direction and the caller with its role', async () => {
        const element = await mountStatus();

        expect(textsOf(element, '[data-id="direction"]')).toEqual(['Outbound call']);
        expect(textsOf(element, '[data-id="participant-name"]')).toEqual([SEED_PARTICIPANT]);
        expect(textsOf(element, '[data-id="participant"]')[0]).toContain('Caller');
        expect(textsOf(element, '[data-id="joined-mid-call"]')).toEqual([]);
    });

    it('marks only the held participant "On hold", with the time it was put on hold', async () => {
        const call = callFrom([
            SEED_CALL.callstarted,
            { type: 'participantadded', detail: { callId: SEED_CALL_ID, participant: THIRD_PARTY } },
            { type: 'hold', detail: { callId: SEED_CALL_ID, participant: THIRD_PARTY } }
        ]);
        const element = await mountStatus(call);

        const rows = textsOf(element, '[data-id="participant"]');
        expect(rows).toHaveLength(2);
        expect(rows[0]).not.toContain('On hold');
        expect(rows[1]).toContain(THIRD_PARTY);
        expect(rows[1]).toContain('Third party');
        expect(rows[1]).toContain('On hold');
        const time = element.shadowRoot?.querySelector('[data-id="participant"] time');
        expect(time?.getAttribute('datetime')).toBe(new Date(Date.UTC(2026, 0, 1, 9, 0, 2)).toISOString());
    });

    it('shows Muted, Recording paused and Conference only while they hold', async () => {
        const callId = SEED_CALL_ID;
        const busy = await mountStatus(
            callFrom([
                SEED_CALL.callstarted,
                { type: 'participantadded', detail: { callId, participant: THIRD_PARTY } },
                { type: 'conference', detail: { callId } },
                { type: 'mute', detail: { callId } },
                { type: 'pauserecording', detail: { callId } }
            ])
        );
        expect(textsOf(busy, '[data-id="call-flags"] .slds-badge')).toEqual([
            'Muted',
            'Recording paused',
            'Conference'
        ]);

        const quiet = await mountStatus(
            callFrom([
                SEED_CALL.callstarted,
                { type: 'mute', detail: { callId } },
                { type: 'unmute', detail: { callId } },
                { type: 'pauserecording', detail: { callId } },
                { type: 'resumerecording', detail: { callId } }
            ])
        );
        expect(textsOf(quiet, '[data-id="call-flags"] .slds-badge')).toEqual([]);
    });

    it('says when the console joined a call already under way', async () => {
        const element = await mountStatus(callFrom([SEED_CALL.greeting]));

        expect(textsOf(element, '[data-id="status"]')).toEqual(['Connected']);
        expect(textsOf(element, '[data-id="joined-mid-call"]')).toEqual(['Joined during the call']);
        expect(textsOf(element, '[data-id="direction"]')).toEqual(['Direction unknown']);
    });

    it('renders a participant name containing HTML as text', async () => {
        const name = '<b onmouseover="alert(1)">Eve</b>';
        const element = await mountStatus(
            callFrom([
                { type: 'callconnected', detail: { callId: 'c1', callType: 'inbound', participant: name } }
            ])
        );

        expect(textsOf(element, '[data-id="participant-name"]')).toEqual([name]);
        expect(element.shadowRoot?.querySelector('b')).toBeNull();
    });

    it('says a call was restored after a reload, and the time of the copy it came from', async () => {
        const savedAt = Date.UTC(2026, 0, 1, 10, 42, 7);
        const element = await mountStatus({ ...callFrom([SEED_CALL.callstarted]), restoredAt: savedAt });

        expect(textsOf(element, '[data-id="restored"]')).toEqual(['Restored from 10:42:07 AM']);
        const time = element.shadowRoot?.querySelector('[data-id="restored"] time');
        expect(time?.getAttribute('datetime')).toBe('2026-01-01T10:42:07.000Z');
    });

    it('says nothing about restoring a call seen only live', async () => {
        const element = await mountStatus();

        expect(textsOf(element, '[data-id="restored"]')).toEqual([]);
    });

    it('is accessible with a restored call', async () => {
        const element = await mountStatus({
            ...callFrom([SEED_CALL.callstarted, SEED_CALL.callconnected]),
            restoredAt: Date.UTC(2026, 0, 1, 10, 42, 7)
        });

        await expect(element).toBeAccessible();
    });

    it('is accessible with participants on hold and every badge shown', async () => {
        const callId = SEED_CALL_ID;
        const element = await mountStatus(
            callFrom([
                SEED_CALL.callstarted,
                { type: 'participantadded', detail: { callId, participant: THIRD_PARTY } },
                { type: 'hold', detail: { callId, participant: SEED_PARTICIPANT } },
                { type: 'mute', detail: { callId } },
                { type: 'pauserecording', detail: { callId } }
            ])
        );

        await expect(element).toBeAccessible();
    });
});
