import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPLAY_USAGE, runReplay } from '../lib/replayCli';
import type { ReplayReport } from '../../preview/simulator/replayScenario';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

interface Run {
    readonly exitCode: number;
    readonly stdout: string;
    readonly stderr: string[];
}

function replay(argv: readonly string[], cwd: string = PROJECT_ROOT): Run {
    let stdout = '';
    const stderr: string[] = [];
    const exitCode = runReplay(argv, {
        projectRoot: PROJECT_ROOT,
        cwd,
        print: (text) => {
            stdout += text;
        },
        printError: (line) => stderr.push(line)
    });
    return { exitCode, stdout, stderr };
}

const CALL_ID = '5d3c1b2a-9e8f-4a7b-8c6d-1e2f3a4b5c6d';

/** A call the console joins mid-way, with a held party, mute, paused recording and three malformed events. */
const MALFORMED = {
    name: 'Malformed',
    description: 'Joined mid-call; three events the console must ignore.',
    events: [
        { at: 0, type: 'hold', detail: { callId: CALL_ID, participant: '+1 415 555 0134' } },
        { at: 1000, type: 'mute', detail: { callId: CALL_ID } },
        { at: 2000, type: 'transcript', detail: { id: 't-1', callId: CALL_ID, sender: { role: 'Agent' } } },
        { at: 3000, type: 'pauserecording', detail: { callId: CALL_ID } },
        { at: 4000, type: 'participantadded', detail: { callId: CALL_ID } },
        {
            at: 5000,
            type: 'transcript',
            detail: {
                id: 't-2',
                content: { formatType: 'Text', text: 'One moment.' },
                callId: CALL_ID,
                sender: { role: 'Agent', displayName: 'Jordan Lee' }
            }
        },
        {
            at: 6000,
            type: 'flagraise',
            detail: {
                id: 'f-1',
                content: { formatType: 'Text', text: 'Help' },
                callId: CALL_ID,
                sender: { role: 'Agent' }
            }
        },
        { at: 65_000, type: 'note', detail: { callId: CALL_ID, content: { text: 'no id' } } }
    ]
};

