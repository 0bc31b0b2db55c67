// Every shipped scenario played in the browser to its end, then what the console shows the agent: status, the
// caller, the transcript line by line against the scenario file, flags and notes; the outbound and three-way
// calls also step by step through their holds, recording pause, mute and conference.
import type { Page } from 'playwright-core';
import {
    byId,
    previewSessions,
    playScenario,
    pollConsole,
    readConsole,
    readScenario,
    saveScreenshot,
    scenarioUtterances,
    skipToEnd,
    stepOf,
    stepTo,
    waitForText,
    waitUntilFinished
} from './support/previewPage';
import type { ConsoleView, ShownFlag, ShownNote, ShownUtterance } from './support/previewPage';

/** The fastest speed the player offers. */
const FAST = 100;

const preview = previewSessions();

/**
 * Where the shown lines end in the scenario's transcript (exclusive), once they are checked to be a run of its
 * lines in order; -1 when they are not. Lines repeat in a long call: the run is searched from the end.
 */
function shownEnd(view: ConsoleView, utterances: readonly ShownUtterance[]): number {
    const shown = view.utterances;
    for (let start = utterances.length - shown.length; start >= 0; start--) {
        if (
            shown.every((line, offset) => JSON.stringify(line) === JSON.stringify(utterances[start + offset]))
        ) {
            return start + shown.length;
        }
    }
    return -1;
}

interface ShippedScenario {
    readonly file: string;
    readonly direction: string;
    readonly caller: string;
    readonly flags: readonly ShownFlag[];
    readonly notes: readonly ShownNote[];
}

/** The end state each scenario reaches (`npm run replay -- scenarios/<file>`); the transcript comes from the file. */
const SHORT_SCENARIOS: readonly ShippedScenario[] = [
    { file: 'inbound-call.json', direction: 'Inbound call', caller: '+1 415 555 0134', flags: [], notes: [] },
    {
        file: 'outbound-call.json',
        direction: 'Outbound call',
        caller: '+1 212 555 0187',
        flags: [],
        notes: []
    },
    {
        file: 'three-way-call.json',
        direction: 'Inbound call',
        caller: '+1 303 555 0112',
        flags: [],
        notes: []
    },
    {
        file: 'supervisor-flag.json',
        direction: 'Inbound call',
        caller: '+1 646 555 0123',
        flags: [
            {
                state: 'Lowered',
                text: 'Customer asks for a $438.20 refund; my limit is $250. Can you approve?',
                raisedBy: 'Raised by Jordan Lee',
                loweredBy: 'Lowered by Priya Shah'
            }
        ],
        notes: [
            {
                text: "Approved: refund $438.20 as a billing adjustment and waive this month's late fee.",
                author: 'Priya Shah',
                role: '(Supervisor)'
            }
        ]
    }
];

/** The end of every shipped call: wrapped up, the caller back off hold, nothing muted, paused or conferenced. */
function expectWrappedUp(view: ConsoleView, expected: Omit<ShippedScenario, 'flags' | 'notes'>): void {
    expect(view.status).toBe('Wrap-up complete');
    expect(view.direction).toBe(expected.direction);
    expect(view.participants).toEqual([{ name: expected.caller, onHold: false }]);
    expect(view).toMatchObject({
        muted: false,
        recordingPaused: false,
        conference: false,
        ignored: undefined
    });
}

async function finishedConsole(page: Page): Promise<ConsoleView> {
    await waitUntilFinished(page);
    return pollConsole(page, (view) => view.status === 'Wrap-up complete');
}

const screenshotName = (file: string): string => file.replace(/\.json$/, '');

