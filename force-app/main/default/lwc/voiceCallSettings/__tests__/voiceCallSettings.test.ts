import {
    DEFAULT_SETTINGS,
    HOLD_TOO_LONG_SECONDS_RANGE,
    SETTING_NAMES,
    TRANSCRIPT_HEIGHT_RANGE,
    describeValue,
    normaliseSettings
} from 'c/voiceCallSettings';
import type { ConsoleSettings, SettingName } from 'c/voiceCallSettings';

const BOOLEAN_SETTINGS = [
    'showStatus',
    'showTranscript',
    'showFlags',
    'showNotes',
    'showControls',
    'showTimeline'
] as const satisfies readonly SettingName[];
const INTEGER_SETTINGS = ['transcriptHeight', 'holdTooLongSeconds'] as const satisfies readonly SettingName[];

/** The settings read from `raw`, and every warning given on the way. */
function normalised(raw: Readonly<Record<string, unknown>>): {
    settings: ConsoleSettings;
    warnings: string[];
} {
    const warnings: string[] = [];
    const settings = normaliseSettings(raw, (message) => warnings.push(message));
    return { settings, warnings };
}

describe('c/voiceCallSettings', () => {
    describe('defaults', () => {
        it('gives every default, without a warning, when nothing is set', () => {
            const { settings, warnings } = normalised({});

            expect(settings).toEqual({
                showStatus: true,
                showTranscript: true,
                showFlags: true,
                showNotes: true,
                showControls: true,
                transcriptHeight: 320,
                showTimeline: false,
                holdTooLongSeconds: 120
            });
            expect(settings).toEqual(DEFAULT_SETTINGS);
            expect(warnings).toEqual([]);
        });

        it('names every setting once, in the order of the defaults', () => {
            expect(SETTING_NAMES).toEqual(Object.keys(DEFAULT_SETTINGS));
            expect([...BOOLEAN_SETTINGS, ...INTEGER_SETTINGS].sort()).toEqual([...SETTING_NAMES].sort());
        });

        it('takes undefined and null as not set: the default, silently', () => {
            const unset = Object.fromEntries(
                SETTING_NAMES.map((name, index) => [name, index % 2 ? null : undefined])
            );

            const { settings, warnings } = normalised(unset);

            expect(settings).toEqual(DEFAULT_SETTINGS);
            expect(warnings).toEqual([]);
        });

        it('returns frozen settings, and the defaults are frozen too', () => {
            const { settings } = normalised({ transcriptHeight: 500 });

            expect(Object.isFrozen(settings)).toBe(true);
            expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
            expect(Object.isFrozen(SETTING_NAMES)).toBe(true);
            expect(() => {
                (settings as { transcriptHeight: number }).transcriptHeight = 1;
            }).toThrow(TypeError);
        });

        it('ignores keys that are not settings, and values inherited from the prototype', () => {
            const inherited: Record<string, unknown> = Object.create({ showStatus: false }) as Record<
                string,
                unknown
            >;
            inherited.colour = 'red';

            const { settings, warnings } = normalised(inherited);

            expect(settings).toEqual(DEFAULT_SETTINGS);
            expect(settings).not.toHaveProperty('colour');
            expect(warnings).toEqual([]);
        });
    });

    describe.each(BOOLEAN_SETTINGS)('the boolean setting %s', (name) => {
        it.each([
            [true, true],
            [false, false],
            ['true', true],
            ['false', false],
            ['TRUE', true],
            [' False ', false]
        ])('reads %p as %p', (raw, expected) => {
            const { settings, warnings } = normalised({ [name]: raw });

            expect(settings[name]).toBe(expected);
            expect(warnings).toEqual([]);
        });

        it.each([['yes'], [''], ['  '], ['1'], [1], [0], [Number.NaN], [{}], [['true']]])(
            'falls back to the default for %p, with one warning naming the setting and the value',
            (raw) => {
                const { settings, warnings } = normalised({ [name]: raw });

                expect(settings[name]).toBe(DEFAULT_SETTINGS[name]);
                expect(warnings).toHaveLength(1);
                expect(warnings[0]).toContain(name);
                expect(warnings[0]).toContain(describeValue(raw));
                expect(warnings[0]).toContain('true or false');
            }
        );
    });

    describe.each([
        ['transcriptHeight', TRANSCRIPT_HEIGHT_RANGE],
        ['holdTooLongSeconds', HOLD_TOO_LONG_SECONDS_RANGE]
    ] as const)('the integer setting %s', (name, range) => {
        it('has the documented range and a default inside it', () => {
            expect(range).toEqual(
                name === 'transcriptHeight' ? { min: 120, max: 2000 } : { min: 10, max: 3600 }
            );
            expect(DEFAULT_SETTINGS[name]).toBeGreaterThanOrEqual(range.min);
            expect(DEFAULT_SETTINGS[name]).toBeLessThanOrEqual(range.max);
        });

        it.each([
            ['the minimum', range.min, range.min],
            ['the maximum', range.max, range.max],
            ['a number', 600, 600],
            ['a numeric string', '600', 600],
            ['a numeric string with spaces', ' 600 ', 600],
            ['a signed numeric string', '+600', 600],
            ['the minimum as a string', String(range.min), range.min],
            ['a whole float', 600.0, 600]
        ])('reads %s (%p) as %p', (_case, raw, expected) => {
            const { settings, warnings } = normalised({ [name]: raw });

            expect(settings[name]).toBe(expected);
            expect(warnings).toEqual([]);
        });

        it.each([
            ['below the minimum', range.min - 1],
            ['above the maximum', range.max + 1],
            ['above the maximum, as a string', String(range.max + 1)],
            ['zero', 0],
            ['negative', -300],
            ['a negative string', '-300'],
            ['a float', 300.5],
            ['a float string', '300.5'],
            ['exponent notation', '3e2'],
            ['hexadecimal', '0x12c'],
            ['NaN', Number.NaN],
            ['Infinity', Number.POSITIVE_INFINITY],
            ['an empty string', ''],
            ['a word', 'tall'],
            ['a string with a unit', '300px'],
            ['a boolean', true],
            ['an object', { value: 300 }],
            ['an array', [300]]
        ])('falls back to the default for %s (%p), with one warning', (_case, raw) => {
            const { settings, warnings } = normalised({ [name]: raw });

            expect(settings[name]).toBe(DEFAULT_SETTINGS[name]);
            expect(warnings).toHaveLength(1);
            expect(warnings[0]).toContain(name);
            expect(warnings[0]).toContain(describeValue(raw));
            expect(warnings[0]).toContain(`from ${String(range.min)} to ${String(range.max)}`);
        });
    });

    describe('warnings', () => {
        it('warns once per bad value, keeps the good values, and says which default is used', () => {
            const { settings, warnings } = normalised({
                showStatus: 'false',
                showFlags: 'maybe',
                transcriptHeight: '5000',
                holdTooLongSeconds: 45,
                showTimeline: true
            });

            expect(settings).toEqual({
                ...DEFAULT_SETTINGS,
                showStatus: false,
                holdTooLongSeconds: 45,
                showTimeline: true
            });
            expect(warnings).toEqual([
                'voiceCallConsole: setting showFlags is "maybe", not true or false; using the default, true.',
                'voiceCallConsole: setting transcriptHeight is "5000", not a whole number from 120 to 2000; using the default, 320.'
            ]);
        });

        it('warns on the browser console by default', () => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            try {
                const settings = normaliseSettings({ holdTooLongSeconds: -1 });

                expect(settings.holdTooLongSeconds).toBe(120);
                expect(warn).toHaveBeenCalledTimes(1);
                expect(warn).toHaveBeenCalledWith(expect.stringContaining('holdTooLongSeconds is -1'));
            } finally {
                warn.mockRestore();
            }
        });

        it('never throws, whatever the value, and never quotes more than 100 characters of it', () => {
            const hostile = {
                toString(): string {
                    throw new Error('toString');
                }
            };
            const { settings, warnings } = normalised({
                showStatus: hostile,
                showNotes: Symbol('notes'),
                showControls: 10n,
                transcriptHeight: 'x'.repeat(100_000),
                holdTooLongSeconds: () => 60
            });

            expect(settings).toEqual(DEFAULT_SETTINGS);
            expect(warnings).toHaveLength(5);
            expect(warnings[0]).toContain('is an object');
            expect(warnings[1]).toContain('is Symbol(notes)');
            expect(warnings[2]).toContain('is 10,');
            expect(warnings[3]).toContain(`"${'x'.repeat(100)}…"`);
            expect(warnings[3].length).toBeLessThan(250);
            expect(warnings[4]).toContain('is a function');
        });
    });

    describe('describeValue', () => {
        it.each([
            ['text', '"text"'],
            [' padded ', '" padded "'],
            ['', '""'],
            [42, '42'],
            [Number.NaN, 'NaN'],
            [false, 'false'],
            [undefined, 'undefined'],
            [null, 'null'],
            [[1, 2], 'an array'],
            [{ a: 1 }, 'an object']
        ])('describes %p as %s', (value, expected) => {
            expect(describeValue(value)).toBe(expected);
        });
    });
});
