import { existsSync, statSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { takeReadmeScreenshot } from '../harness/screenshot.ts';

/** Regenerates docs/screenshot.png: `npm run screenshot` only (see vitest.config.ts), never in `npm test`. */
describe('README screenshot', () => {
  it('writes docs/screenshot.png with highlights and an open note', { timeout: 60_000 }, async () => {
    const path = await takeReadmeScreenshot();
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
