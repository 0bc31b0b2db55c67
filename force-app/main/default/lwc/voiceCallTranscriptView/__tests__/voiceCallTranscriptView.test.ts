import { parseToolkitEvent } from 'c/voiceCallEvents';
import type { SenderRole } from 'c/voiceCallEvents';
import { SPEAKER_LABELS } from 'c/voiceCallFormat';
import { EMPTY_CONSOLE_STATE, applyToolkitEvent, logFromOrderedItems, logItems } from 'c/voiceCallState';
import type { CallMoment, Flag, Note, OrderedLog, Utterance, VoiceCallConsoleState } from 'c/voiceCallState';
import {
    AROUND_MATCH,
    LATEST_LINES,
    LINE_BLOCK,
    LogIndex,
    exportFileName,
    exportOrigin,
    firstEntryFrom,
    lowerBound,
    latestStart,
    matchesSearch,
    modeAround,
    normaliseQuery,
    offsetLabel,
    searchKey,
    speakerTest,
    textSegments,
    timelineEntries,
    transcriptJson,
    transcriptText,
    viewRange
} from 'c/voiceCallTranscriptView';
import type { TextSegment, ViewMode } from 'c/voiceCallTranscriptView';

const T0 = Date.UTC(2026, 0, 1, 9);
const CALL_ID = 'call-1';

function utterance(
    id: string,
    text: string,
    at: number,
    role: SenderRole = 'Agent',
    displayName?: string
): Utterance {
    return {
        id,
        text,
        sender: { role, rawRole: role, displayName },
        at,
        seq: at - T0,
        serverReceivedTimestamp: at,
        clientSentTimestamp: undefined
    };
}

function logOf(utterances: readonly Utterance[]): OrderedLog<Utterance> {
    return logFromOrderedItems(utterances, (item) => item.id);
}

/**
 * A call's transcript as the console folds it, one toolkit event at a time: each version is kept, so a test can
 * hand the index a later version (in-order appends share the store) or an older one.
 */
class Transcript {
    private state: VoiceCallConsoleState = EMPTY_CONSOLE_STATE;

    /** The transcript after the utterance `id` said by `role` at T0 + `second` s. */
    say(id: string, text: string, role: string, second: number): OrderedLog<Utterance> {
        const at = T0 + second * 1000;
        const result = parseToolkitEvent(
            {
                type: 'transcript',
                detail: {
                    callId: CALL_ID,
                    id,
                    serverReceivedTimestamp: at,
                    clientSentTimestamp: at - 29,
                    content: { formatType: 'Text', text },
                    sender: { role }
                }
            },
            at
        );
        if (!result.ok) {
            throw new Error(`fixture rejected: ${result.rejection.reason}`);
        }
        this.state = applyToolkitEvent(this.state, result.event);
        return this.log;
    }

    get log(): OrderedLog<Utterance> {
        const call = this.state.calls.get(CALL_ID);
        if (call === undefined) {
            throw new Error('no call yet');
        }
        return call.transcript;
    }
}

/** A speaker test that records the ids it was asked about. */
function countingTest(role: SenderRole): jest.Mock<boolean, [Utterance]> {
    return jest.fn((item: Utterance) => item.sender.role === role);
}

function askedIds(test: jest.Mock<boolean, [Utterance]>): string[] {
    return test.mock.calls.map(([item]) => item.id);
}

function segmentTexts(segments: readonly TextSegment[]): [string, boolean][] {
    return segments.map((segment) => [segment.text, segment.match]);
}

