/** CLI of `npm run validate:metadata`; the logic is in lib/metadataValidation. */
import * as path from 'node:path';
import { runValidateMetadata } from './lib/metadataValidation';

process.exitCode = runValidateMetadata(process.argv.slice(2), {
    // Compiled to .build/scripts/validateMetadata.js: the project root is two folders up.
    projectRoot: path.resolve(__dirname, '..', '..'),
    print: (line) => {
        console.log(line);
    },
    printError: (line) => {
        console.error(line);
    }
});
