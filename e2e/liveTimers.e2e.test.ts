// The live timers in the browser: every shipped scenario, played in real time, shows the call's duration growing
// while the call is live and standing still once it has ended; a hold shows its hold time growing, then the total.
import type { Page } from 'playwright-core';
import {
    byId,
    playScenario,
    pollUntil,
    previewSessions,
    readScenario,
    saveScreenshot,
    skipToEnd,
    stepOf,
    stepTo,
    textOf,
    waitForText,
    waitUntilFinished
} from './support/previewPage';

const preview = previewSessions();

/** Real time: the console times a call by the clock, so the player must not hurry it. */
const REAL_TIME = 1;
/** How long to wait between two readings of a timer that ticks once a second. */
const BETWEEN_READINGS_MS = 1_500;

const inConsole = (dataId: string): string => `${byId('console')} ${byId(dataId)}`;

/** "Call 1:05" → 65, "0:42" → 42, "1:02:03" → 3723: the seconds a timer shows; undefined when it shows none. */
function secondsShown(text: string | undefined): number | undefined {
    const clock = /(\d+(?::\d{2}){1,2})$/.exec(text ?? '')?.[1];
    return clock?.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Reads a timer twice, `BETWEEN_READINGS_MS` apart. */
/**
 * Reads a live timer, then again once it shows something else (at least `BETWEEN_READINGS_MS` later, and as long
 * as it takes on a busy machine, up to the helpers' wait): a timer that never moves fails the comparison after.
 */
async function readTicking(page: Page, dataId: string): Promise<[string | undefined, string | undefined]> {
    const first = await textOf(page, inConsole(dataId));
    await page.waitForTimeout(BETWEEN_READINGS_MS);
    const second = await pollUntil(
        page,
        () => textOf(page, inConsole(dataId)),
        (text) => text !== first
    );
    return [first, second];
}

async function readTwice(page: Page, dataId: string): Promise<[string | undefined, string | undefined]> {
    const first = await textOf(page, inConsole(dataId));
    await page.waitForTimeout(BETWEEN_READINGS_MS);
    return [first, await textOf(page, inConsole(dataId))];
}

const SCENARIOS = [
    'inbound-call.json',
    'outbound-call.json',
    'three-way-call.json',
    'supervisor-flag.json',
    'long-call.json'
];

describe('live timers', () => {
    it.each(SCENARIOS)(
        '%s: the call duration grows while the call is live, and stands still once it ended',
        async (file) => {
            const session = await preview.open({ scenario: file });
            const { page } = session;

            await playScenario(page, REAL_TIME);
            await waitForText(page, inConsole('status'), 'Connected');
            await waitForText(page, inConsole('call-duration'), /^Call \d+:\d{2}$/);
            const [first, second] = await readTicking(page, 'call-duration');

            expect(await textOf(page, inConsole('status'))).toBe('Connected');
            expect(first).toMatch(/^Call \d+:\d{2}$/);
            expect(second).toMatch(/^Call \d+:\d{2}$/);
            expect(secondsShown(second)).toBeGreaterThan(secondsShown(first) ?? Number.POSITIVE_INFINITY);

            await skipToEnd(page);
            await waitUntilFinished(page);
            await waitForText(page, inConsole('status'), 'Wrap-up complete');
            const [ended, later] = await readTwice(page, 'call-duration');
            expect(ended).toMatch(/^Call \d+:\d{2}$/);
            expect(later).toBe(ended);
            expect(session.browserErrors).toEqual([]);
        }
    );

    it('outbound-call.json: a hold shows its time growing, then the total once resumed', async () => {
        const file = 'outbound-call.json';
        const scenario = readScenario(file);
        const session = await preview.open({ scenario: file });
        const { page } = session;

        await stepTo(page, stepOf(scenario, 'hold'));
        await waitForText(page, inConsole('hold-time'), /^\d+:\d{2}$/);
        const [first, second] = await readTicking(page, 'hold-time');

        expect(await textOf(page, inConsole('on-hold'))).toBe('On hold');
        expect(secondsShown(second)).toBeGreaterThan(secondsShown(first) ?? Number.POSITIVE_INFINITY);
        expect(await textOf(page, inConsole('hold-too-long'))).toBeUndefined();
        await saveScreenshot(page, 'outbound-call-hold-timers');

        await stepTo(page, stepOf(scenario, 'resume'));
        await waitForText(page, inConsole('hold-total'), /^Hold total \d+:\d{2}$/);
        expect(secondsShown(await textOf(page, inConsole('hold-total')))).toBeGreaterThanOrEqual(
            secondsShown(second) ?? Number.POSITIVE_INFINITY
        );
        expect(await textOf(page, inConsole('hold-time'))).toBeUndefined();
        expect(session.browserErrors).toEqual([]);
    });
});
