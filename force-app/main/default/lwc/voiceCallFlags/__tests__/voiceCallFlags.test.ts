import VoiceCallFlags from 'c/voiceCallFlags';
import type { Flag } from 'c/voiceCallState';
import { callFrom, flush, mount, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import type { ComponentProperties, ToolkitPayload } from 'test-utils/voiceCallTestUtils';
import { SEED_CALL, SEED_CALL_ID } from '../../voiceCallEvents/__tests__/data/seedPayloads';

function flagsAfter(payloads: readonly ToolkitPayload[]): readonly Flag[] {
    return callFrom(payloads).flags;
}

async function mountFlags(
    flags: readonly Flag[],
    now?: number
): Promise<HTMLElement & ComponentProperties<VoiceCallFlags>> {
    const element = mount('c-voice-call-flags', VoiceCallFlags, { flags, now });
    await flush();
    return element;
}

describe('c-voice-call-flags', () => {
    afterEach(resetDocument);

    it('says "No flags raised" when there is none', async () => {
        const element = await mountFlags([]);

        expect(textsOf(element, '[data-id="empty"]')).toEqual(['No flags raised']);
    });

    it('shows a raised flag with its text, who raised it and when', async () => {
        const element = await mountFlags(flagsAfter([SEED_CALL.flagraise]));

        expect(textsOf(element, '[data-id="flag-state"]')).toEqual(['Help requested']);
        expect(textsOf(element, '[data-id="flag-text"]')).toEqual(['The customer wants a credit note.']);
        expect(textsOf(element, '[data-id="raised-by"]')).toEqual(['Raised by Angela Agent']);
        expect(textsOf(element, '[data-id="raised-at"]')).toEqual(['12:10:52 AM']);
        expect(textsOf(element, '[data-id="lowered-by"]')).toEqual([]);
    });

    it('shows "Lowered by <name>" and when, once lowered', async () => {
        const element = await mountFlags(flagsAfter([SEED_CALL.flagraise, SEED_CALL.flaglower]));

        expect(textsOf(element, '[data-id="flag-state"]')).toEqual(['Lowered']);
        expect(textsOf(element, '[data-id="lowered-by"]')).toEqual(['Lowered by Samir Supervisor']);
        expect(textsOf(element, '[data-id="lowered-at"]')).toEqual(['12:11:52 AM']);
    });

    it('names the role when the sender has no display name', async () => {
        const element = await mountFlags(
            flagsAfter([
                SEED_CALL.flagraise,
                {
                    type: 'flaglower',
                    detail: { callId: SEED_CALL_ID, sender: { role: 'Supervisor' }, content: { text: null } }
                }
            ])
        );

        expect(textsOf(element, '[data-id="lowered-by"]')).toEqual(['Lowered by Supervisor']);
    });

    it('keeps each flag of the call, the first lowered and the second open', async () => {
        const second = {
            type: 'flagraise',
            detail: {
                ...SEED_CALL.flagraise.detail,
                id: 'flag-2',
                serverReceivedTimestamp: SEED_CALL.flaglower.detail.serverReceivedTimestamp + 1000,
                content: { formatType: 'Text', text: 'Customer asks for a manager.' }
            }
        };
        const element = await mountFlags(flagsAfter([SEED_CALL.flagraise, SEED_CALL.flaglower, second]));

        expect(textsOf(element, '[data-id="flag-text"]')).toEqual([
            'The customer wants a credit note.',
            'Customer asks for a manager.'
        ]);
        expect(textsOf(element, '[data-id="flag-state"]')).toEqual(['Lowered', 'Help requested']);
    });

    it("renders HTML in a flag's text and in the names of who raised and lowered it as inert text", async () => {
        const text = '<img src=x onerror="window.__pwned = true">Help<script>window.__pwned = true</script>';
        const raiser = '<b onmouseover="window.__pwned = true">Angela</b>';
        const lowerer = '<a href="javascript:window.__pwned = true">Samir</a>';
        const element = await mountFlags(
            flagsAfter([
                {
                    type: 'flagraise',
                    detail: {
                        ...SEED_CALL.flagraise.detail,
                        content: { formatType: 'Text', text },
                        sender: { role: 'Agent', displayName: raiser }
                    }
                },
                {
                    type: 'flaglower',
                    detail: {
                        ...SEED_CALL.flaglower.detail,
                        sender: { role: 'Supervisor', displayName: lowerer }
                    }
                }
            ])
        );

        expect(textsOf(element, '[data-id="flag-text"]')).toEqual([text]);
        expect(textsOf(element, '[data-id="raised-by"]')).toEqual([`Raised by ${raiser}`]);
        expect(textsOf(element, '[data-id="lowered-by"]')).toEqual([`Lowered by ${lowerer}`]);
        expect(element.shadowRoot?.querySelector('img, script, b, a')).toBeNull();
        expect('__pwned' in window).toBe(false);
    });

    describe('waiting time', () => {
        const SECOND = 1_000;
        const second = {
            type: 'flagraise',
            detail: {
                ...SEED_CALL.flagraise.detail,
                id: 'flag-2',
                serverReceivedTimestamp: SEED_CALL.flaglower.detail.serverReceivedTimestamp + 10 * SECOND
            }
        };

        it('shows how long an open flag has waited for help, as the time goes by', async () => {
            const [flag] = flagsAfter([SEED_CALL.flagraise]);
            const element = await mountFlags([flag], flag.at + 65 * SECOND);

            expect(textsOf(element, '[data-id="flag-wait"]')).toEqual(['Waiting for help 1:05']);
            expect(
                element.shadowRoot?.querySelector('[data-id="flag-wait"] time')?.getAttribute('datetime')
            ).toBe('PT1M5S');

            element.now = flag.at + (3_600 + 2 * 60 + 3) * SECOND;
            await flush();
            expect(textsOf(element, '[data-id="flag-wait"]')).toEqual(['Waiting for help 1:02:03']);
        });

        it('shows how long a lowered flag waited, whatever the time now', async () => {
            // The seed's flag is lowered a minute after it was raised.
            const flags = flagsAfter([SEED_CALL.flagraise, SEED_CALL.flaglower, second]);
            const element = await mountFlags(flags, flags[1].at + 30 * SECOND);

            expect(textsOf(element, '[data-id="flag-wait"]')).toEqual([
                'Waited 1:00',
                'Waiting for help 0:30'
            ]);

            element.now = flags[1].at + 3_600 * SECOND;
            await flush();
            expect(textsOf(element, '[data-id="flag-wait"]')).toEqual([
                'Waited 1:00',
                'Waiting for help 1:00:00'
            ]);
        });

        it('shows no wait for an open flag before it is given the time, and never a negative one', async () => {
            const flags = flagsAfter([SEED_CALL.flagraise, SEED_CALL.flaglower, second]);
            const element = await mountFlags(flags);
            expect(textsOf(element, '[data-id="flag-wait"]')).toEqual(['Waited 1:00']);

            element.now = flags[1].at - 5 * SECOND;
            await flush();
            expect(textsOf(element, '[data-id="flag-wait"]')).toEqual([
                'Waited 1:00',
                'Waiting for help 0:00'
            ]);
        });
    });

    it('is accessible with no flag', async () => {
        const element = await mountFlags([]);

        expect(textsOf(element, '[data-id="empty"]')).toEqual(['No flags raised']);
        await expect(element).toBeAccessible();
    });

    it('is accessible with an open flag, before the time is known', async () => {
        const element = await mountFlags(flagsAfter([SEED_CALL.flagraise]));

        expect(textsOf(element, '[data-id="flag-state"]')).toEqual(['Help requested']);
        expect(textsOf(element, '[data-id="flag-wait"]')).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('is accessible with a flag waiting for help', async () => {
        const [flag] = flagsAfter([SEED_CALL.flagraise]);
        const element = await mountFlags([flag], flag.at + 95_000);

        expect(textsOf(element, '[data-id="flag-wait"]')).toEqual(['Waiting for help 1:35']);
        await expect(element).toBeAccessible();
    });

    it('is accessible with a lowered flag', async () => {
        const element = await mountFlags(
            flagsAfter([SEED_CALL.flagraise, SEED_CALL.flaglower]),
            SEED_CALL.flaglower.detail.serverReceivedTimestamp
        );

        expect(textsOf(element, '[data-id="flag-state"]')).toEqual(['Lowered']);
        expect(textsOf(element, '[data-id="flag-wait"]')).toEqual(['Waited 1:00']);
        await expect(element).toBeAccessible();
    });
});
