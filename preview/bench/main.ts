/**
 * Entry of the transcript benchmark page (`npm run bench`). Streams utterances, one event at a time, into the real
 * c-voice-call-console through the simulated toolkit element, and into two framework-free lists for reference, and
 * measures each utterance from dispatch until its row is in the DOM and laid out. Driven by scripts/bench/bench.ts.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import VoiceCallConsole from 'c/voiceCallConsole';
import { DEFAULT_TRANSCRIPT_HEIGHT } from 'c/voiceCallTranscript';
import { SPEAKER_LABELS, formatClockTime, isoTime } from 'c/voiceCallFormat';
import type { SenderRole } from 'c/voiceCallEvents';
import type {
    BenchInput,
    BenchRun,
    BenchSubject,
    BenchUtterance,
    ChartSeries,
    VoiceCallBenchApi
} from './benchTypes';

const TOOLKIT_TAG = 'lightning-service-cloud-voice-toolkit-api';
/** Utility-bar panel size; the list scrolls inside it and follows the newest line (auto-scroll). */
const PANEL_WIDTH = 340;
const PANEL_HEIGHT = 640;
/** How many old rows the limit drops at once. */
const LIMIT_BLOCK = 60;
/** Microtasks to wait for a render before falling back to a task. */
const MICROTASK_SPINS = 50;

interface MemoryPerformance {
    readonly memory?: { readonly usedJSHeapSize: number };
}

interface GcWindow {
    readonly gc?: () => void;
}

const channel = new MessageChannel();
const pending: (() => void)[] = [];
channel.port1.onmessage = () => {
    pending.shift()?.();
};

/** Yields to the browser: a task, without setTimeout's clamping. */
function yieldToBrowser(): Promise<void> {
    return new Promise((resolve) => {
        pending.push(resolve);
        channel.port2.postMessage(null);
    });
}

/** Waits for the next animation frame. */
function nextFrame(): Promise<void> {
    return new Promise((resolve) => {
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the benchmark waits for the console's frame
        requestAnimationFrame(() => {
            resolve();
        });
    });
}

function heapAfterGc(): number | null {
    (window as unknown as GcWindow).gc?.();
    const memory = (performance as unknown as MemoryPerformance).memory;
    return memory === undefined ? null : memory.usedJSHeapSize;
}

/** Where the lists run, and where the chart is drawn. */
const stage = document.createElement('div');
const chart = document.createElement('div');
chart.id = 'chart';
document.body.append(stage, chart);

/** A utility-bar-sized panel; the references' lists scroll in one as tall as the console's transcript area. */
function panel(height = PANEL_HEIGHT): HTMLDivElement {
    stage.replaceChildren();
    const scroller = document.createElement('div');
    scroller.style.cssText = `width:${PANEL_WIDTH}px;height:${height}px;overflow:auto;border:1px solid #ccc`;
    stage.appendChild(scroller);
    return scroller;
}

function roleOf(role: string): SenderRole {
    return role === 'Agent' || role === 'Supervisor' ? role : 'Customer';
}

function transcriptEvent(utterance: BenchUtterance, at: number): CustomEvent {
    return new CustomEvent('transcript', {
        detail: {
            id: utterance.id,
            callId: utterance.callId,
            content: { formatType: 'Text', text: utterance.text },
            sender: { role: utterance.role },
            clientSentTimestamp: at
        }
    });
}

/** What a subject must provide: where to dispatch, its newest row, and how it follows the newest row. */
interface Subject {
    readonly target: EventTarget;
    lastRow(): Element | null;
    rowCount(): number;
    /** The text a row shows, to check the right row arrived. */
    rowText(row: Element): string;
    /**
     * Auto-scroll after a row arrived: the references scroll their list per row; the console follows by itself
     * (at the next animation frame, once for the rows that arrived before it).
     */
    followNewest(): void;
    /** Whether the list is scrolled to its newest row, checked after the run. */
    atNewest(): boolean;
}

