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
  // Each state remembers the listing it came from: a retry after a failure shows "loading" again at once, while a
  // newer listing after a success keeps the old list on screen until the new one arrives.
  const [shown, setShown] = useState<{ listing: LibraryListing | null; state: LibraryState }>({
    listing: null,
    state: { kind: 'loading' },
  });
  useEffect(() => {
    let live = true;
    listing
      .then((result) => {
        if (live) setShown({ listing, state: { kind: 'done', entries: unwrap(result) } });
      })
      .catch((reason: unknown) => {
        if (live) setShown({ listing, state: { kind: 'failed', message: messageOf(reason) } });
      });
    return () => {
      live = false;
    };
  }, [listing]);
  if (shown.listing === listing || shown.state.kind === 'done') return shown.state;
  return { kind: 'loading' };
}
