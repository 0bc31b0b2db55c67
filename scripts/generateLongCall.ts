/** CLI of `npm run scenarios:generate`: writes scenarios/long-call.json from lib/longCallScenario. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LONG_CALL_FILE, generateLongCall, serializeScenario } from './lib/longCallScenario';

// Compiled to .build/scripts/generateLongCall.js: the project root is two folders up.
const file = path.resolve(__dirname, '..', '..', LONG_CALL_FILE);
const scenario = generateLongCall();
fs.writeFileSync(file, serializeScenario(scenario));
console.log(`Wrote ${LONG_CALL_FILE}: ${scenario.events.length} events.`);
