/** A row the caller named does not exist. The IPC layer reports it as `not-found`; db/ stays free of electron/. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A row with the caller's chosen key already exists. The IPC layer reports it as `conflict`. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * The file was written by a newer Marginalia whose schema this version does not know. Opening it anyway could
 * silently drop or corrupt what the newer version stored, so it is refused before anything is written to it.
 */
export class DatabaseTooNewError extends Error {
  readonly foundVersion: number;
  readonly knownVersion: number;

  constructor(foundVersion: number, knownVersion: number) {
    super(
      `This database was written by a newer version of Marginalia (schema ${foundVersion}; ` +
        `this version knows up to ${knownVersion}). Update Marginalia to open it.`,
    );
    this.name = 'DatabaseTooNewError';
    this.foundVersion = foundVersion;
    this.knownVersion = knownVersion;
  }
}

/**
 * Why SQLite could not read or write the library, told apart by its result code. Each kind calls for a different
 * thing from the user (free space, close the other program, restore a backup), so callers word their message by it.
 */
export type StorageFailure = 'disk-full' | 'read-only' | 'locked' | 'not-a-database' | 'corrupt' | 'cannot-open' | 'io';

const failureByCode: ReadonlyArray<readonly [prefix: string, failure: StorageFailure]> = [
  ['SQLITE_FULL', 'disk-full'],
  ['SQLITE_IOERR_NOSPC', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_PERM', 'read-only'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_NOTADB', 'not-a-database'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_CANTOPEN', 'cannot-open'],
  ['SQLITE_IOERR', 'io'],
];

/** The storage failure an error from better-sqlite3 stands for, or undefined when it is not one (a bug, a constraint). */
export function storageFailureOf(error: unknown): StorageFailure | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …) share their primary code's prefix.
  return failureByCode.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
}
