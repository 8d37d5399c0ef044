import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Annotation } from '../../common/contract.ts';
import type { SearchResults } from '../../common/model.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { ensureDefaultArticle } from '../../electron/core/default-article.ts';
import { createDispatch, type Dispatch } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { selectorsIn } from '../db/fixtures.ts';
import { makeTempDir } from '../db/temp-dir.ts';

const seed = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');

let temp: ReturnType<typeof makeTempDir>;
let db: Database;
let dispatch: Dispatch;
let logged: unknown[];

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
  logged = [];
  dispatch = createDispatch(createHandlers(db), (error) => logged.push(error));
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

async function search(text: string): Promise<SearchResults> {
  const result = await dispatch('search:query', { text });
  if (!result.ok) throw new Error(`search failed: ${result.error.code}: ${result.error.message}`);
  return result.value as SearchResults;
}

describe('search:query', () => {
  it('finds the default article’s words, and a highlight and its note created through IPC', async () => {
    const article = ensureDefaultArticle(db, seed);
    const found = await search('diplomats');
    expect(found.groups.map((group) => group.articleId)).toEqual([article.id]);
    const text = found.groups[0]?.hits.find((hit) => hit.kind === 'text');
    expect(text?.kind === 'text' && article.content.slice(text.start, text.end).toLowerCase()).toBe('diplomats');

    const created = await dispatch('annotations:create', {
      articleId: article.id,
      color: 'yellow',
      selectors: selectorsIn(article.content, 'Diplomats'),
      note: 'Remember the okapi',
    });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as Annotation;
    expect((await search('okapi')).groups[0]?.hits).toEqual([
      {
        kind: 'note',
        annotationId: id,
        snippet: [
          { text: 'Remember the ', match: false },
          { text: 'okapi', match: true },
        ],
      },
    ]);
    await dispatch('annotations:delete', { id });
    expect((await search('okapi')).groups).toEqual([]);
  });

  it('answers query syntax and empty text with results or nothing, never an error', async () => {
    ensureDefaultArticle(db, seed);
    for (const text of ['"', 'AND', 'NEAR(', '*', '(', ')', '-', '"a" OR "b"', '😀', '', '  ']) {
      const result = await dispatch('search:query', { text });
      expect(result.ok, text).toBe(true);
    }
    expect(logged).toEqual([]);
  });
});
