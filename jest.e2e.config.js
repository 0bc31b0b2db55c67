// Browser tests (`npm run test:e2e`): the preview page in headless Chromium, driven by playwright-core. The page
// is built once and served on a free port of 127.0.0.1 by the global setup; the tests share one server, in band.
process.env.TZ = 'UTC';

const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const ignored = ['/node_modules/', '<rootDir>/.build/', '<rootDir>/.sf/', '<rootDir>/.sfdx/'];

module.exports = {
    displayName: 'e2e',
    rootDir: __dirname,
    testEnvironment: 'node',
    // sfdx-lwc-jest's transform strips TypeScript, as for the build scripts' tests.
    transform: jestConfig.transform,
    // The global setup loads the compiled preview scripts from .build/: plain CommonJS, run as they are.
    transformIgnorePatterns: [...jestConfig.transformIgnorePatterns, '<rootDir>/.build/'],
    moduleFileExtensions: jestConfig.moduleFileExtensions,
    testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
    testPathIgnorePatterns: ignored,
    modulePathIgnorePatterns: ignored.slice(1),
    globalSetup: '<rootDir>/e2e/support/globalSetup.ts',
    globalTeardown: '<rootDir>/e2e/support/globalTeardown.ts',
    // One browser at a time on a small machine: in band.
    maxWorkers: 1,
    testTimeout: 120_000
};
