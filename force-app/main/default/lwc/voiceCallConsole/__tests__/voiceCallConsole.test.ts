import VoiceCallConsole from 'c/voiceCallConsole';
import { TOOLKIT_EVENT_NAMES } from 'c/voiceCallEvents';
import {
    fireToolkitEvent,
    flush,
    mount,
    resetDocument,
    shadowOf,
    textsOf,
    toolkitOf
} from 'test-utils/voiceCallTestUtils';
import type { ToolkitPayload } from 'test-utils/voiceCallTestUtils';
import {
    SEED_CALL,
    SEED_CALL_ID,
    SEED_CALL_UTTERANCES,
    SEED_EXAMPLES,
    SEED_PARTICIPANT
} from '../../voiceCallEvents/__tests__/data/seedPayloads';

function mountConsole(): HTMLElement {
    return mount('c-voice-call-console', VoiceCallConsole);
}

/** The element rendered by a panel inside the console, found by its tag. */
function panel(consoleElement: Element, tag: string): Element {
    const found = shadowOf(consoleElement).querySelector(tag);
    if (found === null) {
        throw new Error(`c-voice-call-console does not render ${tag}`);
    }
    return found;
}

function texts(consoleElement: Element, tag: string, selector: string): string[] {
    return textsOf(panel(consoleElement, tag), selector);
}

function statusText(consoleElement: Element): string {
    return texts(consoleElement, 'c-voice-call-status', '[data-id="status"]')[0];
}

async function fireAll(consoleElement: Element, payloads: readonly ToolkitPayload[]): Promise<void> {
    for (const payload of payloads) {
        await fireToolkitEvent(consoleElement, payload.type, payload.detail);
    }
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
    let state = seed >>> 0;
    const random = (): number => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
}

const SEED_CALL_EVENTS: readonly ToolkitPayload[] = [
    SEED_CALL.callstarted,
    SEED_CALL.callconnected,
    SEED_CALL.greeting,
    SEED_CALL.question,
    SEED_CALL.flagraise,
    SEED_CALL.note,
    SEED_CALL.answer,
    SEED_CALL.flaglower
];

