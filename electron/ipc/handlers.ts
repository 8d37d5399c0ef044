import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type { ContextMenuChoice, ContextMenuRequest } from '../../common/commands.ts';
import type { Annotation, Handlers, Selector } from '../../common/contract.ts';
import { type BackupEntry, type ExportFormat, limits, type RestoredBackup, type Settings } from '../../common/model.ts';
import { SelectorMismatchError } from '../../common/selector-fit.ts';
import { restoreDeletedAnnotation, restoreReplacedSelectors } from '../../db/annotation-undo.ts';
import {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  updateAnnotation,
} from '../../db/annotations.ts';
import { deleteArticle, type DeletedArticleSnapshot, restoreArticle } from '../../db/article-deletion.ts';
import {
  getArticle,
  getLastOpenedArticle,
  listLibrary,
  markArticleOpened,
  setArticleNote,
  setReadingPosition,
} from '../../db/articles.ts';
import { ConflictError, NotFoundError, storageFailureOf } from '../../db/errors.ts';
import { InvalidCursorError, listAllHighlights } from '../../db/highlights.ts';
import { searchLibrary } from '../../db/search.ts';
import { getSettings, setSettings } from '../../db/settings.ts';
import { listTagCounts, setTags } from '../../db/tags.ts';
import { AnnotationFileError } from '../core/annotation-import/types.ts';
import { defaultArticleSource, getDefaultArticle } from '../core/default-article.ts';
import { ExportFailedError, exportLibrary, suggestedExportName } from '../core/export-library.ts';
import { hasArticleExtension, unsupportedTypeMessage } from '../core/import/article-types.ts';
import { ImportRunner } from '../core/import/import-runner.ts';
import { ImportRefusedError } from '../core/import/types.ts';
import { importAnnotationFile } from '../core/import-annotation-file.ts';
import { openArticleFile, openArticleFiles, openWebPage } from '../core/open-article.ts';
import { addressSpaceOfPage, type ResolveHost } from '../core/web/address-space.ts';
import { PageFetchError } from '../core/web/fetch-page.ts';
import { AppError } from './dispatch.ts';
import { RecentUndo } from './recent-undo.ts';

/**
 * Runs a data-layer call, turning the errors a caller can act on into AppErrors with their code: not-found,
 * conflict, invalid-input, and the library's storage failures (a full disk, a read-only or locked file), worded
 * for the user. Data calls run in transactions, so when any of these is thrown nothing was changed.
 */
function sameSelectors(a: readonly Selector[], b: readonly Selector[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function reporting<T>(db: Database, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NotFoundError) throw new AppError('not-found', error.message);
    if (error instanceof ConflictError) throw new AppError('conflict', error.message);
    if (error instanceof SelectorMismatchError) throw new AppError('invalid-input', error.message);
    if (error instanceof ImportRefusedError) throw new AppError('invalid-input', error.message);
    if (error instanceof ExportFailedError) throw new AppError('storage', error.message);
    if (error instanceof AnnotationFileError) throw new AppError('invalid-input', error.message);
    if (error instanceof InvalidCursorError) {
      throw new AppError('invalid-input', 'That is not a place in this list: load the highlights again.');
    }
    // A page that is not one Marginalia can open (not HTML, too large, a bad address) is the input's fault; one that
    // could not be had (offline, 404, a timeout, a redirect loop) was not found.
    if (error instanceof PageFetchError) {
      const refused = error.reason === 'not-html' || error.reason === 'too-large' || error.reason === 'bad-address';
      throw new AppError(refused ? 'invalid-input' : 'not-found', error.message);
    }
    if (error instanceof AppError) throw error;
    const storage = storageFailure(db, error);
    if (storage) throw storage;
    throw error;
  }
}

