/**
 * The console's admin settings (App Builder design attributes: booleans, numbers or strings) read into frozen,
 * typed settings. A bad value falls back to the default with one warning naming the setting and the value.
 */

export interface ConsoleSettings {
    readonly showStatus: boolean;
    readonly showTranscript: boolean;
    readonly showFlags: boolean;
    readonly showNotes: boolean;
    readonly showControls: boolean;
    /** Height of the transcript panel, in px. */
    readonly transcriptHeight: number;
    readonly showTimeline: boolean;
    /** A participant on hold longer than this, in seconds, is on hold too long. */
    readonly holdTooLongSeconds: number;
}

export type SettingName = keyof ConsoleSettings;

/** The allowed values of an integer setting, both ends included. */
export interface IntegerRange {
    readonly min: number;
    readonly max: number;
}

export const TRANSCRIPT_HEIGHT_RANGE: IntegerRange = Object.freeze({ min: 120, max: 2000 });
export const HOLD_TOO_LONG_SECONDS_RANGE: IntegerRange = Object.freeze({ min: 10, max: 3600 });

export const DEFAULT_SETTINGS: ConsoleSettings = Object.freeze({
    showStatus: true,
    showTranscript: true,
    showFlags: true,
    showNotes: true,
    showControls: true,
    transcriptHeight: 320,
    showTimeline: false,
    holdTooLongSeconds: 120
});

/** Every setting, in the order of DEFAULT_SETTINGS. */
export const SETTING_NAMES: readonly SettingName[] = Object.freeze([
    'showStatus',
    'showTranscript',
    'showFlags',
    'showNotes',
    'showControls',
    'transcriptHeight',
    'showTimeline',
    'holdTooLongSeconds'
] as const);

/** How a setting's raw value is read: the value it holds (undefined when it is not one), and what is allowed. */
interface SettingRule<T> {
    readonly parse: (value: unknown) => T | undefined;
    /** For the warning: "… is "maybe", not <expected>". */
    readonly expected: string;
}

const BOOLEAN_RULE: SettingRule<boolean> = {
    parse: (value) => {
        if (typeof value === 'boolean') {
            return value;
        }
        const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
        return text === 'true' ? true : text === 'false' ? false : undefined;
    },
    expected: 'true or false'
};

/** A whole number in `range`, or its decimal digits ("320", " 320 "); not "320.5" or "3e2". */
function integerRule(range: IntegerRange): SettingRule<number> {
    return {
        parse: (value) => {
            const number =
                typeof value === 'number'
                    ? value
                    : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)
                      ? Number(value)
                      : undefined;
            return number !== undefined &&
                Number.isInteger(number) &&
                number >= range.min &&
                number <= range.max
                ? number
                : undefined;
        },
        expected: `a whole number from ${String(range.min)} to ${String(range.max)}`
    };
}

const RULES: { readonly [K in SettingName]: SettingRule<ConsoleSettings[K]> } = {
    showStatus: BOOLEAN_RULE,
    showTranscript: BOOLEAN_RULE,
    showFlags: BOOLEAN_RULE,
    showNotes: BOOLEAN_RULE,
    showControls: BOOLEAN_RULE,
    transcriptHeight: integerRule(TRANSCRIPT_HEIGHT_RANGE),
    showTimeline: BOOLEAN_RULE,
    holdTooLongSeconds: integerRule(HOLD_TOO_LONG_SECONDS_RANGE)
};

/** Longest part of a bad string value quoted in a warning. */
const MAX_QUOTED_LENGTH = 100;

/** A value as text for a warning: strings quoted (so spaces show), objects by kind (never their contents). */
export function describeValue(value: unknown): string {
    if (typeof value === 'string') {
        return JSON.stringify(
            value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value
        );
    }
    if (typeof value === 'function') {
        return 'a function';
    }
    if (typeof value === 'object' && value !== null) {
        return Array.isArray(value) ? 'an array' : 'an object';
    }
    return String(value);
}

export function badSettingMessage(name: SettingName, value: unknown): string {
    return `voiceCallConsole: setting ${name} is ${describeValue(value)}, not ${RULES[name].expected}; using the default, ${String(DEFAULT_SETTINGS[name])}.`;
}

function readSetting<K extends SettingName>(
    raw: Readonly<Record<string, unknown>>,
    name: K,
    warn: (message: string) => void
): ConsoleSettings[K] {
    const value = Object.prototype.hasOwnProperty.call(raw, name) ? raw[name] : undefined;
    // Not set (App Builder leaves an untouched attribute undefined): the default, silently.
    if (value === undefined || value === null) {
        return DEFAULT_SETTINGS[name];
    }
    const parsed = RULES[name].parse(value);
    if (parsed === undefined) {
        warn(badSettingMessage(name, value));
        return DEFAULT_SETTINGS[name];
    }
    return parsed;
}

/** The settings from raw design-attribute values (other keys are ignored). Never throws. */
export function normaliseSettings(
    raw: Readonly<Record<string, unknown>>,
    warn: (message: string) => void = (message) => {
        console.warn(message);
    }
): ConsoleSettings {
    return Object.freeze({
        showStatus: readSetting(raw, 'showStatus', warn),
        showTranscript: readSetting(raw, 'showTranscript', warn),
        showFlags: readSetting(raw, 'showFlags', warn),
        showNotes: readSetting(raw, 'showNotes', warn),
        showControls: readSetting(raw, 'showControls', warn),
        transcriptHeight: readSetting(raw, 'transcriptHeight', warn),
        showTimeline: readSetting(raw, 'showTimeline', warn),
        holdTooLongSeconds: readSetting(raw, 'holdTooLongSeconds', warn)
    });
}
