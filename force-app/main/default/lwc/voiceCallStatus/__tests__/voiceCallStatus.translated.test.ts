// The status panel with its labels translated (German values in place of the English ones): words come from the
// labels, and a timer's words go where the translation puts its {0}, before or after the time.
import VoiceCallStatus from 'c/voiceCallStatus';
import { callFrom, flush, mount, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import { SEED_CALL, SEED_CALL_ID, SEED_PARTICIPANT } from '../../voiceCallEvents/__tests__/data/seedPayloads';

jest.mock('@salesforce/label/c.VCC_Timer_Call', () => ({ __esModule: true, default: 'Anruf seit {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.VCC_Timer_HoldSince', () => ({ __esModule: true, default: '(ab {0} Uhr)' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.VCC_Status_OnHold', () => ({ __esModule: true, default: 'Gehalten' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.VCC_Status_PanelLabel', () => ({ __esModule: true, default: 'Anrufstatus' }), {
    virtual: true
});

const SECOND = 1_000;
const START = Date.UTC(2026, 0, 1, 9);

describe('c-voice-call-status with translated labels', () => {
    afterEach(resetDocument);

    it('shows the translations, with the time where each puts its {0}', async () => {
        const call = callFrom([
            SEED_CALL.callstarted,
            SEED_CALL.callconnected,
            { type: 'hold', detail: { callId: SEED_CALL_ID, participant: SEED_PARTICIPANT } }
        ]);
        const element = mount('c-voice-call-status', VoiceCallStatus, { call, now: START + 66 * SECOND });
        await flush();

        expect(element.shadowRoot?.querySelector('section')?.getAttribute('aria-label')).toBe('Anrufstatus');
        expect(textsOf(element, '[data-id="call-duration"]')).toEqual(['Anruf seit 1:05']);
        expect(textsOf(element, '[data-id="on-hold"]')).toEqual(['Gehalten']);
        expect(textsOf(element, '.timer')).toEqual(['(ab 9:00:02 AM Uhr)']);
        expect(element.shadowRoot?.querySelector('[data-id="hold-since"]')?.parentElement?.textContent).toBe(
            '(ab 9:00:02 AM Uhr)'
        );
    });
});
