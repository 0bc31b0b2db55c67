// The preview page's log and progress text, from the simulator's log entries and player status.
import type { PlayerStatus, SimulatorLogEntry } from '../../../../simulator/simulatorTypes';
import { MAX_LOG_LINES, compactJson, formatElapsed, logLines, progressText, toLogLine } from '../logFormat';

const TIME = new Date(2026, 0, 1, 9, 5, 7, 42).getTime();

const STATUS: PlayerStatus = {
    scenarioName: 'Inbound call',
    playing: false,
    position: 0,
    total: 12,
    elapsedMs: 0,
    speed: 1,
    finished: false
};

function eventEntry(seq: number): SimulatorLogEntry {
    return { kind: 'event', seq, time: TIME, type: 'mute', detail: { callId: 'call-1' }, source: 'control' };
}

describe('preview/logFormat', () => {
    it('shows an event with its type, source, local time and compact detail', () => {
        expect(toLogLine(eventEntry(1))).toEqual({
            key: 1,
            kind: 'event',
            time: '09:05:07.042',
            title: 'mute',
            source: 'control',
            text: '{"callId":"call-1"}',
            badgeClass: 'slds-badge slds-theme_success'
        });
    });

    it('shows method calls with their arguments, refusals with their reason, and simulator messages', () => {
        const method = toLogLine({
            kind: 'method',
            seq: 2,
            time: TIME,
            method: 'hold',
            args: ['Initial_Caller']
        });
        const refused = toLogLine({
            kind: 'refused',
            seq: 3,
            time: TIME,
            method: 'swap',
            reason: 'no third party'
        });
        const info = toLogLine({ kind: 'info', seq: 4, time: TIME, text: 'Scenario loaded' });

        expect([method.title, method.source, method.text]).toEqual([
            'hold()',
            'called by a component',
            '["Initial_Caller"]'
        ]);
        expect([refused.title, refused.source, refused.text]).toEqual([
            'swap()',
            'refused',
            'no third party'
        ]);
        expect([info.title, info.text]).toEqual(['simulator', 'Scenario loaded']);
    });

    it('keeps details on one short line, and names what JSON cannot show', () => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;

        expect(compactJson({ text: 'x'.repeat(1000) })).toHaveLength(300);
        expect(compactJson(undefined)).toBe('undefined');
        expect(compactJson(cyclic)).toBe('[not JSON]');
    });

    it('lists the newest entries first, at most MAX_LOG_LINES, formatting each entry once', () => {
        const entries = Array.from({ length: MAX_LOG_LINES + 5 }, (_, index) => eventEntry(index));
        const cache = new WeakMap<SimulatorLogEntry, ReturnType<typeof toLogLine>>();

        const first = logLines(entries, cache);
        const second = logLines(entries, cache);

        expect(first).toHaveLength(MAX_LOG_LINES);
        expect(first[0].key).toBe(MAX_LOG_LINES + 4);
        expect(second[0]).toBe(first[0]);
    });

    it('says where the player is', () => {
        expect(progressText({ ...STATUS, scenarioName: undefined })).toBe('No scenario loaded');
        expect(progressText(STATUS)).toBe('Ready: 12 events');
        expect(progressText({ ...STATUS, position: 3 })).toBe('Event 3 of 12');
        expect(progressText({ ...STATUS, position: 12, finished: true })).toBe('Finished: 12 of 12 events');
        expect(formatElapsed(65_432)).toBe('1:05.4');
        expect(formatElapsed(-1)).toBe('0:00.0');
    });
});
