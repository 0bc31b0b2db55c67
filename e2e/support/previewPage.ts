/**
 * The one set of helpers every browser test uses: where the built page and its server are, launching Debian's
 * Chromium, opening the preview page (optionally with a scenario), driving the scenario player, reading what the
 * console shows an agent, collecting browser errors, and saving screenshots.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Scenario } from '../../preview/simulator/simulatorTypes';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
/** The preview page, built once per run by the global setup. */
export const SITE_DIR = path.join(PROJECT_ROOT, '.build', 'e2e-site');
/** Written by the global setup: the shared server's URL, for the test files. */
const SERVER_FILE = path.join(PROJECT_ROOT, '.build', 'e2e-server.json');
const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'e2e-artifacts', 'screenshots');

/** Headless Chromium as root on this kind of machine (shared/reference/toolchain.md). */
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];

/** Waits on the page; generous, since the machine may be busy building or running other tests. */
const WAIT_MS = 30_000;

export function chromiumPath(): string {
    return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Fails with what to do when the browser is missing; playwright's own error points at `npx playwright install`. */
export function assertChromiumInstalled(): void {
    const executable = chromiumPath();
    if (!fs.existsSync(executable)) {
        throw new Error(
            `Chromium is not installed at ${executable}. Install it with \`apt-get install -y chromium\` ` +
                '(Debian), or set CHROMIUM_PATH to a Chromium executable.'
        );
    }
}

export async function launchBrowser(): Promise<Browser> {
    assertChromiumInstalled();
    return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

// ---- The shared server ----------------------------------------------------------------------------------

interface ServerInfo {
    readonly url: string;
}

export function writeServerInfo(info: ServerInfo): void {
    fs.mkdirSync(path.dirname(SERVER_FILE), { recursive: true });
    fs.writeFileSync(SERVER_FILE, JSON.stringify(info));
}

export function removeServerInfo(): void {
    fs.rmSync(SERVER_FILE, { force: true });
}

/** The URL of the server the global setup started. */
export function previewUrl(): string {
    if (!fs.existsSync(SERVER_FILE)) {
        throw new Error(`${SERVER_FILE} is missing: run the browser tests with \`npm run test:e2e\`.`);
    }
    return (JSON.parse(fs.readFileSync(SERVER_FILE, 'utf8')) as ServerInfo).url;
}

// ---- Scenario files ---------------------------------------------------------------------------------------

/** A shipped scenario file (scenarios/<file>), as written. */
export function readScenario(file: string): Scenario {
    return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'scenarios', file), 'utf8')) as Scenario;
}

/** A transcript line as the console shows it. */
export interface ShownUtterance {
    readonly speaker: string;
    readonly text: string;
}

function field(value: unknown, key: string): unknown {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The speaker label the console gives a toolkit role: every role but Agent and Supervisor is the customer's. */
function speakerOf(role: unknown): string {
    return role === 'Agent' || role === 'Supervisor' ? role : 'Customer';
}

/** The scenario's utterances in file order, as the console should show them. */
export function scenarioUtterances(scenario: Scenario): ShownUtterance[] {
    return scenario.events
        .filter((event) => event.type === 'transcript')
        .map((event) => ({
            speaker: speakerOf(field(field(event.detail, 'sender'), 'role')),
            text: String(field(field(event.detail, 'content'), 'text'))
        }));
}

/** 1-based position of the first event of `type` in the scenario: the step that fires it. */
export function stepOf(scenario: Scenario, type: string): number {
    const index = scenario.events.findIndex((event) => event.type === type);
    if (index < 0) {
        throw new Error(`"${scenario.name}" has no ${type} event`);
    }
    return index + 1;
}

// ---- The page ---------------------------------------------------------------------------------------------

export interface PreviewSession {
    readonly context: BrowserContext;
    readonly page: Page;
    /** Console errors and uncaught exceptions seen so far (warnings, such as LWC's dev-mode ones, are not). */
    readonly browserErrors: string[];
    close(): Promise<void>;
}

export interface OpenOptions {
    /** A file of scenarios/ to select, through `?scenario=<file>`; the page waits until it is loaded. */
    readonly scenario?: string;
    /** Another server than the shared one. */
    readonly baseUrl?: string;
    /** Wait for the scenario to load (default); off for a scenario that cannot load. */
    readonly waitForScenario?: boolean;
}

/**
 * One browser per test file and one page session per test, closed after it. Call it once at the top of a test
 * file, then open the page in each test with `await preview.open({ scenario })`.
 */
export function previewSessions(): { open(options?: OpenOptions): Promise<PreviewSession> } {
    let browser: Browser | undefined;
    let current: PreviewSession | undefined;
    beforeAll(async () => {
        browser = await launchBrowser();
    });
    afterEach(async () => {
        await current?.close();
        current = undefined;
    });
    afterAll(async () => {
        await browser?.close();
    });
    return {
        async open(options: OpenOptions = {}): Promise<PreviewSession> {
            if (browser === undefined) {
                throw new Error(
                    'previewSessions(): open a page inside a test, after the browser has launched'
                );
            }
            current = await openPreview(browser, options);
            return current;
        }
    };
}

/** A data-id selector. */
export function byId(dataId: string): string {
    return `[data-id="${dataId}"]`;
}

/** Opens the preview page in a fresh context and waits until the console has rendered. */
export async function openPreview(browser: Browser, options: OpenOptions = {}): Promise<PreviewSession> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const browserErrors: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'error') {
            browserErrors.push(`console.error: ${message.text()}`);
        }
    });
    page.on('pageerror', (error) => {
        browserErrors.push(`uncaught: ${error.message}`);
    });
    const session: PreviewSession = { context, page, browserErrors, close: () => context.close() };

    const url = new URL(options.baseUrl ?? previewUrl());
    if (options.scenario !== undefined) {
        url.searchParams.set('scenario', options.scenario);
    }
    await page.goto(url.toString());
    await page.locator(`${byId('console')} ${byId('status')}`).waitFor({ timeout: WAIT_MS });
    // The scenario list, then the chosen scenario, arrive after the first render.
    if (options.scenario !== undefined && options.waitForScenario !== false) {
        await waitForText(page, byId('progress'), /^Ready: \d+ events$/);
    }
    return session;
}

