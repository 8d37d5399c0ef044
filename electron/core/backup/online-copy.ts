import { type FileHandle, open } from 'node:fs/promises';

import BetterSqlite3 from 'better-sqlite3';

import { bytesBetweenFlushes, bytesPerStep } from './backup-tuning.ts';

/** What a copy did, for tests and the bench: how many synchronous steps, of how many pages each. */
export interface CopyReport {
  pages: number;
  pageSize: number;
  pagesPerStep: number;
  steps: number;
}

/** How many pages one step copies, for a database whose pages are `pageSize` bytes: about `bytesPerStep`. */
export function pagesPerStep(pageSize: number): number {
  return Math.max(1, Math.floor(bytesPerStep / pageSize));
}

/**
 * Copies the SQLite database in `sourceFile` into the new file `destination` with SQLite's online backup, one
 * small step per event-loop turn, so the caller's loop (the app's main process) is held for a step at a time: a few
 * milliseconds, except the last, SQLite's commit of the copy (see bytesBetweenFlushes for why and what it costs).
 *
 * The copy is read from a connection of its own holding one read transaction from start to end: in WAL mode that
 * is a fixed snapshot, so writes made meanwhile (by the app's connection or any other) neither appear half in the
 * copy nor make SQLite restart it, and they are not held up either. The copy therefore holds exactly the writes
 * committed before it started.
 *
 * The copy is left in rollback-journal mode (the source's WAL flag is copied with its first page): a backup is then
 * one self-contained file, and opening it read-only later does not leave -wal/-shm files beside it.
 */
export async function copyDatabase(sourceFile: string, destination: string): Promise<CopyReport> {
  const source = new BetterSqlite3(sourceFile, { readonly: true, fileMustExist: true });
  try {
    source.exec('BEGIN');
    // BEGIN alone is deferred: the snapshot is taken by the first read.
    source.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    const pageSize = source.pragma('page_size', { simple: true }) as number;
    const step = pagesPerStep(pageSize);
    const flusher = new Flusher(destination, Math.max(1, Math.floor(bytesBetweenFlushes / pageSize)));
    let steps = 1; // better-sqlite3's first step copies nothing and learns the page count; it calls back after it
    let done;
    try {
      done = await source.backup(destination, {
        progress: ({ totalPages, remainingPages }) => {
          steps += 1;
          flusher.copied(totalPages - remainingPages);
          return step;
        },
      });
    } finally {
      await flusher.close();
    }
    flusher.throwIfFailed();
    source.exec('COMMIT');
    leaveWalMode(destination);
    return { pages: done.totalPages, pageSize, pagesPerStep: step, steps };
  } finally {
    source.close();
  }
}

/** Switches a finished copy to rollback-journal mode (a header change, fsynced by SQLite). */
function leaveWalMode(file: string): void {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Pushes the half-made copy to disk from the thread pool while the copy goes on, so that SQLite's own fsync in the
 * last step (which runs on the caller's loop) has little left to write. One handle is opened and kept until SQLite
 * has closed the file: on POSIX, closing any handle to a file drops every lock this process holds on it.
 */
class Flusher {
  private readonly file: string;
  private readonly everyPages: number;
  private flushedAt = 0;
  private running: Promise<void> | undefined;
  private handle: Promise<FileHandle> | undefined;
  private failure: unknown;

  constructor(file: string, everyPages: number) {
    this.file = file;
    this.everyPages = everyPages;
  }

  /** Called after each step with the pages copied so far: starts a flush when enough is new and none is running. */
  copied(pages: number): void {
    if (this.running || pages - this.flushedAt < this.everyPages) return;
    this.flushedAt = pages;
    this.handle ??= open(this.file, 'r+');
    this.running = this.handle
      .then((handle) => handle.datasync())
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Waits for the last flush and closes the handle, once SQLite is done with the file. */
  async close(): Promise<void> {
    await this.running;
    // A handle that failed to open has no file to close; copied() recorded that failure already.
    const handle = await this.handle?.catch(() => undefined);
    await handle?.close();
  }

  /** A flush that failed fails the copy: the disk is in trouble, and the copy may not be on it. */
  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
