import { existsSync, statSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { takeReadmeScreenshot } from '../harness/screenshot.ts';

/** Regenerates docs/screenshot.png only on request, so normal test runs never write into the repository. */
describe.runIf(process.env.MARGINALIA_SCREENSHOT === '1')('README screenshot', () => {
  it('writes docs/screenshot.png with highlights and an open note', { timeout: 60_000 }, async () => {
    const path = await takeReadmeScreenshot();
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
