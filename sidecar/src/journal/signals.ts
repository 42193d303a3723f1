/**
 * An incident's signals, the newest `keep` of each. The newest row and the number of rows of
 * the incidents written lately are held in memory, so a repeat costs no lookup. Log lines are
 * written behind: new rows and repeats' counts are held (this store is their one owner) and
 * written together by `write()`, which the journal calls once a second, before any read of
 * signals, on shutdown, and when too much is held; a rolled back write forgets them with the
 * collectors' cursors, so the collectors read the same records again and count them once.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import { holdRecent } from '../shared/recent.js';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** A row not written yet. */
interface HeldRow {
  incidentId: string;
  fingerprint: string;
  observed_at: string;
  source: string;
  kind: string;
  condition: string;
  key: string | null;
  severity: string;
  message: string;
  count: number;
  /** The data as stored (JSON). */
  data: string;
  /** Its row id once written. */
  id: number | null;
}

/** What repeats added to a written row, not written yet. */
interface HeldRepeat {
  count: number;
  observed_at: string;
  /** The data to store instead (JSON), when it changed. */
  data: string | null;
}

/** What decides how the next signal of an incident is written: its newest row, and the count. */
interface Tail {
  /** The newest row (null when the incident holds none). */
  last: {
    /** Its id; null while it is held, not written yet (then `row` is it). */
    id: number | null;
    row: HeldRow | null;
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
  /** New rows not written yet, in the order they came. */
  private readonly rows: HeldRow[] = [];
  /** Repeats not written yet, by written row id. */
  private readonly repeats = new Map<number, HeldRepeat>();
  /** Incidents whose oldest rows are to go when written, with how many they keep. */
  private readonly trims = new Map<string, number>();

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

  /** How many rows and repeats wait to be written. */
  get unwritten(): number {
    return this.rows.length + this.repeats.size;
  }

  /** Forget what is held, written or not (a write was rolled back). */
  forget(): void {
    this.tails.clear();
    this.rows.length = 0;
    this.repeats.clear();
    this.trims.clear();
  }

  /** Write the held rows and repeats, then trim each incident to what it keeps. */
  write(): void {
    for (const [id, r] of this.repeats) {
      if (r.data === null)
        this.stmt(
          'UPDATE signals SET count = count + ?, observed_at = max(observed_at, ?) WHERE id = ?',
        ).run(r.count, r.observed_at, id);
      else
        this.stmt(
          'UPDATE signals SET count = count + ?, observed_at = max(observed_at, ?), data = ? WHERE id = ?',
        ).run(r.count, r.observed_at, r.data, id);
    }
    this.repeats.clear();
    const insert = this.stmt(
      `INSERT INTO signals (incident_id, fingerprint, observed_at, source, kind, condition, key, severity, message,
         count, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of this.rows) {
      row.id = Number(
        insert.run(
          row.incidentId,
          row.fingerprint,
          row.observed_at,
          row.source,
          row.kind,
          row.condition,
          row.key,
          row.severity,
          row.message,
          row.count,
          row.data,
        ).lastInsertRowid,
      );
    }
    this.rows.length = 0;
    for (const [incidentId, keep] of this.trims)
      this.stmt(
        `DELETE FROM signals WHERE incident_id = ? AND id <= (
           SELECT id FROM signals WHERE incident_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
      ).run(incidentId, incidentId, keep);
    this.trims.clear();
    // The tails' newest rows now have their ids.
    for (const tail of this.tails.values())
      if (tail.last?.row) tail.last = { ...tail.last, id: tail.last.row.id, row: null };
  }

  private tail(incidentId: string): Tail {
    const held = this.tails.get(incidentId);
    if (held) return held;
    // What is held of an incident whose tail went is written before its rows are read.
    if (this.unwritten > 0) this.write();
    const last = this.stmt(
      `SELECT id, fingerprint, condition, message, severity FROM signals WHERE incident_id = ?
       ORDER BY id DESC LIMIT 1`,
    ).get(incidentId) as Omit<NonNullable<Tail['last']>, 'data' | 'row'> | undefined;
    const rows = last
      ? (
          this.stmt('SELECT COUNT(*) AS n FROM signals WHERE incident_id = ?').get(incidentId) as {
            n: number;
          }
        ).n
      : 0;
    return { last: last ? { ...last, row: null, data: null } : null, rows };
  }

  private hold(incidentId: string, tail: Tail): void {
    holdRecent(this.tails, incidentId, tail, this.maxHeld);
  }

  /**
   * Keep a signal with its incident (the newest `keep` of each), written with the next
   * `write()`. The same line again right after itself (a flood) adds to that row's count
   * instead of pushing the other evidence out.
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
      // serialized again (frozen: it cannot have changed since).
      const same = last.data === s.data && Object.isFrozen(s.data);
      const data = same ? null : JSON.stringify(s.data);
      if (last.row) {
        last.row.count += s.count;
        if (s.observed_at > last.row.observed_at) last.row.observed_at = s.observed_at;
        if (data !== null) last.row.data = data;
      } else if (last.id !== null) {
        const r = this.repeats.get(last.id);
        if (r) {
          r.count += s.count;
          if (s.observed_at > r.observed_at) r.observed_at = s.observed_at;
          if (data !== null) r.data = data;
        } else this.repeats.set(last.id, { count: s.count, observed_at: s.observed_at, data });
      }
      this.hold(incidentId, { ...tail, last: { ...last, data: s.data } });
      return;
    }
    const row: HeldRow = {
      incidentId,
      fingerprint: fp,
      observed_at: s.observed_at,
      source: s.source,
      kind: s.kind,
      condition: s.condition,
      key: s.key,
      severity: s.severity,
      message: s.message,
      count: s.count,
      data: JSON.stringify(s.data),
      id: null,
    };
    this.rows.push(row);
    let rows = tail.rows + 1;
    if (rows > keep) {
      this.trims.set(incidentId, keep);
      rows = keep;
    }
    const newest = { id: null, row, fingerprint: fp, condition: s.condition, message: s.message };
    this.hold(incidentId, { last: { ...newest, severity: s.severity, data: s.data }, rows });
  }
}
