import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { AnnotationImportReport } from '../../common/model.ts';
import { importLimits } from './annotation-import/file-limits.ts';
import { importAnnotations } from './annotation-import/import-annotations.ts';
import { readAnnotationFile } from './annotation-import/read-annotation-file.ts';
import { AnnotationFileError } from './annotation-import/types.ts';

/**
 * Imports the annotation file the user picked: read (a file over the limit is refused unread), told apart by its
 * content (W3C Web Annotations, Hypothesis' export, Readwise CSV), and stored in one transaction
 * (annotation-import/). AnnotationFileError, naming the file, when it cannot be read as annotations; nothing is
 * stored then.
 */
export async function importAnnotationFile(db: Database, filePath: string): Promise<AnnotationImportReport> {
  const name = `“${path.basename(filePath)}”`;
  let bytes: Uint8Array;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new AnnotationFileError(`${name} is not a file.`);
    if (info.size > importLimits.fileMaxBytes) {
      const mb = Math.round(importLimits.fileMaxBytes / 1024 / 1024);
      throw new AnnotationFileError(
        `${name} is larger than ${mb} MB, the most an annotation file may be: export fewer annotations at a time.`,
      );
    }
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    if (error instanceof AnnotationFileError) throw error;
    throw new AnnotationFileError(unreadable(name, (error as NodeJS.ErrnoException).code), { cause: error });
  }
  try {
    return importAnnotations(db, readAnnotationFile(bytes));
  } catch (error) {
    if (error instanceof AnnotationFileError)
      throw new AnnotationFileError(`${name}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Why the file could not be read, in the user's words. */
function unreadable(name: string, code: string | undefined): string {
  if (code === 'ENOENT') return `${name} is not there any more: it was moved or deleted.`;
  if (code === 'EACCES' || code === 'EPERM') return `${name} may not be read: you lack permission to read it.`;
  if (code === 'EISDIR') return `${name} is a folder, not a file.`;
  return `${name} could not be read.`;
}
