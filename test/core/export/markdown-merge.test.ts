import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { articleMarkdown, mergeMarkdown } from '../../../electron/core/export/markdown.ts';
import { article, exportedArticle, highlight, someText } from './library.ts';

/**
 * Re-exporting into a file the user has written in: only Marginalia's part changes. The front matter's own keys and
 * the block between the markers are rewritten; every other byte stays, and merging the same export twice is the
 * same as once.
 */

const exportedAt = '2026-12-02T06:00:00.000Z';
const later = '2026-12-03T06:00:00.000Z';

/** A file as exported: its front matter's entry lines, and the marked block (without the front matter). */
function partsOf(markdown: string): { entries: string[]; block: string } {
  const lines = markdown.split('\n');
  const close = lines.indexOf('---', 1);
  return {
    entries: lines.slice(1, close),
    block: lines
      .slice(close + 1)
      .join('\n')
      .replace(/\n$/, ''),
  };
}

/**
 * The lines of a file that are the user's, for the lossless check: not a line of a marked block (a start marker to
 * the next end marker), and in the front matter not one of Marginalia's keys or a line that continues its value
 * (indented, or a `- ` item). A loose oracle: it counts every block as Marginalia's, even one the merge keeps.
 */
function usersLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const result: string[] = [];
  let inFrontMatter = /^\ufeff?---[ \t]*$/.test(lines[0] ?? '');
  const frontMatterEnds = inFrontMatter ? lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line)) : -1;
  if (frontMatterEnds === -1) inFrontMatter = false;
  let ownedValue = false;
  let inBlock = false;
  lines.forEach((line, index) => {
    if (inFrontMatter && index > 0 && index < frontMatterEnds) {
      const continues = /^([ \t]+\S|-([ \t]|$))/.test(line);
      if (!continues) ownedValue = /^(marginalia-id|title|author|source|tags|highlights|updated|exported):/.test(line);
      if (!ownedValue) result.push(line);
      return;
    }
    if (/^<!--\s*marginalia:start/.test(line)) inBlock = true;
    else if (/^<!--\s*marginalia:end/.test(line)) inBlock = false;
    else if (!inBlock) result.push(line);
  });
  return result.filter((line) => line.trim() !== '' && !/^\ufeff?(---|\.\.\.)\s*$/.test(line));
}

/** Lines a user writes in a note, none of them a marker or a front matter fence. */
const userText = fc
  .array(
    fc.oneof(
      someText(30),
      fc.constantFrom(
        '# My heading',
        '- a list item',
        '> my quote',
        '<!-- my comment -->',
        'title: not front matter',
        '',
      ),
    ),
    { maxLength: 6 },
  )
  .map((lines) => lines.join('\n').replace(/\r/g, ''))
  .filter((text) => !/^(<!--\s*marginalia:|---|\.\.\.)/m.test(text));

/** Properties a user adds in Obsidian: keys of their own, a comment, a list, a blank line. */
const userProperty = fc.constantFrom(
  'status: reading',
  'aliases:\n  - "Origin"\n  - Species',
  '# my comment',
  'rating: 5',
  'cssclasses: [wide]',
  '',
  'related:\n- "[[Other note]]"',
);

