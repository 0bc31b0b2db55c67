// The simulator's own controls, as a developer uses them: event buttons, the transcript, flag and note forms; each
// one shows in the console as an agent would see it, and in the event log.
import type { Page } from 'playwright-core';
import { DEFAULT_AGENT_NAME, DEFAULT_SUPERVISOR_NAME } from '../preview/simulator/eventDetails';
import { byId, previewSessions, pollConsole, readEventLog, saveScreenshot } from './support/previewPage';

const preview = previewSessions();

async function fire(page: Page, type: string): Promise<void> {
    await page.click(`${byId(`fire-${type}`)} button`);
}

describe('the simulator’s controls', () => {
    it('drive a call the console follows: connect, talk, flag, note, mute, hold and end', async () => {
        const session = await preview.open();
        const { page } = session;

        await fire(page, 'callstarted');
        await fire(page, 'callconnected');
        let view = await pollConsole(page, (shown) => shown.status === 'Connected');
        expect(view.status).toBe('Connected');
        expect(view.participants).toHaveLength(1);
        const caller = view.participants[0].name;

        const utterance = 'Let me check that order for you.';
        await page.fill(`${byId('transcript-text')} input`, utterance);
        await page.click(`${byId('transcript-role')} label:has-text("Agent")`);
        await page.click(`${byId('send-transcript')} button`);
        view = await pollConsole(page, (shown) => shown.utterances.length > 0);
        expect(view.utterances.at(-1)).toEqual({ speaker: 'Agent', text: utterance });

        const flagText = 'Customer wants a refund above my limit.';
        await page.fill(`${byId('flag-text')} input`, flagText);
        await page.click(`${byId('raise-flag')} button`);
        view = await pollConsole(page, (shown) => shown.flags.length > 0);
        expect(view.flags).toEqual([
            {
                state: 'Help requested',
                text: flagText,
                raisedBy: `Raised by ${DEFAULT_AGENT_NAME}`,
                loweredBy: undefined
            }
        ]);

        await page.click(`${byId('lower-flag-role')} label:has-text("Supervisor")`);
        await page.click(`${byId('lower-flag')} button`);
        view = await pollConsole(page, (shown) => shown.flags[0]?.loweredBy !== undefined);
        expect(view.flags[0]).toMatchObject({
            state: 'Lowered',
            loweredBy: `Lowered by ${DEFAULT_SUPERVISOR_NAME}`
        });

        const noteText = 'Approved: refund as a billing adjustment.';
        await page.fill(`${byId('note-text')} textarea`, noteText);
        await page.click(`${byId('note-role')} label:has-text("Supervisor")`);
        await page.click(`${byId('send-note')} button`);
        view = await pollConsole(page, (shown) => shown.notes.length > 0);
        expect(view.notes).toEqual([
            { text: noteText, author: DEFAULT_SUPERVISOR_NAME, role: '(Supervisor)' }
        ]);

        await fire(page, 'mute');
        expect((await pollConsole(page, (shown) => shown.muted)).muted).toBe(true);

        await fire(page, 'hold');
        view = await pollConsole(page, (shown) => shown.participants.some((party) => party.onHold));
        expect(view.participants).toEqual([{ name: caller, onHold: true }]);

        await fire(page, 'callended');
        view = await pollConsole(page, (shown) => shown.status === 'Call ended');
        expect(view.status).toBe('Call ended');
        await saveScreenshot(page, 'simulator-controls');

        // The log shows newest first: every event fired, from the controls, in order.
        const events = (await readEventLog(page))
            .filter((entry) => entry.kind === 'event')
            .map((entry) => entry.title)
            .reverse();
        expect(events).toEqual([
            'callstarted',
            'callconnected',
            'transcript',
            'flagraise',
            'flaglower',
            'note',
            'mute',
            'hold',
            'callended'
        ]);
        expect(session.browserErrors).toEqual([]);
    });
});
