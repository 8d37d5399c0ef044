import type { Database } from 'better-sqlite3';

/**
 * One step of the schema. A migration file is frozen once it has shipped: users' databases already ran it, so a
 * fix is a new migration, never an edit. For the same reason migrations spell out their constants instead of
 * importing them from code that may change.
 */
export interface Migration {
  /** The `PRAGMA user_version` the database has after this step; versions run 1, 2, 3… without gaps. */
  readonly version: number;
  readonly name: string;
  /** Runs inside migrate()'s transaction with foreign keys off; it must not open its own transaction. */
  up(db: Database): void;
}
