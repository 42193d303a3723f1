/**
 * The journal: everything the sidecar knows, in SQLite, so a restart loses
 * nothing and duplicates nothing. Incidents with their conditions and signals,
 * sticky dismissals, outcomes, the outbox of events for HA, and collector cursors.
 */
import type { Category, IncidentStatus, RcaResult, Severity, Signal } from '@ha-llm-ops/contracts';
import { CLOSED_STATUSES, INCIDENT_STATUSES, isClosed } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import { openJournalDb, type JournalDb, type JournalOptions } from './database.js';
import { BackupJournal } from './backups.js';
import { Dismissals } from './dismissals.js';
import { OutcomeJournal } from './outcomes.js';
import { CaptureJournal } from './captures.js';
import { Cursors } from './cursors.js';
import { HeldIncidents, type ObservedPatch } from './held-incidents.js';
import type { IncidentRecord } from './incident-record.js';
import { FingerprintFilter } from './fingerprint-filter.js';
import { EventOutbox } from './outbox.js';
import { SelfRecoveries } from './self-recoveries.js';
import { SignalStore } from './signals.js';
import { statementCache } from './statements.js';
import { cannotWrite, Turns } from './turns.js';
import { UpdateJournal } from './updates.js';

export type { IncidentRecord } from './incident-record.js';

/** A signal as stored with its incident. */
export interface SignalRecord extends Signal {
  id: number;
  incident_id: string;
  fingerprint: string;
}

/** Filters of incident listings. */
export interface IncidentFilter {
  status?: IncidentStatus[];
  severity?: Severity[];
  integration?: string;
  category?: Category;
  /** Only open-like statuses (everything but resolved and dismissed). */
  active?: boolean;
}

const CLOSED: readonly IncidentStatus[] = CLOSED_STATUSES;
const ACTIVE = INCIDENT_STATUSES.filter((s) => !isClosed(s));
/** The closed statuses as an SQL list: `('resolved', 'dismissed')`. */
const CLOSED_SQL = `(${CLOSED.map((s) => `'${s}'`).join(', ')})`;

interface IncidentRow extends Omit<IncidentRecord, 'analysis'> {
  analysis: string | null;
}

function toRecord(row: IncidentRow): IncidentRecord {
  return { ...row, analysis: row.analysis ? (JSON.parse(row.analysis) as RcaResult) : null };
}

/**
 * How often what is written behind (log lines' signal rows, incidents' counts, collectors'
 * cursors) is written, in one transaction: a crash loses at most this much of it, all together.
 */
export const WRITE_BEHIND_MS = 1_000;
/** Rows, counts and cursors held at most before they are written anyway. */
export const MAX_UNWRITTEN = 10_000;

/** Typed access to the journal database. */
export class Journal {
  readonly db: JournalDb;
  /** Events for HA, queued until sent (the reporter's). */
  readonly outbox: EventOutbox;
  /** The backups taken before fixes, which pruning may delete (the executor's). */
  readonly backups: BackupJournal;
  /** Failures kept quiet: ignored, or false alarms. */
  readonly dismissals: Dismissals;
  /** How every incident ended. */
  readonly outcomes: OutcomeJournal;
  /** Outages that ended by themselves, what learned quiet is learned from. */
  readonly selfRecoveries: SelfRecoveries;
  /** Debug lines captured as evidence (capture_debug_log). */
  readonly captures: CaptureJournal;
  /** Updates seen installed, and the last version seen of each update entity. */
  readonly updates: UpdateJournal;
  /** Each incident's newest signals (written through it). */
  readonly signals: SignalStore;
  /** Where each collector got to (written through it, with the work it stands for). */
  private readonly cursors: Cursors;
  /** Incidents read or written lately, and what was observed of them and is not written yet. */
  private readonly incidents = new HeldIncidents();
  /** The fingerprints held: a failure never seen is no incident's, without a read. */
  private readonly fingerprints = new FingerprintFilter(() => this.heldFingerprints());
  private readonly writeTimer: NodeJS.Timeout;
  private readonly onWriteError: ((err: unknown) => void) | undefined;
  private readonly stmt: (sql: string) => Statement;
  /** Runs a function in a transaction (a savepoint inside one); made once, not per call. */
  private readonly inTransaction: (fn: () => unknown) => unknown;
  /** Group commit (turns.ts). */
  private readonly turns: Turns;
  private droppedWrites = 0;

