/**
 * Learned quiet, kept: each outage that ended by itself is recorded per subject with the
 * time of day it started on Home Assistant's clock, and the rule (shared/quiet-pattern.ts)
 * says whether a new outage of the subject starting now is one of its schedule. The
 * correlator asks before opening an incident; people list and reset what was learned.
 */
import type { LearnedQuiet } from '@ha-llm-ops/contracts';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import {
  learnedAt,
  learnedWindows,
  localTime,
  QUIET_LOOKBACK_DAYS,
  teachingDays,
} from '../shared/quiet-pattern.js';

/** The sources whose conditions are outages that can follow a schedule. */
export const SCHEDULE_SOURCES: readonly string[] = ['entities', 'config_entries'];

export interface QuietScheduleOptions {
  /** Home Assistant's time zone (`get_config` → `time_zone`), null before it is known. */
  timeZone?: () => string | null;
  now?: () => Date;
}

/** An outage to record: its subject, what it is called, when it started and ended. */
export interface Outage {
  source: string;
  key: string;
  title: string | null;
  integration: string | null;
  startedAt: string;
  endedAt: string;
}

/** The subjects' learned schedules of outages. */
export class QuietSchedules {
  private readonly now: () => Date;

  constructor(
    private readonly journal: Journal,
    private readonly opts: QuietScheduleOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  private zone(): string | null {
    return this.opts.timeZone?.() ?? null;
  }

  /** An incident resolved by itself: each outage it held that cleared is a self-recovery. */
  recordIncident(incident: IncidentRecord): void {
    for (const c of this.journal.selfRecoveries.outagesOf(incident.id, SCHEDULE_SOURCES))
      this.record(
        {
          source: c.source,
          key: c.key,
          title: incident.title,
          integration: incident.integration,
          startedAt: c.since,
          endedAt: c.cleared_at,
        },
        false,
      );
  }

  /** An outage kept quiet recovered by itself: it counts, so the schedule stays learned. */
  recordQuiet(outage: Outage): void {
    this.record(outage, true);
  }

  /** Record an outage that ended by itself; `keptQuiet`: it opened no incident. */
  record(o: Outage, keptQuiet: boolean): void {
    const { day, minute } = localTime(new Date(o.startedAt), this.zone());
    const keepSince = new Date(this.now().getTime() - QUIET_LOOKBACK_DAYS * 86_400_000);
    this.journal.selfRecoveries.record(
      {
        source: o.source,
        key: o.key,
        title: o.title,
        integration: o.integration,
        started_at: o.startedAt,
        ended_at: o.endedAt,
        local_day: day,
        local_minute: minute,
        kept_quiet: keptQuiet,
      },
      keepSince.toISOString(),
    );
  }

  /** Whether an outage of the subject starting at `startedAt` is learned quiet. */
  covers(source: string, key: string, startedAt: Date): boolean {
    if (!SCHEDULE_SOURCES.includes(source)) return false;
    const recoveries = this.journal.selfRecoveries.of(source, key);
    if (!recoveries.length) return false;
    return learnedAt(localTime(startedAt, this.zone()).minute, recoveries, this.now());
  }

  /** The subjects with a learned window, most recently recovered first. */
  list(): LearnedQuiet[] {
    const now = this.now();
    const items: LearnedQuiet[] = [];
    for (const { source, key } of this.journal.selfRecoveries.subjects()) {
      const recoveries = this.journal.selfRecoveries.of(source, key);
      const windows = learnedWindows(recoveries, now);
      const last = recoveries.at(-1);
      if (!windows.length || !last) continue;
      items.push({
        id: `${source}:${key}`,
        source,
        key,
        title: last.title,
        integration: last.integration,
        windows,
        days: teachingDays(recoveries, now),
        last_recovered_at: recoveries.reduce(
          (at, r) => (r.ended_at > at ? r.ended_at : at),
          last.ended_at,
        ),
        kept_quiet: recoveries.filter((r) => r.kept_quiet).length,
      });
    }
    return items.sort((a, b) => b.last_recovered_at.localeCompare(a.last_recovered_at));
  }

  /** Forget what was learned of one subject (`<source>:<key>`); false when nothing was. */
  reset(id: string): boolean {
    const at = id.indexOf(':');
    if (at <= 0) return false;
    return this.journal.selfRecoveries.forget(id.slice(0, at), id.slice(at + 1));
  }

  /** Forget everything learned. */
  resetAll(): void {
    this.journal.selfRecoveries.forgetAll();
  }
}
