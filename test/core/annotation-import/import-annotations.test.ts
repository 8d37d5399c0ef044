import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { describeText } from '../../../common/anchoring/text-anchor.ts';
import {
  createAnnotation,
  getAnnotation,
  listAnnotations,
  storeImportedAnnotation,
  updateAnnotation,
} from '../../../db/annotations.ts';
import { copyInFileReason, importAnnotations } from '../../../electron/core/annotation-import/import-annotations.ts';
import { readAnnotationFile } from '../../../electron/core/annotation-import/read-annotation-file.ts';
import { stableAnnotationId } from '../../../electron/core/annotation-import/stable-id.ts';
import type { ReadAnnotation, ReadAnnotations } from '../../../electron/core/annotation-import/types.ts';
import { nameBasedUuid } from '../../../electron/core/export/name-based-uuid.ts';
import { addArticle, openTempLibrary } from './library-fixture.ts';

const text = 'Emoji 😀 first. The quick brown fox jumps over the lazy dog. Then 𝔘 more text here.';
const source = 'https://example.com/article';
const now = new Date('2026-12-02T07:00:00.000Z');

/** A read annotation of `exact` in the article, at its code point position unless told otherwise. */
function readOf(exact: string, fields: Partial<ReadAnnotation> = {}): ReadAnnotation {
  const start = [...text.slice(0, text.indexOf(exact))].length;
  return {
    source,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { start, end: start + [...exact].length },
    note: '',
    tags: [],
    ...fields,
  };
}

const file = (annotations: ReadAnnotation[], format: ReadAnnotations['format'] = 'web-annotation') => ({
  format,
  annotations,
  notImported: [],
});

let library: ReturnType<typeof openTempLibrary>;
let db: Database;
let articleId: number;

beforeEach(() => {
  library = openTempLibrary();
  db = library.db;
  articleId = addArticle(db, source, text).id;
});
afterEach(() => library.close());

