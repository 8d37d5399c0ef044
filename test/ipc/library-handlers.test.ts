import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { MarginaliaApi, Result } from '../../common/contract.ts';
import { limits } from '../../common/model.ts';
import { createAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { ensureDefaultArticle } from '../../electron/core/default-article.ts';
import { createDispatch } from '../../electron/ipc/dispatch.ts';
import { createHandlers, type HandlerPorts, noUserPorts } from '../../electron/ipc/handlers.ts';
import { selectorsIn } from '../db/fixtures.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';

const seed = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let api: MarginaliaApi;
/** What the stand-in dialogs saw and answered. */
let asked: string[];
let opened: string[];
let agree: boolean;
let openFails: boolean;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
  ensureDefaultArticle(db, seed);
  asked = [];
  opened = [];
  agree = true;
  openFails = false;
  const ports: HandlerPorts = {
    ...noUserPorts,
    confirmOpenLink: async (url) => {
      asked.push(url);
      return agree;
    },
    openExternal: async (url) => {
      if (openFails) throw new Error('xdg-open: no method available for opening');
      opened.push(url);
    },
  };
  api = dispatchApi(
    createDispatch(createHandlers(db, ports), (error) => expect.fail(`unexpected internal error: ${String(error)}`)),
  );
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function pageWithHighlights() {
  const article = insertArticle(db, {
    title: 'Field notes',
    source: 'file:///home/reader/field-notes.txt',
    format: 'text',
    content: 'The heron stood in the shallows.\n\nBy noon it flew off east.',
  });
  createAnnotation(db, { articleId: article.id, color: 'green', selectors: selectorsIn(article.content, 'heron') });
  createAnnotation(db, {
    articleId: article.id,
    color: 'blue',
    selectors: selectorsIn(article.content, 'flew off'),
    note: 'which way?',
  });
  return article;
}

describe('links from an article', () => {
  it('open in the browser only after the user agreed to the address shown', async () => {
    expect(ok(await api.links.open({ url: 'https://example.org/story?id=1' }))).toEqual({ opened: true });
    expect(asked).toEqual(['https://example.org/story?id=1']);
    expect(opened).toEqual(['https://example.org/story?id=1']);
    agree = false;
    expect(ok(await api.links.open({ url: 'mailto:editor@example.org' }))).toEqual({ opened: false });
    expect(opened).toEqual(['https://example.org/story?id=1']);
  });

  it('say so in the user’s words when the system cannot open one', async () => {
    openFails = true;
    expect(await api.links.open({ url: 'https://example.org/story' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Your system could not open it in a browser.' },
    });
    expect(await api.links.open({ url: 'mailto:editor@example.org' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Your system could not open it in a mail program.' },
    });
  });

  it('refuse any other kind of address without asking', async () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'not a url',
      'app://marginalia/',
    ]) {
      const result = await api.links.open({ url });
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringContaining('Only http, https and mailto links') },
      });
    }
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });
});

describe('deleting an article', () => {
  it('says what went with it, and Undo brings it all back', async () => {
    const article = pageWithHighlights();
    const deleted = ok(await api.articles.delete({ id: article.id }));
    expect(deleted).toMatchObject({ id: article.id, highlights: 2, notes: 1 });
    expect(ok(await api.articles.list()).map((entry) => entry.title)).not.toContain('Field notes');
    expect(await api.articles.get({ id: article.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    expect(ok(await api.articles.restore({ undoToken: deleted.undoToken }))).toEqual({ id: article.id });
    expect(ok(await api.annotations.list({ articleId: article.id })).map((a) => a.note)).toEqual(['', 'which way?']);
    // An undo is used once.
    expect(await api.articles.restore({ undoToken: deleted.undoToken })).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nothing to undo') },
    });
  });

  it('refuses the built-in article, which is always in the library', async () => {
    const builtIn = ok(await api.articles.getDefault());
    expect(await api.articles.delete({ id: builtIn.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The built-in article cannot be deleted: it is always in the library.' },
    });
    expect(ok(await api.articles.get({ id: builtIn.id })).id).toBe(builtIn.id);
  });

  it('keeps the last 50 deleted articles for Undo: an older one is refused in words, the others come back', async () => {
    const made = Array.from({ length: limits.undoArticles + 1 }, (_, i) =>
      insertArticle(db, {
        title: `Note ${i}`,
        source: `file:///home/reader/note-${i}.txt`,
        format: 'text',
        content: `Note ${i}.`,
      }),
    );
    const tokens: string[] = [];
    for (const article of made) tokens.push(ok(await api.articles.delete({ id: article.id })).undoToken);
    expect(await api.articles.restore({ undoToken: tokens[0]! })).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nothing to undo') },
    });
    expect(ok(await api.articles.restore({ undoToken: tokens[1]! }))).toEqual({ id: made[1]!.id });
    expect(ok(await api.articles.restore({ undoToken: tokens.at(-1)! }))).toEqual({ id: made.at(-1)!.id });
  });

  it('keeps the last 500 deleted highlights for Undo, and no more', async () => {
    const article = insertArticle(db, {
      title: 'Many',
      source: 'file:///home/reader/many.txt',
      format: 'text',
      content: Array.from({ length: limits.undoSteps + 1 }, (_, i) => `w${i}`).join(' '),
    });
    const tokens: string[] = [];
    for (let i = 0; i <= limits.undoSteps; i += 1) {
      const made = createAnnotation(db, {
        articleId: article.id,
        color: 'yellow',
        selectors: selectorsIn(article.content, `w${i}`),
      });
      tokens.push(ok(await api.annotations.delete({ id: made.id })).undoToken);
    }
    expect(await api.annotations.restore({ undoToken: tokens[0]! })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nothing to undo') },
    });
    expect(ok(await api.annotations.restore({ undoToken: tokens[1]! })).articleId).toBe(article.id);
  });

  it('refuses an unknown undo token', async () => {
    expect(await api.articles.restore({ undoToken: 'not-a-token' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('reading position and the article note', () => {
  it('are stored, and refused in clear words when malformed', async () => {
    const article = pageWithHighlights();
    expect(ok(await api.articles.setReading({ id: article.id, reading: { offset: 20, progress: 0.5 } }))).toBeNull();
    expect(ok(await api.articles.setNote({ id: article.id, note: 'Birds of the estuary' }))).toEqual({
      id: article.id,
      note: 'Birds of the estuary',
    });
    expect(ok(await api.articles.get({ id: article.id }))).toMatchObject({
      reading: { offset: 20, progress: 0.5 },
      note: 'Birds of the estuary',
    });
    expect(await api.articles.setReading({ id: article.id, reading: { offset: 20, progress: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('Progress is between 0 and 1') },
    });
    expect(await api.articles.setNote({ id: 999, note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('opening a web page', () => {
  it('refuses an address that is not an http or https page before fetching anything', async () => {
    for (const [url, message] of [
      ['', 'The web address is empty'],
      ['ftp://example.org/file', 'Only http and https pages can be opened, not ftp:'],
      ['javascript:alert(1)', 'Only http and https pages can be opened, not javascript:'],
      ['http://', 'is not a web address'],
    ] as const) {
      expect(await api.articles.openWebPage({ url })).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringContaining(message) },
      });
    }
  });
});
