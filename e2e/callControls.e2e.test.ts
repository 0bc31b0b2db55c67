// The call controls as an agent uses them in the preview: each button calls the simulated toolkit's method, the
// simulator logs it and answers with the confirming event, and the console shows the new state.
import type { Page } from 'playwright-core';
import {
    byId,
    pollConsole,
    previewSessions,
    readConsole,
    readScenario,
    saveScreenshot,
    stepOf,
    stepTo,
    waitForText
} from './support/previewPage';

const preview = previewSessions();

const SCENARIO = 'inbound-call.json';

/** A control of the console, by its data-id. */
function control(dataId: string): string {
    return `${byId('console')} ${byId(dataId)}`;
}

async function press(page: Page, dataId: string): Promise<void> {
    await page.click(control(dataId));
}

/** Waits until the controls' status line shows `text`. */
async function waitForMessage(page: Page, text: string): Promise<void> {
    await waitForText(page, control('control-message'), text);
}

/**
 * The log's methods (with their arguments, as the log shows them) and events, oldest first (the page shows the
 * newest first): for example `method hold() ["Initial_Caller"]`, `event hold`.
 */
async function methodsAndEvents(page: Page): Promise<string[]> {
    const rows = await page.locator(byId('log-entry')).evaluateAll((entries) =>
        entries.map((entry) => ({
            kind: entry.getAttribute('data-kind') ?? '',
            title: entry.getAttribute('data-title') ?? '',
            detail: entry.querySelector('.detail')?.textContent.trim() ?? ''
        }))
    );
    return rows
        .filter((row) => row.kind !== 'info')
        .map((row) =>
            row.kind === 'method' ? `method ${row.title} ${row.detail}` : `${row.kind} ${row.title}`
        )
        .reverse();
}

/** Opens the preview and steps the inbound scenario until the call is connected. */
async function connectedCall(): Promise<{ page: Page; browserErrors: string[] }> {
    const session = await preview.open({ scenario: SCENARIO });
    await stepTo(session.page, stepOf(readScenario(SCENARIO), 'callconnected'));
    await waitForText(session.page, `${byId('console')} ${byId('status')}`, 'Connected');
    return session;
}

describe('the call controls in the preview', () => {
    it('mute, hold and resume the caller, then end the call: each confirmed by the simulator’s event', async () => {
        const { page, browserErrors } = await connectedCall();

        await press(page, 'control-mute');
        await waitForMessage(page, 'Mute confirmed');
        expect((await readConsole(page)).muted).toBe(true);
        expect(await page.getAttribute(control('control-mute'), 'aria-pressed')).toBe('true');

        await press(page, 'control-hold-caller');
        await waitForMessage(page, 'Hold caller confirmed');
        let view = await pollConsole(page, (shown) => shown.participants[0]?.onHold);
        expect(view.participants.map((party) => party.onHold)).toEqual([true]);
        expect(await page.textContent(`${byId('console')} ${byId('on-hold')}`)).toContain('On hold');

        await press(page, 'control-hold-caller');
        await waitForMessage(page, 'Resume caller confirmed');
        view = await readConsole(page);
        expect(view.participants.map((party) => party.onHold)).toEqual([false]);

        await press(page, 'control-end-call');
        await waitForMessage(page, 'End call confirmed');
        view = await readConsole(page);
        expect(view.status).toBe('Call ended');
        expect(await page.isDisabled(control('control-mute'))).toBe(true);
        await saveScreenshot(page, 'call-controls');

        const log = await methodsAndEvents(page);
        expect(log.slice(log.indexOf('method mute() []'))).toEqual([
            'method mute() []',
            'event mute',
            'method hold() ["Initial_Caller"]',
            'event hold',
            'method resume() ["Initial_Caller"]',
            'event resume',
            'method endCall() ["Agent"]',
            'event callended'
        ]);
        expect(browserErrors).toEqual([]);
    });

    it('swap and merge a three-way call', async () => {
        const { page, browserErrors } = await connectedCall();
        await press(page, 'control-hold-caller');
        await waitForMessage(page, 'Hold caller confirmed');
        await page.click(`${byId('fire-participantadded')} button`);
        await page.locator(control('control-swap')).waitFor();

        await press(page, 'control-swap');
        await waitForMessage(page, 'Swap confirmed');
        let view = await readConsole(page);
        expect(view.participants.map((party) => party.onHold)).toEqual([false, true]);

        await press(page, 'control-merge');
        await waitForMessage(page, 'Merge confirmed');
        view = await readConsole(page);
        expect(view.conference).toBe(true);
        expect(await page.isDisabled(control('control-merge'))).toBe(true);
        await saveScreenshot(page, 'call-controls-three-way');

        const log = await methodsAndEvents(page);
        expect(log).toContain('method swap() []');
        expect(log).toContain('method merge() []');
        expect(log.filter((entry) => entry.startsWith('refused'))).toEqual([]);
        expect(browserErrors).toEqual([]);
    });

    it('shows the pending label until the simulator answers', async () => {
        const { page } = await connectedCall();

        // The simulator answers after RESPONSE_DELAY_MS: click and read the button in the page, well within it.
        const waiting = await page.locator(control('control-pause-recording')).evaluate(
            (button) =>
                new Promise<{
                    label: string;
                    disabled: boolean;
                    ariaDisabled: string | null;
                    busy: string | null;
                    color: string;
                    background: string;
                    cursor: string;
                }>((resolve) => {
                    (button as HTMLButtonElement).click();
                    setTimeout(() => {
                        resolve({
                            label: button.textContent.trim(),
                            disabled: (button as HTMLButtonElement).disabled,
                            ariaDisabled: button.getAttribute('aria-disabled'),
                            busy: button.getAttribute('aria-busy'),
                            color: getComputedStyle(button).color,
                            background: getComputedStyle(button).backgroundColor,
                            cursor: getComputedStyle(button).cursor
                        });
                    }, 0);
                })
        );

        // Waiting, it cannot be pressed again, yet keeps keyboard focus: aria-disabled, not disabled. It looks
        // unavailable (grey on grey, a progress cursor), unlike the buttons beside it; its label stays readable.
        expect(waiting).toEqual({
            label: 'Pausing recording…',
            disabled: false,
            ariaDisabled: 'true',
            busy: 'true',
            color: 'rgb(92, 92, 92)',
            background: 'rgb(243, 243, 243)',
            cursor: 'progress'
        });
        const idle = await page
            .locator(control('control-mute'))
            .evaluate((button) => getComputedStyle(button).backgroundColor);
        expect(idle).not.toBe(waiting.background);
        await waitForMessage(page, 'Pause recording confirmed');
        expect((await readConsole(page)).recordingPaused).toBe(true);
    });
});
