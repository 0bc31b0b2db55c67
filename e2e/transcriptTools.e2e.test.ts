// The transcript's tools in the browser, on the 3,000-line call: search the whole transcript and move to a match
// outside the latest lines, filter by speaker, copy, download as text and JSON, and read older lines while new ones
// keep arriving.
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import {
    byId,
    playScenario,
    pollConsole,
    pollUntil,
    previewSessions,
    readConsole,
    readScenario,
    saveScreenshot,
    scenarioUtterances,
    skipToEnd,
    textOf,
    waitForText,
    waitUntilFinished
} from './support/previewPage';
import type { PreviewSession, ShownUtterance } from './support/previewPage';

const preview = previewSessions();

const FILE = 'long-call.json';
const SCENARIO = readScenario(FILE);
const UTTERANCES = scenarioUtterances(SCENARIO);
/** The transcript shows at least this many of the latest lines (voiceCallTranscriptView's LATEST_LINES). */
const LATEST_LINES = 60;
/** Said a few times early in the call and once among its last lines: a search finds matches in and out of view. */
const WORD = 'flagged';
/** The fastest speed the player offers. */
const FAST = 100;

const inConsole = (dataId: string): string => `${byId('console')} ${byId(dataId)}`;

/** The scenario's call id, from its first event. */
function scenarioCallId(): string {
    const detail = SCENARIO.events[0].detail;
    const callId =
        typeof detail === 'object' && detail !== null
            ? (detail as Record<string, unknown>).callId
            : undefined;
    if (typeof callId !== 'string') {
        throw new Error(`${FILE}: the first event has no callId`);
    }
    return callId;
}

/** Positions, in the scenario's transcript, of the lines holding `word`, ignoring case. */
function linesWith(word: string): number[] {
    return UTTERANCES.flatMap((utterance, index) =>
        utterance.text.toLowerCase().includes(word.toLowerCase()) ? [index] : []
    );
}

/** Opens the preview on the long call and plays it to its end at once: every line is in the console. */
async function finishedLongCall(): Promise<PreviewSession> {
    const session = await preview.open({ scenario: FILE });
    await skipToEnd(session.page);
    await waitUntilFinished(session.page);
    await waitForText(session.page, inConsole('status'), 'Wrap-up complete');
    return session;
}

/** The text of the line holding the current match (its own component's `text` part). */
async function currentLineText(page: Page): Promise<string | undefined> {
    const texts = await page
        .locator(`${inConsole('transcript')} [data-current="true"] ${byId('text')}`)
        .allTextContents();
    return texts.length === 1 ? texts[0].trim() : undefined;
}

interface ScrollPosition {
    readonly top: number;
    readonly height: number;
    readonly client: number;
}

async function scrollPosition(page: Page): Promise<ScrollPosition> {
    return page.locator(inConsole('scroller')).evaluate((scroller) => ({
        top: scroller.scrollTop,
        height: scroller.scrollHeight,
        client: scroller.clientHeight
    }));
}

/** Within the transcript's slack (8 px) of the bottom of its scroll area. */
const atBottom = (position: ScrollPosition): boolean => position.height - position.top - position.client <= 8;

/** Whether the current match's line lies inside the visible part of the scroll area. */
async function currentLineVisible(page: Page): Promise<boolean> {
    const scroller = await page.locator(inConsole('scroller')).boundingBox();
    const line = await page.locator(`${inConsole('transcript')} [data-current="true"]`).boundingBox();
    if (scroller === null || line === null) {
        return false;
    }
    return line.y >= scroller.y - 1 && line.y + line.height <= scroller.y + scroller.height + 1;
}

/**
 * Whether the element matching `selector` lies inside the visible part of the utility panel's body, which scrolls
 * when the console is taller than the panel.
 */
async function inViewOfPanel(page: Page, selector: string): Promise<boolean> {
    const panel = await page.locator(`${byId('utility-panel')} .slds-utility-panel__body`).boundingBox();
    const element = await page.locator(selector).boundingBox();
    if (panel === null || element === null) {
        return false;
    }
    return element.y >= panel.y - 1 && element.y + element.height <= panel.y + panel.height + 1;
}

/** "[1:05] Customer: text", "[1:02:03] Agent: text": the text export's line, time from the call's start. */
const EXPORT_LINE = /^\[(?:\d+:)?\d{1,2}:\d{2}\] (Agent|Customer|Supervisor): (.*)$/u;

