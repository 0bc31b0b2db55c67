/**
 * Builds the local preview page with rollup: the real console components (the same `.ts` that deploys), the
 * preview page's own components, real `lightning-*` base components, and the simulated toolkit element.
 * Output: ES modules, index.html and the SLDS stylesheet and assets in `outDir`. Used by `npm start`,
 * browser tests and benchmarks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transformAsync } from '@babel/core';
import lwc from '@lwc/rollup-plugin';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup, watch as rollupWatch } from 'rollup';
import type { OutputOptions, Plugin, RollupOptions } from 'rollup';
import { CUSTOM_LABELS_FILE, LABEL_IMPORT_PREFIX, labelValues } from '../lib/customLabels';

export type PreviewMode = 'development' | 'production';

export interface PreviewBuildOptions {
    readonly projectRoot: string;
    /** Emptied, then filled with the page. */
    readonly outDir: string;
    /** `production` builds the engine and base components without their development-only checks. */
    readonly mode?: PreviewMode;
    /** Keep rebuilding on change (rollup watch) until `close()`. */
    readonly watch?: boolean;
    /** Watch mode: called after every rebuild after the first, with the error if the rebuild failed. */
    readonly onRebuild?: (outcome: RebuildOutcome) => void;
    /** Another page than the preview's: its entry module and its index.html, relative to `projectRoot`. */
    readonly page?: PreviewPage;
}

export interface PreviewPage {
    /** TypeScript entry module, for example `preview/bench/main.ts`. */
    readonly entry: string;
    /** The page's index.html; it loads `./main.js` (ENTRY_FILE). */
    readonly indexHtml: string;
}

export type RebuildOutcome =
    { readonly ok: true; readonly durationMs: number } | { readonly ok: false; readonly error: string };

export interface PreviewBuild {
    readonly outDir: string;
    /** The page's JavaScript entry, relative to `outDir`. */
    readonly entry: string;
    /** Time of the first build. */
    readonly durationMs: number;
    /** Stops watching (watch mode); does nothing otherwise. */
    close(): Promise<void>;
}

/** Paths inside the project the build reads. */
export const PREVIEW_ENTRY = 'preview/app/main.ts';
export const PREVIEW_INDEX_HTML = 'preview/app/index.html';
export const PREVIEW_MODULES_DIR = 'preview/modules';
export const CONSOLE_LWC_DIR = 'force-app/main/default/lwc';
const SIMULATED_TOOLKIT =
    'preview/modules/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi.ts';
const TOOLKIT_MODULE = 'lightning/serviceCloudVoiceToolkitApi';
/** The console reads its record's VoiceCall on record pages; the preview has none (see the stand-in). */
const PREVIEW_RECORD_API = 'preview/modules/lightning/uiRecordApi/uiRecordApi.ts';
const RECORD_API_MODULE = 'lightning/uiRecordApi';
const SCHEMA_PREFIX = '@salesforce/schema/';
const VIRTUAL_SCHEMA_PREFIX = `\0${SCHEMA_PREFIX}`;
/** The console publishes on a message channel; the preview has an in-page bus (see the stand-in). */
const PREVIEW_MESSAGE_SERVICE = 'preview/modules/lightning/messageService/messageService.ts';
const MESSAGE_SERVICE_MODULE = 'lightning/messageService';
const CHANNEL_PREFIX = '@salesforce/messageChannel/';
const VIRTUAL_CHANNEL_PREFIX = `\0${CHANNEL_PREFIX}`;
/** Custom labels: each import is its English value from the labels file. */
const VIRTUAL_LABEL_PREFIX = `\0${LABEL_IMPORT_PREFIX}`;
/** The user's locale and time zone: in the preview, the browser's (the base components keep their own stubs). */
const I18N_PREFIX = '@salesforce/i18n/';
const VIRTUAL_I18N_PREFIX = `\0${I18N_PREFIX}`;
export const PREVIEW_I18N_MODULES: Readonly<Record<string, string>> = {
    locale: "typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US'",
    timeZone: 'Intl.DateTimeFormat().resolvedOptions().timeZone'
};

