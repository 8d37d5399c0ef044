import type { Annotation, Article } from '../../../common/model.ts';

/** One article with its highlights, as every export format takes it. The highlights may come in any order. */
export interface ExportedArticle {
  article: Article;
  annotations: Annotation[];
}
