/** Words and numbers for people: labels of the product's vocabulary, times, percentages. */
import type { IncidentStatus, OutcomeKind, ProposalStatus, Severity } from '../data/types.js';
import { catalogLabels } from '../i18n/index.js';

// The words are contracts/' (severities, statuses, outcomes, remedies, categories, steps);
// the catalogs label each of them (checked by panel/test/i18n.test.ts).
export const SEVERITY_LABELS = catalogLabels<Severity>('severity');
export const STATUS_LABELS = catalogLabels<IncidentStatus>('status');
/** How an incident ended, in words. */
export const OUTCOME_LABELS = catalogLabels<OutcomeKind>('outcome');
export const PROPOSAL_STATUS_LABELS = catalogLabels<ProposalStatus>('proposal_status');
export const REMEDY_LABELS: Readonly<Record<string, string>> = catalogLabels('remedy');
export const CATEGORY_LABELS: Readonly<Record<string, string>> = catalogLabels('category');
const STEP_LABELS: Readonly<Record<string, string>> = catalogLabels('step');

/** "setup_retry" → "Setup retry". */
export function humanize(id: string): string {
  const text = id.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const remedyLabel = (id: string) => REMEDY_LABELS[id] ?? humanize(id);
export const categoryLabel = (id: string) => CATEGORY_LABELS[id] ?? humanize(id);
export const stepLabel = (id: string) => STEP_LABELS[id] ?? humanize(id);

/** 0.8 → "80 %". */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${Math.round(value * 100)} %`;
}

// Intl formatters are expensive to create and the list formats two times per row.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let f = relativeFormats.get(key);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    relativeFormats.set(key, f);
  }
  return f;
}

/** The zone dates are shown in; undefined: the browser's. */
let shownZone: string | undefined;

/**
 * The time zone Home Assistant shows times in for this user: the browser's when
 * the user's profile asks for local time, otherwise the zone the home is
 * configured with (`hass.config.time_zone`).
 */
export function haTimeZone(hass: {
  config?: { time_zone?: string };
  locale?: object;
}): string | undefined {
  // Newer than custom-card-helpers' types: the profile's "local" or "server".
  const choice = (hass.locale as { time_zone?: unknown } | undefined)?.time_zone;
  if (choice === 'local') return undefined;
  return hass.config?.time_zone || undefined;
}

/** Show dates and times in this IANA zone from now on (undefined: the browser's). */
export function showTimesIn(zone: string | undefined): void {
  shownZone = zone;
}

function dateFormat(locale: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${shownZone ?? ''}`;
  let f = dateFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
    try {
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: shownZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, opts); // a zone this browser does not know
    }
    dateFormats.set(key, f);
  }
  return f;
}

/** A date and time in the user's locale and Home Assistant's time zone; "–" for none. */
export function dateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '–';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateFormat(locale).format(ms);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The time of day ("14:30") in the user's locale and Home Assistant's time zone. */
export function clockTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '–';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const key = `${locale ?? ''}|${shownZone ?? ''}`;
  let f = clockFormats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: shownZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    }
    clockFormats.set(key, f);
  }
  return f.format(ms);
}

/** "5 minutes ago", "yesterday", … */
export function relativeTime(
  iso: string | null | undefined,
  locale?: string,
  now = Date.now(),
): string {
  if (!iso) return '–';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = (ms - now) / 1000;
  const abs = Math.abs(s);
  const f = relativeFormat(locale);
  if (abs < 45) return f.format(0, 'second');
  if (abs < 45 * 60) return f.format(Math.round(s / 60), 'minute');
  if (abs < 22 * 3600) return f.format(Math.round(s / 3600), 'hour');
  if (abs < 26 * 86400) return f.format(Math.round(s / 86400), 'day');
  if (abs < 320 * 86400) return f.format(Math.round(s / (30 * 86400)), 'month');
  return f.format(Math.round(s / (365 * 86400)), 'year');
}

/** How long between two timestamps, e.g. "1.2 s" or "3 min". */
export function duration(startIso: string, endIso: string | null): string {
  if (!endIso) return '';
  return milliseconds(Date.parse(endIso) - Date.parse(startIso));
}

/** A span of time in milliseconds, e.g. "850 ms", "1.2 s" or "3 min". */
export function milliseconds(ms: number): string {
  if (Number.isNaN(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** A count with the locale's grouping, e.g. 12,345. */
export function count(n: number, locale?: string): string {
  return n.toLocaleString(locale);
}

/**
 * An amount of money in the currency of the configured prices (unknown here, so
 * none is named): small amounts keep three significant digits, e.g. 0.00612.
 */
export function amount(value: number, locale?: string): string {
  return value.toLocaleString(
    locale,
    value !== 0 && Math.abs(value) < 1
      ? { maximumSignificantDigits: 3 }
      : { maximumFractionDigits: 2 },
  );
}
