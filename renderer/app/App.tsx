import '../painting/highlights.css';
import '../styles/app.css';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { MarginaliaApi, OpenedArticle } from '../../common/contract.ts';
import type { LibraryEntry } from '../../common/model.ts';
import { unwrap } from './api.ts';
import { useCurrentArticle } from './articles/use-current-article.ts';
import { useLinksFromOutside, useOpenedFromOutside } from './articles/use-opened-from-outside.ts';
import { BackupsDialog } from './backups/BackupsDialog.tsx';
import { useMenuCommands } from './commands/use-menu-commands.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { ExportDialog, exportedLine, importedLines } from './export/ExportDialog.tsx';
import { AllHighlightsDialog } from './highlights/AllHighlightsDialog.tsx';
import {
  isAllHighlightsShortcut,
  isLibraryShortcut,
  isOpenFileShortcut,
  isRedoShortcut,
  isSearchShortcut,
  isSidebarShortcut,
  isTyping,
  isUndoShortcut,
  isWebPageShortcut,
} from './keyboard.ts';
import { LibraryDialog } from './library/LibraryDialog.tsx';
import { useFileDrop } from './library/use-file-drop.ts';
import type { LibraryListing } from './library/use-library.ts';
import { Reader, type RevealRequest } from './reader/Reader.tsx';
import { ReadingProgress } from './reader/reading-progress.ts';
import { type SearchChoice, SearchDialog } from './search/SearchDialog.tsx';
import { TextSettingsDialog } from './theme/TextSettingsDialog.tsx';
import { useSettings } from './theme/use-settings.ts';
import { type ArticleDeletionContext, articleDeletionStep, libraryOwner } from './undo/article-deletion-step.ts';
import { type Replayed, UndoGoneError, UndoHistory } from './undo/undo-history.ts';
import { OpenWebPageDialog } from './web/OpenWebPageDialog.tsx';

/** A search hit on its way to the reader (or null: just the article), and which article must be open to show it. */
interface PendingReveal extends RevealRequest {
  readonly articleId: number;
}

/** The one dialog over the window at a time, if any. */
type Modal = 'search' | 'library' | 'web' | 'highlights' | 'export' | 'backups' | 'text' | null;

/**
 * The whole window: a header to open files and web pages, search and list the library, window-wide notices, and the
 * reader for the current article. Files dropped anywhere on it open too, as do articles main opens by itself.
 */
