/**
 * How incidents ended: one outcome per closed incident (the latest close wins;
 * a reopened incident has none until it closes again), kept after the incident
 * itself is purged so the false-alarm rate covers the home's history.
 */
import {
  type ActionId,
  type Category,
  INCIDENT_OUTCOMES,
  type IncidentOutcome,
  type OutcomeKind,
  type OutcomeStats,
} from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** An outcome as stored: the contract plus what it is grouped by. */
export interface OutcomeRecord extends IncidentOutcome {
  incident_id: string;
  fingerprint: string;
  category: Category;
}

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/** Outcomes in the journal. */
export class OutcomeJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** Record how an incident ended (replacing an earlier close of the same incident). */
  record(rec: OutcomeRecord): void {
    this.stmt(
      `INSERT OR REPLACE INTO outcomes (incident_id, outcome, closed_at, fingerprint, signature,
         integration, category, action_id, decided_by)
       VALUES (@incident_id, @outcome, @closed_at, @fingerprint, @signature, @integration,
         @category, @action_id, @decided_by)`,
    ).run(rec);
  }

  /** The incident is open again: it has no outcome until it closes again. */
  forget(incidentId: string): void {
    this.stmt('DELETE FROM outcomes WHERE incident_id = ?').run(incidentId);
  }

  /** Change the outcome of a closed incident (a withdrawn false alarm); false when it has none. */
  change(incidentId: string, outcome: OutcomeKind): boolean {
    return (
      this.stmt('UPDATE outcomes SET outcome = ? WHERE incident_id = ?').run(outcome, incidentId)
        .changes > 0
    );
  }

  /** The outcome of an incident, or null while it is open. */
  of(incidentId: string): IncidentOutcome | null {
    const row = this.stmt(
      `SELECT outcome, closed_at, signature, integration, action_id, decided_by
       FROM outcomes WHERE incident_id = ?`,
    ).get(incidentId) as
      (Omit<IncidentOutcome, 'action_id'> & { action_id: ActionId | null }) | undefined;
    return row ?? null;
  }

  /** Closed incidents by outcome, and the false-alarm rate overall and per signature. */
  stats(): OutcomeStats {
    const byOutcome: Record<string, number> = Object.fromEntries(
      INCIDENT_OUTCOMES.map((o) => [o, 0]),
    );
    const counts = this.stmt(
      'SELECT outcome, COUNT(*) AS n FROM outcomes GROUP BY outcome',
    ).all() as {
      outcome: string;
      n: number;
    }[];
    for (const { outcome, n } of counts) byOutcome[outcome] = n;
    const closed = counts.reduce((sum, c) => sum + c.n, 0);
    const falseAlarms = byOutcome.false_alarm ?? 0;
    const perSignature = this.stmt(
      `SELECT signature, COUNT(*) AS closed, SUM(outcome = 'false_alarm') AS false_alarms
       FROM outcomes GROUP BY signature ORDER BY false_alarms DESC, closed DESC, signature`,
    ).all() as { signature: string | null; closed: number; false_alarms: number }[];
    return {
      closed,
      false_alarms: falseAlarms,
      false_alarm_rate: rate(falseAlarms, closed),
      by_outcome: byOutcome,
      by_signature: perSignature.map((s) => ({
        ...s,
        false_alarm_rate: rate(s.false_alarms, s.closed),
      })),
    };
  }
}