  constructor(file: string, opts: JournalOptions = {}) {
    this.db = openJournalDb(file, opts);
    this.stmt = statementCache(this.db);
    this.inTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.outbox = new EventOutbox(this.db);
    this.backups = new BackupJournal(this.db);
    this.dismissals = new Dismissals(this.db);
    this.outcomes = new OutcomeJournal(this.db);
    this.selfRecoveries = new SelfRecoveries(this.db);
    this.captures = new CaptureJournal(this.db);
    this.updates = new UpdateJournal(this.db);
    this.signals = new SignalStore(this.db);
    this.cursors = new Cursors(this.db);
    // What is held in memory mirrors committed rows only: a rolled back turn forgets it.
    this.turns = new Turns(this.db, opts.onWriteError, () => this.dropTurn());
    this.onWriteError = opts.onWriteError;
    this.writeTimer = setInterval(() => {
      try {
        this.guard(() => this.writeHeld());
      } catch (err) {
        // One that cannot write is reported when its turn ends (turns.ts).
        if (!cannotWrite(err)) this.onWriteError?.(err);
      }
    }, WRITE_BEHIND_MS);
    this.writeTimer.unref();
  }

  close(): void {
    clearInterval(this.writeTimer);
    try {
      if (this.db.open) this.writeHeld();
    } catch (err) {
      // Dropped with its turn, as on a crash: the collectors read it again at the next start.
      this.onWriteError?.(err);
    }
    this.turns.end();
    this.db.close();
  }

  /** How many rows, counts and cursors wait to be written. */
  get unwritten(): number {
    return this.signals.unwritten + this.cursors.unwritten + this.incidents.unwritten;
  }

  /**
   * Write what is held back (signal rows, incidents' counts, cursors) in one transaction: on
   * the timer, before a read that must see it, on shutdown, and when too much is held.
   */
  writeHeld(): void {
    if (this.unwritten === 0) return;
    this.transaction(() => {
      this.signals.write();
      for (const [id, patch] of this.incidents.takeObservations()) this.writeIncident(id, patch);
      this.cursors.write();
    });
  }

  private boundHeld(): void {
    if (this.unwritten >= MAX_UNWRITTEN) this.writeHeld();
  }

  /** Run `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    this.groupCommit();
    try {
      return this.inTransaction(fn) as T;
    } catch (err) {
      this.dropTurn(); // rolled back: what was held may not have been written
      throw err;
    }
  }

  /**
   * How many times writes were rolled back (a full disk, a failed transaction) since the
   * journal opened: what collectors took in them is to be read again from Home Assistant.
   */
  get dropped(): number {
    return this.droppedWrites;
  }

  private dropTurn(): void {
    this.droppedWrites++;
    this.forget();
  }

  /**
   * Forget every row held in memory (signal tails, cursors, incidents): after a rollback, or
   * when rows were deleted without going through the journal's methods (retention).
   */
  forget(): void {
    this.signals.forget();
    this.cursors.forget();
    this.incidents.forget();
    this.fingerprints.forget();
  }

  private groupCommit(): void {
    this.turns.begin();
  }

  /** Write what is held and commit now (before closing, or when a reader elsewhere must see it). */
  flush(): void {
    this.writeHeld();
    this.turns.end();
  }

  /** Run `fn`, which writes; if it cannot write (a full disk), its whole turn is dropped. */
  guard<T>(fn: () => T): T {
    return this.turns.guard(fn);
  }

