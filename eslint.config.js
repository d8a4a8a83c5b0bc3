import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { OWN_MODULES } from './scripts/unit-own-modules.js';

// Imports run one way: app/ composes the features, the features build on ui/ and api/, all of
// them may use lib/, and the demo (controls and backend) stays apart from the live path. Each
// rule says why where it fails.
const FEATURES = ['integrations', 'failures', 'sims', 'transfer', 'coverage', 'placeholders'];
/** @param {string[]} names */
const folders = (...names) => names.map((name) => `@/${name}/*`);
const RELATIVE = {
  group: ['./*', '../*'],
  message: 'Import by the @/ alias: the boundary rules read the folder an import comes from.',
};
/**
 * `no-restricted-imports` for a folder: relative imports, plus each `[group, why]`.
 * @param {[string[], string][]} rules
 * @param {{ name: string; message: string }[]} paths
 * @returns {import('eslint').Linter.RuleEntry}
 */
const boundary = (rules, paths = []) => [
  'error',
  { paths, patterns: [RELATIVE, ...rules.map(([group, message]) => ({ group, message }))] },
];

const API_WHY =
  'api/ is the layer every folder builds on, so it knows no feature, app/, ui/ or the demo: ' +
  'pass in what it needs (as createQueryClient({ invalidates }) is given the key).';
const APP_WHY =
  'app/ composes the features (routes, layout, providers); a feature importing it runs the ' +
  'dependency both ways. What both use lives in ui/ (useDeployment, useSlowHint, RelativeTime).';
const UI_WHY =
  'ui/ holds what app/ and every feature share; importing any of them would make a cycle.';
const PLACEHOLDERS_WHY =
  'placeholders/ (injection and its Preview) serves the features and the demo backend alike, ' +
  'so it knows none of them.';
const PLACEHOLDERS_API_WHY =
  'Injection and the sample bodies are pure: they send nothing, so they need nothing of the API ' +
  'client. What both use (base64) lives in lib/.';
const DEMO_WHY =
  'The demo controls act on the demo backend (mocks/) directly, not through the API client ' +
  "or a feature, which are the live path's: what they show as the features do (labels) lives " +
  'in ui/, and the queries they refresh are handed in by app/ (layout.tsx).';
const LIB_WHY =
  'lib/ holds pure helpers every folder may use, api/ included, so it imports none of them.';
const MOCKS_WHY =
  'The demo backend stands in for the 1NCE API: it may use the schemas and pure logic of the ' +
  'features, never their UI, app/, ui/ or the demo controls.';
// The features' UI: every component module (.tsx) of a feature folder, so a new one is covered.
const featureUi = FEATURES.flatMap((name) =>
  readdirSync(new URL(`./src/${name}`, import.meta.url))
    .filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'))
    .map((file) => ({ name: `@/${name}/${file.replace(/\.tsx$/, '')}`, message: MOCKS_WHY })),
);
const TESTS = ['src/**/*.test.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/mockServiceWorker.js',
      'playwright-report',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@tanstack/query/prefer-query-options': 'error',
      'no-restricted-imports': boundary([]),
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ":matches(JSXMemberExpression, MemberExpression)[object.name='Table'][property.name='ScrollContainer']",
          message:
            'The build leaves Table.ScrollContainer out of Mantine (vite.config.ts: ' +
            'tableWithoutScrollContainer); wrap the table in a scrolling element of your own.',
        },
        {
          selector:
            "ImportDeclaration[source.value='@mantine/core'] > ImportSpecifier[imported.name='PasswordInput']",
          message:
            "Mantine's PasswordInput leaves aria-invalid off its input: use the one in " +
            '@/ui/password-input, which sets it with the error.',
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': boundary([
        [folders(...FEATURES, 'app', 'ui', 'demo', 'mocks'), API_WHY],
      ]),
    },
  },
  {
    // Tests of api/ answer its requests with the demo backend's handlers (mocks/node).
    files: ['src/api/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': boundary([[folders(...FEATURES, 'app', 'ui', 'demo'), API_WHY]]),
    },
  },
  {
    files: FEATURES.filter((name) => name !== 'placeholders').map((name) => `src/${name}/**`),
    rules: { 'no-restricted-imports': boundary([[folders('app'), APP_WHY]]) },
  },
  {
    files: ['src/placeholders/**'],
    rules: {
      'no-restricted-imports': boundary([
        [folders(...FEATURES.filter((name) => name !== 'placeholders')), PLACEHOLDERS_WHY],
        [folders('app'), APP_WHY],
        [folders('api'), PLACEHOLDERS_API_WHY],
      ]),
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': boundary([[folders(...FEATURES, 'app', 'demo', 'mocks'), UI_WHY]]),
    },
  },
  {
    files: ['src/demo/**'],
    rules: {
      'no-restricted-imports': boundary([
        [folders('api', 'app', ...FEATURES.filter((name) => name !== 'placeholders')), DEMO_WHY],
      ]),
    },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': boundary([[['@/*', '!@/lib'], LIB_WHY]]),
    },
  },
  {
    files: ['src/mocks/**'],
    rules: {
      'no-restricted-imports': boundary([[folders('app', 'ui', 'demo'), MOCKS_WHY]], featureUi),
    },
  },
  {
    files: ['server/**/*.js', 'scripts/**', 'e2e/**/*.ts', '*.config.{js,ts,cjs}', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.test.tsx'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: TESTS,
    ignores: OWN_MODULES,
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock'].map((property) => ({
          object: 'vi',
          property,
          message:
            "The app's test files share one module cache (vite.config.ts, isolate: false), so a " +
            'replaced module would not reach its importers and would leak into the next file: ' +
            'list the file in scripts/unit-own-modules.js.',
        })),
      ],
    },
  },
  {
    files: ['e2e/**', 'scripts/screenshots/**'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // The journeys assert through named helpers (expectNoViolations, expectFullyShown,
      // expectMessage): a call whose name starts with `expect` counts as an assertion.
      'playwright/expect-expect': ['warn', { assertFunctionPatterns: ['^expect[A-Z]'] }],
    },
  },
  {
    // Each worker has a console server and stand-in of its own (e2e/ports.ts); only fixtures.ts's
    // `test` points a spec's page at them. Playwright's own would test the first worker's server.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "Import test from './fixtures': it points the page at this worker's server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
