/**
 * The journal stays bounded: system log cursors (one per distinct message ever
 * seen) and "ignore similar" dismissals are kept up to a limit, oldest first
 * out; other cursors (the mode, automation runs) are never pruned.
 */
import { describe, expect, it } from 'vitest';
import { type IncidentRecord, Journal } from '../../src/journal/journal.js';
import {
  pruneDismissals,
  pruneLogCursors,
  purgeClosedIncidents,
} from '../../src/journal/retention.js';
import { tempDir } from '../helpers/pipeline.js';

const fresh = () => new Journal(`${tempDir()}/journal.db`);

/** An incident, closed at `closedAt` unless it is open. */
function incident(id: string, status: IncidentRecord['status'], closedAt: string): IncidentRecord {
  return {
    id,
    fingerprint: '0123456789abcdef',
    group_key: id,
    status,
    severity: 'error',
    category: 'other',
    integration: 'hue',
    entry_id: null,
    subject: null,
    title: id,
    first_seen: closedAt,
    last_seen: closedAt,
    occurrences: 1,
    resolved_at: status === 'open' ? null : closedAt,
    resolution: null,
    remedy: null,
    confidence: null,
    flaps: 0,
    analysis: null,
    analyzed_at: null,
    updated_at: closedAt,
  };
}

describe('journal bounds', () => {
  it('drops closed incidents past their age and beyond their number, never open ones', () => {
    const journal = fresh();
    const day = (d: number) => new Date(Date.UTC(2026, 10, d)).toISOString();
    journal.createIncident(incident('old', 'resolved', day(1)));
    journal.createIncident(incident('older_open', 'open', day(1)));
    for (let d = 10; d < 15; d++)
      journal.createIncident(incident(`recent_${d}`, 'dismissed', day(d)));
    const gone = purgeClosedIncidents(journal, day(5), 3);
    expect(gone.sort()).toEqual(['old', 'recent_10', 'recent_11']);
    expect(journal.getIncident('older_open')?.status).toBe('open');
    expect(journal.getIncident('recent_14')).toBeDefined();
    expect(purgeClosedIncidents(journal, day(5), 3)).toEqual([]);
    journal.close();
  });

  it('keeps the newest system log cursors up to the limit, and every other cursor', () => {
    const journal = fresh();
    journal.setCursor('policy:mode', 'auto');
    journal.setCursor('automation:automation.lights', ['run-1']);
    for (let i = 0; i < 120; i++) {
      journal.setCursor(`system_log:${String(i).padStart(4, '0')}`, { ts: i, count: 1 });
    }
    // The oldest one seen again is the newest now.
    journal.setCursor('system_log:0000', { ts: 999, count: 2 });
    expect(pruneLogCursors(journal, 100)).toBe(20);
    expect(journal.getCursor('system_log:0000')).toEqual({ ts: 999, count: 2 });
    expect(journal.getCursor('system_log:0001')).toBeUndefined();
    expect(journal.getCursor('system_log:0020')).toBeUndefined();
    expect(journal.getCursor('system_log:0021')).toEqual({ ts: 21, count: 1 });
    expect(journal.getCursor('policy:mode')).toBe('auto');
    expect(journal.getCursor('automation:automation.lights')).toEqual(['run-1']);
    expect(pruneLogCursors(journal, 100)).toBe(0);
    journal.close();
  });

  it('keeps the newest dismissals up to the limit', () => {
    const journal = fresh();
    for (let i = 0; i < 50; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      journal.dismissals.add([`fp-${i}`], `inc_${i}`, {
        kind: 'ignored',
        at,
        expiresAt: null,
        reason: null,
        title: null,
        integration: null,
      });
    }
    expect(pruneDismissals(journal, 40)).toBe(10);
    expect(journal.dismissals.isDismissed('fp-9')).toBe(false);
    expect(journal.dismissals.isDismissed('fp-10')).toBe(true);
    expect(journal.dismissals.isDismissed('fp-49')).toBe(true);
    journal.close();
  });
});
