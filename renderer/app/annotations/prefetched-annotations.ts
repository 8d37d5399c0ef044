import type { Annotation, Article, MarginaliaApi, Result } from '../../../common/contract.ts';

/**
 * The highlights of an article being opened from the library or a search, asked for together with the article rather
 * than once it has rendered: that saves a round trip on every open (npm run bench, open-article-*). Kept against the
 * article object itself and taken once, by the store that shows it, so a list can never be shown for another article
 * or shown twice after changes were made since.
 */
const prefetched = new WeakMap<Article, Promise<Result<Annotation[]>>>();

/** Asks for an article's highlights now, for the article about to be shown. */
export function prefetchAnnotations(api: MarginaliaApi, articleId: number): Promise<Result<Annotation[]>> {
  const list = api.annotations.list({ articleId });
  // A failure is the store's to report, when it takes the answer; until then it is not an unhandled rejection.
  list.catch(() => undefined);
  return list;
}

/** Keeps the answer of `prefetchAnnotations` with the article it was for. */
export function keepPrefetched(article: Article, list: Promise<Result<Annotation[]>>): void {
  prefetched.set(article, list);
}

/** The prefetched highlights of this very article object, once; undefined if there are none (left). */
export function takePrefetched(article: Article): Promise<Result<Annotation[]>> | undefined {
  const list = prefetched.get(article);
  prefetched.delete(article);
  return list;
}
