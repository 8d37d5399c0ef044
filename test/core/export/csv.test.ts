import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { highlightsCsv } from '../../../electron/core/export/csv.ts';
import { article, highlight, library } from './library.ts';

/**
 * A small RFC 4180 parser, written from the RFC and nothing else: records end with CRLF, a field is either plain (no
 * comma, quote, CR or LF) or in double quotes, inside which `""` is one quote. It refuses anything else, so a
 * loosely written file fails here rather than in the tool that reads it.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let at = 0;
  while (at < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[at] === '"') {
        at += 1;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote === -1) throw new Error('unclosed quoted field');
          field += text.slice(at, quote);
          at = quote + 1;
          if (text[at] !== '"') break;
          field += '"';
          at += 1;
        }
      } else {
        const plain = /^[^",\r\n]*/.exec(text.slice(at))![0];
        field = plain;
        at += plain.length;
      }
      record.push(field);
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text.startsWith('\r\n', at)) {
        at += 2;
        break;
      }
      throw new Error(`unexpected ${JSON.stringify(text[at])} at ${at}`);
    }
    records.push(record);
  }
  return records;
}

const header = [
  'Highlight',
  'Title',
  'Author',
  'URL',
  'Note',
  'Location',
  'Date',
  'Color',
  'Tags',
  'Highlight ID',
  'Article ID',
];

describe('highlightsCsv', () => {
  it("starts with Readwise's columns in Readwise's order, then Marginalia's", () => {
    expect(highlightsCsv([])).toBe(`${header.join(',')}\r\n`);
  });

  it('writes one row per highlight in document order, orphans last, Location in code points', () => {
    const content = '😀 First, "quoted" words.\nSecond line.';
    const second = highlight(content, content.indexOf('Second'), content.length, { note: 'A note,\nwith a comma' });
    const first = highlight(content, 3, 8, { color: 'blue', tags: ['econ', 'to read'] });
    const orphan = highlight(content, 0, 2, {
      selectors: [{ type: 'TextQuoteSelector', exact: 'gone', prefix: '', suffix: '' }],
    });
    const text = highlightsCsv([
      { article: article(content, { id: 7, title: 'A "title", with comma' }), annotations: [orphan, second, first] },
    ]);
    expect(parseCsv(text)).toEqual([
      header,
      [
        'First',
        'A "title", with comma',
        'A. Writer',
        'https://example.com/article',
        '',
        '2',
        first.createdAt,
        'blue',
        'econ, to read',
        first.id,
        '7',
      ],
      [
        'Second line.',
        'A "title", with comma',
        'A. Writer',
        'https://example.com/article',
        'A note,\nwith a comma',
        '25',
        second.createdAt,
        'yellow',
        '',
        second.id,
        '7',
      ],
      [
        'gone',
        'A "title", with comma',
        'A. Writer',
        'https://example.com/article',
        '',
        '',
        orphan.createdAt,
        'yellow',
        '',
        orphan.id,
        '7',
      ],
    ]);
    expect(text).toContain('"A ""title"", with comma"');
  });

  it('round-trips every field of random libraries through an RFC 4180 parser, records ended by CRLF', () => {
    fc.assert(
      fc.property(library(), (entries) => {
        const text = highlightsCsv(entries);
        expect(text.endsWith('\r\n')).toBe(true);
        const [columns, ...rows] = parseCsv(text);
        expect(columns).toEqual(header);
        const expected = entries.flatMap(({ article: { id, title, meta, source }, annotations }) =>
          annotations.map((a) => [id, title, meta.byline, source, a]),
        );
        expect(rows).toHaveLength(expected.length);
        const byId = new Map(rows.map((row) => [row[9], row]));
        for (const [articleId, title, byline, source, annotation] of expected as [
          number,
          string,
          string,
          string,
          (typeof entries)[0]['annotations'][0],
        ][]) {
          const row = byId.get(annotation.id)!;
          const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector')!;
          expect(row).toHaveLength(header.length);
          expect(row[0]).toBe(quote.exact);
          expect(row.slice(1, 5)).toEqual([title, byline, source, annotation.note]);
          expect(row.slice(6)).toEqual([
            annotation.createdAt,
            annotation.color,
            annotation.tags.join(', '),
            annotation.id,
            String(articleId),
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
