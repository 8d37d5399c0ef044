import '../painting/highlights.css';
import '../styles/app.css';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../common/contract.ts';
import { useCurrentArticle } from './articles/use-current-article.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { isLibraryShortcut, isOpenFileShortcut, isSearchShortcut } from './keyboard.ts';
import { LibraryDialog } from './library/LibraryDialog.tsx';
import type { LibraryListing } from './library/use-library.ts';
import { Reader, type RevealRequest } from './reader/Reader.tsx';
import { type SearchChoice, SearchDialog } from './search/SearchDialog.tsx';

/** A search hit on its way to the reader: which article must be open to show it. */
interface PendingReveal extends RevealRequest {
  readonly articleId: number;
}

/** The one dialog over the window at a time, if any. */
type Modal = 'search' | 'library' | null;

/** The whole window: a header to open files, search and list the library, window-wide notices, and the reader for the current article. */
export function App({ api }: { api: MarginaliaApi }) {
  const current = useCurrentArticle(api);
  const { view, openFile, openArticle } = current;
  const [modal, setModal] = useState<Modal>(null);
  const [reveal, setReveal] = useState<PendingReveal | null>(null);
  /** Where focus was when a dialog opened, to give it back on Escape (also after switching from one to the other). */
  const opener = useRef<Element | null>(null);
  const nonce = useRef(0);

  const openModal = useCallback((which: 'search' | 'library') => {
    setModal((open) => {
      if (open === null) opener.current = document.activeElement;
      return which;
    });
  }, []);
  const openSearch = useCallback(() => openModal('search'), [openModal]);
  // The library is listed afresh on every opening: counts change as the user highlights.
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const openLibrary = useCallback(() => {
    setListing(api.articles.list());
    openModal('library');
  }, [api, openModal]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isSearchShortcut(event)) {
        event.preventDefault();
        openSearch();
      } else if (isLibraryShortcut(event)) {
        event.preventDefault();
        openLibrary();
      } else if (isOpenFileShortcut(event)) {
        event.preventDefault();
        openFile();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openFile, openSearch, openLibrary]);

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

  /** Closes the dialog and shows the article at `hit`; focus goes to the article, or back where it was if it fails. */
  const choose = ({ articleId, hit }: SearchChoice) => {
    const back = opener.current;
    setModal(null);
    opener.current = null;
    nonce.current += 1;
    setReveal({ articleId, hit, nonce: nonce.current });
    if (view.kind === 'ready' && view.article.id === articleId) return;
    const asked = nonce.current;
    void openArticle(articleId).then((shown) => {
      if (shown) return;
      setReveal((r) => (r?.nonce === asked ? null : r));
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    });
  };

  // The library opens an article from its top, as choosing a search hit in its title does (the reader then focuses
  // the article). The article already open is shown from the top too: choosing it says "take me to its start".
  const chooseArticle = (articleId: number) => choose({ articleId, hit: { kind: 'title', snippet: [] } });

  const shownArticle = view.kind === 'ready' ? view.article.id : null;
  const onRevealed = useCallback((done: number) => setReveal((r) => (r?.nonce === done ? null : r)), []);

  return (
    <>
      <div className="app-shell" inert={modal !== null}>
        <AppHeader
          showingDefault={current.showingDefault}
          opening={current.opening}
          onOpenFile={openFile}
          onOpenDefault={current.openDefault}
          onSearch={openSearch}
          onLibrary={openLibrary}
        />
        <NoticeBar
          notice={current.notice}
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
        />
      )}
    </>
  );
}