export function App({ api }: { api: MarginaliaApi }) {
  const current = useCurrentArticle(api);
  const { view, openFile, openArticle, showOpened, openDropped, notice } = current;
  const [modal, setModal] = useState<Modal>(null);
  const [history] = useState(() => new UndoHistory());
  const [progress] = useState(() => new ReadingProgress());
  const [reveal, setReveal] = useState<PendingReveal | null>(null);
  /** Where focus was when a dialog opened, to give it back on Escape (also after switching from one to the other). */
  const opener = useRef<Element | null>(null);
  const nonce = useRef(0);
  const shownArticle = view.kind === 'ready' ? view.article.id : null;
  /** What work started earlier (an undo, main's push) must see now: the article shown and the dialog open. */
  const latest = useRef({ shownArticle, showingDefault: current.showingDefault, modal });
  useEffect(() => {
    latest.current = { shownArticle, showingDefault: current.showingDefault, modal };
  });

  const openModal = useCallback((which: Exclude<Modal, null>) => {
    setModal((open) => {
      if (open === null) opener.current = document.activeElement;
      return which;
    });
  }, []);
  const openSearch = useCallback(() => openModal('search'), [openModal]);
  const openWebPage = useCallback(() => openModal('web'), [openModal]);
  const openAllHighlights = useCallback(() => openModal('highlights'), [openModal]);
  const openExport = useCallback(() => openModal('export'), [openModal]);
  const openBackups = useCallback(() => openModal('backups'), [openModal]);
  const openTextSettings = useCallback(() => openModal('text'), [openModal]);
  // The library is listed afresh on every opening: counts change as the user highlights.
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const openLibrary = useCallback(() => {
    setListing(api.articles.list());
    openModal('library');
  }, [api, openModal]);

  // Ctrl/⌘+Z undoes what the notice reports (a deletion) until the user types somewhere after it appeared: from
  // then on, in a text field, it is that field's own undo again.
  // It is also no longer the latest change once the user changes a highlight: then Ctrl/⌘+Z undoes that first.
  const typedSinceNotice = useRef(false);
  const recordedAtNotice = useRef(0);
  useEffect(() => {
    typedSinceNotice.current = false;
    recordedAtNotice.current = history.recorded;
  }, [notice, history]);
  useEffect(() => {
    const onInput = () => {
      typedSinceNotice.current = true;
    };
    window.addEventListener('input', onInput, true);
    return () => window.removeEventListener('input', onInput, true);
  }, []);

  const { showNotice, showError } = current;
  const { settings, change: changeSettings } = useSettings(api, showError);
  const keepSidebarWidth = useCallback((width: number) => changeSettings('sidebarWidth', width), [changeSettings]);
  const toggleSidebar = useCallback(
    () => changeSettings('sidebarHidden', !settings.sidebarHidden),
    [changeSettings, settings.sidebarHidden],
  );
  /**
   * Says what an undo or redo did, or that there was nothing to do (the window's notice is a polite live region);
   * `sayNothing` false keeps quiet then (a notice's Undo pressed twice: the first press has already said it).
   */
  const replayed = useCallback(
    async (replay: Promise<Replayed>, done: 'Undone' | 'Redone', sayNothing = true) => {
      try {
        const step = await replay;
        if (!step && !sayNothing) return;
        const label = step && step.label.charAt(0).toLowerCase() + step.label.slice(1);
        showNotice({
          lines: [step ? (step.message ?? `${done}: ${label}.`) : `Nothing to ${done === 'Undone' ? 'undo' : 'redo'}.`],
        });
      } catch (error) {
        // The reader's status area already says why main refused it; this says only what became of the step.
        const lines =
          error instanceof UndoGoneError
            ? [
                `Not ${done.toLowerCase()}: ${error.message}. It is left out; pressing again goes on with the change ` +
                  `${done === 'Undone' ? 'before' : 'after'} it.`,
              ]
            : [`Not ${done.toLowerCase()}: that change could not be saved. Press again to retry.`];
        showNotice({ lines });
      }
    },
    [showNotice],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isSearchShortcut(event)) {
        event.preventDefault();
        openSearch();
      } else if (isLibraryShortcut(event)) {
        event.preventDefault();
        openLibrary();
      } else if (isAllHighlightsShortcut(event)) {
        event.preventDefault();
        openAllHighlights();
      } else if (isWebPageShortcut(event)) {
        event.preventDefault();
        openWebPage();
      } else if (isOpenFileShortcut(event)) {
        event.preventDefault();
        openFile();
      } else if (isSidebarShortcut(event) && latest.current.modal === null) {
        event.preventDefault();
        toggleSidebar();
      } else if (
        isUndoShortcut(event) &&
        notice?.undo &&
        history.recorded === recordedAtNotice.current &&
        !(isTyping(event) && typedSinceNotice.current)
      ) {
        event.preventDefault();
        notice.undo();
      } else if ((isUndoShortcut(event) || isRedoShortcut(event)) && !isTyping(event)) {
        // In a text field the keys are the field's own undo; changes are undone from anywhere else. Not behind a
        // dialog, where the change would happen out of sight, except an article's deletion in the library, which
        // the library shows.
        const redo = isRedoShortcut(event);
        const open = latest.current.modal;
        if (open !== null && !(open === 'library' && history.next(redo ? 'redo' : 'undo')?.owner === libraryOwner)) {
          return;
        }
        event.preventDefault();
        void replayed(redo ? history.redo() : history.undo(), redo ? 'Redone' : 'Undone');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openFile, openSearch, openLibrary, openWebPage, openAllHighlights, notice, history, replayed, toggleSidebar]);

  // The application menu's commands run what the header and the keys run (Undo and Redo replay their keys).
  useMenuCommands({
    openFile,
    openWebPage,
    openLibrary,
    openAllHighlights,
    openExport,
    openBackups,
    openSearch,
    toggleSidebar,
    changeTheme: (theme) => changeSettings('theme', theme),
  });

  /** Where focus goes once a dialog has closed and the window is no longer inert; null leaves it alone. */
  const restoreTo = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (modal !== null) return;
    const back = restoreTo.current;
    restoreTo.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }, [modal]);

  const closeModal = () => {
    restoreTo.current = opener.current;
    opener.current = null;
    setModal(null);
  };

  /**
   * Closes the dialog and shows the article at `hit` (null: where the user left it); focus goes to the article, or
   * back where it was if it fails. Another article is fetched first, and the dialog closes in the same render that
   * shows it: closing it at once restyled the whole page under it, the article about to go, for nothing (about 50 ms
   * for a long one, npm run bench open-article-*).
   */
  const choose = ({ articleId, hit }: SearchChoice | { readonly articleId: number; readonly hit: null }) => {
    const back = opener.current;
    const close = () => {
      opener.current = null;
      setModal(null);
    };
    nonce.current += 1;
    setReveal({ articleId, hit, nonce: nonce.current });
    if (view.kind === 'ready' && view.article.id === articleId) {
      close();
      return;
    }
    const asked = nonce.current;
    void openArticle(articleId, null, close).then((shown) => {
      // Not shown: the dialog closes and focus goes back where it was, once the window is no longer inert; unless a
      // later choice, or a page opened meanwhile, has taken over.
      if (shown || nonce.current !== asked) return;
      setReveal((r) => (r?.nonce === asked ? null : r));
      restoreTo.current = back;
      close();
    });
  };

  // The library opens an article where the user left it (the reader then focuses it); the article already open
  // stays where it is.
  const chooseArticle = (articleId: number) => choose({ articleId, hit: null });

  /** A page main fetched from the web dialog: the dialog closes and the article opens with focus. */
  const onWebPageOpened = (opened: OpenedArticle) => {
    setModal(null);
    opener.current = null;
    showOpened(opened);
    nonce.current += 1;
    setReveal({ articleId: opened.article.id, hit: null, nonce: nonce.current });
  };

  // An article main opened by itself goes the same way as one opened here; a dialog in its way is closed, since the
  // user has just asked (from outside) to see that article.
  useOpenedFromOutside((opened) => {
    if (latest.current.modal !== null) closeModal();
    showOpened(opened);
  });
  // A marginalia:// link (from an exported note): its article, at its highlight, as if chosen from search.
  useLinksFromOutside(({ articleId, annotationId }) => {
    if (latest.current.modal !== null) closeModal();
    choose({ articleId, hit: annotationId ? { kind: 'quote', annotationId, snippet: [] } : null });
  });

  const dragging = useFileDrop(modal === null, openDropped);

  const onRevealed = useCallback((done: number) => setReveal((r) => (r?.nonce === done ? null : r)), []);

  const { openDefault } = current;
  /** How an article deletion is undone and redone (undo/article-deletion-step.ts), from what this window shows. */
  const deletionContext: ArticleDeletionContext = {
    api,
    shown: () => latest.current,
    openDefault: (message) => openDefault({ lines: [message] }),
    openArticle: (id, message) => openArticle(id, { lines: [message] }),
    changed: () => {
      if (latest.current.modal === 'library') setListing(api.articles.list());
    },
    showError,
  };

  /**
   * Deletes an article the user agreed to delete; Ctrl/⌘+Z or the notice's Undo brings it back, Ctrl/⌘+Shift+Z
   * deletes it again. Rejects (for the dialog) if main refuses.
   */
  const deleteArticle = async (entry: LibraryEntry) => {
    const wasOpen = latest.current.shownArticle === entry.id;
    const deleting = api.articles.delete({ id: entry.id }).then(unwrap);
    const step = articleDeletionStep(deletionContext, entry.title, entry.id, deleting, wasOpen);
    history.record(step);
    try {
      await deleting;
    } catch (reason) {
      // Not deleted: nothing to undo. (An undo already waiting on it fails and says so.)
      history.drop(step);
      throw reason;
    }
    const deletedNotice = {
      lines: [`Deleted “${entry.title}”.`],
      // Out of turn if highlights were changed since; a second press finds it undone and does nothing.
      undo: () => void replayed(history.undo(step), 'Undone', false),
    };
    // The reader cannot go on showing an article that is gone.
    if (wasOpen) openDefault(deletedNotice);
    else showNotice(deletedNotice);
    setListing(api.articles.list());
  };

  return (
    <>
      <div className="app-shell" inert={modal !== null}>
        <AppHeader
          showingDefault={current.showingDefault}
          opening={current.opening}
          onOpenFile={openFile}
          onOpenWebPage={openWebPage}
          onOpenDefault={() => openDefault()}
          onSearch={openSearch}
          onLibrary={openLibrary}
          onAllHighlights={openAllHighlights}
          onExport={openExport}
          onBackups={openBackups}
          onTextSettings={openTextSettings}
          theme={settings.theme}
          onTheme={(theme) => changeSettings('theme', theme)}
          sidebarHidden={settings.sidebarHidden}
          onToggleSidebar={toggleSidebar}
          title={view.kind === 'ready' ? view.article.title : null}
          progress={progress}
        />
        <NoticeBar
          notice={notice}
          error={current.error}
          onDismissNotice={current.dismissNotice}
          onDismissError={current.dismissError}
        />
        {view.kind === 'loading' ? (
          <p className="app-message" role="status">
            Opening…
          </p>
        ) : view.kind === 'failed' ? (
          <p className="app-message" role="alert">
            Couldn’t open the article: {view.message}
          </p>
        ) : (
          <Reader
            key={`${view.article.id}:${view.generation}`}
            api={api}
            history={history}
            progress={progress}
            sidebarHidden={settings.sidebarHidden}
            sidebarWidth={settings.sidebarWidth}
            onSidebarWidth={keepSidebarWidth}
            article={view.article}
            reveal={reveal && reveal.articleId === shownArticle ? reveal : null}
            onRevealed={onRevealed}
          />
        )}
      </div>
      {modal === 'search' && <SearchDialog api={api} onChoose={choose} onClose={closeModal} />}
      {modal === 'library' && listing && (
        <LibraryDialog
          listing={listing}
          currentId={shownArticle}
          onChoose={chooseArticle}
          onClose={closeModal}
          onRetry={() => setListing(api.articles.list())}
          builtInId={current.defaultId}
          onDelete={deleteArticle}
          undoNotice={notice?.undo ? notice : null}
        />
      )}
      {modal === 'highlights' && <AllHighlightsDialog api={api} onChoose={choose} onClose={closeModal} />}
      {modal === 'web' && <OpenWebPageDialog api={api} onOpened={onWebPageOpened} onClose={closeModal} />}
      {modal === 'backups' && <BackupsDialog api={api} onClose={closeModal} />}
      {modal === 'text' && <TextSettingsDialog settings={settings} onChange={changeSettings} onClose={closeModal} />}
      {modal === 'export' && (
        <ExportDialog
          api={api}
          article={view.kind === 'ready' ? { id: view.article.id, title: view.article.title } : null}
          onExported={(report) => {
            closeModal();
            showNotice({ lines: [exportedLine(report)] });
          }}
          onImported={(report) => {
            closeModal();
            const lines = { lines: importedLines(report) };
            // The article shown may have gained highlights: it is opened again, with them.
            if (view.kind === 'ready') void openArticle(view.article.id, lines);
            else showNotice(lines);
          }}
          onClose={closeModal}
        />
      )}
      {dragging && (
        <div className="drop-hint" role="status">
          <p className="drop-hint-text">Drop to open</p>
        </div>
      )}
    </>
  );
}
