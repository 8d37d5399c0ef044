// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { layers, restrictionsFor } from './eslint.layers.js';

/** Lint rules hold the layer table (eslint.layers.js): what each folder may import. */
const layerRules = Object.entries(layers).map(([name, { folders }]) => ({
  files: folders.map((folder) => `${folder}/**/*.{ts,tsx,js,mjs}`),
  rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictionsFor(name)] },
}));

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
    // The main process logs through electron/main/log.ts (electron-log), and the layers below it through the logger
    // their caller passes in. Named exceptions, which keep console.error/warn: the launcher, a command-line tool
    // whose output is for the person at the terminal, and openAppData's defaults for plain Node (tests, scripts).
    files: ['electron/**/*.{ts,js,mjs}', 'db/**/*.ts'],
    ignores: ['electron/launcher/**', 'electron/core/app-data.ts'],
    // With options, not severity alone: a severity alone would keep the allow list from above.
    rules: { 'no-console': ['error', {}] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  ...layerRules,
  {
    files: ['test/bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
