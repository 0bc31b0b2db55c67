import VoiceCallConsole from 'c/voiceCallConsole';
import { TOOLKIT_EVENT_NAMES } from 'c/voiceCallEvents';
import { INDEX_KEY, callKey } from 'c/voiceCallStorage';
import type { CallSummary } from 'c/voiceCallSummary';
import { DEFAULT_HOLD_TOO_LONG_SECONDS } from 'c/voiceCallStatus';
import {
    emitMessageContext,
    emitVoiceCall,
    fireToolkitEvent,
    flush,
    getRecordWire,
    mount,
    publishedMessages,
    queryDeep,
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

/** The id of the VoiceCall record the record-page tests are on. */
const RECORD_ID = '0LQ5e000000XyZ1GAK';

/** Unmounts the console (it saves its calls) and mounts a new one, as a page reload or a reopened panel does. */
async function reload(consoleElement: HTMLElement): Promise<HTMLElement> {
    document.body.removeChild(consoleElement);
    const again = mountConsole();
    await flush();
    return again;
}

/** What the agent sees of the shown call: status, participants, transcript, flags and notes. */
function visibleCall(consoleElement: Element): Record<string, string[]> {
    return {
        status: texts(consoleElement, 'c-voice-call-status', '[data-id="status"]'),
        participants: texts(consoleElement, 'c-voice-call-status', '[data-id="participant"]'),
        transcript: texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]'),
        speakers: texts(consoleElement, 'c-voice-call-transcript', '[data-id="speaker"]'),
        flags: texts(consoleElement, 'c-voice-call-flags', '[data-id="flag"]'),
        notes: texts(consoleElement, 'c-voice-call-notes', '[data-id="note"]')
    };
}

function diagnosticsToggle(consoleElement: Element): HTMLElement {
    const toggle = shadowOf(consoleElement).querySelector('[data-id="diagnostics-toggle"]');
    if (!(toggle instanceof HTMLElement)) {
        throw new Error('c-voice-call-console shows no diagnostics toggle');
    }
    return toggle;
}

async function openDiagnostics(consoleElement: Element): Promise<void> {
    diagnosticsToggle(consoleElement).click();
    await flush();
}

