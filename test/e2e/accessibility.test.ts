import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, makeDataDir, relaunchApp } from '../harness/launch-app.ts';
import { clickText, highlightText, stressed } from '../harness/reader.ts';

/**
 * axe-core (through @axe-core/playwright) over every view of the built renderer, in the light theme and in the
 * dark one the OS can ask for: names, roles, landmarks, and the contrast of every text against what is behind it.
 * A view is checked as the user sees it, with its dialog or popover open.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** What axe finds on the page as it is now: each violation's rule and the elements it names. */
async function violations(page: Page): Promise<Array<{ rule: string; impact: string; targets: string[] }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? '',
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** WCAG's contrast ratio of two opaque colours. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]) => {
    const [r = 0, g = 0, b = 0] = rgb.map((c) =>
      c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4,
    );
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** `top` at opacity `alpha` painted over the opaque `under`. */
function over(top: readonly number[], alpha: number, under: readonly number[]): number[] {
  return top.map((c, i) => c * alpha + under[i]! * (1 - alpha));
}

/** The themes, each as the user gets it: the OS's light or dark (the theme left on System), or Sepia chosen. */
const themes = [
  { theme: 'light', colorScheme: 'light', choose: null },
  { theme: 'dark', colorScheme: 'dark', choose: null },
  { theme: 'sepia', colorScheme: 'light', choose: 'sepia' },
] as const;

/** A fresh app in one of `themes`. */
async function appIn({ colorScheme, choose }: (typeof themes)[number]): Promise<Page> {
  const { dataDir, remove } = await makeDataDir();
  cleanups.push(remove);
  const app = await launchApp({ dataDir });
  cleanups.push(() => app.close());
  await app.page.emulateMedia({ colorScheme });
  if (choose) await app.page.getByRole('combobox', { name: 'Theme' }).selectOption(choose);
  // The OS's setting reaches the page as a media change event: wait for the theme to follow it.
  const theme = choose ?? colorScheme;
  await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
  return app.page;
}

