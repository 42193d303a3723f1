/**
 * Failures the home asked to hear less of, by fingerprint: "ignore similar"
 * (never opens an incident again) and false alarms (opens lowered to info, for a
 * while). Both are listed by the incident they were decided on, can be undone,
 * and may expire.
 */
import type { Suppression, SuppressionKind } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** What is recorded with a dismissal. */
export interface DismissalOptions {
  kind: SuppressionKind;
  at: string;
  expiresAt: string | null;
  reason: string | null;
  title: string | null;
  integration: string | null;
}

/** Dismissals in the journal. */
export class Dismissals {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** How a fingerprint is kept quiet at `now`, if it is. */
  kindOf(fp: string, now: string): SuppressionKind | undefined {
    const row = this.stmt(
      'SELECT kind FROM dismissals WHERE fingerprint = ? AND (expires_at IS NULL OR expires_at > ?)',
    ).get(fp, now) as { kind: SuppressionKind } | undefined;
    return row?.kind;
  }

  /** Whether the fingerprint is ignored for good ("ignore similar"). */
  isDismissed(fp: string, now = new Date().toISOString()): boolean {
    return this.kindOf(fp, now) === 'ignored';
  }

  /**
   * Keep these fingerprints quiet. A later decision on the same fingerprint replaces an
   * earlier one (ignoring what was a false alarm, or the reverse).
   */
  add(fps: string[], incidentId: string, opts: DismissalOptions): void {
    const stmt = this.stmt(
      `INSERT OR REPLACE INTO dismissals (fingerprint, incident_id, created_at, reason, kind,
         expires_at, title, integration) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const fp of fps)
      stmt.run(
        fp,
        incidentId,
        opts.at,
        opts.reason,
        opts.kind,
        opts.expiresAt,
        opts.title,
        opts.integration,
      );
  }

  /** What is kept quiet at `now`, by the incident it was decided on, newest first. */
  list(now: string): Suppression[] {
    return this.stmt(
      `SELECT incident_id, kind, MAX(title) AS title, MAX(integration) AS integration,
         COUNT(*) AS fingerprints, MAX(created_at) AS created_at, MAX(expires_at) AS expires_at,
         MAX(reason) AS reason
       FROM dismissals WHERE expires_at IS NULL OR expires_at > ?
       GROUP BY incident_id, kind ORDER BY created_at DESC, incident_id`,
    ).all(now) as Suppression[];
  }

  /** Undo what was decided on an incident; returns what it was, or undefined when nothing was. */
  undo(incidentId: string): SuppressionKind | undefined {
    const row = this.stmt('SELECT kind FROM dismissals WHERE incident_id = ? LIMIT 1').get(
      incidentId,
    ) as { kind: SuppressionKind } | undefined;
    this.stmt('DELETE FROM dismissals WHERE incident_id = ?').run(incidentId);
    return row?.kind;
  }
}
