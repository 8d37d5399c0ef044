import { useCallback, useEffect, useRef, useState } from 'react';

import type { Article, MarginaliaApi, OpenedArticle } from '../../../common/contract.ts';
import { keepPrefetched, prefetchAnnotations } from '../annotations/prefetched-annotations.ts';
import { messageOf, unwrap } from '../api.ts';
import { droppedFilesToPaths, openDroppedFiles } from '../library/dropped-files.ts';
import { droppedLines, openedLines, refusedLine } from './opened-notice.ts';

/** The article on screen, or why there is none. `generation` changes on every open, so the reader starts afresh. */
type ArticleView =
  { kind: 'loading' } | { kind: 'ready'; article: Article; generation: number } | { kind: 'failed'; message: string };

/** A message about the window as a whole, one sentence or more, with the undo that goes with it (a deletion's). */
export interface Notice {
  readonly lines: readonly string[];
  /** Undoes what the notice reports: its "Undo" button, and Ctrl/⌘+Z while it shows. */
  readonly undo?: () => void;
}

/** The article the window shows and the ways to change it. */
export interface CurrentArticle {
  readonly view: ArticleView;
  /** The built-in article's id, once known. */
  readonly defaultId: number | null;
  /** True when the built-in article is shown (or not yet known), so "Default article" has nothing to do. */
  readonly showingDefault: boolean;
  /** True while the file dialog is open or files are being imported. */
  readonly opening: boolean;
  /** What the last open (or deletion) did, for the notice bar; null when there is nothing to say. */
  readonly notice: Notice | null;
  /** Why the last open failed; null otherwise. */
  readonly error: string | null;
  /** Asks for a file and shows it; a cancelled dialog changes nothing. */
  openFile(): void;
  /** Opens files dropped on the window and shows the last one opened; refused ones are named in the notice. */
  openDropped(files: readonly File[]): void;
  /**
   * Shows an article main has opened (from a file, a web page, a drop or by itself) with what the user should know
   * about it: the one way every opened article reaches the screen.
   */
  showOpened(opened: OpenedArticle): void;
  /** Goes back to the built-in article, then shows `notice` (none by default). */
  openDefault(notice?: Notice | null): void;
  /**
   * Shows the article with this id (a search hit's), then `notice`; resolves to whether it is now shown. `showing`
   * runs just before, in the same update, for what must change in the very render that shows it (a dialog closing).
   */
  openArticle(id: number, notice?: Notice | null, showing?: () => void): Promise<boolean>;
  showNotice(notice: Notice | null): void;
  showError(message: string): void;
  dismissNotice(): void;
  dismissError(): void;
}

/** A notice of these lines, or none when there are none. */
function noticeOf(lines: readonly string[]): Notice | null {
  return lines.length > 0 ? { lines } : null;
}

/**
 * Starts on the article the user had open when the app last closed (the built-in one at first, or whatever main
 * pushes before that answer is in), then switches to whatever the user opens, remembering each for next time.
 *
 * The last request wins: each change of article takes a ticket when it is asked for (a library choice) or when its
 * answer is in (a file, a web page, a drop, main's push: those the user already waited for), and an answer whose
 * ticket is no longer the latest is not shown, so a slow reply never replaces what the user opened after it.
 */
