/**
 * Bounds on what the journal would otherwise keep forever: closed incidents past
 * their retention (by age and by number), the system log's
 * cursors (one per distinct message ever seen; Home Assistant itself keeps only
 * the last few dozen records), dismissals ("ignore similar" and false alarms; expired
 * ones go at once) and incident outcomes. Oldest out first.
 */
import { CLOSED_STATUSES } from '@ha-llm-ops/contracts';
import type { BundleStore } from './bundles.js';
import type { Journal } from './journal.js';
import type { ProposalJournal } from './proposals.js';

const CLOSED_SQL = `(${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Delete closed incidents (with their signals) closed before `before`, and the oldest
 * beyond `max`; returns their ids, so their bundles and proposals can go too.
 */
export function purgeClosedIncidents(journal: Journal, before: string, max: number): string[] {
  journal.writeHeld(); // nothing held back may be written after its incident went
  const closedAt = 'COALESCE(resolved_at, last_seen)';
  const ids = (
    journal.db
      .prepare(
        `SELECT id FROM incidents WHERE status IN ${CLOSED_SQL} AND (${closedAt} < ? OR id IN (
           SELECT id FROM incidents WHERE status IN ${CLOSED_SQL}
           ORDER BY ${closedAt} DESC LIMIT -1 OFFSET ?))`,
      )
      .all(before, max) as { id: string }[]
  ).map((r) => r.id);
  const del = journal.db.prepare('DELETE FROM incidents WHERE id = ?');
  journal.transaction(() => ids.forEach((id) => del.run(id)));
  if (ids.length > 0) journal.forget(); // what the journal held of them is gone too
  return ids;
}

/** System log cursors kept: far more than Home Assistant's system log holds. */
export const MAX_LOG_CURSORS = 2_000;
/** Dismissals kept. */
export const MAX_DISMISSALS = 10_000;
/** Incident outcomes kept (the false-alarm rate is taken over these). */
export const MAX_OUTCOMES = 10_000;

/** Keep the `keep` most recently written system log cursors; returns how many went. */
export function pruneLogCursors(journal: Journal, keep = MAX_LOG_CURSORS): number {
  journal.writeHeld(); // the newest are kept: those held back among them
  const gone = journal.transaction(
    () =>
      journal.db
        .prepare(
          `DELETE FROM cursors WHERE name LIKE 'system_log:%' AND name NOT IN (
             SELECT name FROM cursors WHERE name LIKE 'system_log:%' ORDER BY seq DESC LIMIT ?)`,
        )
        .run(keep).changes,
  );
  if (gone > 0) journal.forget(); // what the journal held of them is gone too
  return gone;
}

/** Drop expired dismissals and keep the `keep` newest others; returns how many went. */
export function pruneDismissals(
  journal: Journal,
  keep = MAX_DISMISSALS,
  now = new Date().toISOString(),
): number {
  return journal.transaction(
    () =>
      journal.db.prepare('DELETE FROM dismissals WHERE expires_at <= ?').run(now).changes +
      journal.db
        .prepare(
          `DELETE FROM dismissals WHERE rowid NOT IN (
             SELECT rowid FROM dismissals ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(keep).changes,
  );
}

/** Keep the `keep` newest incident outcomes; returns how many went. */
export function pruneOutcomes(journal: Journal, keep = MAX_OUTCOMES): number {
  return journal.transaction(
    () =>
      journal.db
        .prepare(
          `DELETE FROM outcomes WHERE rowid NOT IN (
             SELECT rowid FROM outcomes ORDER BY closed_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(keep).changes,
  );
}

/** What one pass of retention removed. */
export interface RetentionPass {
  incidents: number;
  cursors: number;
  dismissals: number;
  outcomes: number;
}

/**
 * One pass of every bound (hourly): closed incidents past `retentionDays` or beyond
 * `maxClosedIncidents` go with their proposals and bundles; then cursors, dismissals
 * and outcomes are trimmed.
 */
export function applyRetention(
  journal: Journal,
  proposals: ProposalJournal,
  bundles: BundleStore,
  limits: { retentionDays: number; maxClosedIncidents: number },
  now = Date.now(),
): RetentionPass {
  const before = new Date(now - limits.retentionDays * 86_400_000).toISOString();
  const gone = purgeClosedIncidents(journal, before, limits.maxClosedIncidents);
  proposals.purgeIncidents(gone);
  for (const id of gone) bundles.remove(id);
  return {
    incidents: gone.length,
    cursors: pruneLogCursors(journal),
    dismissals: pruneDismissals(journal),
    outcomes: pruneOutcomes(journal),
  };
}

/** What a retention pass removed, as log lines (none when nothing went). */
export function retentionReport(gone: RetentionPass): string[] {
  const lines: string[] = [];
  if (gone.incidents) lines.push(`retention: removed ${gone.incidents} closed incidents`);
  if (gone.cursors || gone.dismissals || gone.outcomes)
    lines.push(
      `retention: forgot ${gone.cursors} old system log records, ${gone.dismissals} expired or oldest dismissals and ${gone.outcomes} oldest incident outcomes`,
    );
  return lines;
}
