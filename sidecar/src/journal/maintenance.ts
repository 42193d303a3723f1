/**
 * The maintenance window in the journal (one row), the failures held back while it
 * lasts (by fingerprint, redacted as everything stored), and the last window's summary.
 */
import type { MaintenanceSummary, Signal, SignalSource } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** A maintenance window as stored. */
export interface MaintenanceWindow {
  started_at: string;
  until: string;
  /** How long it was started (or last restarted) for. */
  minutes: number;
  started_by: string | null;
  surface: string;
  ended_at: string | null;
  summary: MaintenanceSummary | null;
}

/** A failure seen during maintenance. */
export interface HeldFailure {
  fingerprint: string;
  /** The latest signal of it (redacted). */
  signal: Signal;
  title: string;
  occurrences: number;
  first_seen: string;
  last_seen: string;
  source: SignalSource | null;
  key: string | null;
  /** A condition not cleared since (a log line has none: false). */
  active: boolean;
}

interface WindowRow extends Omit<MaintenanceWindow, 'summary'> {
  summary: string | null;
}

interface FailureRow extends Omit<HeldFailure, 'signal' | 'active'> {
  signal: string;
  active: number;
}

export class MaintenanceJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(private readonly db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** The current or last window, if there ever was one. */
  window(): MaintenanceWindow | undefined {
    const row = this.stmt('SELECT * FROM maintenance WHERE id = 1').get() as WindowRow | undefined;
    if (!row) return undefined;
    const { summary, ...rest } = row;
    return { ...rest, summary: summary ? (JSON.parse(summary) as MaintenanceSummary) : null };
  }

  /** Start a window (replacing the last one's summary); failures start empty. */
  start(
    w: Pick<MaintenanceWindow, 'started_at' | 'until' | 'minutes' | 'started_by' | 'surface'>,
  ): void {
    this.db.transaction(() => {
      this.stmt('DELETE FROM maintenance_failures').run();
      this.stmt(
        `INSERT OR REPLACE INTO maintenance (id, started_at, until, minutes, started_by, surface)
         VALUES (1, ?, ?, ?, ?, ?)`,
      ).run(w.started_at, w.until, w.minutes, w.started_by, w.surface);
    })();
  }

  setUntil(until: string, minutes?: number): void {
    this.stmt(
      'UPDATE maintenance SET until = ?, minutes = coalesce(?, minutes) WHERE id = 1 AND ended_at IS NULL',
    ).run(until, minutes ?? null);
  }

  /** End the window with its summary; the failures held during it are forgotten. */
  end(at: string, summary: MaintenanceSummary): void {
    this.db.transaction(() => {
      this.stmt('UPDATE maintenance SET ended_at = ?, summary = ? WHERE id = 1').run(
        at,
        JSON.stringify(summary),
      );
      this.stmt('DELETE FROM maintenance_failures').run();
    })();
  }

  failures(): HeldFailure[] {
    const rows = this.stmt(
      'SELECT * FROM maintenance_failures ORDER BY first_seen, fingerprint',
    ).all() as FailureRow[];
    return rows.map((r) => ({
      ...r,
      signal: JSON.parse(r.signal) as Signal,
      active: r.active === 1,
    }));
  }

  /** Record one more sighting of a failure; a condition reported again is not counted twice. */
  hold(fp: string, signal: Signal, title: string): void {
    const key = signal.condition === 'active' ? signal.key : null;
    const known = this.stmt(
      'SELECT occurrences, active, key FROM maintenance_failures WHERE fingerprint = ?',
    ).get(fp) as { occurrences: number; active: number; key: string | null } | undefined;
    if (known && key !== null && known.active === 1 && known.key === key) return;
    this.stmt(
      `INSERT INTO maintenance_failures (fingerprint, signal, title, occurrences, first_seen,
         last_seen, source, key, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET signal = excluded.signal,
         occurrences = occurrences + excluded.occurrences, last_seen = excluded.last_seen,
         source = excluded.source, key = excluded.key, active = excluded.active`,
    ).run(
      fp,
      JSON.stringify(signal),
      title,
      signal.count,
      signal.observed_at,
      signal.observed_at,
      key === null ? null : signal.source,
      key,
      key === null ? 0 : 1,
    );
  }

  /** A held condition cleared; true when there was one. */
  clear(source: SignalSource, key: string): boolean {
    return (
      this.stmt(
        'UPDATE maintenance_failures SET active = 0 WHERE source = ? AND key = ? AND active = 1',
      ).run(source, key).changes > 0
    );
  }

  /** Keys of the held conditions of `source` still active. */
  activeKeys(source: SignalSource): string[] {
    return (
      this.stmt('SELECT key FROM maintenance_failures WHERE source = ? AND active = 1').all(
        source,
      ) as { key: string }[]
    ).map((r) => r.key);
  }
}
