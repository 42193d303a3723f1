/**
 * Incidents held in memory: the ones read or written lately (a repeat of a known failure
 * reads its incident without a query) and what later signals changed of them that is not
 * written yet (their counts, when they were last seen). The journal writes the observations
 * with the signal rows and cursors they stand for (`Journal.writeHeld`) and forgets all of it
 * when a write is rolled back.
 */
import { holdRecent } from '../shared/recent.js';
import type { IncidentRecord } from './incident-record.js';

/** Incidents held in memory; the least recently used go first. */
export const MAX_HELD_INCIDENTS = 2_000;

/** What an incident's observations changed and is not written yet. */
export type ObservedPatch = Partial<
  Pick<
    IncidentRecord,
    'occurrences' | 'last_seen' | 'entry_id' | 'subject' | 'severity' | 'updated_at'
  >
>;

export class HeldIncidents {
  /** As stored, by id, most recently used last. */
  private readonly recent = new Map<string, IncidentRecord>();
  /** Observations not written yet, by id. */
  private readonly observations = new Map<string, ObservedPatch>();

  /** How many incidents' observations wait to be written. */
  get unwritten(): number {
    return this.observations.size;
  }

  /** A copy of the held incident (a caller may change what it gets). */
  get(id: string): IncidentRecord | undefined {
    const held = this.peek(id);
    return held ? { ...held } : undefined;
  }

  /** The held incident itself, not to be changed: for the journal's own hot path. */
  peek(id: string): Readonly<IncidentRecord> | undefined {
    return this.recent.get(id);
  }

  /** Hold `rec` as it is now stored (the caller gives up its object). */
  hold(rec: IncidentRecord): void {
    holdRecent(this.recent, rec.id, rec, MAX_HELD_INCIDENTS);
  }

  /** Hold an incident read from the database, with what was observed of it and not written yet. */
  holdRead(rec: IncidentRecord): IncidentRecord {
    const merged = { ...rec, ...this.observations.get(rec.id) };
    this.hold(merged);
    return { ...merged };
  }

  /** Another signal changed `held` (its count, when it was last seen): held until written. */
  observe(held: Readonly<IncidentRecord>, patch: ObservedPatch, now: string): void {
    const observed = this.observations.get(held.id) ?? {};
    Object.assign(observed, patch, { updated_at: now });
    this.observations.set(held.id, observed);
    this.hold({ ...held, ...patch, updated_at: now });
  }

  /** Fields were written at once: what is held follows, and held observations never write older values over them. */
  updated(id: string, patch: Partial<Omit<IncidentRecord, 'id'>>, now: string): void {
    const observed = this.observations.get(id);
    if (observed) {
      for (const f of Object.keys(observed) as (keyof ObservedPatch)[])
        if (f in patch) Object.assign(observed, { [f]: patch[f] ?? null });
      observed.updated_at = now;
    }
    const held = this.recent.get(id);
    if (held) {
      const changed: Record<string, unknown> = {};
      for (const f of Object.keys(patch) as (keyof typeof patch)[]) changed[f] = patch[f] ?? null;
      changed.updated_at = now;
      this.hold({ ...held, ...(changed as Partial<IncidentRecord>) });
    }
  }

  /** The observations to write now; they are no longer held as unwritten. */
  takeObservations(): [string, ObservedPatch][] {
    const taken = [...this.observations];
    this.observations.clear();
    return taken;
  }

  /** Forget everything held (a write was rolled back, or rows were deleted behind it). */
  forget(): void {
    this.recent.clear();
    this.observations.clear();
  }
}
