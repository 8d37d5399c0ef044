import { useEffect, useState } from 'react';

import type { Result } from '../../../common/contract.ts';
import type { LibraryEntry } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';

/** The library as the view shows it: on its way, listed, or why it could not be listed. */
export type LibraryState =
  { kind: 'loading' } | { kind: 'done'; entries: LibraryEntry[] } | { kind: 'failed'; message: string };

/** One `articles.list` call on its way, made when the view was opened. */
export type LibraryListing = Promise<Result<LibraryEntry[]>>;

/**
 * Follows the listing the view was opened with. The call is made by whoever opens the view (once per opening, so
 * counts changed by highlighting since the last time are fresh), not by an effect here, which StrictMode would run
 * twice. A newer listing replaces the shown one when it arrives; a reply arriving after the view closed is dropped.
 */
export function useLibrary(listing: LibraryListing): LibraryState {
  const [state, setState] = useState<LibraryState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    listing
      .then((result) => {
        if (live) setState({ kind: 'done', entries: unwrap(result) });
      })
      .catch((reason: unknown) => {
        if (live) setState({ kind: 'failed', message: messageOf(reason) });
      });
    return () => {
      live = false;
    };
  }, [listing]);
  return state;
}
