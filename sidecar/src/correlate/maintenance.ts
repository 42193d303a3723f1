/**
 * Maintenance mode, owned here: a window (until when, who started it, from where)
 * during which no incident opens. Failures that would have opened one are held
 * back quietly (redacted, in the journal, so a restart keeps them); failures of
 * incidents already open keep updating them. When the window ends (its time is up
 * or a person ends it) one summary says what failed and what still fails, and
 * what still fails goes through the correlator again: it opens incidents normally.
 */
import type {
  MaintenanceState,
  MaintenanceSummary,
  Signal,
  SignalSource,
} from '@ha-llm-ops/contracts';
import type { JournalDb } from '../journal/database.js';
import { MaintenanceJournal } from '../journal/maintenance.js';
import type { Logger } from '../log.js';

/** Longest a window may reach ahead (a start or an extension). */
export const MAINTENANCE_MAX_MINUTES = 24 * 60;
/** Most failures a summary lists (the counts cover all). */
const SUMMARY_LIST = 20;

/** Where a surface that started maintenance came from. */
export type MaintenanceSurface = 'panel' | 'entity' | 'action' | 'api';

/** A request the current state refuses (nothing to extend or end, too long). */
export class MaintenanceRefused extends Error {}

export interface MaintenanceOptions {
  log: Logger;
  /** A failure seen only in the log still fails when it repeated within this period. */
  quietPeriodS: number;
  now?: () => Date;
}

type EndListener = (summary: MaintenanceSummary) => void;

export class Maintenance {
  /** Where still-failing signals go when a window ends (the correlator). */
  replay: (signal: Signal) => void = () => undefined;
  private readonly listeners = new Set<EndListener>();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;
  private readonly store: MaintenanceJournal;

  constructor(
    db: JournalDb,
    private readonly opts: MaintenanceOptions,
  ) {
    this.store = new MaintenanceJournal(db);
    this.now = opts.now ?? (() => new Date());
  }

  /** Told once per ended window, with its summary. */
  onEnded(listener: EndListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pick up a window the journal holds (after a restart): it ends on time, or now if overdue. */
  resume(): void {
    if (this.active()) this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Whether maintenance is on: no incident opens. */
  active(): boolean {
    const w = this.store.window();
    return w !== undefined && w.ended_at === null;
  }

  state(): MaintenanceState {
    const w = this.store.window();
    const on = w !== undefined && w.ended_at === null;
    return {
      active: on,
      started_at: on ? w.started_at : null,
      until: on ? w.until : null,
      minutes: on ? w.minutes : null,
      started_by: on ? w.started_by : null,
      surface: on ? w.surface : null,
      failed_count: on ? this.store.failures().length : 0,
      last_summary: w?.summary ?? null,
    };
  }

  /** Start maintenance for `minutes` from now; while it is on, this sets its end anew. */
  start(minutes: number, startedBy: string | null, surface: MaintenanceSurface): MaintenanceState {
    this.checkMinutes(minutes);
    const now = this.now();
    const until = new Date(now.getTime() + minutes * 60_000).toISOString();
    if (this.active()) this.store.setUntil(until, minutes);
    else
      this.store.start({
        started_at: now.toISOString(),
        until,
        minutes,
        started_by: startedBy,
        surface,
      });
    this.opts.log.info(
      `maintenance on until ${until} (${surface}${startedBy ? `, ${startedBy}` : ''}): no incident opens`,
    );
    this.schedule();
    return this.state();
  }

  /** Move the end `minutes` later. */
  extend(minutes: number): MaintenanceState {
    const w = this.store.window();
    if (!w || w.ended_at !== null) throw new MaintenanceRefused('maintenance is not on');
    this.checkMinutes(minutes);
    const now = this.now().getTime();
    const until = Math.max(Date.parse(w.until), now) + minutes * 60_000;
    if (until > now + MAINTENANCE_MAX_MINUTES * 60_000)
      throw new MaintenanceRefused(
        `maintenance reaches at most ${MAINTENANCE_MAX_MINUTES / 60} h ahead`,
      );
    this.store.setUntil(new Date(until).toISOString());
    this.opts.log.info(`maintenance extended until ${new Date(until).toISOString()}`);
    this.schedule();
    return this.state();
  }

  /** End maintenance: one summary, and what still fails opens incidents. */
  end(by: MaintenanceSummary['ended_by']): MaintenanceSummary {
    const w = this.store.window();
    if (!w || w.ended_at !== null) throw new MaintenanceRefused('maintenance is not on');
    this.stop();
    const now = this.now();
    const recent = now.getTime() - this.opts.quietPeriodS * 1000;
    const failures = this.store.failures().map((f) => ({
      held: f,
      still: f.active || (f.key === null && Date.parse(f.last_seen) >= recent),
    }));
    // What still fails comes first: it is what needs attention now.
    failures.sort((a, b) => Number(b.still) - Number(a.still));
    const summary: MaintenanceSummary = {
      started_at: w.started_at,
      ended_at: now.toISOString(),
      ended_by: by,
      started_by: w.started_by,
      surface: w.surface,
      failed_count: failures.length,
      still_failing_count: failures.filter((f) => f.still).length,
      failures: failures.slice(0, SUMMARY_LIST).map(({ held, still }) => ({
        title: held.title.slice(0, 255),
        integration: held.signal.integration,
        severity: held.signal.severity,
        occurrences: held.occurrences,
        first_seen: held.first_seen,
        last_seen: held.last_seen,
        still_failing: still,
      })),
    };
    this.store.end(summary.ended_at, summary);
    this.opts.log.info(
      `maintenance ended (${by === 'time' ? 'its time was up' : 'ended by a person'}): ${summary.failed_count} failure(s) during it, ${summary.still_failing_count} still failing`,
    );
    for (const { held, still } of failures) {
      if (!still) continue;
      try {
        this.replay({ ...held.signal, count: held.occurrences });
      } catch (err) {
        this.opts.log.error(`after maintenance, ${held.title} could not open: ${String(err)}`);
      }
    }
    for (const l of this.listeners) {
      try {
        l(summary);
      } catch (err) {
        this.opts.log.error(`maintenance listener failed: ${String(err)}`);
      }
    }
    return summary;
  }

  /** Hold back a failure that would open an incident (a redacted signal, its title). */
  hold(fp: string, stored: Signal, title: string): void {
    this.store.hold(fp, stored, title);
  }

  /** A condition cleared: true when it was one held back. */
  clear(source: SignalSource, key: string): boolean {
    return this.store.clear(source, key);
  }

  /** After a full resync of `source`: held conditions not in `keep` cleared. */
  reconcile(source: SignalSource, keep: ReadonlySet<string>): void {
    for (const key of this.store.activeKeys(source))
      if (!keep.has(key)) this.store.clear(source, key);
  }

  private checkMinutes(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAINTENANCE_MAX_MINUTES)
      throw new MaintenanceRefused(
        `minutes must be a whole number from 1 to ${MAINTENANCE_MAX_MINUTES}`,
      );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const w = this.store.window();
    if (!w || w.ended_at !== null) return;
    const delay = Math.max(0, Date.parse(w.until) - this.now().getTime());
    this.timer = setTimeout(() => {
      try {
        if (this.active()) this.end('time');
      } catch (err) {
        this.opts.log.error(`ending maintenance failed: ${String(err)}`);
      }
    }, delay);
    this.timer.unref();
  }
}
