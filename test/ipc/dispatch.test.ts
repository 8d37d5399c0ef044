import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Annotation, type Article, type ErrorCode, listChannels } from '../../common/contract.ts';
import { limits, type Selector } from '../../common/model.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { ensureDefaultArticle } from '../../electron/core/default-article.ts';
import { createDispatch, type Dispatch } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { selectorsAt } from '../db/fixtures.ts';
import { makeTempDir } from '../db/temp-dir.ts';

const seed = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');

/** A well-formed UUID that no annotation has. */
const unknownUuid = '00000000-0000-4000-8000-000000000000';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let dispatch: Dispatch;
let logged: unknown[];
let fixture: Fixture;

interface Fixture {
  article: Article;
  annotation: Annotation;
}

beforeEach(async () => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
  logged = [];
  dispatch = createDispatch(createHandlers(db), (error) => logged.push(error));
  const article = ensureDefaultArticle(db, seed);
  fixture = {
    article,
    annotation: expectOk<Annotation>(await dispatch('annotations:create', validCreate(article.id))),
  };
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

function expectOk<T>(result: Awaited<ReturnType<Dispatch>>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function validCreate(articleId: number, selectors: Selector[] = selectorsAt(0, 'Diplomats', '', ' from the')) {
  return { articleId, color: 'yellow', selectors };
}

/** Every row of every table plus the schema version, as one string: equal strings mean an unchanged database. */
function dump(): string {
  return JSON.stringify({
    version: db.pragma('user_version', { simple: true }),
    articles: db.prepare('SELECT * FROM articles ORDER BY id').raw().all(),
    annotations: db.prepare('SELECT * FROM annotations ORDER BY id').raw().all(),
  });
}

const quote = (exact: string, prefix = '', suffix = ''): Selector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix,
  suffix,
});
const position = (start: number, end: number): Selector => ({ type: 'TextPositionSelector', start, end });

interface BadCase {
  why: string;
  input: (f: Fixture) => unknown;
  code: ErrorCode;
  /** A fragment the message must contain; for field errors it starts with the field's path. */
  message: string;
}

const invalid = (why: string, input: (f: Fixture) => unknown, message: string): BadCase => ({
  why,
  input,
  code: 'invalid-input',
  message,
});
const notFound = (why: string, input: (f: Fixture) => unknown, message: string): BadCase => ({
  why,
  input,
  code: 'not-found',
  message,
});
const conflict = (why: string, input: (f: Fixture) => unknown, message: string): BadCase => ({
  why,
  input,
  code: 'conflict',
  message,
});

const create = (f: Fixture, change: Record<string, unknown>) => ({ ...validCreate(f.article.id), ...change });
const update = (f: Fixture, change: Record<string, unknown>) => ({ id: f.annotation.id, ...change });

