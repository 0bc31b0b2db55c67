/** Jest global teardown of the browser tests: stops the preview server the global setup started. */
import type { E2eGlobals } from './globalSetup';
import { removeServerInfo } from './previewPage';

export default async function globalTeardown(): Promise<void> {
    const globals = globalThis as E2eGlobals;
    removeServerInfo();
    await globals.e2ePreviewServer?.close();
    globals.e2ePreviewServer = undefined;
}
