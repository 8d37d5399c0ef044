import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { DocumentNode } from '../../../common/document.ts';
import { FakeApi } from '../ui/fake-api.ts';
import {
  cleanup,
  expectText,
  type Mounted,
  paintedCount,
  popover,
  quoteOfCreate,
  rangeOfText,
  renderApp,
  sidebarQuotes,
} from '../ui/harness.tsx';
import { documentArticle, h } from './document-trees.ts';

/**
 * Caret mode (F7) in real Chromium, driven by real key presses only (userEvent.keyboard goes through the browser's
 * input pipeline, so Selection.modify and the default actions are the real ones).
 */

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(() => {
  cleanup();
  // Caret mode is remembered for the window's session; each test starts with it off.
  sessionStorage.clear();
});

const firstParagraph = 'Readers have always written in their books. The habit is older than print.';

/** The reader with the keyboard in its article, as Tab leaves it, and caret mode still off. */
async function openReader(fake = new FakeApi()): Promise<Mounted> {
  const m = await renderApp(fake);
  m.article.focus();
  return m;
}

function caretBar(m: Mounted): HTMLElement {
  return m.article.querySelector<HTMLElement>('.caret-bar')!;
}

/** The drawn caret's box, or undefined while none shows. */
function caretShown(m: Mounted): DOMRect | undefined {
  const bar = caretBar(m);
  if (bar.hidden || getComputedStyle(bar).display === 'none') return undefined;
  return bar.getBoundingClientRect();
}

function selected(): string {
  return window.getSelection()?.toString() ?? '';
}

/** The box of the first character of `text` in the article text. */
function boxOfText(m: Mounted, text: string): DOMRect {
  const range = rangeOfText(m.body, text);
  range.setEnd(range.startContainer, range.startOffset + 1);
  return range.getClientRects()[0]!;
}

/** Where the selection's focus end is, as an offset into the first paragraph's text (-1 outside it). */
function focusInFirstParagraph(m: Mounted): number {
  const selection = window.getSelection()!;
  const paragraph = m.body.querySelector('p')!.firstChild;
  return selection.focusNode === paragraph ? selection.focusOffset : -1;
}

async function turnOn(m: Mounted): Promise<void> {
  await userEvent.keyboard('{F7}');
  await expectText(page.getByRole('status'), 'Caret mode on.');
  expect(caretShown(m)).toBeDefined();
}

