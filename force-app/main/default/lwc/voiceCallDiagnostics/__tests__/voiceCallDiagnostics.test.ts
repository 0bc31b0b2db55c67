import {
    EMPTY_DIAGNOSTICS,
    MAX_REASONS,
    MAX_RECENT_REJECTIONS,
    recordOtherCall,
    recordRejection
} from 'c/voiceCallDiagnostics';
import type { EventDiagnostics } from 'c/voiceCallDiagnostics';
import { parseToolkitEvent } from 'c/voiceCallEvents';
import type { ToolkitEventRejection } from 'c/voiceCallEvents';
import { DIAGNOSTICS_LABELS } from 'c/voiceCallFormat';

const AT = Date.UTC(2026, 0, 1, 9);

/** The parser's own rejection of a payload, so the reasons are the real ones. */
function rejectionOf(type: string, detail: unknown, receivedAt = AT): ToolkitEventRejection {
    const result = parseToolkitEvent({ type, detail }, receivedAt);
    if (result.ok) {
        throw new Error(`${type} was not rejected`);
    }
    return result.rejection;
}

function rejectAll(rejections: readonly ToolkitEventRejection[]): EventDiagnostics {
    return rejections.reduce(recordRejection, EMPTY_DIAGNOSTICS);
}

describe('c-voice-call-diagnostics', () => {
    it('starts with nothing ignored', () => {
        expect(EMPTY_DIAGNOSTICS).toEqual({ total: 0, reasons: [], recent: [], last: undefined });
    });

    it('counts rejected events by reason and code, in the order each reason was first seen', () => {
        const noText = rejectionOf('transcript', { id: 'u1', callId: 'c1' });
        const noId = rejectionOf('flagraise', { callId: 'c1' });

        const diagnostics = rejectAll([noText, noId, noText, noText]);

        expect(diagnostics.total).toBe(4);
        expect(diagnostics.reasons.map(({ code, reason, count }) => [code, reason, count])).toEqual([
            ['missing-field', 'transcript without content.text', 3],
            ['missing-field', 'flagraise without id', 1]
        ]);
    });

    it('keeps each rejection (type, reason, time), numbered, and the last one', () => {
        const first = rejectionOf('mute', { callId: 42 }, AT);
        const second = rejectionOf('hold', null, AT + 1000);

        const diagnostics = rejectAll([first, second]);

        expect(diagnostics.recent).toEqual([
            {
                number: 1,
                eventType: 'mute',
                code: 'wrong-type',
                reason: 'mute with callId that is not a string',
                receivedAt: AT
            },
            {
                number: 2,
                eventType: 'hold',
                code: 'detail-not-an-object',
                reason: 'hold without a detail object',
                receivedAt: AT + 1000
            }
        ]);
        expect(diagnostics.last).toBe(diagnostics.recent[1]);
    });

    it(`keeps only the last ${String(MAX_RECENT_REJECTIONS)} rejections, but counts them all`, () => {
        const rejections = Array.from({ length: MAX_RECENT_REJECTIONS + 10 }, (_, index) =>
            rejectionOf('mute', {}, AT + index)
        );

        const diagnostics = rejectAll(rejections);

        expect(diagnostics.recent).toHaveLength(MAX_RECENT_REJECTIONS);
        expect(diagnostics.recent[0].receivedAt).toBe(AT + 10);
        expect(diagnostics.recent.at(-1)?.number).toBe(MAX_RECENT_REJECTIONS + 10);
        expect(diagnostics.reasons).toEqual([
            expect.objectContaining({ reason: 'mute without callId', count: MAX_RECENT_REJECTIONS + 10 })
        ]);
    });

    it(`counts reasons beyond the first ${String(MAX_REASONS)} together, under their code`, () => {
        const rejections = Array.from({ length: MAX_REASONS + 5 }, () => rejectionOf('ringing', {})).map(
            (rejection, index) => ({ ...rejection, reason: `reason ${String(index)}` })
        );

        const diagnostics = rejectAll([...rejections, rejections[MAX_REASONS + 1]]);

        expect(diagnostics.reasons).toHaveLength(MAX_REASONS + 1);
        expect(diagnostics.reasons.at(-1)).toEqual(
            expect.objectContaining({ reason: DIAGNOSTICS_LABELS.otherReasons, count: 6 })
        );
        expect(diagnostics.total).toBe(MAX_REASONS + 6);
    });

    it('counts events for another call under their own reason, without listing them as rejections', () => {
        const rejected = recordRejection(EMPTY_DIAGNOSTICS, rejectionOf('transcript', {}));

        const diagnostics = recordOtherCall(recordOtherCall(rejected, 'transcript', AT), 'callended', AT + 1);

        expect(diagnostics.total).toBe(3);
        expect(diagnostics.recent).toHaveLength(1);
        expect(diagnostics.reasons.at(-1)).toEqual({
            key: `other-call: ${DIAGNOSTICS_LABELS.otherCall}`,
            code: 'other-call',
            reason: 'event for another call (record page)',
            count: 2
        });
        expect(diagnostics.last).toEqual({
            number: 3,
            eventType: 'callended',
            code: 'other-call',
            reason: DIAGNOSTICS_LABELS.otherCall,
            receivedAt: AT + 1
        });
    });

    it('never changes the diagnostics it is given', () => {
        const before = rejectAll([rejectionOf('mute', {})]);
        const copy = JSON.stringify(before);

        recordRejection(before, rejectionOf('mute', {}));
        recordOtherCall(before, 'mute', AT);

        expect(JSON.stringify(before)).toBe(copy);
    });
});
