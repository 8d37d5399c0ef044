import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

/**
 * Renders the app icon from build/icon.svg with the system's Chromium: build/icon.png at 1024 px, from which
 * electron-builder makes the macOS .icns and the Windows .ico, and build/icons/<size>x<size>.png for Linux, whose
 * icon themes have no 1024 px folder (electron-builder installs a single PNG at its own size, where a desktop would
 * not look for it). Run `node build/render-icon.ts` after changing the SVG, and commit the PNGs.
 */

const buildDir = import.meta.dirname;
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><body style="margin:0">${sized}</body>`);
    // Transparent around the rounded square.
    return page.locator('svg').screenshot({ omitBackground: true });
  };
  writeFileSync(join(buildDir, 'icon.png'), await render(1024));
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of linuxSizes) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), await render(size));
} finally {
  await browser.close();
}