/** Each reason row of the open diagnostics: its reason (with code) and its count. */
function reasonCounts(consoleElement: Element): [string, string][] {
    return Array.from(shadowOf(consoleElement).querySelectorAll('[data-id="reason-count"]'), (row) => [
        row.querySelector('[data-id="reason"]')?.textContent.trim() ?? '',
        row.querySelector('[data-id="count"]')?.textContent.trim() ?? ''
    ]);
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
        jest.restoreAllMocks();
        resetDocument();
        jest.useRealTimers();
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

    describe('on a VoiceCall record page', () => {
        const OTHER_CALL = 'f0e1d2c3-0000-4000-8000-00000000beef';
        const otherCallStarted: ToolkitPayload = {
            type: 'callstarted',
            detail: { callId: OTHER_CALL, callType: 'inbound', participant: '+44 20 7946 0000' }
        };
        const otherUtterance: ToolkitPayload = {
            type: 'transcript',
            detail: { ...SEED_CALL.greeting.detail, id: 'other-1', callId: OTHER_CALL }
        };

        function mountOnRecordPage(): HTMLElement {
            return mount('c-voice-call-console', VoiceCallConsole, { recordId: RECORD_ID });
        }

        it("asks getRecord for the VoiceCall's VendorCallKey", async () => {
            mountOnRecordPage();
            await flush();

            expect(getRecordWire().getLastConfig()).toEqual({
                recordId: RECORD_ID,
                fields: [{ objectApiName: 'VoiceCall', fieldApiName: 'VendorCallKey' }]
            });
        });

        it("shows only the record's call; events of other calls are ignored and counted, not as rejections", async () => {
            const consoleElement = mountOnRecordPage();
            await emitVoiceCall(SEED_CALL_ID);

            await fireAll(consoleElement, [otherCallStarted, ...SEED_CALL_EVENTS, otherUtterance]);

            expect(statusText(consoleElement)).toBe('Connected');
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...SEED_CALL_UTTERANCES
            ]);
            expect(textsOf(consoleElement, '[data-id="ignored-count"]')).toEqual(['2 events ignored']);
            await openDiagnostics(consoleElement);
            expect(reasonCounts(consoleElement)).toEqual([
                ['event for another call (record page) (other-call)', '2']
            ]);
            expect(textsOf(consoleElement, '[data-id="rejection"]')).toEqual([]);
            expect(textsOf(consoleElement, '[data-id="no-rejections"]')).toEqual(['No rejected event']);
        });

        it("keeps every event until the record loads, then shows the record's call", async () => {
            const consoleElement = mountOnRecordPage();
            await fireAll(consoleElement, [...SEED_CALL_EVENTS, otherCallStarted, otherUtterance]);
            // The newest live call, as in the utility bar.
            expect(statusText(consoleElement)).toBe('Connecting');

            await emitVoiceCall(SEED_CALL_ID);

            expect(statusText(consoleElement)).toBe('Connected');
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...SEED_CALL_UTTERANCES
            ]);
            expect(textsOf(consoleElement, '[data-id="ignored-count"]')).toEqual([]);
        });

        it("shows no call until an event of the record's call arrives", async () => {
            const consoleElement = mountOnRecordPage();
            await emitVoiceCall('not-started-yet');
            await fireAll(consoleElement, [otherCallStarted]);

            expect(statusText(consoleElement)).toBe('No active call');
        });

        it.each([
            [
                'cannot be read',
                (): void => {
                    getRecordWire().error({ message: 'No access' }, 403, 'Forbidden');
                }
            ],
            [
                'has no VendorCallKey',
                (): void => {
                    getRecordWire().emit({ fields: { VendorCallKey: { value: null } } });
                }
            ]
        ])('follows the active call when the record %s, and says so', async (_label, fail) => {
            const consoleElement = mountOnRecordPage();
            fail();
            await flush();

            await fireAll(consoleElement, [...SEED_CALL_EVENTS, otherCallStarted]);

            expect(statusText(consoleElement)).toBe('Connecting');
            expect(textsOf(consoleElement, '[data-id="record-fallback"]')).toEqual([
                "This record's call could not be read: following the active call."
            ]);
            expect(textsOf(consoleElement, '[data-id="ignored-count"]')).toEqual([]);
        });

        it('ignores record data in the utility bar, where no record is in context', async () => {
            const consoleElement = mountConsole();
            await emitVoiceCall(OTHER_CALL);
            await fireAll(consoleElement, SEED_CALL_EVENTS);

            expect(statusText(consoleElement)).toBe('Connected');
            expect(textsOf(consoleElement, '[data-id="record-fallback"]')).toEqual([]);
        });

        it("after a reload, shows the record's restored call", async () => {
            const utilityBar = mountConsole();
            await fireAll(utilityBar, [...SEED_CALL_EVENTS, SEED_CALL.callended, otherCallStarted]);
            document.body.removeChild(utilityBar);

            const consoleElement = mountOnRecordPage();
            await emitVoiceCall(SEED_CALL_ID);

            expect(statusText(consoleElement)).toBe('Call ended');
            expect(texts(consoleElement, 'c-voice-call-status', '[data-id="restored"]')).toHaveLength(1);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...SEED_CALL_UTTERANCES
            ]);
        });
    });

    describe('diagnostics of ignored events', () => {
        async function fireRejected(consoleElement: Element): Promise<void> {
            await fireAll(consoleElement, [
                { type: 'transcript', detail: { id: 'u1', callId: SEED_CALL_ID } },
                { type: 'mute', detail: { callId: 42 } },
                { type: 'transcript', detail: { id: 'u2', callId: SEED_CALL_ID } }
            ]);
        }

        it('shows "N events ignored" as a collapsed button, keyboard-focusable, naming the last reason', async () => {
            const consoleElement = mountConsole();
            await fireRejected(consoleElement);

            const toggle = diagnosticsToggle(consoleElement);
            expect(toggle.tagName).toBe('BUTTON');
            expect(toggle.getAttribute('type')).toBe('button');
            expect(toggle.getAttribute('aria-expanded')).toBe('false');
            expect(textsOf(consoleElement, '[data-id="ignored-count"]')).toEqual(['3 events ignored']);
            expect(shadowOf(consoleElement).querySelector('[data-id="diagnostics"]')).toBeNull();
            toggle.focus();
            expect(shadowOf(consoleElement).activeElement).toBe(toggle);
            await expect(consoleElement).toBeAccessible();
        });

        it('lists, on demand, the counts by reason and code and the last rejections, newest first, with their times', async () => {
            jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 1, 10, 42, 7));
            const consoleElement = mountConsole();
            await fireRejected(consoleElement);

            await openDiagnostics(consoleElement);

            expect(diagnosticsToggle(consoleElement).getAttribute('aria-expanded')).toBe('true');
            expect(reasonCounts(consoleElement)).toEqual([
                ['transcript without content.text (missing-field)', '2'],
                ['mute with callId that is not a string (wrong-type)', '1']
            ]);
            const rejections = Array.from(
                shadowOf(consoleElement).querySelectorAll('[data-id="rejection"]'),
                (row) =>
                    ['rejection-time', 'rejection-type', 'rejection-reason'].map(
                        (field) => row.querySelector(`[data-id="${field}"]`)?.textContent.trim() ?? ''
                    )
            );
            expect(rejections).toEqual([
                ['10:42:07 AM', 'transcript', 'transcript without content.text'],
                ['10:42:07 AM', 'mute', 'mute with callId that is not a string'],
                ['10:42:07 AM', 'transcript', 'transcript without content.text']
            ]);
            expect(
                shadowOf(consoleElement).querySelector('[data-id="rejection-time"]')?.getAttribute('datetime')
            ).toBe('2026-01-01T10:42:07.000Z');

            diagnosticsToggle(consoleElement).click();
            await flush();
            expect(diagnosticsToggle(consoleElement).getAttribute('aria-expanded')).toBe('false');
            expect(shadowOf(consoleElement).querySelector('[data-id="diagnostics"]')).toBeNull();
        });

        it('is accessible with the details open', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, SEED_CALL_EVENTS);
            await fireRejected(consoleElement);
            await openDiagnostics(consoleElement);

            await expect(consoleElement).toBeAccessible();
        });

        it('logs nothing per event, accepted or ignored', async () => {
            const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
                jest.spyOn(console, method)
            );
            const consoleElement = mountConsole();

            await fireAll(consoleElement, SEED_CALL_EVENTS);
            await fireRejected(consoleElement);

            for (const spy of logged) {
                expect(spy).not.toHaveBeenCalled();
            }
        });
    });

    describe('lifecycle and storage', () => {
        const TOOLKIT_TAG = 'lightning-service-cloud-voice-toolkit-api';

        it('mounted and unmounted 1,000 times, leaves no listener on the toolkit element and no timer running', () => {
            jest.useFakeTimers();
            const live = new Set<string>();
            const ids = new WeakMap<EventTarget, number>();
            const listenerIds = new WeakMap<object, number>();
            let nextId = 0;
            const idOf = <T extends object>(map: WeakMap<T, number>, key: T): number => {
                const known = map.get(key);
                if (known !== undefined) {
                    return known;
                }
                nextId += 1;
                map.set(key, nextId);
                return nextId;
            };
            let added = 0;
            const registration = (target: EventTarget, type: string, listener: object): string =>
                `${String(idOf(ids, target))}:${type}:${String(idOf(listenerIds, listener))}`;
            const originalAdd = EventTarget.prototype.addEventListener;
            const originalRemove = EventTarget.prototype.removeEventListener;
            jest.spyOn(EventTarget.prototype, 'addEventListener').mockImplementation(function (
                this: EventTarget,
                type,
                listener,
                options
            ) {
                if (
                    this instanceof Element &&
                    this.tagName.toLowerCase() === TOOLKIT_TAG &&
                    listener !== null
                ) {
                    added += 1;
                    live.add(registration(this, type, listener));
                }
                originalAdd.call(this, type, listener, options);
            });
            jest.spyOn(EventTarget.prototype, 'removeEventListener').mockImplementation(function (
                this: EventTarget,
                type,
                listener,
                options
            ) {
                if (
                    this instanceof Element &&
                    this.tagName.toLowerCase() === TOOLKIT_TAG &&
                    listener !== null
                ) {
                    live.delete(registration(this, type, listener));
                }
                originalRemove.call(this, type, listener, options);
            });

            let timersAfterUnmount = 0;
            for (let round = 0; round < 1_000; round++) {
                const consoleElement = mountConsole();
                // A change, so the storage's write timer is running when the console goes.
                const toolkit = toolkitOf(consoleElement);
                toolkit.dispatchEvent(new CustomEvent('mute', { detail: { callId: SEED_CALL_ID } }));
                toolkit.dispatchEvent(new CustomEvent('unmute', { detail: { callId: SEED_CALL_ID } }));
                expect(live.size).toBe(TOOLKIT_EVENT_NAMES.length);
                document.body.removeChild(consoleElement);
                timersAfterUnmount = Math.max(timersAfterUnmount, jest.getTimerCount());
            }

            expect(added).toBe(1_000 * TOOLKIT_EVENT_NAMES.length);
            expect(live.size).toBe(0);
            expect(timersAfterUnmount).toBe(0);
            expect(jest.getTimerCount()).toBe(0);
        }, 30_000);

        it('after a reload mid-call, shows the same transcript, flags and notes, marked restored', async () => {
            const savedAt = Date.UTC(2026, 0, 1, 10, 42, 7);
            jest.spyOn(Date, 'now').mockReturnValue(savedAt);
            const before = mountConsole();
            await fireAll(before, SEED_CALL_EVENTS);
            const shown = visibleCall(before);

            const after = await reload(before);

            expect(visibleCall(after)).toEqual(shown);
            expect(texts(after, 'c-voice-call-status', '[data-id="restored"]')).toEqual([
                'Restored from 10:42:07 AM'
            ]);
        });

        it('keeps the saved calls through reloads with no event in between, on any page', async () => {
            const before = mountConsole();
            await fireAll(before, SEED_CALL_EVENTS);
            const utilityBar = await reload(before);
            await new Promise<void>((resolve) => setTimeout(resolve, 600));
            document.body.removeChild(utilityBar);
            const recordPage = mount('c-voice-call-console', VoiceCallConsole, { recordId: RECORD_ID });
            await emitVoiceCall(SEED_CALL_ID);
            await new Promise<void>((resolve) => setTimeout(resolve, 600));

            const after = await reload(recordPage);

            expect(visibleCall(after).transcript).toEqual([...SEED_CALL_UTTERANCES]);
            expect(texts(after, 'c-voice-call-status', '[data-id="restored"]')).toHaveLength(1);
        });

        it('merges the events replayed after a reload without duplicates', async () => {
            const before = mountConsole();
            await fireAll(before, SEED_CALL_EVENTS);
            const after = await reload(before);

            await fireAll(after, [
                ...SEED_CALL_EVENTS,
                {
                    type: 'transcript',
                    detail: { ...SEED_CALL.answer.detail, id: 'u-4', content: { text: 'Done.' } }
                }
            ]);

            expect(texts(after, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...SEED_CALL_UTTERANCES,
                'Done.'
            ]);
            expect(texts(after, 'c-voice-call-flags', '[data-id="flag-text"]')).toHaveLength(1);
            expect(texts(after, 'c-voice-call-notes', '[data-id="note-text"]')).toHaveLength(1);
        });

        it('saves a change within half a second, without waiting for the console to go', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, SEED_CALL_EVENTS);
            expect(sessionStorage.getItem(callKey(SEED_CALL_ID))).toBeNull();

            await new Promise<void>((resolve) => setTimeout(resolve, 600));

            expect(sessionStorage.getItem(callKey(SEED_CALL_ID))).not.toBeNull();
        });

        it('with a full storage, carries on in memory and warns once', async () => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            sessionStorage.setItem('filler', 'x'.repeat(4_999_000));
            const before = mountConsole();
            await fireAll(before, SEED_CALL_EVENTS);

            const after = await reload(before);
            await fireAll(after, [SEED_CALL.callstarted, SEED_CALL.greeting]);
            await reload(after);

            expect(warn.mock.calls).toEqual([
                [expect.stringContaining('(QuotaExceededError); carrying on in memory.')]
            ]);
            expect(texts(after, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(['Hello']);
        });

        it('with a storage that throws on every use, carries on in memory and warns once', async () => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            for (const method of ['getItem', 'setItem', 'removeItem', 'key'] as const) {
                jest.spyOn(Storage.prototype, method).mockImplementation(() => {
                    throw new DOMException('The operation is insecure.', 'SecurityError');
                });
            }
            const consoleElement = mountConsole();
            await fireAll(consoleElement, SEED_CALL_EVENTS);
            document.body.removeChild(consoleElement);

            expect(visibleCall(consoleElement).transcript).toEqual([...SEED_CALL_UTTERANCES]);
            expect(warn.mock.calls).toEqual([
                [expect.stringContaining('(SecurityError); carrying on in memory.')]
            ]);
        });

        it('without session storage at all, carries on in memory and warns once', async () => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            jest.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
                throw new DOMException('Access is denied for this document.', 'SecurityError');
            });
            const consoleElement = mountConsole();
            await fireAll(consoleElement, SEED_CALL_EVENTS);

            expect(statusText(consoleElement)).toBe('Connected');
            expect(warn).toHaveBeenCalledTimes(1);
        });

        it.each([
            [
                'corrupt',
                (): void => {
                    sessionStorage.setItem(callKey(SEED_CALL_ID), '{"version":1,"callId":');
                }
            ],
            [
                'of another version',
                (): void => {
                    const stored = sessionStorage.getItem(callKey(SEED_CALL_ID)) ?? '';
                    sessionStorage.setItem(
                        callKey(SEED_CALL_ID),
                        stored.replace('"version":1', '"version":2')
                    );
                }
            ],
            [
                'an index that is not JSON',
                (): void => {
                    sessionStorage.setItem(INDEX_KEY, 'undefined');
                }
            ]
        ])('with stored data that is %s, starts empty, warns once and removes it', async (_label, spoil) => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            const before = mountConsole();
            await fireAll(before, SEED_CALL_EVENTS);
            document.body.removeChild(before);
            spoil();

            const after = mountConsole();
            await flush();

            expect(statusText(after)).toBe('No active call');
            expect(warn).toHaveBeenCalledTimes(1);
            expect(Object.keys(sessionStorage).filter((key) => key.startsWith('voiceCallConsole:'))).toEqual(
                []
            );
        });
    });

    it('shows HTML or script in event text as inert text in every panel', async () => {
        const hostile = (label: string): string =>
            `<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script><b>${label}</b>`;
        const consoleElement = mountConsole();
        await fireAll(consoleElement, [
            {
                type: 'callstarted',
                detail: { ...SEED_CALL.callstarted.detail, participant: hostile('caller') }
            },
            { type: 'participantadded', detail: { callId: SEED_CALL_ID, participant: hostile('third') } },
            {
                type: 'transcript',
                detail: {
                    ...SEED_CALL.greeting.detail,
                    content: { formatType: 'Text', text: hostile('said') },
                    sender: { role: 'Agent', displayName: hostile('agent') }
                }
            },
            {
                type: 'flagraise',
                detail: {
                    ...SEED_CALL.flagraise.detail,
                    content: { formatType: 'Text', text: hostile('flag') },
                    sender: { role: 'Agent', displayName: hostile('raiser') }
                }
            },
            {
                type: 'flaglower',
                detail: {
                    ...SEED_CALL.flaglower.detail,
                    sender: { role: 'Supervisor', displayName: hostile('lowerer') }
                }
            },
            {
                type: 'note',
                detail: {
                    ...SEED_CALL.note.detail,
                    content: { formatType: 'Text', text: hostile('note') },
                    sender: { role: 'Supervisor', displayName: hostile('author') }
                }
            }
        ]);

        expect(texts(consoleElement, 'c-voice-call-status', '[data-id="participant-name"]')).toEqual([
            hostile('caller'),
            hostile('third')
        ]);
        expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
            hostile('said')
        ]);
        expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="display-name"]')).toEqual([
            hostile('agent')
        ]);
        expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="flag-text"]')).toEqual([
            hostile('flag')
        ]);
        expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="raised-by"]')).toEqual([
            `Raised by ${hostile('raiser')}`
        ]);
        expect(texts(consoleElement, 'c-voice-call-flags', '[data-id="lowered-by"]')).toEqual([
            `Lowered by ${hostile('lowerer')}`
        ]);
        expect(texts(consoleElement, 'c-voice-call-notes', '[data-id="note-text"]')).toEqual([
            hostile('note')
        ]);
        expect(texts(consoleElement, 'c-voice-call-notes', '[data-id="author"]')).toEqual([
            hostile('author')
        ]);
        for (const tag of [
            'c-voice-call-status',
            'c-voice-call-transcript',
            'c-voice-call-flags',
            'c-voice-call-notes'
        ]) {
            expect(shadowOf(panel(consoleElement, tag)).querySelector('img, script, b')).toBeNull();
        }
        expect('__pwned' in window).toBe(false);
    });

    it('is accessible with a call in progress', async () => {
        const consoleElement = mountConsole();
        await fireAll(consoleElement, SEED_CALL_EVENTS);

        await expect(consoleElement).toBeAccessible();
    });

    describe('a long transcript', () => {
        const line = (index: number): string => `Line ${index}`;

        async function say(consoleElement: Element, from: number, to: number): Promise<void> {
            for (let index = from; index < to; index++) {
                await fireToolkitEvent(consoleElement, 'transcript', {
                    ...SEED_EXAMPLES.transcript.detail,
                    id: `u${index}`,
                    content: { formatType: 'Text', text: line(index) }
                });
            }
        }

        const lines = (from: number, to: number): string[] =>
            Array.from({ length: to - from }, (_, offset) => line(from + offset));

        const rows = (consoleElement: Element): Element[] =>
            queryDeep(panel(consoleElement, 'c-voice-call-transcript'), '[data-id="utterance"]');

        function click(consoleElement: Element, dataId: string): void {
            const button = shadowOf(
                panel(consoleElement, 'c-voice-call-transcript')
            ).querySelector<HTMLButtonElement>(`[data-id="${dataId}"]`);
            if (button === null) {
                throw new Error(`no ${dataId} button`);
            }
            button.click();
        }

        it('shows the latest lines, dropping old ones in blocks, and every line on request', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted]);
            await say(consoleElement, 0, 119);
            // Up to 119 lines, all are shown.
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(
                lines(0, 119)
            );
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="window"]')).toEqual([]);

            await say(consoleElement, 119, 130);
            // The 120th line drops the oldest 60 at once; the latest 70 stay.
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(
                lines(60, 130)
            );
            const [label] = texts(consoleElement, 'c-voice-call-transcript', '[data-id="window-label"]');
            expect(label).toMatch(/^Showing lines since \d{1,2}:\d{2}:\d{2}\s[AP]M$/u);

            // Rows are keyed by utterance: a new line adds one row and keeps the others (and the label) as they are.
            const before = rows(consoleElement);
            await say(consoleElement, 130, 131);
            const after = rows(consoleElement);
            expect(after).toHaveLength(71);
            expect(after.slice(0, 70)).toEqual(before);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="window-label"]')).toEqual([
                label
            ]);

            click(consoleElement, 'show-all');
            await flush();
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(
                lines(0, 131)
            );
            await say(consoleElement, 131, 132);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(
                lines(0, 132)
            );

            click(consoleElement, 'show-latest');
            await flush();
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(
                lines(60, 132)
            );
        });

        it('adds each new line to those shown, and puts a late line where it belongs among them', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted]);
            const at = SEED_EXAMPLES.transcript.detail.serverReceivedTimestamp;
            const sayAt = (id: string, text: string, time: number): Promise<void> =>
                fireToolkitEvent(consoleElement, 'transcript', {
                    ...SEED_EXAMPLES.transcript.detail,
                    id,
                    content: { formatType: 'Text', text },
                    serverReceivedTimestamp: time
                });
            for (let index = 0; index < 70; index++) {
                await sayAt(`u${index}`, line(index), at + index * 1_000);
            }
            const before = rows(consoleElement);
            await sayAt('u70', line(70), at + 70_000);
            // The lines shown stay as they were; the new one is added after them.
            expect(rows(consoleElement).slice(0, before.length)).toEqual(before);

            // Said between lines 65 and 66, received last.
            await sayAt('late', 'Late line', at + 65_500);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual([
                ...lines(0, 66),
                'Late line',
                ...lines(66, 71)
            ]);
            await sayAt('u71', line(71), at + 71_000);
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]').slice(-3)).toEqual([
                line(69),
                line(70),
                line(71)
            ]);
        });

        it('renders the lines of events fired in one task once, together', async () => {
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted]);
            await say(consoleElement, 0, 1);
            const toolkit = toolkitOf(consoleElement);
            for (let index = 1; index < 51; index++) {
                toolkit.dispatchEvent(
                    new CustomEvent('transcript', {
                        detail: {
                            ...SEED_EXAMPLES.transcript.detail,
                            id: `u${index}`,
                            content: { formatType: 'Text', text: line(index) }
                        }
                    })
                );
            }
            // No line is rendered per event: the 50 new lines are rendered together once the task ends.
            expect(rows(consoleElement)).toHaveLength(1);
            await flush();
            expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(
                lines(0, 51)
            );
        });
    });
    describe('live timers', () => {
        /** When the fake clock starts: the seed's flag is raised 2 s later. */
        const T0 = SEED_EXAMPLES.flagraise.detail.serverReceivedTimestamp - 2_000;

        /**
         * Fakes the intervals and the time only: the console's clock is then the one fake timer (jest.getTimerCount()
         * counts it alone, not the storage's writes), and flush() still runs on real timeouts.
         */
        function fakeClockTime(): void {
            jest.useFakeTimers({ now: T0, doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate'] });
        }

        async function tick(seconds: number): Promise<void> {
            jest.advanceTimersByTime(seconds * 1_000);
            await flush();
        }

        const statusTimer = (consoleElement: Element, dataId: string): string[] =>
            texts(consoleElement, 'c-voice-call-status', `[data-id="${dataId}"]`);

        it('runs one clock while the call is live: the call and hold times tick, and stop when it ends', async () => {
            fakeClockTime();
            const consoleElement = mountConsole();
            await flush();
            expect(jest.getTimerCount()).toBe(0);

            await fireAll(consoleElement, [SEED_CALL.callstarted, SEED_CALL.callconnected]);
            expect(jest.getTimerCount()).toBe(1);
            expect(statusTimer(consoleElement, 'call-duration')).toEqual(['Call 0:00']);

            await tick(65);
            expect(statusTimer(consoleElement, 'call-duration')).toEqual(['Call 1:05']);
            await fireToolkitEvent(consoleElement, 'hold', {
                callId: SEED_CALL_ID,
                participant: SEED_PARTICIPANT
            });
            await tick(30);
            expect(statusTimer(consoleElement, 'call-duration')).toEqual(['Call 1:35']);
            expect(statusTimer(consoleElement, 'hold-time')).toEqual(['0:30']);
            expect(jest.getTimerCount()).toBe(1);

            await fireToolkitEvent(consoleElement, 'callended', { callId: SEED_CALL_ID });
            expect(jest.getTimerCount()).toBe(0);
            await tick(10);
            expect(statusTimer(consoleElement, 'call-duration')).toEqual(['Call 1:35']);
            expect(statusTimer(consoleElement, 'hold-time')).toEqual(['0:30']);
        });

        it(`marks a party on hold for ${String(DEFAULT_HOLD_TOO_LONG_SECONDS)} s "On hold too long"`, async () => {
            fakeClockTime();
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [
                SEED_CALL.callconnected,
                { type: 'hold', detail: { callId: SEED_CALL_ID, participant: SEED_PARTICIPANT } }
            ]);

            await tick(DEFAULT_HOLD_TOO_LONG_SECONDS - 1);
            expect(statusTimer(consoleElement, 'hold-too-long')).toEqual([]);
            await tick(1);
            expect(statusTimer(consoleElement, 'hold-too-long')).toEqual(['On hold too long']);
        });

        it('keeps the clock for a flag waiting for help after the call ended, until it is lowered', async () => {
            fakeClockTime();
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [
                SEED_CALL.callconnected,
                SEED_CALL.flagraise,
                SEED_CALL.callended
            ]);
            const waits = (): string[] =>
                texts(consoleElement, 'c-voice-call-flags', '[data-id="flag-wait"]');

            // The flag was raised 2 s after the clock's start.
            await tick(62);
            expect(jest.getTimerCount()).toBe(1);
            expect(waits()).toEqual(['Waiting for help 1:00']);

            await fireToolkitEvent(consoleElement, 'flaglower', SEED_CALL.flaglower.detail);
            expect(jest.getTimerCount()).toBe(0);
            expect(waits()).toEqual(['Waited 1:00']);
        });

        it('passes the panels the same call header on a transcript line, and the same time between ticks', async () => {
            fakeClockTime();
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted, SEED_CALL.callconnected]);
            const status = panel(consoleElement, 'c-voice-call-status');
            const inputs = (): unknown[] => [Reflect.get(status, 'call'), Reflect.get(status, 'now')];
            const before = inputs();
            expect(before[1]).toBe(T0);
            // Half a second on: the lines arrive between two ticks.
            jest.setSystemTime(T0 + 500);

            await fireAll(consoleElement, [SEED_CALL.greeting, SEED_CALL.question]);

            const after = inputs();
            expect(after[0]).toBe(before[0]);
            expect(after[1]).toBe(before[1]);
        });

        it('stops the clock when disconnected, and runs it again when attached again or reloaded mid-call', async () => {
            fakeClockTime();
            const consoleElement = mountConsole();
            await fireAll(consoleElement, [SEED_CALL.callstarted, SEED_CALL.callconnected]);

            document.body.removeChild(consoleElement);
            expect(jest.getTimerCount()).toBe(0);
            await tick(5);

            document.body.appendChild(consoleElement);
            await flush();
            expect(jest.getTimerCount()).toBe(1);
            expect(statusTimer(consoleElement, 'call-duration')).toEqual(['Call 0:05']);

            const reloaded = await reload(consoleElement);
            expect(jest.getTimerCount()).toBe(1);
            expect(statusTimer(reloaded, 'call-duration')).toEqual(['Call 0:05']);
            await tick(60);
            expect(statusTimer(reloaded, 'call-duration')).toEqual(['Call 1:05']);
        });

        it('mounted and unmounted 1,000 times mid-call, runs one clock at a time and leaves none', () => {
            fakeClockTime();
            let mostWhileMounted = 0;
            let mostAfterUnmount = 0;
            for (let round = 0; round < 1_000; round++) {
                const consoleElement = mountConsole();
                const toolkit = toolkitOf(consoleElement);
                toolkit.dispatchEvent(
                    new CustomEvent('callconnected', { detail: SEED_CALL.callconnected.detail })
                );
                toolkit.dispatchEvent(
                    new CustomEvent('hold', { detail: { callId: SEED_CALL_ID, participant: 'x' } })
                );
                mostWhileMounted = Math.max(mostWhileMounted, jest.getTimerCount());
                document.body.removeChild(consoleElement);
                mostAfterUnmount = Math.max(mostAfterUnmount, jest.getTimerCount());
                sessionStorage.clear();
            }

            expect(mostWhileMounted).toBe(1);
            expect(mostAfterUnmount).toBe(0);
        }, 30_000);
    });
});