/** Malformed input for every channel, keyed by wire name. A channel added to the contract fails until it has cases. */
const malformed: Record<string, BadCase[]> = {
  'articles:get-default': [
    invalid('an empty object', () => ({}), 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
    invalid('a number', () => 1, 'This call takes no input'),
  ],
  'articles:get-last-opened': [
    invalid('an empty object', () => ({}), 'This call takes no input'),
    invalid('an id', (f) => ({ id: f.article.id }), 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'articles:mark-opened': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('an id as a string', (f) => ({ id: String(f.article.id) }), 'id: Invalid input: expected number'),
    invalid('a negative id', () => ({ id: -3 }), 'An article id'),
    invalid('an extra field', (f) => ({ id: f.article.id, at: '2020-01-01' }), 'Unrecognized key: "at"'),
    notFound('an unknown article', (f) => ({ id: f.article.id + 1 }), 'No article with id'),
  ],
  'articles:list': [
    invalid('an empty object', () => ({}), 'This call takes no input'),
    invalid('a filter string', () => 'DROP TABLE articles', 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'articles:open-file': [
    invalid('an object', () => ({ path: '/etc/passwd' }), 'This call takes no input'),
    invalid('a path string', () => '/etc/passwd', 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'articles:get': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a missing id', () => ({}), 'id: Invalid input: expected number, received undefined'),
    invalid(
      'an id as a string',
      (f) => ({ id: String(f.article.id) }),
      'id: Invalid input: expected number, received string',
    ),
    invalid('a fractional id', () => ({ id: 1.5 }), 'An article id is a whole number'),
    invalid('a zero id', () => ({ id: 0 }), 'An article id is positive'),
    invalid('an extra field', (f) => ({ id: f.article.id, content: 'x' }), 'Unrecognized key: "content"'),
    notFound('an unknown article id', (f) => ({ id: f.article.id + 1 }), 'No article with id'),
  ],
  'annotations:list': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a missing article id', () => ({}), 'articleId: Invalid input: expected number, received undefined'),
    invalid(
      'an article id as a string',
      () => ({ articleId: '1' }),
      'articleId: Invalid input: expected number, received string',
    ),
    invalid('a negative article id', () => ({ articleId: -1 }), 'An article id is positive'),
    invalid('an extra field', (f) => ({ articleId: f.article.id, limit: 10 }), 'Unrecognized key: "limit"'),
    notFound('an unknown article id', (f) => ({ articleId: f.article.id + 1 }), 'No article with id'),
  ],
  'annotations:create': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('an array', () => [], 'expected object, received array'),
    invalid(
      'a missing colour',
      (f) => create(f, { color: undefined }),
      'The colour must be one of yellow, green, blue, pink, purple',
    ),
    invalid('an unknown colour', (f) => create(f, { color: 'red' }), 'The colour must be one of'),
    invalid(
      'missing selectors',
      (f) => create(f, { selectors: undefined }),
      'selectors: Invalid input: expected array',
    ),
    invalid(
      'selectors as a JSON string',
      (f) => create(f, { selectors: JSON.stringify(selectorsAt(0, 'D')) }),
      'selectors: Invalid input: expected array, received string',
    ),
    invalid('no selectors', (f) => create(f, { selectors: [] }), 'At least one selector is needed'),
    invalid(
      'no quote selector',
      (f) => create(f, { selectors: [position(0, 9)] }),
      'Exactly one TextQuoteSelector is needed',
    ),
    invalid(
      'two quote selectors',
      (f) => create(f, { selectors: [quote('Diplomats'), quote('Diplomats')] }),
      'Exactly one TextQuoteSelector is needed',
    ),
    invalid(
      'two position selectors',
      (f) => create(f, { selectors: [position(0, 9), position(0, 9)] }),
      'Exactly one TextQuoteSelector is needed. At most one TextPositionSelector',
    ),
    invalid(
      'three selectors',
      (f) => create(f, { selectors: [...selectorsAt(0, 'Diplomats'), quote('x')] }),
      'At most one quote and one position selector',
    ),
    invalid(
      'a position not matching the quote length',
      (f) => create(f, { selectors: [quote('Diplomats'), position(0, 5)] }),
      'The position selector does not span the quoted text',
    ),
    invalid(
      'a position ending before it starts',
      (f) => create(f, { selectors: [quote('D'), position(5, 4)] }),
      'A position selector must end after it starts',
    ),
    invalid(
      'a negative position',
      (f) => create(f, { selectors: [quote('D'), position(-1, 0)] }),
      'selectors.1.start: Too small',
    ),
    invalid(
      'a fractional position',
      (f) => create(f, { selectors: [quote('D'), position(0.5, 1.5)] }),
      'selectors.1.start: Invalid input: expected int',
    ),
    invalid('an empty quote', (f) => create(f, { selectors: [quote('')] }), 'The quote is empty'),
    invalid(
      'an oversized quote',
      (f) => create(f, { selectors: [quote('x'.repeat(limits.quoteMaxLength + 1))] }),
      `The quote is longer than ${limits.quoteMaxLength.toLocaleString('en-US')} characters`,
    ),
    invalid(
      'an oversized prefix',
      (f) => create(f, { selectors: [quote('D', 'p'.repeat(limits.affixMaxLength + 1))] }),
      `The prefix is longer than ${limits.affixMaxLength} characters`,
    ),
    invalid(
      'an oversized suffix',
      (f) => create(f, { selectors: [quote('D', '', 's'.repeat(limits.affixMaxLength + 1))] }),
      `The suffix is longer than ${limits.affixMaxLength} characters`,
    ),
    invalid(
      'a quote without its suffix',
      (f) => create(f, { selectors: [{ type: 'TextQuoteSelector', exact: 'D', prefix: '' }] }),
      'selectors.0.suffix: Invalid input: expected string, received undefined',
    ),
    invalid(
      'an extra field in a selector',
      (f) => create(f, { selectors: [{ ...quote('D'), refinedBy: {} }] }),
      'selectors.0: Unrecognized key: "refinedBy"',
    ),
    invalid(
      'an unknown selector type',
      (f) => create(f, { selectors: [quote('D'), { type: 'XPathSelector', value: '/p[1]' }] }),
      'selectors.1.type: Invalid discriminator value',
    ),
    invalid(
      'an oversized note',
      (f) => create(f, { note: 'n'.repeat(limits.noteMaxLength + 1) }),
      `The note is longer than ${limits.noteMaxLength.toLocaleString('en-US')} characters`,
    ),
    invalid(
      'a note that is not a string',
      (f) => create(f, { note: 42 }),
      'note: Invalid input: expected string, received number',
    ),
    invalid(
      'a missing article id',
      (f) => create(f, { articleId: undefined }),
      'articleId: Invalid input: expected number, received undefined',
    ),
    invalid(
      'an article id as a string',
      (f) => create(f, { articleId: String(f.article.id) }),
      'articleId: Invalid input: expected number, received string',
    ),
    invalid(
      'caller-chosen timestamps',
      (f) => create(f, { createdAt: '2020-01-01T00:00:00.000Z' }),
      'Unrecognized key: "createdAt"',
    ),
    notFound('an unknown article id', (f) => create(f, { articleId: f.article.id + 1 }), 'No article with id'),
    invalid('a chosen id that is not a UUID', (f) => create(f, { id: 'my-id' }), 'An annotation id is a UUID'),
    conflict('a chosen id that is taken', (f) => create(f, { id: f.annotation.id }), `An annotation with id`),
    conflict(
      'a chosen id that differs from a taken one only in case',
      (f) => create(f, { id: f.annotation.id.toUpperCase() }),
      'An annotation with id',
    ),
    invalid(
      'the nil UUID as its id',
      (f) => create(f, { id: '00000000-0000-0000-0000-000000000000' }),
      'The nil or max UUID cannot be an annotation id.',
    ),
    invalid(
      'a position far past the end of the article',
      (f) => create(f, { selectors: selectorsAt(19_999_000, 'Diplomats') }),
      'The highlight ends at character 19,999,009, past the end of this article (3,',
    ),
    invalid(
      'a position just past the end of the article',
      (f) => create(f, { selectors: selectorsAt(f.article.content.length - 3, 'ence') }),
      'past the end of this article',
    ),
    invalid(
      'a quote that is not the article’s text at its position',
      (f) => create(f, { selectors: selectorsAt(10, 'Diplomats') }),
      'The highlighted text is not what this article says at that place.',
    ),
    invalid(
      'a prefix that is not the text before the quote',
      (f) => create(f, { selectors: selectorsAt(f.article.content.indexOf('Geneva'), 'Geneva', 'talks Tuesday in ') }),
      'The text before the highlight is not what this article says there.',
    ),
    invalid(
      'a prefix longer than the text before the quote',
      (f) => create(f, { selectors: selectorsAt(0, 'Diplomats', 'Headline: ') }),
      'The text before the highlight is not what this article says there.',
    ),
    invalid(
      'a suffix that is not the text after the quote',
      (f) => create(f, { selectors: selectorsAt(0, 'Diplomats', '', ' to the') }),
      'The text after the highlight is not what this article says there.',
    ),
    invalid(
      'a quote without position that occurs nowhere in the article',
      (f) => create(f, { selectors: [quote('Zanzibar')] }),
      'The highlighted text does not occur in this article.',
    ),
    invalid(
      'a note with a lone surrogate',
      (f) => create(f, { note: 'a\uD800b' }),
      'The note contains a broken character (half of an emoji or symbol).',
    ),
    invalid(
      'a quote with a lone surrogate',
      (f) => create(f, { selectors: [quote('\uDC00')] }),
      'The quote contains a broken character',
    ),
  ],
  'annotations:update': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('nothing to change', (f) => update(f, {}), 'Nothing to update: give a colour, a note or selectors'),
    invalid('a missing id', () => ({ note: 'x' }), 'An annotation id is a UUID'),
    invalid('a non-UUID id', () => ({ id: 'not-a-uuid', note: 'x' }), 'An annotation id is a UUID'),
    invalid('a numeric id', () => ({ id: 1, note: 'x' }), 'An annotation id is a UUID'),
    invalid('an unknown colour', (f) => update(f, { color: 'red' }), 'The colour must be one of'),
    invalid(
      'an oversized note',
      (f) => update(f, { note: 'n'.repeat(limits.noteMaxLength + 1) }),
      `The note is longer than ${limits.noteMaxLength.toLocaleString('en-US')} characters`,
    ),
    invalid('a null note', (f) => update(f, { note: null }), 'note: Invalid input: expected string, received null'),
    invalid('empty selectors', (f) => update(f, { selectors: [] }), 'At least one selector is needed'),
    invalid(
      'selectors with no quote',
      (f) => update(f, { selectors: [position(0, 9)] }),
      'Exactly one TextQuoteSelector is needed',
    ),
    invalid(
      'selectors with two quotes',
      (f) => update(f, { selectors: [quote('a'), quote('b')] }),
      'Exactly one TextQuoteSelector is needed',
    ),
    invalid(
      'a position not matching the quote',
      (f) => update(f, { selectors: [quote('abc'), position(0, 4)] }),
      'The position selector does not span the quoted text',
    ),
    invalid(
      'an oversized prefix',
      (f) => update(f, { selectors: [quote('D', 'p'.repeat(limits.affixMaxLength + 1))] }),
      'The prefix is longer than',
    ),
    invalid(
      'an oversized quote',
      (f) => update(f, { selectors: [quote('x'.repeat(limits.quoteMaxLength + 1))] }),
      'The quote is longer than',
    ),
    invalid(
      'an extra field',
      (f) => update(f, { note: 'x', articleId: f.article.id }),
      'Unrecognized key: "articleId"',
    ),
    notFound(
      'an unknown but well-formed id',
      () => ({ id: unknownUuid, note: 'x' }),
      `No annotation with id ${unknownUuid}`,
    ),
    invalid(
      'the nil UUID',
      () => ({ id: '00000000-0000-0000-0000-000000000000', note: 'x' }),
      'The nil or max UUID cannot be an annotation id.',
    ),
    invalid(
      'a note with a lone surrogate',
      (f) => update(f, { note: 'emoji cut in half: \uD83D' }),
      'The note contains a broken character (half of an emoji or symbol).',
    ),
    invalid(
      'a re-attach past the end of the article',
      (f) => update(f, { selectors: selectorsAt(19_999_000, 'Diplomats') }),
      'past the end of this article',
    ),
    invalid(
      'a re-attach to text the article does not have there',
      (f) => update(f, { selectors: selectorsAt(1, 'Diplomats') }),
      'The highlighted text is not what this article says at that place.',
    ),
    invalid(
      'a re-attach whose context is not the article’s',
      (f) => update(f, { selectors: selectorsAt(0, 'Diplomats', '', 'X') }),
      'The text after the highlight is not what this article says there.',
    ),
  ],
  'annotations:import-file': [
    invalid('a path', () => ({ path: '/etc/passwd' }), 'This call takes no input'),
    invalid('a path string', () => '/home/reader/notes.json', 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'backups:list': [
    invalid('an empty object', () => ({}), 'This call takes no input'),
    invalid('a folder', () => '/home/reader', 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'backups:restore': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a path', () => ({ name: '/etc/passwd' }), 'That is not the name of a backup'),
    invalid('a path up', () => ({ name: '../marginalia-2026-12-02T07-15-03.123Z-quit.db' }), 'That is not the name'),
    invalid('another file', () => ({ name: 'marginalia.db' }), 'That is not the name of a backup'),
    invalid(
      'an extra field',
      () => ({ name: 'marginalia-2026-12-02T07-15-03.123Z-quit.db', to: 'x' }),
      'Unrecognized key',
    ),
  ],
  'export:run': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('an unknown format', () => ({ format: 'pdf' }), 'Export to Markdown, Web Annotation JSON or CSV'),
    invalid('no articles', () => ({ format: 'csv', articleIds: [] }), 'Choose at least one article to export.'),
    invalid('a path', () => ({ format: 'csv', destination: '/etc/cron.d/x' }), 'Unrecognized key: "destination"'),
    invalid('an id as a string', () => ({ format: 'csv', articleIds: ['1'] }), 'expected number, received string'),
  ],
  'search:query': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a missing text', () => ({}), 'text: Invalid input: expected string, received undefined'),
    invalid('a number', () => ({ text: 42 }), 'text: Invalid input: expected string, received number'),
    invalid('an over-long search', () => ({ text: 'x'.repeat(501) }), 'The search is longer than 500 characters.'),
    invalid('a lone surrogate', () => ({ text: 'a\uD800' }), 'The search contains a broken character'),
    invalid('an extra field', () => ({ text: 'x', sql: 'DROP TABLE articles' }), 'Unrecognized key: "sql"'),
  ],
  'articles:open-web-page': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a missing address', () => ({}), 'A web address is text.'),
    invalid('an empty address', () => ({ url: '   ' }), 'The web address is empty.'),
    invalid('an ftp address', () => ({ url: 'ftp://example.org/a' }), 'Only http and https pages can be opened'),
    invalid('a javascript: address', () => ({ url: 'javascript:alert(1)' }), 'not javascript:'),
    invalid('an over-long address', () => ({ url: `https://e.org/${'a'.repeat(5000)}` }), 'The web address is longer'),
    invalid('an extra field', () => ({ url: 'https://e.org', headers: {} }), 'Unrecognized key: "headers"'),
  ],
  'articles:open-dropped': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('no files', () => ({ paths: [] }), 'Nothing was dropped.'),
    invalid('a dropped item that is not a file', () => ({ paths: [''] }), 'A dropped item is not a file'),
    invalid('too many files', () => ({ paths: Array(21).fill('/tmp/a.txt') }), 'Drop at most 20 files at once.'),
    invalid('a path that is not text', () => ({ paths: [7] }), 'paths.0: Invalid input: expected string'),
  ],
  'articles:set-reading': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a missing position', (f) => ({ id: f.article.id }), 'reading: Invalid input: expected object'),
    invalid(
      'progress past the end',
      (f) => ({ id: f.article.id, reading: { offset: 0, progress: 1.5 } }),
      'Progress is between 0 and 1.',
    ),
    invalid(
      'a negative offset',
      (f) => ({ id: f.article.id, reading: { offset: -1, progress: 0 } }),
      'reading.offset: Too small',
    ),
    invalid(
      'an extra field',
      (f) => ({ id: f.article.id, reading: { offset: 0, progress: 0, pixels: 10 } }),
      'Unrecognized key: "pixels"',
    ),
    notFound(
      'an unknown article',
      (f) => ({ id: f.article.id + 1, reading: { offset: 0, progress: 0 } }),
      'No article with id',
    ),
  ],
  'articles:set-note': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid(
      'an oversized note',
      (f) => ({ id: f.article.id, note: 'n'.repeat(limits.noteMaxLength + 1) }),
      'The note is longer than',
    ),
    invalid('a lone surrogate', (f) => ({ id: f.article.id, note: 'a\uD800' }), 'The note contains a broken character'),
    notFound('an unknown article', (f) => ({ id: f.article.id + 1, note: 'x' }), 'No article with id'),
  ],
  'articles:delete': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a string id', () => ({ id: '1' }), 'id: Invalid input: expected number, received string'),
    invalid('an extra field', (f) => ({ id: f.article.id, force: true }), 'Unrecognized key: "force"'),
    notFound('an unknown article', (f) => ({ id: f.article.id + 1 }), 'No article with id'),
  ],
  'articles:restore': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a malformed token', () => ({ undoToken: 'x' }), 'This undo is not known.'),
    invalid('a numeric token', () => ({ undoToken: 1 }), 'undoToken: Invalid input: expected string'),
    notFound('a token never given', () => ({ undoToken: unknownUuid }), 'There is nothing to undo'),
  ],
  'annotations:restore': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a malformed token', () => ({ undoToken: 'x' }), 'This undo is not known.'),
    invalid('an extra field', () => ({ undoToken: unknownUuid, annotation: {} }), 'Unrecognized key: "annotation"'),
    notFound('a token never given', () => ({ undoToken: unknownUuid }), 'There is nothing to undo'),
  ],
  'annotations:undo-reattach': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a non-UUID id', () => ({ id: 'x' }), 'An annotation id is a UUID'),
    invalid(
      'selectors of the page’s own',
      (f) => ({ id: f.annotation.id, selectors: [] }),
      'Unrecognized key: "selectors"',
    ),
    notFound('a highlight never re-attached', (f) => ({ id: f.annotation.id }), 'There is nothing to undo'),
  ],
  'annotations:set-tags': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid(
      'tags as one string',
      (f) => ({ id: f.annotation.id, tags: 'a, b' }),
      'tags: Invalid input: expected array',
    ),
    invalid('an empty tag', (f) => ({ id: f.annotation.id, tags: ['  '] }), 'A tag cannot be empty.'),
    invalid(
      'a tag of control characters only',
      (f) => ({ id: f.annotation.id, tags: ['\u0000\u0001'] }),
      'A tag cannot be empty.',
    ),
    invalid(
      'an over-long tag',
      (f) => ({ id: f.annotation.id, tags: ['t'.repeat(limits.tagMaxLength + 1)] }),
      'A tag is longer than',
    ),
    invalid(
      'too many tags',
      (f) => ({ id: f.annotation.id, tags: Array.from({ length: limits.tagsPerAnnotation + 1 }, (_, i) => `t${i}`) }),
      'A highlight can have at most',
    ),
    notFound('an unknown highlight', () => ({ id: unknownUuid, tags: ['a'] }), `No annotation with id ${unknownUuid}`),
  ],
  'annotations:list-all': [
    invalid('an unknown colour', () => ({ colors: ['red'] }), 'The colour must be one of'),
    invalid('a page of none', () => ({ limit: 0 }), 'limit: Too small'),
    invalid('a page too large', () => ({ limit: 10_000 }), 'limit: Too big'),
    invalid('an extra field', () => ({ sort: 'oldest' }), 'Unrecognized key: "sort"'),
    invalid('a cursor this list never gave', () => ({ after: 'not a cursor' }), 'not a place in this list'),
  ],
  'settings:get': [
    invalid('an empty object', () => ({}), 'This call takes no input'),
    invalid('a theme', () => 'dark', 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'settings:set': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a theme that is none', () => ({ theme: 'neon' }), 'The theme is System, Light, Dark or Sepia'),
    invalid('a theme as a number', () => ({ theme: 1 }), 'The theme is System, Light, Dark or Sepia'),
    invalid('an unknown setting', () => ({ theme: 'dark', font: 'Comic Sans' }), 'Unrecognized key: "font"'),
    invalid('a sidebar as a word', () => ({ sidebarHidden: 'yes' }), 'The sidebar is shown or hidden (true or false).'),
    invalid('a font that is none', () => ({ fontFamily: 'Comic Sans' }), 'The font is Serif, Sans-serif, System'),
    invalid('a text size too small to read', () => ({ fontSize: 4 }), 'The text size goes from 12 px to 36 px.'),
    invalid('a text size as a word', () => ({ fontSize: 'large' }), 'The text size goes from 12 px to 36 px.'),
    invalid('a text size that is no number', () => ({ fontSize: Number.NaN }), 'The text size goes from 12 px'),
    invalid('lines on top of each other', () => ({ lineHeight: 0.5 }), 'The line spacing goes from 1.2 to 2.4.'),
    invalid('a column of ten characters', () => ({ columnWidth: 10 }), 'The column width goes from 40 characters'),
    invalid('an endless column', () => ({ columnWidth: Number.POSITIVE_INFINITY }), 'The column width goes from'),
    invalid('a zoom of 1000 %', () => ({ zoom: 10 }), 'The zoom goes from 50 % to 300 %.'),
    invalid('a sidebar of a sliver', () => ({ sidebarWidth: 20 }), 'The sidebar goes from 240 px wide to 640 px wide.'),
  ],
  'tags:list': [
    invalid('an empty object', () => ({}), 'This call takes no input'),
    invalid('a filter string', () => 'climate', 'This call takes no input'),
    invalid('null', () => null, 'This call takes no input'),
  ],
  'links:open': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a javascript: link', () => ({ url: 'javascript:alert(1)' }), 'Only http, https and mailto links'),
    invalid('a file link', () => ({ url: 'file:///etc/passwd' }), 'Only http, https and mailto links'),
    invalid('not an address', () => ({ url: 'click here' }), 'Only http, https and mailto links'),
  ],
  'menus:context': [
    invalid('no input', () => undefined, 'A context menu is for selected text or for a highlight'),
    invalid(
      'a menu of no kind',
      () => ({ kind: 'page', cited: 'x' }),
      'A context menu is for selected text or for a highlight',
    ),
    invalid(
      'a highlight without its colour',
      () => ({ kind: 'highlight', text: 'a', cited: 'a' }),
      'The colour must be one of',
    ),
    invalid(
      'a colour that is none',
      () => ({ kind: 'highlight', color: 'red', text: 'a', cited: 'a' }),
      'The colour must be one of',
    ),
    invalid('nothing to copy', () => ({ kind: 'selection', cited: '' }), 'There is no text to copy'),
    invalid(
      'a highlight without its text',
      () => ({ kind: 'highlight', color: 'blue', cited: 'a' }),
      'The text to copy is missing',
    ),
    invalid('an extra field', () => ({ kind: 'selection', cited: 'a', command: 'rm' }), 'Unrecognized key: "command"'),
  ],
  'annotations:delete': [
    invalid('no input', () => undefined, 'expected object, received undefined'),
    invalid('a missing id', () => ({}), 'An annotation id is a UUID'),
    invalid('a non-UUID id', () => ({ id: 'DROP TABLE annotations' }), 'An annotation id is a UUID'),
    invalid('a numeric id', () => ({ id: 7 }), 'An annotation id is a UUID'),
    invalid('an extra field', (f) => ({ id: f.annotation.id, force: true }), 'Unrecognized key: "force"'),
    notFound('an unknown but well-formed id', () => ({ id: unknownUuid }), `No annotation with id ${unknownUuid}`),
    invalid(
      'the nil UUID',
      () => ({ id: '00000000-0000-0000-0000-000000000000' }),
      'The nil or max UUID cannot be an annotation id.',
    ),
    invalid(
      'the max UUID, in either case',
      () => ({ id: 'FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF' }),
      'The nil or max UUID cannot be an annotation id.',
    ),
  ],
};

