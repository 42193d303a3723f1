/**
 * The backups LLM Ops took before its fixes, by id: the only backups it may
 * delete to make room. Names are no proof (anyone can name a backup "LLM Ops
 * before …"), and a backup the user asked for (create_backup) is not recorded.
 */
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

export class BackupJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** Record a backup taken before a fix. */
  taken(id: string, at: string): void {
    this.stmt('INSERT OR IGNORE INTO own_backups (id, taken_at) VALUES (?, ?)').run(id, at);
  }

  /** The ids of the backups taken before fixes and not deleted yet. */
  own(): Set<string> {
    return new Set(
      (this.stmt('SELECT id FROM own_backups').all() as { id: string }[]).map((r) => r.id),
    );
  }

  /** Forget backups that were deleted (by LLM Ops or by anyone). */
  forget(ids: readonly string[]): void {
    const del = this.stmt('DELETE FROM own_backups WHERE id = ?');
    for (const id of ids) del.run(id);
  }
}