function scrolledToEnd(scroller: Element | null | undefined): boolean {
    return (
        scroller !== null &&
        scroller !== undefined &&
        scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 8
    );
}

/** Streams every utterance into `subject`, one event at a time, yielding between events. */
async function stream(name: BenchSubject, subject: Subject, input: BenchInput): Promise<BenchRun> {
    const latencies: number[] = [];
    let mismatches = 0;
    let previous = subject.lastRow();
    const started = performance.now();
    const base = Date.now();
    // One event at a time, on purpose: each is measured alone, with the browser given a turn between events.
    /* eslint-disable no-await-in-loop */
    for (let index = 0; index < input.utterances.length; index++) {
        const utterance = input.utterances[index];
        const event = transcriptEvent(utterance, base + index);
        const t0 = performance.now();
        subject.target.dispatchEvent(event);
        let row = subject.lastRow();
        let spins = 0;
        while (row === previous || row === null) {
            if (spins < MICROTASK_SPINS) {
                await Promise.resolve();
            } else {
                await yieldToBrowser();
            }
            spins += 1;
            row = subject.lastRow();
        }
        // Auto-scroll: follow the newest line, then read its box (layout).
        subject.followNewest();
        row.getBoundingClientRect();
        latencies.push(performance.now() - t0);
        if (subject.rowText(row) !== utterance.text) {
            mismatches += 1;
        }
        previous = row;
        await yieldToBrowser();
    }
    /* eslint-enable no-await-in-loop */
    const totalMs = performance.now() - started;
    // The console follows the newest line at the next frame: check where the list is once frames have run.
    await nextFrame();
    await nextFrame();
    if (!subject.atNewest()) {
        mismatches += 1;
    }
    return {
        subject: name,
        latencies,
        totalMs,
        rowsAtEnd: subject.rowCount(),
        mismatches
    };
}

// ---- The console ------------------------------------------------------------------------------------------

function shadowOf(element: Element | null | undefined): ShadowRoot | null {
    return element?.shadowRoot ?? null;
}

async function prepareConsole(input: BenchInput): Promise<Subject> {
    sessionStorage.clear();
    const scroller = panel();
    const consoleElement = createElement('c-voice-call-console', { is: VoiceCallConsole });
    scroller.appendChild(consoleElement);
    await yieldToBrowser();
    const toolkit = shadowOf(consoleElement)?.querySelector(TOOLKIT_TAG);
    if (toolkit === null || toolkit === undefined) {
        throw new Error(`${TOOLKIT_TAG} not found in the console`);
    }
    const start = { callId: input.callId, callType: 'inbound', participant: '+1 415 555 0162' };
    toolkit.dispatchEvent(new CustomEvent('callstarted', { detail: start }));
    toolkit.dispatchEvent(new CustomEvent('callconnected', { detail: start }));
    await yieldToBrowser();
    let list: Element | null = null;
    const transcript = (): Element | null | undefined =>
        shadowOf(consoleElement)?.querySelector('c-voice-call-transcript');
    const transcriptList = (): Element | null => {
        if (list === null || !list.isConnected) {
            const area = shadowOf(transcript())?.querySelector('[data-id="scroller"]');
            list = shadowOf(area)?.querySelector('[data-id="transcript"]') ?? null;
        }
        return list;
    };
    return {
        target: toolkit,
        lastRow: () => transcriptList()?.lastElementChild ?? null,
        rowCount: () => transcriptList()?.querySelectorAll('[data-id="utterance"]').length ?? 0,
        rowText: (row) => row.querySelector('[data-id="text"]')?.textContent ?? '',
        followNewest: () => undefined,
        atNewest: () => scrolledToEnd(shadowOf(transcript())?.querySelector('[data-id="scroller"]'))
    };
}

// ---- The framework-free references ------------------------------------------------------------------------

const ROW_CLASS = 'slds-p-vertical_xx-small utterance';

