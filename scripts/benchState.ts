/**
 * CLI of `npm run bench:state` (`node --expose-gc .build/scripts/benchState.js [--events N] [--seed N]`): prints
 * the table and writes bench-results/state.json. The logic is in lib/stateBenchmark.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatStateBenchmark, parseStateBenchArgs, runStateBenchmark } from './lib/stateBenchmark';

// Compiled to .build/scripts/benchState.js: the project root is two folders up.
const projectRoot = path.resolve(__dirname, '..', '..');
const parsed = parseStateBenchArgs(process.argv.slice(2));
if (parsed.ok) {
    const gc = typeof global.gc === 'function' ? global.gc : undefined;
    if (gc === undefined) {
        console.log('bench:state: global.gc is not available (run node with --expose-gc): no memory figure');
    }
    const result = runStateBenchmark(
        parsed.options,
        gc === undefined
            ? undefined
            : () => {
                  gc();
              }
    );
    for (const line of formatStateBenchmark(result)) {
        console.log(line);
    }
    const out = path.join(projectRoot, 'bench-results', 'state.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.relative(projectRoot, out)}`);
} else {
    console.error(parsed.error);
    process.exitCode = 2;
}