describe('malformed input', () => {
  it('has cases for exactly the channels of the contract', async () => {
    expect(Object.keys(malformed).sort()).toEqual(
      listChannels()
        .map(({ spec }) => spec.name)
        .sort(),
    );
  });

  describe.each(listChannels().map(({ spec }) => spec.name))('%s', (channel) => {
    it('has at least three malformed-input cases', async () => {
      expect(malformed[channel]?.length ?? 0).toBeGreaterThanOrEqual(3);
    });

    it.each(malformed[channel] ?? [])('refuses $why and changes nothing', async ({ input, code, message }) => {
      const before = dump();
      const result = await dispatch(channel, input(fixture));
      expect(result).toEqual({ ok: false, error: { code, message: expect.stringContaining(message) } });
      expect(dump()).toBe(before);
      expect(logged).toEqual([]);
    });
  });

  it('repeats only a short excerpt of what the caller sent', async () => {
    const hugeKey = 'k'.repeat(10_000_000);
    const byKey = await dispatch('annotations:update', {
      id: fixture.annotation.id,
      note: 'x',
      [hugeKey]: 1,
      other: 2,
      third: 3,
      fourth: 4,
    });
    expect(byKey).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (byKey.ok) return;
    expect(byKey.error.message.length).toBeLessThan(200);
    expect(byKey.error.message).toContain('(10,000,000 characters)');
    expect(byKey.error.message).toContain('and 1 more');
    const byChannel = await dispatch(`annotations:${'x'.repeat(10_000_000)}`, {});
    expect(byChannel.ok).toBe(false);
    if (!byChannel.ok) expect(byChannel.error.message.length).toBeLessThan(120);
  });

  it.each(['annotations:drop', 'sql:run', '', 'articles:get-default ', '__proto__', 'constructor'])(
    'refuses the unknown channel %j',
    async (channel) => {
      const before = dump();
      expect(await dispatch(channel, { id: fixture.annotation.id })).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: `unknown channel ${channel}` },
      });
      expect(dump()).toBe(before);
    },
  );
});

