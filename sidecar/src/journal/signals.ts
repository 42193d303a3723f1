/**
 * An incident's signals, the newest `keep` of each. The newest row and the number of rows of
 * the incidents written lately are held in memory (the journal stays their owner: the rows
 * are written at once, and what is held is forgotten whenever a write is rolled back), so a
 * repeat costs one statement and a new line one insert, without the lookups that decide
 * whether to fold or to trim.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import { holdRecent } from '../shared/recent.js';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** What decides how the next signal of an incident is written: its newest row, and the count. */
interface Tail {
  /** The newest row (null when the incident holds none). */
  last: {
    id: number;
    fingerprint: string;
    condition: string;
    message: string;
    severity: string;
    /** The data the row holds, when it came as an object (a repeat shares its redacted data). */
    data: unknown;
  } | null;
  rows: number;
}

/** Incidents whose tail is held; the least recently written go first. */
export const MAX_HELD_TAILS = 1_000;

export class SignalStore {
  private readonly stmt: (sql: string) => Statement;
  private readonly tails = new Map<string, Tail>();

  constructor(
    db: JournalDb,
    private readonly maxHeld = MAX_HELD_TAILS,
  ) {
    this.stmt = statementCache(db);
  }

  /** How many incidents' tails are held (bounded by `maxHeld`). */
  get held(): number {
    return this.tails.size;
  }

  /** Forget what is held (a write was rolled back: the rows may not be what was held). */
  forget(): void {
    this.tails.clear();
  }

  private tail(incidentId: string): Tail {
    const held = this.tails.get(incidentId);
    if (held) return held;
    const last = this.stmt(
      `SELECT id, fingerprint, condition, message, severity FROM signals WHERE incident_id = ?
       ORDER BY id DESC LIMIT 1`,
    ).get(incidentId) as Omit<NonNullable<Tail['last']>, 'data'> | undefined;
    const rows = last
      ? (
          this.stmt('SELECT COUNT(*) AS n FROM signals WHERE incident_id = ?').get(incidentId) as {
            n: number;
          }
        ).n
      : 0;
    return { last: last ? { ...last, data: null } : null, rows };
  }

  private hold(incidentId: string, tail: Tail): void {
    holdRecent(this.tails, incidentId, tail, this.maxHeld);
  }

  /**
   * Keep a signal with its incident (the newest `keep` of each). The same line again right after
   * itself (a flood) adds to that row's count instead of pushing the other evidence out.
   */
  add(incidentId: string, fp: string, s: Signal, keep: number): void {
    const tail = this.tail(incidentId);
    const last = tail.last;
    if (
      last &&
      s.condition === 'occurrence' &&
      last.condition === 'occurrence' &&
      last.fingerprint === fp &&
      last.message === s.message &&
      last.severity === s.severity
    ) {
      // The same data again (the very object: redaction shares it among repeats) is not
      // serialized and written again (frozen: it cannot have changed since).
      if (last.data === s.data && Object.isFrozen(s.data))
        this.stmt(
          'UPDATE signals SET count = count + ?, observed_at = max(observed_at, ?) WHERE id = ?',
        ).run(s.count, s.observed_at, last.id);
      else
        this.stmt(
          'UPDATE signals SET count = count + ?, observed_at = max(observed_at, ?), data = ? WHERE id = ?',
        ).run(s.count, s.observed_at, JSON.stringify(s.data), last.id);
      this.hold(incidentId, { ...tail, last: { ...last, data: s.data } });
      return;
    }
    const data = JSON.stringify(s.data);
    const id = Number(
      this.stmt(
        `INSERT INTO signals (incident_id, fingerprint, observed_at, source, kind, condition, key, severity, message,
           count, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        incidentId,
        fp,
        s.observed_at,
        s.source,
        s.kind,
        s.condition,
        s.key,
        s.severity,
        s.message,
        s.count,
        data,
      ).lastInsertRowid,
    );
    let rows = tail.rows + 1;
    if (rows > keep) {
      this.stmt(
        `DELETE FROM signals WHERE incident_id = ? AND id <= (
             SELECT id FROM signals WHERE incident_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
      ).run(incidentId, incidentId, keep);
      rows = keep;
    }
    const held = { id, fingerprint: fp, condition: s.condition, message: s.message };
    this.hold(incidentId, { last: { ...held, severity: s.severity, data: s.data }, rows });
  }
}
