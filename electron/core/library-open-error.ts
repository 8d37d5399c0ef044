import { DatabaseTooNewError, storageFailureOf } from '../../db/errors.ts';

/**
 * The library could not be opened. The message is for the user: what is wrong, the folder it concerns, and what
 * they can do about it. In every case the library file was left exactly as it was.
 */
export class LibraryOpenError extends Error {
  readonly dataDir: string;

  constructor(message: string, dataDir: string, cause: unknown) {
    super(message, { cause });
    this.name = 'LibraryOpenError';
    this.dataDir = dataDir;
  }
}

const untouched = 'Marginalia has not changed it.';

/**
 * Explains why opening the library in `dataDir` failed, from the raw error of creating the folder (Node's errno
 * codes) or of SQLite (its result codes). Unknown errors keep their own text, behind the same lead.
 */
export function explainOpenFailure(error: unknown, dataDir: string, databaseFile: string): LibraryOpenError {
  return new LibraryOpenError(openFailureMessage(error, dataDir, databaseFile), dataDir, error);
}

function openFailureMessage(error: unknown, dataDir: string, file: string): string {
  if (error instanceof DatabaseTooNewError) return `${error.message} Your library in ${dataDir} was left as it is.`;
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const syscall = (error as NodeJS.ErrnoException | null)?.syscall;
  if (syscall === 'mkdir' || syscall === 'stat') {
    if (errno === 'EISDIR') {
      return `Marginalia keeps your library in the file ${file} in ${dataDir}, but a folder of that name is in the way. Move or rename that folder, then start Marginalia again.`;
    }
    if (errno === 'EEXIST' || errno === 'ENOTDIR') {
      return `Marginalia keeps your library in the folder ${dataDir}, but a file is in the way: ${describePath(error)} is not a folder. Move or rename that file, then start Marginalia again.`;
    }
    // A recursive mkdir reports a read-only parent as ENOENT (it could not create a folder it needed), not EROFS.
    if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS' || errno === 'ENOENT') {
      return `Marginalia cannot create the folder ${dataDir} for your library: the folder it belongs in cannot be written (it is read-only or you lack permission). Make it writable, then start Marginalia again.`;
    }
    if (errno === 'ENOSPC')
      return `The disk is full: Marginalia cannot create the folder ${dataDir} for your library. Free some space, then start Marginalia again.`;
  }
  switch (storageFailureOf(error)) {
    case 'read-only':
    case 'cannot-open':
      return `Marginalia cannot open your library in ${dataDir}: the folder or ${file} is read-only, or you lack permission to write there. Make the folder writable, then start Marginalia again.`;
    case 'not-a-database':
      return `${file} in ${dataDir} is not a Marginalia library (it is not a SQLite database). ${untouched} Move it out of the folder to start a new library, or restore your library from a backup.`;
    case 'corrupt':
      return `Your library ${file} in ${dataDir} is damaged and cannot be read. ${untouched} Restore it from a backup, or move it out of the folder to start a new library.`;
    case 'locked':
      return `Your library in ${dataDir} is in use by another program (perhaps another Marginalia, or a backup or sync tool). Close that program, then start Marginalia again.`;
    case 'disk-full':
      return `The disk is full: Marginalia cannot open your library in ${dataDir}. Free some space, then start Marginalia again.`;
    case 'io':
    case undefined:
      break;
  }
  // Unforeseen: the caller logs the error itself; the user gets what they can act on.
  return `Marginalia cannot open your library in ${dataDir} because of an unexpected error (the details are in Marginalia’s log). ${untouched}`;
}

function describePath(error: unknown): string {
  return (error as NodeJS.ErrnoException).path ?? 'part of that path';
}
