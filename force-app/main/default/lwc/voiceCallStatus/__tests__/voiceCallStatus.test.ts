import VoiceCallStatus, { DEFAULT_HOLD_TOO_LONG_SECONDS } from 'c/voiceCallStatus';
import type { VoiceCall } from 'c/voiceCallState';
import { callFrom, flush, mount, resetDocument, shadowOf, textsOf } from 'test-utils/voiceCallTestUtils';
import type { ComponentProperties, ToolkitPayload } from 'test-utils/voiceCallTestUtils';
import { SEED_CALL, SEED_CALL_ID, SEED_PARTICIPANT } from '../../voiceCallEvents/__tests__/data/seedPayloads';

const THIRD_PARTY = 'Billing Quick Connect';
const SECOND = 1_000;
/** When `callFrom` receives its first payload; each next one arrives a second later. */
const START = Date.UTC(2026, 0, 1, 9);
/** When `callFrom` received payload `index`. */
const receivedAt = (index: number): number => START + index * SECOND;

/** Mounts the panel with a call and the clock's time. */
async function mountTimed(
    call: VoiceCall,
    now: number | undefined,
    holdTooLongSeconds?: number
): Promise<HTMLElement & ComponentProperties<VoiceCallStatus>> {
    const element = mount('c-voice-call-status', VoiceCallStatus, { call, now });
    if (holdTooLongSeconds !== undefined) {
        element.holdTooLongSeconds = holdTooLongSeconds;
    }
    await flush();
    return element;
}

/** The `datetime` of the first `<time>` inside the element with this data-id. */
function durationAttribute(element: Element, dataId: string): string | null | undefined {
    const found = shadowOf(element).querySelector(`[data-id="${dataId}"]`);
    return (found?.matches('time') === true ? found : found?.querySelector('time'))?.getAttribute('datetime');
}