describe('c/voiceCallTranscriptView', () => {
    describe('LogIndex', () => {
        it('gives the positions of the items that pass the test, asking about each item once', () => {
            const log = logOf([
                utterance('a', 'Hello', T0, 'Agent'),
                utterance('b', 'Hi', T0 + 1000, 'Customer'),
                utterance('c', 'How can I help?', T0 + 2000, 'Agent'),
                utterance('d', 'I was charged twice', T0 + 3000, 'Customer')
            ]);
            const test = countingTest('Customer');

            expect(new LogIndex<Utterance>().update(log, 'Customer', test)).toEqual([1, 3]);
            expect(askedIds(test)).toEqual(['a', 'b', 'c', 'd']);
        });

        it('gives no position for an empty log or when nothing passes', () => {
            const index = new LogIndex<Utterance>();

            expect(index.update(logOf([]), 'Supervisor', countingTest('Supervisor'))).toEqual([]);
            expect(
                index.update(logOf([utterance('a', 'Hello', T0)]), 'Supervisor', countingTest('Supervisor'))
            ).toEqual([]);
        });

        it('scans only the new items when the log grew by in-order appends (one shared store)', () => {
            const transcript = new Transcript();
            transcript.say('a', 'Hello', 'Agent', 0);
            const first = transcript.say('b', 'Hi', 'EndUser', 1);
            const index = new LogIndex<Utterance>();
            index.update(first, 'Customer', countingTest('Customer'));

            transcript.say('c', 'How can I help?', 'Agent', 2);
            const grown = transcript.say('d', 'I was charged twice', 'EndUser', 3);
            const test = countingTest('Customer');
            const positions = index.update(grown, 'Customer', test);

            expect(grown.store).toBe(first.store);
            expect(askedIds(test)).toEqual(['c', 'd']);
            expect(positions).toEqual([1, 3]);
        });

        it('costs one test per new line however long the call', () => {
            const transcript = new Transcript();
            const index = new LogIndex<Utterance>();
            let asked = 0;
            const test = (item: Utterance): boolean => {
                asked++;
                return item.sender.role === 'Agent';
            };
            for (let second = 0; second < 500; second++) {
                const log = transcript.say(
                    `u${String(second)}`,
                    'Line',
                    second % 3 === 0 ? 'Agent' : 'EndUser',
                    second
                );
                index.update(log, 'Agent', test);
            }

            expect(asked).toBe(500);
            expect(index.update(transcript.log, 'Agent', test)).toHaveLength(167);
            expect(asked).toBe(500);
        });

        it('scans nothing when given the same log again, and keeps the positions', () => {
            const log = new Transcript().say('a', 'Hello', 'Agent', 0);
            const index = new LogIndex<Utterance>();
            index.update(log, 'Agent', countingTest('Agent'));
            const test = countingTest('Agent');

            expect(index.update(log, 'Agent', test)).toEqual([0]);
            expect(test).not.toHaveBeenCalled();
        });

        it('scans everything again for another key, even on the same log', () => {
            const transcript = new Transcript();
            transcript.say('a', 'Hello', 'Agent', 0);
            const log = transcript.say('b', 'Hi', 'EndUser', 1);
            const index = new LogIndex<Utterance>();
            index.update(log, 'Agent', countingTest('Agent'));

            const test = countingTest('Customer');
            const positions = index.update(log, 'Customer', test);

            expect(askedIds(test)).toEqual(['a', 'b']);
            expect(positions).toEqual([1]);
        });

        it('scans everything again after an out-of-order insert (a new store), with the positions moved', () => {
            const transcript = new Transcript();
            transcript.say('a', 'Hello', 'Agent', 0);
            transcript.say('b', 'Hi', 'EndUser', 10);
            const before = transcript.say('c', 'How can I help?', 'Agent', 20);
            const index = new LogIndex<Utterance>();
            expect(index.update(before, 'Customer', countingTest('Customer'))).toEqual([1]);

            const after = transcript.say('late', 'Sorry, hello?', 'EndUser', 5);
            const test = countingTest('Customer');
            const positions = index.update(after, 'Customer', test);

            expect(after.store).not.toBe(before.store);
            expect(logItems(after).map((item) => item.id)).toEqual(['a', 'late', 'b', 'c']);
            expect(askedIds(test)).toEqual(['a', 'late', 'b', 'c']);
            expect(positions).toEqual([1, 2]);
        });

        it('scans everything again when a line is replaced', () => {
            const transcript = new Transcript();
            transcript.say('a', 'Hello', 'Agent', 0);
            const before = transcript.say('b', 'Hi', 'EndUser', 1);
            const index = new LogIndex<Utterance>();
            index.update(before, 'Customer', countingTest('Customer'));

            const after = transcript.say('b', 'Hi, I am Carla', 'Agent', 1);
            const test = countingTest('Customer');

            expect(index.update(after, 'Customer', test)).toEqual([]);
            expect(askedIds(test)).toEqual(['a', 'b']);
        });

        it('scans everything again for an older version of the log, and gives its positions only', () => {
            const transcript = new Transcript();
            transcript.say('a', 'Hello', 'EndUser', 0);
            const older = transcript.say('b', 'Hi', 'Agent', 1);
            const newer = transcript.say('c', 'Me again', 'EndUser', 2);
            const index = new LogIndex<Utterance>();
            expect(index.update(newer, 'Customer', countingTest('Customer'))).toEqual([0, 2]);

            const test = countingTest('Customer');
            const positions = index.update(older, 'Customer', test);

            expect(older.store).toBe(newer.store);
            expect(askedIds(test)).toEqual(['a', 'b']);
            expect(positions).toEqual([0]);
        });

        it('scans everything for a log on another store, even one of the same size', () => {
            const index = new LogIndex<Utterance>();
            index.update(
                logOf([utterance('a', 'Hello', T0, 'Customer')]),
                'Customer',
                countingTest('Customer')
            );

            const test = countingTest('Customer');
            const positions = index.update(logOf([utterance('x', 'Hello', T0, 'Agent')]), 'Customer', test);

            expect(askedIds(test)).toEqual(['x']);
            expect(positions).toEqual([]);
        });
    });

    describe('search', () => {
        it.each([
            ['', ''],
            ['   ', ''],
            ['Refund', 'refund'],
            ['  Double CHARGE \t', 'double charge'],
            ['ÉTÉ', 'été']
        ])('normalises %p to %p', (raw, expected) => {
            expect(normaliseQuery(raw)).toBe(expected);
        });

        it('matches ignoring case, anywhere in the text', () => {
            expect(matchesSearch('I was Charged twice', 'charged')).toBe(true);
            expect(matchesSearch('I was Charged twice', normaliseQuery('TWICE'))).toBe(true);
            expect(matchesSearch('I was Charged twice', 'refund')).toBe(false);
        });

        it('matches nothing with an empty query', () => {
            expect(matchesSearch('Hello', '')).toBe(false);
            expect(matchesSearch('', '')).toBe(false);
        });

        it('keys a text by its lowercase', () => {
            expect(searchKey('Hello THERE')).toBe('hello there');
        });

        it('passes every line for "all", and only the role asked for otherwise', () => {
            const lines = [
                utterance('a', 'Hello', T0, 'Agent'),
                utterance('b', 'Hi', T0, 'Customer'),
                utterance('c', 'Offer credit', T0, 'Supervisor')
            ];
            const passing = (filter: Parameters<typeof speakerTest>[0]): string[] =>
                lines.filter(speakerTest(filter)).map((item) => item.id);

            expect(passing('all')).toEqual(['a', 'b', 'c']);
            expect(passing('Agent')).toEqual(['a']);
            expect(passing('Customer')).toEqual(['b']);
            expect(passing('Supervisor')).toEqual(['c']);
        });
    });

    describe('textSegments', () => {
        it('is the whole text, not matching, without a query', () => {
            expect(textSegments('Hello there', '')).toEqual([
                { key: '0', text: 'Hello there', match: false }
            ]);
        });

        it('is the whole text, not matching, when the query is not in it', () => {
            expect(textSegments('Hello there', 'refund')).toEqual([
                { key: '0', text: 'Hello there', match: false }
            ]);
        });

        it('cuts out every match, ignoring case, keeping the text as written', () => {
            expect(segmentTexts(textSegments('Charge, charge and CHARGE again', 'charge'))).toEqual([
                ['Charge', true],
                [', ', false],
                ['charge', true],
                [' and ', false],
                ['CHARGE', true],
                [' again', false]
            ]);
        });

        it('handles a match at the start and at the end', () => {
            expect(segmentTexts(textSegments('Twice I paid twice', 'twice'))).toEqual([
                ['Twice', true],
                [' I paid ', false],
                ['twice', true]
            ]);
        });

        it('is one matching segment when the whole text matches', () => {
            expect(textSegments('Refund', 'refund')).toEqual([{ key: '0', text: 'Refund', match: true }]);
        });

        it('takes matches left to right without overlap', () => {
            expect(segmentTexts(textSegments('aaaa a', 'aa'))).toEqual([
                ['aa', true],
                ['aa', true],
                [' a', false]
            ]);
        });

        it('gives one segment for an empty text', () => {
            expect(textSegments('', 'x')).toEqual([{ key: '0', text: '', match: false }]);
        });

        it('gives the whole text as one segment when its lowercase has another length', () => {
            // "İ" lowercases to "i" + a combining dot: positions in the lowercase are not positions in the text.
            expect(searchKey('İstanbul').length).not.toBe('İstanbul'.length);

            expect(textSegments('İstanbul', 'stan')).toEqual([{ key: '0', text: 'İstanbul', match: true }]);
            expect(textSegments('İstanbul', 'paris')).toEqual([{ key: '0', text: 'İstanbul', match: false }]);
        });

        it('rebuilds the text, and gives unique keys', () => {
            const text = 'to be or not to be, To BE';
            const segments = textSegments(text, 'to');

            expect(segments.map((segment) => segment.text).join('')).toBe(text);
            expect(new Set(segments.map((segment) => segment.key)).size).toBe(segments.length);
            expect(segments.filter((segment) => segment.match)).toHaveLength(3);
        });
    });

    describe('latestStart', () => {
        it('uses 60 lines and blocks of 60 by default', () => {
            expect(LATEST_LINES).toBe(60);
            expect(LINE_BLOCK).toBe(60);
        });

        it.each([
            [0, 0],
            [1, 0],
            [60, 0],
            [61, 0],
            [119, 0],
            [120, 60],
            [179, 60],
            [180, 120],
            [1000, 900]
        ])('starts a view of %p lines at %p', (size, start) => {
            expect(latestStart(size)).toBe(start);
            expect(size - start).toBeGreaterThanOrEqual(Math.min(size, LATEST_LINES));
            expect(size - start).toBeLessThan(LATEST_LINES + LINE_BLOCK);
        });

        it('takes another size and block', () => {
            expect(latestStart(10, 10, 5)).toBe(0);
            expect(latestStart(14, 10, 5)).toBe(0);
            expect(latestStart(15, 10, 5)).toBe(5);
            expect(latestStart(25, 10, 5)).toBe(15);
            expect(latestStart(100, 10, 50)).toBe(50);
        });

        it('moves one line at a time for a block of zero or less', () => {
            expect(latestStart(25, 10, 0)).toBe(15);
            expect(latestStart(25, 10, -4)).toBe(15);
        });
    });

    describe('viewRange', () => {
        it('shows everything in "all"', () => {
            expect(viewRange(150, { kind: 'all' })).toEqual({ start: 0, end: 150 });
            expect(viewRange(0, { kind: 'all' })).toEqual({ start: 0, end: 0 });
        });

        it('shows the latest lines in "latest"', () => {
            expect(viewRange(0, { kind: 'latest' })).toEqual({ start: 0, end: 0 });
            expect(viewRange(30, { kind: 'latest' })).toEqual({ start: 0, end: 30 });
            expect(viewRange(150, { kind: 'latest' })).toEqual({ start: 60, end: 150 });
        });

        it('keeps a held start, to the end', () => {
            expect(viewRange(200, { kind: 'held', start: 70 })).toEqual({ start: 70, end: 200 });
            expect(viewRange(200, { kind: 'held', start: 0 })).toEqual({ start: 0, end: 200 });
        });

        it('clamps a held start between 0 and the latest lines', () => {
            expect(viewRange(200, { kind: 'held', start: 150 })).toEqual({ start: 120, end: 200 });
            expect(viewRange(200, { kind: 'held', start: -5 })).toEqual({ start: 0, end: 200 });
            expect(viewRange(100, { kind: 'held', start: 70 })).toEqual({ start: 0, end: 100 });
        });

        it('shows the lines around a match', () => {
            expect(viewRange(200, { kind: 'around', start: 10, end: 71 })).toEqual({ start: 10, end: 71 });
        });

        it('clamps the lines around a match to the lines there are', () => {
            expect(viewRange(40, { kind: 'around', start: 10, end: 71 })).toEqual({ start: 10, end: 40 });
            expect(viewRange(200, { kind: 'around', start: -3, end: 20 })).toEqual({ start: 0, end: 20 });
            expect(viewRange(30, { kind: 'around', start: 50, end: 81 })).toEqual({ start: 30, end: 30 });
        });
    });

    describe('modeAround', () => {
        it('is the latest lines for a match among them', () => {
            expect(modeAround(120, 200)).toEqual({ kind: 'latest' });
            expect(modeAround(199, 200)).toEqual({ kind: 'latest' });
            expect(modeAround(0, 50)).toEqual({ kind: 'latest' });
        });

        it(`is ${String(AROUND_MATCH)} lines either side of an older match`, () => {
            const mode: ViewMode = modeAround(100, 300);

            expect(AROUND_MATCH).toBe(30);
            expect(mode).toEqual({ kind: 'around', start: 70, end: 131 });
            expect(viewRange(300, mode)).toEqual({ start: 70, end: 131 });
        });

        it('is just before the latest lines for a match just before them', () => {
            expect(modeAround(119, 200)).toEqual({ kind: 'around', start: 89, end: 150 });
        });

        it('starts at the first line for a match near it', () => {
            expect(modeAround(5, 200)).toEqual({ kind: 'around', start: 0, end: 36 });
            expect(modeAround(0, 200)).toEqual({ kind: 'around', start: 0, end: 31 });
        });
    });

    describe('offsetLabel', () => {
        it.each([
            [0, '0:00'],
            [999, '0:00'],
            [5000, '0:05'],
            [5999, '0:05'],
            [65_000, '1:05'],
            [600_000, '10:00'],
            [3_599_000, '59:59'],
            [3_600_000, '1:00:00'],
            [3_723_000, '1:02:03'],
            [36_000_000, '10:00:00']
        ])('reads %p ms as %p', (offset, label) => {
            expect(offsetLabel(offset)).toBe(label);
        });

        it.each([
            ['a negative offset (clock skew)', -5000],
            ['NaN', Number.NaN],
            ['infinity', Number.POSITIVE_INFINITY],
            ['minus infinity', Number.NEGATIVE_INFINITY]
        ])('reads %s as 0:00', (_case, offset) => {
            expect(offsetLabel(offset)).toBe('0:00');
        });
    });

    describe('exports', () => {
        const CARLA_SAYS = 'I was charged twice.\r\nOn my card.\nYesterday.';
        const utterances = [
            utterance('u1', 'Hello, how can I help?', T0 + 5000, 'Agent'),
            utterance('u2', CARLA_SAYS, T0 + 65_000, 'Customer', '  Carla  '),
            utterance('u3', 'Offer store credit.', T0 + 3_723_000, 'Supervisor', 'Samir')
        ];

        describe('exportOrigin', () => {
            it("counts from the call's start when known", () => {
                expect(exportOrigin(T0 - 1000, utterances)).toBe(T0 - 1000);
            });

            it('counts from the first line otherwise', () => {
                expect(exportOrigin(undefined, utterances)).toBe(T0 + 5000);
            });

            it('counts from 0 with neither', () => {
                expect(exportOrigin(undefined, [])).toBe(0);
            });
        });

        describe('transcriptText', () => {
            it('writes one line per utterance with its time from the origin and its speaker', () => {
                expect(transcriptText(utterances, T0, SPEAKER_LABELS)).toBe(
                    '[0:05] Agent: Hello, how can I help?\n' +
                        '[1:05] Customer (Carla): I was charged twice.\n' +
                        '    On my card.\n' +
                        '    Yesterday.\n' +
                        '[1:02:03] Supervisor (Samir): Offer store credit.\n'
                );
            });

            it('uses the labels it is given for the roles', () => {
                const labels = { Agent: 'Rep', Customer: 'Caller', Supervisor: 'Lead' } as const;

                expect(
                    transcriptText(utterances.slice(0, 2), T0 + 5000, labels)
                        .split('\n')
                        .slice(0, 2)
                ).toEqual([
                    '[0:00] Rep: Hello, how can I help?',
                    '[1:00] Caller (Carla): I was charged twice.'
                ]);
            });

            it('names the role only for a blank display name, and 0:00 for a line before the origin', () => {
                const early = utterance('u0', 'Hi', T0 - 2000, 'Customer', '   ');

                expect(transcriptText([early], T0, SPEAKER_LABELS)).toBe('[0:00] Customer: Hi\n');
            });

            it('is empty without utterances', () => {
                expect(transcriptText([], T0, SPEAKER_LABELS)).toBe('');
            });
        });

        describe('transcriptJson', () => {
            it('gives version 1, the call, its start and each utterance with its offset', () => {
                const json = transcriptJson(CALL_ID, utterances, T0, T0);
                const parsed: unknown = JSON.parse(json);

                expect(json.endsWith('}\n')).toBe(true);
                expect(json.startsWith('{\n  "version": 1,\n')).toBe(true);
                expect(parsed).toEqual({
                    version: 1,
                    callId: CALL_ID,
                    startedAt: '2026-01-01T09:00:00.000Z',
                    utterances: [
                        {
                            id: 'u1',
                            offsetMs: 5000,
                            offset: '0:05',
                            role: 'Agent',
                            name: null,
                            text: 'Hello, how can I help?'
                        },
                        {
                            id: 'u2',
                            offsetMs: 65_000,
                            offset: '1:05',
                            role: 'Customer',
                            name: 'Carla',
                            text: CARLA_SAYS
                        },
                        {
                            id: 'u3',
                            offsetMs: 3_723_000,
                            offset: '1:02:03',
                            role: 'Supervisor',
                            name: 'Samir',
                            text: 'Offer store credit.'
                        }
                    ]
                });
            });

            it('gives a null start when the call start is unknown, and offsets never below 0', () => {
                const early = utterance('u0', 'Hi', T0 - 2000, 'Customer');
                const parsed: unknown = JSON.parse(transcriptJson(CALL_ID, [early], T0, undefined));

                expect(parsed).toEqual({
                    version: 1,
                    callId: CALL_ID,
                    startedAt: null,
                    utterances: [
                        { id: 'u0', offsetMs: 0, offset: '0:00', role: 'Customer', name: null, text: 'Hi' }
                    ]
                });
            });

            it('gives a null start for a start that is not a finite time', () => {
                const parsed: unknown = JSON.parse(transcriptJson(CALL_ID, [], 0, Number.NaN));

                expect(parsed).toEqual({ version: 1, callId: CALL_ID, startedAt: null, utterances: [] });
            });

            it('gives a null start, not an error, for a start beyond the dates JavaScript can write', () => {
                // A start read back from a damaged session storage is any finite number (storedCall's readTimes).
                const start = 8.64e15 + 1;
                const json = (): string => transcriptJson(CALL_ID, utterances, start, start);

                expect(json).not.toThrow();
                expect(JSON.parse(json())).toMatchObject({ startedAt: null });
            });

            it('gives a null name for a blank display name, as the text export does', () => {
                const blank = utterance('u0', 'Hi', T0, 'Customer', '   ');
                const parsed: unknown = JSON.parse(transcriptJson(CALL_ID, [blank], T0, T0));

                expect(parsed).toMatchObject({ utterances: [{ id: 'u0', name: null }] });
            });

            it('keeps markup and quotes in texts as data', () => {
                const text = '<img src=x onerror="alert(1)"> "quoted" \\ back';
                const parsed: unknown = JSON.parse(
                    transcriptJson(CALL_ID, [utterance('u0', text, T0)], T0, undefined)
                );

                expect(parsed).toMatchObject({ utterances: [{ text }] });
            });
        });

        describe('exportFileName', () => {
            it('names the file after the call, with the extension', () => {
                expect(exportFileName('c5d93c19-e03b-44f8-85e6-a11f02e70c45', 'txt')).toBe(
                    'transcript-c5d93c19-e03b-44f8-85e6-a11f02e70c45.txt'
                );
                expect(exportFileName('CALL_1.a', 'json')).toBe('transcript-CALL_1.a.json');
            });

            it('replaces each run of unsafe characters with one underscore', () => {
                expect(exportFileName('a/b\\c:d*?"<>|e f', 'txt')).toBe('transcript-a_b_c_d_e_f.txt');
                expect(exportFileName('../../etc/passwd', 'json')).toBe('transcript-.._.._etc_passwd.json');
                expect(exportFileName('café 電話', 'txt')).toBe('transcript-caf_.txt');
            });

            it('names the file "call" for an empty id', () => {
                expect(exportFileName('', 'txt')).toBe('transcript-call.txt');
                expect(exportFileName('', 'json')).toBe('transcript-call.json');
            });

            it('keeps at most 80 characters of the id', () => {
                expect(exportFileName('x'.repeat(200), 'json')).toBe(`transcript-${'x'.repeat(80)}.json`);
            });
        });
    });
});

