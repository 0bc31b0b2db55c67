// The console driven with the keyboard only, as an agent who does not use a mouse does: Tab and Shift+Tab reach every
// control in order, each showing where focus is; Space and Enter press buttons; typing and Enter search the
// transcript; the transcript's scroll area scrolls from the keyboard.
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
    byId,
    pollConsole,
    pollUntil,
    previewSessions,
    readConsole,
    readScenario,
    scenarioUtterances,
    stepOf,
    stepTo,
    waitForText
} from './support/previewPage';
import type { PreviewSession } from './support/previewPage';

const preview = previewSessions();

const FILE = 'inbound-call.json';
const SCENARIO = readScenario(FILE);
/** The call's lines, all said before it ends. */
const UTTERANCES = scenarioUtterances(SCENARIO);
/** Said in a few of the call's lines. */
const WORD = 'refund';

const inConsole = (dataId: string): string => `${byId('console')} ${byId(dataId)}`;

/** What has keyboard focus: the element inside every shadow root on the way, and how it is drawn. */
interface Focused {
    /** Data-ids (or tag names) of the shadow hosts on the way to the focused element, outermost first. */
    readonly hosts: readonly string[];
    readonly dataId: string | null;
    readonly tag: string;
    readonly focusVisible: boolean;
    readonly outlineStyle: string;
    readonly outlineWidth: string;
    readonly boxShadow: string;
}

/**
 * The focused element, found from `document.activeElement` through each shadow root's `activeElement` (the preview
 * runs synthetic shadow, where the document's active element is the outermost host).
 */
async function focused(page: Page): Promise<Focused> {
    return page.evaluate((): Focused => {
        const hosts: string[] = [];
        let element: Element | null = document.activeElement;
        let inner = element?.shadowRoot?.activeElement ?? null;
        while (element !== null && inner !== null) {
            hosts.push(element.getAttribute('data-id') ?? element.tagName.toLowerCase());
            element = inner;
            inner = element.shadowRoot?.activeElement ?? null;
        }
        const style = element === null ? undefined : getComputedStyle(element);
        return {
            hosts,
            dataId: element?.getAttribute('data-id') ?? null,
            tag: element?.tagName.toLowerCase() ?? '',
            focusVisible: element?.matches(':focus-visible') ?? false,
            outlineStyle: style?.outlineStyle ?? 'none',
            outlineWidth: style?.outlineWidth ?? '0px',
            boxShadow: style?.boxShadow ?? 'none'
        };
    });
}

const inConsoleFocus = (focus: Focused): boolean => focus.hosts.includes('console');

/** One shadow of a `box-shadow` list ("rgb(11, 92, 171) 0px 0px 0px 2px"): drawn when not transparent and not empty. */
function shadowDrawn(shadow: string): boolean {
    const transparent = /rgba\([^)]*,\s*0\)/u.test(shadow);
    const lengths = shadow.replace(/rgba?\([^)]*\)/gu, '').match(/-?\d+(\.\d+)?px/gu) ?? [];
    // The offsets may be zero; the blur or the spread must not be.
    return !transparent && lengths.slice(2).some((length) => parseFloat(length) > 0);
}

/** A focus indicator is drawn: an outline, or a box-shadow ring (SLDS draws focus as one). */
function hasFocusRing(focus: Focused): boolean {
    const outline = focus.outlineStyle !== 'none' && parseFloat(focus.outlineWidth) > 0;
    const shadows = focus.boxShadow === 'none' ? [] : focus.boxShadow.split(/,(?![^(]*\))/u);
    return outline || shadows.some(shadowDrawn);
}

/** What the focus shows, once any transition of its ring is over. */
async function settledFocus(page: Page): Promise<Focused> {
    return pollUntil(
        page,
        () => focused(page),
        (focus) => !inConsoleFocus(focus) || hasFocusRing(focus)
    );
}

/** Presses `key` and returns where focus went, checking it shows: focus-visible, with an outline or a ring. */
async function press(page: Page, key: string): Promise<Focused> {
    await page.keyboard.press(key);
    const focus = await settledFocus(page);
    if (inConsoleFocus(focus)) {
        expect({ dataId: focus.dataId, focusVisible: focus.focusVisible, ring: hasFocusRing(focus) }).toEqual(
            {
                dataId: focus.dataId,
                focusVisible: true,
                ring: true
            }
        );
    }
    return focus;
}

