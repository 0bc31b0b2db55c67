import { formatClockTime, isoTime, senderName, statusLabel, NO_ACTIVE_CALL_LABEL } from 'c/voiceCallFormat';

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
