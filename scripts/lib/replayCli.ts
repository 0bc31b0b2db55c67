/**
 * `npm run replay -- <scenario.json> [--json]`: validates a scenario file, replays it through the console's
 * parser and state, and prints the final state of each call (as text, or as JSON with --json).
 */
import * as path from 'node:path';
import { formatReplayJson, formatReplayText, replayScenario } from '../../preview/simulator/replayScenario';
import { readScenarioFile } from '../../preview/simulator/scenarioFile';

export const REPLAY_USAGE = 'Usage: npm run replay -- <scenario.json> [--json]';

export interface ReplayIo {
    /** Where the project is (scenarios/scenario.schema.json). */
    readonly projectRoot: string;
    /** Where relative file arguments start from. */
    readonly cwd: string;
    readonly print: (text: string) => void;
    readonly printError: (line: string) => void;
}

/** Returns the exit code: 0 when the scenario replayed, 1 for a bad command line or a missing or invalid file. */
export function runReplay(argv: readonly string[], io: ReplayIo): number {
    const json = argv.includes('--json');
    const files = argv.filter((arg) => arg !== '--json');
    const unknownOption = files.find((arg) => arg.startsWith('-'));
    if (unknownOption !== undefined || files.length !== 1) {
        io.printError(
            unknownOption === undefined ? REPLAY_USAGE : `Unknown option ${unknownOption}. ${REPLAY_USAGE}`
        );
        return 1;
    }
    const [file] = files;
    const parsed = readScenarioFile(path.resolve(io.cwd, file), file, io.projectRoot);
    if (!parsed.ok) {
        io.printError(parsed.error);
        return 1;
    }
    const { report } = replayScenario(parsed.scenario);
    io.print(json ? formatReplayJson(report) : formatReplayText(report));
    return 0;
}
