import { useEffect, useRef } from 'react';

import type { OpenedArticle } from '../../../common/contract.ts';

/**
 * Articles main opened by itself (a path on the command line, a second launch with a file, the OS's open-file),
 * pushed through the preload's `window.marginaliaEvents`, are handed to `onOpened`: the window shows them as it
 * shows one the user opened here. Those that arrived before the page listened are handed over at once (the preload
 * keeps them). Without the preload (the page on its own) there is nothing to listen to.
 */
export function useOpenedFromOutside(onOpened: (opened: OpenedArticle) => void): void {
  const onOpenedRef = useRef(onOpened);
  useEffect(() => {
    onOpenedRef.current = onOpened;
  });
  useEffect(() => window.marginaliaEvents?.onArticleOpened((opened) => onOpenedRef.current(opened)), []);
}