describe('timelineEntries', () => {
    const T = Date.UTC(2026, 0, 1, 9);
    const sender = (role: SenderRole, displayName?: string) => ({ role, rawRole: role, displayName });
    const message = (id: string, at: number, text: string, role: SenderRole, name?: string) => ({
        id,
        text,
        sender: sender(role, name),
        at,
        seq: 1,
        serverReceivedTimestamp: at,
        clientSentTimestamp: undefined
    });

    it("puts the call's moments, flags raised and lowered, and notes in time order, ties in that order", () => {
        const moments: CallMoment[] = [
            { id: 'm1', kind: 'callconnected', at: T, participant: '+1 555 0100' },
            { id: 'm2', kind: 'hold', at: T + 3000, participant: '+1 555 0100' },
            { id: 'm3', kind: 'pauserecording', at: T + 5000, participant: undefined }
        ];
        const flags: Flag[] = [
            {
                ...message('f1', T + 2000, 'Refund needed', 'Agent', 'Jordan'),
                loweredBy: sender('Supervisor', 'Samir'),
                loweredAt: T + 5000
            }
        ];
        const notes: Note[] = [message('n1', T + 3000, 'Called back', 'Supervisor')];

        expect(timelineEntries(moments, flags, notes).map((entry) => entry.text)).toEqual([
            'Call connected',
            'Flag raised by Jordan: Refund needed',
            'On hold: +1 555 0100',
            'Note by Supervisor: Called back',
            'Recording paused',
            'Flag lowered by Samir'
        ]);
        expect(new Set(timelineEntries(moments, flags, notes).map((entry) => entry.key)).size).toBe(6);
    });

    it('keeps markup in a note as text, and finds where a time falls', () => {
        const entries = timelineEntries([], [], [message('n1', T, '<b>bold</b>', 'Agent')]);
        expect(entries[0].text).toBe('Note by Agent: <b>bold</b>');

        const times = [
            { key: 'a', at: 10, text: '' },
            { key: 'b', at: 20, text: '' },
            { key: 'c', at: 20, text: '' }
        ];
        expect([firstEntryFrom(times, 5), firstEntryFrom(times, 20), firstEntryFrom(times, 25)]).toEqual([
            0, 1, 3
        ]);
    });

    it('finds where a value is, or goes, among ascending values (lowerBound)', () => {
        const positions = [2, 5, 5, 9];
        const at = (value: number): number => lowerBound(positions, value, (position) => position);
        expect([at(0), at(2), at(5), at(6), at(9), at(10)]).toEqual([0, 0, 1, 3, 3, 4]);
        expect(lowerBound([], 3, (position: number) => position)).toBe(0);
    });
});