describe('scripts/replay', () => {
    let folder: string;

    beforeEach(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-'));
    });

    afterEach(() => {
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it('prints the supervisor-flag call as text: status, transcript, the flag raised and lowered, the note', () => {
        const { exitCode, stdout, stderr } = replay(['scenarios/supervisor-flag.json']);

        expect(exitCode).toBe(0);
        expect(stderr).toEqual([]);
        const lines = stdout.split('\n');
        expect(lines.slice(0, 6)).toEqual([
            'Scenario "Supervisor flag": 21 events, 1 call, 0 ignored',
            '',
            'Call c71f3b9e-0a2d-4e86-9b45-e3d1f7a260c8: Wrap-up complete',
            '  Direction: Inbound call',
            '  Participants: +1 646 555 0123 (Caller)',
            '  Muted: no · Recording paused: no · Conference: no'
        ]);
        expect(lines).toContain('  Transcript: 14 utterances');
        expect(lines).toContain(
            "    [09:00:08] Customer: I've been overbilled for three months and I want all of it back."
        );
        expect(lines.slice(-8)).toEqual([
            '  Flags: 1',
            '    [09:00:31] raised by Jordan Lee (Agent): Customer asks for a $438.20 refund; my limit is $250. Can you approve?',
            '      lowered by Priya Shah (Supervisor) at 09:00:53',
            '  Notes: 1',
            "    [09:00:50] Priya Shah (Supervisor): Approved: refund $438.20 as a billing adjustment and waive this month's late fee.",
            '',
            'Ignored events: none',
            ''
        ]);
    });

    it('prints the inbound call’s transcript lines in order with their speakers', () => {
        const { exitCode, stdout } = replay(['scenarios/inbound-call.json']);

        expect(exitCode).toBe(0);
        const transcript = stdout.split('\n').filter((line) => line.startsWith('    ['));
        expect(transcript).toHaveLength(14);
        expect(transcript.slice(0, 2)).toEqual([
            '    [09:00:05] Agent: Thank you for calling Northwind Internet, this is Jordan. How can I help you today?',
            "    [09:00:09] Customer: Hi Jordan. I just looked at my bill and I've been charged twice for March."
        ]);
    });

    it('prints the same report as JSON with --json, before or after the file', () => {
        const after = replay(['scenarios/supervisor-flag.json', '--json']);
        const before = replay(['--json', 'scenarios/supervisor-flag.json']);

        expect(after.exitCode).toBe(0);
        expect(before.stdout).toBe(after.stdout);
        const report = JSON.parse(after.stdout) as ReplayReport;
        expect(report).toMatchObject({ scenario: 'Supervisor flag', events: 21, ignored: [] });
        expect(report.calls).toHaveLength(1);
        expect(report.calls[0]).toMatchObject({
            callId: 'c71f3b9e-0a2d-4e86-9b45-e3d1f7a260c8',
            status: 'wrapUpComplete',
            statusLabel: 'Wrap-up complete',
            participants: [{ name: '+1 646 555 0123', kind: 'Initial_Caller', onHold: false }],
            muted: false,
            recordingPaused: false
        });
        expect(report.calls[0].flags[0]).toMatchObject({
            time: '2026-01-01T09:00:31.000Z',
            sender: { role: 'Agent', displayName: 'Jordan Lee' },
            loweredAt: '2026-01-01T09:00:53.000Z',
            loweredBy: { role: 'Supervisor', displayName: 'Priya Shah' }
        });
        expect(report.calls[0].notes[0]).toMatchObject({
            sender: { role: 'Supervisor', displayName: 'Priya Shah' }
        });
        expect(report.calls[0].transcript[1]).toMatchObject({
            time: '2026-01-01T09:00:08.000Z',
            sender: { role: 'Customer', rawRole: 'EndUser', displayName: null, label: 'Customer' }
        });
    });

    it('lists the events the parser rejected, with their reasons, and the state the rest built', () => {
        const file = path.join(folder, 'malformed.json');
        fs.writeFileSync(file, JSON.stringify(MALFORMED));

        const { exitCode, stdout } = replay([file]);

        expect(exitCode).toBe(0);
        expect(stdout.split('\n')).toEqual([
            'Scenario "Malformed": 8 events, 1 call, 3 ignored',
            '',
            `Call ${CALL_ID}: Connected (joined mid-call)`,
            '  Direction: Direction unknown',
            '  Participants: +1 415 555 0134 (Caller, on hold)',
            '  Muted: yes · Recording paused: yes · Conference: no',
            '  Transcript: 1 utterance',
            '    [09:00:05] Jordan Lee (Agent): One moment.',
            '  Flags: 1',
            '    [09:00:06] raised by Agent: Help',
            '      still raised',
            '  Notes: 0',
            '',
            'Ignored events: 3',
            '  events[2] transcript at 0:02: transcript without content.text',
            '  events[4] participantadded at 0:04: participantadded without participant',
            '  events[7] note at 1:05: note without id',
            ''
        ]);
    });

    it('gives the ignored events in JSON too', () => {
        const file = path.join(folder, 'malformed.json');
        fs.writeFileSync(file, JSON.stringify(MALFORMED));

        const report = JSON.parse(replay([file, '--json']).stdout) as ReplayReport;

        expect(report.ignored).toEqual([
            {
                index: 2,
                at: 2000,
                type: 'transcript',
                code: 'missing-field',
                reason: 'transcript without content.text'
            },
            {
                index: 4,
                at: 4000,
                type: 'participantadded',
                code: 'missing-field',
                reason: 'participantadded without participant'
            },
            { index: 7, at: 65_000, type: 'note', code: 'missing-field', reason: 'note without id' }
        ]);
        expect(report.calls[0].flags[0]).toMatchObject({ loweredAt: null, loweredBy: null });
    });

    it('reads a relative path from where the command was typed', () => {
        fs.writeFileSync(path.join(folder, 'call.json'), JSON.stringify(MALFORMED));

        expect(replay(['call.json'], folder).exitCode).toBe(0);
    });

    it('prints the one-line error to stderr and exits 1 on an invalid file', () => {
        const file = path.join(folder, 'bad.json');
        fs.writeFileSync(
            file,
            JSON.stringify({ ...MALFORMED, events: [{ at: 0, type: 'ringing', detail: {} }] })
        );

        const { exitCode, stdout, stderr } = replay(['bad.json'], folder);

        expect(exitCode).toBe(1);
        expect(stdout).toBe('');
        expect(stderr).toEqual([
            'bad.json: events[0].type: must be one of the 19 toolkit events, got "ringing"'
        ]);
    });

    it('exits 1 on a missing file, a missing argument or an unknown option', () => {
        expect(replay(['scenarios/missing.json'])).toEqual({
            exitCode: 1,
            stdout: '',
            stderr: ['scenarios/missing.json: no such file']
        });
        expect(replay([])).toEqual({ exitCode: 1, stdout: '', stderr: [REPLAY_USAGE] });
        expect(replay(['a.json', 'b.json']).stderr).toEqual([REPLAY_USAGE]);
        expect(replay(['--yaml', 'scenarios/inbound-call.json'])).toEqual({
            exitCode: 1,
            stdout: '',
            stderr: [`Unknown option --yaml. ${REPLAY_USAGE}`]
        });
    });
});
