import type { Database } from 'better-sqlite3';

import type { Article } from '../../common/model.ts';
import { getArticleBySource, insertArticle } from '../../db/articles.ts';
import { NotFoundError } from '../../db/errors.ts';
import { parseTextArticle } from './text-article.ts';

/** The `source` of the built-in article that ships with the app. */
export const defaultArticleSource = 'marginalia:default-article';

/** The built-in article; NotFoundError if ensureDefaultArticle has not run on this database. */
export function getDefaultArticle(db: Database): Article {
  const article = getArticleBySource(db, defaultArticleSource);
  if (!article) throw new NotFoundError('The default article is missing');
  return article;
}

/**
 * Stores the built-in article from its shipped text unless it is already there. An existing copy is never
 * replaced: the user's highlights are anchored to it, and replacing it is a re-import decision, not a startup one.
 */
export function ensureDefaultArticle(db: Database, seedText: string): Article {
  return (
    db
      .transaction(() => {
        const existing = getArticleBySource(db, defaultArticleSource);
        if (existing) return existing;
        const { title, content } = parseTextArticle(seedText);
        return insertArticle(db, { title, source: defaultArticleSource, format: 'text', content });
      })
      // IMMEDIATE takes the write lock before the check, so two processes starting together cannot both insert.
      .immediate()
  );
}
