import type { KnipConfig } from 'knip';

/**
 * What knip (`npm run knip`) starts from to find unused files, exports and dependencies. Its plugins already read
 * most entry points from their configs: electron.vite.config.ts (electron/main/index.ts, electron/preload/index.ts,
 * renderer/index.html → main.tsx), vitest.config.ts (every test file, the summary reporter), eslint.config.js, and
 * the package.json scripts (the launcher, test/bench/*.ts, test/audit/*.ts). Listed here is what no config names.
 */
const config: KnipConfig = {
  entry: [
    // Run by hand or by a script's child process, not through package.json: `node electron/launcher/with-electron.ts`.
    'electron/launcher/with-electron.ts',
    // The bench page, built and served by test/bench/run.ts from its index.html.
    'test/bench/page/main.ts',
    // The crash test's child process, spawned by path by test/core/crash/crash.test.ts.
    'test/core/crash/crash-writer.ts',
  ],
  project: [
    'common/**/*.ts',
    'db/**/*.ts',
    'electron/**/*.{ts,mjs}',
    'renderer/**/*.{ts,tsx}',
    'test/**/*.{ts,tsx}',
    '*.{ts,js}',
  ],
  ignoreDependencies: [
    // Run as node_modules/.bin/electronegativity by test/audit/electron-security.ts (npm run audit:electron).
    '@doyensec/electronegativity',
    // Types only: @apache-annotator/dom's declarations import it (the bench compares against its matcher).
    '@apache-annotator/selector',
    // electron-builder's own parts: test/electron/package-config.test.ts loads its config loader to check ours.
    // Listing them would let their versions drift from the ones electron-builder installs and uses.
    'app-builder-lib',
    'builder-util',
  ],
  // test/support/tmpfs.ts mounts a small tmpfs for the full-disk tests (root on Linux; CI).
  ignoreBinaries: ['mount', 'umount'],
};

export default config;
