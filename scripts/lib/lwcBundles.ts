/** Finds a project's LWC bundles and the files each one would deploy (everything outside `__tests__`). */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the bundles live, relative to the project root (the default package directory of sfdx-project.json). */
export const LWC_DIR = 'force-app/main/default/lwc';

export interface LwcBundle {
    /** The folder name, which is also the component's name: `c/<name>`. */
    readonly name: string;
    /** Absolute path of the bundle folder. */
    readonly dir: string;
    /** Absolute paths of the bundle's files outside `__tests__`, sorted. */
    readonly files: readonly string[];
}

/** Every direct subfolder of the LWC folder, sorted by name; none when the folder does not exist. */
export function findBundles(projectRoot: string): LwcBundle[] {
    const lwcDir = path.join(projectRoot, LWC_DIR);
    if (!fs.existsSync(lwcDir)) {
        return [];
    }
    return fs
        .readdirSync(lwcDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
        .map((name) => {
            const dir = path.join(lwcDir, name);
            return { name, dir, files: listSourceFiles(dir).sort() };
        });
}

function listSourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === '__tests__' || entry.name.startsWith('.') ? [] : listSourceFiles(full);
        }
        return entry.isFile() ? [full] : [];
    });
}

/** A TypeScript source that is emitted to JavaScript: `.ts`, not a `.d.ts` declaration. */
export function isTypeScriptSource(file: string): boolean {
    return file.endsWith('.ts') && !file.endsWith('.d.ts');
}

/** The `.js` that `npm run build` emits beside a `.ts`. */
export function emittedJsPath(tsFile: string): string {
    return tsFile.slice(0, -'.ts'.length) + '.js';
}

/** A path relative to the project root with forward slashes, as errors print it. */
export function displayPath(projectRoot: string, file: string): string {
    return path.relative(projectRoot, file).split(path.sep).join('/');
}
