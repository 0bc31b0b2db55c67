// Jest, in two projects: the LWC bundles (jsdom, through sfdx-lwc-jest's preset, which strips TypeScript)
// and the build scripts (Node). Neither checks types: `npm run typecheck` does. Times in tests are UTC.
process.env.TZ = 'UTC';

const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const LWC = 'force-app/main/default/lwc';
const ignored = ['/node_modules/', '<rootDir>/.build/', '<rootDir>/.sf/', '<rootDir>/.sfdx/'];

const lwcProject = {
    ...jestConfig,
    displayName: 'lwc',
    moduleNameMapper: {
        // Every bundle is TypeScript: resolve `c/name` to its .ts, never to a (possibly stale) emitted .js.
        '^c/(\\w+)$': `<rootDir>/${LWC}/$1/$1.ts`,
        '^lightning/serviceCloudVoiceToolkitApi$':
            '<rootDir>/jest-mocks/lightning/serviceCloudVoiceToolkitApi/serviceCloudVoiceToolkitApi.ts',
        '^test-utils/(.*)$': '<rootDir>/test-utils/$1',
        // The user's locale and time zone: US English in UTC, as the tests expect.
        '^@salesforce/i18n/(locale|timeZone)$': '<rootDir>/jest-mocks/salesforce/i18n/$1.ts'
    },
    // Every `@salesforce/label/c.<Name>` import gets its English value from the labels file.
    setupFiles: [...(jestConfig.setupFiles ?? []), '<rootDir>/jest-mocks/salesforce/label/customLabels.ts'],
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/test-utils/jestSetup.ts'],
    testMatch: [`<rootDir>/${LWC}/**/__tests__/**/*.test.ts`],
    testPathIgnorePatterns: ignored,
    modulePathIgnorePatterns: ignored.slice(1)
};

const scriptsProject = {
    displayName: 'node',
    rootDir: __dirname,
    testEnvironment: 'node',
    transform: jestConfig.transform,
    moduleFileExtensions: jestConfig.moduleFileExtensions,
    testMatch: ['<rootDir>/scripts/**/__tests__/**/*.test.ts', '<rootDir>/preview/**/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ignored,
    modulePathIgnorePatterns: ignored.slice(1)
};

module.exports = {
    projects: [lwcProject, scriptsProject],
    // Tests that mount whole consoles and feed them events run in seconds on a busy 2-core machine.
    testTimeout: 20_000,
    coverageProvider: 'v8',
    // Coverage is of the component code: every bundle's TypeScript, not its tests.
    collectCoverageFrom: [`${LWC}/**/*.ts`, '!**/__tests__/**', '!**/*.d.ts'],
    coverageReporters: ['text-summary', 'lcov'],
    coverageDirectory: '<rootDir>/coverage',
    coverageThreshold: {
        global: { lines: 90 }
    }
};