describe.each(themes)('highlight colours in the $theme theme', (theme) => {
  it('keep the text 7:1 on one highlight and 4.5:1 where two overlap', async () => {
    const page = await appIn(theme);
    // The computed values, as the theme in force defines them: "rgb(r g b / a)" or "#rrggbb".
    const tokens = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const names = ['page', 'text'].map((n) => `--color-${n}`);
      // The five colours, and the flash that shows the highlight a search or a sidebar card went to.
      const colours = ['yellow', 'green', 'blue', 'pink', 'purple', 'flash'].map((c) => `--marginalia-${c}`);
      return Object.fromEntries([...names, ...colours].map((name) => [name, style.getPropertyValue(name).trim()]));
    });
    const parse = (value: string): { rgb: number[]; alpha: number } => {
      const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
      if (hex) return { rgb: hex.slice(1).map((h) => parseInt(h, 16)), alpha: 1 };
      const numbers = /^rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)$/.exec(value);
      if (!numbers) throw new Error(`not a colour this test reads: ${value}`);
      return { rgb: numbers.slice(1, 4).map(Number), alpha: Number(numbers[4] ?? 1) };
    };
    const paper = parse(tokens['--color-page']!).rgb;
    const text = parse(tokens['--color-text']!).rgb;
    const highlights = Object.entries(tokens)
      .filter(([name]) => name.startsWith('--marginalia-'))
      .map(([name, value]) => ({ name, ...parse(value) }));
    expect(highlights).toHaveLength(6);
    for (const one of highlights) {
      expect(contrast(text, over(one.rgb, one.alpha, paper)), one.name).toBeGreaterThanOrEqual(7);
      for (const two of highlights) {
        if (two === one) continue;
        const both = over(two.rgb, two.alpha, over(one.rgb, one.alpha, paper));
        expect(contrast(text, both), `${one.name} under ${two.name}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe.each(themes)('axe-core in the $theme theme', (theme) => {
  it(
    'finds no violation in the reader, its popover, the library, search and every dialog of the header',
    { timeout: 120_000 },
    async () => {
      const page = await appIn(theme);
      // The page shows the theme: a warm near-black with light text, the light paper, or sepia's.
      const paper = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: style.backgroundColor, text: style.color };
      });
      expect(paper).toEqual(
        {
          dark: { background: 'rgb(27, 26, 24)', text: 'rgb(233, 229, 221)' },
          light: { background: 'rgb(251, 250, 247)', text: 'rgb(34, 32, 28)' },
          sepia: { background: 'rgb(244, 236, 216)', text: 'rgb(58, 47, 34)' },
        }[theme.theme],
      );
      // The check itself works on this page: a button without a name, put in for a moment, is found.
      await page.evaluate(() => document.querySelector('.app-actions')?.append(document.createElement('button')));
      expect((await violations(page)).map((found) => found.rule)).toContain('button-name');
      await page.evaluate(() => document.querySelector('.app-actions > button:empty')?.remove());
      // And contrast is measured, not left undecided, for the text in view (axe cannot see behind what a scrolled
      // pane clips, nor judge a glyph that is not text, such as the article note's ▸).
      const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      expect(contrast.passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(10);
      const undecided = contrast.incomplete
        .flatMap((rule) => rule.nodes)
        .filter((node) => !node.any.some((check) => /only non-text characters/.test(check.message)))
        .map((node) => node.target.join(' '));
      const inView = await page.evaluate(
        (targets) =>
          targets.filter((target) => {
            const box = document.querySelector(target)?.getBoundingClientRect();
            return box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
          }),
        undecided,
      );
      expect(inView).toEqual([]);

      await highlightText(page, stressed.slice(0, 40), 'green');
      await page.keyboard.press('Escape');
      expect(await violations(page), 'reader with a highlight').toEqual([]);

      await clickText(page, stressed.slice(0, 20));
      await page.getByRole('dialog').waitFor();
      expect(await violations(page), 'highlight popover').toEqual([]);
      await page.keyboard.press('Escape');

      for (const [name, keys] of [
        ['Library', 'Control+Shift+L'],
        ['Search', 'Control+K'],
      ] as const) {
        await page.keyboard.press(keys);
        await page.getByRole('dialog').first().waitFor();
        expect(await violations(page), name).toEqual([]);
        await page.keyboard.press('Escape');
      }

      await page.getByRole('button', { name: 'Export…' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await violations(page), 'export dialog').toEqual([]);
      await page.keyboard.press('Escape');

      // The other dialogs, each as the header opens it; the text settings over the article they change.
      for (const [name, button] of [
        ['text settings', 'Text…'],
        ['backups', 'Backups…'],
        ['open web page', 'Open web page…'],
        ['all highlights', 'All highlights'],
      ] as const) {
        await page.locator('.app-header button', { hasText: button }).click();
        await page.getByRole('dialog').first().waitFor();
        expect(await violations(page), name).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    },
  );
});

describe('the theme', () => {
  it('left on System follows the OS as it changes; a chosen one is kept across a restart, whatever the OS says', async () => {
    const { dataDir, remove } = await makeDataDir();
    cleanups.push(remove);
    const app = await launchApp({ dataDir });
    cleanups.push(() => app.close());
    const shown = (page: Page) => page.evaluate(() => document.documentElement.dataset['theme']);
    await app.page.emulateMedia({ colorScheme: 'light' });
    expect(await shown(app.page)).toBe('light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => shown(app.page)).toBe('dark');

    await app.page.getByRole('combobox', { name: 'Theme' }).selectOption('sepia');
    await expect.poll(() => app.api.settings.get().then((r) => r.ok && r.value.theme)).toBe('sepia');
    const again = await relaunchApp(app);
    cleanups.push(() => again.close());
    await again.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => shown(again.page)).toBe('sepia');
    // Main served the page with it already: its first paint was sepia, not the OS's dark.
    const served = await again.page.evaluate(() => fetch('/index.html').then((response) => response.text()));
    expect(served).toContain('&quot;theme&quot;:&quot;sepia&quot;');
    expect(served).toContain('data-theme="sepia"');
    await expect.poll(() => again.page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('sepia');
  });
});