describe('importAnnotations', () => {
  it('anchors each on its article, code points converted to UTF-16, with its note, tags, colour and times', () => {
    const id = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const report = importAnnotations(
      db,
      file([
        readOf('lazy dog', {
          originalId: `urn:uuid:${id.toUpperCase()}`,
          note: 'a note 😀',
          tags: ['Animals', 'to read'],
          color: 'purple',
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-02-01T00:00:00.000Z',
        }),
      ]),
      now,
    );
    expect(report).toEqual({
      imported: 1,
      orphaned: 0,
      alreadyThere: 0,
      articlesMissing: { count: 0, sources: [] },
      notImported: [],
    });
    const start = text.indexOf('lazy dog');
    expect(listAnnotations(db, articleId)).toEqual([
      {
        id,
        articleId,
        color: 'purple',
        selectors: describeText(text, start, start + 'lazy dog'.length),
        note: 'a note 😀',
        tags: ['Animals', 'to read'],
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-02-01T00:00:00.000Z',
      },
    ]);
  });

  it('finds a quote without a position or with a wrong one; defaults: yellow, the import time', () => {
    importAnnotations(
      db,
      file([
        readOf('quick brown', { position: undefined, originalId: 'a' }),
        readOf('more text', {
          position: { start: 500, end: 509 },
          originalId: 'b',
          createdAt: '2025-05-05T00:00:00.000Z',
        }),
      ]),
      now,
    );
    const [quick, more] = listAnnotations(db, articleId);
    expect(quick).toMatchObject({ color: 'yellow', createdAt: now.toISOString(), updatedAt: now.toISOString() });
    expect(quick!.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: text.indexOf('quick'),
      end: text.indexOf('quick') + 11,
    });
    expect(more).toMatchObject({ createdAt: '2025-05-05T00:00:00.000Z', updatedAt: '2025-05-05T00:00:00.000Z' });
    expect(more!.selectors[1]).toMatchObject({ start: text.indexOf('more text') });
  });

  it('keeps a quote it cannot place as an orphan with its quote, tags and note, never drops it', () => {
    const quote = { type: 'TextQuoteSelector' as const, exact: 'Ωμέγα ψ', prefix: 'αβγ ', suffix: ' δεζ' };
    const report = importAnnotations(
      db,
      file([
        readOf('quick', { quote, note: 'kept', tags: ['t'], originalId: 'x', updatedAt: '2025-01-01T00:00:00.000Z' }),
      ]),
      now,
    );
    expect(report).toMatchObject({ imported: 1, orphaned: 1 });
    expect(listAnnotations(db, articleId)).toEqual([
      expect.objectContaining({ selectors: [quote], note: 'kept', tags: ['t'], updatedAt: '2025-01-01T00:00:00.000Z' }),
    ]);
  });

  it('reports annotations whose article is not in the library, with their count and sources', () => {
    const elsewhere = (url: string) => readOf('quick', { source: url, originalId: url });
    const report = importAnnotations(
      db,
      file([
        elsewhere('https://other.org/a'),
        { ...elsewhere('https://other.org/b') },
        { ...elsewhere('https://other.org/a'), originalId: 'second' },
      ]),
      now,
    );
    expect(report).toMatchObject({
      imported: 0,
      articlesMissing: { count: 3, sources: ['https://other.org/a', 'https://other.org/b'] },
    });
  });

  it('finds the article with or without a trailing slash or #fragment, or percent-encoded', () => {
    const spaced = addArticle(db, 'file:///home/r/Notes on ü.md', text).id;
    const slashed = addArticle(db, 'https://example.org/dir/', text).id;
    importAnnotations(
      db,
      file([
        readOf('quick', { source: `${source}/#section-2`, originalId: '1' }),
        readOf('quick', { source: 'file:///home/r/Notes%20on%20%C3%BC.md', originalId: '2' }),
        readOf('quick', { source: 'https://example.org/dir', originalId: '3' }),
      ]),
      now,
    );
    expect([articleId, spaced, slashed].map((id) => listAnnotations(db, id).length)).toEqual([1, 1, 1]);
  });

  it('adds nothing on a second import, and never overwrites what the user changed since', () => {
    const read = file(
      [readOf('quick', { originalId: 'h1', note: 'from the file' }), readOf('lazy', { originalId: 'h2' })],
      'hypothesis',
    );
    expect(importAnnotations(db, read, now)).toMatchObject({ imported: 2, alreadyThere: 0 });
    const id = stableAnnotationId('hypothesis', read.annotations[0]!);
    updateAnnotation(db, id, { note: 'edited in Marginalia' });
    const before = listAnnotations(db, articleId);
    expect(importAnnotations(db, read, now)).toMatchObject({ imported: 0, alreadyThere: 2 });
    expect(listAnnotations(db, articleId)).toEqual(before);
    expect(getAnnotation(db, id).note).toBe('edited in Marginalia');
  });

  it('stores all of a file or nothing: a write that fails takes back the ones before it', () => {
    // Readers refuse a tag this long; given one anyway, the library's CHECK fails on the second annotation.
    const read = file([
      readOf('quick', { originalId: 'ok' }),
      readOf('lazy', { originalId: 'bad', tags: ['t'.repeat(101)] }),
    ]);
    expect(() => importAnnotations(db, read, now)).toThrow(/CHECK constraint failed/);
    expect(listAnnotations(db, articleId)).toEqual([]);
  });

  it('imports a copy within one file once, and reports the copy', () => {
    const report = importAnnotations(
      db,
      file([readOf('quick', { originalId: 'same' }), readOf('lazy', { originalId: 'same' })]),
      now,
    );
    expect(report).toMatchObject({ imported: 1, notImported: [{ reason: copyInFileReason, count: 1 }] });
  });

  it('keeps what the reader left out in the report', () => {
    const read = readAnnotationFile(new TextEncoder().encode(JSON.stringify([{ type: 'Annotation', target: source }])));
    expect(importAnnotations(db, read, now).notImported).toEqual(read.notImported);
  });

  it('writes the row createAnnotation writes for the same highlight (the times aside)', () => {
    const selectors = describeText(text, 6, 10);
    const made = createAnnotation(db, {
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      articleId,
      color: 'green',
      selectors,
      note: 'n',
    });
    storeImportedAnnotation(db, {
      id: 'aaaaaaaa-0000-4000-8000-000000000002',
      articleId,
      color: 'green',
      selectors,
      note: 'n',
      tags: [],
      createdAt: made.createdAt,
      updatedAt: made.updatedAt,
    });
    const [created, imported] = db.prepare('SELECT * FROM annotations ORDER BY id').all() as Record<string, unknown>[];
    expect({ ...imported, id: created!['id'] }).toEqual(created);
  });
});

