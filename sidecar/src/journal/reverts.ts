/**
 * Temporary changes in the journal: what an action changed for a while (a quieted logger),
 * what it needs to undo it, and when. Kept across restarts, so a change made before a restart
 * is still undone on time, or at the next start when that time has passed.
 */
import type { ActionId, ActionParams } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import type { IncidentRecord } from './journal.js';
import { statementCache } from './statements.js';

/** A temporary change and its undoing. */
export interface RevertRecord {
  execution_id: string;
  /** The incident as it was when the change was made (its rollback's context). */
  incident: IncidentRecord;
  action_id: ActionId;
  params: ActionParams;
  /** What apply() returned, for rollback(). */
  applied: Record<string, unknown>;
  due_at: string;
  done_at: string | null;
  /** How the undoing went, in words. */
  detail: string | null;
}

interface RevertRow extends Omit<RevertRecord, 'incident' | 'params' | 'applied'> {
  incident: string;
  params: string;
  applied: string;
}

const toRecord = (r: RevertRow): RevertRecord => ({
  ...r,
  incident: JSON.parse(r.incident) as IncidentRecord,
  params: JSON.parse(r.params) as ActionParams,
  applied: JSON.parse(r.applied) as Record<string, unknown>,
});

export class RevertJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** Remember to undo a change at `due_at`. */
  schedule(r: Omit<RevertRecord, 'done_at' | 'detail'>): void {
    this.stmt(
      `INSERT INTO reverts (execution_id, incident, action_id, params, applied, due_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      r.execution_id,
      JSON.stringify(r.incident),
      r.action_id,
      JSON.stringify(r.params),
      JSON.stringify(r.applied),
      r.due_at,
    );
  }

  /** Changes due to be undone at `now`, oldest first. */
  due(now: string): RevertRecord[] {
    return (
      this.stmt('SELECT * FROM reverts WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at').all(
        now,
      ) as RevertRow[]
    ).map(toRecord);
  }

  /** The change of an execution, undone or not. */
  get(executionId: string): RevertRecord | undefined {
    const row = this.stmt('SELECT * FROM reverts WHERE execution_id = ?').get(executionId) as
      RevertRow | undefined;
    return row && toRecord(row);
  }

  /** The change was undone (or undoing it failed for good); `detail` says how. */
  done(executionId: string, at: string, detail: string): void {
    this.stmt('UPDATE reverts SET done_at = ?, detail = ? WHERE execution_id = ?').run(
      at,
      detail,
      executionId,
    );
  }
}
