import { useEffect, useRef, useState } from 'react';

import type { MarginaliaApi } from '../../../common/contract.ts';
import type { SearchResults } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';

/** How long typing must pause before the query is sent: short enough to feel live, long enough to skip most keys. */
const debounceMs = 120;

/** What the search box shows: nothing asked yet, the newest results, or why the newest search failed. */
export type SearchState =
  { kind: 'idle' } | { kind: 'done'; results: SearchResults } | { kind: 'failed'; message: string };

/**
 * Searches as the user types. Every change of the text makes the replies to earlier texts stale, even ones sent
 * before it, so only the newest query's results (or error) ever show; until they arrive the previous ones stay.
 */
export function useSearch(api: MarginaliaApi, text: string): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    latest.current += 1;
    const id = latest.current;
    const query = text.trim();
    if (query === '') return undefined;
    const timer = setTimeout(() => {
      api.search
        .query({ text: query })
        .then((result) => {
          if (id === latest.current) setState({ kind: 'done', results: unwrap(result) });
        })
        .catch((reason: unknown) => {
          if (id === latest.current) setState({ kind: 'failed', message: messageOf(reason) });
        });
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      // Closing the box (or a new text) makes a reply still on its way stale.
      if (latest.current === id) latest.current += 1;
    };
  }, [api, text]);

  // An empty box shows the hint at once; a late reply to an earlier text is already stale.
  return text.trim() === '' ? { kind: 'idle' } : state;
}
