import { existsSync, statSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { takeReadmeScreenshots } from '../harness/screenshot.ts';

/** Regenerates docs/screenshot.png and screenshot-dark.png: `npm run screenshot` only (see vitest.config.ts), never in `npm test`. */
describe('README screenshots', () => {
  it(
    'writes the app with highlights and an open note, in the light and the dark theme',
    { timeout: 60_000 },
    async () => {
      const paths = await takeReadmeScreenshots();
      for (const path of [paths.light, paths.dark]) {
        expect(existsSync(path)).toBe(true);
        expect(statSync(path).size).toBeGreaterThan(10_000);
      }
    },
  );
});
