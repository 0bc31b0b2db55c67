/**
 * The preview server's JSON API, as both sides see it: the server (scripts/preview/previewServer) answers it and
 * the page (preview/modules/preview/app) reads it.
 */
import type { Scenario } from '../simulator/simulatorTypes';

/** The folder of scenario files, as error lines name it ("scenarios/bad.json: …"); scenarioFile's, for the page. */
export const SCENARIO_DIRECTORY = 'scenarios';

/** Where the page asks for scenarios: GET SCENARIOS_PATH lists them, GET SCENARIOS_PATH/<file> returns one. */
export const SCENARIOS_PATH = '/api/scenarios';

/** The query parameter that selects a scenario when the page opens: `/?scenario=three-way-call.json`. */
export const SCENARIO_QUERY_PARAMETER = 'scenario';

/** One scenario file of scenarios/, as listed by GET /api/scenarios. */
export type ScenarioSummary =
    | {
          readonly ok: true;
          readonly file: string;
          readonly name: string;
          readonly description: string;
          readonly eventCount: number;
      }
    | {
          readonly ok: false;
          readonly file: string;
          /** One line naming the file, the entry and the field at fault. */
          readonly error: string;
      };

/** GET /api/scenarios/<file>: 200 with the validated scenario, 422 (invalid) or 404 (no such file) with the error. */
export type ScenarioResponse =
    | { readonly ok: true; readonly file: string; readonly scenario: Scenario }
    | { readonly ok: false; readonly file: string; readonly error: string };