describe('mergeMarkdown', () => {
  it('keeps the text and properties the user added, rewrites Marginalia’s, and changes nothing when merged again', () => {
    fc.assert(
      fc.property(
        exportedArticle(4),
        exportedArticle(4),
        fc.array(userProperty, { maxLength: 4 }),
        fc.nat(),
        userText,
        userText,
        (first, second, properties, where, before, after) => {
          const old = partsOf(articleMarkdown(first, { exportedAt }));
          const fresh = articleMarkdown(second, { exportedAt: later });
          const at = where % (properties.length + 1);
          const entries = [...properties.slice(0, at), ...old.entries, ...properties.slice(at)];
          const beforeText = before === '' ? '' : `${before}\n\n`;
          const afterText = after === '' ? '' : `\n${after}\n`;
          const existing = `---\n${entries.join('\n')}\n---\n${beforeText}${old.block}\n${afterText}`;

          const merged = mergeMarkdown(existing, fresh);
          const parts = partsOf(fresh);
          expect(merged).toBe(
            `---\n${[...properties.slice(0, at), ...parts.entries, ...properties.slice(at)].join('\n')}\n---\n` +
              `${beforeText}${parts.block}\n${afterText}`,
          );
          expect(mergeMarkdown(merged, fresh)).toBe(merged);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('appends the block to a file without markers, keeping all of it, and adds no front matter it did not have', () => {
    fc.assert(
      fc.property(exportedArticle(3), userText, (entry, text) => {
        fc.pre(text !== '');
        const fresh = articleMarkdown(entry, { exportedAt });
        const merged = mergeMarkdown(text, fresh);
        const gap = text.endsWith('\n') ? '\n' : '\n\n';
        expect(merged).toBe(`${text}${gap}${partsOf(fresh).block}\n`);
        expect(mergeMarkdown(merged, fresh)).toBe(merged);
      }),
      { numRuns: 200 },
    );
  });

  it('rewrites the block of a file whose user wrote above the front matter, and leaves the rest as it is', () => {
    const content = 'Words.';
    const old = articleMarkdown({ article: article(content), annotations: [] }, { exportedAt });
    const fresh = articleMarkdown(
      { article: article(content), annotations: [highlight(content, 0, 5)] },
      {
        exportedAt: later,
      },
    );
    const stale = old.slice(0, old.indexOf('<!-- marginalia:start'));
    const merged = mergeMarkdown(`My own heading\n\n${old}My closing thoughts.\n`, fresh);
    expect(merged).toBe(`My own heading\n\n${stale}${partsOf(fresh).block}\nMy closing thoughts.\n`);
  });

  it('is the fresh export for an empty file', () => {
    const fresh = articleMarkdown({ article: article('Words.'), annotations: [] }, { exportedAt });
    expect(mergeMarkdown('', fresh)).toBe(fresh);
  });

  /** Lines of a file any editor may have left: markers, fences, keys of Marginalia's and the user's, CRLF breaks. */
  const anyLine = fc.oneof(
    someText(12),
    fc.constantFrom(
      '<!-- marginalia:start -->',
      '<!-- marginalia:end -->',
      '<!--marginalia:start edited -->  ',
      '---',
      '...',
      'title: "mine"',
      'tags:',
      '  - "x"',
      'status: done',
      '',
      '\ufeff---',
    ),
  );

  it('is lossless and idempotent on any file: every line outside the rewritten block is still there, in order', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 14 }), fc.boolean(), exportedArticle(3), (lines, crlf, entry) => {
        const existing = lines.join(crlf ? '\r\n' : '\n');
        const fresh = articleMarkdown(entry, { exportedAt });
        const merged = mergeMarkdown(existing, fresh);
        expect(mergeMarkdown(merged, fresh)).toBe(merged);
        // In a CRLF file, Marginalia's lines are CRLF too: no bare LF but the user's own.
        const bareLineFeeds = (text: string) => text.match(/(?<!\r)\n/g)?.length ?? 0;
        if (existing.includes('\r\n')) expect(bareLineFeeds(merged)).toBeLessThanOrEqual(bareLineFeeds(existing));
        const survivors = usersLines(merged);
        let at = 0;
        for (const line of usersLines(existing)) {
          at = survivors.indexOf(line, at);
          expect(at, `lost ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
          at += 1;
        }
      }),
      { numRuns: 500 },
    );
  });

  describe('on files whose markers were edited', () => {
    const content = 'Some words to highlight.';
    const entry = { article: article(content), annotations: [highlight(content, 5, 10)] };
    const fresh = articleMarkdown(entry, { exportedAt });
    const { entries, block } = partsOf(fresh);
    const frontMatter = `---\n${entries.join('\n')}\n---\n`;

    it('appends a fresh block when the end marker is gone, keeping the rest of the old one as the user’s', () => {
      const existing = `${frontMatter}<!-- marginalia:start -->\nold highlight\nmy note\n`;
      expect(mergeMarkdown(existing, fresh)).toBe(`${existing}\n${block}\n`);
    });

    it('appends a fresh block when only an end marker is left, or it comes before the start', () => {
      for (const body of [
        'my text\n<!-- marginalia:end -->\n',
        '<!-- marginalia:end -->\nmine\n<!-- marginalia:start -->\n',
      ]) {
        expect(mergeMarkdown(frontMatter + body, fresh)).toBe(`${frontMatter}${body}\n${block}\n`);
      }
    });

    it('rewrites the last whole block and keeps an earlier copy the user made', () => {
      const copy = '<!-- marginalia:start -->\nmy copy\n<!-- marginalia:end -->\n';
      const existing = `${frontMatter}${copy}\nbetween\n\n<!-- marginalia:start -->\nold\n<!-- marginalia:end -->\nafter\n`;
      expect(mergeMarkdown(existing, fresh)).toBe(`${frontMatter}${copy}\nbetween\n\n${block}\nafter\n`);
    });

    it('keeps CRLF line breaks and a byte order mark', () => {
      const existing = '\ufeffmy text\r\n';
      const merged = mergeMarkdown(existing, fresh);
      expect(merged).toBe(`\ufeffmy text\n\n${block}\n`.replace(/\n/g, '\r\n'));
      expect(mergeMarkdown(merged, fresh)).toBe(merged);
    });
  });
});