const hold = (participant: string): ToolkitPayload => ({
    type: 'hold',
    detail: { callId: SEED_CALL_ID, participant }
});
const resume = (participant: string): ToolkitPayload => ({
    type: 'resume',
    detail: { callId: SEED_CALL_ID, participant }
});

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
        const time = element.shadowRoot?.querySelector('[data-id="participant"] [data-id="hold-since"]');
        expect(time?.getAttribute('datetime')).toBe(new Date(Date.UTC(2026, 0, 1, 9, 0, 2)).toISOString());
        expect(rows[1]).toContain('since 9:00:02 AM');
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
    describe('accessible in each state', () => {
        const callId = SEED_CALL_ID;
        const CONNECTED: readonly ToolkitPayload[] = [SEED_CALL.callstarted, SEED_CALL.callconnected];
        const THIRD_PARTY_JOINS: ToolkitPayload = {
            type: 'participantadded',
            detail: { callId, participant: THIRD_PARTY }
        };

        it.each<[string, readonly ToolkitPayload[] | undefined, string, string]>([
            ['no call', undefined, 'No active call', 'status'],
            ['connecting', [SEED_CALL.callstarted], 'Connecting', 'call-duration'],
            ['connected with two parties', [...CONNECTED, THIRD_PARTY_JOINS], 'Connected', 'participant'],
            [
                'connected, one of two parties on hold',
                [...CONNECTED, THIRD_PARTY_JOINS, hold(THIRD_PARTY)],
                'Connected',
                'hold-time'
            ],
            [
                'muted with the recording paused',
                [
                    ...CONNECTED,
                    { type: 'mute', detail: { callId } },
                    { type: 'pauserecording', detail: { callId } }
                ],
                'Connected',
                'recording-paused-time'
            ],
            ['ended', [...CONNECTED, SEED_CALL.callended], 'Call ended', 'call-duration'],
            [
                'wrapped up',
                [...CONNECTED, SEED_CALL.callended, SEED_CALL.wrapupended],
                'Wrap-up complete',
                'call-duration'
            ]
        ])('is accessible: %s', async (_state, payloads, statusLabel, shownDataId) => {
            const call = payloads === undefined ? undefined : callFrom(payloads);
            const element = mount('c-voice-call-status', VoiceCallStatus, {
                call,
                now: receivedAt(payloads?.length ?? 0) + 30 * SECOND
            });
            await flush();

            expect(textsOf(element, '[data-id="status"]')).toEqual([statusLabel]);
            // What the state shows: its timer or marker, or each party.
            expect(textsOf(element, `[data-id="${shownDataId}"]`)).toHaveLength(
                shownDataId === 'participant' ? 2 : 1
            );
            await expect(element).toBeAccessible();
        });
    });

    describe('live timers', () => {
        const connected = (): VoiceCall => callFrom([SEED_CALL.callstarted, SEED_CALL.callconnected]);

        it('shows how long the call has lasted since it connected: "Call 1:05"', async () => {
            const element = await mountTimed(connected(), receivedAt(1) + 65 * SECOND);

            expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Call 1:05']);
            expect(durationAttribute(element, 'call-duration')).toBe('PT1M5S');
        });

        it('counts from the start while the call is connecting', async () => {
            const element = await mountTimed(callFrom([SEED_CALL.callstarted]), receivedAt(0) + 5 * SECOND);

            expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Call 0:05']);
        });

        it('follows the time it is given, second by second', async () => {
            const element = await mountTimed(connected(), receivedAt(1));
            expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Call 0:00']);

            element.now = receivedAt(1) + 12 * 60 * SECOND;
            await flush();
            expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Call 12:00']);

            element.now = receivedAt(1) + (3_600 + 123) * SECOND;
            await flush();
            expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Call 1:02:03']);
        });

        it('stops the call duration at the end of the call, whatever the time now', async () => {
            const call = callFrom([SEED_CALL.callstarted, SEED_CALL.callconnected, SEED_CALL.callended]);

            for (const now of [receivedAt(2), receivedAt(2) + 3_600 * SECOND, undefined]) {
                const element = await mountTimed(call, now);
                expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Call 0:01']);
                resetDocument();
            }
        });

        it('shows no running timer before it is given the time', async () => {
            const element = await mountTimed(
                callFrom([SEED_CALL.callstarted, SEED_CALL.callconnected, hold(SEED_PARTICIPANT)]),
                undefined
            );

            expect(textsOf(element, '[data-id="call-duration"]')).toEqual([]);
            expect(textsOf(element, '[data-id="hold-time"]')).toEqual([]);
            expect(textsOf(element, '[data-id="on-hold"]')).toEqual(['On hold']);
        });

        it("shows each held party's current hold time, and the total once a hold has ended", async () => {
            // The caller: held 1 s, then held again; the third party: never held.
            const call = callFrom([
                SEED_CALL.callstarted,
                { type: 'participantadded', detail: { callId: SEED_CALL_ID, participant: THIRD_PARTY } },
                hold(SEED_PARTICIPANT),
                resume(SEED_PARTICIPANT),
                hold(SEED_PARTICIPANT)
            ]);
            const element = await mountTimed(call, receivedAt(4) + 42 * SECOND);

            expect(textsOf(element, '[data-id="hold-time"]')).toEqual(['0:42']);
            expect(durationAttribute(element, 'hold-time')).toBe('PT42S');
            expect(textsOf(element, '[data-id="hold-total"]')).toEqual(['Hold total 0:43']);
            expect(durationAttribute(element, 'hold-total')).toBe('PT43S');
            const rows = shadowOf(element).querySelectorAll('[data-id="participant"]');
            expect(rows[1].querySelector('[data-id="hold-time"], [data-id="hold-total"]')).toBeNull();
        });

        it('shows the total hold time of a party no longer on hold, and no hold time', async () => {
            const call = callFrom([SEED_CALL.callstarted, hold(SEED_PARTICIPANT), resume(SEED_PARTICIPANT)]);
            const element = await mountTimed(call, receivedAt(2) + 60 * SECOND);

            expect(textsOf(element, '[data-id="hold-time"]')).toEqual([]);
            expect(textsOf(element, '[data-id="hold-total"]')).toEqual(['Hold total 0:01']);
        });

        it(`marks a party on hold ${String(DEFAULT_HOLD_TOO_LONG_SECONDS)} s or more "On hold too long", in words and a warning style`, async () => {
            const call = callFrom([SEED_CALL.callstarted, hold(SEED_PARTICIPANT)]);
            const heldAt = receivedAt(1);
            const element = await mountTimed(call, heldAt + DEFAULT_HOLD_TOO_LONG_SECONDS * SECOND - 1);
            expect(DEFAULT_HOLD_TOO_LONG_SECONDS).toBe(120);
            expect(textsOf(element, '[data-id="hold-time"]')).toEqual(['1:59']);
            expect(textsOf(element, '[data-id="hold-too-long"]')).toEqual([]);

            element.now = heldAt + DEFAULT_HOLD_TOO_LONG_SECONDS * SECOND;
            await flush();

            expect(textsOf(element, '[data-id="hold-time"]')).toEqual(['2:00']);
            expect(textsOf(element, '[data-id="hold-too-long"]')).toEqual(['On hold too long']);
            const marker = shadowOf(element).querySelector(
                '[data-id="participant"] [data-id="hold-too-long"]'
            );
            expect(marker?.classList.contains('slds-theme_warning')).toBe(true);
        });

        it('takes the too-long threshold it is given, and the default for one that is not a positive number', async () => {
            const call = callFrom([SEED_CALL.callstarted, hold(SEED_PARTICIPANT)]);
            const after45s = receivedAt(1) + 45 * SECOND;

            const custom = await mountTimed(call, after45s, 30);
            expect(textsOf(custom, '[data-id="hold-too-long"]')).toEqual(['On hold too long']);
            resetDocument();

            for (const bad of [0, -30, Number.NaN, Number.POSITIVE_INFINITY]) {
                const element = await mountTimed(call, after45s, bad);
                expect(textsOf(element, '[data-id="hold-too-long"]')).toEqual([]);
                element.now = receivedAt(1) + DEFAULT_HOLD_TOO_LONG_SECONDS * SECOND;
                await flush();
                expect(textsOf(element, '[data-id="hold-too-long"]')).toEqual(['On hold too long']);
                resetDocument();
            }
        });

        it('shows how long the recording has been paused, only while it is', async () => {
            const pause: ToolkitPayload = { type: 'pauserecording', detail: { callId: SEED_CALL_ID } };
            const paused = await mountTimed(
                callFrom([SEED_CALL.callstarted, SEED_CALL.callconnected, pause]),
                receivedAt(2) + 95 * SECOND
            );
            expect(textsOf(paused, '[data-id="recording-paused-time"]')).toEqual(['1:35']);
            expect(durationAttribute(paused, 'recording-paused-time')).toBe('PT1M35S');
            expect(textsOf(paused, '[data-id="recording-paused"]')).toEqual(['Recording paused']);

            const resumed = await mountTimed(
                callFrom([
                    SEED_CALL.callstarted,
                    pause,
                    { type: 'resumerecording', detail: { callId: SEED_CALL_ID } }
                ]),
                receivedAt(2) + 95 * SECOND
            );
            expect(textsOf(resumed, '[data-id="recording-paused-time"]')).toEqual([]);
        });

        it('is accessible with every timer and the too-long marker shown', async () => {
            const element = await mountTimed(
                callFrom([
                    SEED_CALL.callstarted,
                    SEED_CALL.callconnected,
                    hold(SEED_PARTICIPANT),
                    resume(SEED_PARTICIPANT),
                    hold(SEED_PARTICIPANT),
                    { type: 'pauserecording', detail: { callId: SEED_CALL_ID } }
                ]),
                receivedAt(5) + 300 * SECOND
            );

            expect(textsOf(element, '[data-id="hold-too-long"]')).toEqual(['On hold too long']);
            await expect(element).toBeAccessible();
        });
    });
});