/** Text as a reader sees it: whitespace collapsed, trimmed. */
function normalized(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text of the first element matching `selector`, or undefined when there is none (no waiting). Playwright's
 * locators, unlike `document.querySelector` under synthetic shadow, reach inside the components.
 */
export async function textOf(page: Page, selector: string): Promise<string | undefined> {
    const texts = await page.locator(selector).allTextContents();
    return texts.length === 0 ? undefined : normalized(texts[0]);
}

/** Polls `read` until `done` holds or the wait times out; returns the last reading either way. */
export async function pollUntil<T>(
    page: Page,
    read: () => Promise<T>,
    done: (value: T) => boolean
): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    let value = await read();
    while (!done(value) && Date.now() < deadline) {
        await page.waitForTimeout(50);
        value = await read();
    }
    return value;
}

/** Waits until the first element matching `selector` shows `expected`; the error says what it showed instead. */
export async function waitForText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
    const matches = (text: string | undefined): boolean =>
        text !== undefined && (typeof expected === 'string' ? text === expected : expected.test(text));
    const shown = await pollUntil(page, () => textOf(page, selector), matches);
    if (!matches(shown)) {
        throw new Error(
            `${selector} never showed ${String(expected)}; it shows ${shown === undefined ? 'nothing' : `"${shown}"`}`
        );
    }
}

// ---- The scenario player ----------------------------------------------------------------------------------

export async function chooseSpeed(page: Page, speed: number): Promise<void> {
    await page.click(`${byId('speed')} button`);
    await page.click(`${byId('speed')} [data-value="${speed}"]`);
    await waitForText(page, `${byId('speed')} button`, `${speed}x`);
}

/** Plays the loaded scenario at `speed` (one of the picker's speeds: 0.5 … 100). */
export async function playScenario(page: Page, speed: number): Promise<void> {
    await chooseSpeed(page, speed);
    await page.click(`${byId('play')} button`);
}

export async function skipToEnd(page: Page): Promise<void> {
    await page.click(`${byId('skip-to-end')} button`);
}

export async function waitUntilFinished(page: Page): Promise<void> {
    await waitForText(page, byId('progress'), /^Finished: (\d+) of \1 events$/);
}

/** Steps the player until event `position` (1-based) has fired. */
export async function stepTo(page: Page, position: number): Promise<void> {
    const current = Number(/^Event (\d+) of/.exec((await textOf(page, byId('progress'))) ?? '')?.[1] ?? 0);
    for (let step = current; step < position; step++) {
        await page.click(`${byId('step')} button`);
    }
    await waitForText(page, byId('progress'), new RegExp(`^(Event ${position} of \\d+|Finished: .*)$`));
}

// ---- What the console shows -------------------------------------------------------------------------------

export interface ShownParticipant {
    readonly name: string;
    readonly onHold: boolean;
}

export interface ShownFlag {
    readonly state: string;
    readonly text: string;
    readonly raisedBy: string;
    /** Undefined while the flag is up. */
    readonly loweredBy: string | undefined;
}

export interface ShownNote {
    readonly text: string;
    readonly author: string;
    readonly role: string;
}

/** Everything the console shows an agent, as text. */
export interface ConsoleView {
    readonly status: string;
    readonly direction: string | undefined;
    readonly participants: readonly ShownParticipant[];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly conference: boolean;
    readonly utterances: readonly ShownUtterance[];
    readonly flags: readonly ShownFlag[];
    readonly notes: readonly ShownNote[];
    readonly ignored: string | undefined;
}