/** Output file of the entry; index.html loads it. */
export const ENTRY_FILE = 'main.js';
/** Where SLDS is copied inside `outDir`; the base components expect the icon sprites under /assets/icons. */
export const SLDS_STYLESHEET = 'assets/styles/salesforce-lightning-design-system.min.css';
const SLDS_ASSET_DIRS = [
    'icons/action-sprite',
    'icons/custom-sprite',
    'icons/doctype-sprite',
    'icons/standard-sprite',
    'icons/utility-sprite',
    'images'
];

const C_MODULE = /^c\/(\w+)$/;

/**
 * Resolves `c/<name>` to the bundle's `.ts` (never a stale emitted `.js`), the toolkit module to the simulated
 * element, `lightning/uiRecordApi` and `lightning/messageService` to their preview stand-ins,
 * `@salesforce/schema/<Object>.<Field>` to the field reference the platform gives and
 * `@salesforce/messageChannel/<Name>` to the channel's API name, `@salesforce/label/c.<Name>` to the label's value in
 * the labels file and `@salesforce/i18n/locale` and `timeZone` to the browser's. Runs before the LWC plugin, whose
 * resolver would prefer the `.js`.
 */
function previewModules(projectRoot: string, page: PreviewPage): Plugin {
    let labels: ReadonlyMap<string, string> = new Map();
    return {
        name: 'preview-modules',
        buildStart() {
            // Rollup watches the modules it loaded; templates' stylesheets and index.html are not among them.
            for (const file of watchedSources(projectRoot, page)) {
                this.addWatchFile(file);
            }
            // Read again on every build: a label edited in watch mode shows on the next one.
            try {
                labels = labelValues(projectRoot);
            } catch (error) {
                this.error(error instanceof Error ? error.message : String(error));
            }
        },
        resolveId(source, importer) {
            if (source === TOOLKIT_MODULE) {
                return path.join(projectRoot, SIMULATED_TOOLKIT);
            }
            if (source === RECORD_API_MODULE) {
                return path.join(projectRoot, PREVIEW_RECORD_API);
            }
            if (source === MESSAGE_SERVICE_MODULE) {
                return path.join(projectRoot, PREVIEW_MESSAGE_SERVICE);
            }
            if (
                source.startsWith(SCHEMA_PREFIX) ||
                source.startsWith(CHANNEL_PREFIX) ||
                source.startsWith(LABEL_IMPORT_PREFIX)
            ) {
                return `\0${source}`;
            }
            // The base components bring their own i18n stubs: only the project's imports are the browser's.
            if (
                source.startsWith(I18N_PREFIX) &&
                importer?.includes(`${path.sep}node_modules${path.sep}`) !== true
            ) {
                return `\0${source}`;
            }
            const match = C_MODULE.exec(source);
            if (match) {
                const name = match[1];
                const file = path.join(projectRoot, CONSOLE_LWC_DIR, name, `${name}.ts`);
                return fs.existsSync(file) ? file : null;
            }
            return null;
        },
        load(id) {
            if (id.startsWith(VIRTUAL_LABEL_PREFIX)) {
                const name = id.slice(VIRTUAL_LABEL_PREFIX.length);
                const value = labels.get(name);
                if (value === undefined) {
                    this.error(`${LABEL_IMPORT_PREFIX}${name}: no label ${name} in ${CUSTOM_LABELS_FILE}`);
                }
                return `export default ${JSON.stringify(value)};\n`;
            }
            if (id.startsWith(VIRTUAL_I18N_PREFIX)) {
                const name = id.slice(VIRTUAL_I18N_PREFIX.length);
                const expression = PREVIEW_I18N_MODULES[name] as string | undefined;
                if (expression === undefined) {
                    this.error(
                        `${I18N_PREFIX}${name}: the preview provides only ${Object.keys(PREVIEW_I18N_MODULES).join(', ')}`
                    );
                }
                return `export default ${expression};\n`;
            }
            if (id.startsWith(VIRTUAL_CHANNEL_PREFIX)) {
                // A channel is named by its API name, as the platform's jest transformer names it.
                return `export default ${JSON.stringify(id.slice(VIRTUAL_CHANNEL_PREFIX.length))};\n`;
            }
            if (!id.startsWith(VIRTUAL_SCHEMA_PREFIX)) {
                return null;
            }
            const reference = id.slice(VIRTUAL_SCHEMA_PREFIX.length);
            const dot = reference.indexOf('.');
            const field =
                dot === -1
                    ? { objectApiName: reference }
                    : { objectApiName: reference.slice(0, dot), fieldApiName: reference.slice(dot + 1) };
            return `export default ${JSON.stringify(field)};\n`;
        }
    };
}