  // --- incidents -------------------------------------------------------------

  createIncident(rec: IncidentRecord): void {
    this.stmt(
      `INSERT INTO incidents (id, fingerprint, group_key, status, severity, category, integration, entry_id,
           subject, title, first_seen, last_seen, occurrences, resolved_at, resolution, remedy, confidence, flaps,
           analysis, analyzed_at, updated_at)
         VALUES (@id, @fingerprint, @group_key, @status, @severity, @category, @integration, @entry_id,
           @subject, @title, @first_seen, @last_seen, @occurrences, @resolved_at, @resolution, @remedy, @confidence,
           @flaps, @analysis, @analyzed_at, @updated_at)`,
    ).run({ ...rec, analysis: rec.analysis ? JSON.stringify(rec.analysis) : null });
    this.incidents.hold({ ...rec });
    this.fingerprints.add(rec.fingerprint);
  }

  /** Update some fields of an incident (and its updated_at). */
  updateIncident(id: string, patch: Partial<Omit<IncidentRecord, 'id'>>, now: string): void {
    this.writeIncident(id, { ...patch, updated_at: now });
    this.incidents.updated(id, patch, now);
  }

  /** Write fields of an incident as given (`updated_at` among them). */
  private writeIncident(id: string, patch: Partial<Omit<IncidentRecord, 'id'>>): void {
    const fields = Object.keys(patch) as (keyof typeof patch)[];
    const values: Record<string, unknown> = { id };
    for (const f of fields) {
      const value = patch[f];
      values[f] = f === 'analysis' && value ? JSON.stringify(value) : (value ?? null);
    }
    const sets = fields.map((f) => `${f} = @${f}`).join(', ');
    this.stmt(`UPDATE incidents SET ${sets} WHERE id = @id`).run(values);
  }

  /**
   * Record what another signal changed of an incident (its count, when it was last seen, …):
   * held and written with that signal's row and cursor (`writeHeld`), unless `hold` is false
   * (a condition's signal, written with its condition at once). Reads see it meanwhile.
   */
  observeIncident(id: string, patch: ObservedPatch, now: string, hold = true): void {
    if (!hold) {
      this.writeHeld();
      this.updateIncident(id, patch, now);
      return;
    }
    // A repeat of a known failure: no copy of what is held, `observe` makes the new one.
    const held = this.incidents.peek(id) ?? this.getIncident(id);
    if (!held) return;
    this.incidents.observe(held, patch, now);
    this.boundHeld();
  }

  getIncident(id: string): IncidentRecord | undefined {
    const held = this.incidents.get(id);
    if (held) return held;
    const row = this.stmt('SELECT * FROM incidents WHERE id = ?').get(id) as
      IncidentRow | undefined;
    return row ? this.incidents.holdRead(toRecord(row)) : undefined;
  }

  /** Every fingerprint held, an incident's or a signal's (what the filter is built from). */
  private *heldFingerprints(): Generator<string> {
    this.writeHeld(); // what is held back is read too
    const read = this.stmt(
      'SELECT fingerprint FROM incidents UNION ALL SELECT fingerprint FROM signals',
    ).pluck();
    yield* read.iterate() as IterableIterator<string>;
  }

