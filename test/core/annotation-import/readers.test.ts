import { describe, expect, it } from 'vitest';

import { hypothesisReasons } from '../../../electron/core/annotation-import/hypothesis-reader.ts';
import { readAnnotationFile } from '../../../electron/core/annotation-import/read-annotation-file.ts';
import { readwiseReasons } from '../../../electron/core/annotation-import/readwise-reader.ts';
import { AnnotationFileError } from '../../../electron/core/annotation-import/types.ts';
import { webAnnotationReasons } from '../../../electron/core/annotation-import/web-annotation-reader.ts';
import { highlightsCsv } from '../../../electron/core/export/csv.ts';
import { webAnnotationCollection } from '../../../electron/core/export/web-annotation.ts';
import { article, highlight } from '../export/library.ts';
import { hasWebAnnotationSuite, noWebAnnotationSuite, samples } from '../export/w3c-suite.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const readJson = (json: unknown) => readAnnotationFile(bytes(JSON.stringify(json)));

/** How a refused file is explained: the message of the AnnotationFileError it throws. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(AnnotationFileError);
    return (error as Error).message;
  }
  throw new Error('the file was read');
}

describe('readAnnotationFile refuses what is not an annotation file, in words the user can act on', () => {
  it('says a file is too big before decoding it: above 256 MB, which a whole-library export (~112 MB) is under', () => {
    expect(refusal(() => readAnnotationFile(new Uint8Array(256 * 1024 * 1024 + 1)))).toBe(
      'The file is 256 MB; an annotation file may be at most 256 MB. Export fewer annotations at a time and import ' +
        'each file.',
    );
    expect(refusal(() => readAnnotationFile(new Uint8Array(300 * 1024 * 1024)))).toMatch(
      /^The file is 300 MB; an annotation file may be at most 256 MB\./,
    );
  });

  it('says a file is not UTF-8, not valid JSON, or JSON of another shape', () => {
    expect(refusal(() => readAnnotationFile(new Uint8Array([0x7b, 0xff, 0xfe])))).toMatch(/not text in UTF-8/);
    expect(refusal(() => readAnnotationFile(bytes('{"id": 1,, }')))).toMatch(
      /not valid JSON: something is wrong near character 9/,
    );
    expect(refusal(() => readAnnotationFile(bytes('[{"id": 1}')))).toMatch(/ends before its data is complete/);
    expect(refusal(() => readJson({ hello: 'world' }))).toMatch(/holds no Web Annotations/);
    expect(refusal(() => readAnnotationFile(bytes('Name,Date\r\nA,B\r\n')))).toMatch(/no Highlight column/);
    expect(refusal(() => readAnnotationFile(bytes('Highlight,URL\r\n"never closed,x\r\n')))).toMatch(
      /quote opened on line 2 that is never closed/,
    );
  });

  it('refuses more than 200,000 annotations in every format', () => {
    const item = { type: 'Annotation', target: 'https://example.com' };
    expect(refusal(() => readJson(new Array(200_001).fill(item)))).toMatch(/more than 200,000 annotations/);
    expect(refusal(() => readJson({ rows: new Array(200_001).fill({ uri: 'x' }) }))).toMatch(/more than 200,000/);
    const csv = `Highlight,URL\r\n${'a,b\r\n'.repeat(200_001)}`;
    expect(refusal(() => readAnnotationFile(bytes(csv)))).toMatch(/more than 200,000/);
    expect(readAnnotationFile(bytes(`Highlight,URL\r\n${'a,b\r\n'.repeat(200_000)}`)).annotations).toHaveLength(
      200_000,
    );
  });
});

describe('Web Annotations', () => {
  it("reads Marginalia's own export back: quote, code point position, note, tags, colour, times, id", () => {
    const content = 'Emoji 😀 before: the passage, then more.';
    const start = content.indexOf('the passage');
    const annotation = highlight(content, start, start + 'the passage'.length, {
      color: 'pink',
      note: 'Why it matters 😀',
      tags: ['econ', 'to read'],
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-02T11:00:00.000Z',
    });
    const exported = webAnnotationCollection([{ article: article(content), annotations: [annotation] }], {
      exportedAt: '2026-12-02T06:00:00.000Z',
    });
    expect(readJson(exported)).toEqual({
      format: 'web-annotation',
      annotations: [
        {
          source: 'https://example.com/article',
          quote: annotation.selectors[0],
          position: { start: start - 1, end: start - 1 + 'the passage'.length },
          note: 'Why it matters 😀',
          tags: ['econ', 'to read'],
          color: 'pink',
          createdAt: '2026-03-01T10:00:00.000Z',
          updatedAt: '2026-03-02T11:00:00.000Z',
          originalId: `urn:uuid:${annotation.id}`,
        },
      ],
      notImported: [],
    });
  });

  it("reads other tools' shapes: one annotation, a list, nested or listed selectors, string bodies, no position", () => {
    const one = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno32',
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'First thought' },
        { type: 'TextualBody', value: 'second', purpose: 'describing' },
        { type: 'TextualBody', value: ' history ', purpose: ['tagging'] },
        'http://example.org/elsewhere',
      ],
      target: {
        source: { id: 'http://example.org/page1' },
        selector: {
          type: 'FragmentSelector',
          value: 'para5',
          refinedBy: [
            { type: 'TextPositionSelector', start: 3, end: 16 },
            { type: 'TextQuoteSelector', exact: 'Selected Text', prefix: 'before ', suffix: ' after' },
          ],
        },
      },
      created: '2015-01-28T12:00:00+02:00',
    };
    const tagging = {
      type: ['Annotation'],
      motivation: 'tagging',
      bodyValue: 'a note',
      body: { type: 'TextualBody', value: 'important' },
      target: [
        'http://example.org/whole',
        { source: 'http://example.org/page2', selector: [{ type: 'TextQuoteSelector', exact: 'words' }] },
      ],
    };
    const read = readJson([one, tagging, { type: 'Annotation', target: 'http://example.org/page' }, 42]);
    expect(read.annotations).toEqual([
      {
        source: 'http://example.org/page1',
        quote: { type: 'TextQuoteSelector', exact: 'Selected Text', prefix: 'before ', suffix: ' after' },
        // Refining a fragment, the position counts from the fragment's start: not kept.
        position: undefined,
        note: 'First thought\n\nsecond',
        tags: ['history'],
        color: undefined,
        createdAt: '2015-01-28T10:00:00.000Z',
        updatedAt: undefined,
        originalId: 'http://example.org/anno32',
      },
      expect.objectContaining({
        source: 'http://example.org/page2',
        quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' },
        note: 'a note',
        tags: ['important'],
        originalId: undefined,
      }),
    ]);
    expect(read.notImported).toEqual([
      { reason: webAnnotationReasons.linkedBody, count: 1 },
      { reason: webAnnotationReasons.wholeResource, count: 1 },
      { reason: webAnnotationReasons.notAnnotation, count: 1 },
    ]);
  });

  it('reports what it cannot import: a collection whose pages are elsewhere, a quote or note too long', () => {
    expect(readJson({ type: 'AnnotationCollection', total: 42_023, first: 'http://example.org/page1' })).toEqual({
      format: 'web-annotation',
      annotations: [],
      notImported: [{ reason: webAnnotationReasons.pagesElsewhere, count: 42_023 }],
    });
    const target = (exact: string) => ({ source: 'https://x.org/', selector: { type: 'TextQuoteSelector', exact } });
    const read = readJson({
      type: 'AnnotationPage',
      items: [
        { type: 'Annotation', target: target('x'.repeat(20_001)) },
        { type: 'Annotation', bodyValue: 'n'.repeat(100_001), target: target('fine') },
        { type: 'Annotation', target: { source: 'https://x.org/', selector: { type: 'CssSelector', value: 'p' } } },
        { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'no source' } } },
        {
          type: 'Annotation',
          target: { source: 'https://x.org/', selector: { type: 'TextQuoteSelector', exact: '\ud800' } },
        },
      ],
    });
    expect(read.annotations).toEqual([]);
    expect(read.notImported).toEqual([
      { reason: 'the quote is longer than 20,000 characters', count: 1 },
      { reason: 'the note is longer than 100,000 characters', count: 1 },
      { reason: webAnnotationReasons.noQuote, count: 1 },
      { reason: webAnnotationReasons.noSource, count: 1 },
      { reason: 'the quote contains a broken character (half of an emoji or symbol)', count: 1 },
    ]);
  });

  it('cuts context beyond what the app keeps, never between the halves of an emoji', () => {
    const prefix = `😀${'p'.repeat(511)}`;
    const read = readJson({
      type: 'Annotation',
      target: { source: 's:x', selector: { type: 'TextQuoteSelector', exact: 'q', prefix, suffix: 's'.repeat(600) } },
    });
    expect(read.annotations[0]!.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'q',
      prefix: 'p'.repeat(511),
      suffix: 's'.repeat(512),
    });
  });

  describe.runIf(hasWebAnnotationSuite())('the W3C suite’s correct samples', () => {
    it('are all read: each a quoted passage imported, or left out with a reason, never a refusal', () => {
      const read = samples('correct').map(({ file, text }) => ({ file, read: readAnnotationFile(bytes(text)) }));
      expect(read.length).toBeGreaterThanOrEqual(45);
      const imported = read.flatMap(({ file, read }) => read.annotations.map((a) => [file, a.quote.exact, a.note]));
      // anno26 and anno32 quote text; collection1 holds both again among its 41.
      expect(imported).toEqual([
        ['anno26.json', 'anotation', ''],
        ['anno32.json', 'Selected Text', ''],
        ['collection1.json', 'anotation', ''],
        ['collection1.json', 'Selected Text', ''],
      ]);
      const collection = read.find(({ file }) => file === 'collection1.json')!.read;
      const left = collection.notImported.reduce((sum, { count }) => sum + count, 0);
      // 41 annotations, 2 imported, and all 39 others accounted for (the linked notes count besides).
      expect(
        left - (collection.notImported.find((n) => n.reason === webAnnotationReasons.linkedBody)?.count ?? 0),
      ).toBe(39);
    });
  });
  if (!hasWebAnnotationSuite()) console.warn(`Skipping the W3C samples: ${noWebAnnotationSuite}`);
});

describe('Hypothesis export', () => {
  const row = {
    id: 'Ab3dEfGhIjKlMnOp',
    uri: 'https://example.com/article/',
    text: 'My **note**',
    // Tags as typed are normalised as the app normalises them: a NUL or a control character is no tag.
    tags: ['one', ' two ', '', '\u0000', 'three\tfour\u0001'],
    created: '2021-03-04T05:06:07.123456+00:00',
    updated: '2021-03-05T05:06:07.654321+00:00',
    target: [
      {
        source: 'https://example.com/article/',
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/div[1]/p[2]',
            startOffset: 0,
            endContainer: '/div[1]/p[2]',
            endOffset: 5,
          },
          { type: 'TextPositionSelector', start: 10, end: 15 },
          { type: 'TextQuoteSelector', exact: 'quick', prefix: 'The ', suffix: ' brown' },
        ],
      },
    ],
  };

  it('reads the annotations with their note, tags, times and id; reports page notes and replies', () => {
    const pageNote = { ...row, id: 'page', target: [{ source: row.uri }] };
    const reply = { ...row, id: 'reply', references: ['Ab3dEfGhIjKlMnOp'], target: [{ source: row.uri }] };
    const read = readJson([row, pageNote, reply, pageNote]);
    expect(read).toEqual({
      format: 'hypothesis',
      annotations: [
        {
          source: 'https://example.com/article/',
          quote: { type: 'TextQuoteSelector', exact: 'quick', prefix: 'The ', suffix: ' brown' },
          position: { start: 10, end: 15 },
          note: 'My **note**',
          tags: ['one', 'two', 'three four'],
          createdAt: '2021-03-04T05:06:07.123Z',
          updatedAt: '2021-03-05T05:06:07.654Z',
          originalId: 'Ab3dEfGhIjKlMnOp',
        },
      ],
      notImported: [
        { reason: hypothesisReasons.pageNote, count: 2 },
        { reason: hypothesisReasons.reply, count: 1 },
      ],
    });
    expect(readJson({ total: 1, rows: [row] }).annotations).toHaveLength(1);
  });
});

describe('Readwise CSV', () => {
  it("reads Marginalia's own CSV back, the location as a code point position", () => {
    const content = '😀 "Quoted", and, more\r\nlines';
    const start = content.indexOf('"Quoted"');
    const annotation = highlight(content, start, content.length, {
      color: 'green',
      note: 'note, with "quotes"\nand a line',
      tags: ['a', 'b c'],
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    const csv = highlightsCsv([{ article: article(content), annotations: [annotation] }]);
    expect(readAnnotationFile(bytes(`\ufeff${csv}`))).toEqual({
      format: 'readwise-csv',
      annotations: [
        {
          source: 'https://example.com/article',
          quote: { type: 'TextQuoteSelector', exact: content.slice(start), prefix: '', suffix: '' },
          position: { start: 2, end: [...content].length },
          note: 'note, with "quotes"\nand a line',
          tags: ['a', 'b c'],
          color: 'green',
          createdAt: '2026-03-01T10:00:00.000Z',
          originalId: annotation.id,
        },
      ],
      notImported: [],
    });
  });

  it("reads Readwise's columns by name in any order and case; its location is not a position", () => {
    const csv = [
      'title,NOTE, highlight ,Location,url,Date,Color',
      'T,,first,120,https://example.com/a,2021-04-27 18:36:00,orange',
      'T,n,,1,https://example.com/a,,',
      'T,n,no url,1,,,',
      'T,"",second,7,https://example.com/a,not a date,Blue',
    ].join('\n');
    const read = readAnnotationFile(bytes(csv));
    expect(read.annotations).toEqual([
      expect.objectContaining({
        quote: { type: 'TextQuoteSelector', exact: 'first', prefix: '', suffix: '' },
        position: undefined,
        color: undefined,
        createdAt: '2021-04-27T18:36:00.000Z',
        note: '',
        tags: [],
      }),
      expect.objectContaining({
        quote: expect.objectContaining({ exact: 'second' }),
        color: 'blue',
        createdAt: undefined,
      }),
    ]);
    expect(read.notImported).toEqual([
      { reason: readwiseReasons.noHighlight, count: 1 },
      { reason: readwiseReasons.noUrl, count: 1 },
    ]);
  });
});
