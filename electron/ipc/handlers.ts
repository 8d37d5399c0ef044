import type { Database } from 'better-sqlite3';

import type { Handlers } from '../../common/contract.ts';
import { SelectorMismatchError } from '../../common/selector-fit.ts';
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from '../../db/annotations.ts';
import { getArticle, listLibrary } from '../../db/articles.ts';
import { ConflictError, NotFoundError, storageFailureOf } from '../../db/errors.ts';
import { searchLibrary } from '../../db/search.ts';
import { getDefaultArticle } from '../core/default-article.ts';
import { type ArticleFile, importTextArticle, UnreadableArticleError } from '../core/import-article.ts';
import { AppError } from './dispatch.ts';

/**
 * Runs a data-layer call, turning the errors a caller can act on into AppErrors with their code: not-found,
 * conflict, invalid-input, and the library's storage failures (a full disk, a read-only or locked file), worded
 * for the user. Data calls run in transactions, so when any of these is thrown nothing was changed.
 */
function reporting<T>(db: Database, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NotFoundError) throw new AppError('not-found', error.message);
    if (error instanceof ConflictError) throw new AppError('conflict', error.message);
    if (error instanceof SelectorMismatchError) throw new AppError('invalid-input', error.message);
    if (error instanceof UnreadableArticleError) throw new AppError('invalid-input', error.message);
    const storage = storageFailure(db, error);
    if (storage) throw storage;
    throw error;
  }
}

/** The AppError for a storage failure, naming the library's file, or undefined when the error is something else. */
function storageFailure(db: Database, error: unknown): AppError | undefined {
  const failure = storageFailureOf(error);
  if (!failure) return undefined;
  const file = db.name;
  switch (failure) {
    case 'disk-full':
      return new AppError(
        'disk-full',
        `The disk is full: your change was not saved. Free some space on the disk that holds ${file}, then try again.`,
      );
    case 'read-only':
      return new AppError(
        'storage',
        `Your library cannot be written: ${file} is read-only. Your change was not saved.`,
      );
    case 'locked':
      return new AppError(
        'storage',
        `Your library is busy: another program is using ${file}. Your change was not saved; try again in a moment.`,
      );
    case 'corrupt':
    case 'not-a-database':
      return new AppError(
        'storage',
        `Your library file ${file} is damaged, so nothing was changed. Restore it from a backup.`,
      );
    case 'cannot-open':
    case 'io':
      return new AppError(
        'storage',
        `The disk reported an error while Marginalia was reading or writing ${file}. Your change was not saved; if this keeps happening, check the disk.`,
      );
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
      getDefault: () => reporting(db, () => getDefaultArticle(db)),
      get: ({ id }) => reporting(db, () => getArticle(db, id)),
      list: () => reporting(db, () => listLibrary(db)),
      openFile: async () => {
        const file = await ports.pickArticleFile();
        return file ? reporting(db, () => importTextArticle(db, file)) : null;
      },
    },
    annotations: {
      list: ({ articleId }) => reporting(db, () => listAnnotations(db, articleId)),
      create: (input) => reporting(db, () => createAnnotation(db, input)),
      update: ({ id, ...patch }) => reporting(db, () => updateAnnotation(db, id, patch)),
      delete: ({ id }) => reporting(db, () => ({ id: deleteAnnotation(db, id).id })),
    },
    search: {
      query: ({ text }) => reporting(db, () => searchLibrary(db, text)),
    },
  };
}
