import { logWindowStart } from 'c/voiceCallState';

describe('logWindowStart', () => {
    it('shows everything while there are no more items than the latest', () => {
        expect(logWindowStart(0, 60, 60)).toBe(0);
        expect(logWindowStart(60, 60, 60)).toBe(0);
        expect(logWindowStart(119, 60, 60)).toBe(0);
    });

    it('moves the start in whole blocks, so old items leave together', () => {
        expect(logWindowStart(120, 60, 60)).toBe(60);
        expect(logWindowStart(179, 60, 60)).toBe(60);
        expect(logWindowStart(180, 60, 60)).toBe(120);
        expect(logWindowStart(10_000, 60, 60)).toBe(9_900);
    });

    it('always keeps at least the latest items, and fewer than latest + block', () => {
        for (let size = 0; size < 1000; size++) {
            const shown = size - logWindowStart(size, 60, 60);
            expect(shown).toBeGreaterThanOrEqual(Math.min(size, 60));
            expect(shown).toBeLessThan(120);
        }
    });

    it('adds earlier items on request, never before the first', () => {
        expect(logWindowStart(130, 60, 60, 25)).toBe(35);
        expect(logWindowStart(130, 60, 60, 500)).toBe(0);
        expect(logWindowStart(130, 60, 0)).toBe(70);
    });
});