/** Presses `key` until focus leaves the console (at most `limit` times); the data-ids focused on the way. */
async function tabThrough(page: Page, key: 'Tab' | 'Shift+Tab', limit = 20): Promise<(string | null)[]> {
    const reached: (string | null)[] = [];
    for (let presses = 0; presses < limit; presses++) {
        const focus = await press(page, key);
        if (!inConsoleFocus(focus)) {
            return reached;
        }
        reached.push(focus.dataId);
    }
    return reached;
}

/**
 * Opens the preview, steps the inbound call to its last utterance (connected, every line shown), and puts the
 * keyboard's starting point on the page's heading, before the console: the next Tab reaches the console's first
 * control.
 */
async function connectedCallWithLines(): Promise<PreviewSession> {
    const session = await preview.open({ scenario: FILE });
    const { page } = session;
    const lastLine = SCENARIO.events.findLastIndex((event) => event.type === 'transcript') + 1;
    expect(lastLine).toBeLessThan(stepOf(SCENARIO, 'callended'));
    await stepTo(page, lastLine);
    await pollConsole(page, (view) => view.utterances.length === UTTERANCES.length);
    await waitForText(page, inConsole('status'), 'Connected');
    await page.click('h1');
    return session;
}

/** The lines of the call holding `word`, ignoring case. */
function linesWith(word: string): string[] {
    return UTTERANCES.filter((utterance) => utterance.text.toLowerCase().includes(word)).map(
        (utterance) => utterance.text
    );
}

async function currentLineText(page: Page): Promise<string | undefined> {
    const texts = await page
        .locator(`${inConsole('transcript')} [data-current="true"] ${byId('text')}`)
        .allTextContents();
    return texts.length === 1 ? texts[0].trim() : undefined;
}

const CONTROLS = ['control-mute', 'control-hold-caller', 'control-pause-recording', 'control-end-call'];
const AFTER_SEARCH = [
    'previous-match',
    'next-match',
    'speaker-filter',
    'copy',
    'download-text',
    'download-json',
    'scroller'
];

