/**
 * The local preview's HTTP server (node:http only): serves the built page and the scenario API, reading the
 * scenario files on every request so an edit shows on reload. Every response is cross-origin isolated
 * (COOP + COEP), so the page gets high-resolution timers for benchmarks; the page loads only same-origin files.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SCENARIOS_PATH } from '../../preview/app/previewApi';
import type { ScenarioResponse, ScenarioSummary } from '../../preview/app/previewApi';
import {
    SCENARIO_DIRECTORY,
    SCENARIO_SCHEMA_FILE_NAME,
    loadScenarioDirectory,
    readScenarioFile
} from '../../preview/simulator/scenarioFile';

export interface PreviewServerOptions {
    /** Where scenarios/ (with scenario.schema.json) is. */
    readonly projectRoot: string;
    /** 0 picks a free port. */
    readonly port: number;
    readonly host?: string;
    /** The built page (buildPreview's outDir). */
    readonly staticDir: string;
    /** Where a malformed scenario's error line goes; the terminal by default. */
    readonly reportError?: (line: string) => void;
}

export interface PreviewServer {
    /** `http://<host>:<port>/` */
    readonly url: string;
    readonly port: number;
    close(): Promise<void>;
}

export const DEFAULT_PORT = 3333;
export const DEFAULT_HOST = '127.0.0.1';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.txt': 'text/plain; charset=utf-8'
};

/** Sent with every response. */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
    // Cross-origin isolation: performance.now() at full resolution, SharedArrayBuffer.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    // A preview: always the latest build and the latest scenario files.
    'Cache-Control': 'no-store'
};

/** A scenario file name as the API accepts it: one file of scenarios/, nothing with a path in it. */
const SCENARIO_FILE_NAME = /^[\w][\w.-]*\.json$/;

export function contentTypeOf(filePath: string): string {
    return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Prints a scenario's error line once per change of the file, not on every request: the page asks for the list
 * on every load.
 */
class ScenarioErrorReporter {
    private readonly reported = new Map<string, string>();

    constructor(private readonly print: (line: string) => void) {}

    /** `filePath`'s current state: its error, or undefined when it is valid (or gone). */
    update(filePath: string, error: string | undefined): void {
        if (error === undefined) {
            this.reported.delete(filePath);
            return;
        }
        let modified = 0;
        try {
            modified = fs.statSync(filePath).mtimeMs;
        } catch {
            // A missing file: the error says so.
        }
        const signature = `${modified}\n${error}`;
        if (this.reported.get(filePath) !== signature) {
            this.reported.set(filePath, signature);
            this.print(error);
        }
    }
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, head: boolean): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
        ...COMMON_HEADERS,
        'Content-Type': CONTENT_TYPES['.json'],
        'Content-Length': Buffer.byteLength(text)
    });
    response.end(head ? undefined : text);
}

function sendText(response: http.ServerResponse, status: number, text: string, head: boolean): void {
    response.writeHead(status, {
        ...COMMON_HEADERS,
        'Content-Type': CONTENT_TYPES['.txt'],
        'Content-Length': Buffer.byteLength(text)
    });
    response.end(head ? undefined : text);
}

/** The file under `root` a URL path names, or undefined when it would leave `root`. */
export function resolveInside(root: string, urlPath: string): string | undefined {
    const resolvedRoot = path.resolve(root);
    const file = path.resolve(resolvedRoot, `.${path.posix.normalize(`/${urlPath}`)}`);
    const relative = path.relative(resolvedRoot, file);
    if (relative.startsWith('..') || path.isAbsolute(relative) || file.includes('\0')) {
        return undefined;
    }
    return file;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
    const { projectRoot, staticDir } = options;
    const host = options.host ?? DEFAULT_HOST;
    const scenariosDir = path.join(projectRoot, SCENARIO_DIRECTORY);
    const reporter = new ScenarioErrorReporter(
        options.reportError ??
            ((line) => {
                console.error(line);
            })
    );

    function listScenarios(): ScenarioSummary[] {
        if (!fs.existsSync(scenariosDir)) {
            return [];
        }
        return loadScenarioDirectory(scenariosDir, projectRoot).map((file): ScenarioSummary => {
            reporter.update(file.path, file.ok ? undefined : file.error);
            return file.ok
                ? {
                      ok: true,
                      file: file.fileName,
                      name: file.scenario.name,
                      description: file.scenario.description,
                      eventCount: file.scenario.events.length
                  }
                : { ok: false, file: file.fileName, error: file.error };
        });
    }

    function readScenario(fileName: string): { status: number; body: ScenarioResponse } {
        const filePath = path.join(scenariosDir, fileName);
        const shownName = `${SCENARIO_DIRECTORY}/${fileName}`;
        if (
            !SCENARIO_FILE_NAME.test(fileName) ||
            fileName === SCENARIO_SCHEMA_FILE_NAME ||
            !fs.existsSync(filePath)
        ) {
            return {
                status: 404,
                body: { ok: false, file: fileName, error: `${shownName}: no such scenario file` }
            };
        }
        const result = readScenarioFile(filePath, shownName, projectRoot);
        reporter.update(filePath, result.ok ? undefined : result.error);
        return result.ok
            ? { status: 200, body: { ok: true, file: fileName, scenario: result.scenario } }
            : { status: 422, body: { ok: false, file: fileName, error: result.error } };
    }

    function serveFile(urlPath: string, response: http.ServerResponse, head: boolean): void {
        const file = resolveInside(staticDir, urlPath === '/' ? '/index.html' : urlPath);
        let stats: fs.Stats | undefined;
        try {
            stats = file === undefined ? undefined : fs.statSync(file);
        } catch {
            stats = undefined;
        }
        if (file === undefined || stats === undefined || !stats.isFile()) {
            sendText(response, 404, `Not found: ${urlPath}\n`, head);
            return;
        }
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'Content-Type': contentTypeOf(file),
            'Content-Length': stats.size
        });
        if (head) {
            response.end();
            return;
        }
        fs.createReadStream(file).pipe(response);
    }

    function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
        const head = request.method === 'HEAD';
        if (request.method !== 'GET' && !head) {
            response.setHeader('Allow', 'GET, HEAD');
            sendText(response, 405, 'Only GET and HEAD\n', false);
            return;
        }
        let urlPath: string;
        try {
            urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://preview.invalid').pathname);
        } catch {
            sendText(response, 400, 'Bad request path\n', head);
            return;
        }
        if (urlPath === SCENARIOS_PATH || urlPath === `${SCENARIOS_PATH}/`) {
            sendJson(response, 200, listScenarios(), head);
        } else if (urlPath.startsWith(`${SCENARIOS_PATH}/`)) {
            const { status, body } = readScenario(urlPath.slice(SCENARIOS_PATH.length + 1));
            sendJson(response, status, body, head);
        } else if (urlPath.startsWith('/api/')) {
            sendJson(response, 404, { ok: false, error: `No such API: ${urlPath}` }, head);
        } else {
            serveFile(urlPath, response, head);
        }
    }

    const server = http.createServer((request, response) => {
        try {
            handle(request, response);
        } catch (error) {
            // A bug here must not stop the preview: answer 500 and keep serving.
            console.error(error);
            if (!response.headersSent) {
                sendText(response, 500, 'Internal error: see the terminal\n', false);
            } else {
                response.destroy();
            }
        }
    });

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://${host}:${port}/`,
        port,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((error) => {
                    if (error) {
                        reject(error);
                    } else {
                        resolve();
                    }
                });
                server.closeAllConnections();
            })
    };
}
