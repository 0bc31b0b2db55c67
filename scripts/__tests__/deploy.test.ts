import { DEPLOY_ARGS, SF_MISSING_MESSAGE, deployWithSf } from '../lib/deployWithSf';
import type { CommandResult, RunCommand } from '../lib/deployWithSf';

interface Call {
    readonly command: string;
    readonly args: readonly string[];
    readonly inheritOutput: boolean;
}

/** A fake `sf`: answers `--version` with `version` and everything else with `deploy`, recording each call. */
function fakeSf(
    version: CommandResult,
    deploy: CommandResult = { status: 0 }
): { run: RunCommand; calls: Call[] } {
    const calls: Call[] = [];
    const run: RunCommand = (command, args, inheritOutput) => {
        calls.push({ command, args, inheritOutput });
        return args[0] === '--version' ? version : deploy;
    };
    return { run, calls };
}

function notOnPath(): CommandResult {
    return { status: null, error: Object.assign(new Error('spawnSync sf ENOENT'), { code: 'ENOENT' }) };
}

describe('scripts/deploy', () => {
    it('says how to install the CLI and exits 1 when sf is not on PATH', () => {
        const { run, calls } = fakeSf(notOnPath());
        const printed: string[] = [];

        const exitCode = deployWithSf([], run, (line) => printed.push(line));

        expect(exitCode).toBe(1);
        expect(printed).toEqual([
            'The Salesforce CLI (sf) is not installed. Install it with: npm install --global @salesforce/cli, ' +
                'then authorise an org: sf org login web --set-default'
        ]);
        expect(printed[0]).toBe(SF_MISSING_MESSAGE);
        expect(calls).toEqual([{ command: 'sf', args: ['--version'], inheritOutput: false }]);
    });

    it('treats an sf whose --version fails as missing', () => {
        const { run, calls } = fakeSf({ status: 127 });
        const printed: string[] = [];

        expect(deployWithSf([], run, (line) => printed.push(line))).toBe(1);
        expect(printed).toEqual([SF_MISSING_MESSAGE]);
        expect(calls).toHaveLength(1);
    });

    it('deploys force-app with the extra arguments, output inherited, and exits with sf status', () => {
        const { run, calls } = fakeSf({ status: 0 }, { status: 3 });
        const printed: string[] = [];

        const exitCode = deployWithSf(['--target-org', 'scratch', '--dry-run'], run, (line) =>
            printed.push(line)
        );

        expect(exitCode).toBe(3);
        expect(printed).toEqual([]);
        expect(calls[1]).toEqual({
            command: 'sf',
            args: [
                'project',
                'deploy',
                'start',
                '--source-dir',
                'force-app',
                '--target-org',
                'scratch',
                '--dry-run'
            ],
            inheritOutput: true
        });
        expect(DEPLOY_ARGS).toEqual(['project', 'deploy', 'start', '--source-dir', 'force-app']);
    });

    it('exits 0 after a successful deploy', () => {
        const { run } = fakeSf({ status: 0 }, { status: 0 });

        expect(deployWithSf([], run, () => undefined)).toBe(0);
    });

    it('exits 1 when the deploy is killed before it reports a status', () => {
        const { run } = fakeSf({ status: 0 }, { status: null });

        expect(deployWithSf([], run, () => undefined)).toBe(1);
    });
});
