import raw from '../../../electron/core/seed/default-article.txt?raw';

/**
 * The built-in article as the app shows it, parsed here the simple way (the real parser lives in
 * electron/core/text-article.ts, which the renderer tests must not import): the first line is the title; the body
 * is the blank-line separated paragraphs after it, up to the "Check Also" line; lines within a paragraph are joined
 * with a space.
 */
export function defaultArticleParagraphs(): string[] {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').slice(1);
  const end = lines.findIndex((line) => line.trim() === 'Check Also');
  const body = end === -1 ? lines : lines.slice(0, end);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...body, '']) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  return paragraphs;
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
