// Lint: the Salesforce LWC recommended rules and typescript-eslint (type-aware) on every TypeScript file;
// zero warnings allowed (`npm run lint` passes --max-warnings 0).
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

const typeScriptFiles = ['**/*.ts'];
const testFiles = ['**/__tests__/**/*.ts', 'test-utils/**/*.ts', 'jest-mocks/**/*.ts', 'e2e/**/*.ts'];

module.exports = tseslint.config(
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'reports/**',
            '.build/**',
            '.sf/**',
            '.sfdx/**',
            // JavaScript emitted by `npm run build` from the TypeScript beside it.
            'force-app/**/lwc/**/*.js'
        ]
    },
    // The LWC rules, applied to TypeScript through typescript-eslint's parser.
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: typeScriptFiles,
        languageOptions: { ...config.languageOptions, parser: tseslint.parser }
    })),
    ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: typeScriptFiles })),
    {
        files: typeScriptFiles,
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: __dirname }
        },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
            '@typescript-eslint/no-extraneous-class': 'off',
            // Formatting is Prettier's.
            'no-confusing-arrow': 'off',
            // tsc checks named imports; the plugin would resolve a stale emitted .js before the .ts.
            'import/named': 'off',
            // Event text is untrusted: it is only ever rendered as text.
            'no-restricted-properties': [
                'error',
                { property: 'innerHTML', message: 'Render text, never HTML.' },
                { property: 'outerHTML', message: 'Render text, never HTML.' },
                { property: 'insertAdjacentHTML', message: 'Render text, never HTML.' }
            ]
        }
    },
    {
        files: testFiles,
        ...jestPlugin.configs['flat/recommended'],
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            'jest/no-disabled-tests': 'error',
            'jest/no-focused-tests': 'error',
            'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
            '@typescript-eslint/unbound-method': 'off',
            '@lwc/lwc/no-async-operation': 'off',
            // Toolkit events are fired one after another, each awaited, as the platform delivers them.
            'no-await-in-loop': 'off'
        }
    },
    {
        files: ['scripts/**/*.ts'],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@lwc/lwc/no-async-operation': 'off',
            'no-console': 'off'
        }
    },
    {
        // The browser tests and their helpers run in Node (the page itself is driven through playwright).
        files: ['e2e/**/*.ts'],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        files: ['*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
);