/** The export's lines, as speaker and text; fails on a line of another shape. */
function exportedUtterances(text: string): ShownUtterance[] {
    expect(text.endsWith('\n')).toBe(true);
    return text
        .slice(0, -1)
        .split('\n')
        .map((line) => {
            const match = EXPORT_LINE.exec(line);
            if (match === null) {
                throw new Error(`not a transcript line: "${line}"`);
            }
            return { speaker: match[1], text: match[2] };
        });
}

describe('transcript tools on the long call', () => {
    it('searches the whole transcript, moves to a match outside the latest lines, and back', async () => {
        const session = await finishedLongCall();
        const { page } = session;
        const matches = linesWith(WORD);
        // The scenario must keep a match among the latest lines and one before them, or the test proves less.
        expect(matches.at(-1)).toBeGreaterThanOrEqual(UTTERANCES.length - LATEST_LINES);
        expect(matches[0]).toBeLessThan(UTTERANCES.length - LATEST_LINES);
        const count = matches.length;

        expect(await inViewOfPanel(page, inConsole('search'))).toBe(true);

        await page.fill(inConsole('search'), WORD.toUpperCase());

        await waitForText(page, inConsole('match-count'), `${String(count)} of ${String(count)}`);
        const marked = await page
            .locator(`${inConsole('transcript')} mark${byId('match')}`)
            .allTextContents();
        expect(marked.length).toBeGreaterThan(0);
        expect(marked.map((text) => text.toLowerCase())).toEqual(marked.map(() => WORD));
        expect(await currentLineText(page)).toBe(UTTERANCES[matches[count - 1]].text);
        expect(await page.locator(inConsole('around-label')).count()).toBe(0);
        // The match is shown in the transcript's own scroll area, and in the panel with the search box still in view.
        expect(await inViewOfPanel(page, inConsole('search'))).toBe(true);
        expect(await inViewOfPanel(page, `${inConsole('transcript')} [data-current="true"]`)).toBe(true);

        // Back through the matches until one lies outside the latest lines.
        let shown = count;
        while ((await page.locator(inConsole('around-label')).count()) === 0 && shown > 1) {
            await page.click(inConsole('previous-match'));
            shown -= 1;
            await waitForText(page, inConsole('match-count'), `${String(shown)} of ${String(count)}`);
        }
        await waitForText(page, inConsole('around-label'), 'Showing lines around the match');
        expect(matches[shown - 1]).toBeLessThan(UTTERANCES.length - LATEST_LINES);
        expect(await currentLineText(page)).toBe(UTTERANCES[matches[shown - 1]].text);
        expect(await pollUntil(page, () => currentLineVisible(page), Boolean)).toBe(true);
        expect(await inViewOfPanel(page, `${inConsole('transcript')} [data-current="true"]`)).toBe(true);
        expect(await inViewOfPanel(page, inConsole('search'))).toBe(true);
        expect(await inViewOfPanel(page, inConsole('previous-match'))).toBe(true);
        await saveScreenshot(page, 'transcript-search-around-match');

        await page.click(inConsole('back-to-latest'));
        const last = JSON.stringify(UTTERANCES.at(-1));
        const latest = await pollConsole(page, (view) => JSON.stringify(view.utterances.at(-1)) === last);
        expect(await page.locator(inConsole('around-label')).count()).toBe(0);
        expect(latest.utterances.at(-1)).toEqual(UTTERANCES.at(-1));
        expect(latest.utterances.length).toBeLessThanOrEqual(2 * LATEST_LINES);
        expect(atBottom(await pollUntil(page, () => scrollPosition(page), atBottom))).toBe(true);
        expect(session.browserErrors).toEqual([]);
    });

    it.each(['Supervisor', 'Customer', 'Agent'])(
        "filters by speaker: only the %s's lines, the latest of them",
        async (speaker) => {
            const session = await finishedLongCall();
            const { page } = session;
            const spoken = UTTERANCES.filter((utterance) => utterance.speaker === speaker);

            await page.selectOption(inConsole('speaker-filter'), speaker);

            const view = await pollConsole(page, (shown) =>
                shown.utterances.every((utterance) => utterance.speaker === speaker)
            );
            expect(new Set(view.utterances.map((utterance) => utterance.speaker))).toEqual(
                new Set([speaker])
            );
            expect(view.utterances.length).toBeGreaterThan(0);
            expect(view.utterances).toEqual(spoken.slice(spoken.length - view.utterances.length));

            await page.selectOption(inConsole('speaker-filter'), 'all');
            const all = await pollConsole(
                page,
                (shown) =>
                    shown.utterances.length > 0 &&
                    shown.utterances.some((utterance) => utterance.speaker !== speaker)
            );
            expect(all.utterances).toEqual(UTTERANCES.slice(UTTERANCES.length - all.utterances.length));
            expect(session.browserErrors).toEqual([]);
        }
    );

    it('copies the whole transcript as "[time] Speaker: text" lines', async () => {
        const session = await finishedLongCall();
        const { page, context } = session;
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: new URL(page.url()).origin
        });

        await page.click(inConsole('copy'));

        await waitForText(page, inConsole('transcript-message'), 'Transcript copied');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(exportedUtterances(copied)).toEqual(UTTERANCES);
        expect(session.browserErrors).toEqual([]);
    });

    it('downloads the transcript as .txt and .json, named after the call', async () => {
        const session = await finishedLongCall();
        const { page } = session;
        const callId = scenarioCallId();

        const [textDownload] = await Promise.all([
            page.waitForEvent('download'),
            page.click(inConsole('download-text'))
        ]);
        expect(textDownload.suggestedFilename()).toBe(`transcript-${callId}.txt`);
        const text = fs.readFileSync(await textDownload.path(), 'utf8');
        expect(exportedUtterances(text)).toEqual(UTTERANCES);
        await waitForText(page, inConsole('transcript-message'), 'Transcript downloaded');

        const [jsonDownload] = await Promise.all([
            page.waitForEvent('download'),
            page.click(inConsole('download-json'))
        ]);
        expect(jsonDownload.suggestedFilename()).toBe(`transcript-${callId}.json`);
        const json: unknown = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
        expect(json).toMatchObject({ version: 1, callId });
        const utterances = (json as { utterances: { role: string; text: string }[] }).utterances;
        expect(utterances).toHaveLength(UTTERANCES.length);
        expect(utterances.map(({ role, text: said }) => ({ speaker: role, text: said }))).toEqual(UTTERANCES);
        expect(session.browserErrors).toEqual([]);
    });

    it('stays where the agent scrolled up to while lines keep arriving, then jumps to the latest', async () => {
        const session = await preview.open({ scenario: FILE });
        const { page } = session;
        await playScenario(page, FAST);
        // Enough lines to scroll, and most of the call still to come.
        const playing = await pollConsole(page, (view) => view.utterances.length >= 20);
        expect(playing.status).toBe('Connected');

        await page.locator(inConsole('scroller')).evaluate((scroller) => {
            scroller.scrollTop = 0;
            scroller.dispatchEvent(new CustomEvent('scroll'));
        });
        await waitForText(page, inConsole('jump-to-latest'), /^\d+ new lines?$/u);
        const before = (await readConsole(page)).utterances.length;
        const firstUnseen = Number(
            /^\d+/u.exec((await textOf(page, inConsole('jump-to-latest'))) ?? '')?.[0]
        );

        // More lines arrive; the agent's reading position does not move and nothing leaves from above it.
        const later = await pollConsole(page, (view) => view.utterances.length >= before + 20);
        expect(later.utterances.length).toBeGreaterThanOrEqual(before + 20);
        expect(later.utterances[0]).toEqual(playing.utterances[0]);
        expect((await scrollPosition(page)).top).toBe(0);
        const unseen = Number(/^\d+/u.exec((await textOf(page, inConsole('jump-to-latest'))) ?? '')?.[0]);
        expect(unseen).toBeGreaterThan(firstUnseen);
        await saveScreenshot(page, 'transcript-new-lines');

        await page.click(inConsole('jump-to-latest'));

        expect(
            await pollUntil(
                page,
                () => page.locator(inConsole('jump-to-latest')).count(),
                (n) => n === 0
            )
        ).toBe(0);
        expect(atBottom(await pollUntil(page, () => scrollPosition(page), atBottom))).toBe(true);
        expect(await textOf(page, inConsole('status'))).toBe('Connected');
        expect(session.browserErrors).toEqual([]);
    });
});
