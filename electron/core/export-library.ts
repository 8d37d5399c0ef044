import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { ExportFormat, ExportReport } from '../../common/model.ts';
import { listAnnotations } from '../../db/annotations.ts';
import { getArticle, listArticles } from '../../db/articles.ts';
import { highlightsCsv } from './export/csv.ts';
import { articleMarkdown, markdownFileName, mergeMarkdown } from './export/markdown.ts';
import type { ExportedArticle } from './export/types.ts';
import { webAnnotationCollection } from './export/web-annotation.ts';

/** An export that could not be written, with a message for the user that names the place. */
export class ExportFailedError extends Error {
  override name = 'ExportFailedError';
}

/** What an export needs: where it goes (a folder for Markdown, a file otherwise), and which articles. */
export interface ExportRequest {
  format: ExportFormat;
  /** The articles to export; every article of the library when absent. */
  articleIds?: readonly number[] | undefined;
  destination: string;
  /** The time the export says it was made (tests fix it). */
  now?: Date;
}

/** The file name an export suggests when the user picks where it goes. */
export function suggestedExportName(format: ExportFormat, date: Date = new Date()): string {
  const day = date.toISOString().slice(0, 10);
  if (format === 'markdown') return 'Marginalia';
  return format === 'csv' ? `marginalia-highlights-${day}.csv` : `marginalia-annotations-${day}.jsonld`;
}

/**
 * Exports articles with their highlights and notes. The articles are read in one transaction, so the export is one
 * version of the library even while the user goes on highlighting. Markdown writes one file per article into the
 * folder, rewriting only Marginalia's part of a file that is already there (what the user wrote around it stays);
 * JSON-LD and CSV write one file. Every file is written beside its place and renamed over it, so a full disk or a
 * crash leaves the old file whole, never half of a new one.
 */
export async function exportLibrary(db: Database, request: ExportRequest): Promise<ExportReport> {
  const entries = readEntries(db, request.articleIds);
  const exportedAt = (request.now ?? new Date()).toISOString();
  const highlights = entries.reduce((sum, entry) => sum + entry.annotations.length, 0);
  let files: string[];
  if (request.format === 'markdown') {
    files = await writeMarkdownFolder(request.destination, entries, exportedAt);
  } else {
    const text =
      request.format === 'csv'
        ? highlightsCsv(entries)
        : `${JSON.stringify(webAnnotationCollection(entries, { exportedAt, generator: marginalia }), null, 2)}\n`;
    await writeWhole(request.destination, text);
    files = [request.destination];
  }
  return {
    format: request.format,
    articles: entries.length,
    highlights,
    files: files.length,
    destination: request.destination,
  };
}

const marginalia = { name: 'Marginalia', version: '0.1.0' };

function readEntries(db: Database, articleIds: readonly number[] | undefined): ExportedArticle[] {
  return db.transaction(() => {
    const ids = articleIds ? [...new Set(articleIds)] : listArticles(db).map((summary) => summary.id);
    return ids.map((id) => ({ article: getArticle(db, id), annotations: listAnnotations(db, id) }));
  })();
}

async function writeMarkdownFolder(folder: string, entries: readonly ExportedArticle[], exportedAt: string) {
  await guarded(folder, () => mkdir(folder, { recursive: true }));
  const written: string[] = [];
  for (const entry of entries) {
    const file = path.join(folder, markdownFileName(entry.article));
    const fresh = articleMarkdown(entry, { exportedAt });
    const existing = await readIfThere(file);
    await writeWhole(file, existing === undefined ? fresh : mergeMarkdown(existing, fresh));
    written.push(file);
  }
  return written;
}

async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ExportFailedError(failureMessage(file, error), { cause: error });
  }
}

/** Writes `text` to a temporary file beside `file`, then renames it over `file`: all of it or, on failure, none. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  await guarded(file, async () => {
    try {
      await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  });
}

async function guarded(place: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw new ExportFailedError(failureMessage(place, error), { cause: error });
  }
}

/** Why a file could not be written, in the user's words. */
function failureMessage(place: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${place} could not be written. Free some space, then export again.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Marginalia may not write to ${place}: choose another place, or change its permissions.`;
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
      return `${place} is in the way: a file stands where a folder should be, or a folder where a file should be.`;
    case 'ENAMETOOLONG':
      return `The path ${place} is too long for this system: choose a place nearer the top of the disk.`;
    default:
      return `${place} could not be written (${(error as Error | null)?.message ?? String(error)}).`;
  }
}
