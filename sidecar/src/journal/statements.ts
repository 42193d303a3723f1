/** Prepared statements, prepared once per SQL text and reused (better-sqlite3 keeps them compiled). */
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';

/** A function returning the prepared statement of a SQL text, preparing it the first time. */
export function statementCache(db: JournalDb): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
}
