import VoiceCallNotes from 'c/voiceCallNotes';
import { logItems } from 'c/voiceCallState';
import type { Note } from 'c/voiceCallState';
import { callFrom, flush, mount, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import { SEED_CALL } from '../../voiceCallEvents/__tests__/data/seedPayloads';

const SUPERVISOR_NOTE = {
    type: 'note',
    detail: {
        ...SEED_CALL.note.detail,
        id: 'note-2',
        serverReceivedTimestamp: SEED_CALL.note.detail.serverReceivedTimestamp + 30_000,
        content: { formatType: 'Text', text: 'Offer store credit first.' },
        sender: { role: 'Supervisor', displayName: 'Samir Supervisor' }
    }
};

async function mountNotes(notes: readonly Note[]): Promise<HTMLElement> {
    const element = mount('c-voice-call-notes', VoiceCallNotes, { notes });
    await flush();
    return element;
}

describe('c-voice-call-notes', () => {
    afterEach(resetDocument);

    it('says "No notes" when there is none', async () => {
        const element = await mountNotes([]);

        expect(textsOf(element, '[data-id="empty"]')).toEqual(['No notes']);
        await expect(element).toBeAccessible();
    });

    it('shows each note with its text, author, role and time, in time order', async () => {
        const notes = logItems(callFrom([SUPERVISOR_NOTE, SEED_CALL.note]).notes);
        const element = await mountNotes(notes);

        expect(textsOf(element, '[data-id="note-text"]')).toEqual([
            'The customer wants a refund or store credit.',
            'Offer store credit first.'
        ]);
        expect(textsOf(element, '[data-id="author"]')).toEqual(['Angela Agent', 'Samir Supervisor']);
        expect(textsOf(element, '[data-id="role"]')).toEqual(['(Agent)', '(Supervisor)']);
        expect(textsOf(element, '[data-id="time"]')).toEqual(['12:10:52 AM', '12:11:22 AM']);
    });

    it("renders HTML in a note's text and its author's name as inert text", async () => {
        const text = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>';
        const author = '<i onclick="window.__pwned = true">Samir</i>';
        const hostile = {
            type: 'note',
            detail: {
                ...SUPERVISOR_NOTE.detail,
                content: { formatType: 'Text', text },
                sender: { role: 'Supervisor', displayName: author }
            }
        };
        const element = await mountNotes(logItems(callFrom([hostile]).notes));

        expect(textsOf(element, '[data-id="note-text"]')).toEqual([text]);
        expect(textsOf(element, '[data-id="author"]')).toEqual([author]);
        expect(element.shadowRoot?.querySelector('img, script, i')).toBeNull();
        expect('__pwned' in window).toBe(false);
    });

    it('is accessible with notes from the agent and a supervisor', async () => {
        const element = await mountNotes(logItems(callFrom([SEED_CALL.note, SUPERVISOR_NOTE]).notes));

        await expect(element).toBeAccessible();
    });
});