describe('c-voice-call-console', () => {
    afterEach(() => {
        resetDocument();
        jest.restoreAllMocks();
    });

    describe('subscription to the toolkit', () => {
        it('adds one listener for each of the 19 events after the first render', async () => {
            const added: string[] = [];
            const addSpy = jest.spyOn(HTMLElement.prototype, 'addEventListener');
            addSpy.mockImplementation(function (this: HTMLElement, type: string) {
                if (this.tagName.toLowerCase() === 'lightning-service-cloud-voice-toolkit-api') {
                    added.push(type);
                }
            });
            mountConsole();
            await flush();

            expect(added.slice().sort()).toEqual(TOOLKIT_EVENT_NAMES.slice().sort());
        });

        it('subscribes exactly once however often it re-renders', async () => {
            const consoleElement = mountConsole();
            await flush();
            const toolkit = toolkitOf(consoleElement);
            const addSpy = jest.spyOn(toolkit, 'addEventListener');

            // Each of these re-renders the console.
            await fireAll(consoleElement, SEED_CALL_EVENTS);

            expect(addSpy).not.toHaveBeenCalled();
            // One transcript event reaches the state once: one line, not one per render.
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...SEED_CALL_UTTERANCES
            ]);
        });

        it('removes every listener it added when disconnected, and then no longer reacts', async () => {
            const consoleElement = mountConsole();
            await flush();
            const toolkit = toolkitOf(consoleElement);
            const removed: string[] = [];
            const removeSpy = jest.spyOn(toolkit, 'removeEventListener');
            removeSpy.mockImplementation(function (this: HTMLElement, type: string, listener) {
                removed.push(type);
                HTMLElement.prototype.removeEventListener.call(this, type, listener);
            });

            document.body.removeChild(consoleElement);

            expect(removed.slice().sort()).toEqual(TOOLKIT_EVENT_NAMES.slice().sort());
            // The element is detached: an event fired on it no longer changes the console.
            toolkit.dispatchEvent(new CustomEvent('callstarted', { detail: SEED_CALL.callstarted.detail }));
            document.body.appendChild(consoleElement);
            await flush();
            expect(statusText(consoleElement)).toBe('No active call');
        });

        it('subscribes again when re-attached after a disconnect', async () => {
            const consoleElement = mountConsole();
            await flush();
            document.body.removeChild(consoleElement);
            document.body.appendChild(consoleElement);
            await flush();

            await fireToolkitEvent(consoleElement, 'callstarted', SEED_CALL.callstarted.detail);

            expect(statusText(consoleElement)).toBe('Connecting');
        });
    });

    describe('call status', () => {
        it('shows "No active call" before any event', async () => {
            const consoleElement = mountConsole();
            await flush();

            expect(statusText(consoleElement)).toBe('No active call');
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="empty"]')).toEqual([
                'No transcript yet'
            ]);
        });

        it('walks through Connecting, Connected, Call ended and Wrap-up complete', async () => {
            const consoleElement = mountConsole();
            const seen: string[] = [];
            for (const payload of [
                SEED_CALL.callstarted,
                SEED_CALL.callconnected,
                SEED_CALL.callended,
                SEED_CALL.wrapupended
            ]) {
                await fireToolkitEvent(consoleElement, payload.type, payload.detail);
                seen.push(statusText(consoleElement));
            }

            expect(seen).toEqual(['Connecting', 'Connected', 'Call ended', 'Wrap-up complete']);
        });

        it("shows the seed's callstarted: the participant and the call's direction", async () => {
            const consoleElement = mountConsole();
            await fireToolkitEvent(consoleElement, 'callstarted', SEED_EXAMPLES.callstarted.detail);

            expect(texts(consoleElement, 'c-voice-call-status', '[data-id="participant-name"]')).toEqual([
                SEED_PARTICIPANT
            ]);
            expect(texts(consoleElement, 'c-voice-call-status', '[data-id="direction"]')).toEqual([
                'Outbound call'
            ]);
        });

        it('shows a call first seen mid-call as Connected', async () => {
            const consoleElement = mountConsole();
            await fireToolkitEvent(consoleElement, 'transcript', SEED_EXAMPLES.transcript.detail);

            expect(statusText(consoleElement)).toBe('Connected');
            expect(texts(consoleElement, 'c-voice-call-status', '[data-id="joined-mid-call"]')).toEqual([
                'Joined during the call'
            ]);
        });

        it('shows hold per participant, mute, recording paused and conference as they change', async () => {
            const consoleElement = mountConsole();
            const callId = SEED_CALL_ID;
            const thirdParty = '+1 (415) 555-0111';
            const onHold = (): string[] =>
                Array.from(
                    shadowOf(panel(consoleElement, 'c-voice-call-status')).querySelectorAll(
                        '[data-id="participant"]'
                    ),
                    (row) =>
                        `${row.querySelector('[data-id="participant-name"]')?.textContent ?? ''}:${
                            row.querySelector('[data-id="on-hold"]') === null ? 'active' : 'on hold'
                        }`
                );
            const badges = (): string[] =>
                texts(consoleElement, 'c-voice-call-status', '[data-id="call-flags"] .slds-badge');

            await fireAll(consoleElement, [
                SEED_CALL.callstarted,
                SEED_CALL.callconnected,
                { type: 'hold', detail: { callId, participant: SEED_PARTICIPANT } },
                { type: 'mute', detail: { callId } },
                { type: 'pauserecording', detail: { callId } }
            ]);
            expect(onHold()).toEqual([`${SEED_PARTICIPANT}:on hold`]);
            expect(badges()).toEqual(['Muted', 'Recording paused']);

            await fireAll(consoleElement, [
                { type: 'participantadded', detail: { callId, participant: thirdParty } },
                { type: 'swap', detail: { callId } },
                { type: 'unmute', detail: { callId } },
                { type: 'resumerecording', detail: { callId } }
            ]);
            expect(onHold()).toEqual([`${SEED_PARTICIPANT}:active`, `${thirdParty}:on hold`]);
            expect(badges()).toEqual([]);

            await fireToolkitEvent(consoleElement, 'conference', { callId });
            expect(onHold()).toEqual([`${SEED_PARTICIPANT}:active`, `${thirdParty}:active`]);
            expect(badges()).toEqual(['Conference']);

            await fireToolkitEvent(consoleElement, 'participantremoved', { callId, participant: thirdParty });
            await fireToolkitEvent(consoleElement, 'resume', { callId, participant: SEED_PARTICIPANT });
            expect(onHold()).toEqual([`${SEED_PARTICIPANT}:active`]);
            expect(badges()).toEqual([]);
        });

        it('keeps showing an ended call until the next call starts', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted, SEED_CALL.greeting, SEED_CALL.callended]);
            expect(statusText(consoleElement)).toBe('Call ended');
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(['Hello']);

            await fireToolkitEvent(consoleElement, 'callstarted', {
                callId: 'next-call',
                callType: 'inbound',
                participant: '+44 20 7946 0000'
            });

            expect(statusText(consoleElement)).toBe('Connecting');
            expect(texts(consoleElement, 'c-voice-call-status', '[data-id="direction"]')).toEqual([
                'Inbound call'
            ]);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="empty"]')).toEqual([
                'No transcript yet'
            ]);
        });
    });

    describe("the seed's example payloads, end to end", () => {
        async function expectSeedCallShown(consoleElement: Element): Promise<void> {
            await flush();
            expect(statusText(consoleElement)).toBe('Connected');
            expect(texts(consoleElement, 'c-voice-call-status', '[data-id="participant-name"]')).toEqual([
                SEED_PARTICIPANT
            ]);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...SEED_CALL_UTTERANCES
            ]);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="speaker"]')).toEqual([
                'Agent',
                'Customer',
                'Agent'
            ]);
            expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="flag-text"]')).toEqual([
                'The customer wants a credit note.'
            ]);
            expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="raised-by"]')).toEqual([
                'Raised by Angela Agent'
            ]);
            expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="lowered-by"]')).toEqual([
                'Lowered by Samir Supervisor'
            ]);
            expect(texts(consoleElement, 'c-voice-call-notes', '[data-id="note-text"]')).toEqual([
                'The customer wants a refund or store credit.'
            ]);
            expect(texts(consoleElement, 'c-voice-call-notes', '[data-id="author"]')).toEqual([
                'Angela Agent'
            ]);
        }

        it('shows the participant, every utterance once in time order, the flag raised then lowered, and the note', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, SEED_CALL_EVENTS);
            // Raised, then lowered: before the lower, the flag shows no "Lowered by".
            await expectSeedCallShown(consoleElement);
        });

        it('shows "Raised by" before the flag is lowered', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted, SEED_CALL.flagraise]);

            expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="flag-state"]')).toEqual([
                'Help requested'
            ]);
            expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="lowered-by"]')).toEqual([]);

            await fireToolkitEvent(consoleElement, 'flaglower', SEED_CALL.flaglower.detail);
            expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="flag-state"]')).toEqual([
                'Lowered'
            ]);
        });

        it('shows the same call when every event arrives twice', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [...SEED_CALL_EVENTS, ...SEED_CALL_EVENTS]);
            await expectSeedCallShown(consoleElement);
        });

        it('shows the same call whatever order the events arrive in (reversed and 30 seeded shuffles)', async () => {
            const orders = [SEED_CALL_EVENTS.slice().reverse()];
            for (let seed = 1; seed <= 30; seed++) {
                orders.push(shuffled(SEED_CALL_EVENTS, seed));
            }
            for (const order of orders) {
                const consoleElement = mountConsole();
                await fireAll(consoleElement, order);
                await expectSeedCallShown(consoleElement);
                resetDocument();
            }
        });
    });

    describe('bad input', () => {
        it.each([
            ['a transcript without content.text', 'transcript', { id: 'u1', callId: SEED_CALL_ID }],
            ['a callstarted without callId', 'callstarted', { callType: 'inbound' }],
            ['a hold with a null detail', 'hold', null],
            ['a mute whose callId is a number', 'mute', { callId: 42 }],
            ['a note whose detail is a string', 'note', 'not an object']
        ])('ignores %s, counts it, and changes nothing else', async (_label, type, detail) => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted, SEED_CALL.greeting]);

            await expect(fireToolkitEvent(consoleElement, type, detail)).resolves.toBeUndefined();

            expect(statusText(consoleElement)).toBe('Connecting');
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(['Hello']);
            expect(textsOf(consoleElement, '[data-id="ignored-count"]')).toEqual(['1 event ignored']);
        });

        it('names the reason of the last ignored event, and counts several', async () => {
            const consoleElement = mountConsole();
            await fireToolkitEvent(consoleElement, 'transcript', { id: 'u1', callId: SEED_CALL_ID });
            await fireToolkitEvent(consoleElement, 'flagraise', { callId: SEED_CALL_ID });

            const counter = shadowOf(consoleElement).querySelector('[data-id="ignored-count"]');
            expect(counter?.textContent).toBe('2 events ignored');
            expect(counter?.getAttribute('title')).toBe('flagraise without id');
            expect(statusText(consoleElement)).toBe('No active call');
        });

        it('renders HTML in event text as inert text', async () => {
            const consoleElement = mountConsole();
            const hostile =
                '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>';
            await fireToolkitEvent(consoleElement, 'transcript', {
                ...SEED_EXAMPLES.transcript.detail,
                content: { formatType: 'Text', text: hostile }
            });

            const transcript = shadowOf(panel(consoleElement, 'c-voice-call-transcript'));
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([hostile]);
            expect(transcript.querySelector('img')).toBeNull();
            expect(transcript.querySelector('script')).toBeNull();
            expect('__pwned' in window).toBe(false);
        });
    });

    it('is accessible with a call in progress', async () => {
        const consoleElement = mountConsole();
        await fireAll(consoleElement, SEED_CALL_EVENTS);

        await expect(consoleElement).toBeAccessible();
    });
});
