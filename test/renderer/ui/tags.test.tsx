import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, clickText, expectText, popover, renderApp, selectText } from './harness.tsx';

afterEach(cleanup);

const quoteOf = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];
const quote = 'The habit is older than print.';

/**
 * The app with one highlight on `quote` (tagged `tags`) and, when given, others elsewhere in the article carrying
 * the tags in use; the highlight's popover is open and the tag field focused.
 */
async function tagging(tags: string[] = [], inUse: string[][] = []) {
  const fake = new FakeApi();
  const stored = fake.seed({ selectors: quoteOf(quote), tags });
  const others = ['It never loses a note.', 'Filler paragraph 1 keeps', 'Filler paragraph 2 keeps'];
  inUse.forEach((otherTags, i) => fake.seed({ selectors: quoteOf(others[i] ?? ''), tags: otherTags }));
  const m = await renderApp(fake);
  clickText(m, 'older than');
  const field = page.getByRole('dialog').getByRole('combobox', { name: 'Tags' });
  await userEvent.click(field);
  return { m, stored, field };
}

/** The tags shown as chips in the open popover. */
function chips(): string[] {
  return [...document.querySelectorAll('.annotation-popover .tag-chip > span')].map((chip) => chip.textContent ?? '');
}

/** The tags on the sidebar card of the highlight on `quote`. */
function cardTags(): string[] {
  const card = [...document.querySelectorAll('.sidebar .entry')].find((entry) => entry.textContent?.includes(quote));
  return [...(card?.querySelectorAll('.tag-label') ?? [])].map((label) => label.textContent?.replace(/^, /, '') ?? '');
}

function suggestions(): string[] {
  return [...document.querySelectorAll('[role="listbox"][aria-label="Tags in use"] [role="option"]')].map(
    (option) => option.textContent ?? '',
  );
}

