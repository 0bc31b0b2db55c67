import VoiceCallControls from 'c/voiceCallControls';
import VoiceCallConsole from 'c/voiceCallConsole';
import type { VoiceCall } from 'c/voiceCallState';
import {
    fireToolkitEvent,
    flush,
    mount,
    resetDocument,
    shadowOf,
    textsOf,
    toolkitOf
} from 'test-utils/voiceCallTestUtils';
import type { ComponentProperties, ToolkitPayload } from 'test-utils/voiceCallTestUtils';
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

type ToolkitBehaviour = (...args: unknown[]) => unknown;

/**
 * A stand-in for the toolkit element: every method records `name(args)` in `calls` and returns undefined, as the
 * real one does, unless `behaviour` gives it something else to do.
 */
function fakeToolkit(behaviour: Readonly<Partial<Record<string, ToolkitBehaviour>>> = {}): {
    toolkit: Record<string, ToolkitBehaviour>;
    calls: string[];
} {
    const calls: string[] = [];
    const names = [
        'mute',
        'unmute',
        'hold',
        'resume',
        'swap',
        'merge',
        'pauseRecording',
        'resumeRecording',
        'endCall'
    ];
    const toolkit: Record<string, ToolkitBehaviour> = {};
    for (const name of names) {
        toolkit[name] = (...args: unknown[]): unknown => {
            calls.push(`${name}(${args.map(String).join(', ')})`);
            return behaviour[name]?.(...args);
        };
    }
    return { toolkit, calls };
}

type ControlsElement = HTMLElement & ComponentProperties<VoiceCallControls>;

/** Lets LWC re-render without a timer, so it works under jest's fake timers too. */
async function rerender(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
}

async function mountControls(
    call: VoiceCall | undefined,
    toolkit: unknown = fakeToolkit().toolkit
): Promise<ControlsElement> {
    const element = mount('c-voice-call-controls', VoiceCallControls, { call, toolkit });
    await rerender();
    return element;
}

function button(element: Element, dataId: string): HTMLButtonElement {
    const found = shadowOf(element).querySelector(`[data-id="${dataId}"]`);
    if (!(found instanceof HTMLButtonElement)) {
        throw new Error(`no button ${dataId}`);
    }
    return found;
}

/** Whether a button cannot be pressed now: disabled, or (waiting, still focusable) aria-disabled. */
function unavailable(found: HTMLButtonElement): boolean {
    return found.disabled || found.getAttribute('aria-disabled') === 'true';
}

/** What the agent (and assistive technology) gets of a button. */
function buttonState(element: Element, dataId: string): Record<string, string | boolean | null> {
    const found = button(element, dataId);
    return {
        label: found.querySelector('[data-id="control-label"]')?.textContent.trim() ?? '',
        disabled: unavailable(found),
        pressed: found.getAttribute('aria-pressed'),
        busy: found.getAttribute('aria-busy')
    };
}

function labels(element: Element): string[] {
    return textsOf(element, '[data-id="control-label"]');
}

function enabledLabels(element: Element): string[] {
    return Array.from(shadowOf(element).querySelectorAll('button'))
        .filter((candidate) => !unavailable(candidate))
        .map((candidate) => candidate.querySelector('[data-id="control-label"]')?.textContent.trim() ?? '');
}

function message(element: Element): string {
    return textsOf(element, '[data-id="control-message"]')[0];
}

async function press(element: Element, dataId: string): Promise<void> {
    button(element, dataId).click();
    await rerender();
}

