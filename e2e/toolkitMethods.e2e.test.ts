// A toolkit method called on the simulated element, as the console would call it: logged, answered with its event,
// and shown in the console; a method that makes no sense without a call is refused and fires nothing.
import type { Page } from 'playwright-core';
import { RESPONSE_DELAY_MS } from '../preview/simulator/toolkitMethods';
import {
    byId,
    previewSessions,
    pollConsole,
    readConsole,
    readEventLog,
    waitForText
} from './support/previewPage';
import type { ShownLogEntry } from './support/previewPage';

const preview = previewSessions();

/**
 * Calls `mute()` on the page's toolkit element, as the console holding it would. A locator finds the element:
 * under synthetic shadow `document.querySelector` does not reach inside components.
 */
async function callMute(page: Page): Promise<void> {
    await page.locator('lightning-service-cloud-voice-toolkit-api').evaluate((toolkit) => {
        if (!('mute' in toolkit) || typeof toolkit.mute !== 'function') {
            throw new Error('The toolkit element has no mute() method');
        }
        (toolkit.mute as () => unknown).call(toolkit);
    });
}

/** Log entries oldest first (the page shows the newest first). */
async function logOldestFirst(page: Page): Promise<ShownLogEntry[]> {
    return (await readEventLog(page)).reverse();
}

describe('toolkit methods on the simulated element', () => {
    it('logs mute(), answers with a mute event, and the console shows "Muted"', async () => {
        const session = await preview.open();
        const { page } = session;
        await page.click(`${byId('fire-callstarted')} button`);
        await page.click(`${byId('fire-callconnected')} button`);
        await waitForText(page, `${byId('console')} ${byId('status')}`, 'Connected');

        await callMute(page);

        const muted = await pollConsole(page, (view) => view.muted);
        expect(muted.muted).toBe(true);
        const log = await logOldestFirst(page);
        const methodAt = log.findIndex((entry) => entry.kind === 'method' && entry.title === 'mute()');
        const eventAt = log.findIndex((entry) => entry.kind === 'event' && entry.title === 'mute');
        expect(methodAt).toBeGreaterThan(-1);
        expect(eventAt).toBeGreaterThan(methodAt);
        expect(log.filter((entry) => entry.kind === 'refused')).toEqual([]);
        expect(session.browserErrors).toEqual([]);
    });

    it('refuses mute() with no call: a refused entry, no event, and the console unchanged', async () => {
        const session = await preview.open();
        const { page } = session;

        await callMute(page);

        await page.locator(`${byId('log-entry')}[data-kind="refused"][data-title="mute()"]`).waitFor();
        // An accepted method is answered after RESPONSE_DELAY_MS: wait well past it.
        await page.waitForTimeout(RESPONSE_DELAY_MS * 3);
        const log = await logOldestFirst(page);
        expect(log).toEqual([
            { kind: 'method', title: 'mute()' },
            { kind: 'refused', title: 'mute()' }
        ]);
        const view = await readConsole(page);
        expect(view.status).toBe('No active call');
        expect(view.muted).toBe(false);
        expect(session.browserErrors).toEqual([]);
    });
});
