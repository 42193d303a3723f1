/**
 * Group commit: the writes of one event-loop turn share one SQLite transaction,
 * committed right after (a burst of events costs one commit, not one each).
 * Incidents and collector cursors commit together, so a crash or a full disk
 * loses a turn's work consistently and the collectors read it again.
 */
import type { JournalDb } from './database.js';

/** SQLite's answers when it cannot write: the disk is full or failing. */
const CANNOT_WRITE = /^SQLITE_(FULL|IOERR)/;

const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';

/** Whether SQLite failed because it cannot write (a turn that failed so is reported at its end). */
export const cannotWrite = (err: unknown): boolean => CANNOT_WRITE.test(codeOf(err));

export class Turns {
  private failed: unknown = null;

  constructor(
    private readonly db: JournalDb,
    /** Told when a turn's writes could not be saved and were dropped. */
    private readonly onWriteError?: (err: unknown) => void,
    /** Told whenever a turn was rolled back, so what is held in memory of it is forgotten. */
    private readonly onRollback?: () => void,
  ) {}

  /** Open this turn's transaction unless one is open; it ends right after the turn. */
  begin(): void {
    if (this.db.inTransaction || !this.db.open) return;
    this.db.exec('BEGIN');
    setImmediate(() => this.end());
  }

  /**
   * Run `fn` (work that writes); when it cannot write, the whole turn is dropped
   * at its end, so a cursor is never saved without what it stands for.
   */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (cannotWrite(err)) {
        this.failed ??= err;
        this.onRollback?.();
        // SQLite may have rolled back already: what follows in this turn stays uncommitted.
        if (this.db.open && !this.db.inTransaction) {
          this.db.exec('BEGIN');
          setImmediate(() => this.end());
        }
      }
      throw err;
    }
  }

  /** Commit the turn now, or roll it back when it failed or its commit fails. */
  end(): void {
    const failed = this.failed;
    this.failed = null;
    if (!this.db.open || !this.db.inTransaction) return;
    try {
      if (failed) throw failed;
      this.db.exec('COMMIT');
    } catch (err) {
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        // SQLite may have rolled back by itself
      }
      this.onRollback?.();
      this.onWriteError?.(err);
    }
  }
}
