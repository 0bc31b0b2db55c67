/**
 * Jest stand-in for `@salesforce/label/c.<Name>` imports, which sfdx-lwc-jest resolves to the string "c.<Name>": run
 * before each test file, it gives every label of force-app/main/default/labels its English value from the labels
 * file, as a virtual module. A label missing from the file still gets sfdx-lwc-jest's "c.<Name>" (and the label
 * checks in scripts/__tests__ fail).
 */
import * as path from 'node:path';
import { LABEL_IMPORT_PREFIX, labelValues } from '../../../scripts/lib/customLabels';

for (const [name, value] of labelValues(path.resolve(__dirname, '..', '..', '..'))) {
    // doMock, not mock: a loop of factories that read its variables is not hoisted.
    jest.doMock(`${LABEL_IMPORT_PREFIX}${name}`, () => ({ __esModule: true, default: value }), {
        virtual: true
    });
}
