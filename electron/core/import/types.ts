import type { ArticleMeta } from '../../../common/model.ts';
import type { ArticleBody } from '../../../db/articles.ts';

/** An image the tree names by `src` (its `name`, digits: '1', '2', …) and where to get it at import. */
export interface ImageSource {
  name: string;
  /** An absolute http:, https:, file: or data:image/ URL. */
  url: string;
}

/** A document turned into an article, ready to store once its images are fetched. */
export interface ImportedArticle {
  title: string;
  /** `{ format: 'text', content }` or `{ format: 'document', document }`. */
  body: ArticleBody;
  meta: Partial<ArticleMeta>;
  /** Every img in the tree, in document order; names are unique. */
  images: ImageSource[];
  /** Sentences for the user, e.g. "The file was not valid UTF-8: 3 characters were replaced by �." */
  notices: string[];
}

/** The document cannot become an article; `message` is one sentence in the user's words, saying what to do if anything. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}
