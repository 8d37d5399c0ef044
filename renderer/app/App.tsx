import '../painting/highlights.css';
import '../styles/app.css';

import { useEffect } from 'react';

import type { MarginaliaApi } from '../../common/contract.ts';
import { useCurrentArticle } from './articles/use-current-article.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { isOpenFileShortcut } from './keyboard.ts';
import { Reader } from './reader/Reader.tsx';

/** The whole window: a header to open files, window-wide notices, and the reader for the current article. */
export function App({ api }: { api: MarginaliaApi }) {
  const current = useCurrentArticle(api);
  const { view, openFile } = current;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isOpenFileShortcut(event)) return;
      event.preventDefault();
      openFile();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openFile]);

  return (
    <div className="app-shell">
      <AppHeader
        showingDefault={current.showingDefault}
        opening={current.opening}
        onOpenFile={openFile}
        onOpenDefault={current.openDefault}
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
        <Reader key={`${view.article.id}:${view.generation}`} api={api} article={view.article} />
      )}
    </div>
  );
}
