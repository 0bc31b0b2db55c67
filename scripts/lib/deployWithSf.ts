/** `npm run deploy`: deploys force-app with the Salesforce CLI, or says how to install it when it is missing. */
import { spawnSync } from 'node:child_process';

export const SF_MISSING_MESSAGE =
    'The Salesforce CLI (sf) is not installed. Install it with: npm install --global @salesforce/cli, ' +
    'then authorise an org: sf org login web --set-default';

/** The deploy command before the caller's extra arguments (e.g. `--target-org`, `--dry-run`). */
export const DEPLOY_ARGS: readonly string[] = ['project', 'deploy', 'start', '--source-dir', 'force-app'];

export interface CommandResult {
    /** The exit status; null when the command could not start or was killed. */
    readonly status: number | null;
    /** Set when the command could not start (ENOENT when it is not on PATH). */
    readonly error?: Error;
}

/** Runs a command; `inheritOutput` shows its output and lets it prompt, otherwise its output is discarded. */
export type RunCommand = (command: string, args: readonly string[], inheritOutput: boolean) => CommandResult;

export const runCommand: RunCommand = (command, args, inheritOutput) =>
    spawnSync(command, args, { stdio: inheritOutput ? 'inherit' : 'ignore' });

/** Returns the exit code: sf's own, or 1 when sf is missing. */
export function deployWithSf(
    extraArgs: readonly string[],
    run: RunCommand = runCommand,
    printError: (line: string) => void = console.error
): number {
    const version = run('sf', ['--version'], false);
    if (version.error !== undefined || version.status !== 0) {
        printError(SF_MISSING_MESSAGE);
        return 1;
    }
    const deploy = run('sf', [...DEPLOY_ARGS, ...extraArgs], true);
    if (deploy.error !== undefined) {
        printError(`sf project deploy start could not run: ${deploy.error.message}`);
    }
    return deploy.status ?? 1;
}
