/**
 * Opening the journal: SQLite in WAL mode, migrated to the current schema, held
 * by one sidecar at a time. A file that is not a usable database is kept aside
 * and a fresh journal started, so one bad file never stops the sidecar for good.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';

export type JournalDb = Database.Database;

/** The journal cannot be used here; the message says why and what to do. */
export class JournalUnavailable extends Error {}

/** What opening the journal had to do about a bad file. */
export interface OpenJournalOptions {
  /** Told when a corrupt file was moved aside (its new name) and a fresh journal started. */
  onCorrupt?: (keptAs: string, why: string) => void;
}

export interface JournalOptions extends OpenJournalOptions {
  /** Told when a turn's writes could not be committed (the disk is full, …) and were dropped. */
  onWriteError?: (err: unknown) => void;
}

const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';

/** Open the journal at `file`, creating and migrating it as needed. */
function open(file: string): JournalDb {
  const db = new Database(file);
  try {
    // Exclusive before the first WAL access: this connection holds the file until it closes
    // (the OS drops the lock if the process dies), so a second sidecar on the same data
    // directory is refused instead of writing alongside.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across crashes of the process in WAL mode; only power loss can drop the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new JournalUnavailable(
        `the journal ${file} was written by a newer version (schema ${current}, this one knows ${MIGRATIONS.length}); update LLM Ops, or move the file away to start afresh`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v] as string);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Open (creating if needed) the journal at `file` and run pending migrations. */
export function openJournalDb(file: string, opts: OpenJournalOptions = {}): JournalDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  try {
    return open(file);
  } catch (err) {
    const code = codeOf(err);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new JournalUnavailable(
        `the journal ${file} is in use by another sidecar (or another program): stop it, or give this one a data directory of its own (DATA_DIR)`,
      );
    }
    if ((code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') && file !== ':memory:') {
      // corrupt-YYYYMMDD-HHMMSS: short, so the redacted log still shows it whole.
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const keptAs = `${file}.corrupt-${stamp.slice(0, 8)}-${stamp.slice(8)}`;
      renameSync(file, keptAs);
      for (const side of ['-wal', '-shm'])
        if (existsSync(`${file}${side}`)) renameSync(`${file}${side}`, `${keptAs}${side}`);
      opts.onCorrupt?.(keptAs, (err as Error).message);
      return open(file);
    }
    throw err;
  }
}
