/**
 * Jest global setup of the browser tests: builds the preview page once (development mode, into .build/e2e-site),
 * serves it on a free port of 127.0.0.1 and writes the URL where the test files find it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PreviewServer } from '../../scripts/preview/previewServer';
import { PROJECT_ROOT, SITE_DIR, assertChromiumInstalled, writeServerInfo } from './previewPage';

/** Where the setup leaves the server for the teardown (jest shares globals between the two only). */
export interface E2eGlobals {
    e2ePreviewServer?: PreviewServer;
}

/**
 * The preview scripts as `npm run build:scripts` compiles them. The global setup runs outside jest's resolver, under
 * Node's, which would pick a component's emitted `.js` over its `.ts` in the TypeScript sources' imports.
 */
const COMPILED_SCRIPTS = path.join(PROJECT_ROOT, '.build', 'scripts', 'preview');

async function loadCompiled<Module>(name: string): Promise<Module> {
    const file = path.join(COMPILED_SCRIPTS, `${name}.js`);
    if (!fs.existsSync(file)) {
        throw new Error(`${file} is missing: run \`npm run build:scripts\` first (npm run test:e2e does).`);
    }
    return (await import(file)) as Module;
}

export default async function globalSetup(): Promise<void> {
    // Before a build of several seconds: a missing browser fails the run at once, saying how to install it.
    assertChromiumInstalled();
    const { buildPreview } =
        await loadCompiled<typeof import('../../scripts/preview/previewBuild')>('previewBuild');
    const { startPreviewServer } =
        await loadCompiled<typeof import('../../scripts/preview/previewServer')>('previewServer');
    const build = await buildPreview({ projectRoot: PROJECT_ROOT, outDir: SITE_DIR, mode: 'development' });
    const server = await startPreviewServer({
        projectRoot: PROJECT_ROOT,
        port: 0,
        host: '127.0.0.1',
        staticDir: build.outDir
    });
    (globalThis as E2eGlobals).e2ePreviewServer = server;
    writeServerInfo({ url: server.url });
}