describe('c-voice-call-console admin settings', () => {
    afterEach(() => {
        resetDocument();
        jest.restoreAllMocks();
    });

    const panels = (consoleElement: Element): string[] =>
        Array.from(shadowOf(consoleElement).querySelectorAll('*'), (element) =>
            element.tagName.toLowerCase()
        ).filter((tag) => tag.startsWith('c-voice-call-'));

    it('shows every panel by default', async () => {
        const consoleElement = mountConsole();
        await flush();

        expect(panels(consoleElement)).toEqual([
            'c-voice-call-status',
            'c-voice-call-controls',
            'c-voice-call-transcript',
            'c-voice-call-flags',
            'c-voice-call-notes'
        ]);
    });

    it('hides the panels an admin turned off, from booleans or the strings App Builder gives', async () => {
        const consoleElement = mount('c-voice-call-console', VoiceCallConsole, {
            showStatus: 'false',
            showControls: false,
            showFlags: 'FALSE',
            showNotes: true
        });
        await flush();

        expect(panels(consoleElement)).toEqual(['c-voice-call-transcript', 'c-voice-call-notes']);
    });

    const scrollerStyle = (consoleElement: Element): string =>
        shadowOf(panel(consoleElement, 'c-voice-call-transcript'))
            .querySelector('[data-id="scroller"]')
            ?.getAttribute('style') ?? '';

    function settingWarnings(warn: jest.SpyInstance): string[] {
        return warn.mock.calls
            .map((call: unknown[]) => String(call[0]))
            .filter((message) => message.includes('transcriptHeight'));
    }

    it('sizes the transcript as set', async () => {
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const sized = mount('c-voice-call-console', VoiceCallConsole, { transcriptHeight: '480' });
        await fireAll(sized, [SEED_CALL.callstarted, SEED_CALL.greeting]);

        expect(scrollerStyle(sized)).toMatch(/height: ?480px/u);
        expect(settingWarnings(warn)).toEqual([]);
    }, 20_000);

    it('falls back to the default height on a bad value, warning once, not on every render', async () => {
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const bad = mount('c-voice-call-console', VoiceCallConsole, { transcriptHeight: 'tall' });
        await fireAll(bad, [SEED_CALL.callstarted, SEED_CALL.greeting, SEED_CALL.question]);

        expect(scrollerStyle(bad)).toMatch(/height: ?320px/u);
        expect(settingWarnings(warn)).toHaveLength(1);
    }, 20_000);
});

