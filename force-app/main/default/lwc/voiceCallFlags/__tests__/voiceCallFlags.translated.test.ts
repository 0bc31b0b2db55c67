// The flags panel with its labels translated (German values in place of the English ones): names and waits go where
// each translation puts its {0}.
import VoiceCallFlags from 'c/voiceCallFlags';
import { callFrom, flush, mount, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import { SEED_CALL } from '../../voiceCallEvents/__tests__/data/seedPayloads';

jest.mock('@salesforce/label/c.VCC_Flags_Heading', () => ({ __esModule: true, default: 'Markierungen' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.VCC_Flags_RaisedBy',
    () => ({ __esModule: true, default: 'Von {0} gesetzt' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.VCC_Timer_FlagWaiting',
    () => ({ __esModule: true, default: 'Wartet seit {0} auf Hilfe' }),
    { virtual: true }
);

describe('c-voice-call-flags with translated labels', () => {
    afterEach(resetDocument);

    it('shows the translations, with the name and the wait where each puts its {0}', async () => {
        const [flag] = callFrom([SEED_CALL.flagraise]).flags;
        const element = mount('c-voice-call-flags', VoiceCallFlags, { flags: [flag], now: flag.at + 65_000 });
        await flush();

        expect(textsOf(element, 'h2')).toEqual(['Markierungen']);
        expect(element.shadowRoot?.querySelector('section')?.getAttribute('aria-label')).toBe('Markierungen');
        expect(textsOf(element, '[data-id="raised-by"]')).toEqual(['Von Angela Agent gesetzt']);
        expect(textsOf(element, '[data-id="flag-wait"]')).toEqual(['Wartet seit 1:05 auf Hilfe']);
        // Words the translation leaves alone keep their English value.
        expect(textsOf(element, '[data-id="flag-state"]')).toEqual(['Help requested']);
    });
});
