/**
 * What the LLM may still spend: model calls this hour, and cost this month
 * against the optional monthly cap. Both are counted from the journal, so a
 * restart resets neither. The month is Home Assistant's (its time zone), so the
 * cap lifts at midnight on the 1st where the user lives.
 */
import type { LlmCallJournal } from '../../journal/llm-calls.js';

const HOUR_MS = 3_600_000;

/** Why the model is not asked now. */
export type LlmPause = 'monthly_cost_cap' | 'hourly_calls';

/** The LLM's budget as the status reports it. */
export interface LlmBudgetStatus {
  calls_per_hour: number;
  /** Model calls still allowed in the rolling hour. */
  calls_left_this_hour: number;
  /** Recorded cost of the model calls since the start of the month. */
  cost_this_month: number;
  /** The monthly cap; null when there is none. */
  monthly_cost_cap: number | null;
  /** Why the model is not asked now (the offline analysis stands); null when it may be. */
  paused: LlmPause | null;
  /** When the month (and so the cap) starts afresh, in Home Assistant's time zone. */
  month_resets_at: string;
}

export interface LlmBudgetOptions {
  calls: LlmCallJournal;
  callsPerHour: number;
  monthlyCostCap: number | null;
  /** Home Assistant's time zone; null (or a name Intl does not know) for the process's. */
  timeZone: () => string | null;
  now: () => Date;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockOf(timeZone: string | null): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let clock = clocks.get(key);
  if (!clock) {
    const opts: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    };
    try {
      clock = new Intl.DateTimeFormat('en-US', { ...opts, timeZone: timeZone ?? undefined });
    } catch {
      clock = new Intl.DateTimeFormat('en-US', opts); // RangeError: a zone Intl does not know
    }
    clocks.set(key, clock);
  }
  return clock;
}

/** The wall clock of `at` in the zone, read as if it were UTC (milliseconds). */
function wallClock(at: number, clock: Intl.DateTimeFormat): number {
  const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/**
 * Midnight of the 1st of the month `now` falls in (`offset` 0) or of a month
 * after it (`offset` 1), on the clock of `timeZone`.
 */
export function monthStart(now: Date, timeZone: string | null, offset = 0): Date {
  const clock = clockOf(timeZone);
  const wall = new Date(wallClock(now.getTime(), clock));
  const target = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + offset, 1);
  // The zone's offset at the target instant; asked twice so a DST change in between is honoured.
  let at = target - (wallClock(target, clock) - target);
  at = target - (wallClock(at, clock) - at);
  return new Date(at);
}

export class LlmBudget {
  /** Calls granted whose outcome is not journaled yet. */
  private pending = 0;

  constructor(private readonly opts: LlmBudgetOptions) {}

  /** Why no call may be made now, or null when one may. */
  pause(): LlmPause | null {
    const { monthlyCostCap } = this.opts;
    if (monthlyCostCap !== null && this.costThisMonth() >= monthlyCostCap)
      return 'monthly_cost_cap';
    return this.callsLeft() > 0 ? null : 'hourly_calls';
  }

  /** Take one call from the budget; false (nothing taken) when paused. */
  take(): boolean {
    if (this.pause() !== null) return false;
    this.pending++;
    return true;
  }

  /** A granted call was journaled (or failed to be). */
  settle(): void {
    this.pending = Math.max(0, this.pending - 1);
  }

  status(): LlmBudgetStatus {
    const { callsPerHour, monthlyCostCap, timeZone, now } = this.opts;
    return {
      calls_per_hour: callsPerHour,
      calls_left_this_hour: this.callsLeft(),
      cost_this_month: this.costThisMonth(),
      monthly_cost_cap: monthlyCostCap,
      paused: this.pause(),
      month_resets_at: monthStart(now(), timeZone(), 1).toISOString(),
    };
  }

  private callsLeft(): number {
    const { calls, callsPerHour, now } = this.opts;
    const hourAgo = new Date(now().getTime() - HOUR_MS).toISOString();
    return Math.max(0, callsPerHour - calls.countSince(hourAgo) - this.pending);
  }

  private costThisMonth(): number {
    const { calls, timeZone, now } = this.opts;
    return calls.costSince(monthStart(now(), timeZone()).toISOString());
  }
}
