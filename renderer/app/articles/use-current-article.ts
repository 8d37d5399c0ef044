import { useCallback, useEffect, useRef, useState } from 'react';

import type { Article, MarginaliaApi } from '../../../common/contract.ts';
import { messageOf, unwrap } from '../api.ts';
import { describeReport } from './reanchor-report.ts';

/** The article on screen, or why there is none. `generation` changes on every open, so the reader starts afresh. */
type ArticleView =
  { kind: 'loading' } | { kind: 'ready'; article: Article; generation: number } | { kind: 'failed'; message: string };

/** The article the window shows and the ways to change it. */
export interface CurrentArticle {
  readonly view: ArticleView;
  /** True when the built-in article is shown (or not yet known), so "Default article" has nothing to do. */
  readonly showingDefault: boolean;
  /** True while the file dialog is open or the file is being imported. */
  readonly opening: boolean;
  /** The re-anchoring report of the last re-opened article, as a sentence; null when there is none to show. */
  readonly notice: string | null;
  /** Why the last open failed; null otherwise. */
  readonly error: string | null;
  /** Asks for a file and shows it; a cancelled dialog changes nothing. */
  openFile(): void;
  /** Goes back to the built-in article. */
  openDefault(): void;
  /** Shows the article with this id (a search hit's); resolves to whether it is now shown. */
  openArticle(id: number): Promise<boolean>;
  dismissNotice(): void;
  dismissError(): void;
}

/**
 * Loads the built-in article first, then switches to whatever the user opens. Nothing is remembered across
 * restarts yet: the window always starts on the built-in article.
 */
export function useCurrentArticle(api: MarginaliaApi): CurrentArticle {
  const [view, setView] = useState<ArticleView>({ kind: 'loading' });
  const [defaultId, setDefaultId] = useState<number | null>(null);
  const [opening, setOpening] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);

  const show = useCallback((article: Article) => {
    generation.current += 1;
    setView({ kind: 'ready', article, generation: generation.current });
  }, []);

  useEffect(() => {
    let live = true;
    api.articles
      .getDefault()
      .then((result) => {
        if (!live) return;
        const article = unwrap(result);
        setDefaultId(article.id);
        show(article);
      })
      .catch((reason: unknown) => {
        if (live) setView({ kind: 'failed', message: messageOf(reason) });
      });
    return () => {
      live = false;
    };
  }, [api, show]);

  const openFile = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setOpening(true);
    setError(null);
    void (async () => {
      try {
        const opened = unwrap(await api.articles.openFile());
        if (!opened) return;
        show(opened.article);
        setNotice(opened.report ? describeReport(opened.article.title, opened.report) : null);
      } catch (reason) {
        setError(`Couldn’t open the file: ${messageOf(reason)}`);
      } finally {
        busy.current = false;
        setOpening(false);
      }
    })();
  }, [api, show]);

  const openDefault = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    void (async () => {
      try {
        const article = unwrap(await api.articles.getDefault());
        setDefaultId(article.id);
        show(article);
        setNotice(null);
      } catch (reason) {
        setError(`Couldn’t open the default article: ${messageOf(reason)}`);
      } finally {
        busy.current = false;
      }
    })();
  }, [api, show]);

  const openArticle = useCallback(
    async (id: number): Promise<boolean> => {
      setError(null);
      try {
        show(unwrap(await api.articles.get({ id })));
        setNotice(null);
        return true;
      } catch (reason) {
        setError(`Couldn’t open the article: ${messageOf(reason)}`);
        return false;
      }
    },
    [api, show],
  );

  const showingDefault = view.kind !== 'ready' || defaultId === null || view.article.id === defaultId;
  return {
    view,
    showingDefault,
    opening,
    notice,
    error,
    openFile,
    openDefault,
    openArticle,
    dismissNotice: useCallback(() => setNotice(null), []),
    dismissError: useCallback(() => setError(null), []),
  };
}
