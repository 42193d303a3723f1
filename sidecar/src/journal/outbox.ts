/**
 * The outbox: events for Home Assistant, queued in the journal until HA has them,
 * so none is lost while HA or the sidecar restarts.
 */
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

export interface OutboxRow {
  id: number;
  event_type: string;
  incident_id: string | null;
  change: string | null;
  payload: Record<string, unknown>;
  not_before: string;
}

export class EventOutbox {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /**
   * Queue an event for HA. An `updated` change replaces a still-queued `updated`
   * of the same incident, so a noisy incident sends one event per interval.
   */
  enqueueEvent(
    eventType: string,
    incidentId: string | null,
    change: string | null,
    payload: object,
    notBefore: string,
    now: string,
  ): void {
    if (change !== 'updated' && incidentId) {
      // A newer change supersedes a pending update of the same incident.
      this.stmt(
        `DELETE FROM outbox WHERE event_type = ? AND incident_id = ? AND change = 'updated'`,
      ).run(eventType, incidentId);
    }
    if (change === 'updated' && incidentId) {
      const res = this.stmt(
        `UPDATE outbox SET payload = ? WHERE event_type = ? AND incident_id = ? AND change = 'updated'`,
      ).run(JSON.stringify(payload), eventType, incidentId);
      if (res.changes > 0) return;
    }
    this.stmt(
      'INSERT INTO outbox (event_type, incident_id, change, payload, not_before, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(eventType, incidentId, change, JSON.stringify(payload), notBefore, now);
  }

  /** Queued events whose time has come, oldest first. */
  dueEvents(now: string, limit = 100): OutboxRow[] {
    const rows = this.stmt('SELECT * FROM outbox WHERE not_before <= ? ORDER BY id LIMIT ?').all(
      now,
      limit,
    ) as (Omit<OutboxRow, 'payload'> & { payload: string })[];
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  /** The earliest time a queued event becomes due, if any are queued. */
  nextEventDue(): string | undefined {
    return (
      (this.stmt('SELECT MIN(not_before) AS t FROM outbox').get() as { t: string | null }).t ??
      undefined
    );
  }

  removeEvent(id: number): void {
    this.stmt('DELETE FROM outbox WHERE id = ?').run(id);
  }
}