describe('c-voice-call-controls', () => {
    afterEach(() => {
        resetDocument();
        jest.useRealTimers();
    });

    describe('which controls it shows', () => {
        it('shows no button without a call, and an empty polite status line', async () => {
            const element = await mountControls(undefined);

            expect(shadowOf(element).querySelectorAll('button')).toHaveLength(0);
            const status = shadowOf(element).querySelector('[data-id="control-message"]');
            expect(status?.getAttribute('role')).toBe('status');
            expect(message(element)).toBe('');
        });

        it('shows a connecting call’s controls, all disabled', async () => {
            const element = await mountControls(connectingCall());

            expect(labels(element)).toEqual(['Mute', 'Hold caller', 'Pause recording', 'End call']);
            expect(enabledLabels(element)).toEqual([]);
        });

        it('enables a connected call’s controls, toggles unpressed, and labels every button with text', async () => {
            const element = await mountControls(connectedCall());

            expect(enabledLabels(element)).toEqual(['Mute', 'Hold caller', 'Pause recording', 'End call']);
            expect(buttonState(element, 'control-mute')).toEqual({
                label: 'Mute',
                disabled: false,
                pressed: 'false',
                busy: null
            });
            expect(button(element, 'control-end-call').hasAttribute('aria-pressed')).toBe(false);
            expect(button(element, 'control-end-call').className).toContain('slds-button_destructive');
        });

        it('on a three-way call with the caller on hold: hold caller pressed (with a mark), swap and merge enabled', async () => {
            const element = await mountControls(threeWayCall());

            expect(enabledLabels(element)).toEqual([
                'Mute',
                'Hold caller',
                'Hold third party',
                'Swap',
                'Merge',
                'Pause recording',
                'End call'
            ]);
            expect(buttonState(element, 'control-hold-caller')).toMatchObject({ pressed: 'true' });
            expect(buttonState(element, 'control-hold-third-party')).toMatchObject({ pressed: 'false' });
            // Pressed is told by a mark and by aria-pressed, not by colour alone.
            const mark = button(element, 'control-hold-caller').querySelector('.pressed-mark');
            expect(mark?.textContent).toBe('✓');
            expect(mark?.getAttribute('aria-hidden')).toBe('true');
            expect(button(element, 'control-hold-third-party').querySelector('.pressed-mark')).toBeNull();
        });

        it('disables everything once the call has ended', async () => {
            const element = await mountControls(endedCall());

            expect(labels(element)).toEqual(['Mute', 'Hold caller', 'Pause recording', 'End call']);
            expect(enabledLabels(element)).toEqual([]);
        });
    });

    describe('pressing a control', () => {
        const MUTED: readonly ToolkitPayload[] = [...CONNECTED_EVENTS, callEvent('mute')];
        const PAUSED: readonly ToolkitPayload[] = [...CONNECTED_EVENTS, callEvent('pauserecording')];
        const BOTH_HELD: readonly ToolkitPayload[] = [...THREE_WAY_EVENTS, callEvent('hold', THIRD_PARTY)];

        it.each<[string, readonly ToolkitPayload[], string, string, string, ToolkitPayload, string]>([
            [
                'mute',
                CONNECTED_EVENTS,
                'control-mute',
                'mute()',
                'Muting…',
                callEvent('mute'),
                'Mute confirmed'
            ],
            [
                'unmute',
                MUTED,
                'control-mute',
                'unmute()',
                'Unmuting…',
                callEvent('unmute'),
                'Unmute confirmed'
            ],
            [
                'hold the caller',
                CONNECTED_EVENTS,
                'control-hold-caller',
                'hold(Initial_Caller)',
                'Holding caller…',
                callEvent('hold', CALLER),
                'Hold caller confirmed'
            ],
            [
                'resume the caller',
                THREE_WAY_EVENTS,
                'control-hold-caller',
                'resume(Initial_Caller)',
                'Resuming caller…',
                callEvent('resume', CALLER),
                'Resume caller confirmed'
            ],
            [
                'hold the third party',
                THREE_WAY_EVENTS,
                'control-hold-third-party',
                'hold(Third_Party)',
                'Holding third party…',
                callEvent('hold', THIRD_PARTY),
                'Hold third party confirmed'
            ],
            [
                'resume the third party',
                BOTH_HELD,
                'control-hold-third-party',
                'resume(Third_Party)',
                'Resuming third party…',
                callEvent('resume', THIRD_PARTY),
                'Resume third party confirmed'
            ],
            [
                'swap',
                THREE_WAY_EVENTS,
                'control-swap',
                'swap()',
                'Swapping…',
                callEvent('swap'),
                'Swap confirmed'
            ],
            [
                'merge',
                THREE_WAY_EVENTS,
                'control-merge',
                'merge()',
                'Merging…',
                callEvent('conference'),
                'Merge confirmed'
            ],
            [
                'pause recording',
                CONNECTED_EVENTS,
                'control-pause-recording',
                'pauseRecording()',
                'Pausing recording…',
                callEvent('pauserecording'),
                'Pause recording confirmed'
            ],
            [
                'resume recording',
                PAUSED,
                'control-pause-recording',
                'resumeRecording()',
                'Resuming recording…',
                callEvent('resumerecording'),
                'Resume recording confirmed'
            ],
            [
                'end the call',
                CONNECTED_EVENTS,
                'control-end-call',
                'endCall(Agent)',
                'Ending call…',
                callEvent('callended'),
                'End call confirmed'
            ]
        ])(
            '%s: calls the method, waits with a pending label, and is confirmed by the next call value',
            async (_name, history, dataId, expectedCall, pendingLabel, answer, confirmation) => {
                const { toolkit, calls } = fakeToolkit();
                const element = await mountControls(callAfter(history), toolkit);

                await press(element, dataId);

                expect(calls).toEqual([expectedCall]);
                expect(buttonState(element, dataId)).toMatchObject({
                    label: pendingLabel,
                    disabled: true,
                    busy: 'true'
                });
                expect(message(element)).toBe('');

                element.call = callAfter(history, answer);
                await rerender();

                expect(message(element)).toBe(confirmation);
                expect(button(element, dataId).getAttribute('aria-busy')).toBeNull();
                expect(textsOf(element, '[data-id="control-label"]')).not.toContain(pendingLabel);
            }
        );

        it('shows the new state once confirmed: Mute pressed and usable again to unmute', async () => {
            const { toolkit, calls } = fakeToolkit();
            const element = await mountControls(connectedCall(), toolkit);
            await press(element, 'control-mute');

            element.call = callAfter(CONNECTED_EVENTS, callEvent('mute'));
            await rerender();

            expect(buttonState(element, 'control-mute')).toEqual({
                label: 'Mute',
                disabled: false,
                pressed: 'true',
                busy: null
            });
            await press(element, 'control-mute');
            expect(calls).toEqual(['mute()', 'unmute()']);
        });

        it('leaves the other controls usable while one waits, and a second press of the waiting one does nothing', async () => {
            const { toolkit, calls } = fakeToolkit();
            const element = await mountControls(connectedCall(), toolkit);

            await press(element, 'control-mute');
            await press(element, 'control-mute');
            await press(element, 'control-hold-caller');

            expect(calls).toEqual(['mute()', 'hold(Initial_Caller)']);
            expect(labels(element)).toEqual(['Muting…', 'Holding caller…', 'Pause recording', 'End call']);
            expect(enabledLabels(element)).toEqual(['Pause recording', 'End call']);
        });

        it('keeps a waiting button focusable, aria-disabled rather than disabled, and a press of it asks nothing', async () => {
            const { toolkit, calls } = fakeToolkit();
            const element = await mountControls(connectedCall(), toolkit);
            button(element, 'control-mute').focus();

            await press(element, 'control-mute');

            const waiting = button(element, 'control-mute');
            expect(waiting.disabled).toBe(false);
            expect(waiting.getAttribute('aria-disabled')).toBe('true');
            expect(shadowOf(element).activeElement).toBe(waiting);
            await press(element, 'control-mute');
            expect(calls).toEqual(['mute()']);

            element.call = callAfter(CONNECTED_EVENTS, callEvent('mute'));
            await rerender();
            expect(button(element, 'control-mute').hasAttribute('aria-disabled')).toBe(false);
            expect(shadowOf(element).activeElement).toBe(button(element, 'control-mute'));
        });

        it('asks once for a double click faster than the re-render', async () => {
            const { toolkit, calls } = fakeToolkit();
            const call = connectedCall();
            const element = await mountControls(call, toolkit);

            button(element, 'control-end-call').click();
            button(element, 'control-end-call').click();
            await rerender();

            expect(calls).toEqual(['endCall(Agent)']);
            expect(element.call).toEqual(call);
        });

        it('keeps waiting through call values that do not show the outcome', async () => {
            jest.useFakeTimers();
            const element = await mountControls(connectedCall());
            await press(element, 'control-mute');

            element.call = callAfter(CONNECTED_EVENTS, callEvent('pauserecording'));
            await rerender();

            expect(buttonState(element, 'control-mute')).toMatchObject({ label: 'Muting…', disabled: true });
            expect(jest.getTimerCount()).toBe(1);
        });

        it('forgets, silently, a request whose call has gone', async () => {
            jest.useFakeTimers();
            const element = await mountControls(connectedCall());
            await press(element, 'control-hold-caller');

            element.call = undefined;
            await rerender();

            expect(jest.getTimerCount()).toBe(0);
            expect(message(element)).toBe('');
        });
    });

    describe('when the phone system does not confirm', () => {
        it('gives up after 5 s with a message, and the button is usable again', async () => {
            jest.useFakeTimers();
            const element = await mountControls(connectedCall());
            await press(element, 'control-mute');
            expect(jest.getTimerCount()).toBe(1);

            jest.advanceTimersByTime(4999);
            await rerender();
            expect(buttonState(element, 'control-mute')).toMatchObject({ label: 'Muting…', disabled: true });

            jest.advanceTimersByTime(1);
            await rerender();
            expect(message(element)).toBe('No confirmation from the phone system for Mute after 5 s');
            expect(buttonState(element, 'control-mute')).toEqual({
                label: 'Mute',
                disabled: false,
                pressed: 'false',
                busy: null
            });
            expect(jest.getTimerCount()).toBe(0);
        });

        it('ignores a confirmation that comes after the time out', async () => {
            jest.useFakeTimers();
            const element = await mountControls(connectedCall());
            await press(element, 'control-mute');
            jest.advanceTimersByTime(5000);

            element.call = callAfter(CONNECTED_EVENTS, callEvent('mute'));
            await rerender();

            expect(message(element)).toBe('No confirmation from the phone system for Mute after 5 s');
            expect(buttonState(element, 'control-mute')).toMatchObject({ pressed: 'true', disabled: false });
        });
    });

    describe('when the method fails', () => {
        it('says so when the method throws, with the error’s message, and stops waiting', async () => {
            jest.useFakeTimers();
            const { toolkit } = fakeToolkit({
                mute: () => {
                    throw new Error('Softphone is offline');
                }
            });
            const element = await mountControls(connectedCall(), toolkit);

            await press(element, 'control-mute');

            expect(message(element)).toBe('Mute failed: Softphone is offline');
            expect(buttonState(element, 'control-mute')).toMatchObject({
                label: 'Mute',
                disabled: false,
                busy: null
            });
            expect(jest.getTimerCount()).toBe(0);
        });

        it('says so when the method returns a rejected promise', async () => {
            const { toolkit } = fakeToolkit({ hold: () => Promise.reject(new Error('Line busy')) });
            const element = await mountControls(connectedCall(), toolkit);

            await press(element, 'control-hold-caller');
            await flush();

            expect(message(element)).toBe('Hold caller failed: Line busy');
            expect(buttonState(element, 'control-hold-caller')).toMatchObject({
                label: 'Hold caller',
                disabled: false
            });
        });

        it('waits for the events when the promise resolves', async () => {
            const { toolkit } = fakeToolkit({ hold: () => Promise.resolve({ success: true }) });
            const element = await mountControls(connectedCall(), toolkit);

            await press(element, 'control-hold-caller');
            await flush();

            expect(buttonState(element, 'control-hold-caller')).toMatchObject({ label: 'Holding caller…' });
            expect(message(element)).toBe('');
        });

        it('ignores a rejection that comes after the confirmation', async () => {
            let rejectLater: (reason: unknown) => void = () => undefined;
            const { toolkit } = fakeToolkit({
                mute: () =>
                    new Promise((_resolve, reject) => {
                        rejectLater = reject;
                    })
            });
            const element = await mountControls(connectedCall(), toolkit);
            await press(element, 'control-mute');
            element.call = callAfter(CONNECTED_EVENTS, callEvent('mute'));
            await rerender();

            rejectLater(new Error('too late'));
            await flush();

            expect(message(element)).toBe('Mute confirmed');
        });

        it.each<[string, unknown]>([
            ['an element without the method', {}],
            ['a method that is not a function', { mute: 'mute' }],
            ['no toolkit yet', undefined],
            ['a null toolkit', null],
            ['a toolkit that is not an object', 42]
        ])('says the method is missing on %s', async (_name, toolkit) => {
            jest.useFakeTimers();
            // Not mountControls: its default would stand in a toolkit for undefined.
            const element = mount('c-voice-call-controls', VoiceCallControls, {
                call: connectedCall(),
                toolkit
            });
            await rerender();

            await press(element, 'control-mute');

            expect(message(element)).toBe('Mute failed: the phone system offers no mute() method');
            expect(button(element, 'control-mute').disabled).toBe(false);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('shows an error message holding HTML as text', async () => {
            const html = '<img src=x onerror="alert(1)">';
            const { toolkit } = fakeToolkit({
                swap: () => {
                    throw new Error(html);
                }
            });
            const element = await mountControls(threeWayCall(), toolkit);

            await press(element, 'control-swap');

            expect(message(element)).toBe(`Swap failed: ${html}`);
            expect(shadowOf(element).querySelector('img')).toBeNull();
        });
    });

    describe('lifecycle', () => {
        it('leaves no timer when removed with requests waiting, and a late rejection changes nothing', async () => {
            jest.useFakeTimers();
            let rejectLater: (reason: unknown) => void = () => undefined;
            const { toolkit } = fakeToolkit({
                merge: () =>
                    new Promise((_resolve, reject) => {
                        rejectLater = reject;
                    })
            });
            const element = await mountControls(threeWayCall(), toolkit);
            await press(element, 'control-merge');
            await press(element, 'control-mute');
            expect(jest.getTimerCount()).toBe(2);

            document.body.removeChild(element);

            expect(jest.getTimerCount()).toBe(0);
            rejectLater(new Error('gone'));
            await rerender();
            expect(message(element)).toBe('');
        });

        it('starts clean when mounted again', async () => {
            jest.useFakeTimers();
            const element = await mountControls(connectedCall());
            await press(element, 'control-mute');
            document.body.removeChild(element);

            document.body.appendChild(element);
            await rerender();

            expect(buttonState(element, 'control-mute')).toMatchObject({ label: 'Mute', disabled: false });
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('inside the console', () => {
        it('calls the toolkit element the console hosts, and shows the confirming event', async () => {
            const consoleElement = mount('c-voice-call-console', VoiceCallConsole);
            await flush();
            for (const payload of CONNECTED_EVENTS) {
                await fireToolkitEvent(consoleElement, payload.type, payload.detail);
            }
            const toolkit = toolkitOf(consoleElement);
            const mute = jest.spyOn(toolkit as HTMLElement & { mute(): unknown }, 'mute');
            const controls = shadowOf(consoleElement).querySelector('c-voice-call-controls');
            if (controls === null) {
                throw new Error('the console renders no c-voice-call-controls');
            }

            await press(controls, 'control-mute');
            expect(mute).toHaveBeenCalledWith();
            expect(buttonState(controls, 'control-mute')).toMatchObject({ label: 'Muting…' });

            const answer = callEvent('mute');
            await fireToolkitEvent(consoleElement, answer.type, answer.detail);

            expect(message(controls)).toBe('Mute confirmed');
            expect(buttonState(controls, 'control-mute')).toMatchObject({ label: 'Mute', pressed: 'true' });
            const status = shadowOf(consoleElement).querySelector('c-voice-call-status');
            expect(status === null ? [] : textsOf(status, '[data-id="muted"]')).toEqual(['Muted']);
        });
    });

    it('is accessible with a connected call’s controls, all enabled', async () => {
        const element = await mountControls(connectedCall());

        expect(enabledLabels(element)).toEqual(['Mute', 'Hold caller', 'Pause recording', 'End call']);
        await expect(element).toBeAccessible();
    });

    it('is accessible with a request waiting', async () => {
        const element = await mountControls(connectedCall());
        await press(element, 'control-hold-caller');

        expect(buttonState(element, 'control-hold-caller')).toMatchObject({ disabled: true, busy: 'true' });
        await expect(element).toBeAccessible();
    });

    it('is accessible with an error message', async () => {
        const { toolkit } = fakeToolkit({ mute: () => Promise.reject(new Error('Softphone is offline')) });
        const element = await mountControls(connectedCall(), toolkit);
        await press(element, 'control-mute');
        await flush();

        expect(message(element)).toBe('Mute failed: Softphone is offline');
        await expect(element).toBeAccessible();
    });

    it('is accessible on a three-way call with a request waiting and a message shown', async () => {
        const { toolkit } = fakeToolkit({
            swap: () => {
                throw new Error('not now');
            }
        });
        const element = await mountControls(threeWayCall(), toolkit);
        await press(element, 'control-swap');
        await press(element, 'control-mute');

        await expect(element).toBeAccessible();
    });
});
