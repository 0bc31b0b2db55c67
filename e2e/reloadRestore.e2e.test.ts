// A reload mid-call, as an agent's browser does it: the console restores the call from sessionStorage,
// says it was restored, and keeps every utterance once when the call goes on.
import {
    byId,
    previewSessions,
    pollConsole,
    readConsole,
    readScenario,
    saveScreenshot,
    scenarioUtterances,
    stepOf,
    stepTo,
    waitForText
} from './support/previewPage';

const SCENARIO = 'supervisor-flag.json';

const preview = previewSessions();

describe('reload in the preview', () => {
    it('shows the same call after a reload mid-scenario, marked as restored', async () => {
        const session = await preview.open({ scenario: SCENARIO });
        const { page } = session;
        const scenario = readScenario(SCENARIO);
        // Up to the supervisor's note: the flag is raised, the note sent, the flag still open.
        await stepTo(page, stepOf(scenario, 'note'));
        const before = await pollConsole(page, (view) => view.notes.length === 1 && view.flags.length === 1);
        expect(before.utterances.length).toBeGreaterThan(0);
        // The console writes at most twice a second: let the last write land before the reload.
        await page.waitForTimeout(700);

        await page.reload();
        await page.locator(`${byId('console')} ${byId('status')}`).waitFor();

        await waitForText(page, `${byId('console')} ${byId('restored')}`, /^Restored from /);
        const after = await readConsole(page);
        expect(after.status).toBe(before.status);
        expect(after.participants).toEqual(before.participants);
        expect(after.utterances).toEqual(before.utterances);
        expect(after.flags).toEqual(before.flags);
        expect(after.notes).toEqual(before.notes);
        await saveScreenshot(page, 'reload-restored');

        // The scenario starts over after the reload; replaying it merges without a duplicate line.
        await waitForText(page, byId('progress'), /^Ready: \d+ events$/);
        await page.click(`${byId('skip-to-end')} button`);
        const expected = scenarioUtterances(scenario).map((utterance) => utterance.text);
        const finished = await pollConsole(page, (view) => view.status === 'Wrap-up complete');
        expect(finished.utterances.map((utterance) => utterance.text)).toEqual(expected);
        expect(session.browserErrors).toEqual([]);
    });
});
