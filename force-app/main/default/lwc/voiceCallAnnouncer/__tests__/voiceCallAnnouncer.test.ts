import { Announcer, MAX_ANNOUNCED_TEXT, callNews, utterancesAnnouncement } from 'c/voiceCallAnnouncer';
import type { Utterance } from 'c/voiceCallState';
import { callFrom } from 'test-utils/voiceCallTestUtils';
import type { ToolkitPayload } from 'test-utils/voiceCallTestUtils';

const T0 = Date.UTC(2026, 0, 1, 9);

function line(text: string, role: Utterance['sender']['role'] = 'Customer', displayName?: string): Utterance {
    return {
        id: text,
        text,
        sender: { role, rawRole: role, displayName },
        at: T0,
        seq: 1,
        serverReceivedTimestamp: T0,
        clientSentTimestamp: undefined
    };
}

describe('c/voiceCallAnnouncer', () => {
    let said: string[];
    let announcer: Announcer;

    beforeEach(() => {
        jest.useFakeTimers({ now: T0 });
        said = [];
        announcer = new Announcer((text) => said.push(text));
    });

    afterEach(() => {
        announcer.dispose();
        jest.useRealTimers();
    });

    it('says one line with its speaker, or how many lines came and the last one', () => {
        expect(utterancesAnnouncement(1, line('Hello'))).toBe('Customer: Hello');
        expect(utterancesAnnouncement(3, line('Thanks', 'Agent'))).toBe('3 new lines. Last, Agent: Thanks');
        expect(utterancesAnnouncement(1, line('Hi', 'Supervisor', ' Sam '))).toBe('Sam: Hi');
    });

    it('cuts a long line, without splitting a character', () => {
        const long = '🙂'.repeat(MAX_ANNOUNCED_TEXT + 10);
        const text = utterancesAnnouncement(1, line(long));

        expect(text).toBe(`Customer: ${'🙂'.repeat(MAX_ANNOUNCED_TEXT)}…`);
    });

    it('says the first news at once and what follows within the second together, once', () => {
        announcer.utterances(1, line('One'));
        jest.advanceTimersByTime(0);
        expect(said).toEqual(['Customer: One']);

        for (let index = 2; index <= 40; index++) {
            jest.advanceTimersByTime(10);
            announcer.utterances(1, line(`Line ${String(index)}`));
        }
        expect(said).toHaveLength(1);

        jest.advanceTimersByTime(1000);
        expect(said).toEqual(['Customer: One', '39 new lines. Last, Customer: Line 40']);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('never says more than once a second', () => {
        const times: number[] = [];
        const timed = new Announcer(() => times.push(Date.now()));
        for (let step = 0; step < 300; step++) {
            timed.utterances(1, line(`Line ${String(step)}`));
            jest.advanceTimersByTime(17);
        }
        timed.dispose();

        expect(times.length).toBeGreaterThan(3);
        for (let index = 1; index < times.length; index++) {
            expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(1000);
        }
    });

    it('says a status change or a flag before the lines that came with it, and a repeat once', () => {
        announcer.notice('Connected');
        announcer.utterances(2, line('Hello'));
        announcer.notice('Connected');
        announcer.notice('Flag raised by Jordan Agent');
        jest.advanceTimersByTime(0);

        expect(said).toEqual(['Connected. Flag raised by Jordan Agent. 2 new lines. Last, Customer: Hello']);
    });

    it('ignores empty news, and says what waits when flushed', () => {
        announcer.notice('   ');
        announcer.utterances(0, line('Nothing'));
        expect(jest.getTimerCount()).toBe(0);

        announcer.notice('Call ended');
        announcer.flush();
        expect(said).toEqual(['Call ended']);
        expect(jest.getTimerCount()).toBe(0);
    });

    it('forgets what waits when disposed', () => {
        announcer.utterances(1, line('Lost'));
        announcer.dispose();
        jest.advanceTimersByTime(5000);

        expect(said).toEqual([]);
        expect(jest.getTimerCount()).toBe(0);
    });
});

describe('c/voiceCallAnnouncer callNews', () => {
    const CALL = 'call-news-1';
    const connected = {
        type: 'callconnected',
        detail: { callId: CALL, callType: 'inbound', participant: '+1 415 555 0100' }
    };
    const say = (id: string, text: string): ToolkitPayload => ({
        type: 'transcript',
        detail: {
            callId: CALL,
            id,
            content: { formatType: 'Text', text },
            sender: { role: 'EndUser' },
            clientSentTimestamp: T0
        }
    });
    const flag = {
        type: 'flagraise',
        detail: {
            callId: CALL,
            id: 'f1',
            content: { formatType: 'Text', text: 'Customer asks for a refund' },
            sender: { role: 'Agent', displayName: 'Jordan Agent' },
            clientSentTimestamp: T0
        }
    };
    const lower = {
        type: 'flaglower',
        detail: {
            callId: CALL,
            id: 'f1',
            sender: { role: 'Supervisor', displayName: 'Samir Supervisor' },
            clientSentTimestamp: T0
        }
    };

    it('says the status of a call shown for the first time, not its transcript', () => {
        const call = callFrom([connected, say('u1', 'Hello')]);

        expect(callNews(undefined, call)).toEqual({
            notices: ['Connected'],
            newLines: 0,
            lastLine: undefined
        });
    });

    it('says the new lines, a status change, and flags raised and lowered', () => {
        const before = callFrom([connected, say('u1', 'Hello')]);
        const after = callFrom([connected, say('u1', 'Hello'), say('u2', 'Hi'), say('u3', 'Help')]);
        const news = callNews(before, after);
        expect(news.newLines).toBe(2);
        expect(news.lastLine?.text).toBe('Help');
        expect(news.notices).toEqual([]);

        const flagged = callFrom([connected, say('u1', 'Hello'), flag]);
        expect(callNews(before, flagged).notices).toEqual([
            'Flag raised by Jordan Agent: Customer asks for a refund'
        ]);
        const lowered = callFrom([connected, say('u1', 'Hello'), flag, lower]);
        expect(callNews(flagged, lowered).notices).toEqual(['Flag lowered by Samir Supervisor']);

        const ended = callFrom([
            connected,
            say('u1', 'Hello'),
            { type: 'callended', detail: { callId: CALL } }
        ]);
        expect(callNews(before, ended).notices).toEqual(['Call ended']);
    });

    it('has nothing to say when nothing changed or no call is shown', () => {
        const call = callFrom([connected]);

        expect(callNews(call, call).notices).toEqual([]);
        expect(callNews(call, undefined)).toEqual({ notices: [], newLines: 0, lastLine: undefined });
    });
});