describe('tagging a highlight in its popover', () => {
  test('Enter adds the typed tag: a chip, one setTags call, the tag on the sidebar card, focus kept', async () => {
    const { m, stored, field } = await tagging();
    await userEvent.keyboard('  field   notes {Enter}');
    expect(chips()).toEqual(['field notes']);
    await expect.element(field).toHaveValue('');
    await expect.element(field).toHaveFocus();
    await vi.waitFor(() =>
      expect(m.fake.callsTo('annotations.setTags')).toEqual([{ id: stored.id, tags: ['field notes'] }]),
    );
    expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['field notes']);
    expect(cardTags()).toEqual(['field notes']);
    await expect
      .element(page.getByRole('complementary').getByRole('button', { name: /Tags: field notes/ }))
      .toBeVisible();
    expect(document.querySelector('.tag-announcement')?.textContent).toBe('Added tag field notes.');
  });

  test('a comma ends a tag, typed or pasted; the same tag in another case is not added twice', async () => {
    const { m, stored } = await tagging(['history']);
    await userEvent.keyboard('print,');
    expect(chips()).toEqual(['history', 'print']);
    await userEvent.keyboard('books, Print, HISTORY, margins');
    expect(chips()).toEqual(['books', 'history', 'print']);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['books', 'history', 'print']));
    // "margins" is still being typed: it is added on Enter.
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() =>
      expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['books', 'history', 'margins', 'print']),
    );
  });

  test('each chip has a remove button named after its tag; Backspace in the empty field removes the last', async () => {
    const { m, stored, field } = await tagging(['books', 'history', 'print']);
    await userEvent.click(page.getByRole('button', { name: 'Remove tag history' }));
    expect(chips()).toEqual(['books', 'print']);
    await expect.element(field).toHaveFocus();
    await userEvent.keyboard('{Backspace}');
    expect(chips()).toEqual(['books']);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['books']));
    expect(m.fake.callsTo('annotations.setTags')).toEqual([
      { id: stored.id, tags: ['books', 'print'] },
      { id: stored.id, tags: ['books'] },
    ]);
    // Backspace while typing edits the text, and removes no tag.
    await userEvent.keyboard('ab{Backspace}');
    await expect.element(field).toHaveValue('a');
    expect(chips()).toEqual(['books']);
    expect(document.querySelector('.tag-announcement')?.textContent).toBe('Removed tag print.');
  });

  test('typing suggests the tags in use, most used first, without the highlight’s own; arrows and Enter pick one', async () => {
    const { m, stored, field } = await tagging(['clay'], [['climate', 'clouds'], ['climate', 'Cliffs'], ['clay']]);
    await userEvent.keyboard('cl');
    await expect.poll(suggestions).toEqual(['climate', 'Cliffs', 'clouds']);
    await expect.element(field).toHaveAttribute('aria-expanded', 'true');
    expect(field.element().getAttribute('aria-activedescendant')).toBeNull();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const active = document.getElementById(field.element().getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toBe('Cliffs');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(chips()).toEqual(['clay', 'Cliffs']);
    await expect.element(field).toHaveAttribute('aria-expanded', 'false');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['clay', 'Cliffs']));
    // Accents and case do not matter, and a word inside a tag counts.
    await userEvent.keyboard('CLOU');
    await expect.poll(suggestions).toEqual(['clouds']);
  });

  test('a click on a suggestion adds it; ArrowDown in the empty field lists the tags in use', async () => {
    const { m, stored } = await tagging([], [['rivers'], ['rivers', 'lakes']]);
    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(suggestions).toEqual(['rivers', 'lakes']);
    await userEvent.click(page.getByRole('listbox', { name: 'Tags in use' }).getByRole('option', { name: 'lakes' }));
    expect(chips()).toEqual(['lakes']);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['lakes']));
  });

  test('Escape closes the suggestions first, and only a second Escape closes the popover', async () => {
    const { m } = await tagging([], [['rivers']]);
    await userEvent.keyboard('ri');
    await expect.poll(suggestions).toEqual(['rivers']);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => document.querySelector<HTMLElement>('.tag-suggestions')?.hidden).toBe(true);
    expect(popover(m)).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => popover(m)).toBeNull();
  });

  test('a tag another highlight spells differently shows, once saved, in that spelling', async () => {
    const { m, stored } = await tagging([], [['Climate']]);
    await userEvent.keyboard('climate{Enter}');
    await expect.poll(chips).toEqual(['Climate']);
    expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['Climate']);
    expect(cardTags()).toEqual(['Climate']);
  });

  test('a failed save puts the tags back and says why', async () => {
    const { m, stored } = await tagging(['books']);
    m.fake.failNext('annotations.setTags', 'the library is read-only', 'storage');
    await userEvent.keyboard('print{Enter}');
    await expectText(page.getByRole('alert'), "Couldn't change the tags: the library is read-only");
    await expect.poll(chips).toEqual(['books']);
    expect(cardTags()).toEqual(['books']);
    expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['books']);
    // Saving works again: the message goes with the next change that saves.
    await userEvent.keyboard('print{Enter}');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['books', 'print']));
    await expect.poll(() => page.getByRole('alert').query()?.textContent ?? '').toBe('');
  });

  test('tags added while the highlight is still being saved are kept and stored after it', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    fake.hold();
    selectText(m, 'older than print');
    await userEvent.keyboard('2');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('combobox', { name: 'Tags' }));
    await userEvent.keyboard('print{Enter}');
    expect(chips()).toEqual(['print']);
    fake.release();
    const [created] = await vi.waitFor(() => {
      const all = [...fake.annotations.values()];
      expect(all[0]?.tags).toEqual(['print']);
      return all;
    });
    expect(created?.color).toBe('green');
    expect(chips()).toEqual(['print']);
  });

  test('the field and its parts are named for assistive technology', async () => {
    await tagging(['books']);
    const dialog = page.getByRole('dialog');
    await expect.element(dialog.getByRole('list', { name: 'Tags of this highlight' })).toBeVisible();
    const field = dialog.getByRole('combobox', { name: 'Tags' });
    await expect.element(field).toHaveAttribute('aria-autocomplete', 'list');
    const list = document.getElementById(field.element().getAttribute('aria-controls') ?? '');
    expect(list?.getAttribute('role')).toBe('listbox');
    const keys = document.getElementById(field.element().getAttribute('aria-describedby') ?? '');
    expect(keys?.textContent).toContain('Enter or a comma adds a tag');
  });

  test('when the tags in use cannot be listed, tagging still works and the popover says why there are no suggestions', async () => {
    const fake = new FakeApi();
    const stored = fake.seed({ selectors: quoteOf(quote) });
    // Every time: StrictMode runs the popover's effect twice, and the first reply is dropped.
    Object.assign(fake.api.tags, {
      list: async () => ({ ok: false, error: { code: 'storage', message: 'the library is busy' } }),
    });
    const m = await renderApp(fake);
    clickText(m, 'older than');
    await expectText(page.getByRole('dialog'), 'Couldn’t list the tags in use to suggest them: the library is busy');
    await userEvent.click(page.getByRole('dialog').getByRole('combobox', { name: 'Tags' }));
    await userEvent.keyboard('print{Enter}');
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.tags).toEqual(['print']));
  });
});