describe('c-voice-call-console message channel', () => {
    afterEach(() => {
        resetDocument();
        jest.useRealTimers();
    });

    const summaries = (): CallSummary[] =>
        publishedMessages('Voice_Call_Console__c').map((entry) => entry.message as CallSummary);

    it('publishes a summary of the shown call once the channel is there, and when the call changes', async () => {
        const consoleElement = mountConsole();
        await emitMessageContext();
        expect(summaries()).toEqual([expect.objectContaining({ version: 1, status: 'none', callId: null })]);

        jest.useFakeTimers({ now: Date.now() + 60_000 });
        toolkitOf(consoleElement).dispatchEvent(
            new CustomEvent('callstarted', { detail: SEED_CALL.callstarted.detail })
        );

        expect(summaries().at(-1)).toMatchObject({ status: 'connecting', callId: SEED_CALL_ID });
    });

    it('sends at most one summary a second during a stream of utterances, and the latest at the end', async () => {
        const consoleElement = mountConsole();
        await emitMessageContext();
        jest.useFakeTimers({ now: Date.now() + 60_000 });
        const toolkit = toolkitOf(consoleElement);
        toolkit.dispatchEvent(new CustomEvent('callstarted', { detail: SEED_CALL.callstarted.detail }));
        const before = summaries().length;
        for (let index = 0; index < 200; index++) {
            toolkit.dispatchEvent(
                new CustomEvent('transcript', {
                    detail: {
                        ...SEED_EXAMPLES.transcript.detail,
                        id: `u${String(index)}`,
                        content: { formatType: 'Text', text: `Line ${String(index)}` }
                    }
                })
            );
        }
        expect(summaries()).toHaveLength(before);

        jest.advanceTimersByTime(1000);
        expect(summaries()).toHaveLength(before + 1);
        expect(summaries().at(-1)?.lastUtterance?.text).toBe('Line 199');
    });
});