describe('shipped scenarios played to the end', () => {
    it.each(SHORT_SCENARIOS)('$file: the console shows the wrapped-up call', async (expected) => {
        const utterances = scenarioUtterances(readScenario(expected.file));
        const session = await preview.open({ scenario: expected.file });
        const { page } = session;

        await playScenario(page, FAST);
        const view = await finishedConsole(page);

        expectWrappedUp(view, expected);
        expect(view.utterances).toEqual(utterances);
        expect(view.flags).toEqual(expected.flags);
        expect(view.notes).toEqual(expected.notes);
        await saveScreenshot(page, screenshotName(expected.file));
        expect(session.browserErrors).toEqual([]);
    });

    it('long-call.json: lines arrive in order while playing, then Skip to end shows the latest, and all 3,000 on request', async () => {
        const file = 'long-call.json';
        const utterances = scenarioUtterances(readScenario(file));
        expect(utterances).toHaveLength(3000);
        const session = await preview.open({ scenario: file });
        const { page } = session;

        await playScenario(page, FAST);
        // The transcript shows the latest lines only (a window moving in blocks): what it shows is a run of the
        // scenario's lines, in order, and it keeps moving on.
        const early = await pollConsole(page, (view) => view.utterances.length >= 5);
        const earlyEnd = shownEnd(early, utterances);
        const later = await pollConsole(page, (view) => shownEnd(view, utterances) >= earlyEnd + 20);
        expect(earlyEnd).toBeGreaterThanOrEqual(early.utterances.length);
        expect(shownEnd(later, utterances)).toBeGreaterThanOrEqual(earlyEnd + 20);
        expect(early.status).toBe('Connected');

        await skipToEnd(page);
        const latest = await finishedConsole(page);
        expect(latest.utterances).toEqual(utterances.slice(3000 - latest.utterances.length));
        await waitForText(
            page,
            `${byId('console')} ${byId('window-label')}`,
            /^Showing lines since \d{1,2}:\d{2}:\d{2}\s[AP]M$/u
        );

        await page.click(`${byId('console')} ${byId('show-all')}`);
        const view = await pollConsole(page, (shown) => shown.utterances.length === utterances.length);

        expectWrappedUp(view, { file, direction: 'Inbound call', caller: '+1 415 555 0162' });
        expect(view.utterances).toHaveLength(utterances.length);
        expect(view.utterances[0]).toEqual(utterances[0]);
        expect(view.utterances.at(-1)).toEqual(utterances.at(-1));
        expect(view.flags).toEqual([]);
        expect(view.notes).toEqual([]);
        await saveScreenshot(page, screenshotName(file));
        expect(session.browserErrors).toEqual([]);
    });
});

describe('shipped scenarios step by step', () => {
    it('outbound-call.json: hold, recording pause and mute show as they happen', async () => {
        const file = 'outbound-call.json';
        const scenario = readScenario(file);
        const caller = '+1 212 555 0187';
        const session = await preview.open({ scenario: file });
        const { page } = session;

        await stepTo(page, stepOf(scenario, 'callconnected'));
        let view = await readConsole(page);
        expect(view).toMatchObject({ status: 'Connected', direction: 'Outbound call' });
        expect(view.participants).toEqual([{ name: caller, onHold: false }]);

        await stepTo(page, stepOf(scenario, 'hold'));
        expect((await readConsole(page)).participants).toEqual([{ name: caller, onHold: true }]);
        await stepTo(page, stepOf(scenario, 'resume'));
        expect((await readConsole(page)).participants).toEqual([{ name: caller, onHold: false }]);

        await stepTo(page, stepOf(scenario, 'pauserecording'));
        expect((await readConsole(page)).recordingPaused).toBe(true);
        await stepTo(page, stepOf(scenario, 'resumerecording'));
        expect((await readConsole(page)).recordingPaused).toBe(false);

        await stepTo(page, stepOf(scenario, 'mute'));
        expect((await readConsole(page)).muted).toBe(true);
        await stepTo(page, stepOf(scenario, 'unmute'));
        expect((await readConsole(page)).muted).toBe(false);

        await stepTo(page, stepOf(scenario, 'callended'));
        view = await readConsole(page);
        expect(view.status).toBe('Call ended');
        expect(view.utterances).toEqual(scenarioUtterances(scenario));

        await skipToEnd(page);
        expect((await finishedConsole(page)).status).toBe('Wrap-up complete');
        expect(session.browserErrors).toEqual([]);
    });

    it('three-way-call.json: the caller on hold, a third party, a swap, then a conference', async () => {
        const file = 'three-way-call.json';
        const scenario = readScenario(file);
        const caller = '+1 303 555 0112';
        const specialist = '+1 720 555 0199';
        const session = await preview.open({ scenario: file });
        const { page } = session;

        await stepTo(page, stepOf(scenario, 'hold'));
        let view = await readConsole(page);
        expect(view.status).toBe('Connected');
        expect(view.participants).toEqual([{ name: caller, onHold: true }]);

        await stepTo(page, stepOf(scenario, 'participantadded'));
        view = await readConsole(page);
        expect(view.participants).toEqual([
            { name: caller, onHold: true },
            { name: specialist, onHold: false }
        ]);
        expect(view.conference).toBe(false);

        await stepTo(page, stepOf(scenario, 'swap'));
        expect((await readConsole(page)).participants).toEqual([
            { name: caller, onHold: false },
            { name: specialist, onHold: true }
        ]);

        await stepTo(page, stepOf(scenario, 'conference'));
        view = await readConsole(page);
        expect(view.conference).toBe(true);
        expect(view.participants).toEqual([
            { name: caller, onHold: false },
            { name: specialist, onHold: false }
        ]);
        await saveScreenshot(page, 'three-way-call-conference');

        await stepTo(page, stepOf(scenario, 'participantremoved'));
        view = await readConsole(page);
        expect(view.conference).toBe(false);
        expect(view.participants).toEqual([{ name: caller, onHold: false }]);

        await skipToEnd(page);
        expect((await finishedConsole(page)).status).toBe('Wrap-up complete');
        expect(await page.locator(`${byId('skip-to-end')} button`).isDisabled()).toBe(true);
        expect(session.browserErrors).toEqual([]);
    });
});
