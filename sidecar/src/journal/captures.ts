/**
 * Debug captures in the journal: the lines an integration logged at debug level while
 * capture_debug_log ran, already redacted, kept as evidence of their incident.
 */
import type { DebugCapture } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

interface CaptureRow extends Omit<DebugCapture, 'lines'> {
  lines: string;
}

export class CaptureJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /**
   * Keep a capture (a second save of the same capture replaces the first); false when its
   * incident is gone from the journal, so there is nothing to keep it with.
   */
  save(incidentId: string, c: DebugCapture): boolean {
    const { changes } = this.stmt(
      `INSERT OR REPLACE INTO debug_captures
         (id, incident_id, integration, started_at, ended_at, lines, dropped)
       SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM incidents WHERE id = ?)`,
    ).run(
      c.id,
      incidentId,
      c.integration,
      c.started_at,
      c.ended_at,
      JSON.stringify(c.lines),
      c.dropped,
      incidentId,
    );
    return changes > 0;
  }

  /** An incident's captures, oldest first. */
  ofIncident(incidentId: string): DebugCapture[] {
    const rows = this.stmt(
      `SELECT id, integration, started_at, ended_at, lines, dropped
       FROM debug_captures WHERE incident_id = ? ORDER BY ended_at`,
    ).all(incidentId) as CaptureRow[];
    return rows.map((r) => ({ ...r, lines: JSON.parse(r.lines) as string[] }));
  }
}
