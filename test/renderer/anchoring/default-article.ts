import raw from '../../../electron/core/seed/default-article.txt?raw';
import { seedArticle } from '../../corpus/articles.ts';

/** The built-in article's paragraphs, as the app stores and shows them (parsed by the app's own parser). */
export function defaultArticleParagraphs(): string[] {
  return seedArticle(raw).text.split('\n\n');
}

/** The article's anchor text: paragraphs joined by "\n\n" (what `article.content` holds). */
export function defaultArticleText(): string {
  return defaultArticleParagraphs().join('\n\n');
}

/**
 * Builds the article DOM the way the app renders it: an <article> root with a <p> per paragraph and "\n\n" Text
 * nodes between them, attached to the document so it has layout. Returns the root; remove it after the test.
 */
export function renderArticle(paragraphs: readonly string[] = defaultArticleParagraphs()): HTMLElement {
  const article = document.createElement('article');
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) article.append(document.createTextNode('\n\n'));
    const p = document.createElement('p');
    p.textContent = paragraph;
    article.append(p);
  });
  document.body.append(article);
  return article;
}
