import '../painting/highlights.css';
import '../styles/app.css';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../common/contract.ts';
import { useCurrentArticle } from './articles/use-current-article.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { isOpenFileShortcut, isSearchShortcut } from './keyboard.ts';
import { Reader, type RevealRequest } from './reader/Reader.tsx';
import { type SearchChoice, SearchDialog } from './search/SearchDialog.tsx';

/** A search hit on its way to the reader: which article must be open to show it. */
interface PendingReveal extends RevealRequest {
  readonly articleId: number;
}

/** The whole window: a header to open files and search, window-wide notices, and the reader for the current article. */
export function App({ api }: { api: MarginaliaApi }) {
  const current = useCurrentArticle(api);
  const { view, openFile, openArticle } = current;
  const [searching, setSearching] = useState(false);
  const [reveal, setReveal] = useState<PendingReveal | null>(null);
  /** Where focus was when the search box opened, to give it back on Escape. */
  const opener = useRef<Element | null>(null);
  const nonce = useRef(0);

  const openSearch = useCallback(() => {
    setSearching((open) => {
      if (!open) opener.current = document.activeElement;
      return true;
    });
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isSearchShortcut(event)) {
        event.preventDefault();
        openSearch();
      } else if (isOpenFileShortcut(event)) {
        event.preventDefault();
        openFile();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openFile, openSearch]);

  /** Where focus goes once the search box has closed and the window is no longer inert; null leaves it alone. */
  const restoreTo = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (searching) return;
    const back = restoreTo.current;
    restoreTo.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }, [searching]);

  const closeSearch = () => {
    restoreTo.current = opener.current;
    opener.current = null;
    setSearching(false);
  };

  const choose = ({ articleId, hit }: SearchChoice) => {
    setSearching(false);
    opener.current = null;
    nonce.current += 1;
    setReveal({ articleId, hit, nonce: nonce.current });
    if (view.kind === 'ready' && view.article.id === articleId) return;
    const asked = nonce.current;
    void openArticle(articleId).then((shown) => {
      if (!shown) setReveal((r) => (r?.nonce === asked ? null : r));
    });
  };

  const shownArticle = view.kind === 'ready' ? view.article.id : null;
  const onRevealed = useCallback((done: number) => setReveal((r) => (r?.nonce === done ? null : r)), []);

  return (
    <>
      <div className="app-shell" inert={searching}>
        <AppHeader
          showingDefault={current.showingDefault}
          opening={current.opening}
          onOpenFile={openFile}
          onOpenDefault={current.openDefault}
          onSearch={openSearch}
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
      {searching && <SearchDialog api={api} onChoose={choose} onClose={closeSearch} />}
    </>
  );
}
