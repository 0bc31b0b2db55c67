/**
 * Turns the simulator's log and player status into the text the preview page shows. Pure: no DOM, no LWC.
 */
import type { PlayerStatus, SimulatorLogEntry } from '../../../simulator/simulatorTypes';

/** One row of the page's event log. */
export interface LogLine {
    readonly key: number;
    readonly kind: SimulatorLogEntry['kind'];
    /** hh:mm:ss.mmm, local time. */
    readonly time: string;
    /** The event type, the method name, or "info". */
    readonly title: string;
    /** Where an event came from (scenario, control, method); who called a method; empty for info. */
    readonly source: string;
    /** Compact JSON of an event's detail or a method's arguments, a refusal's reason, or an info text. */
    readonly text: string;
    /** SLDS badge theme class for the kind. */
    readonly badgeClass: string;
}

/** The log shows the newest entries only: a long scenario would otherwise slow the page down. */
export const MAX_LOG_LINES = 200;
const MAX_TEXT_LENGTH = 300;

const BADGE_CLASSES: Readonly<Record<SimulatorLogEntry['kind'], string>> = {
    event: 'slds-badge slds-theme_success',
    method: 'slds-badge slds-badge_inverse',
    refused: 'slds-badge slds-theme_error',
    info: 'slds-badge slds-badge_lightest'
};

function pad(value: number, width = 2): string {
    return String(value).padStart(width, '0');
}

export function formatClockTime(time: number): string {
    const date = new Date(time);
    return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** JSON.stringify, typed as it behaves: undefined for undefined, functions and symbols. */
const toJson = (value: unknown): string | undefined => JSON.stringify(value);

/** JSON on one line, shortened; anything JSON cannot show (undefined, cycles) is named instead. */
export function compactJson(value: unknown): string {
    let text: string | undefined;
    try {
        text = toJson(value);
    } catch {
        text = '[not JSON]';
    }
    if (text === undefined) {
        return 'undefined';
    }
    return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1)}…` : text;
}

export function toLogLine(entry: SimulatorLogEntry): LogLine {
    const common = {
        key: entry.seq,
        kind: entry.kind,
        time: formatClockTime(entry.time),
        badgeClass: BADGE_CLASSES[entry.kind]
    };
    if (entry.kind === 'event') {
        return { ...common, title: entry.type, source: entry.source, text: compactJson(entry.detail) };
    }
    if (entry.kind === 'method') {
        return {
            ...common,
            title: `${entry.method}()`,
            source: 'called by a component',
            text: compactJson(entry.args)
        };
    }
    if (entry.kind === 'refused') {
        return { ...common, title: `${entry.method}()`, source: 'refused', text: entry.reason };
    }
    return { ...common, title: 'simulator', source: '', text: entry.text };
}

/** The newest `MAX_LOG_LINES` entries, newest first. `cache` keeps each entry's line so it is formatted once. */
export function logLines(
    entries: readonly SimulatorLogEntry[],
    cache: WeakMap<SimulatorLogEntry, LogLine>
): LogLine[] {
    const lines: LogLine[] = [];
    for (let index = entries.length - 1; index >= 0 && lines.length < MAX_LOG_LINES; index -= 1) {
        const entry = entries[index];
        let line = cache.get(entry);
        if (line === undefined) {
            line = toLogLine(entry);
            cache.set(entry, line);
        }
        lines.push(line);
    }
    return lines;
}

/** "No scenario loaded", "Ready: 12 events", "Event 3 of 12" (the last one fired), "Finished: 12 of 12 events". */
export function progressText(status: PlayerStatus): string {
    if (status.scenarioName === undefined) {
        return 'No scenario loaded';
    }
    if (status.finished) {
        return `Finished: ${status.total} of ${status.total} events`;
    }
    if (status.position === 0) {
        return `Ready: ${status.total} events`;
    }
    return `Event ${status.position} of ${status.total}`;
}

/** Scenario time as m:ss.s */
export function formatElapsed(ms: number): string {
    const totalTenths = Math.floor(Math.max(0, ms) / 100);
    const minutes = Math.floor(totalTenths / 600);
    const seconds = (totalTenths % 600) / 10;
    return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}
