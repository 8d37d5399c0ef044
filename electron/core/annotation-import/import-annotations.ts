import type { Database } from 'better-sqlite3';

import type { AnnotationImportReport, Article } from '../../../common/model.ts';
import { annotationExists, type ImportedAnnotation, storeImportedAnnotations } from '../../../db/annotations.ts';
import { ArticleLookup } from './article-lookup.ts';
import { NotImportedTally } from './not-imported.ts';
import { placeAnnotations } from './place-annotations.ts';
import { stableAnnotationId } from './stable-id.ts';
import type { ReadAnnotation, ReadAnnotations } from './types.ts';

/** What an import did, for the user: the page shows it (common/model.ts). */
export type ImportReport = AnnotationImportReport;

/** Why a second copy of an annotation in one file is not stored. */
export const copyInFileReason = 'copies of an annotation the file already holds (it was imported once)';

/**
 * Stores what a reader made of a file, in one transaction: all of it or, if a write fails, none. Each annotation
 * goes to the article with its source (ArticleLookup says which variants are tried), under its stable id
 * (stable-id.ts); one already stored is skipped, so importing a file twice adds nothing the second time. Its
 * quote is anchored on the article's text as the app anchors highlights (place-annotations.ts); one that cannot be
 * placed is stored all the same, as an orphan the user sees and can re-attach, never dropped. Colour (yellow when the
 * file gives none), note, tags and the file's times are kept; a time the file does not give is the import's.
 */
export function importAnnotations(db: Database, read: ReadAnnotations, now: Date = new Date()): ImportReport {
  return db
    .transaction((): ImportReport => {
      const tally = new NotImportedTally();
      for (const { reason, count } of read.notImported) tally.add(reason, count);
      const { byArticle, alreadyThere, missing } = sortOut(db, read, tally);
      let imported = 0;
      let orphaned = 0;
      const toStore: ImportedAnnotation[] = [];
      for (const { article, entries } of byArticle.values()) {
        const placed = placeAnnotations(
          article.content,
          entries.map((entry) => entry.annotation),
        );
        entries.forEach(({ id, annotation }, index) => {
          const selectors = placed[index];
          const createdAt = annotation.createdAt ?? annotation.updatedAt ?? now.toISOString();
          const updatedAt = annotation.updatedAt ?? createdAt;
          toStore.push({
            id,
            articleId: article.id,
            color: annotation.color ?? 'yellow',
            // An orphan keeps its quote only: its position counts in a text that is not this one.
            selectors: selectors ?? [annotation.quote],
            note: annotation.note,
            tags: annotation.tags,
            createdAt,
            updatedAt,
          });
          imported += 1;
          if (!selectors) orphaned += 1;
        });
      }
      // Many at once (a whole library) take the data layer's bulk path, which fills the search index in one go.
      storeImportedAnnotations(db, toStore);
      const missingCount = [...missing.values()].reduce((sum, count) => sum + count, 0);
      return {
        imported,
        orphaned,
        alreadyThere,
        articlesMissing: { count: missingCount, sources: [...missing.keys()] },
        notImported: tally.list(),
      };
    })
    .immediate();
}

interface Entry {
  id: string;
  annotation: ReadAnnotation;
}

/**
 * The annotations to store, by article, in the file's order; how many are stored already; and, by source in the
 * order the file first names it, how many have no article.
 */
function sortOut(db: Database, read: ReadAnnotations, tally: NotImportedTally) {
  const lookup = new ArticleLookup(db);
  const byArticle = new Map<number, { article: Article; entries: Entry[] }>();
  const missing = new Map<string, number>();
  const seen = new Set<string>();
  let alreadyThere = 0;
  for (const annotation of read.annotations) {
    const id = stableAnnotationId(read.format, annotation);
    if (seen.has(id)) {
      tally.add(copyInFileReason);
      continue;
    }
    seen.add(id);
    if (annotationExists(db, id)) {
      alreadyThere += 1;
      continue;
    }
    const article = lookup.articleFor(annotation.source);
    if (!article) {
      missing.set(annotation.source, (missing.get(annotation.source) ?? 0) + 1);
      continue;
    }
    const group = byArticle.get(article.id) ?? { article, entries: [] };
    group.entries.push({ id, annotation });
    byArticle.set(article.id, group);
  }
  return { byArticle, alreadyThere, missing };
}
