import CONNECTED_LABEL from '@salesforce/label/c.VCC_Status_Connected';
import {
    NO_ACTIVE_CALL_LABEL,
    USER_FORMAT,
    formatClockTime,
    formatCount,
    formatDuration,
    formatLabel,
    ignoredEventsLabel,
    isoDuration,
    isoTime,
    labelAround,
    senderName,
    statusLabel
} from 'c/voiceCallFormat';

type FormatModule = typeof import('c/voiceCallFormat');

/** voiceCallFormat loaded afresh with the user's locale and time zone as the platform would give them. */
async function formatFor(locale: unknown, timeZone: unknown): Promise<FormatModule> {
    let loaded: FormatModule | undefined;
    await jest.isolateModulesAsync(async () => {
        jest.doMock('@salesforce/i18n/locale', () => ({ __esModule: true, default: locale }));
        jest.doMock('@salesforce/i18n/timeZone', () => ({ __esModule: true, default: timeZone }));
        loaded = await import('c/voiceCallFormat');
    });
    if (loaded === undefined) {
        throw new Error('voiceCallFormat did not load');
    }
    return loaded;
}

describe('c/voiceCallFormat', () => {
    it('labels each status, and no call as "No active call"', () => {
        expect(statusLabel(undefined)).toBe(NO_ACTIVE_CALL_LABEL);
        expect(statusLabel('connecting')).toBe('Connecting');
        expect(statusLabel('connected')).toBe('Connected');
        expect(statusLabel('ended')).toBe('Call ended');
        expect(statusLabel('wrapUpComplete')).toBe('Wrap-up complete');
    });

    it('names a sender by display name, else by role, ignoring a blank name', () => {
        expect(senderName({ role: 'Agent', rawRole: 'Agent', displayName: 'Angela Agent' })).toBe(
            'Angela Agent'
        );
        expect(senderName({ role: 'Supervisor', rawRole: 'Supervisor', displayName: undefined })).toBe(
            'Supervisor'
        );
        expect(senderName({ role: 'Customer', rawRole: 'EndUser', displayName: '   ' })).toBe('Customer');
    });

    it('formats a time of day in the time zone, and ISO 8601 for machines', () => {
        expect(formatClockTime(1594944652328)).toBe('12:10:52 AM');
        expect(isoTime(1594944652328)).toBe('2020-07-17T00:10:52.328Z');
    });

    it.each([undefined, Number.NaN, Number.POSITIVE_INFINITY, 1e20, -1e20])(
        'formats an unknown or impossible time (%p) as empty, without throwing',
        (value) => {
            expect(formatClockTime(value)).toBe('');
            expect(isoTime(value)).toBe('');
        }
    );
});

describe('c/voiceCallFormat durations', () => {
    it.each([
        [0, '0:00', 'PT0S'],
        [999, '0:00', 'PT0S'],
        [5_000, '0:05', 'PT5S'],
        [65_000, '1:05', 'PT1M5S'],
        [65_999, '1:05', 'PT1M5S'],
        [720_000, '12:00', 'PT12M'],
        [3_599_000, '59:59', 'PT59M59S'],
        [3_600_000, '1:00:00', 'PT1H'],
        [3_723_000, '1:02:03', 'PT1H2M3S'],
        [3_603_000, '1:00:03', 'PT1H3S'],
        [100 * 3_600_000, '100:00:00', 'PT100H']
    ])('formats %p ms as %p, and as the ISO 8601 duration %p', (ms, shown, iso) => {
        expect(formatDuration(ms)).toBe(shown);
        expect(isoDuration(ms)).toBe(iso);
    });

    it.each([-1, -65_000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
        'formats a negative or impossible length (%p) as none, without throwing',
        (ms) => {
            expect(formatDuration(ms)).toBe('0:00');
            expect(isoDuration(ms)).toBe('PT0S');
        }
    );
});

describe('c/voiceCallFormat labels', () => {
    it('takes its words from the custom labels (their English values in tests)', () => {
        expect(CONNECTED_LABEL).toBe('Connected');
        expect(statusLabel('connected')).toBe(CONNECTED_LABEL);
        expect(NO_ACTIVE_CALL_LABEL).toBe('No active call');
    });

    it("fills {0}, {1}... with the values in order, numbers in the user's locale", () => {
        expect(formatLabel('Call {0}', '1:05')).toBe('Call 1:05');
        expect(formatLabel('{1} before {0}, {0} again', 'a', 'b')).toBe('b before a, a again');
        expect(formatLabel('{0} events ignored', 1234)).toBe('1,234 events ignored');
        expect(formatLabel('No placeholder', 'unused')).toBe('No placeholder');
    });

    it('leaves a placeholder without a value as written, and inserts values as plain text', () => {
        expect(formatLabel('{0} failed: {1}', 'Mute')).toBe('Mute failed: {1}');
        expect(formatLabel('{0} failed', '$& $1 $$')).toBe('$& $1 $$ failed');
        expect(formatLabel('Raised by {0}', '<b>Sam</b>')).toBe('Raised by <b>Sam</b>');
    });

    it('splits a label around its {0}, for a template that puts an element there', () => {
        expect(labelAround('Call {0}')).toEqual({ before: 'Call ', after: '' });
        expect(labelAround('{0} Anruf')).toEqual({ before: '', after: ' Anruf' });
        expect(labelAround('Seit {0} in der Warteschleife')).toEqual({
            before: 'Seit ',
            after: ' in der Warteschleife'
        });
        expect(labelAround('Call')).toEqual({ before: 'Call ', after: '' });
        expect(labelAround('')).toEqual({ before: '', after: '' });
    });

    it('counts ignored events in the singular and the plural', () => {
        expect(ignoredEventsLabel(1)).toBe('1 event ignored');
        expect(ignoredEventsLabel(3)).toBe('3 events ignored');
        expect(ignoredEventsLabel(12345)).toBe('12,345 events ignored');
    });
});

describe('c/voiceCallFormat locale and time zone', () => {
    it("formats in the user's locale and time zone (US English in UTC in tests)", () => {
        expect(USER_FORMAT).toEqual({ locale: 'en-US', timeZone: 'UTC' });
        expect(formatCount(1234567)).toBe('1,234,567');
    });

    it("writes times and counts in another user's locale and time zone", async () => {
        const format = await formatFor('de-DE', 'Europe/Berlin');

        // 00:10:52 UTC is 02:10:52 in Berlin in July.
        expect(format.formatClockTime(1594944652328)).toBe('2:10:52');
        expect(format.formatCount(1234567)).toBe('1.234.567');
        expect(format.ignoredEventsLabel(1234)).toBe('1.234 events ignored');
        // Machines read ISO 8601, whatever the user's settings.
        expect(format.isoTime(1594944652328)).toBe('2020-07-17T00:10:52.328Z');
    });

    it.each([
        ['not a locale!', 'Mars/Olympus_Mons'],
        ['', ''],
        [undefined, 42]
    ])(
        "falls back to the browser's for a locale %p or time zone %p it cannot use, without throwing",
        async (locale, timeZone) => {
            const format = await formatFor(locale, timeZone);

            expect(format.USER_FORMAT).toEqual({ locale: undefined, timeZone: undefined });
            // The browser's here: jest runs in UTC, in Node's default locale.
            expect(format.formatClockTime(1594944652328)).toBe(
                new Intl.DateTimeFormat(undefined, {
                    hour: 'numeric',
                    minute: '2-digit',
                    second: '2-digit'
                }).format(1594944652328)
            );
        }
    );
});