describe('the console with the keyboard only', () => {
    it('Tab and Shift+Tab reach every control in order, each with a visible focus indicator', async () => {
        const session = await connectedCallWithLines();
        const { page } = session;
        const matches = linesWith(WORD);
        expect(matches.length).toBeGreaterThan(1);

        // From the console's first control to the search box. Previous / next wait for something to search.
        const first = await press(page, 'Tab');
        expect(first.dataId).toBe('control-mute');
        const toSearch = [first.dataId];
        for (let presses = 0; presses < CONTROLS.length; presses++) {
            toSearch.push((await press(page, 'Tab')).dataId);
        }
        expect(toSearch).toEqual([...CONTROLS, 'search']);
        await page.keyboard.type(WORD);
        await waitForText(
            page,
            inConsole('match-count'),
            `${String(matches.length)} of ${String(matches.length)}`
        );

        // On to the transcript's scroll area, then out of the console.
        expect(await tabThrough(page, 'Tab')).toEqual(AFTER_SEARCH);
        expect(inConsoleFocus(await focused(page))).toBe(false);

        // And back, the same way in reverse.
        await press(page, 'Shift+Tab');
        const back = [(await focused(page)).dataId, ...(await tabThrough(page, 'Shift+Tab'))];
        expect(back).toEqual([...CONTROLS, 'search', ...AFTER_SEARCH].reverse());
        expect(session.browserErrors).toEqual([]);
    });

    it('Space mutes and Enter unmutes a connected call, focus staying on the button', async () => {
        const session = await connectedCallWithLines();
        const { page } = session;
        expect((await press(page, 'Tab')).dataId).toBe('control-mute');

        await page.keyboard.press('Space');
        await waitForText(page, inConsole('control-message'), 'Mute confirmed');
        expect((await pollConsole(page, (view) => view.muted)).muted).toBe(true);
        await waitForText(page, inConsole('muted'), 'Muted');
        expect(await page.getAttribute(inConsole('control-mute'), 'aria-pressed')).toBe('true');
        const afterMute = await settledFocus(page);
        expect(afterMute.dataId).toBe('control-mute');
        expect(afterMute.focusVisible).toBe(true);

        await page.keyboard.press('Enter');
        await waitForText(page, inConsole('control-message'), 'Unmute confirmed');
        expect((await pollConsole(page, (view) => !view.muted)).muted).toBe(false);
        expect(await page.getAttribute(inConsole('control-mute'), 'aria-pressed')).toBe('false');
        expect((await settledFocus(page)).dataId).toBe('control-mute');
        expect(session.browserErrors).toEqual([]);
    });

    it('typing in the search box finds the matches; Enter and Shift+Enter move between them', async () => {
        const session = await connectedCallWithLines();
        const { page } = session;
        const matches = linesWith(WORD);
        const count = String(matches.length);
        for (const dataId of [...CONTROLS, 'search']) {
            expect((await press(page, 'Tab')).dataId).toBe(dataId);
        }

        await page.keyboard.type(WORD.toUpperCase());
        await waitForText(page, inConsole('match-count'), `${count} of ${count}`);
        expect(await currentLineText(page)).toBe(matches.at(-1));

        await page.keyboard.press('Enter');
        await waitForText(page, inConsole('match-count'), `1 of ${count}`);
        expect(await currentLineText(page)).toBe(matches[0]);
        await page.keyboard.press('Enter');
        await waitForText(page, inConsole('match-count'), `2 of ${count}`);
        expect(await currentLineText(page)).toBe(matches[1]);
        await page.keyboard.press('Shift+Enter');
        await waitForText(page, inConsole('match-count'), `1 of ${count}`);
        expect(await currentLineText(page)).toBe(matches[0]);

        const focus = await focused(page);
        expect(focus.dataId).toBe('search');
        expect(await page.inputValue(inConsole('search'))).toBe(WORD.toUpperCase());
        expect(session.browserErrors).toEqual([]);
    });

    it('the speaker filter, a download and the scroll area work from the keyboard', async () => {
        const session = await connectedCallWithLines();
        const { page } = session;
        for (const dataId of [...CONTROLS, 'search', 'speaker-filter']) {
            expect((await press(page, 'Tab')).dataId).toBe(dataId);
        }

        // The options: All speakers, Agent, Customer, Supervisor.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        const customer = await pollConsole(page, (view) =>
            view.utterances.every((utterance) => utterance.speaker === 'Customer')
        );
        expect(customer.utterances).toEqual(
            UTTERANCES.filter((utterance) => utterance.speaker === 'Customer')
        );
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        const all = await pollConsole(page, (view) => view.utterances.length === UTTERANCES.length);
        expect(all.utterances).toEqual(UTTERANCES);

        expect((await press(page, 'Tab')).dataId).toBe('copy');
        expect((await press(page, 'Tab')).dataId).toBe('download-text');
        const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        expect(download.suggestedFilename()).toMatch(/^transcript-.+\.txt$/u);
        const exported = fs
            .readFileSync(await download.path(), 'utf8')
            .trimEnd()
            .split('\n');
        expect(exported).toHaveLength(UTTERANCES.length);
        await waitForText(page, inConsole('transcript-message'), 'Transcript downloaded');

        expect((await press(page, 'Tab')).dataId).toBe('download-json');
        expect((await press(page, 'Tab')).dataId).toBe('scroller');
        const scrollTop = (): Promise<number> =>
            page.locator(inConsole('scroller')).evaluate((scroller) => scroller.scrollTop);
        const bottom = await page
            .locator(inConsole('scroller'))
            .evaluate((scroller) => scroller.scrollHeight - scroller.clientHeight);
        expect(bottom).toBeGreaterThan(0);
        // The transcript follows its newest line at the next animation frame.
        expect(await pollUntil(page, scrollTop, (top) => top >= bottom - 8)).toBeGreaterThanOrEqual(
            bottom - 8
        );

        await page.keyboard.press('Home');
        expect(await pollUntil(page, scrollTop, (top) => top === 0)).toBe(0);
        await page.keyboard.press('PageDown');
        expect(await pollUntil(page, scrollTop, (top) => top > 0)).toBeGreaterThan(0);
        await page.keyboard.press('End');
        expect(await pollUntil(page, scrollTop, (top) => top >= bottom - 8)).toBeGreaterThanOrEqual(
            bottom - 8
        );
        expect((await readConsole(page)).utterances).toEqual(UTTERANCES);
        expect(session.browserErrors).toEqual([]);
    });
});
