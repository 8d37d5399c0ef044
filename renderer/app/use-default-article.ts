import { useEffect, useState } from 'react';

import type { Article, MarginaliaApi } from '../../electron/ipc/contract.ts';
import { messageOf, unwrap } from './api.ts';

/** The default article, or why it could not be loaded. */
export type ArticleLoad = { kind: 'loading' } | { kind: 'ready'; article: Article } | { kind: 'failed'; message: string };

/** Loads the built-in article once. */
export function useDefaultArticle(api: MarginaliaApi): ArticleLoad {
  const [load, setLoad] = useState<ArticleLoad>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api.articles
      .getDefault()
      .then((result) => {
        if (live) setLoad({ kind: 'ready', article: unwrap(result) });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ kind: 'failed', message: messageOf(error) });
      });
    return () => {
      live = false;
    };
  }, [api]);
  return load;
}
