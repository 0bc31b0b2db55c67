// A malformed scenario file: the page shows its one-line error and the server keeps serving. The test runs its own
// server on a throwaway project folder (scenarios/ in the OS temp folder), so the shipped scenarios stay untouched.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startPreviewServer } from '../scripts/preview/previewServer';
import type { PreviewServer } from '../scripts/preview/previewServer';
import {
    PROJECT_ROOT,
    SITE_DIR,
    byId,
    launchBrowser,
    openPreview,
    playScenario,
    pollConsole,
    readScenario,
    saveScreenshot,
    textOf,
    waitForText,
    waitUntilFinished
} from './support/previewPage';
import type { PreviewSession } from './support/previewPage';

const GOOD_FILE = 'inbound-call.json';
/** Valid JSON, invalid scenario: its second event is not a toolkit event. */
const BAD_FILE = 'bad-event-type.json';
const BAD_ERROR = /^scenarios\/bad-event-type\.json: events\[1\]\.type: .*"ringing"/;
/** Not JSON at all. */
const BROKEN_FILE = 'broken.json';

let browser: Browser;
let projectRoot: string;
let server: PreviewServer;
/** What the server printed about malformed files. */
const reported: string[] = [];
let session: PreviewSession | undefined;

beforeAll(async () => {
    projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-e2e-scenarios-'));
    const scenarios = path.join(projectRoot, 'scenarios');
    fs.mkdirSync(scenarios);
    for (const file of ['scenario.schema.json', GOOD_FILE]) {
        fs.copyFileSync(path.join(PROJECT_ROOT, 'scenarios', file), path.join(scenarios, file));
    }
    const good = readScenario(GOOD_FILE);
    const bad = {
        ...good,
        name: 'Bad event type',
        events: [good.events[0], { ...good.events[1], type: 'ringing' }]
    };
    fs.writeFileSync(path.join(scenarios, BAD_FILE), JSON.stringify(bad, null, 2));
    fs.writeFileSync(path.join(scenarios, BROKEN_FILE), '{ "name": "Broken", "events": [ }\n');

    server = await startPreviewServer({
        projectRoot,
        port: 0,
        host: '127.0.0.1',
        staticDir: SITE_DIR,
        reportError: (line) => reported.push(line)
    });
    browser = await launchBrowser();
});

afterEach(async () => {
    await session?.close();
    session = undefined;
});

afterAll(async () => {
    await browser.close();
    await server.close();
    fs.rmSync(projectRoot, { recursive: true, force: true });
});

describe('a malformed scenario file', () => {
    it('is listed with its one-line error, and the valid one beside it still plays', async () => {
        session = await openPreview(browser, { baseUrl: server.url });
        const { page } = session;

        const badError = `${byId('scenario-error')}[data-file="${BAD_FILE}"]`;
        await waitForText(page, badError, BAD_ERROR);
        const brokenError = await textOf(page, `${byId('scenario-error')}[data-file="${BROKEN_FILE}"]`);
        expect(brokenError).toMatch(/^scenarios\/broken\.json: /);
        expect(brokenError).not.toContain('\n');
        // The server printed each error once, as the page shows it.
        expect(reported).toHaveLength(2);
        expect(reported).toContain(await textOf(page, badError));

        await page.click(`${byId('scenario-picker')} button`);
        await page.click(`${byId('scenario-picker')} [data-value="${GOOD_FILE}"]`);
        await waitForText(page, byId('progress'), /^Ready: \d+ events$/);
        await playScenario(page, 100);
        await waitUntilFinished(page);
        expect((await pollConsole(page, (view) => view.status === 'Wrap-up complete')).status).toBe(
            'Wrap-up complete'
        );
        expect(session.browserErrors).toEqual([]);
    });

    it('chosen in the URL: the page shows its error and loads nothing; the server keeps serving', async () => {
        session = await openPreview(browser, {
            baseUrl: server.url,
            scenario: BAD_FILE,
            waitForScenario: false
        });
        const { page } = session;

        await waitForText(page, byId('scenario-load-error'), BAD_ERROR);
        expect(await textOf(page, byId('progress'))).toBe('No scenario loaded');
        expect((await pollConsole(page, () => true)).status).toBe('No active call');
        await saveScreenshot(page, 'malformed-scenario');
        expect(session.browserErrors).toEqual([]);

        // Still serving: the page again, and the API answers for the valid file and the bad one.
        await session.close();
        session = await openPreview(browser, { baseUrl: server.url, scenario: GOOD_FILE });
        expect(await textOf(session.page, byId('progress'))).toBe(
            `Ready: ${readScenario(GOOD_FILE).events.length} events`
        );
        const answers = await Promise.all(
            [GOOD_FILE, BAD_FILE].map(
                async (file) => (await fetch(`${server.url}api/scenarios/${file}`)).status
            )
        );
        expect(answers).toEqual([200, 422]);
        expect(session.browserErrors).toEqual([]);
    });
});
