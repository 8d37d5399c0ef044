import type { Database } from 'better-sqlite3';

/**
 * Memoises a module's prepared statements per database handle. Preparing is the costly part of a query, and a
 * WeakMap lets a closed handle's statements be collected with it instead of pinning it in a global.
 */
export function statementCache<Statements>(prepare: (db: Database) => Statements): (db: Database) => Statements {
  const cache = new WeakMap<Database, Statements>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
