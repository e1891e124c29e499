// ESLint flat config: typescript-eslint with type-aware rules, and @stylistic for formatting
// (the only formatter: `npm run lint -- --fix` formats). Generated Langium code is excluded.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: ['out/**', 'node_modules/**', 'language-server/generated/**', 'coverage/**', '.cache/**', '.e2e/**', 'test-results/**', 'bench/workspaces/**', 'bench/results/**']
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: {
                projectService: true,
                tsconfigRootDir: import.meta.dirname
            }
        },
        plugins: { '@stylistic': stylistic },
        rules: {
            '@stylistic/indent': ['error', 4, { SwitchCase: 1, ignoredNodes: ['TemplateLiteral *'] }],
            '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
            '@stylistic/semi': ['error', 'always'],
            '@stylistic/comma-dangle': ['error', 'never'],
            '@stylistic/eol-last': 'error',
            '@stylistic/no-trailing-spaces': 'error',
            '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
            '@stylistic/arrow-parens': ['error', 'as-needed'],
            '@stylistic/keyword-spacing': 'error',
            '@stylistic/space-before-blocks': 'error',
            '@stylistic/max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            // Langium's ValidationRegistry.register(checks, family) binds `this` for check methods.
            '@typescript-eslint/unbound-method': 'off',
            'eqeqeq': ['error', 'always'],
            'no-console': 'off'
        }
    },
    {
        // House-style invariant 1: only extension/ imports `vscode`. The server also runs in the
        // CLI, in a web worker and in other editors.
        files: ['language-server/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', {
                paths: [
                    { name: 'vscode', message: 'language-server/ must not import vscode: it runs in the CLI, a web worker and any LSP client.' },
                    { name: 'vscode-languageclient', message: 'The language client belongs in extension/.' }
                ],
                patterns: [{ group: ['vscode-languageclient/*'], message: 'The language client belongs in extension/.' }]
            }]
        }
    },
    {
        files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
        extends: [tseslint.configs.disableTypeChecked],
        languageOptions: {
            globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', __dirname: 'readonly' }
        },
        rules: {
            '@typescript-eslint/no-require-imports': 'off'
        }
    }
);
