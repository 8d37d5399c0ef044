import type { Database } from 'better-sqlite3';

import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from '../../db/annotations.ts';
import { getArticle } from '../../db/articles.ts';
import { ConflictError, NotFoundError } from '../../db/errors.ts';
import { getDefaultArticle } from '../core/default-article.ts';
import { type ArticleFile, importTextArticle, UnreadableArticleError } from '../core/import-article.ts';
import type { Handlers } from './contract.ts';
import { AppError } from './dispatch.ts';

/** Runs a data-layer call, turning its NotFoundError into the `not-found` AppError the caller sees. */
function reporting<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NotFoundError) throw new AppError('not-found', error.message);
    if (error instanceof ConflictError) throw new AppError('conflict', error.message);
    if (error instanceof UnreadableArticleError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}

/** What the handlers need from the platform: Electron's file dialog in the app, a stand-in in tests. */
export interface HandlerPorts {
  /** Lets the user choose an article file; undefined when they cancel. */
  pickArticleFile(): Promise<ArticleFile | undefined>;
}

/** Ports for a context with no user to ask: every file dialog is cancelled. */
export const noUserPorts: HandlerPorts = { pickArticleFile: async () => undefined };

/**
 * Every channel's implementation. Input has already passed the contract's schema in createDispatch, so each
 * handler only calls the data layer.
 */
export function createHandlers(db: Database, ports: HandlerPorts = noUserPorts): Handlers {
  return {
    articles: {
      getDefault: () => reporting(() => getDefaultArticle(db)),
      get: ({ id }) => reporting(() => getArticle(db, id)),
      openFile: async () => {
        const file = await ports.pickArticleFile();
        return file ? reporting(() => importTextArticle(db, file)) : null;
      },
    },
    annotations: {
      list: ({ articleId }) => reporting(() => listAnnotations(db, articleId)),
      create: (input) => reporting(() => createAnnotation(db, input)),
      update: ({ id, ...patch }) => reporting(() => updateAnnotation(db, id, patch)),
      delete: ({ id }) => reporting(() => ({ id: deleteAnnotation(db, id).id })),
    },
  };
}