function plainRow(utterance: BenchUtterance, at: number): HTMLLIElement {
    const role = roleOf(utterance.role);
    const row = document.createElement('li');
    row.className = `${ROW_CLASS} utterance_${role.toLowerCase()}`;
    const header = document.createElement('div');
    header.className = 'slds-text-body_small slds-text-color_weak';
    const speaker = document.createElement('span');
    speaker.className = 'slds-text-title_bold';
    speaker.textContent = SPEAKER_LABELS[role];
    const time = document.createElement('time');
    time.className = 'slds-m-left_x-small';
    time.dateTime = isoTime(at);
    time.textContent = formatClockTime(at);
    header.append(speaker, time);
    const text = document.createElement('p');
    text.className = 'slds-text-body_regular utterance-text';
    text.style.cssText = 'white-space:pre-wrap;overflow-wrap:anywhere';
    text.textContent = utterance.text;
    row.append(header, text);
    return row;
}

/** A plain list: appends each row; with a `window`, drops the oldest rows in blocks to keep at most that many. */
async function preparePlain(input: BenchInput, window: number | undefined): Promise<Subject> {
    const scroller = panel(DEFAULT_TRANSCRIPT_HEIGHT);
    const list = document.createElement('ol');
    list.className = 'transcript slds-p-horizontal_small';
    scroller.appendChild(list);
    const target = document.createElement('div');
    const block = window === undefined ? 0 : Math.max(1, Math.min(LIMIT_BLOCK, window));
    target.addEventListener('transcript', (event) => {
        const detail = (
            event as CustomEvent<{
                content: { text: string };
                sender: { role: string };
                id: string;
                clientSentTimestamp: number;
            }>
        ).detail;
        const utterance: BenchUtterance = {
            id: detail.id,
            callId: input.callId,
            role: detail.sender.role,
            text: detail.content.text
        };
        list.appendChild(plainRow(utterance, detail.clientSentTimestamp));
        if (window !== undefined && list.childElementCount > window) {
            for (let dropped = 0; dropped < block && list.firstElementChild !== null; dropped++) {
                list.firstElementChild.remove();
            }
        }
    });
    await yieldToBrowser();
    return {
        target,
        lastRow: () => list.lastElementChild,
        rowCount: () => list.childElementCount,
        rowText: (row) => row.lastElementChild?.textContent ?? '',
        followNewest: () => {
            scroller.scrollTop = scroller.scrollHeight;
        },
        atNewest: () => scrolledToEnd(scroller)
    };
}

/** The list set up by `prepare`, which `run` streams into. */
let prepared:
    { readonly name: BenchSubject; readonly subject: Subject; readonly input: BenchInput } | undefined;

/** Sets up one list (the console is created and its call connected), so that `run` measures the stream alone. */
async function prepare(input: BenchInput, name: BenchSubject, limitWindow: number): Promise<void> {
    const subject =
        name === 'console'
            ? await prepareConsole(input)
            : await preparePlain(input, name === 'limit' ? limitWindow : undefined);
    prepared = { name, subject, input };
}

/** Streams into the prepared list, then removes it (the console saves what it has not saved yet). */
async function runPrepared(): Promise<BenchRun> {
    if (prepared === undefined) {
        throw new Error('prepare() a list first');
    }
    const { name, subject, input } = prepared;
    prepared = undefined;
    const result = await stream(name, subject, input);
    panel();
    await yieldToBrowser();
    return result;
}

// ---- The chart --------------------------------------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART = { width: 1000, height: 520, left: 70, right: 20, top: 40, bottom: 50 };
const COLORS: Readonly<Record<BenchSubject, string>> = {
    console: '#c23934',
    limit: '#0070d2',
    naive: '#706e6b'
};
/** Points per series: each is the mean of a bucket of consecutive utterances. */
const CHART_POINTS = 500;

