import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { launchApp, makeDataDir } from './launch-app.ts';
import { clickText, highlightText, noteField, paintedHighlights } from './reader.ts';

/** Where the README's screenshot lives. */
const readmeScreenshot = resolve(import.meta.dirname, '../../docs/screenshot.png');

/** The highlights the screenshot shows, in reading order, and the note on the one whose popover is open. */
const scene = {
  highlights: [
    { color: 'yellow', text: 'held day-long talks Monday in Geneva' },
    { color: 'green', text: 'There were no immediate details available about the outcome of the talks' },
    {
      color: 'blue',
      text: 'working in consultation with not only Ukraine, but also with NATO and other allies across Europe',
    },
    { color: 'pink', text: '‘nothing about you, without you’' },
  ],
  noted: {
    text: 'There were no immediate details available about the outcome of the talks',
    note: 'Compare with the readout after Brussels on Wednesday.',
  },
  sidebarNotes: [
    {
      text: 'working in consultation with not only Ukraine, but also with NATO and other allies across Europe',
      note: 'The consultation line again: allies first.',
    },
    { text: '‘nothing about you, without you’', note: 'Phrase borrowed from disability-rights activism.' },
  ],
} as const;

/**
 * Writes docs/screenshot.png (1280×800): a fresh library with a few highlights and notes, one note open.
 * Run it with `npm run screenshot`.
 */
export async function takeReadmeScreenshot(path = readmeScreenshot): Promise<string> {
  const { dataDir, remove } = await makeDataDir();
  const app = await launchApp({ dataDir, viewport: { width: 1280, height: 800 } });
  try {
    const { page } = app;
    for (const { color, text } of scene.highlights) {
      await highlightText(page, text, color);
      await waitUntil(async () => (await paintedHighlights(page, color)).includes(text), `the ${color} highlight`);
    }
    for (const { text, note } of [...scene.sidebarNotes, scene.noted]) {
      await clickText(page, text);
      await noteField(page).click();
      await page.keyboard.type(note);
      if (text !== scene.noted.text) await page.keyboard.press('Escape');
    }
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await page.mouse.move(0, 0);
    await page.waitForTimeout(600); // let the debounced save land and the sidebar settle before the picture
    await mkdir(dirname(path), { recursive: true });
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    return path;
  } finally {
    await app.close();
    await remove();
  }
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
