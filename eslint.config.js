// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint rules hold the process boundary (see docs in README "Layers"):
 * - renderer/ imports no node:*, no db/, no electron/ code, except type-only imports of the IPC contract;
 * - db/, electron/ipc/ and electron/core/ never import `electron`, so they run in plain Node (tests, harness);
 * - only electron/main and electron/preload touch Electron;
 * - electron/launcher/ (what npm start runs before Electron exists) imports no `electron`, and no app code imports it,
 *   so it stays out of the bundle.
 */
const launcherIsTooling = 'electron/launcher/ is npm-script tooling (it fetches the Electron binary); the app never imports it.';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer has no Electron: ask the main process through window.marginalia.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: ask the main process through window.marginalia.' },
            { group: ['**/db/**', '**/db'], message: 'The renderer never touches the database; use the IPC API.' },
            {
              // Every code folder of electron/ by name. Named exceptions: the contract (type-only, below) and the seed
              // article under electron/core/seed/, which renderer tests read as raw text (data, not code).
              group: [
                '**/electron/main/**',
                '**/electron/preload/**',
                '**/electron/ipc/**',
                '**/electron/core/*.ts',
                '**/electron/launcher/**',
                '!**/electron/ipc/contract*',
              ],
              message: 'The renderer imports no main-process code; type-only imports of electron/ipc/contract are allowed.',
            },
            {
              group: ['**/electron/ipc/contract*'],
              allowTypeImports: true,
              message: 'Import the IPC contract for types only (import type …).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts', 'electron/ipc/**/*.ts', 'electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'This layer runs without Electron (tests, harness): keep Electron in electron/main.' }],
          patterns: [{ group: ['**/electron/launcher/**', '**/launcher/**'], message: launcherIsTooling }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/launcher/**', '**/launcher/**'], message: launcherIsTooling }] },
      ],
    },
  },
  {
    files: ['electron/launcher/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: "The launcher runs before Electron's binary exists: reach it only through node_modules/electron/install.js.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
