/** CLI of `npm run deploy` (arguments after `--` go to `sf project deploy start`); the logic is in lib/deployWithSf. */
import { deployWithSf } from './lib/deployWithSf';

process.exitCode = deployWithSf(process.argv.slice(2));