  /** The open incident that has seen this fingerprint (founding or later signal), if any. */
  openByFingerprint(fp: string): IncidentRecord | undefined {
    if (!this.fingerprints.mayHold(fp)) return undefined;
    this.writeHeld(); // what is held back is read too
    // Two indexed lookups (an OR across both would scan every open incident).
    const row = (this.stmt(
      `SELECT * FROM incidents WHERE fingerprint = ? AND status NOT IN ${CLOSED_SQL}
       ORDER BY last_seen DESC LIMIT 1`,
    ).get(fp) ??
      this.stmt(
        `SELECT i.* FROM signals s JOIN incidents i ON i.id = s.incident_id
         WHERE s.fingerprint = ? AND i.status NOT IN ${CLOSED_SQL}
         ORDER BY i.last_seen DESC LIMIT 1`,
      ).get(fp)) as IncidentRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /**
   * The most recent open incident of a group: seen since `since` (any age when null), or
   * still holding a condition.
   */
  openByGroup(group: string, since: string | null): IncidentRecord | undefined {
    this.writeHeld(); // what is held back is read too
    const row = this.stmt(
      `SELECT * FROM incidents i WHERE group_key = @group AND status NOT IN ${CLOSED_SQL}
         AND (@since IS NULL OR last_seen >= @since
              OR EXISTS (SELECT 1 FROM conditions c WHERE c.incident_id = i.id AND c.active = 1))
         ORDER BY last_seen DESC LIMIT 1`,
    ).get({ group, since }) as IncidentRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The latest incident that saw this fingerprint and resolved at or after `since` (a flap). */
  recentlyResolved(fp: string, since: string): IncidentRecord | undefined {
    if (!this.fingerprints.mayHold(fp)) return undefined;
    this.writeHeld(); // what is held back is read too
    const row = (this.stmt(
      `SELECT * FROM incidents WHERE fingerprint = ? AND status = 'resolved' AND resolved_at >= ?
       ORDER BY resolved_at DESC LIMIT 1`,
    ).get(fp, since) ??
      this.stmt(
        `SELECT i.* FROM signals s JOIN incidents i ON i.id = s.incident_id
         WHERE s.fingerprint = ? AND i.status = 'resolved' AND i.resolved_at >= ?
         ORDER BY i.resolved_at DESC LIMIT 1`,
      ).get(fp, since)) as IncidentRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Open incidents without active conditions whose last signal is older than `before`. */
  quietIncidents(before: string): IncidentRecord[] {
    this.writeHeld(); // what is held back is read too
    return (
      this.stmt(
        `SELECT * FROM incidents i WHERE status NOT IN ${CLOSED_SQL} AND last_seen < ?
           AND NOT EXISTS (SELECT 1 FROM conditions c WHERE c.incident_id = i.id AND c.active = 1)`,
      ).all(before) as IncidentRow[]
    ).map(toRecord);
  }

  private where(filter: IncidentFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const inList = (col: string, values: readonly string[]) => {
      clauses.push(`${col} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (filter.status?.length) inList('status', filter.status);
    if (filter.severity?.length) inList('severity', filter.severity);
    // The active statuses by name, not "not closed", so the status index serves the query.
    if (filter.active) inList('status', ACTIVE);
    if (filter.integration) {
      clauses.push('integration = ?');
      params.push(filter.integration);
    }
    if (filter.category) {
      clauses.push('category = ?');
      params.push(filter.category);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** A page of incidents, most recently seen first. */
  listIncidents(
    filter: IncidentFilter,
    limit: number,
    offset: number,
  ): { items: IncidentRecord[]; total: number } {
    this.writeHeld(); // what is held back is read too
    const { sql, params } = this.where(filter);
    const total = (
      this.stmt(`SELECT COUNT(*) AS n FROM incidents ${sql}`).get(...params) as { n: number }
    ).n;
    const rows = this.stmt(
      `SELECT * FROM incidents ${sql} ORDER BY last_seen DESC, id LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as IncidentRow[];
    return { items: rows.map(toRecord), total };
  }

  /** When any incident was last analyzed. */
  lastAnalysisAt(): string | null {
    return (this.stmt('SELECT MAX(analyzed_at) AS t FROM incidents').get() as { t: string | null })
      .t;
  }

  // --- conditions ------------------------------------------------------------

  /** The incident holding an active condition (source, key), if any. */
  activeConditionOwner(source: string, key: string): string | undefined {
    const row = this.stmt(
      'SELECT incident_id FROM conditions WHERE source = ? AND key = ? AND active = 1',
    ).get(source, key) as { incident_id: string } | undefined;
    return row?.incident_id;
  }

  setConditionActive(incidentId: string, source: string, key: string, at: string): void {
    this.stmt(
      `INSERT INTO conditions (incident_id, source, key, active, since, cleared_at) VALUES (?, ?, ?, 1, ?, NULL)
         ON CONFLICT (incident_id, source, key) DO UPDATE SET active = 1, since = excluded.since, cleared_at = NULL`,
    ).run(incidentId, source, key, at);
  }

  clearCondition(incidentId: string, source: string, key: string, at: string): void {
    this.stmt(
      'UPDATE conditions SET active = 0, cleared_at = ? WHERE incident_id = ? AND source = ? AND key = ?',
    ).run(at, incidentId, source, key);
  }

  /** Keys of the active conditions of one source (for reconciling after a full resync). */
  /** The Repairs issue of Home Assistant an incident mirrors (`domain:issue_id`), or null. */
  haIssueOf(incidentId: string): string | null {
    const row = this.stmt(
      `SELECT key FROM conditions WHERE incident_id = ? AND source = 'repairs'
       ORDER BY active DESC, rowid DESC LIMIT 1`,
    ).get(incidentId) as { key: string } | undefined;
    return row?.key ?? null;
  }

  activeConditionKeys(source: string): { incident_id: string; key: string }[] {
    return this.stmt('SELECT incident_id, key FROM conditions WHERE source = ? AND active = 1').all(
      source,
    ) as { incident_id: string; key: string }[];
  }

  countActiveConditions(incidentId: string): number {
    return (
      this.stmt('SELECT COUNT(*) AS n FROM conditions WHERE incident_id = ? AND active = 1').get(
        incidentId,
      ) as {
        n: number;
      }
    ).n;
  }

  /** Whether the incident ever held a condition (a failing state, not only log lines). */
  hadConditions(incidentId: string): boolean {
    return (
      this.stmt('SELECT 1 FROM conditions WHERE incident_id = ? LIMIT 1').get(incidentId) !==
      undefined
    );
  }

  /** Clear every active condition of an incident (when it is dismissed). */
  clearAllConditions(incidentId: string, at: string): void {
    this.stmt(
      'UPDATE conditions SET active = 0, cleared_at = ? WHERE incident_id = ? AND active = 1',
    ).run(at, incidentId);
  }

  // --- signals ---------------------------------------------------------------

  /** Keep a signal with its incident (the newest `keep` of each; signals.ts). */
  addSignal(incidentId: string, fp: string, s: Signal, keep: number): void {
    this.signals.add(incidentId, fp, s, keep);
    this.fingerprints.add(fp);
    this.boundHeld();
  }

  /** The newest signals of an incident, newest first. */
  signalsOf(incidentId: string, limit = 100): SignalRecord[] {
    this.writeHeld(); // what is held back is read too
    const rows = this.stmt(
      'SELECT * FROM signals WHERE incident_id = ? ORDER BY id DESC LIMIT ?',
    ).all(incidentId, limit) as (Omit<SignalRecord, 'data' | 'sensitive'> & { data: string })[];
    return rows.map((r) => ({
      ...r,
      data: JSON.parse(r.data) as Record<string, unknown>,
      sensitive: [],
    }));
  }

  /** Distinct fingerprints of an incident's signals (all that "ignore similar" must cover). */
  signalFingerprints(incidentId: string): string[] {
    this.writeHeld(); // what is held back is read too
    const sql = 'SELECT DISTINCT fingerprint FROM signals WHERE incident_id = ?';
    return (this.stmt(sql).all(incidentId) as { fingerprint: string }[]).map((r) => r.fingerprint);
  }

  // --- cursors ---------------------------------------------------------------

  getCursor<T>(name: string): T | undefined {
    return this.cursors.get<T>(name);
  }

  /** Set a collector's cursor: written with the signals it stands for (`writeHeld`). */
  setCursor(name: string, value: unknown): void {
    this.cursors.set(name, value);
    this.boundHeld();
  }
}
