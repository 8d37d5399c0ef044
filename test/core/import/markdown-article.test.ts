import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { DocumentElement } from '../../../common/document.ts';
import { importMarkdown, ImportRefusedError } from '../../../electron/core/import/index.ts';
import { elementsOf, expectSafe, textOf, treeOf } from './safety.ts';

const notes = readFileSync(new URL('../../fixtures/documents/field-notes.md', import.meta.url), 'utf8');
const baseUrl = 'file:///home/ranger/notes/field-notes.md';
const options = { baseUrl, fallbackTitle: 'field-notes' };

function text(element: DocumentElement | undefined): string {
  return (element?.children ?? []).map((child) => (typeof child === 'string' ? child : text(child))).join('');
}

describe('a Markdown note', () => {
  const imported = importMarkdown(notes, options);
  const elements = elementsOf(treeOf(imported));
  const byTag = (tag: string) => elements.filter((e) => e.tag === tag);

  it('is safe to store, and its raw HTML went through the same sanitiser', () => {
    expectSafe(imported);
    expect(JSON.stringify(imported)).not.toContain('onclick');
    expect(textOf(imported)).toContain('Raw HTML block kept as text');
    expect(text(byTag('strong').find((e) => text(e) === 'HTML'))).toBe('HTML');
  });

  it('takes its title from the leading h1, out of the body, and skips the front matter', () => {
    expect(imported.title).toBe('Field notes, March');
    expect(byTag('h1')).toEqual([]);
    expect(textOf(imported)).not.toContain('layout');
    expect(textOf(imported).startsWith('The tide was very low')).toBe(true);
  });

  it('keeps emphasis, links (and written-out addresses as links), lists, quotes and tables', () => {
    expect(byTag('em').map(text)).toContain('very');
    expect(byTag('a').map((a) => [text(a), a.attrs?.href])).toEqual([
      ['tide table', 'https://tides.example.org/north'],
      ['https://example.org/harbour', 'https://example.org/harbour'],
      ['mail', 'mailto:ranger@example.org'],
    ]);
    // A link to another local file keeps its text only: the reader opens web and mail links, not files.
    expect(textOf(imported)).toContain('Local link and mail.');
    expect(text(byTag('ul')[0])).toBe('Quay north: silt\n\nabout 40 cm\n\nQuay south: clear');
    expect(byTag('ol').map(text)).toEqual(['first\n\nsecond']);
    expect(text(byTag('blockquote')[0])).toBe('A quoted line that continues.');
    expect(byTag('th').map(text)).toEqual(['Quay', 'Silt']);
  });

  it('keeps fenced code exactly, tabs and runs of spaces included, and inline code as written', () => {
    expect(byTag('pre')[0]?.children).toEqual([{ tag: 'code', children: ['  exact   spacing\n\ttab kept\n'] }]);
    // Inline code is collapsed as a browser shows it.
    expect(byTag('code').map(text)).toContain('code with spaces');
  });

  it('keeps a hard line break, and resolves images against the note’s file', () => {
    expect(textOf(imported)).toContain('and a line\nbreak, then a picture');
    expect(byTag('br')).toHaveLength(1);
    expect(imported.images).toEqual([{ name: '1', url: 'file:///home/ranger/notes/photos/low-tide.jpg' }]);
    expect(byTag('img')).toEqual([{ tag: 'img', attrs: { src: '1', alt: 'Low tide' } }]);
  });
});

describe('a Markdown title', () => {
  const titleOf = (markdown: string) => importMarkdown(markdown, options);

  it('comes from the front matter when there is no leading h1', () => {
    const imported = titleOf('---\ntitle: "Tide log"\ndate: 2024-03-05\n---\nLow at six.\n\nHigh at noon.');
    expect(imported.title).toBe('Tide log');
    expect(textOf(imported)).toBe('Low at six.\n\nHigh at noon.');
  });

  it('is a short first line that stands alone, taken out of the body as a text file’s is', () => {
    const imported = titleOf('Tide log\n\nLow at six.');
    expect(imported.title).toBe('Tide log');
    expect(textOf(imported)).toBe('Low at six.');
  });

  it('is the file name when the text starts with a paragraph, a later h1 or a lone line', () => {
    const paragraph = titleOf('Low at six,\nhigh at noon.\n\n# Later');
    expect(paragraph.title).toBe('field-notes');
    expect(textOf(paragraph)).toBe('Low at six, high at noon.\n\nLater');
    expect(titleOf('Only this line.').title).toBe('field-notes');
    expect(textOf(titleOf('Only this line.'))).toBe('Only this line.');
  });

  it('does not take an h1 that is not the first thing in the note', () => {
    const imported = titleOf('Intro text that runs on for a while.\nMore of it.\n\n# Heading');
    expect(imported.title).toBe('field-notes');
    expect(elementsOf(treeOf(imported)).some((e) => e.tag === 'h1')).toBe(true);
  });
});

describe('Markdown that cannot be an article', () => {
  it('refuses a note with no readable text, naming the file', () => {
    const empty = () => importMarkdown('<!-- a comment -->\n\n<script>alert(1)</script>', options);
    expect(empty).toThrow(ImportRefusedError);
    expect(empty).toThrow('“field-notes.md” has no readable text.');
  });

  it('keeps a javascript: link as plain text', () => {
    const imported = importMarkdown('[click](javascript:alert(1)) and <a href="javascript:alert(1)">this</a>', options);
    expectSafe(imported);
    expect(elementsOf(treeOf(imported)).filter((e) => e.tag === 'a')).toEqual([]);
  });
});
