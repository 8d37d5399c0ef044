import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

import { revisionCorpus, revisionCorpusMissing } from './test/renderer/revisions/revision-corpus.command.ts';
import { emulateColorScheme } from './test/renderer/ui/color-scheme.command.ts';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.ts';

/**
 * Two projects: "node" runs data, IPC and end-to-end tests in Node (real SQLite files, Playwright-driven Chromium);
 * "chromium" runs renderer tests inside real Chromium through Vitest's browser mode. A third, "screenshot", exists
 * only under `npm run screenshot`: it rewrites docs/screenshot.png, which a test run must never do.
 */
const screenshotRun = process.env.npm_lifecycle_event === 'screenshot';
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/screenshot.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(screenshotRun
        ? [
            {
              test: {
                name: 'screenshot',
                environment: 'node',
                include: ['test/e2e/screenshot.test.ts'],
                testTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        plugins: [react()],
        // Known before the run starts: a dependency first met mid-run is bundled then, and the page reloads.
        optimizeDeps: { include: ['diff-match-patch'] },
        test: {
          name: 'chromium',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          // Imports the test documents through main's pipeline, in Node, for the renderer to compare against.
          globalSetup: ['./test/renderer/imported/imported-documents.setup.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            // Reads the real-revision corpus in Node for test/renderer/revisions; sets the OS's light or dark (see each
            // command's file).
            commands: { revisionCorpus, revisionCorpusMissing, emulateColorScheme },
            provider: playwright({
              launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
