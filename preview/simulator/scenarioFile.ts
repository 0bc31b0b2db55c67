/**
 * Reads scenario files (scenarios/*.json) and validates them against scenarios/scenario.schema.json with ajv.
 * Node only (the preview server, the replay CLI, tests): every error is one line naming the file, the entry
 * and the field, for example `scenarios/bad.json: events[3].type: must be one of the 19 toolkit events, got "ringing"`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { TOOLKIT_EVENT_NAMES } from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import { findJsonSyntaxError } from './jsonSyntax';
import type { Scenario } from './simulatorTypes';

export const SCENARIO_DIRECTORY = 'scenarios';
export const SCENARIO_SCHEMA_FILE_NAME = 'scenario.schema.json';

export type ScenarioParseResult =
    { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly error: string };

/**
 * The project root: the nearest folder above `from` that holds scenarios/scenario.schema.json. This module runs
 * from its source (jest) and compiled to .build/preview/simulator (the CLIs), at different depths.
 */
export function findProjectRoot(from: string = __dirname): string {
    let folder = path.resolve(from);
    for (;;) {
        if (fs.existsSync(path.join(folder, SCENARIO_DIRECTORY, SCENARIO_SCHEMA_FILE_NAME))) {
            return folder;
        }
        const parent = path.dirname(folder);
        if (parent === folder) {
            throw new Error(
                `No ${SCENARIO_DIRECTORY}/${SCENARIO_SCHEMA_FILE_NAME} in ${from} or any folder above it`
            );
        }
        folder = parent;
    }
}

const validators = new Map<string, ValidateFunction<Scenario>>();

function scenarioValidator(projectRoot: string): ValidateFunction<Scenario> {
    const schemaPath = path.join(projectRoot, SCENARIO_DIRECTORY, SCENARIO_SCHEMA_FILE_NAME);
    let validate = validators.get(schemaPath);
    if (validate === undefined) {
        const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object;
        validate = new Ajv({ allErrors: false }).compile<Scenario>(schema);
        validators.set(schemaPath, validate);
    }
    return validate;
}

/** "/events/3/type" → "events[3].type". */
function fieldPath(instancePath: string): string {
    return instancePath
        .split('/')
        .slice(1)
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce(
            (text, part) =>
                /^\d+$/.test(part) ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`,
            ''
        );
}

function valueAt(data: unknown, instancePath: string): unknown {
    let value = data;
    for (const part of instancePath.split('/').slice(1)) {
        const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
        value =
            typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value;
}

const MAX_SHOWN_LENGTH = 40;

/** A value as an error message shows it: `"ringing"`, `12`, `null`, `an array`, `an object`. */
function shown(value: unknown): string {
    if (Array.isArray(value)) {
        return 'an array';
    }
    if (typeof value === 'object' && value !== null) {
        return 'an object';
    }
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) {
        return String(value);
    }
    return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH - 2)}…"` : text;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
    object: 'an object',
    array: 'an array',
    string: 'a string',
    number: 'a number'
};

function describeSchemaError(error: ErrorObject, data: unknown): string {
    const field = fieldPath(error.instancePath);
    const value = valueAt(data, error.instancePath);
    const params = error.params as Readonly<Record<string, unknown>>;
    let problem: string;
    switch (error.keyword) {
        case 'required':
            problem = `missing "${String(params.missingProperty)}"`;
            break;
        case 'additionalProperties':
            problem = `unexpected property "${String(params.additionalProperty)}"`;
            break;
        case 'enum':
            problem = `must be one of the ${TOOLKIT_EVENT_NAMES.length} toolkit events, got ${shown(value)}`;
            break;
        case 'type': {
            const expected = String(params.type);
            problem = `must be ${TYPE_NAMES[expected] ?? expected}, got ${shown(value)}`;
            break;
        }
        case 'minimum':
            problem = `must be >= ${String(params.limit)}, got ${shown(value)}`;
            break;
        case 'minLength':
            problem = 'must not be empty';
            break;
        default:
            problem = error.message ?? `fails ${error.keyword}`;
    }
    return field === '' ? problem : `${field}: ${problem}`;
}

function invalidJson(text: string, error: unknown): string {
    const found = findJsonSyntaxError(text);
    if (found !== undefined) {
        return `invalid JSON (${found.message} at line ${found.line}, column ${found.column})`;
    }
    return `invalid JSON (${error instanceof Error ? error.message : String(error)})`;
}

/** The first event whose `at` goes back in time, as an error, or undefined. */
function timeGoingBackwards(scenario: Scenario): string | undefined {
    for (let index = 1; index < scenario.events.length; index++) {
        const previous = scenario.events[index - 1].at;
        const at = scenario.events[index].at;
        if (at < previous) {
            return `events[${index}].at: ${at} is before the previous event's ${previous}`;
        }
    }
    return undefined;
}

/**
 * Parses and validates one scenario file's text. `fileName` is how errors name the file (for example
 * "scenarios/bad.json"); `projectRoot` is where scenarios/scenario.schema.json is.
 */
export function parseScenarioFile(
    text: string,
    fileName: string,
    projectRoot: string = findProjectRoot()
): ScenarioParseResult {
    const fail = (problem: string): ScenarioParseResult => ({ ok: false, error: `${fileName}: ${problem}` });
    let data: unknown;
    // Editors on Windows may save a byte order mark, which JSON.parse refuses.
    const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
    try {
        data = JSON.parse(json);
    } catch (error) {
        return fail(invalidJson(json, error));
    }
    const validate = scenarioValidator(projectRoot);
    if (!validate(data)) {
        const first = validate.errors?.at(0);
        return fail(
            first === undefined ? 'does not match the scenario schema' : describeSchemaError(first, data)
        );
    }
    const backwards = timeGoingBackwards(data);
    return backwards === undefined ? { ok: true, scenario: data } : fail(backwards);
}

/** Reads and validates one scenario file; an unreadable file is an error like any other. */
export function readScenarioFile(
    filePath: string,
    fileName: string = filePath,
    projectRoot: string = findProjectRoot()
): ScenarioParseResult {
    let text: string;
    try {
        text = fs.readFileSync(filePath, 'utf8');
    } catch (error) {
        const code = (error as { code?: unknown }).code;
        return {
            ok: false,
            error: `${fileName}: ${code === 'ENOENT' ? 'no such file' : `cannot read the file (${String(code ?? error)})`}`
        };
    }
    return parseScenarioFile(text, fileName, projectRoot);
}

export type ScenarioFile = {
    /** The file's name in its folder, for example "inbound-call.json". */
    readonly fileName: string;
    readonly path: string;
} & ScenarioParseResult;

/**
 * Every scenario in `directory` (each *.json but the schema), validated, sorted by file name. Errors name
 * the file as `<folder name>/<file name>`, for example "scenarios/bad.json".
 */
export function loadScenarioDirectory(
    directory: string,
    projectRoot: string = findProjectRoot()
): ScenarioFile[] {
    const folderName = path.basename(path.resolve(directory));
    return fs
        .readdirSync(directory)
        .filter((name) => name.endsWith('.json') && name !== SCENARIO_SCHEMA_FILE_NAME)
        .sort()
        .map((fileName) => {
            const filePath = path.join(directory, fileName);
            return {
                fileName,
                path: filePath,
                ...readScenarioFile(filePath, `${folderName}/${fileName}`, projectRoot)
            };
        });
}
