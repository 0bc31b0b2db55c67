import VoiceCallTranscript from 'c/voiceCallTranscript';
import { logItems } from 'c/voiceCallState';
import type { Utterance } from 'c/voiceCallState';
import { callFrom, flush, mount, queryDeep, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import {
    SEED_CALL,
    SEED_CALL_UTTERANCES,
    SEED_EXAMPLES
} from '../../voiceCallEvents/__tests__/data/seedPayloads';

function seedUtterances(): readonly Utterance[] {
    return logItems(callFrom([SEED_CALL.answer, SEED_CALL.greeting, SEED_CALL.question]).transcript);
}

type TranscriptElement = HTMLElement & { utterances?: readonly Utterance[] };

async function mountTranscript(
    utterances: readonly Utterance[] = seedUtterances()
): Promise<TranscriptElement> {
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
        const [first] = queryDeep(element, '[data-id="time"]');
        expect(first.getAttribute('datetime')).toBe('2020-07-17T00:10:52.328Z');
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

        expect(queryDeep(element, '[data-id="text"]').map((node) => node.textContent)).toEqual([text]);
        expect(queryDeep(element, 'a')).toEqual([]);
    });

    it('is accessible with utterances of every speaker', async () => {
        const element = await mountTranscript();

        await expect(element).toBeAccessible();
    });

    it('shows the lines as the items of one list', async () => {
        const element = await mountTranscript();

        const list = queryDeep(element, '[role="list"]');
        expect(list).toHaveLength(1);
        expect(Array.from(list[0].children, (child) => child.getAttribute('role'))).toEqual([
            'listitem',
            'listitem',
            'listitem'
        ]);
    });

    describe('following the newest line', () => {
        /** jsdom does no layout: give the scroll area a size, and keep what is scrolled. */
        function fakeLayout(element: HTMLElement, contentHeight: () => number): HTMLElement {
            const [scroller] = queryDeep(element, '[data-id="scroller"]');
            if (!(scroller instanceof HTMLElement)) {
                throw new Error('no scroll area');
            }
            let top = 0;
            Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 100 });
            Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: contentHeight });
            Object.defineProperty(scroller, 'scrollTop', {
                configurable: true,
                get: () => top,
                set: (value: number) => {
                    top = Math.max(0, Math.min(value, contentHeight() - 100));
                }
            });
            return scroller;
        }

        const lineHeight = 40;
        const all = seedUtterances();
        const more = (count: number): Utterance[] =>
            Array.from({ length: count }, (_, index) => ({
                ...all[0],
                id: `more-${String(index)}`,
                text: `More ${String(index)}`,
                at: all[0].at + 60_000 + index
            }));

        it('scrolls to each new line while the agent is at the bottom', async () => {
            const element = await mountTranscript();
            let utterances: readonly Utterance[] = all;
            const scroller = fakeLayout(element, () => utterances.length * lineHeight);

            utterances = [...all, ...more(5)];
            element.utterances = utterances;
            await flush();

            expect(scroller.scrollTop).toBe(utterances.length * lineHeight - 100);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);
        });

        it('stays where the agent scrolled up to, counts the new lines, and jumps to the latest on request', async () => {
            const element = await mountTranscript([...all, ...more(10)]);
            let utterances: readonly Utterance[] = [...all, ...more(10)];
            const scroller = fakeLayout(element, () => utterances.length * lineHeight);
            const following: boolean[] = [];
            element.addEventListener('follow', (event) => {
                following.push((event as CustomEvent<{ following: boolean }>).detail.following);
            });

            scroller.scrollTop = 40;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            utterances = [...all, ...more(12)];
            element.utterances = utterances;
            await flush();

            expect(following).toEqual([false]);
            expect(scroller.scrollTop).toBe(40);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['2 new lines']);

            utterances = [...all, ...more(13)];
            element.utterances = utterances;
            await flush();
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['3 new lines']);
            await expect(element).toBeAccessible();

            queryDeep(element, '[data-id="jump-to-latest"]')[0].dispatchEvent(new MouseEvent('click'));
            await flush();
            expect(scroller.scrollTop).toBe(utterances.length * lineHeight - 100);
            expect(following).toEqual([false, true]);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);
        });

        it('follows again when the agent scrolls back to the bottom', async () => {
            const element = await mountTranscript([...all, ...more(10)]);
            const scroller = fakeLayout(element, () => 13 * lineHeight);
            const following: boolean[] = [];
            element.addEventListener('follow', (event) => {
                following.push((event as CustomEvent<{ following: boolean }>).detail.following);
            });

            scroller.scrollTop = 0;
            scroller.dispatchEvent(new CustomEvent('scroll'));
            scroller.scrollTop = 13 * lineHeight;
            scroller.dispatchEvent(new CustomEvent('scroll'));

            expect(following).toEqual([false, true]);
        });

        it('sizes its scroll area as asked', async () => {
            const element = mount('c-voice-call-transcript', VoiceCallTranscript, {
                utterances: all,
                height: 480
            });
            await flush();

            const [scroller] = queryDeep(element, '[data-id="scroller"]');
            expect(scroller.getAttribute('style')).toMatch(/height: ?480px/u);
        });
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

        it('says since when it shows lines, and offers them all', async () => {
            const element = await mountWindow({ totalCount: 1234 });
            const onShowAll = jest.fn();
            element.addEventListener('showall', onShowAll);

            // The time of the first line shown: it changes when old lines leave, not with each new line.
            expect(textsOf(element, '[data-id="window-label"]')).toEqual(['Showing lines since 12:10:52 AM']);
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
