import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseTextArticle } from '../../electron/core/text-article.ts';

const seed = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');

describe('parseTextArticle on the shipped seed', () => {
  const { title, content } = parseTextArticle(seed);
  const paragraphs = content.split('\n\n');

  it('takes the first line as the title and keeps it out of the body', () => {
    expect(title).toBe('US, Russia Hold Day-Long Talks Amid Ukraine Tensions');
    expect(content.startsWith('Diplomats from the United States and Russia held day-long talks')).toBe(true);
  });

  it('ends at the last real paragraph, dropping the scraped "Check Also" teaser', () => {
    expect(paragraphs.at(-1)).toBe(
      'The United States and NATO have said large parts of the Russian proposals are non-starters.',
    );
    expect(content).not.toMatch(/check also/i);
    expect(content).not.toContain('IS-Khorasan');
  });

  it('joins paragraphs with exactly "\\n\\n" and has no other line breaks', () => {
    expect(paragraphs).toHaveLength(16);
    for (const paragraph of paragraphs) {
      expect(paragraph).not.toMatch(/\n/);
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toBe('');
    }
    expect(content).not.toMatch(/\r/);
  });

  it('keeps curly quotes, apostrophes and the ellipsis as they are', () => {
    for (const character of ['’', '‘', '“', '”', '…']) expect(content).toContain(character);
    expect(content).toContain('“The United States is committed to the principle of ‘nothing about you, without you’');
    expect(content).toContain('the Americans… should have no illusions');
  });
});

describe('parseTextArticle', () => {
  it('normalises CRLF and lone CR, and joins the lines of a paragraph with one space', () => {
    const raw = 'Title\r\n\r\nfirst line\r\n  second line  \r\n\r\n\r\n\r\nnext\rparagraph\r\n';
    expect(parseTextArticle(raw)).toEqual({ title: 'Title', content: 'first line second line\n\nnext paragraph' });
  });

  it('skips leading blank lines and a byte-order mark before the title', () => {
    expect(parseTextArticle('\uFEFF\n\n   \n  A title  \nbody right after\n')).toEqual({
      title: 'A title',
      content: 'body right after',
    });
  });

  it('drops a "Check Also" line in any case, and everything after it', () => {
    expect(parseTextArticle('T\n\nKept.\n\n  CHECK ALSO \n\nGone.\n\nAlso gone.')).toEqual({
      title: 'T',
      content: 'Kept.',
    });
  });

  it('keeps a paragraph that merely mentions "check also"', () => {
    expect(parseTextArticle('T\n\nPlease check also the footnotes.').content).toBe('Please check also the footnotes.');
  });

  it('does not normalise Unicode', () => {
    const decomposed = 'Cafe\u0301 — “naïve”…';
    expect(parseTextArticle(`T\n\n${decomposed}`).content).toBe(decomposed);
  });

  it('gives an empty title and body for empty or blank input', () => {
    expect(parseTextArticle('')).toEqual({ title: '', content: '' });
    expect(parseTextArticle(' \n\r\n \t')).toEqual({ title: '', content: '' });
    expect(parseTextArticle('Only a title')).toEqual({ title: 'Only a title', content: '' });
  });
});
