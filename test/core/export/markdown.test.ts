import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';

import { articleMarkdown, markdownFileName } from '../../../electron/core/export/markdown.ts';
import { blockQuote, literalLines } from '../../../electron/core/export/markdown-text.ts';
import { obsidianTag, obsidianTags } from '../../../electron/core/export/obsidian-tags.ts';
import { article, exportedArticle, highlight, someText } from './library.ts';
import { parseFrontMatterSubset } from './yaml-subset.ts';

const exportedAt = '2026-12-02T06:00:00.000Z';

const byFolded = (a: string, b: string) =>
  a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;

/** CommonMark as written, raw HTML included: an escape that let HTML through would show here. */
const commonMark = new MarkdownIt('commonmark');

/** The text a run of inline tokens shows, a line break inside a paragraph as "\n". */
function shownText(tokens: ReturnType<MarkdownIt['parse']>): string {
  const paragraphs: string[] = [];
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    const children = token.children ?? [];
    for (const child of children) {
      if (!['text', 'softbreak', 'hardbreak'].includes(child.type)) throw new Error(`Markdown made a ${child.type}`);
    }
    paragraphs.push(children.map((child) => (child.type === 'text' ? child.content : '\n')).join(''));
  }
  return paragraphs.join('\n\n');
}

/**
 * Text as CommonMark shows it: spaces after the last character of a line go (or make a break), and tabs too at the end
 * of a paragraph; empty lines part
 * paragraphs, however many. A line of spaces only stays: the export writes them as character references.
 */
function asShown(text: string): string {
  const hasText = (line: string) => /[^ \t]/.test(line);
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (hasText(line) ? line.replace(/ +$/, '') : line));
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') paragraphs.push([]);
    else paragraphs.at(-1)!.push(line);
  }
  return paragraphs
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => {
      const last = paragraph.at(-1)!;
      return [...paragraph.slice(0, -1), hasText(last) ? last.replace(/[ \t]+$/, '') : last].join('\n');
    })
    .join('\n\n');
}

