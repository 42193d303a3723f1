/**
 * Outages that ended by themselves, per subject (the condition a collector reports: a
 * device's entities, an entity, a config entry), with the time of day they started on
 * Home Assistant's clock: what learned quiet is learned from (shared/quiet-pattern.ts).
 * Kept for the period the rule looks at; a reset forgets a subject's.
 */
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** A self-recovery as stored. */
export interface SelfRecoveryRecord {
  source: string;
  key: string;
  title: string | null;
  integration: string | null;
  /** When the outage started and ended (ISO). */
  started_at: string;
  ended_at: string;
  /** The day (`YYYY-MM-DD`) and minute of day it started, on Home Assistant's clock. */
  local_day: string;
  local_minute: number;
  /** The outage was kept quiet (it opened no incident) before it recovered. */
  kept_quiet: boolean;
}

/** Self-recoveries in the journal. */
export class SelfRecoveries {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** Record one, and forget every recovery that started before `keepSince` (too old to teach). */
  record(rec: SelfRecoveryRecord, keepSince: string): void {
    this.stmt(
      `INSERT INTO self_recoveries (source, key, title, integration, started_at, ended_at,
         local_day, local_minute, kept_quiet)
       VALUES (@source, @key, @title, @integration, @started_at, @ended_at, @local_day,
         @local_minute, @kept_quiet)`,
    ).run({ ...rec, kept_quiet: rec.kept_quiet ? 1 : 0 });
    this.stmt('DELETE FROM self_recoveries WHERE started_at < ?').run(keepSince);
  }

  /** The outages an incident held that have cleared (its conditions of `sources`). */
  outagesOf(
    incidentId: string,
    sources: readonly string[],
  ): { source: string; key: string; since: string; cleared_at: string }[] {
    return (
      this.stmt(
        `SELECT source, key, since, cleared_at FROM conditions
         WHERE incident_id = ? AND cleared_at IS NOT NULL`,
      ).all(incidentId) as { source: string; key: string; since: string; cleared_at: string }[]
    ).filter((c) => sources.includes(c.source));
  }

  /** The recoveries of one subject, oldest first. */
  of(source: string, key: string): SelfRecoveryRecord[] {
    return (
      this.stmt(
        `SELECT * FROM self_recoveries WHERE source = ? AND key = ? ORDER BY started_at, id`,
      ).all(source, key) as (Omit<SelfRecoveryRecord, 'kept_quiet'> & { kept_quiet: number })[]
    ).map((r) => ({ ...r, kept_quiet: r.kept_quiet === 1 }));
  }

  /** Every subject with recoveries. */
  subjects(): { source: string; key: string }[] {
    return this.stmt(
      'SELECT DISTINCT source, key FROM self_recoveries ORDER BY source, key',
    ).all() as { source: string; key: string }[];
  }

  /** Forget a subject's recoveries (a reset); false when it had none. */
  forget(source: string, key: string): boolean {
    return (
      this.stmt('DELETE FROM self_recoveries WHERE source = ? AND key = ?').run(source, key)
        .changes > 0
    );
  }

  /** Forget every recovery. */
  forgetAll(): void {
    this.stmt('DELETE FROM self_recoveries').run();
  }
}