describe('caret mode', () => {
  test('F7 turns it on with a caret at the start of the text, says so, and F7 or Escape turns it off', async () => {
    const m = await openReader();
    expect(caretShown(m)).toBeUndefined();
    await turnOn(m);
    await expect.element(page.getByText('Caret mode', { exact: true })).toBeVisible();
    const caret = caretShown(m)!;
    const first = boxOfText(m, 'Readers');
    expect(Math.abs(caret.left - first.left)).toBeLessThan(3);
    expect(Math.abs(caret.top - first.top)).toBeLessThan(3);
    expect(caret.width).toBeLessThanOrEqual(3);
    expect(caret.height).toBeGreaterThan(10);

    await userEvent.keyboard('{F7}');
    await expectText(page.getByRole('status'), 'Caret mode off.');
    expect(caretShown(m)).toBeUndefined();
    await expect.element(page.getByText('Caret mode', { exact: true })).not.toBeInTheDocument();

    await turnOn(m);
    await userEvent.keyboard('{Escape}');
    await expectText(page.getByRole('status'), 'Caret mode off.');
    expect(caretShown(m)).toBeUndefined();
  });

  test('arrow keys do not move a caret while it is off', async () => {
    const m = await openReader();
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selected()).toBe('');
    expect(caretShown(m)).toBeUndefined();
  });

  test('→ and ← move by character, and with Shift select characters', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowLeft}');
    expect(focusInFirstParagraph(m)).toBe(3);
    expect(selected()).toBe('');
    const caret = caretShown(m)!;
    expect(Math.abs(caret.left - boxOfText(m, 'ders have').left)).toBeLessThan(3);
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selected()).toBe('ders');
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(selected()).toBe('der');
  });

  test('Ctrl+→ moves by word, and Ctrl+Shift+→ selects whole words', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(firstParagraph.slice(0, focusInFirstParagraph(m)).trim()).toBe('Readers');
    await userEvent.keyboard('{Control>}{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}{/Control}');
    expect(selected().trim()).toBe('have always written');
    await userEvent.keyboard('{Control>}{Shift>}{ArrowLeft}{/Shift}{/Control}');
    expect(selected().trim()).toBe('have always');
  });

  test('↓ and ↑ move by line, End and Home go to the line’s ends, and with Shift they select', async () => {
    const m = await openReader();
    await turnOn(m);
    const top = caretShown(m)!.top;
    await userEvent.keyboard('{Shift>}{End}{/Shift}');
    const firstLine = selected();
    // What the layout put on the first line: the paragraph's start, up to where the caret is now.
    expect(firstLine.length).toBeGreaterThan(10);
    expect(firstParagraph.startsWith(firstLine)).toBe(true);
    expect(caretShown(m)!.top).toBeCloseTo(top, 0);
    await userEvent.keyboard('{Home}');
    expect(selected()).toBe('');
    expect(focusInFirstParagraph(m)).toBe(0);

    await userEvent.keyboard('{ArrowDown}');
    const below = caretShown(m)!.top;
    expect(below).toBeGreaterThan(top + 10);
    await userEvent.keyboard('{ArrowUp}');
    expect(caretShown(m)!.top).toBeCloseTo(top, 0);
    await userEvent.keyboard('{Shift>}{ArrowDown}{/Shift}');
    // One line down from the start of a line is the start of the next: exactly the first line is selected.
    expect(selected().trimEnd()).toBe(firstLine.trimEnd());
    expect(caretShown(m)!.top).toBeCloseTo(below, 0);
  });

  test('the caret never leaves the article text: not into the title before it, nor past its end', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}{Shift>}{ArrowLeft}{Home}{ArrowUp}{/Shift}');
    expect(selected()).toBe('');
    expect(focusInFirstParagraph(m)).toBe(0);

    await userEvent.keyboard('{Control>}{End}{/Control}');
    const last = 'It is far below the fold.';
    const end = caretShown(m)!;
    const lastBox = rangeOfText(m.body, last).getClientRects()[0]!;
    expect(Math.abs(end.right - lastBox.right)).toBeLessThan(4);
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{Shift>}{ArrowRight}{End}{ArrowDown}{/Shift}');
    expect(selected()).toBe('');
    expect(m.body.contains(window.getSelection()!.focusNode)).toBe(true);

    await userEvent.keyboard('{Control>}{Shift>}{Home}{/Shift}{/Control}');
    expect(selected().startsWith('Readers have always')).toBe(true);
    expect(selected().trim().endsWith(last)).toBe(true);
  });

  test('turned on while scrolled down, the caret starts at the first line in view, and moving keeps it in view', async () => {
    const m = await openReader();
    const target = rangeOfText(m.body, 'Filler paragraph 8 ');
    const pane = m.pane.getBoundingClientRect();
    m.pane.scrollTop += target.getBoundingClientRect().top - pane.top;
    await vi.waitFor(() => expect(Math.abs(target.getBoundingClientRect().top - pane.top)).toBeLessThan(4));
    await turnOn(m);
    const caret = caretShown(m)!;
    expect(Math.abs(caret.top - boxOfText(m, 'Filler paragraph 8 ').top)).toBeLessThan(3);
    expect(Math.abs(caret.left - boxOfText(m, 'Filler paragraph 8 ').left)).toBeLessThan(3);

    await userEvent.keyboard('{Control>}{End}{/Control}');
    const end = caretShown(m)!;
    expect(end.top).toBeGreaterThanOrEqual(pane.top);
    expect(end.bottom).toBeLessThanOrEqual(pane.bottom);
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    const start = caretShown(m)!;
    expect(start.top).toBeGreaterThanOrEqual(pane.top);
    expect(Math.abs(start.top - boxOfText(m, 'Readers').top)).toBeLessThan(3);
  });

  test('a selection made with Shift+arrows and then 2 becomes a green highlight; the caret goes on from its end', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.keyboard('{Control>}{ArrowRight}{ArrowRight}{ArrowRight}{/Control}{ArrowRight}');
    await userEvent.keyboard('{Control>}{Shift>}{ArrowRight}{ArrowRight}{/Shift}{/Control}');
    expect(selected()).toBe('written in');
    await expect.element(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
    await userEvent.keyboard('2');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    const [input] = m.fake.callsTo('annotations.create');
    expect(input).toMatchObject({ color: 'green' });
    expect(quoteOfCreate(input)).toBe('written in');
    expect(paintedCount('marginalia-green')).toBe(1);
    await expect.poll(() => sidebarQuotes(m)).toEqual(['written in']);
    await expect.element(page.getByRole('toolbar')).not.toBeInTheDocument();

    // The caret is still drawn where the selection ended, and the next keys go on from there.
    expect(Math.abs(caretShown(m)!.left - boxOfText(m, ' their books').left)).toBeLessThan(3);
    await userEvent.keyboard('{ArrowRight}{Shift>}{Control>}{ArrowRight}{/Control}{/Shift}');
    expect(selected()).toBe('their');
  });

  test('N opens the note for a selection made by keys, and the typed note is saved', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.keyboard('{Shift>}{Control>}{ArrowRight}{/Control}{/Shift}');
    expect(selected()).toBe('Readers');
    await userEvent.keyboard('n');
    await vi.waitFor(() => expect(popover(m)?.contains(document.activeElement)).toBe(true));
    expect(document.activeElement).toBe(page.getByRole('textbox', { name: 'Note' }).element());
    await userEvent.keyboard('Who reads in pen');
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await vi.waitFor(() => expect([...m.fake.annotations.values()]).toMatchObject([{ note: 'Who reads in pen' }]));
    expect(quoteOfCreate(m.fake.callsTo('annotations.create')[0])).toBe('Readers');
    // Back in the article, still in caret mode, the caret where it was.
    expect(document.activeElement).toBe(m.article);
    expect(caretShown(m)).toBeDefined();
  });

  test('Escape first drops the selection and keeps the caret, then leaves caret mode', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selected()).toBe('Re');
    await userEvent.keyboard('{Escape}');
    expect(selected()).toBe('');
    expect(caretShown(m)).toBeDefined();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(selected()).toBe('a');
    await userEvent.keyboard('{Escape}{Escape}');
    await expectText(page.getByRole('status'), 'Caret mode off.');
  });

  test('F7 works from the sidebar, bringing the keyboard to the article', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'blue',
      selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }],
    });
    const m = await openReader(fake);
    const card = m.host.querySelector<HTMLElement>('.sidebar [role="list"] button')!;
    card.focus();
    await turnOn(m);
    expect(document.activeElement).toBe(m.article);
  });

  test('Alt+↓ and ] still step between highlights while caret mode is on', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'blue',
      selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }],
    });
    const m = await openReader(fake);
    await turnOn(m);
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await expectText(page.getByRole('status'), 'Blue highlight 1 of 1');
    expect(focusInFirstParagraph(m)).toBe(0);
  });

  test('the hint’s Turn off button leaves caret mode', async () => {
    const m = await openReader();
    await turnOn(m);
    await userEvent.click(page.getByRole('button', { name: 'Turn off' }));
    await expectText(page.getByRole('status'), 'Caret mode off.');
    expect(caretShown(m)).toBeUndefined();
    expect(document.activeElement).toBe(m.article);
  });

  test('in a long formatted page it crosses inline formatting and blocks, up to the last one (never laid out yet)', async () => {
    const blocks: DocumentNode[] = [];
    for (let i = 1; i <= 120; i++) {
      if (i > 1) blocks.push('\n\n');
      blocks.push(h('p', null, `Block ${i} has `, h('em', null, 'stress'), ' and then plain words to read.'));
    }
    const fake = new FakeApi();
    fake.article = documentArticle(blocks);
    const m = await openReader(fake);
    // Once the pass that lays every block out after opening (block-sizes.ts) is over, far blocks are skipped again.
    await vi.waitFor(() => expect(m.body.classList.contains('is-laying-out')).toBe(false));
    const last = m.body.querySelector('p:last-of-type')!;
    expect(getComputedStyle(last).contentVisibility).toBe('auto');
    await turnOn(m);
    await userEvent.keyboard('{Control>}{ArrowRight}{ArrowRight}{/Control}{ArrowRight}');
    await userEvent.keyboard('{Shift>}{Control>}{ArrowRight}{ArrowRight}{/Control}{/Shift}');
    expect(selected()).toBe('has stress');
    await userEvent.keyboard('{ArrowDown}{Home}{Shift>}{End}{/Shift}');
    expect(selected()).toBe('Block 2 has stress and then plain words to read.');

    await userEvent.keyboard('{Control>}{End}{/Control}{Shift>}{Home}{/Shift}');
    expect(selected()).toBe('Block 120 has stress and then plain words to read.');
    const caret = caretShown(m)!;
    const pane = m.pane.getBoundingClientRect();
    expect(caret.top).toBeGreaterThanOrEqual(pane.top);
    expect(caret.bottom).toBeLessThanOrEqual(pane.bottom);
    await userEvent.keyboard('3');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    expect(quoteOfCreate(m.fake.callsTo('annotations.create')[0])).toBe(
      'Block 120 has stress and then plain words to read.',
    );
  });

  test('it stays on for the next article opened in the same window', async () => {
    const m = await openReader();
    await turnOn(m);
    cleanup();
    const again = await openReader();
    await expectText(page.getByRole('status'), 'Caret mode on.');
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selected()).toBe('Re');
    expect(caretShown(again)).toBeDefined();
  });
});