function svgElement(
    tag: string,
    attributes: Readonly<Record<string, string | number>>,
    text?: string
): SVGElement {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, String(value));
    }
    if (text !== undefined) {
        element.textContent = text;
    }
    return element;
}

function bucketMeans(values: readonly number[]): { index: number; value: number }[] {
    const size = Math.max(1, Math.ceil(values.length / CHART_POINTS));
    const points: { index: number; value: number }[] = [];
    for (let start = 0; start < values.length; start += size) {
        const bucket = values.slice(start, start + size);
        points.push({
            index: start + bucket.length / 2,
            value: bucket.reduce((sum, v) => sum + v, 0) / bucket.length
        });
    }
    return points;
}

/** Latency (log scale) against utterance index, one series per run. */
function drawChart(runs: readonly ChartSeries[]): string {
    const host = chart;
    stage.replaceChildren();
    const { width, height, left, right, top, bottom } = CHART;
    const svg = svgElement('svg', {
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        'font-family': 'sans-serif',
        'font-size': 12
    });
    svg.appendChild(svgElement('rect', { x: 0, y: 0, width, height, fill: 'white' }));
    const series = runs.map((run) => ({ run, points: bucketMeans(run.latencies) }));
    const count = Math.max(1, ...runs.map((run) => run.latencies.length));
    const all = series.flatMap(({ points }) => points.map((point) => point.value)).filter((v) => v > 0);
    const low = Math.pow(10, Math.floor(Math.log10(Math.min(...all, 1))));
    const high = Math.pow(10, Math.ceil(Math.log10(Math.max(...all, 1))));
    const x = (index: number): number => left + (index / count) * (width - left - right);
    const y = (value: number): number =>
        top +
        (1 - (Math.log10(Math.max(value, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) *
            (height - top - bottom);
    for (let decade = low; decade <= high * 1.0001; decade *= 10) {
        svg.appendChild(
            svgElement('line', { x1: left, x2: width - right, y1: y(decade), y2: y(decade), stroke: '#ddd' })
        );
        svg.appendChild(
            svgElement('text', { x: left - 8, y: y(decade) + 4, 'text-anchor': 'end' }, `${decade} ms`)
        );
    }
    for (let tick = 0; tick <= 4; tick++) {
        const index = Math.round((count * tick) / 4);
        svg.appendChild(
            svgElement(
                'text',
                { x: x(index), y: height - bottom + 18, 'text-anchor': 'middle' },
                String(index)
            )
        );
    }
    svg.appendChild(
        svgElement(
            'text',
            { x: (left + width - right) / 2, y: height - 12, 'text-anchor': 'middle' },
            'utterance index'
        )
    );
    svg.appendChild(
        svgElement(
            'text',
            { x: left, y: 20, 'font-size': 14, 'font-weight': 'bold' },
            `Latency per utterance, dispatch to row laid out (mean of ${Math.ceil(count / CHART_POINTS)}, log scale)`
        )
    );
    series.forEach(({ run, points }, position) => {
        const path = points
            .map(
                (point, i) =>
                    `${i === 0 ? 'M' : 'L'}${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`
            )
            .join('');
        svg.appendChild(
            svgElement('path', { d: path, fill: 'none', stroke: COLORS[run.subject], 'stroke-width': 1.5 })
        );
        const legendX = width - right - 320 + position * 110;
        svg.appendChild(
            svgElement('rect', { x: legendX, y: 10, width: 14, height: 4, fill: COLORS[run.subject] })
        );
        svg.appendChild(svgElement('text', { x: legendX + 18, y: 16 }, run.subject));
    });
    host.replaceChildren(svg);
    host.style.cssText = `width:${width}px;height:${height}px`;
    return '#chart';
}

const api: VoiceCallBenchApi = {
    prepare,
    run: runPrepared,
    heapAfterGc,
    crossOriginIsolated: () => window.crossOriginIsolated,
    drawChart
};
(window as unknown as { voiceCallBench: VoiceCallBenchApi }).voiceCallBench = api;
