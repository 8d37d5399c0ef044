import { useEffect, useRef } from 'react';

import type { OpenedArticle, OpenedLink } from '../../../common/contract.ts';

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

/**
 * `marginalia://` links main was handed (from an exported Markdown file, say), already checked against the library,
 * pushed through the preload's `window.marginaliaEvents`: each is handed to `onLink`, which shows its article and
 * highlight. Those that came before the page listened are handed over at once.
 */
export function useLinksFromOutside(onLink: (link: OpenedLink) => void): void {
  const onLinkRef = useRef(onLink);
  useEffect(() => {
    onLinkRef.current = onLink;
  });
  useEffect(() => window.marginaliaEvents?.onLinkOpened((link) => onLinkRef.current(link)), []);
}
