// The preview server on a free port, against a throwaway project (scenarios/) and static folder in the OS temp folder.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScenarioResponse, ScenarioSummary } from '../../preview/app/previewApi';
import { startPreviewServer } from '../preview/previewServer';
import type { PreviewServer } from '../preview/previewServer';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const GOOD_SCENARIO = {
    name: 'Short call',
    description: 'A call that connects and ends.',
    events: [
        {
            at: 0,
            type: 'callconnected',
            detail: { callId: 'call-1', callType: 'inbound', participant: '+1 415 555 0100' }
        },
        { at: 1000, type: 'callended', detail: { callId: 'call-1' } }
    ]
};
/** Valid JSON, invalid scenario: the error names the file, the entry and the field. */
const BAD_SCENARIO = {
    name: 'Bad',
    description: 'Wrong event type.',
    events: [{ at: 0, type: 'ringing', detail: {} }]
};
const SECRET = 'not for the browser';

interface Answer {
    readonly status: number;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: string;
}

let root: string;
let staticDir: string;
let server: PreviewServer;
let reported: string[];

/** A raw GET: `path` goes to the server exactly as written (no URL normalisation by a client). */
function get(requestPath: string, method = 'GET'): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const request = http.request(
            { host: '127.0.0.1', port: server.port, path: requestPath, method },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () => {
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        body: Buffer.concat(chunks).toString('utf8')
                    });
                });
            }
        );
        request.on('error', reject);
        request.end();
    });
}

function writeScenario(fileName: string, content: unknown): void {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    fs.writeFileSync(path.join(root, 'scenarios', fileName), text);
}

beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vcc-preview-server-'));
    fs.mkdirSync(path.join(root, 'scenarios'));
    fs.copyFileSync(
        path.join(REPO_ROOT, 'scenarios', 'scenario.schema.json'),
        path.join(root, 'scenarios', 'scenario.schema.json')
    );
    writeScenario('good.json', GOOD_SCENARIO);
    writeScenario('bad.json', BAD_SCENARIO);
    fs.writeFileSync(path.join(root, 'package.json'), SECRET);

    staticDir = path.join(root, 'site');
    fs.mkdirSync(path.join(staticDir, 'assets', 'icons'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>preview</title>');
    fs.writeFileSync(path.join(staticDir, 'main.js'), 'export {};');
    fs.writeFileSync(path.join(staticDir, 'main.js.map'), '{}');
    fs.writeFileSync(path.join(staticDir, 'assets', 'slds.css'), 'body {}');
    fs.writeFileSync(
        path.join(staticDir, 'assets', 'icons', 'symbols.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"/>'
    );

    reported = [];
    server = await startPreviewServer({
        projectRoot: root,
        port: 0,
        host: '127.0.0.1',
        staticDir,
        reportError: (line) => reported.push(line)
    });
});

afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
});