export function useCurrentArticle(api: MarginaliaApi): CurrentArticle {
  const [view, setView] = useState<ArticleView>({ kind: 'loading' });
  const [defaultId, setDefaultId] = useState<number | null>(null);
  const [opening, setOpening] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const ticket = useRef(0);
  const fileDialogOpen = useRef(false);
  const imports = useRef(0);

  /** Shows an article; one the user opened is remembered, so the app starts on it next time. */
  const show = useCallback(
    (article: Article, shownNotice: Notice | null, remember = true) => {
      generation.current += 1;
      setView({ kind: 'ready', article, generation: generation.current });
      setNotice(shownNotice);
      if (!remember) return;
      const failed = (reason: unknown) =>
        setError(`Couldn’t remember that “${article.title}” is open, for next time: ${messageOf(reason)}`);
      api.articles.markOpened({ id: article.id }).then((result) => {
        if (!result.ok) failed(result.error.message);
      }, failed);
    },
    [api],
  );

  /** Counts an import in flight, so "Open…" says it is busy until the last one is done. */
  const importing = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    imports.current += 1;
    setOpening(true);
    try {
      return await work();
    } finally {
      imports.current -= 1;
      if (imports.current === 0) setOpening(false);
    }
  }, []);

  useEffect(() => {
    let live = true;
    const asked = ticket.current;
    // Only while nothing else was shown or asked for: main may push an article before this answer is in.
    const first = () => live && generation.current === 0 && ticket.current === asked;
    // The built-in article's id, which the library and the header treat apart. Without it (this call failed) the
    // header's way back to it stays hidden; the start below says so if the library itself cannot be read.
    void api.articles.getDefault().then(
      (result) => {
        if (live && result.ok) setDefaultId(result.value.id);
      },
      () => undefined,
    );
    // The article the user had open when the app last closed (the built-in one at first), with its highlights asked
    // for at once; if that one cannot be had, the built-in one, as before anything was remembered. Already
    // remembered, so showing it writes nothing.
    void (async () => {
      try {
        const last = await api.articles.getLastOpened();
        const article = last.ok ? last.value : unwrap(await api.articles.getDefault());
        if (!first()) return;
        keepPrefetched(article, prefetchAnnotations(api, article.id));
        show(article, null, false);
      } catch (reason) {
        if (first()) setView({ kind: 'failed', message: messageOf(reason) });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, show]);

  const showOpened = useCallback(
    (opened: OpenedArticle) => {
      ticket.current += 1;
      setError(null);
      show(opened.article, noticeOf(openedLines(opened)));
    },
    [show],
  );

  const openFile = useCallback(() => {
    if (fileDialogOpen.current) return;
    fileDialogOpen.current = true;
    setError(null);
    void importing(async () => {
      try {
        const opened = unwrap(await api.articles.openFile());
        if (opened) showOpened(opened);
      } catch (reason) {
        setError(`Couldn’t open the file: ${messageOf(reason)}`);
      } finally {
        fileDialogOpen.current = false;
      }
    });
  }, [api, importing, showOpened]);

  const openDropped = useCallback(
    (files: readonly File[]) => {
      const paths = droppedFilesToPaths(files);
      // A file without a path (made by script, or no preload) is refused here: main is only ever given real drops.
      const here = files.flatMap((file, i) =>
        paths[i] ? [] : [refusedLine({ file: file.name, reason: 'it is not a file on this computer.' })],
      );
      const sent = files.filter((_, i) => paths[i]);
      setError(null);
      if (sent.length === 0) {
        setNotice(noticeOf(here));
        return;
      }
      void importing(async () => {
        try {
          const result = unwrap(await openDroppedFiles(sent));
          const lines = [...droppedLines(result), ...here];
          const last = result.opened.at(-1);
          if (last) {
            ticket.current += 1;
            show(last.article, noticeOf(lines));
          } else setNotice(noticeOf(lines));
        } catch (reason) {
          setError(`Couldn’t open the dropped files: ${messageOf(reason)}`);
        }
      });
    },
    [importing, show],
  );

  const openDefault = useCallback(
    (shownNotice: Notice | null = null) => {
      const asked = ++ticket.current;
      setError(null);
      void (async () => {
        try {
          const article = unwrap(await api.articles.getDefault());
          setDefaultId(article.id);
          if (ticket.current === asked) show(article, shownNotice);
        } catch (reason) {
          if (ticket.current === asked) setError(`Couldn’t open the default article: ${messageOf(reason)}`);
        }
      })();
    },
    [api, show],
  );

  const openArticle = useCallback(
    async (id: number, shownNotice: Notice | null = null, showing?: () => void): Promise<boolean> => {
      const asked = ++ticket.current;
      setError(null);
      try {
        // Both at once, the article first (answers come in order): the highlights would otherwise be asked for only
        // once the article has rendered.
        const asking = api.articles.get({ id });
        const annotations = prefetchAnnotations(api, id);
        const article = unwrap(await asking);
        if (ticket.current !== asked) return false;
        keepPrefetched(article, annotations);
        showing?.();
        show(article, shownNotice);
        return true;
      } catch (reason) {
        if (ticket.current === asked) setError(`Couldn’t open the article: ${messageOf(reason)}`);
        return false;
      }
    },
    [api, show],
  );

  const showingDefault = view.kind !== 'ready' || defaultId === null || view.article.id === defaultId;
  return {
    view,
    defaultId,
    showingDefault,
    opening,
    notice,
    error,
    openFile,
    openDropped,
    showOpened,
    openDefault,
    openArticle,
    showNotice: setNotice,
    showError: setError,
    dismissNotice: useCallback(() => setNotice(null), []),
    dismissError: useCallback(() => setError(null), []),
  };
}
