import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import type { Database } from 'better-sqlite3';

import { anchorAllText, describeText } from '../../common/anchoring/text-anchor.ts';
import { limits, type OpenedArticle, type ReanchorReport, type Selector } from '../../common/model.ts';
import { listAnnotations, updateAnnotation } from '../../db/annotations.ts';
import { getArticleBySource, insertArticle, updateArticleContent } from '../../db/articles.ts';
import { hashText } from '../../db/text-hash.ts';
import { parseTextArticle } from './text-article.ts';

/** A text file the user chose to open: where it lives (its identity in the library) and what it says. */
export interface ArticleFile {
  /** Stable identity of the article: re-opening the same source updates it instead of adding a copy. */
  source: string;
  text: string;
}

/** The chosen file cannot be read as an article (empty, or not text). */
export class UnreadableArticleError extends Error {
  override name = 'UnreadableArticleError';
}

/**
 * Reads a text file the user chose. Its `file:` URL is its identity, so opening the same file again after it
 * changed is a re-import. Refuses files too large to be an article and bytes that are not UTF-8 text, rather than
 * storing mojibake.
 */
export async function readArticleFile(filePath: string): Promise<ArticleFile> {
  const { size } = await stat(filePath);
  if (size > limits.articleMaxLength) {
    throw new UnreadableArticleError(
      `${filePath} is ${size} bytes; an article may be at most ${limits.articleMaxLength}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(filePath));
  } catch {
    throw new UnreadableArticleError(`${filePath} is not UTF-8 text`);
  }
  return { source: pathToFileURL(filePath).href, text };
}

/**
 * Stores a plain-text article. A source seen before is re-imported: its text is replaced and every annotation is
 * re-anchored to the new text in the same transaction, storing fresh selectors for the ones that were found. An
 * annotation that cannot be placed keeps its old selectors (and so its quote) untouched: it becomes an orphan the
 * user sees and can re-attach, never a deletion.
 */
export function importTextArticle(db: Database, file: ArticleFile): OpenedArticle {
  const { title, content } = parseTextArticle(file.text);
  if (!content) throw new UnreadableArticleError(`${file.source} has no text to read`);
  return db
    .transaction((): OpenedArticle => {
      const existing = getArticleBySource(db, file.source);
      if (!existing) {
        return {
          article: insertArticle(db, { title, source: file.source, format: 'text', content }),
          created: true,
          report: null,
        };
      }
      if (existing.textHash === hashText(content) && existing.title === title) {
        return { article: existing, created: false, report: null };
      }
      const article = updateArticleContent(db, existing.id, { title, content });
      return { article, created: false, report: reanchorAnnotations(db, article.id, content) };
    })
    .immediate();
}

/**
 * Re-anchors every annotation of an article to its new text; call inside the transaction that changed the text.
 * One batch call, so highlights whose text survived tell the search where their edited neighbours went.
 */
function reanchorAnnotations(db: Database, articleId: number, text: string): ReanchorReport {
  const report: ReanchorReport = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const annotations = listAnnotations(db, articleId);
  const placed = anchorAllText(
    text,
    annotations.map((annotation) => annotation.selectors),
  );
  annotations.forEach((annotation, i) => {
    const anchored = placed[i];
    if (anchored?.start === undefined) {
      report.orphaned += 1;
      return;
    }
    if (anchored.status.kind === 'exact') report.kept += 1;
    else if (anchored.status.kind === 'moved') report.moved += 1;
    else report.fuzzy += 1;
    const selectors = describeText(text, anchored.start, anchored.end);
    if (!sameSelectors(selectors, annotation.selectors)) updateAnnotation(db, annotation.id, { selectors }, text);
  });
  return report;
}

function sameSelectors(a: readonly Selector[], b: readonly Selector[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
