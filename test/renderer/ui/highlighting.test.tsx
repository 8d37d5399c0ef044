import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import {
  button,
  cleanup,
  expectText,
  paintedCount,
  popover,
  press,
  quoteOfCreate,
  renderApp,
  selectText,
  sidebarQuotes,
} from './harness.tsx';

afterEach(cleanup);

const sentence = 'It never loses a note.';

describe('selecting text', () => {
  test('shows a toolbar with five colours and “Add note”', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    await expect.element(toolbar).toBeVisible();
    for (const [i, color] of ['yellow', 'green', 'blue', 'pink', 'purple'].entries()) {
      expect(button(`Highlight ${color}`).getAttribute('aria-keyshortcuts')).toBe(String(i + 1));
    }
    expect(button('Add note').getAttribute('aria-keyshortcuts')).toBe('N');
  });

  test('pressing 2 highlights it green at once, stores it, and leaves the article DOM alone', async () => {
    const m = await renderApp();
    const before = m.body.innerHTML;
    m.fake.hold();
    selectText(m, sentence);
    press(m.article, '2');
    // Painted before the main process answered.
    expect(paintedCount('marginalia-green')).toBe(1);
    m.fake.release();
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    const [input] = m.fake.callsTo('annotations.create');
    expect(input).toMatchObject({ articleId: 1, color: 'green' });
    expect(quoteOfCreate(input)).toBe(sentence);
    expect(paintedCount('marginalia-green')).toBe(1);
    expect(m.body.innerHTML).toBe(before);
    expect(window.getSelection()?.isCollapsed).toBe(true);
    await expect.element(page.getByRole('toolbar')).not.toBeInTheDocument();
    await expect.poll(() => sidebarQuotes(m)).toEqual([sentence]);
  });

  test('trims whitespace around a sloppy selection', async () => {
    const m = await renderApp();
    selectText(m, ' The habit is older than print.');
    press(m.article, '1');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    expect(quoteOfCreate(m.fake.callsTo('annotations.create')[0])).toBe('The habit is older than print.');
  });

  test('the toolbar buttons highlight without losing the selection first', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    await userEvent.click(page.getByRole('button', { name: 'Highlight blue' }));
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    expect(m.fake.callsTo('annotations.create')[0]).toMatchObject({ color: 'blue' });
    expect(paintedCount('marginalia-blue')).toBe(1);
  });

  test('a failed save removes the highlight again and says why', async () => {
    const m = await renderApp();
    m.fake.failNext('annotations.create', 'the disk is full');
    selectText(m, sentence);
    press(m.article, '4');
    expect(paintedCount('marginalia-pink')).toBe(1);
    await expectText(page.getByRole('alert'), 'the disk is full');
    expect(paintedCount('marginalia-pink')).toBe(0);
    await expect.poll(() => sidebarQuotes(m)).toEqual([]);
  });

  test('Escape drops the selection and the toolbar', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    await expect.element(page.getByRole('toolbar')).toBeVisible();
    press(m.article, 'Escape');
    await expect.element(page.getByRole('toolbar')).not.toBeInTheDocument();
    expect(m.fake.callsTo('annotations.create')).toEqual([]);
  });
});

describe('notes', () => {
  test('N highlights in yellow and opens the note editor with the caret in it', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    press(m.article, 'n');
    expect(paintedCount('marginalia-yellow')).toBe(1);
    const note = page.getByRole('dialog').getByRole('textbox', { name: 'Note' });
    await expect.element(note).toHaveFocus();
    await vi.waitFor(() => expect(m.fake.callsTo('annotations.create')).toHaveLength(1));
    expect(m.fake.callsTo('annotations.create')[0]).toMatchObject({ color: 'yellow' });
  });

  test('a note saves once typing pauses, and the sidebar shows it', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    press(m.article, 'n');
    const note = page.getByRole('textbox', { name: 'Note' });
    await expect.element(note).toHaveFocus();
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    await userEvent.keyboard('Keep this');
    expect(m.fake.callsTo('annotations.update')).toEqual([]);
    await vi.waitFor(() => expect(m.fake.callsTo('annotations.update')).toHaveLength(1), { timeout: 2000 });
    const [stored] = m.fake.annotations.values();
    expect(m.fake.callsTo('annotations.update')[0]).toEqual({ id: stored!.id, note: 'Keep this' });
    expect(stored!.note).toBe('Keep this');
    await expectText(page.getByRole('complementary'), 'Keep this');
  });

  test('closing the window right after typing still sends the note (pagehide flush)', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    press(m.article, 'n');
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    await userEvent.keyboard('Last words');
    expect(m.fake.callsTo('annotations.update')).toEqual([]);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    // Sent synchronously inside the handler: no waiting.
    expect(m.fake.callsTo('annotations.update')).toEqual([
      { id: [...m.fake.annotations.keys()][0], note: 'Last words' },
    ]);
  });

  test('the highlight’s id is chosen here and sent with the create', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    press(m.article, '1');
    const [create] = m.fake.callsTo('annotations.create') as Array<{ id?: string }>;
    expect(create?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await vi.waitFor(() => expect([...m.fake.annotations.keys()]).toEqual([create?.id]));
  });

  test('a note typed before the highlight is stored is sent at once on close, after the create, under the same id', async () => {
    const m = await renderApp();
    m.fake.hold();
    selectText(m, sentence);
    press(m.article, 'n');
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await userEvent.keyboard('Early');
    // The window closes while the create is still unanswered: the note is sent then and there.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const writes = m.fake.calls.filter((c) => c.channel !== 'annotations.list' && c.channel.startsWith('annotations.'));
    const [create] = m.fake.callsTo('annotations.create') as Array<{ id: string }>;
    expect(writes.map((c) => c.channel)).toEqual(['annotations.create', 'annotations.update']);
    expect(m.fake.callsTo('annotations.update')).toEqual([{ id: create!.id, note: 'Early' }]);
    m.fake.release();
    await vi.waitFor(() => expect(m.fake.annotations.get(create!.id)?.note).toBe('Early'));
    expect(m.host.querySelector('[role="alert"]')?.textContent).toBe('');
  });

  test('when the create fails, the note sent after it does not add a second error', async () => {
    const m = await renderApp();
    m.fake.hold();
    m.fake.failNext('annotations.create', 'the disk is full');
    selectText(m, sentence);
    press(m.article, 'n');
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await userEvent.keyboard('Lost');
    press(popover(m)!, 'Escape');
    expect(m.fake.callsTo('annotations.update')).toHaveLength(1);
    m.fake.release();
    await expectText(page.getByRole('alert'), 'the disk is full');
    await new Promise((r) => setTimeout(r, 50));
    expect(page.getByRole('alert').element().textContent).toMatch(/^Couldn't save the highlight: the disk is full/);
    expect(paintedCount('marginalia-yellow')).toBe(0);
  });
});
