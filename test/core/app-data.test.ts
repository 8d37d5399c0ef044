import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { listArticles } from '../../db/articles.ts';
import { schemaVersion } from '../../db/migrate.ts';
import { type AppData, databaseFileName, openAppData } from '../../electron/core/app-data.ts';
import { defaultArticleSource } from '../../electron/core/default-article.ts';
import { parseTextArticle } from '../../electron/core/text-article.ts';
import { makeTempDir } from '../db/temp-dir.ts';

const seed = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');

let temp: ReturnType<typeof makeTempDir>;
const opened: AppData[] = [];

beforeEach(async () => {
  temp = makeTempDir();
});

afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  temp.cleanup();
});

function open(dir: string): AppData {
  const app = openAppData(dir, { log: (error) => expect.fail(`unexpected internal error: ${String(error)}`) });
  opened.push(app);
  return app;
}

describe('openAppData', () => {
  it('creates the data directory and a migrated database in it', async () => {
    const dir = path.join(temp.dir, 'nested', 'data');
    const app = open(dir);
    expect(app.db.name).toBe(path.join(dir, databaseFileName));
    expect(schemaVersion(app.db)).toBeGreaterThan(0);
  });

  it('seeds the default article from the shipped text, exactly once', async () => {
    const first = open(temp.dir);
    const seeded = listArticles(first.db);
    expect(seeded).toHaveLength(1);
    first.close();

    const second = open(temp.dir);
    expect(listArticles(second.db)).toEqual(seeded);

    const result = await second.dispatch('articles:get-default', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: { source: defaultArticleSource, format: 'text', ...parseTextArticle(seed) },
    });
  });

  it('closes idempotently', async () => {
    const app = open(temp.dir);
    app.close();
    expect(app.db.open).toBe(false);
    app.close();
  });
});
