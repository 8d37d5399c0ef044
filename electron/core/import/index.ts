/** Turning a user's file or a web page into an article: text, Markdown and HTML, sanitised into a stored tree. */
export { importHtml } from './html-article.ts';
export { importMarkdown } from './markdown-article.ts';
export { readArticleFile } from './read-article-file.ts';
export { type ImportedArticle, ImportRefusedError } from './types.ts';
