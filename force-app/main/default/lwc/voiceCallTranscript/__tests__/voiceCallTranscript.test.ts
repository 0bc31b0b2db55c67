import VoiceCallTranscript from 'c/voiceCallTranscript';
import { logFromOrderedItems, logItems } from 'c/voiceCallState';
import type { OrderedLog, Utterance } from 'c/voiceCallState';
import type { SenderRole } from 'c/voiceCallEvents';
import type { TimelineEntry } from 'c/voiceCallTranscriptView';
import { callFrom, flush, mount, queryDeep, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import {
    SEED_CALL,
    SEED_CALL_UTTERANCES,
    SEED_EXAMPLES
} from '../../voiceCallEvents/__tests__/data/seedPayloads';

function seedUtterances(): readonly Utterance[] {
    return logItems(callFrom([SEED_CALL.answer, SEED_CALL.greeting, SEED_CALL.question]).transcript);
}

function logOf(utterances: readonly Utterance[]): OrderedLog<Utterance> {
    return logFromOrderedItems(utterances, (utterance) => utterance.id);
}

type TranscriptElement = HTMLElement & {
    log?: OrderedLog<Utterance>;
    timeline?: readonly TimelineEntry[];
    callId?: string;
    callStartedAt?: number;
    height?: number;
};

async function mountTranscript(
    utterances: readonly Utterance[] = seedUtterances(),
    props: Omit<TranscriptElement, keyof HTMLElement> = {}
): Promise<TranscriptElement> {
    const element: TranscriptElement = mount('c-voice-call-transcript', VoiceCallTranscript, {
        log: logOf(utterances),
        ...props
    });
    await flush();
    return element;
}

const T0 = Date.UTC(2026, 0, 1, 9);
const ROLES: readonly SenderRole[] = ['Agent', 'Customer'];

/** Lines "Line 0" ... of alternating Agent and Customer, one second apart from T0. */
function lines(
    from: number,
    to: number,
    text = (index: number): string => `Line ${String(index)}`
): Utterance[] {
    return Array.from({ length: to - from }, (_, offset) => {
        const index = from + offset;
        return {
            id: `u${String(index)}`,
            text: text(index),
            sender: { role: ROLES[index % 2], rawRole: ROLES[index % 2], displayName: undefined },
            at: T0 + index * 1000,
            seq: index,
            serverReceivedTimestamp: T0 + index * 1000,
            clientSentTimestamp: undefined
        };
    });
}

const textsOfLines = (from: number, to: number): string[] => lines(from, to).map((line) => line.text);

async function setLines(element: TranscriptElement, utterances: readonly Utterance[]): Promise<void> {
    element.log = logOf(utterances);
    await flush();
}

function button(element: Element, dataId: string): HTMLButtonElement {
    const [found] = queryDeep(element, `[data-id="${dataId}"]`);
    if (!(found instanceof HTMLButtonElement)) {
        throw new Error(`no ${dataId} button`);
    }
    return found;
}

async function click(element: Element, dataId: string): Promise<void> {
    button(element, dataId).click();
    await flush();
}

async function search(element: Element, query: string): Promise<void> {
    const [input] = queryDeep(element, '[data-id="search"]');
    if (!(input instanceof HTMLInputElement)) {
        throw new Error('no search box');
    }
    input.value = query;
    input.dispatchEvent(new CustomEvent('input'));
    await flush();
}

async function filter(element: Element, speaker: string): Promise<void> {
    const [select] = queryDeep(element, '[data-id="speaker-filter"]');
    if (!(select instanceof HTMLSelectElement)) {
        throw new Error('no speaker filter');
    }
    select.value = speaker;
    select.dispatchEvent(new CustomEvent('change'));
    await flush();
}

describe('c-voice-call-transcript', () => {
    afterEach(resetDocument);

    it('says "No transcript yet" when there is no utterance', async () => {
        const element = await mountTranscript([]);

        expect(textsOf(element, '[data-id="empty"]')).toEqual(['No transcript yet']);
        expect(textsOf(element, '[data-id="utterance"]')).toEqual([]);
    });

    it('is accessible with no utterance yet', async () => {
        const element = await mountTranscript([]);

        expect(textsOf(element, '[data-id="empty"]')).toEqual(['No transcript yet']);
        await expect(element).toBeAccessible();
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
        expect(queryDeep(element, '[data-id="text"] a')).toEqual([]);
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
        const lineHeight = 40;

        /** How many times the scroll area was scrolled (counted by fakeLayout). */
        let scrolls = 0;
        /** Animation frames requested and not run: they run when the test says (`nextFrame`), not on jsdom's timer. */
        const frames = new Map<number, FrameRequestCallback>();
        let lastFrame = 0;
        let spies: jest.SpyInstance[] = [];
        beforeEach(() => {
            scrolls = 0;
            frames.clear();
            spies = [
                jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
                    lastFrame += 1;
                    frames.set(lastFrame, callback);
                    return lastFrame;
                }),
                jest.spyOn(window, 'cancelAnimationFrame').mockImplementation((handle) => {
                    frames.delete(handle);
                })
            ];
        });
        afterEach(() => {
            for (const spy of spies) {
                spy.mockRestore();
            }
        });

        /** Runs the frames requested so far, then lets LWC render. */
        async function nextFrame(): Promise<void> {
            const due = [...frames.values()];
            frames.clear();
            for (const callback of due) {
                callback(performance.now());
            }
            await flush();
        }

        /** jsdom does no layout: give the scroll area a size, and keep what is scrolled. */
        function fakeLayout(element: HTMLElement): HTMLElement {
            const [scroller] = queryDeep(element, '[data-id="scroller"]');
            if (!(scroller instanceof HTMLElement)) {
                throw new Error('no scroll area');
            }
            const contentHeight = (): number =>
                queryDeep(element, '[data-id="utterance"]').length * lineHeight;
            let top = 0;
            Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 100 });
            Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: contentHeight });
            Object.defineProperty(scroller, 'scrollTop', {
                configurable: true,
                get: () => top,
                set: (value: number) => {
                    scrolls += 1;
                    top = Math.max(0, Math.min(value, contentHeight() - 100));
                }
            });
            return scroller;
        }

        function scrollTo(scroller: HTMLElement, top: number): void {
            scroller.scrollTop = top;
            scroller.dispatchEvent(new CustomEvent('scroll'));
        }

        /** A scroll event the browser fires before the next frame (`top` where it finds the area), then the frame. */
        async function scrollBeforeFrame(scroller: HTMLElement, top: number): Promise<void> {
            scrollTo(scroller, top);
            await flush();
            await nextFrame();
        }

        it('follows the newest line at the next frame, once for all the lines that arrived before it, while the agent is at the bottom', async () => {
            const element = await mountTranscript(lines(0, 3));
            const scroller = fakeLayout(element);
            await nextFrame();
            scrolls = 0;

            element.log = logOf(lines(0, 6));
            await flush();
            await setLines(element, lines(0, 8));
            // The lines are in the list at once; the scroll waits for the frame (before the browser paints).
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(0, 8));
            expect(scrolls).toBe(0);

            await nextFrame();
            expect(scroller.scrollTop).toBe(8 * lineHeight - 100);
            expect(scrolls).toBe(1);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);
        });

        it('follows at once when old lines leave from above, and keeps following through the scroll that causes', async () => {
            const element = await mountTranscript(lines(0, 100));
            const scroller = fakeLayout(element);
            scrollTo(scroller, 100 * lineHeight - 100);

            // A block of 60 old lines leaves: what is in view moves, so the newest line is followed without a frame.
            await setLines(element, lines(0, 130));
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(60, 130));
            expect(scroller.scrollTop).toBe(70 * lineHeight - 100);

            // The next line waits for its frame; the browser's scroll event for the jump above arrives first.
            await setLines(element, lines(0, 131));
            await scrollBeforeFrame(scroller, scroller.scrollTop);

            expect(scroller.scrollTop).toBe(71 * lineHeight - 100);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);
        });

        it('stops following when the agent scrolls up before the frame, and counts the lines it had not shown', async () => {
            const element = await mountTranscript(lines(0, 13));
            const scroller = fakeLayout(element);
            scrollTo(scroller, 13 * lineHeight - 100);

            await setLines(element, lines(0, 15));
            await scrollBeforeFrame(scroller, 40);

            expect(scroller.scrollTop).toBe(40);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['2 new lines']);
            await setLines(element, lines(0, 16));
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['3 new lines']);
        });

        it('counts no new line around a match, where new lines are not shown, when the agent scrolls up before the frame', async () => {
            const text = (index: number): string => (index === 5 ? 'Refund please' : `Line ${String(index)}`);
            const element = await mountTranscript(lines(0, 200, text));
            const scroller = fakeLayout(element);
            await search(element, 'refund');
            expect(textsOf(element, '[data-id="around-label"]')).toEqual(['Showing lines around the match']);

            // The agent reads down to the end of the lines around the match, a line arrives, the agent scrolls up.
            scrollTo(scroller, scroller.scrollHeight - 100);
            await setLines(element, lines(0, 201, text));
            await scrollBeforeFrame(scroller, 0);

            expect(scroller.scrollTop).toBe(0);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);
        });

        it('counts the lines of a new speaker filter as seen when the agent scrolls up before the frame', async () => {
            const element = await mountTranscript(lines(0, 13));
            await filter(element, 'Agent');
            const scroller = fakeLayout(element);
            scrollTo(scroller, 7 * lineHeight - 100);
            await setLines(element, lines(0, 14));

            // Every speaker again: the first line is the same, so the new lines wait for the frame.
            await filter(element, 'all');
            await scrollBeforeFrame(scroller, 0);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);

            await setLines(element, lines(0, 16));
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['2 new lines']);
        });

        it('does not scroll once removed from the page', async () => {
            const element = await mountTranscript(lines(0, 3));
            fakeLayout(element);
            await nextFrame();
            await setLines(element, lines(0, 8));
            scrolls = 0;

            element.remove();
            await nextFrame();

            expect(scrolls).toBe(0);
        });

        it('stays where the agent scrolled up to, counts the new lines, and jumps to the latest on request', async () => {
            const element = await mountTranscript(lines(0, 13));
            const scroller = fakeLayout(element);

            scrollTo(scroller, 40);
            await setLines(element, lines(0, 15));

            expect(scroller.scrollTop).toBe(40);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['2 new lines']);
            await setLines(element, lines(0, 16));
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual(['3 new lines']);
            await expect(element).toBeAccessible();

            await click(element, 'jump-to-latest');
            expect(scroller.scrollTop).toBe(16 * lineHeight - 100);
            expect(textsOf(element, '[data-id="jump-to-latest"]')).toEqual([]);
            await setLines(element, lines(0, 17));
            await nextFrame();
            expect(scroller.scrollTop).toBe(17 * lineHeight - 100);
        });

        it('keeps old lines in place while the agent reads them, and lets them go once the agent follows again', async () => {
            const element = await mountTranscript(lines(0, 100));
            const scroller = fakeLayout(element);

            scrollTo(scroller, 0);
            await setLines(element, lines(0, 200));
            // Scrolled up: nothing leaves from above the agent's reading position.
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(0, 200));

            scrollTo(scroller, 200 * lineHeight);
            await flush();
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(120, 200));
        });

        it('sizes its scroll area as asked', async () => {
            const element = await mountTranscript(lines(0, 3), { height: 480 });

            const [scroller] = queryDeep(element, '[data-id="scroller"]');
            expect(scroller.getAttribute('style')).toMatch(/height: ?480px/u);
        });
    });

    describe('a window of the latest lines', () => {
        // sa11y over the 60 lines shown takes a few seconds on a busy machine.
        it('is accessible showing the latest lines and since when', async () => {
            const element = await mountTranscript(lines(0, 120));

            expect(textsOf(element, '[data-id="window-label"]')).toEqual(['Showing lines since 9:01:00 AM']);
            await expect(element).toBeAccessible();
        }, 30_000);

        it('shows the latest lines, dropping old ones in blocks, and every line on request', async () => {
            const element = await mountTranscript(lines(0, 119));
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(0, 119));
            expect(textsOf(element, '[data-id="window"]')).toEqual([]);

            // The 120th line drops the oldest 60 at once, and the kept lines stay where they are: none is moved (a
            // moved line is removed and inserted again) or built again.
            const [list] = queryDeep(element, '[data-id="transcript"]');
            const removed: Node[] = [];
            const observer = new MutationObserver((records) => {
                for (const record of records) {
                    removed.push(...Array.from(record.removedNodes));
                }
            });
            observer.observe(list, { childList: true });
            const kept = queryDeep(element, '[data-id="utterance"]').slice(60);
            await setLines(element, lines(0, 120));
            observer.disconnect();
            expect(removed).toHaveLength(60);
            expect(removed.filter((node) => kept.includes(node as Element))).toEqual([]);
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(60, 120));

            await setLines(element, lines(0, 130));
            // The latest 70 stay.
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(60, 130));
            // The time of the first line shown: it changes when old lines leave, not with each new line.
            expect(textsOf(element, '[data-id="window-label"]')).toEqual(['Showing lines since 9:01:00 AM']);
            const rowsBefore = queryDeep(element, '[data-id="utterance"]');
            await setLines(element, lines(0, 131));
            const rowsAfter = queryDeep(element, '[data-id="utterance"]');
            // Lines are keyed by utterance: a new line adds one and keeps the others as they are.
            expect(rowsAfter.slice(0, 70)).toEqual(rowsBefore);
            expect(textsOf(element, '[data-id="window-label"]')).toEqual(['Showing lines since 9:01:00 AM']);

            await click(element, 'show-all');
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(0, 131));
            await setLines(element, lines(0, 132));
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(0, 132));
            await expect(element).toBeAccessible();

            await click(element, 'show-latest');
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(60, 132));
        }, 30_000);
    });

    describe('search', () => {
        afterEach(() => {
            jest.restoreAllMocks();
        });

        /** Where the current match's line starts in the scroll area's content, in px (the fake layout's). */
        const MATCH_LINE_TOP = 720;

        /**
         * jsdom does no layout: a scroll area 100 px tall, 50 px down the page, keeping what is scrolled, and the
         * current match's line, 40 px tall, at MATCH_LINE_TOP in its content.
         */
        function fakeMatchLayout(element: Element): HTMLElement {
            const [scroller] = queryDeep(element, '[data-id="scroller"]');
            if (!(scroller instanceof HTMLElement)) {
                throw new Error('no scroll area');
            }
            let top = 0;
            Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 100 });
            Object.defineProperty(scroller, 'scrollTop', {
                configurable: true,
                get: () => top,
                set: (value: number) => {
                    top = value;
                }
            });
            const box = (y: number, height: number): DOMRect => ({
                x: 0,
                y,
                top: y,
                bottom: y + height,
                left: 0,
                right: 300,
                width: 300,
                height,
                toJSON: () => ({})
            });
            jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
                this: HTMLElement
            ) {
                if (this === scroller) {
                    return box(50, 100);
                }
                return this.getAttribute('data-current') === 'true'
                    ? box(50 + MATCH_LINE_TOP - top, 40)
                    : box(0, 0);
            });
            return scroller;
        }

        const currentText = (element: Element): string[] =>
            queryDeep(element, '[data-current="true"]').map(
                (line) => line.querySelector('[data-id="text"]')?.textContent ?? ''
            );

        it('counts the matches in the whole transcript, ignoring case, and highlights them as text', async () => {
            // Every tenth line says "Refund".
            const text = (index: number): string => (index % 10 === 0 ? `Refund ${String(index)}` : 'Other');
            const element = await mountTranscript(lines(0, 200, text));

            await search(element, '  REFUND ');

            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['20 of 20']);
            expect(textsOf(element, '[data-id="match"]')).toEqual(Array.from({ length: 8 }, () => 'Refund'));
            expect(currentText(element)).toEqual(['Refund 190']);
            await expect(element).toBeAccessible();
        });

        it('moves to earlier matches, showing the lines around one outside the latest, and back', async () => {
            const text = (index: number): string =>
                index === 5 || index === 150 ? 'Refund please' : 'Other';
            const element = await mountTranscript(lines(0, 200, text));
            const scroller = fakeMatchLayout(element);

            await search(element, 'refund');
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['2 of 2']);
            expect(currentText(element)).toEqual(['Refund please']);

            scroller.scrollTop = 0;
            await click(element, 'previous-match');
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['1 of 2']);
            // Line 5 is long gone from the latest lines: the lines around it are shown, and it is scrolled to.
            expect(textsOf(element, '[data-id="around-label"]')).toEqual(['Showing lines around the match']);
            expect(queryDeep(element, '[data-id="utterance"]')).toHaveLength(36);
            expect(currentText(element)).toEqual(['Refund please']);
            expect(scroller.scrollTop).toBe(MATCH_LINE_TOP - (100 - 40) / 2);

            await click(element, 'next-match');
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['2 of 2']);
            expect(textsOf(element, '[data-id="around-label"]')).toEqual([]);

            await click(element, 'previous-match');
            await click(element, 'back-to-latest');
            expect(textsOf(element, '[data-id="text"]').at(-1)).toBe('Other');
            expect(queryDeep(element, '[data-id="utterance"]')).toHaveLength(80);
        });

        it('is accessible showing the lines around a match', async () => {
            const text = (index: number): string =>
                index === 5 || index === 150 ? 'Refund please' : 'Other';
            const element = await mountTranscript(lines(0, 200, text));
            await search(element, 'refund');
            await click(element, 'previous-match');

            expect(textsOf(element, '[data-id="around-label"]')).toEqual(['Showing lines around the match']);
            await expect(element).toBeAccessible();
        });

        it('is accessible when nothing matches', async () => {
            const element = await mountTranscript(lines(0, 5));
            await search(element, 'refund');

            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['No match']);
            await expect(element).toBeAccessible();
        });

        it('says when nothing matches, and keeps a query with markup as text', async () => {
            const element = await mountTranscript(lines(0, 5));

            await search(element, '<b>bold</b>');

            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['No match']);
            expect(queryDeep(element, 'b')).toEqual([]);
            expect(button(element, 'next-match').disabled).toBe(true);
        });

        it('finds new lines as they arrive', async () => {
            const element = await mountTranscript(lines(0, 5));
            await search(element, 'line 7');
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['No match']);

            await setLines(element, lines(0, 10));

            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['1 of 1']);
            expect(textsOf(element, '[data-id="match"]')).toEqual(['Line 7']);
        });
    });

    describe('speaker filter', () => {
        it("shows one speaker's lines, windowed among them, and every line again", async () => {
            const element = await mountTranscript(lines(0, 10));

            await filter(element, 'Customer');
            expect(textsOf(element, '[data-id="text"]')).toEqual([
                'Line 1',
                'Line 3',
                'Line 5',
                'Line 7',
                'Line 9'
            ]);
            expect(new Set(textsOf(element, '[data-id="speaker"]'))).toEqual(new Set(['Customer']));

            await setLines(element, lines(0, 12));
            expect(textsOf(element, '[data-id="text"]').at(-1)).toBe('Line 11');

            await filter(element, 'all');
            expect(textsOf(element, '[data-id="text"]')).toEqual(textsOfLines(0, 12));
        });

        it('says when a speaker has no line yet', async () => {
            const element = await mountTranscript(lines(0, 4));

            await filter(element, 'Supervisor');

            expect(textsOf(element, '[data-id="no-lines"]')).toEqual(['No line from this speaker yet']);
            await expect(element).toBeAccessible();
        });
    });

    describe('timeline', () => {
        const entry = (key: string, at: number, text: string): TimelineEntry => ({ key, at, text });

        it('shows each event between the lines at the time it happened, and none for one speaker', async () => {
            const timeline = [
                entry('m1', T0 - 500, 'Call connected'),
                entry('m2', T0 + 1500, 'On hold: caller'),
                entry('m3', T0 + 1500, 'Off hold: caller'),
                entry('m4', T0 + 9000, 'Call ended')
            ];
            const element = await mountTranscript(lines(0, 3), { timeline });

            const shown = queryDeep(element, '[data-id="utterance"], [data-id="timeline-event"]').map(
                (line) => line.querySelector('[data-id="text"], [data-id="moment-text"]')?.textContent ?? ''
            );
            expect(shown).toEqual([
                'Call connected',
                'Line 0',
                'Line 1',
                'On hold: caller',
                'Off hold: caller',
                'Line 2',
                'Call ended'
            ]);
            await expect(element).toBeAccessible();

            const [select] = queryDeep(element, '[data-id="speaker-filter"]');
            if (!(select instanceof HTMLSelectElement)) {
                throw new Error('no speaker filter');
            }
            select.value = 'Agent';
            select.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(textsOf(element, '[data-id="moment-text"]')).toEqual([]);
        });

        it('shows only the events of the lines shown when old lines left', async () => {
            const timeline = [entry('early', T0 + 500, 'Muted'), entry('late', T0 + 125_500, 'Unmuted')];
            const element = await mountTranscript(lines(0, 130), { timeline });

            expect(textsOf(element, '[data-id="moment-text"]')).toEqual(['Unmuted']);
        }, 30_000);
    });

    describe('copy and download', () => {
        const exportLines = (): Utterance[] => {
            const [first, second] = lines(0, 2);
            return [
                { ...first, at: T0 + 65_000 },
                { ...second, text: 'Two\nlines', at: T0 + 3_725_000 }
            ];
        };

        afterEach(() => {
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
        });

        it('copies the transcript as text, with times from the call start', async () => {
            const writeText = jest.fn<Promise<void>, [string]>(() => Promise.resolve());
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
            const element = await mountTranscript(exportLines(), { callId: 'call-1', callStartedAt: T0 });

            await click(element, 'copy');
            await flush();

            expect(writeText.mock.calls[0][0]).toBe(
                '[1:05] Agent: Line 0\n[1:02:05] Customer: Two\n    lines\n'
            );
            expect(textsOf(element, '[data-id="transcript-message"]')).toEqual(['Transcript copied']);
        });

        it('says so when the clipboard refuses, or there is none', async () => {
            const writeText = jest.fn<Promise<void>, [string]>(() => Promise.reject(new Error('denied')));
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
            const element = await mountTranscript(exportLines());

            await click(element, 'copy');
            await flush();
            expect(textsOf(element, '[data-id="transcript-message"]')).toEqual([
                'Could not copy the transcript; download it instead.'
            ]);

            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
            await click(element, 'copy');
            await flush();
            expect(textsOf(element, '[data-id="transcript-message"]')).toEqual([
                'Could not copy the transcript; download it instead.'
            ]);
        });

        it('downloads the transcript as JSON and as text, named after the call', async () => {
            const blobs: Blob[] = [];
            const createObjectURL = jest.fn((blob: Blob) => {
                blobs.push(blob);
                return `blob:${String(blobs.length)}`;
            });
            const revokeObjectURL = jest.fn();
            Object.assign(URL, { createObjectURL, revokeObjectURL });
            const clicks: { href: string; download: string }[] = [];
            const clickSpy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
                this: HTMLAnchorElement
            ) {
                clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
            });
            const element = await mountTranscript(exportLines(), { callId: 'call/1', callStartedAt: T0 });

            await click(element, 'download-json');
            await click(element, 'download-text');

            expect(createObjectURL.mock.results.map((r) => r.value as string)).toEqual(['blob:1', 'blob:2']);
            expect(clicks).toEqual([
                { href: 'blob:1', download: 'transcript-call_1.json' },
                { href: 'blob:2', download: 'transcript-call_1.txt' }
            ]);
            const json = JSON.parse(await readBlob(blobs[0])) as {
                callId: string;
                utterances: { offset: string }[];
            };
            expect(json.callId).toBe('call/1');
            expect(json.utterances.map((utterance) => utterance.offset)).toEqual(['1:05', '1:02:05']);
            expect(await readBlob(blobs[1])).toContain('[1:05] Agent: Line 0');
            expect(textsOf(element, '[data-id="transcript-message"]')).toEqual(['Transcript downloaded']);
            await new Promise((resolve) => {
                setTimeout(resolve, 0);
            });
            expect(revokeObjectURL).toHaveBeenCalledWith('blob:1');
            clickSpy.mockRestore();
        });
    });
});

function readBlob(blob: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => {
            resolve(typeof reader.result === 'string' ? reader.result : '');
        };
        reader.onerror = () => {
            reject(new Error('unreadable blob'));
        };
        reader.readAsText(blob);
    });
}
