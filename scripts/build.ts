/** CLI of `npm run build` (`node .build/scripts/build.js [--check]`); the logic is in lib/buildLwcBundles. */
import * as path from 'node:path';
import { runBuild } from './lib/buildLwcBundles';

// Compiled to .build/scripts/build.js: the project root is two folders up.
process.exitCode = runBuild(process.argv.slice(2), path.resolve(__dirname, '..', '..'));
