import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { Article } from '../../../common/model.ts';
import { insertArticle } from '../../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../../db/connection.ts';
import { makeTempDir } from '../../db/temp-dir.ts';

/** A library in a fresh temp folder, real SQLite, and the way to close and remove it. */
export function openTempLibrary(): { db: Database; close(): void } {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(path.join(dir, 'marginalia.db'));
  return {
    db,
    close: () => {
      closeDatabase(db, () => {});
      cleanup();
    },
  };
}

/** A plain-text article with this source and text. */
export function addArticle(db: Database, source: string, content: string): Article {
  return insertArticle(db, { title: `Article at ${source}`, source, format: 'text', content });
}