/** The page's and the components' stylesheets and templates, index.html and the labels (tests excluded). */
function watchedSources(projectRoot: string, page: PreviewPage): string[] {
    const files = [path.join(projectRoot, page.indexHtml), path.join(projectRoot, CUSTOM_LABELS_FILE)];
    for (const dir of [PREVIEW_MODULES_DIR, CONSOLE_LWC_DIR]) {
        const root = path.join(projectRoot, dir);
        if (!fs.existsSync(root)) {
            continue;
        }
        for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
            const file = path.join(entry.parentPath, entry.name);
            if (
                entry.isFile() &&
                /\.(css|html)$/.test(entry.name) &&
                !file.includes(`${path.sep}__tests__${path.sep}`)
            ) {
                files.push(file);
            }
        }
    }
    return files;
}

/** Strips TypeScript with babel, keeping decorators as written for the LWC compiler that runs next. */
function stripTypeScript(): Plugin {
    return {
        name: 'strip-typescript',
        async transform(code, id) {
            if (!id.endsWith('.ts') || id.includes(`${path.sep}node_modules${path.sep}`)) {
                return null;
            }
            const result = await transformAsync(code, {
                filename: id,
                babelrc: false,
                configFile: false,
                sourceMaps: true,
                presets: [
                    [
                        require.resolve('@babel/preset-typescript'),
                        // As tsc's verbatimModuleSyntax: only `import type` disappears.
                        { allowDeclareFields: true, onlyRemoveTypeImports: true }
                    ]
                ],
                plugins: [
                    [require.resolve('@babel/plugin-syntax-decorators'), { decoratorsBeforeExport: true }]
                ]
            });
            if (result?.code == null) {
                return null;
            }
            return { code: result.code, map: result.map ?? null };
        }
    };
}

const PREVIEW_PAGE: PreviewPage = { entry: PREVIEW_ENTRY, indexHtml: PREVIEW_INDEX_HTML };

function rollupOptions(
    projectRoot: string,
    outDir: string,
    mode: PreviewMode,
    page: PreviewPage
): RollupOptions {
    const output: OutputOptions = {
        dir: outDir,
        format: 'es',
        entryFileNames: ENTRY_FILE,
        // Base components load some modules with dynamic import(): those become chunks.
        chunkFileNames: 'chunks/[name]-[hash].js',
        sourcemap: mode === 'development'
    };
    return {
        input: path.join(projectRoot, page.entry),
        output,
        plugins: [
            previewModules(projectRoot, page),
            // Transforms run in this order: TypeScript out, constants in, then the LWC compiler.
            stripTypeScript(),
            replace({
                preventAssignment: true,
                values: {
                    // lightning-base-components asks whether it runs on the server.
                    'import.meta.env.SSR': 'false',
                    // The LWC engine and base components drop their development checks in production.
                    'process.env.NODE_ENV': JSON.stringify(mode)
                }
            }),
            // Resolves `lwc`, the page's modules (namespace folders) and the real `lightning-*` components.
            lwc({
                rootDir: path.join(projectRoot, PREVIEW_MODULES_DIR),
                modules: [
                    { dir: path.join(projectRoot, PREVIEW_MODULES_DIR) },
                    { npm: 'lightning-base-components' }
                ],
                // lightning-combobox attaches element internals, which synthetic shadow refuses unless enabled.
                enableSyntheticElementInternals: true,
                sourcemap: mode === 'development'
            }),
            // Relative imports without an extension (the simulator's `.ts` files).
            nodeResolve({ extensions: ['.ts', '.mjs', '.js', '.json'], rootDir: projectRoot })
        ],
        onwarn(warning, defaultHandler) {
            // The base components' own warnings (duplicate slots, circular imports) are not ours to fix.
            const where = [warning.id, warning.loc?.file, ...(warning.ids ?? [])];
            if (where.some((id) => id?.includes(`${path.sep}node_modules${path.sep}`) === true)) {
                return;
            }
            defaultHandler(warning);
        }
    };
}

