import { statSync } from 'node:fs';

import BetterSqlite3, { type Database } from 'better-sqlite3';

import { storageFailureOf } from '../../../db/errors.ts';

/** What is wrong with a library file, for the caller to choose its words and its offer by. */
export type FileProblem = 'missing' | 'unreadable' | 'not-a-database' | 'malformed' | 'failed-check' | 'not-a-library';

/** A library file's health: ok, or damaged with the reason in plain words. */
export type FileCheck = { ok: true } | { ok: false; problem: FileProblem; damaged: string };

/**
 * How thoroughly to look: `integrity` is SQLite's full integrity_check (every index against its table), for the
 * library at start; `quick` is quick_check (every page and record, not the indexes' agreement), for listing backups.
 */
export type CheckDepth = 'integrity' | 'quick';

/**
 * Checks that `file` is a readable, whole Marginalia library, without changing it: it is opened read-only and
 * must exist. Never throws for a damaged file; that is the answer.
 */
export function checkLibraryFile(file: string, depth: CheckDepth = 'integrity'): FileCheck {
  return inspectLibraryFile(file, depth, () => undefined).check;
}

/** A file's check and, when it is whole, what was read from it. */
export interface Inspection<T> {
  check: FileCheck;
  value?: T;
}

/**
 * Checks `file` like checkLibraryFile and, when it is whole, reads `read` from it in the same read-only opening
 * (the listing's counts).
 */
export function inspectLibraryFile<T>(file: string, depth: CheckDepth, read: (db: Database) => T): Inspection<T> {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    return { check: damaged('missing', 'the file is not there') };
  }
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const hasLibrary = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'articles'");
    if (hasLibrary.pluck().get() === 0) {
      return { check: damaged('not-a-library', 'it is a database, but holds no Marginalia library') };
    }
    const problems = db.pragma(depth === 'integrity' ? 'integrity_check(10)' : 'quick_check(10)', {
      simple: false,
    }) as Array<Record<string, string>>;
    // Each message may start with a line naming the schema ("*** in database main ***"): only the problem is kept.
    const messages = problems.map((row) => String(Object.values(row)[0] ?? '').replace(/^\*\*\*.*\*\*\*\n/, ''));
    if (messages.length !== 1 || messages[0] !== 'ok') {
      const found =
        messages.length === 1
          ? `1 problem (${messages[0]})`
          : `${messages.length === 10 ? '10 or more' : messages.length} problems (the first: ${messages[0]})`;
      return { check: damaged('failed-check', `it is damaged: SQLite's check found ${found}`) };
    }
    return { check: { ok: true }, value: read(db) };
  } catch (error) {
    return { check: explainReadFailure(error) };
  } finally {
    db?.close();
  }
}

function damaged(problem: FileProblem, reason: string): FileCheck {
  return { ok: false, problem, damaged: reason };
}

/**
 * Words for a failure to read a file, by SQLite's result code. A lock held by another program is not damage, nor
 * is a bug: those are thrown.
 */
function explainReadFailure(error: unknown): FileCheck {
  switch (storageFailureOf(error)) {
    case 'cannot-open':
    case 'read-only':
    case 'io':
      return damaged('unreadable', `it cannot be read (${(error as Error).message})`);
    case 'not-a-database':
      return damaged('not-a-database', 'it is not a database (its first bytes are not a SQLite header)');
    case 'corrupt':
      return damaged('malformed', `it is damaged: SQLite cannot read part of it (${(error as Error).message})`);
    default:
      throw error;
  }
}
