// ESLint flat config: typescript-eslint with type-aware rules, and @stylistic for formatting
// (the only formatter: `npm run lint -- --fix` formats). Generated Langium code is excluded.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

// House-style invariant 1: only extension/ imports `vscode`. The server also runs in the CLI, in
// a web worker and in other editors.
const VSCODE = {
    paths: [
        { name: 'vscode', message: 'language-server/ must not import vscode: it runs in the CLI, a web worker and any LSP client.' },
        { name: 'vscode-languageclient', message: 'The language client belongs in extension/.' }
    ],
    patterns: [{ group: ['vscode-languageclient/*'], message: 'The language client belongs in extension/.' }]
};

// The layers of language-server/, from the bottom (ARCHITECTURE.md, "Dependency direction"): a
// folder imports only from the layers below it. Each entry names the folders a layer must not
// import; `mcred-module` is the wiring, which only the entries (main*.ts, cli/) import.
const ABOVE_MODEL = ['model', 'export', 'report', 'catalogue', 'import', 'references', 'validation', 'workspace', 'lsp', 'cli', 'parser', 'signing'];
const WIRING = ['mcred-module', 'main', 'main-browser'];
const LAYERS = [
    { folders: ['vocab'], forbidden: ['rules', ...ABOVE_MODEL, ...WIRING] },
    { folders: ['rules'], forbidden: [...ABOVE_MODEL, ...WIRING] },
    { folders: ['model'], forbidden: ABOVE_MODEL.filter(f => f !== 'model').concat(WIRING) },
    { folders: ['export', 'report', 'catalogue', 'import'], forbidden: ['references', 'validation', 'workspace', 'lsp', 'cli', 'parser', ...WIRING] },
    { folders: ['references', 'validation', 'workspace', 'parser', 'signing'], forbidden: ['lsp', 'cli', ...WIRING] },
    { folders: ['lsp'], forbidden: ['cli', ...WIRING] }
];

/** `no-restricted-imports` for each layer: the vscode ban plus the folders above it. */
function layerRules() {
    const layer = ({ folders, forbidden }) => ({
        files: folders.map(folder => `language-server/${folder}/**/*.ts`),
        rules: {
            'no-restricted-imports': ['error', {
                paths: VSCODE.paths,
                patterns: [
                    ...VSCODE.patterns,
                    {
                        regex: `^\\.{1,2}/(?:\\.\\./)*(?:${forbidden.join('|')})(?:/|\\.js$)`,
                        message: `language-server/${folders.join('/, ')}/ sits below ${forbidden.join(', ')} in the layers of ARCHITECTURE.md ("Dependency direction"): it must not import them.`
                    }
                ]
            }]
        }
    });
    return [
        { files: ['language-server/**/*.ts'], rules: { 'no-restricted-imports': ['error', VSCODE] } },
        ...LAYERS.map(layer),
        {
            // The extension talks to the server only through the protocol file (and shares the
            // programme template); everything else of the server is out of its reach.
            files: ['extension/**/*.ts'],
            rules: {
                'no-restricted-imports': ['error', {
                    patterns: [{
                        regex: '^(?:\\.\\./)+language-server/(?!protocol\\.js$|programme-template\\.js$)',
                        message: 'extension/ talks to the server only through language-server/protocol.ts (and the shared programme template).'
                    }]
                }]
            }
        }
    ];
}

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
    ...layerRules(),
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
