import type { Database } from 'better-sqlite3';

import { anchorAllText, describeText } from '../../common/anchoring/text-anchor.ts';
import { documentText } from '../../common/document.ts';
import { limits, type OpenedArticle, type ReanchorReport, type Selector } from '../../common/model.ts';
import { listAnnotations, updateAnnotation } from '../../db/annotations.ts';
import { replaceArticleImages } from '../../db/article-images.ts';
import { type ArticleBody, getArticleBySource, insertArticle, updateArticleContent } from '../../db/articles.ts';
import { hashText } from '../../db/text-hash.ts';
import { documentName } from './import/article-title.ts';
import { type ImportedArticle, ImportRefusedError } from './import/types.ts';
import type { StoredImage } from './web/load-images.ts';

/**
 * Stores an imported article under its source (a file: URL or a web address). A source seen before is re-imported:
 * its text, tree, metadata and images are replaced and every annotation is re-anchored to the new text in the same
 * transaction, storing fresh selectors for the ones that were found. An annotation that cannot be placed keeps its
 * old selectors (and so its quote) untouched: it becomes an orphan the user sees and can re-attach, never a
 * deletion. Refused (ImportRefusedError, nothing stored) when there is no text or too much of it.
 */
export function storeImportedArticle(
  db: Database,
  source: string,
  imported: ImportedArticle,
  images: readonly StoredImage[] = [],
): OpenedArticle {
  const text = textOf(imported.body);
  if (text.trim() === '') throw new ImportRefusedError(`${describeSource(source)} has no text to read.`);
  if (text.length > limits.articleMaxLength) {
    throw new ImportRefusedError(
      `${describeSource(source)} holds ${text.length.toLocaleString('en-US')} characters of text; an article may hold at most ${limits.articleMaxLength.toLocaleString('en-US')}.`,
    );
  }
  const notices = imported.notices;
  const fields = { title: imported.title, meta: imported.meta, ...imported.body };
  return db
    .transaction((): OpenedArticle => {
      const existing = getArticleBySource(db, source);
      if (!existing) {
        const article = insertArticle(db, { source, ...fields });
        replaceArticleImages(db, article.id, images);
        return { article, created: true, report: null, notices };
      }
      if (
        existing.textHash === hashText(text) &&
        existing.title === imported.title &&
        sameTree(existing, imported.body)
      ) {
        return { article: existing, created: false, report: null, notices };
      }
      const article = updateArticleContent(db, existing.id, fields);
      replaceArticleImages(db, article.id, images);
      const report = existing.textHash === article.textHash ? null : reanchorAnnotations(db, article.id, text);
      return { article, created: false, report, notices };
    })
    .immediate();
}

function textOf(body: ArticleBody): string {
  return body.format === 'text' ? body.content : documentText(body.document);
}

function sameTree(existing: { document: unknown }, body: ArticleBody): boolean {
  const tree = body.format === 'document' ? body.document : null;
  return JSON.stringify(existing.document) === JSON.stringify(tree);
}

/** A source as a user recognises it: a file's name (as import messages name it), or the web address. */
export function describeSource(source: string): string {
  return source.startsWith('file:') ? documentName(source) : source;
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