describe('well-formed calls', () => {
  it('undoing a re-attach is refused, changing nothing, once the highlight was moved again by something else', async () => {
    const id = fixture.annotation.id;
    const start = fixture.article.content.indexOf('Geneva');
    const moved = selectorsAt(start, 'Geneva');
    expectOk<Annotation>(await dispatch('annotations:update', { id, selectors: moved }));
    // A re-import re-anchoring it, say: main writes new selectors without the page asking.
    const elsewhere = JSON.stringify(selectorsAt(0, 'Diplomats'));
    db.prepare('UPDATE annotations SET selectors = ? WHERE id = ?').run(elsewhere, id);
    expect(await dispatch('annotations:undo-reattach', { id })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('has moved again') },
    });
    expect(db.prepare('SELECT selectors FROM annotations WHERE id = ?').pluck().get(id)).toBe(elsewhere);
  });

  it('get the default article and an article by id', async () => {
    const article = expectOk<Article>(await dispatch('articles:get-default', undefined));
    expect(article).toEqual(fixture.article);
    expect(article.title).toBe('US, Russia Hold Day-Long Talks Amid Ukraine Tensions');
    expect(expectOk<Article>(await dispatch('articles:get', { id: article.id }))).toEqual(article);
  });

  it('create → list → update note and colour → delete', async () => {
    const articleId = fixture.article.id;
    const start = fixture.article.content.indexOf('Geneva');
    const created = expectOk<Annotation>(
      await dispatch('annotations:create', {
        articleId,
        color: 'blue',
        selectors: selectorsAt(start, 'Geneva', 'talks Monday in ', ' about'),
        note: 'where',
      }),
    );
    expect(created).toMatchObject({ articleId, color: 'blue', note: 'where' });
    expect(expectOk<Annotation[]>(await dispatch('annotations:list', { articleId })).map((a) => a.id)).toEqual([
      fixture.annotation.id,
      created.id,
    ]);

    const noted = expectOk<Annotation>(await dispatch('annotations:update', { id: created.id, note: 'Switzerland' }));
    expect(noted).toMatchObject({ color: 'blue', note: 'Switzerland', selectors: created.selectors });
    const recoloured = expectOk<Annotation>(await dispatch('annotations:update', { id: created.id, color: 'pink' }));
    expect(recoloured).toMatchObject({ color: 'pink', note: 'Switzerland' });
    const cleared = expectOk<Annotation>(await dispatch('annotations:update', { id: created.id, note: '' }));
    expect(cleared.note).toBe('');

    expect(await dispatch('annotations:delete', { id: created.id })).toMatchObject({
      ok: true,
      value: { id: created.id },
    });
    expect(expectOk<Annotation[]>(await dispatch('annotations:list', { articleId })).map((a) => a.id)).toEqual([
      fixture.annotation.id,
    ]);
    expect(await dispatch('annotations:delete', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(logged).toEqual([]);
  });

  it('store a new annotation under the id the renderer chose', async () => {
    const id = '0b7f5a52-6f1e-4c53-9d0e-3a1f2b4c5d6e';
    const created = expectOk<Annotation>(
      await dispatch('annotations:create', { ...validCreate(fixture.article.id), id }),
    );
    expect(created.id).toBe(id);
    expect(
      expectOk<Annotation>(await dispatch('annotations:update', { id, note: 'typed before the reply' })).note,
    ).toBe('typed before the reply');
  });

  it('treat an id in upper case as the same annotation, stored in lower case', async () => {
    const id = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
    const created = expectOk<Annotation>(
      await dispatch('annotations:create', { ...validCreate(fixture.article.id), id }),
    );
    expect(created.id).toBe(id.toLowerCase());
    expect(expectOk<Annotation>(await dispatch('annotations:update', { id, note: 'same one' }))).toMatchObject({
      id: id.toLowerCase(),
      note: 'same one',
    });
    expect(await dispatch('annotations:delete', { id: id.toLowerCase() })).toMatchObject({
      ok: true,
      value: { id: id.toLowerCase() },
    });
    expect(await dispatch('annotations:delete', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('store a note with emoji, combining marks and right-to-left text exactly as typed', async () => {
    const note = 'שלום 👩🏽‍💻 e\u0301 مرحبا';
    expect(expectOk<Annotation>(await dispatch('annotations:update', { id: fixture.annotation.id, note })).note).toBe(
      note,
    );
    expect(expectOk<Annotation[]>(await dispatch('annotations:list', { articleId: fixture.article.id }))[0]?.note).toBe(
      note,
    );
  });

  it('accept limits exactly at the bound', async () => {
    const longQuote = 'x'.repeat(limits.quoteMaxLength);
    const prefix = 'p'.repeat(limits.affixLength);
    const suffix = 's'.repeat(limits.affixLength);
    const long = insertArticle(db, {
      title: 'Long',
      source: 'test:long',
      format: 'text',
      content: `${prefix}${longQuote}${suffix}`,
    });
    const created = await dispatch('annotations:create', {
      articleId: long.id,
      color: 'green',
      selectors: [
        quote(longQuote, prefix, suffix),
        position(limits.affixLength, limits.affixLength + longQuote.length),
      ],
      note: 'n'.repeat(limits.noteMaxLength),
    });
    expect(created.ok).toBe(true);
  });
});

describe('failures that are not the caller’s', () => {
  it('report a missing default article as not-found', async () => {
    const emptyDb = openDatabase(path.join(temp.dir, 'empty.db'));
    try {
      const emptyDispatch = createDispatch(createHandlers(emptyDb), (error) => logged.push(error));
      expect(await emptyDispatch('articles:get-default', undefined)).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'The default article is missing' },
      });
    } finally {
      closeDatabase(emptyDb, console.warn);
    }
  });

  it('report an unexpected error as internal and log it rather than swallow it', async () => {
    db.close();
    const result = await dispatch('annotations:list', { articleId: fixture.article.id });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong, and nothing was changed. The details are in Marginalia’s log.',
      },
    });
    expect(logged).toHaveLength(1);
  });
});
