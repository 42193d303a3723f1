/**
 * Bounds on what the journal would otherwise keep forever: the system log's
 * cursors (one per distinct message ever seen; Home Assistant itself keeps only
 * the last few dozen records) and "ignore similar" dismissals. Oldest out first.
 */
import type { Journal } from './journal.js';

/** System log cursors kept: far more than Home Assistant's system log holds. */
export const MAX_LOG_CURSORS = 2_000;
/** "Ignore similar" dismissals kept. */
export const MAX_DISMISSALS = 10_000;

/** Keep the `keep` most recently written system log cursors; returns how many went. */
export function pruneLogCursors(journal: Journal, keep = MAX_LOG_CURSORS): number {
  return journal.transaction(
    () =>
      journal.db
        .prepare(
          `DELETE FROM cursors WHERE name LIKE 'system_log:%' AND name NOT IN (
             SELECT name FROM cursors WHERE name LIKE 'system_log:%' ORDER BY seq DESC LIMIT ?)`,
        )
        .run(keep).changes,
  );
}

/** Keep the `keep` newest dismissals; returns how many went. */
export function pruneDismissals(journal: Journal, keep = MAX_DISMISSALS): number {
  return journal.transaction(
    () =>
      journal.db
        .prepare(
          `DELETE FROM dismissals WHERE rowid NOT IN (
             SELECT rowid FROM dismissals ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(keep).changes,
  );
}