describe('scripts/preview/previewServer', () => {
    it('listens on the port it was given (0: a free one) and says where', () => {
        expect(server.port).toBeGreaterThan(0);
        expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    });

    it('serves index.html at / with the cross-origin isolation headers', async () => {
        const answer = await get('/');

        expect(answer.status).toBe(200);
        expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
        expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
        expect(answer.body).toContain('<title>preview</title>');
    });

    it.each([
        ['/main.js', 'text/javascript; charset=utf-8'],
        ['/main.js.map', 'application/json; charset=utf-8'],
        ['/assets/slds.css', 'text/css; charset=utf-8'],
        ['/assets/icons/symbols.svg', 'image/svg+xml'],
        ['/index.html?scenario=good.json', 'text/html; charset=utf-8']
    ])('serves %s as %s, isolated', async (requestPath, contentType) => {
        const answer = await get(requestPath);

        expect(answer.status).toBe(200);
        expect(answer.headers['content-type']).toBe(contentType);
        expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
    });

    it('answers HEAD with the headers and no body', async () => {
        const answer = await get('/main.js', 'HEAD');

        expect(answer.status).toBe(200);
        expect(answer.headers['content-length']).toBe(String('export {};'.length));
        expect(answer.body).toBe('');
    });

    it('refuses other methods', async () => {
        const answer = await get('/', 'POST');

        expect(answer.status).toBe(405);
        expect(answer.headers.allow).toBe('GET, HEAD');
    });

    it.each(['/nope.js', '/assets', '/api/nope'])('answers 404 for %s', async (requestPath) => {
        const answer = await get(requestPath);

        expect(answer.status).toBe(404);
        expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
    });

    it.each([
        '/../package.json',
        '/..%2Fpackage.json',
        '/%2e%2e/package.json',
        '/assets/..%2F..%2Fpackage.json'
    ])('never serves a file outside the static folder: %s', async (requestPath) => {
        const answer = await get(requestPath);

        expect(answer.status).toBe(404);
        expect(answer.body).not.toContain(SECRET);
    });

    it('lists every scenario file: valid ones with name, description and event count, invalid ones with their error', async () => {
        const answer = await get('/api/scenarios');
        const listed = JSON.parse(answer.body) as ScenarioSummary[];

        expect(answer.status).toBe(200);
        expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(listed).toEqual([
            {
                ok: false,
                file: 'bad.json',
                error: expect.stringMatching(/^scenarios\/bad\.json: events\[0\]\.type: /) as string
            },
            {
                ok: true,
                file: 'good.json',
                name: 'Short call',
                description: 'A call that connects and ends.',
                eventCount: 2
            }
        ]);
        const [bad] = listed;
        expect(bad.ok ? '' : bad.error).not.toContain('\n');
    });

    it('returns one validated scenario, 422 with the error for an invalid one and 404 for an unknown one', async () => {
        const good = await get('/api/scenarios/good.json');
        const bad = await get('/api/scenarios/bad.json');
        const unknown = await get('/api/scenarios/missing.json');
        const schema = await get('/api/scenarios/scenario.schema.json');
        const outside = await get('/api/scenarios/..%2F..%2Fpackage.json');

        expect(good.status).toBe(200);
        expect(JSON.parse(good.body)).toEqual({ ok: true, file: 'good.json', scenario: GOOD_SCENARIO });
        expect(bad.status).toBe(422);
        expect((JSON.parse(bad.body) as ScenarioResponse).ok).toBe(false);
        expect(bad.body).toContain('scenarios/bad.json: events[0].type');
        expect(unknown.status).toBe(404);
        expect(JSON.parse(unknown.body)).toEqual({
            ok: false,
            file: 'missing.json',
            error: 'scenarios/missing.json: no such scenario file'
        });
        expect(schema.status).toBe(404);
        expect(outside.status).toBe(404);
        expect(outside.body).not.toContain(SECRET);
    });

    it("reads the files on every request and prints a malformed file's error once per change, not per request", async () => {
        reported.length = 0;
        await get('/api/scenarios');
        await get('/api/scenarios');
        await get('/api/scenarios/bad.json');
        // Earlier tests already reported bad.json's current state.
        expect(reported).toEqual([]);

        writeScenario('broken.json', '{ "name": "Broken", ');
        await get('/api/scenarios');
        await get('/api/scenarios');
        expect(reported).toEqual([expect.stringMatching(/^scenarios\/broken\.json: invalid JSON/)]);

        writeScenario('broken.json', { ...GOOD_SCENARIO, name: 'Fixed' });
        const listed = JSON.parse((await get('/api/scenarios')).body) as ScenarioSummary[];
        expect(listed.find((scenario) => scenario.file === 'broken.json')).toMatchObject({
            ok: true,
            name: 'Fixed'
        });

        writeScenario('broken.json', '[]');
        await get('/api/scenarios/broken.json');
        await get('/api/scenarios');
        expect(reported).toHaveLength(2);
        expect(reported[1]).toMatch(/^scenarios\/broken\.json: /);
        fs.rmSync(path.join(root, 'scenarios', 'broken.json'));
    });
});