/** Every element of the console with a data-id, in document order: its data-id and its text. */
type Tagged = readonly [dataId: string, text: string];

export async function readConsole(page: Page): Promise<ConsoleView> {
    const tagged = await page.locator(`${byId('console')} [data-id]`).evaluateAll((elements): Tagged[] =>
        elements.flatMap((element): Tagged[] => {
            const dataId = element.getAttribute('data-id') ?? '';
            const root = element.getRootNode();
            if (root instanceof ShadowRoot && root.host.getAttribute('data-id') === 'utterance') {
                // Inside a transcript line: read below with its line, in order.
                return [];
            }
            if (dataId === 'utterance') {
                // Each transcript line is a component: its speaker and text are in its own shadow tree.
                const line = element.shadowRoot ?? element;
                const part = (id: string): string =>
                    line.querySelector(`[data-id="${id}"]`)?.textContent ?? '';
                return [
                    [dataId, ''],
                    ['speaker', part('speaker')],
                    ['text', part('text')]
                ];
            }
            return [[dataId, element.textContent]];
        })
    );
    return consoleView(tagged.map(([dataId, text]) => [dataId, normalized(text)]));
}

/** Folds the console's tagged elements into what it shows: each row's fields follow the row's own element. */
function consoleView(tagged: readonly Tagged[]): ConsoleView {
    let status = '';
    let direction: string | undefined;
    let ignored: string | undefined;
    const badges = new Set<string>();
    const participants: { name: string; onHold: boolean }[] = [];
    const utterances: { speaker: string; text: string }[] = [];
    const flags: { state: string; text: string; raisedBy: string; loweredBy: string | undefined }[] = [];
    const notes: { text: string; author: string; role: string }[] = [];
    for (const [dataId, text] of tagged) {
        const participant = participants.at(-1);
        const utterance = utterances.at(-1);
        const flag = flags.at(-1);
        const note = notes.at(-1);
        switch (dataId) {
            case 'status':
                status = text;
                break;
            case 'direction':
                direction = text;
                break;
            case 'ignored-count':
                ignored = text;
                break;
            case 'muted':
            case 'recording-paused':
            case 'conference':
                badges.add(text);
                break;
            case 'participant':
                participants.push({ name: '', onHold: false });
                break;
            case 'participant-name':
                if (participant) {
                    participant.name = text;
                }
                break;
            case 'on-hold':
                if (participant) {
                    participant.onHold = text === 'On hold';
                }
                break;
            case 'utterance':
                utterances.push({ speaker: '', text: '' });
                break;
            case 'speaker':
                if (utterance) {
                    utterance.speaker = text;
                }
                break;
            case 'text':
                if (utterance) {
                    utterance.text = text;
                }
                break;
            case 'flag':
                flags.push({ state: '', text: '', raisedBy: '', loweredBy: undefined });
                break;
            case 'flag-state':
                if (flag) {
                    flag.state = text;
                }
                break;
            case 'flag-text':
                if (flag) {
                    flag.text = text;
                }
                break;
            case 'raised-by':
                if (flag) {
                    flag.raisedBy = text;
                }
                break;
            case 'lowered-by':
                if (flag) {
                    flag.loweredBy = text;
                }
                break;
            case 'note':
                notes.push({ text: '', author: '', role: '' });
                break;
            case 'note-text':
                if (note) {
                    note.text = text;
                }
                break;
            case 'author':
                if (note) {
                    note.author = text;
                }
                break;
            case 'role':
                if (note) {
                    note.role = text;
                }
                break;
            default:
                // Containers, times, empty-state texts: nothing an assertion reads.
                break;
        }
    }
    return {
        status,
        direction,
        participants,
        muted: badges.has('Muted'),
        recordingPaused: badges.has('Recording paused'),
        conference: badges.has('Conference'),
        utterances,
        flags,
        notes,
        ignored
    };
}

/**
 * Reads the console until `until` holds (events and renders are asynchronous) or the wait times out, and returns
 * the last reading either way: the test's own assertions then say what differs.
 */
export async function pollConsole(page: Page, until: (view: ConsoleView) => boolean): Promise<ConsoleView> {
    return pollUntil(page, () => readConsole(page), until);
}

/** One row of the page's event log (newest first on the page). */
export interface ShownLogEntry {
    readonly kind: string;
    readonly title: string;
}

export async function readEventLog(page: Page): Promise<ShownLogEntry[]> {
    return page.locator(byId('log-entry')).evaluateAll((rows) =>
        rows.map((row) => ({
            kind: row.getAttribute('data-kind') ?? '',
            title: row.getAttribute('data-title') ?? ''
        }))
    );
}

// ---- Artifacts --------------------------------------------------------------------------------------------

/** Saves a full-page screenshot to e2e-artifacts/screenshots/<name>.png; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
}