describe('Markdown text', () => {
  it('shows any quote as one block quote of plain text, whatever Markdown marks, spaces and line breaks it holds', () => {
    fc.assert(
      fc.property(someText(60), (quote) => {
        fc.pre(asShown(quote) !== '');
        const tokens = commonMark.parse(blockQuote(quote), {});
        const structure = tokens.filter((t) => t.type !== 'inline').map((t) => t.type);
        expect(structure[0]).toBe('blockquote_open');
        expect(structure.at(-1)).toBe('blockquote_close');
        expect(structure.slice(1, -1).every((type) => type === 'paragraph_open' || type === 'paragraph_close')).toBe(
          true,
        );
        expect(shownText(tokens)).toBe(asShown(quote));
      }),
      { numRuns: 1000 },
    );
  });

  it('shows any note as plain paragraphs', () => {
    fc.assert(
      fc.property(someText(60), (note) => {
        fc.pre(asShown(note) !== '');
        const tokens = commonMark.parse(literalLines(note).join('\n'), {});
        expect(tokens.filter((t) => t.type !== 'inline').every((t) => t.type.startsWith('paragraph_'))).toBe(true);
        expect(shownText(tokens)).toBe(asShown(note));
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes what would start a heading, a quote, a list, a code block, a tag, a link or a comment', () => {
    expect(blockQuote('# not a heading\n> not nested\n- not a list\n1. nor this\n    not code')).toBe(
      '> \\# not a heading\n> \\> not nested\n> \\- not a list\n> 1\\. nor this\n> &#32;&#32;&#32;&#32;not code',
    );
    expect(blockQuote('a #tag, [[link]], ^block, ==mark==, %%hidden%%, $x$ <!-- marginalia:end -->')).toBe(
      '> a \\#tag, \\[\\[link\\]\\], \\^block, \\=\\=mark\\=\\=, \\%\\%hidden\\%\\%, \\$x\\$ \\<!-- marginalia:end --\\>',
    );
    expect(blockQuote('one\n\ntwo\r\nthree')).toBe('> one\n>\n> two\n> three');
  });
});

describe('Obsidian tags', () => {
  it('keep letters, digits, _ - and /, join words with -, and give digits alone a leading _', () => {
    expect(obsidianTag('to read')).toBe('to-read');
    expect(obsidianTag('  Économie / Politique ')).toBe('Économie-/-Politique');
    expect(obsidianTag('A/B')).toBe('A/B');
    expect(obsidianTag('c#, and more!')).toBe('c-and-more');
    expect(obsidianTag('1984')).toBe('_1984');
    expect(obsidianTag('中文')).toBe('中文');
    expect(obsidianTag('/nested//deep/')).toBe('nested/deep');
    expect(obsidianTag('??')).toBeUndefined();
    expect(obsidianTags(['Econ', 'econ', 'to read', 'to-read', '??'])).toEqual(['Econ', 'to-read']);
  });

  it('are always valid Obsidian tags', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (tag) => {
        const safe = obsidianTag(tag);
        if (safe === undefined) return;
        expect(safe).toMatch(/^[\p{L}\p{M}\p{N}_\-/]+$/u);
        expect(safe).toMatch(/[\p{L}\p{M}_-]/u);
        expect(safe).not.toMatch(/^\/|\/$|\/\//);
      }),
    );
  });
});

describe('articleMarkdown', () => {
  const content =
    'Intro line.\n\n# A line that starts with a hash\n\n> and one with a quote mark, 😀 emoji.\n\nLast words.';
  const at = (words: string) => [content.indexOf(words), content.indexOf(words) + words.length] as const;
  const first = highlight(content, ...at('# A line'), {
    color: 'green',
    tags: ['econ', 'to read'],
    note: 'Why:\n- it matters',
  });
  const second = highlight(content, ...at('> and one with a quote mark, 😀 emoji.\n\nLast'));
  const orphan = highlight(content, 0, 5, {
    color: 'purple',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'words that went', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 15 },
    ],
  });
  const entry = {
    article: article(content, { id: 12, title: 'Title: "quoted"\nover two lines', note: 'My view of it.' }),
    annotations: [orphan, second, first],
  };
  const markdown = articleMarkdown(entry, { exportedAt });

  it('is the front matter, then between the markers the title, a link, the note and the highlights in order', () => {
    expect(markdown).toBe(
      [
        '---',
        'marginalia-id: 12',
        'title: "Title: \\"quoted\\"\\nover two lines"',
        'author: "A. Writer"',
        'source: "https://example.com/article"',
        'tags:',
        '  - "econ"',
        '  - "to-read"',
        'highlights: 3',
        `updated: "${first.updatedAt}"`,
        `exported: "${exportedAt}"`,
        '---',
        '<!-- marginalia:start · Marginalia rewrites everything from here to marginalia:end when you export again; write your own notes above or below -->',
        '',
        '# Title: "quoted" over two lines',
        '',
        '[Open in Marginalia](marginalia://open?article=12)',
        '',
        'My view of it.',
        '',
        '## Highlights',
        '',
        '> \\# A line',
        '',
        `^mg-${first.id}`,
        '',
        `#hl/green #econ #to-read · [Open in Marginalia](marginalia://open?article=12&highlight=${first.id})`,
        '',
        'Why:',
        '\\- it matters',
        '',
        '> \\> and one with a quote mark, 😀 emoji.',
        '>',
        '> Last',
        '',
        `^mg-${second.id}`,
        '',
        `#hl/yellow · [Open in Marginalia](marginalia://open?article=12&highlight=${second.id})`,
        '',
        '## Not found in the current text',
        '',
        'The text of the article changed and these words are no longer in it; Marginalia keeps them as they were.',
        '',
        '> words that went',
        '',
        `^mg-${orphan.id}`,
        '',
        `#hl/purple · [Open in Marginalia](marginalia://open?article=12&highlight=${orphan.id})`,
        '',
        '<!-- marginalia:end -->',
        '',
      ].join('\n'),
    );
  });

  it('renders as CommonMark with each quote a block quote, and the markers as HTML comments', () => {
    const tokens = commonMark.parse(markdown.split('---\n').slice(2).join('---\n'), {});
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(3);
    expect(tokens.filter((t) => t.type === 'html_block').map((t) => t.content.trim())).toEqual([
      expect.stringMatching(/^<!-- marginalia:start .* -->$/),
      '<!-- marginalia:end -->',
    ]);
    expect(tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual(['h1', 'h2', 'h2']);
  });

  it('has front matter that reads back as its properties, whatever the title, author and tags (random articles)', () => {
    fc.assert(
      fc.property(exportedArticle(5), (random) => {
        const text = articleMarkdown(random, { exportedAt });
        const lines = text.split('\n');
        expect(lines[0]).toBe('---');
        const close = lines.indexOf('---', 1);
        expect(parseFrontMatterSubset(lines.slice(1, close))).toEqual({
          'marginalia-id': random.article.id,
          title: random.article.title,
          author: random.article.meta.byline,
          source: random.article.source,
          tags: obsidianTags(random.annotations.flatMap((a) => a.tags)).sort(byFolded),
          highlights: random.annotations.length,
          updated: [random.article.updatedAt, ...random.annotations.map((a) => a.updatedAt)].sort().at(-1),
          exported: exportedAt,
        });
        expect(lines[close + 1]).toMatch(/^<!-- marginalia:start /);
        expect(text.match(/^<!-- marginalia:(start|end)\b/gm)).toHaveLength(2);
        for (const annotation of random.annotations) expect(text).toContain(`\n^mg-${annotation.id}\n`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownFileName', () => {
  const named = (title: string, id = 12) => markdownFileName(article('Text.', { id, title }));

  it('is the title and the id', () => {
    expect(named('On the Origin of Species')).toBe('On the Origin of Species (Marginalia 12).md');
  });

  it('differs for two articles with one title, also where case is ignored', () => {
    expect(named('Notes', 1).toLowerCase()).not.toBe(named('notes', 2).toLowerCase());
  });

  it('leaves out what Windows, macOS, Linux or Obsidian links forbid, and device names', () => {
    expect(named('a<b>c:d"e/f\\g|h?i*j#k^l[m]n')).toBe('a b c d e f g h i j k l m n (Marginalia 12).md');
    expect(named('  ..hidden. ')).toBe('hidden (Marginalia 12).md');
    expect(named('line\nbreak\ttab\u202eevil\u0000')).toBe('line break tab evil (Marginalia 12).md');
    expect(named('CON')).toBe('_CON (Marginalia 12).md');
    expect(named('nul.txt')).toBe('_nul.txt (Marginalia 12).md');
    expect(named('COM1 .tar')).toBe('_COM1 .tar (Marginalia 12).md');
    expect(named('Console')).toBe('Console (Marginalia 12).md');
    expect(named('???')).toBe('Untitled (Marginalia 12).md');
  });

  it('is short enough for every file system, cut between characters', () => {
    const long = named('👩‍💻'.repeat(100));
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/^(👩‍💻)+ \(Marginalia 12\)\.md$/u);
    expect(named('a'.repeat(500))).toBe(`${'a'.repeat(120)} (Marginalia 12).md`);
  });

  it('is always safe, for any title', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (title, id) => {
          const name = named(title, id);
          expect(name.endsWith(` (Marginalia ${id}).md`)).toBe(true);
          expect(name).not.toMatch(/[<>:"/\\|?*#^[\]\p{Cc}]/u);
          expect(name).not.toMatch(/^[\s.]/u);
          expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
          expect(name.isWellFormed()).toBe(true);
        },
      ),
    );
  });
});
