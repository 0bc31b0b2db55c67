/**
 * The deploy package check of `npm run validate:metadata`: converts force-app with `sf project convert source` (the
 * same conversion `sf project deploy start` does first) and compares the files it wrote with the ones that should
 * deploy: each bundle's emitted .js, .html, .css, .svg and .js-meta.xml (never a .ts or a test), the other metadata
 * and package.xml. Skipped, with one line saying so, when sf is not on PATH.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emittedJsPath, isTypeScriptSource } from './lwcBundles';
import type { LwcBundle } from './lwcBundles';

export interface CommandOutcome {
    /** The exit status; null when the command could not start or was killed. */
    readonly status: number | null;
    /** Set when the command could not start (ENOENT when it is not on PATH). */
    readonly error?: Error;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs a command in `cwd` and captures its output. */
export type RunCommand = (command: string, args: readonly string[], cwd: string) => CommandOutcome;

/** Where problems of this check point: the package sf wrote, not a source file. */
export const PACKAGE_LABEL = 'converted package';

export const PACKAGE_SKIPPED_NOTE =
    'Package check skipped: the Salesforce CLI (sf) is not on PATH (npm install --global @salesforce/cli).';

/** Folders whose `<name>.<suffix>-meta.xml` source files convert to one `<folder>/<name>.<suffix>` file each. */
export const SINGLE_FILE_FOLDERS: readonly string[] = [
    'applications',
    'flexipages',
    'labels',
    'messageChannels',
    'permissionsets',
    'tabs'
];

/** What a bundle ships besides the .js emitted from each .ts. */
const BUNDLE_SHIPPED_EXTENSIONS: readonly string[] = ['.js', '.html', '.css', '.svg', '.js-meta.xml'];

export const runCommand: RunCommand = (command, args, cwd) => {
    const result = spawnSync(command, args, {
        cwd,
        encoding: 'utf8',
        // Offline: no telemetry upload, no update check.
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' },
        timeout: 300_000
    });
    return { status: result.status, error: result.error, stdout: result.stdout, stderr: result.stderr };
};

export function convertArgs(outputDir: string): string[] {
    return ['project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', outputDir];
}

export interface PackageCheck {
    readonly problems: string[];
    readonly notes: string[];
}

/** The files (relative, forward slashes) the converted package must hold, and the folders it does not judge. */
export function expectedPackageFiles(
    defaultDir: string,
    bundles: readonly LwcBundle[]
): { readonly files: Set<string>; readonly unjudgedFolders: string[] } {
    const files = new Set<string>(['package.xml']);
    for (const bundle of bundles) {
        for (const file of bundle.files) {
            const relative = toPosix(path.relative(bundle.dir, file));
            if (isTypeScriptSource(file)) {
                files.add(`lwc/${bundle.name}/${toPosix(path.relative(bundle.dir, emittedJsPath(file)))}`);
            } else if (BUNDLE_SHIPPED_EXTENSIONS.some((extension) => file.endsWith(extension))) {
                files.add(`lwc/${bundle.name}/${relative}`);
            }
        }
    }
    const unjudgedFolders: string[] = [];
    const folders = fs.existsSync(defaultDir)
        ? fs.readdirSync(defaultDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
        : [];
    for (const folder of folders) {
        if (folder.name === 'lwc') {
            continue;
        }
        if (!SINGLE_FILE_FOLDERS.includes(folder.name)) {
            unjudgedFolders.push(folder.name);
            continue;
        }
        for (const entry of fs.readdirSync(path.join(defaultDir, folder.name))) {
            if (entry.endsWith('-meta.xml')) {
                files.add(`${folder.name}/${entry.slice(0, -'-meta.xml'.length)}`);
            }
        }
    }
    return { files, unjudgedFolders: unjudgedFolders.sort() };
}

/** Runs the conversion into a temporary folder, compares, and removes the folder. */
export function checkConvertedPackage(
    projectRoot: string,
    defaultDir: string,
    bundles: readonly LwcBundle[],
    run: RunCommand
): PackageCheck {
    const version = run('sf', ['--version'], projectRoot);
    if (version.error !== undefined || version.status !== 0) {
        return { problems: [], notes: [PACKAGE_SKIPPED_NOTE] };
    }
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-metadata-'));
    try {
        const outputDir = path.join(workDir, 'package');
        const converted = run('sf', convertArgs(outputDir), projectRoot);
        if (converted.error !== undefined || converted.status !== 0) {
            const reason =
                converted.error?.message ??
                firstLine(converted.stderr) ??
                firstLine(converted.stdout) ??
                'no output';
            return {
                problems: [
                    `${PACKAGE_LABEL}: sf project convert source failed (exit ${String(converted.status)}): ${reason}`
                ],
                notes: []
            };
        }
        const { files: expected, unjudgedFolders } = expectedPackageFiles(defaultDir, bundles);
        const actual = listFiles(outputDir).filter(
            (file) => !unjudgedFolders.some((folder) => file.startsWith(`${folder}/`))
        );
        const problems: string[] = [];
        for (const file of [...expected].sort()) {
            if (!actual.includes(file)) {
                problems.push(`${PACKAGE_LABEL}: ${file}: missing${missingHint(file, defaultDir)}`);
            }
        }
        for (const file of actual) {
            if (!expected.has(file)) {
                problems.push(`${PACKAGE_LABEL}: ${file}: must not deploy; .forceignore should keep it out`);
            }
        }
        const notes = [
            `Package check: sf project convert source wrote ${actual.length} files, ${problems.length === 0 ? 'as expected' : 'not the expected ones'}.`,
            ...unjudgedFolders.map(
                (folder) =>
                    `Package check: force-app/main/default/${folder} is not compared (not a single-file type).`
            )
        ];
        return { problems, notes };
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

/** A .js missing from the package because it was never emitted: say how to emit it. */
function missingHint(file: string, defaultDir: string): string {
    const source = path.join(defaultDir, ...file.split('/'));
    if (file.startsWith('lwc/') && file.endsWith('.js') && !fs.existsSync(source)) {
        return `; run npm run build first, it emits ${path.basename(file)} from ${path.basename(file, '.js')}.ts`;
    }
    return '';
}

function listFiles(dir: string, prefix = ''): string[] {
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
            if (entry.isDirectory()) {
                return listFiles(path.join(dir, entry.name), relative);
            }
            return entry.isFile() ? [relative] : [];
        })
        .sort();
}

function firstLine(text: string): string | undefined {
    return text
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '');
}

function toPosix(file: string): string {
    return file.split(path.sep).join('/');
}
