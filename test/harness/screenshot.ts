import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { launchApp, makeDataDir } from './launch-app.ts';
import { clickText, highlightText, noteField, paintedHighlights } from './reader.ts';

/** Where the README's screenshots live: the app in its light theme, and the same scene in the dark one. */
const readmeScreenshots = {
  light: resolve(import.meta.dirname, '../../docs/screenshot.png'),
  dark: resolve(import.meta.dirname, '../../docs/screenshot-dark.png'),
};

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
 * Writes docs/screenshot.png and docs/screenshot-dark.png (1280×800): a fresh library with a few highlights and
 * notes, one note open, in the light theme and then, the theme being left on System, with the OS set to dark.
 * Run it with `npm run screenshot`.
 */
export async function takeReadmeScreenshots(paths = readmeScreenshots): Promise<typeof readmeScreenshots> {
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
    await mkdir(dirname(paths.light), { recursive: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: paths.light, animations: 'disabled', caret: 'hide' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => page.evaluate(() => document.documentElement.dataset['theme'] === 'dark'), 'the dark theme');
    await page.waitForTimeout(200);
    await page.screenshot({ path: paths.dark, animations: 'disabled', caret: 'hide' });
    return paths;
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