describe('c-voice-call-console live region', () => {
    afterEach(() => {
        resetDocument();
        jest.useRealTimers();
    });

    const announcement = (consoleElement: Element): string =>
        shadowOf(consoleElement).querySelector('[data-id="announcement"]')?.textContent ?? '';

    it('announces the status, then the lines that arrive together, at most once a second', async () => {
        const consoleElement = mountConsole();
        await flush();
        const region = shadowOf(consoleElement).querySelector('[data-id="announcement"]');
        expect(region?.getAttribute('aria-live')).toBe('polite');
        jest.useFakeTimers({ now: Date.now() });
        const toolkit = toolkitOf(consoleElement);

        toolkit.dispatchEvent(new CustomEvent('callstarted', { detail: SEED_CALL.callstarted.detail }));
        jest.advanceTimersByTime(0);
        await Promise.resolve();
        expect(announcement(consoleElement)).toBe('Connecting');

        for (let index = 0; index < 5; index++) {
            toolkit.dispatchEvent(
                new CustomEvent('transcript', {
                    detail: {
                        ...SEED_EXAMPLES.transcript.detail,
                        id: `u${String(index)}`,
                        content: { formatType: 'Text', text: `Line ${String(index)}` }
                    }
                })
            );
        }
        jest.advanceTimersByTime(999);
        await Promise.resolve();
        expect(announcement(consoleElement)).toBe('Connecting');
        jest.advanceTimersByTime(1);
        await Promise.resolve();
        expect(announcement(consoleElement)).toMatch(/^5 new lines\. Last, .+: Line 4$/u);
    });

    it('leaves no timer behind when removed', async () => {
        const consoleElement = mountConsole();
        await flush();
        jest.useFakeTimers();
        toolkitOf(consoleElement).dispatchEvent(
            new CustomEvent('callstarted', { detail: SEED_CALL.callstarted.detail })
        );
        document.body.removeChild(consoleElement);

        expect(jest.getTimerCount()).toBe(0);
    });
});