/** index.html and SLDS: what the page loads besides the JavaScript. */
function copyStaticFiles(projectRoot: string, outDir: string, page: PreviewPage): void {
    fs.copyFileSync(path.join(projectRoot, page.indexHtml), path.join(outDir, 'index.html'));
    const sldsAssets = path.join(
        path.dirname(require.resolve('@salesforce-ux/design-system/package.json')),
        'assets'
    );
    const stylesheet = path.join(outDir, SLDS_STYLESHEET);
    fs.mkdirSync(path.dirname(stylesheet), { recursive: true });
    fs.copyFileSync(path.join(sldsAssets, 'styles', path.basename(SLDS_STYLESHEET)), stylesheet);
    for (const dir of SLDS_ASSET_DIRS) {
        fs.cpSync(path.join(sldsAssets, dir), path.join(outDir, 'assets', dir), { recursive: true });
    }
}

/** `outDir` is emptied first: refuse the project, a folder above it, or any folder of it but .build/. */
function assertSafeOutDir(projectRoot: string, outDir: string): void {
    const isInside = (relative: string): boolean => !relative.startsWith('..') && !path.isAbsolute(relative);
    const relative = path.relative(path.resolve(projectRoot), path.resolve(outDir));
    const insideProject = isInside(relative);
    const isProjectOrAbove = isInside(path.relative(path.resolve(outDir), path.resolve(projectRoot)));
    const underBuildDir = relative.split(path.sep)[0] === '.build';
    if (isProjectOrAbove || (insideProject && !underBuildDir)) {
        throw new Error(
            `Refusing to empty ${outDir}: build the preview under .build/ or outside the project.`
        );
    }
}

/** Closing a bundle or watcher that failed: nothing more to report. */
function ignore(): void {
    // Nothing to do.
}

/** A build error as the terminal shows it: the file, then the message (with its code frame, if any). */
function errorLine(error: unknown): string {
    if (error instanceof Error) {
        const where = (error as { id?: unknown }).id;
        return typeof where === 'string' && !error.message.includes(where)
            ? `${where}: ${error.message}`
            : error.message;
    }
    return String(error);
}

export async function buildPreview(options: PreviewBuildOptions): Promise<PreviewBuild> {
    const { projectRoot, outDir, mode = 'development', page = PREVIEW_PAGE } = options;
    assertSafeOutDir(projectRoot, outDir);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const config = rollupOptions(projectRoot, outDir, mode, page);
    const started = Date.now();

    if (options.watch !== true) {
        const bundle = await rollup(config);
        try {
            await bundle.write(config.output as OutputOptions);
        } finally {
            await bundle.close();
        }
        copyStaticFiles(projectRoot, outDir, page);
        return {
            outDir,
            entry: ENTRY_FILE,
            durationMs: Date.now() - started,
            close: () => Promise.resolve()
        };
    }

    copyStaticFiles(projectRoot, outDir, page);
    const watcher = rollupWatch({ ...config, watch: { clearScreen: false } });
    return new Promise<PreviewBuild>((resolve, reject) => {
        let firstBuildDone = false;
        const build: PreviewBuild = {
            outDir,
            entry: ENTRY_FILE,
            durationMs: 0,
            close: () => watcher.close()
        };
        watcher.on('event', (event) => {
            if (event.code === 'BUNDLE_END') {
                event.result.close().catch(ignore);
                fs.copyFileSync(path.join(projectRoot, page.indexHtml), path.join(outDir, 'index.html'));
                if (!firstBuildDone) {
                    firstBuildDone = true;
                    resolve({ ...build, durationMs: Date.now() - started });
                } else {
                    options.onRebuild?.({ ok: true, durationMs: event.duration });
                }
            } else if (event.code === 'ERROR') {
                event.result?.close().catch(ignore);
                if (!firstBuildDone) {
                    firstBuildDone = true;
                    watcher.close().catch(ignore);
                    reject(new Error(errorLine(event.error), { cause: event.error }));
                } else {
                    options.onRebuild?.({ ok: false, error: errorLine(event.error) });
                }
            }
        });
    });
}
