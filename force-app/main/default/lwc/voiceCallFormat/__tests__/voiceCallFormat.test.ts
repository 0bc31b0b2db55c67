import {
    NO_ACTIVE_CALL_LABEL,
    formatClockTime,
    formatDuration,
    isoDuration,
    isoTime,
    senderName,
    statusLabel
} from 'c/voiceCallFormat';

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
