/**
 * Collector cursors: where each collector got to, written with the work they stand for (the
 * journal writes held signals and cursors in one transaction). The cursors written or read
 * lately are held in memory, as their stored text, so the system log's one-per-record lookups
 * cost no query; a cursor set is written by `write()`, with the signals it stands for, and
 * what is held is forgotten whenever a write is rolled back or rows are deleted behind it
 * (retention).
 */
import type { Statement } from 'better-sqlite3';
import { holdRecent } from '../shared/recent.js';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** Cursors held; the least recently used go first (above retention's system log cap). */
export const MAX_HELD_CURSORS = 5_000;

export class Cursors {
  private readonly stmt: (sql: string) => Statement;
  /** Stored text by name; null: known to be absent. */
  private readonly held = new Map<string, string | null>();
  /** Cursors set and not written yet, by name, in the order they were last set. */
  private readonly unwrittenText = new Map<string, string>();

  constructor(
    db: JournalDb,
    private readonly maxHeld = MAX_HELD_CURSORS,
  ) {
    this.stmt = statementCache(db);
  }

  /** Forget what is held (a write was rolled back, or rows were deleted). */
  forget(): void {
    this.held.clear();
    this.unwrittenText.clear();
  }

  /** How many cursors wait to be written. */
  get unwritten(): number {
    return this.unwrittenText.size;
  }

  /** Write the cursors set since the last write, oldest first (their order is retention's). */
  write(): void {
    const upsert = this.stmt(
      `INSERT INTO cursors (name, value, seq) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM cursors))
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, seq = excluded.seq`,
    );
    for (const [name, text] of this.unwrittenText) upsert.run(name, text);
    this.unwrittenText.clear();
  }

  get<T>(name: string): T | undefined {
    let text = this.unwrittenText.get(name) ?? this.held.get(name);
    if (text === undefined) {
      const row = this.stmt('SELECT value FROM cursors WHERE name = ?').get(name) as
        { value: string } | undefined;
      text = row?.value ?? null;
      this.hold(name, text);
    }
    // Parsed anew each time: a caller may change what it gets.
    return text === null ? undefined : (JSON.parse(text) as T);
  }

  /** Set a cursor, written with the next `write()`. */
  set(name: string, value: unknown): void {
    const text = JSON.stringify(value);
    this.unwrittenText.delete(name); // set again: it moves to the end
    this.unwrittenText.set(name, text);
    this.hold(name, text);
  }

  private hold(name: string, text: string | null): void {
    holdRecent(this.held, name, text, this.maxHeld);
  }
}