describe('c-voice-call-console timeline', () => {
    afterEach(resetDocument);

    const hold: ToolkitPayload = {
        type: 'hold',
        detail: { callId: SEED_CALL_ID, participant: SEED_PARTICIPANT }
    };

    it('shows the call events between the utterances when the admin turned the timeline on', async () => {
        const consoleElement = mount('c-voice-call-console', VoiceCallConsole, { showTimeline: true });
        await fireAll(consoleElement, [
            SEED_CALL.callconnected,
            SEED_CALL.greeting,
            hold,
            SEED_CALL.flagraise
        ]);

        const moments = textsOf(panel(consoleElement, 'c-voice-call-transcript'), '[data-id="moment-text"]');
        // In time order: the seed's flag carries its own (2020) time; the call events are timed as they arrive.
        expect(moments).toEqual([
            expect.stringMatching(/^Flag raised by .+: .+/u),
            'Call connected',
            `On hold: ${SEED_PARTICIPANT}`
        ]);
        // Still one utterance, and the timeline's events are not counted as lines.
        expect(texts(consoleElement, 'c-voice-call-transcript', '[data-id="text"]')).toEqual(['Hello']);
        await expect(consoleElement).toBeAccessible();
    });

    it('shows no call event by default', async () => {
        const consoleElement = mountConsole();
        await fireAll(consoleElement, [SEED_CALL.callconnected, SEED_CALL.greeting, hold]);

        expect(textsOf(panel(consoleElement, 'c-voice-call-transcript'), '[data-id="moment-text"]')).toEqual(
            []
        );
    });
});