describe('stableAnnotationId', () => {
  const annotation = readOf('quick');
  it('keeps a UUID (bare or urn:uuid:, in lower case) and maps any other id to a UUID v5 of the tool and id', () => {
    const uuid = '6F1C2B3A-4D5E-4F60-8A7B-9C0D1E2F3A4B';
    expect(stableAnnotationId('web-annotation', { ...annotation, originalId: `urn:uuid:${uuid}` })).toBe(
      uuid.toLowerCase(),
    );
    expect(stableAnnotationId('readwise-csv', { ...annotation, originalId: uuid })).toBe(uuid.toLowerCase());
    const hypothesis = stableAnnotationId('hypothesis', { ...annotation, originalId: 'Ab3dEf' });
    expect(hypothesis).toBe(nameBasedUuid('hypothesis Ab3dEf'));
    expect(hypothesis).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableAnnotationId('web-annotation', { ...annotation, originalId: 'Ab3dEf' })).not.toBe(hypothesis);
    // The nil UUID is no id: it is mapped like any other.
    expect(
      stableAnnotationId('web-annotation', {
        ...annotation,
        originalId: `urn:uuid:${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
      }),
    ).toMatch(/-5/);
  });

  it('without an id, derives one from source, quote, position and time, not from the note', () => {
    const plain = stableAnnotationId('readwise-csv', annotation);
    expect(stableAnnotationId('readwise-csv', { ...annotation, note: 'edited' })).toBe(plain);
    expect(stableAnnotationId('readwise-csv', { ...annotation, createdAt: '2025-01-01T00:00:00.000Z' })).not.toBe(
      plain,
    );
    expect(stableAnnotationId('readwise-csv', { ...annotation, source: 'https://x.org/' })).not.toBe(plain);
  });
});

describe("Marginalia's own CSV, imported after its JSON-LD", () => {
  it('finds the same highlights already there: the Highlight ID is the id the JSON-LD gave them', () => {
    const id = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const start = text.indexOf('lazy dog');
    importAnnotations(db, file([readOf('lazy dog', { originalId: `urn:uuid:${id}` })]), now);
    const csv = [
      'Highlight,Title,Author,URL,Note,Location,Date,Color,Tags,Highlight ID,Article ID',
      `lazy dog,T,A,${source},,${[...text.slice(0, start)].length},2026-01-01T00:00:00.000Z,yellow,,${id},1`,
      `quick brown,T,A,${source},a note,${[...text.slice(0, text.indexOf('quick'))].length},,green,"a, b",,1`,
    ].join('\r\n');
    expect(importAnnotations(db, readAnnotationFile(new TextEncoder().encode(csv)), now)).toMatchObject({
      imported: 1,
      alreadyThere: 1,
    });
    const quick = text.indexOf('quick brown');
    expect(listAnnotations(db, articleId)[0]).toMatchObject({
      color: 'green',
      note: 'a note',
      tags: ['a', 'b'],
      selectors: describeText(text, quick, quick + 'quick brown'.length),
    });
  });
});
