/** CLI of `npm run replay -- <scenario.json> [--json]`; the logic is in lib/replayCli. */
import * as path from 'node:path';
import { runReplay } from './lib/replayCli';

process.exitCode = runReplay(process.argv.slice(2), {
    // Compiled to .build/scripts/replay.js: the project root is two folders up.
    projectRoot: path.resolve(__dirname, '..', '..'),
    // npm runs scripts from the project root; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    print: (text) => process.stdout.write(text),
    printError: (line) => {
        console.error(line);
    }
});
