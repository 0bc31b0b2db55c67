import VoiceCallTranscriptLine from 'c/voiceCallTranscriptLine';
import type { Utterance } from 'c/voiceCallState';
import { flush, mount, queryDeep, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';

const AT = Date.UTC(2020, 6, 17, 0, 10, 52, 328);

function utterance(overrides: Partial<Utterance> = {}): Utterance {
    return {
        id: 'u1',
        text: 'Hello, how can I help?',
        sender: { role: 'Agent', rawRole: 'Agent', displayName: undefined },
        at: AT,
        seq: 1,
        serverReceivedTimestamp: AT,
        clientSentTimestamp: undefined,
        ...overrides
    };
}

async function mountLine(value: Utterance | undefined): Promise<HTMLElement> {
    const element = mount('c-voice-call-transcript-line', VoiceCallTranscriptLine, { utterance: value });
    await flush();
    return element;
}

describe('c-voice-call-transcript-line', () => {
    afterEach(resetDocument);

    it('shows the speaker, the time and the text', async () => {
        const element = await mountLine(utterance());

        expect(textsOf(element, '[data-id="speaker"]')).toEqual(['Agent']);
        expect(textsOf(element, '[data-id="time"]')).toEqual(['12:10:52 AM']);
        expect(queryDeep(element, '[data-id="time"]')[0].getAttribute('datetime')).toBe(
            '2020-07-17T00:10:52.328Z'
        );
        expect(textsOf(element, '[data-id="text"]')).toEqual(['Hello, how can I help?']);
        expect(textsOf(element, '[data-id="display-name"]')).toEqual([]);
    });

    it("shows the sender's display name, trimmed, and marks the customer's lines", async () => {
        const element = await mountLine(
            utterance({ sender: { role: 'Customer', rawRole: 'EndUser', displayName: '  Carla Customer ' } })
        );

        expect(textsOf(element, '[data-id="speaker"]')).toEqual(['Customer']);
        expect(textsOf(element, '[data-id="display-name"]')).toEqual(['Carla Customer']);
        expect(queryDeep(element, '.utterance_customer')).toHaveLength(1);
    });

    it('keeps markup in the text as text', async () => {
        const text = '<img src=x onerror="window.__pwned = true">';
        const element = await mountLine(utterance({ text }));

        expect(queryDeep(element, '[data-id="text"]')[0].textContent).toBe(text);
        expect(queryDeep(element, 'img')).toEqual([]);
        expect('__pwned' in window).toBe(false);
    });

    it('renders nothing readable without an utterance', async () => {
        const element = await mountLine(undefined);

        expect(textsOf(element, '[data-id="text"]')).toEqual(['']);
        expect(textsOf(element, '[data-id="speaker"]')).toEqual(['']);
    });
});
