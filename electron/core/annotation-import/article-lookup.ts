import type { Database } from 'better-sqlite3';

import type { Article } from '../../../common/model.ts';
import { getArticleBySource } from '../../../db/articles.ts';

/**
 * Finds the article an imported annotation belongs to by the source the file names, each source looked up once per
 * import (a file of 100,000 highlights names a few hundred documents). Tried in order, the first found wins: the
 * source as written; as Marginalia's export percent-encodes what a URI may not hold (a space, a letter beyond
 * ASCII), decoded; each without its #fragment (a tool that kept where on the page it was); and each with or without
 * a trailing slash (`https://example.com/a/` and `…/a` are one page to a reader).
 */
export class ArticleLookup {
  private readonly found = new Map<string, Article | undefined>();
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The article whose source is `source` or one of its variants, or undefined when the library has none. */
  articleFor(source: string): Article | undefined {
    if (!this.found.has(source)) {
      let article: Article | undefined;
      for (const variant of sourceVariants(source)) {
        article = getArticleBySource(this.db, variant);
        if (article) break;
      }
      this.found.set(source, article);
    }
    return this.found.get(source);
  }
}

/** The sources to try for `source`, most exact first, each once. */
function sourceVariants(source: string): string[] {
  const variants = new Set<string>();
  for (const written of [source, percentDecoded(source)]) {
    for (const whole of [written, written.replace(/#.*$/s, '')]) {
      variants.add(whole);
      variants.add(whole.endsWith('/') ? whole.slice(0, -1) : `${whole}/`);
    }
  }
  variants.delete('');
  return [...variants];
}

/** Every run of %XX escapes that decodes to UTF-8 text, decoded; a run that does not is kept as it is. */
function percentDecoded(source: string): string {
  return source.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
