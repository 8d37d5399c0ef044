import { useCallback, useEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { HighlightColor, LibraryHighlight } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';

/** What the "All highlights" view asks for: any of some colours, one tag or any, words as typed. */
export interface HighlightQuery {
  readonly colors: readonly HighlightColor[];
  readonly tag: string | null;
  readonly text: string;
}

/** How long typing must pause before the list is asked again: as the search box waits, for the same reason. */
const typingPauseMs = 120;

/** Highlights asked per page: a window's worth several times over, so scrolling rarely waits. */
const pageSize = 100;

/** Loading the next page: not asked, on its way, or why it failed (the list shown so far stays). */
type MoreState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string };

/** The list as the view shows it: the first page on its way, the pages so far, or why the first page failed. */
export type PagesState =
  | { kind: 'loading' }
  | { kind: 'done'; items: readonly LibraryHighlight[]; next: string | null; more: MoreState }
  | { kind: 'failed'; message: string };

/** The filter as the listAll channel takes it; words are trimmed, and empty ones are no filter. */
function filterOf(colors: readonly HighlightColor[], tag: string | null, text: string) {
  return {
    ...(colors.length > 0 ? { colors: [...colors] } : {}),
    ...(tag !== null ? { tag } : {}),
    ...(text.trim() !== '' ? { text: text.trim() } : {}),
    limit: pageSize,
  };
}

/** `text` once it has stayed the same for `ms`. */
function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * The highlights of the whole library under `query`, a page at a time. A new query (colours and the tag at once,
 * words once typing pauses) lists from the top again; until its first page arrives the previous list stays. Every
 * new query makes replies to earlier ones stale, so only the newest query's pages ever show. `loadMore` asks for the
 * next page (once at a time); `retry` asks again after the first page failed.
 */
export function useHighlightPages(
  api: MarginaliaApi,
  query: HighlightQuery,
): { state: PagesState; loadMore(): void; retry(): void } {
  const text = useSettled(query.text, typingPauseMs);
  const [state, setState] = useState<PagesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  /** Numbers the queries: a reply for an older one is dropped. */
  const generation = useRef(0);
  /** The filter of the newest query, for its next pages. */
  const filter = useRef(filterOf([], null, ''));
  // One string, so a new array of the same colours is the same query.
  const colorsKey = query.colors.join(' ');
  const { tag } = query;

  useEffect(() => {
    const asked = ++generation.current;
    const colors = colorsKey === '' ? [] : (colorsKey.split(' ') as HighlightColor[]);
    filter.current = filterOf(colors, tag, text);
    api.annotations
      .listAll(filter.current)
      .then((result) => {
        const page = unwrap(result);
        if (asked === generation.current) {
          setState({ kind: 'done', items: page.items, next: page.next, more: { kind: 'idle' } });
        }
      })
      .catch((reason: unknown) => {
        if (asked === generation.current) setState({ kind: 'failed', message: messageOf(reason) });
      });
    return () => {
      // Closing the view (or a new query) makes a reply still on its way stale.
      if (generation.current === asked) generation.current += 1;
    };
  }, [api, colorsKey, tag, text, attempt]);

  /** The cursor of the page on its way: scroll events can come faster than the state that says one is loading. */
  const loading = useRef<string | null>(null);
  const loadMore = useCallback(() => {
    if (state.kind !== 'done' || state.next === null || loading.current === state.next) return;
    loading.current = state.next;
    const asked = generation.current;
    const shown = state;
    setState({ ...shown, more: { kind: 'loading' } });
    api.annotations
      .listAll({ ...filter.current, after: state.next })
      .then((result) => {
        const page = unwrap(result);
        if (asked !== generation.current) return;
        setState({ kind: 'done', items: [...shown.items, ...page.items], next: page.next, more: { kind: 'idle' } });
      })
      .catch((reason: unknown) => {
        if (asked === generation.current) setState({ ...shown, more: { kind: 'failed', message: messageOf(reason) } });
      })
      .finally(() => {
        if (loading.current === shown.next) loading.current = null;
      });
  }, [api, state]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, loadMore, retry };
}
