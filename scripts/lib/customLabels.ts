/**
 * The console's custom labels (`force-app/main/default/labels/CustomLabels.labels-meta.xml`), read where the platform
 * is absent: the preview build and the jest mocks give each `@salesforce/label/c.<name>` import its English value from
 * here, and the replay prints the same words. `npm run validate:metadata` checks the file itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childText, childrenNamed, readXml } from './xmlTree';

export const CUSTOM_LABELS_FILE = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
/** What a component imports a label of this project's namespace by: `@salesforce/label/c.<fullName>`. */
export const LABEL_IMPORT_PREFIX = '@salesforce/label/c.';

/** One `<labels>` entry as written: a missing element reads as undefined. */
export interface CustomLabel {
    readonly fullName: string | undefined;
    readonly value: string | undefined;
    readonly language: string | undefined;
    readonly protected: string | undefined;
    readonly shortDescription: string | undefined;
    readonly categories: string | undefined;
}

export type CustomLabelsRead =
    | { readonly ok: true; readonly labels: readonly CustomLabel[] }
    | { readonly ok: false; readonly error: string };

/** The `<labels>` entries of a CustomLabels document, or why it cannot be read. */
export function parseCustomLabels(xml: string): CustomLabelsRead {
    const read = readXml(xml);
    if (!read.ok) {
        const where = read.line === undefined ? '' : ` (line ${String(read.line)})`;
        return { ok: false, error: `not well-formed XML${where}: ${read.error}` };
    }
    if (read.root.name !== 'CustomLabels') {
        return { ok: false, error: `the root element must be <CustomLabels>, not <${read.root.name}>` };
    }
    const labels = childrenNamed(read.root, 'labels').map((entry): CustomLabel => ({
        fullName: childText(entry, 'fullName'),
        value: childText(entry, 'value'),
        language: childText(entry, 'language'),
        protected: childText(entry, 'protected'),
        shortDescription: childText(entry, 'shortDescription'),
        categories: childText(entry, 'categories')
    }));
    return { ok: true, labels };
}

/** The project's labels file, read and parsed; a missing file is an error like any other. */
export function readCustomLabels(projectRoot: string): CustomLabelsRead {
    const file = path.join(projectRoot, CUSTOM_LABELS_FILE);
    let xml: string;
    try {
        xml = fs.readFileSync(file, 'utf8');
    } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return parseCustomLabels(xml);
}

/**
 * Each label's value by its fullName, for tools that stand in for the platform. Throws, naming the file, when the
 * file cannot be read: nothing can be shown without it.
 */
export function labelValues(projectRoot: string): ReadonlyMap<string, string> {
    const read = readCustomLabels(projectRoot);
    if (!read.ok) {
        throw new Error(`${CUSTOM_LABELS_FILE}: ${read.error}`);
    }
    const values = new Map<string, string>();
    for (const { fullName, value } of read.labels) {
        if (fullName !== undefined && fullName !== '') {
            values.set(fullName, value ?? '');
        }
    }
    return values;
}

/** The label names a source file imports (`import NAME from '@salesforce/label/c.<name>'`), in order. */
export function importedLabelNames(source: string): string[] {
    const prefix = LABEL_IMPORT_PREFIX.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const pattern = new RegExp(`\\bfrom\\s+['"]${prefix}([^'"]*)['"]`, 'g');
    return [...source.matchAll(pattern)].map((match) => match[1]);
}

/** The project folder holding sfdx-project.json, searched upwards from `start` (source or compiled location). */
export function findProjectRoot(start: string): string {
    let dir = path.resolve(start);
    for (;;) {
        if (fs.existsSync(path.join(dir, 'sfdx-project.json'))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error(`No sfdx-project.json in ${start} or any folder above it`);
        }
        dir = parent;
    }
}
