/**
 * Learned quiet, the rule: a subject (a device's entities, an entity, a config entry) that
 * goes unavailable at about the same time of day and comes back by itself, day after day
 * (a plug switched off every night), is a schedule, not a failure.
 *
 * A new outage starting at time of day T (on Home Assistant's clock) is learned quiet when
 * the same subject recovered by itself, each time within QUIET_MAX_OUTAGE_H hours, on at
 * least QUIET_LEARN_DAYS different days of the last QUIET_LOOKBACK_DAYS days, from outages
 * that started within QUIET_WINDOW_MIN minutes of T (a day: the 24 hours around T, so a night
 * spanning midnight is one). Outside such a window it alarms as usual.
 *
 * Times of day and days are read on Home Assistant's clock when the recovery is recorded and
 * kept as such, so a schedule on the wall clock stays put across daylight-saving changes.
 */
import { minutesOfDay } from '../policy/policy.js';

/** Recoveries on this many different days teach a window. */
export const QUIET_LEARN_DAYS = 3;
/** How far apart (either way) outage starts may be and still be the same schedule. */
export const QUIET_WINDOW_MIN = 60;
/** An outage longer than this is no schedule: it does not teach, and a quiet one alarms. */
export const QUIET_MAX_OUTAGE_H = 12;
/** Only recoveries this recent count: a schedule that stopped is forgotten. */
export const QUIET_LOOKBACK_DAYS = 30;

const DAY_MIN = 24 * 60;
const DAY_MS = 86_400_000;

/** A self-recovery as the rule reads it. */
export interface Recovery {
  /** When the outage started and ended (ISO). */
  started_at: string;
  ended_at: string;
  /** The day (`YYYY-MM-DD`) and minute of day it started, on Home Assistant's clock. */
  local_day: string;
  local_minute: number;
}

const days = new Map<string, Intl.DateTimeFormat>();

/** The day (`YYYY-MM-DD`) and minute of day of `at` on the clock of `timeZone`. */
export function localTime(at: Date, timeZone: string | null): { day: string; minute: number } {
  const key = timeZone ?? '';
  let clock = days.get(key);
  if (!clock) {
    try {
      clock = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? undefined });
    } catch {
      clock = new Intl.DateTimeFormat('en-CA'); // a zone Intl does not know: the process's
    }
    days.set(key, clock);
  }
  return { day: clock.format(at), minute: minutesOfDay(at, timeZone) };
}

/** Minutes between two times of day, the short way round midnight. */
function apart(a: number, b: number): number {
  const d = Math.abs(a - b) % DAY_MIN;
  return Math.min(d, DAY_MIN - d);
}

/** The recoveries that may teach at `now`: recent, and short enough to be a schedule. */
export function teaching(recoveries: readonly Recovery[], now: Date): Recovery[] {
  const since = now.getTime() - QUIET_LOOKBACK_DAYS * DAY_MS;
  return recoveries.filter((r) => {
    const start = Date.parse(r.started_at);
    const length = Date.parse(r.ended_at) - start;
    return start >= since && length >= 0 && length <= QUIET_MAX_OUTAGE_H * 3_600_000;
  });
}

/** Whether an outage starting at `minute` (of Home Assistant's day) falls in a learned window. */
export function learnedAt(minute: number, recoveries: readonly Recovery[], now: Date): boolean {
  return daysNear(minute, teaching(recoveries, now)) >= QUIET_LEARN_DAYS;
}

/**
 * Different days with an outage starting within QUIET_WINDOW_MIN of `minute`. A day is the 24
 * hours centred on `minute`, so that outages at 23:50 and at 00:10 the next morning are one
 * night, not two days.
 */
function daysNear(minute: number, recoveries: readonly Recovery[]): number {
  const seen = new Set<number>();
  for (const r of recoveries) {
    if (apart(r.local_minute, minute) > QUIET_WINDOW_MIN) continue;
    const wall = Date.parse(`${r.local_day}T00:00:00Z`) / 60_000 + r.local_minute;
    seen.add(Math.floor((wall - minute + DAY_MIN / 2) / DAY_MIN));
  }
  return seen.size;
}

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The learned windows, as times of day (`to` excluded; a window may span midnight), found by
 * asking the rule about every minute of the day.
 */
export function learnedWindows(
  recoveries: readonly Recovery[],
  now: Date,
): { from: string; to: string }[] {
  const quiet = dayCounts(recoveries, now).map((n) => n >= QUIET_LEARN_DAYS);
  if (quiet.every(Boolean)) return [{ from: '00:00', to: '00:00' }];
  // Start the scan just after a loud minute, so a window across midnight stays whole.
  const offset = quiet.indexOf(false) + 1;
  const windows: { from: string; to: string }[] = [];
  let from: number | null = null;
  for (let i = 0; i <= DAY_MIN; i++) {
    const m = (offset + i) % DAY_MIN;
    const on = i < DAY_MIN && quiet[m] === true;
    if (on && from === null) from = m;
    if (!on && from !== null) {
      windows.push({ from: hhmm(from), to: hhmm(m) });
      from = null;
    }
  }
  return windows.sort((a, b) => a.from.localeCompare(b.from));
}

/** For each minute of the day, on how many days an outage starting then recovered by itself. */
function dayCounts(recoveries: readonly Recovery[], now: Date): number[] {
  const taught = teaching(recoveries, now);
  return Array.from({ length: DAY_MIN }, (_, m) => daysNear(m, taught));
}

/** The most days that support one time of day: how well the schedule is known. */
export function teachingDays(recoveries: readonly Recovery[], now: Date): number {
  return Math.max(0, ...dayCounts(recoveries, now));
}
