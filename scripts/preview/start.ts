/**
 * CLI of `npm start` and `npm run dev` (`node .build/scripts/preview/start.js [--watch] [--port <n>]
 * [--scenario scenarios/<file>.json]`): builds the preview page, serves it and prints its URL. With --watch, rollup
 * rebuilds the page on every change of its sources.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIO_QUERY_PARAMETER } from '../../preview/app/previewApi';
import { SCENARIO_DIRECTORY, readScenarioFile } from '../../preview/simulator/scenarioFile';
import { buildPreview } from './previewBuild';
import type { PreviewBuild } from './previewBuild';
import { DEFAULT_HOST, DEFAULT_PORT, startPreviewServer } from './previewServer';
import type { PreviewServer } from './previewServer';

/** Where `npm start` builds the page, relative to the project root. */
export const PREVIEW_OUT_DIR = '.build/preview-site';

export interface StartOptions {
    readonly port: number;
    readonly watch: boolean;
    /** As given on the command line, for example "scenarios/three-way-call.json". */
    readonly scenario: string | undefined;
}

const USAGE = 'Usage: npm start -- [--port <n>] [--scenario scenarios/<file>.json] [--watch]';

/** The command line and environment as options, or the one-line reason they are wrong. */
export function parseStartOptions(
    argv: readonly string[],
    env: Readonly<Record<string, string | undefined>>
): { ok: true; options: StartOptions } | { ok: false; error: string } {
    let values: { port?: string; scenario?: string; watch?: boolean };
    try {
        ({ values } = parseArgs({
            args: [...argv],
            options: {
                port: { type: 'string' },
                scenario: { type: 'string' },
                watch: { type: 'boolean' }
            },
            strict: true
        }));
    } catch (error) {
        return { ok: false, error: `${error instanceof Error ? error.message : String(error)}. ${USAGE}` };
    }
    const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) {
        return { ok: false, error: `Invalid port "${portText}": a number from 0 to 65535. ${USAGE}` };
    }
    return { ok: true, options: { port, watch: values.watch === true, scenario: values.scenario } };
}

/**
 * The scenario the page should open with: its file name in scenarios/ and its name, or the one-line error. The page
 * can only load files of scenarios/, so a path anywhere else is an error.
 */
export function checkScenarioArgument(
    argument: string,
    projectRoot: string,
    cwd: string
): { ok: true; file: string; name: string; eventCount: number } | { ok: false; error: string } {
    const scenariosDir = path.join(projectRoot, SCENARIO_DIRECTORY);
    // A bare file name means a file of scenarios/.
    const filePath =
        argument.includes('/') || argument.includes(path.sep)
            ? path.resolve(cwd, argument)
            : path.join(scenariosDir, argument);
    const file = path.basename(filePath);
    if (path.dirname(filePath) !== scenariosDir) {
        return {
            ok: false,
            error: `${argument}: the preview loads scenarios from ${SCENARIO_DIRECTORY}/ only`
        };
    }
    if (!fs.existsSync(filePath)) {
        return { ok: false, error: `${SCENARIO_DIRECTORY}/${file}: no such scenario file` };
    }
    const result = readScenarioFile(filePath, `${SCENARIO_DIRECTORY}/${file}`, projectRoot);
    return result.ok
        ? { ok: true, file, name: result.scenario.name, eventCount: result.scenario.events.length }
        : { ok: false, error: result.error };
}

function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
    // Compiled to .build/scripts/preview/start.js: the project root is three folders up.
    const projectRoot = path.resolve(__dirname, '..', '..', '..');
    const parsed = parseStartOptions(process.argv.slice(2), process.env);
    if (!parsed.ok) {
        console.error(parsed.error);
        return 1;
    }
    const { port, watch, scenario } = parsed.options;
    const outDir = path.join(projectRoot, PREVIEW_OUT_DIR);

    console.log(`Building the preview page${watch ? ' (watch mode)' : ''}…`);
    let build: PreviewBuild;
    try {
        build = await buildPreview({
            projectRoot,
            outDir,
            watch,
            onRebuild: (outcome) => {
                if (outcome.ok) {
                    console.log(`Rebuilt in ${seconds(outcome.durationMs)}: reload the page.`);
                } else {
                    console.error(`Rebuild failed: ${outcome.error}`);
                }
            }
        });
    } catch (error) {
        console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
    console.log(`Built in ${seconds(build.durationMs)} into ${PREVIEW_OUT_DIR}/`);

    let server: PreviewServer;
    try {
        server = await startPreviewServer({ projectRoot, port, host: DEFAULT_HOST, staticDir: outDir });
    } catch (error) {
        await build.close();
        const code = (error as { code?: unknown }).code;
        console.error(
            code === 'EADDRINUSE'
                ? `Port ${port} is already in use: stop the other server, or pass --port <n> (or set PORT).`
                : `Cannot start the server: ${error instanceof Error ? error.message : String(error)}`
        );
        return 1;
    }

    let url = server.url;
    if (scenario !== undefined) {
        const checked = checkScenarioArgument(scenario, projectRoot, process.cwd());
        if (checked.ok) {
            url = `${server.url}?${SCENARIO_QUERY_PARAMETER}=${encodeURIComponent(checked.file)}`;
            console.log(
                `Scenario: ${checked.name} (${SCENARIO_DIRECTORY}/${checked.file}, ${checked.eventCount} events)`
            );
        } else {
            console.error(checked.error);
        }
    }
    console.log(`Voice Call Console preview: ${url}`);
    if (watch) {
        console.log('Watching the sources: the page rebuilds on every change.');
    }
    console.log('Press Ctrl+C to stop.');

    const stop = (): void => {
        Promise.all([server.close(), build.close()]).then(
            () => process.exit(0),
            (error: unknown) => {
                console.error(error);
                process.exit(1);
            }
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
}

if (require.main === module) {
    main().then(
        (code) => {
            if (code !== 0) {
                process.exitCode = code;
            }
        },
        (error: unknown) => {
            console.error(error);
            process.exitCode = 1;
        }
    );
}