/** `reporting` for calls that wait (reading a file, fetching a page) before they write. */
async function reportingAsync<T>(db: Database, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return reporting(db, () => {
      throw error;
    });
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

/** What the handlers need from the platform: Electron's dialogs and shell in the app, stand-ins in tests. */
export interface HandlerPorts {
  /** Lets the user choose an article file; its path, or undefined when they cancel. */
  pickArticleFile(): Promise<string | undefined>;
  /** Lets the user choose an annotation file to import; its path, or undefined when they cancel. */
  pickAnnotationFile(): Promise<string | undefined>;
  /** Shows the user a link's address and asks whether to open it in the browser. */
  confirmOpenLink(url: string): Promise<boolean>;
  /** Opens an http, https or mailto link in the system's browser or mail program. */
  openExternal(url: string): Promise<void>;
  /** How to reach the web; Node's fetch unless a test passes its own. */
  fetch?: typeof globalThis.fetch;
  /** How host names are resolved to tell where they lead; the system's resolver unless a test passes its own. */
  resolveHost?: ResolveHost;
  /**
   * Asks the user whether to open a web address inside their own network or on this computer (the page that asked
   * may have been taken over, and the answer would come back to it); true to open it.
   */
  confirmInsideAddress(url: string, space: 'private' | 'local'): Promise<boolean>;
  /** The library's backups (main's LibraryBackups): listed from the data folder, and restored by closing and reopening it. */
  listBackups(): Promise<BackupEntry[]>;
  /** Restores the listed backup of this name; NotFoundError when there is none, AppError when it cannot be restored. */
  restoreBackup(name: string): Promise<RestoredBackup>;
  /**
   * Asks the user where an export goes: a folder for Markdown (one file per article), a file otherwise, suggesting
   * `suggestedName`. undefined when they cancel.
   */
  pickExportDestination(format: ExportFormat, suggestedName: string): Promise<string | undefined>;
  /** Shows the native context menu for `request` beside the pointer; what the user chose, or null when dismissed. */
  showContextMenu(request: ContextMenuRequest): Promise<ContextMenuChoice | null>;
  /**
   * The page changed settings and they are stored (`settings` is all of them now): main applies what is its own to
   * apply (the window's zoom) and shows the new state in its menus (the theme, the sidebar).
   */
  settingsChanged(settings: Settings): void;
}

/** Ports for a context with no user to ask: every dialog is cancelled and every link declined. */
export const noUserPorts: HandlerPorts = {
  pickArticleFile: async () => undefined,
  pickAnnotationFile: async () => undefined,
  confirmInsideAddress: async () => false,
  listBackups: async () => [],
  restoreBackup: async () => {
    throw new AppError('not-found', 'There is no backup of that name.');
  },
  pickExportDestination: async () => undefined,
  showContextMenu: async () => null,
  settingsChanged: () => undefined,
  confirmOpenLink: async () => false,
  openExternal: async () => undefined,
};

/**
 * Every channel's implementation. Input has already passed the contract's schema in createDispatch, so each
 * handler only calls the data layer.
 */
export function createHandlers(
  db: Database,
  ports: HandlerPorts = noUserPorts,
  importer: ImportRunner = new ImportRunner(),
): Handlers {
  const deps = { importer, fetch: ports.fetch, resolveHost: ports.resolveHost };
  // Deleted articles, until the app closes, so Undo can bring them back (db/article-deletion.ts).
  const deleted = new RecentUndo<DeletedArticleSnapshot>(limits.undoArticles);
  // Deleted highlights, as they were, for the same reason (Undo of a delete, or of making one).
  const deletedAnnotations = new RecentUndo<Annotation>(limits.undoSteps);
  // What each re-attach replaced, latest last, so Undo can put an orphan's own selectors back (they no longer fit
  // the text, so the page could not send them as an update).
  const reattached = new RecentUndo<Array<{ replaced: Selector[]; by: Selector[] }>>(limits.undoSteps);
  return {
    articles: {
      getDefault: () => reporting(db, () => getDefaultArticle(db)),
      get: ({ id }) => reporting(db, () => getArticle(db, id)),
      getLastOpened: () => reporting(db, () => getLastOpenedArticle(db) ?? getDefaultArticle(db)),
      markOpened: ({ id }) =>
        reporting(db, () => {
          markArticleOpened(db, id);
          return null;
        }),
      list: () => reporting(db, () => listLibrary(db)),
      openFile: async () => {
        const filePath = await ports.pickArticleFile();
        return filePath ? reportingAsync(db, () => openArticleFile(db, filePath, deps)) : null;
      },
      openWebPage: ({ url }) =>
        reportingAsync(db, async () => {
          // Main asks, not the page: an address inside the user's network opens only once the user says so here.
          const space = await addressSpaceOfPage(new URL(url), { resolveHost: ports.resolveHost });
          if (space !== 'public' && !(await ports.confirmInsideAddress(url, space))) {
            throw new AppError('forbidden', `${url} was not opened: it is on your own network or this computer.`);
          }
          return openWebPage(db, url, deps, space);
        }),
      openDropped: ({ paths }) =>
        reportingAsync(db, async () => {
          const wrongType = paths.filter((filePath) => !hasArticleExtension(filePath));
          const result = await openArticleFiles(
            db,
            paths.filter((filePath) => hasArticleExtension(filePath)),
            deps,
          );
          const refused = wrongType.map((file) => ({ file, reason: unsupportedTypeMessage(file) }));
          return { opened: result.opened, refused: [...refused, ...result.refused] };
        }),
      setReading: ({ id, reading }) =>
        reporting(db, () => {
          setReadingPosition(db, id, reading);
          return null;
        }),
      setNote: ({ id, note }) => reporting(db, () => setArticleNote(db, id, note)),
      delete: ({ id }) =>
        reporting(db, () => {
          if (getArticle(db, id).source === defaultArticleSource) {
            throw new AppError('forbidden', 'The built-in article cannot be deleted: it is always in the library.');
          }
          const snapshot = deleteArticle(db, id);
          const undoToken = randomUUID();
          deleted.set(undoToken, snapshot);
          return { id, highlights: snapshot.highlights, notes: snapshot.notes, undoToken };
        }),
      restore: ({ undoToken }) =>
        reporting(db, () => {
          const snapshot = deleted.get(undoToken);
          if (!snapshot)
            throw new NotFoundError(
              'There is nothing to undo: that article was not deleted since Marginalia started, or was deleted too long ago.',
            );
          const restored = restoreArticle(db, snapshot);
          deleted.delete(undoToken);
          return restored;
        }),
    },
    annotations: {
      list: ({ articleId }) => reporting(db, () => listAnnotations(db, articleId)),
      create: (input) => reporting(db, () => createAnnotation(db, input)),
      update: ({ id, ...patch }) =>
        reporting(db, () => {
          const replaced = patch.selectors && getAnnotation(db, id).selectors;
          const updated = updateAnnotation(db, id, patch);
          if (replaced) {
            const earlier = (reattached.get(id) ?? []).slice(1 - limits.undoSteps);
            reattached.set(id, [...earlier, { replaced, by: updated.selectors }]);
          }
          return updated;
        }),
      undoReattach: ({ id }) =>
        reporting(db, () => {
          const last = reattached.get(id)?.at(-1);
          // Only the latest re-attach, and only while its selectors are still the stored ones: never over a newer change.
          if (!last || !sameSelectors(getAnnotation(db, id).selectors, last.by)) {
            throw new NotFoundError(
              'There is nothing to undo: that highlight was not re-attached since, or has moved again.',
            );
          }
          const restored = restoreReplacedSelectors(db, id, last.replaced);
          reattached.get(id)?.pop();
          return restored;
        }),
      delete: ({ id }) =>
        reporting(db, () => {
          const annotation = deleteAnnotation(db, id);
          const undoToken = randomUUID();
          deletedAnnotations.set(undoToken, annotation);
          return { id: annotation.id, undoToken };
        }),
      restore: ({ undoToken }) =>
        reporting(db, () => {
          const annotation = deletedAnnotations.get(undoToken);
          if (!annotation) {
            throw new NotFoundError(
              'There is nothing to undo: that highlight was not deleted since Marginalia started, or was deleted too long ago.',
            );
          }
          const restored = restoreDeletedAnnotation(db, annotation);
          deletedAnnotations.delete(undoToken);
          return restored;
        }),
      setTags: ({ id, tags }) =>
        reporting(db, () => {
          setTags(db, id, tags);
          return getAnnotation(db, id);
        }),
      listAll: (filter) => reporting(db, () => listAllHighlights(db, filter)),
      importFile: async () => {
        const filePath = await ports.pickAnnotationFile();
        return filePath ? reportingAsync(db, () => importAnnotationFile(db, filePath)) : null;
      },
    },
    tags: {
      list: () => reporting(db, () => listTagCounts(db)),
    },
    links: {
      open: async ({ url }) => {
        if (!(await ports.confirmOpenLink(url))) return { opened: false };
        try {
          await ports.openExternal(url);
        } catch {
          // The system has no browser or mail program for it, or it would not start: nothing Marginalia can fix.
          const program = /^mailto:/i.test(url) ? 'mail program' : 'browser';
          throw new AppError('not-found', `Your system could not open it in a ${program}.`);
        }
        return { opened: true };
      },
    },
    backups: {
      list: () => ports.listBackups(),
      restore: ({ name }) => ports.restoreBackup(name),
    },
    export: {
      run: async ({ format, articleIds }) => {
        const destination = await ports.pickExportDestination(format, suggestedExportName(format));
        if (!destination) return null;
        return reportingAsync(db, () => exportLibrary(db, { format, articleIds, destination }));
      },
    },
    search: {
      query: ({ text }) => reporting(db, () => searchLibrary(db, text)),
    },
    settings: {
      get: () => reporting(db, () => getSettings(db)),
      set: (patch) => {
        const settings = reporting(db, () => setSettings(db, patch));
        ports.settingsChanged(settings);
        return settings;
      },
    },
    menus: {
      context: (request) => ports.showContextMenu(request),
    },
  };
}
