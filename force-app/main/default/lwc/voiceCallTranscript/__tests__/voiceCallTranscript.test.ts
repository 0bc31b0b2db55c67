import VoiceCallTranscript from 'c/voiceCallTranscript';
import { logItems } from 'c/voiceCallState';
import type { Utterance } from 'c/voiceCallState';
import { callFrom, flush, mount, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import {
    SEED_CALL,
    SEED_CALL_UTTERANCES,
    SEED_EXAMPLES
} from '../../voiceCallEvents/__tests__/data/seedPayloads';

function seedUtterances(): readonly Utterance[] {
    return logItems(callFrom([SEED_CALL.answer, SEED_CALL.greeting, SEED_CALL.question]).transcript);
}

async function mountTranscript(utterances: readonly Utterance[] = seedUtterances()): Promise<HTMLElement> {
    const element = mount('c-voice-call-transcript', VoiceCallTranscript, { utterances });
    await flush();
    return element;
}

describe('c-voice-call-transcript', () => {
    afterEach(resetDocument);

    it('says "No transcript yet" when there is no utterance', async () => {
        const element = await mountTranscript([]);

        expect(textsOf(element, '[data-id="empty"]')).toEqual(['No transcript yet']);
        expect(textsOf(element, '[data-id="utterance"]')).toEqual([]);
    });

    it('shows each utterance once, in time order, with its speaker', async () => {
        const element = await mountTranscript();

        expect(textsOf(element, '[data-id="text"]')).toEqual([...SEED_CALL_UTTERANCES]);
        expect(textsOf(element, '[data-id="speaker"]')).toEqual(['Agent', 'Customer', 'Agent']);
    });

    it("shows each utterance's server time, in the user's time zone", async () => {
        const element = await mountTranscript();

        // 1594944652328 ms is 2020-07-17 00:10:52 UTC; tests run in UTC.
        expect(textsOf(element, '[data-id="time"]')).toEqual(['12:10:52 AM', '12:10:56 AM', '12:11:01 AM']);
        const first = element.shadowRoot?.querySelector('[data-id="time"]');
        expect(first?.getAttribute('datetime')).toBe('2020-07-17T00:10:52.328Z');
    });

    it("shows the sender's display name where given, and a supervisor's role", async () => {
        const utterances = logItems(
            callFrom([
                {
                    type: 'transcript',
                    detail: {
                        ...SEED_EXAMPLES.transcript.detail,
                        content: { formatType: 'Text', text: 'Stepping in to help.' },
                        sender: { role: 'Supervisor', displayName: 'Samir Supervisor' }
                    }
                }
            ]).transcript
        );
        const element = await mountTranscript(utterances);

        expect(textsOf(element, '[data-id="speaker"]')).toEqual(['Supervisor']);
        expect(textsOf(element, '[data-id="display-name"]')).toEqual(['Samir Supervisor']);
    });

    it('renders HTML in an utterance as inert text, keeping its line breaks', async () => {
        const text = 'line one\n<a href="javascript:alert(1)">click</a>';
        const utterances = logItems(
            callFrom([
                {
                    type: 'transcript',
                    detail: { ...SEED_EXAMPLES.transcript.detail, content: { formatType: 'Text', text } }
                }
            ]).transcript
        );
        const element = await mountTranscript(utterances);

        expect(element.shadowRoot?.querySelector('[data-id="text"]')?.textContent).toBe(text);
        expect(element.shadowRoot?.querySelector('a')).toBeNull();
    });

    it('is accessible with utterances of every speaker', async () => {
        const element = await mountTranscript();

        await expect(element).toBeAccessible();
    });

    describe('a window of the latest lines', () => {
        async function mountWindow(props: Record<string, unknown>): Promise<HTMLElement> {
            const element = mount('c-voice-call-transcript', VoiceCallTranscript, {
                utterances: seedUtterances(),
                ...props
            });
            await flush();
            return element;
        }

        it('says how many of the lines it shows, and offers them all', async () => {
            const element = await mountWindow({ totalCount: 1234 });
            const onShowAll = jest.fn();
            element.addEventListener('showall', onShowAll);

            expect(textsOf(element, '[data-id="window-label"]')).toEqual([
                'Showing the latest 3 of 1,234 lines'
            ]);
            expect(textsOf(element, '[data-id="text"]')).toEqual([...SEED_CALL_UTTERANCES]);
            element.shadowRoot?.querySelector<HTMLButtonElement>('[data-id="show-all"]')?.click();
            expect(onShowAll).toHaveBeenCalledTimes(1);
            expect(textsOf(element, '[data-id="show-latest"]')).toEqual([]);
            await expect(element).toBeAccessible();
        });

        it('says nothing when every line is shown', async () => {
            const element = await mountWindow({ totalCount: 3 });

            expect(textsOf(element, '[data-id="window"]')).toEqual([]);
        });

        it('offers the latest lines only again once every line is shown', async () => {
            const element = await mountWindow({ totalCount: 3, showingAll: true });
            const onShowLatest = jest.fn();
            element.addEventListener('showlatest', onShowLatest);

            expect(textsOf(element, '[data-id="window-label"]')).toEqual([]);
            element.shadowRoot?.querySelector<HTMLButtonElement>('[data-id="show-latest"]')?.click();
            expect(onShowLatest).toHaveBeenCalledTimes(1);
        });
    });
});
