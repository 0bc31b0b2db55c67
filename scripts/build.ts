/**
 * CLI of `npm run build` (`node .build/scripts/build.js [--check]`); the logic is in lib/buildLwcBundles. Once the
 * build and its compile check pass, the size budget (lib/sizeBudget) measures the deployable JavaScript.
 */
import * as path from 'node:path';
import { runBuild } from './lib/buildLwcBundles';
import { runSizeBudget } from './lib/sizeBudget';

// Compiled to .build/scripts/build.js: the project root is two folders up.
const projectRoot = path.resolve(__dirname, '..', '..');
const built = runBuild(process.argv.slice(2), projectRoot);
process.exitCode = built === 0 ? runSizeBudget(projectRoot) : built;
