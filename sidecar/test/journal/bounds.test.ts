/**
 * The journal stays bounded: system log cursors (one per distinct message ever
 * seen) and "ignore similar" dismissals are kept up to a limit, oldest first
 * out; other cursors (the mode, automation runs) are never pruned.
 */
import { describe, expect, it } from 'vitest';
import { type IncidentRecord, Journal } from '../../src/journal/journal.js';
import { BundleStore } from '../../src/journal/bundles.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import {
  applyRetention,
  pruneDismissals,
  pruneLogCursors,
  purgeClosedIncidents,
} from '../../src/journal/retention.js';
import { incidentRecord, tempDir } from '../helpers/pipeline.js';

const fresh = () => new Journal(`${tempDir()}/journal.db`);

/** An incident, closed at `closedAt` unless it is open. */
const incident = (id: string, status: IncidentRecord['status'], closedAt: string) =>
  incidentRecord(
    { id, group_key: id, status, title: id, resolved_at: status === 'open' ? null : closedAt },
    closedAt,
  );

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

  // 100,000 incidents written first: seconds on a busy machine, not a measurement.
  it(
    'brings a journal of 100,000 closed incidents down to its cap in one pass, open ones kept',
    { timeout: 60_000 },
    () => {
      const dir = tempDir();
      const journal = new Journal(`${dir}/journal.db`);
      const day = 86_400_000;
      const now = Date.UTC(2026, 11, 1);
      const at = (msAgo: number) => new Date(now - msAgo).toISOString();
      const id = (n: number) => `inc_${n.toString(16).padStart(32, '0')}`;
      journal.transaction(() => {
        // Closed over the last 20 days, oldest first; ten still open among them.
        for (let n = 0; n < 100_000; n++)
          journal.createIncident(incident(id(n), 'resolved', at(20 * day * (1 - n / 100_000))));
        for (let n = 100_000; n < 100_010; n++)
          journal.createIncident(incident(id(n), 'open', at(25 * day)));
      });
      const pass = applyRetention(
        journal,
        new ProposalJournal(journal.db),
        new BundleStore(`${dir}/bundles`),
        { retentionDays: 30, maxClosedIncidents: 5000 },
        now,
      );
      expect(pass.incidents).toBe(95_000);
      const closed = journal.listIncidents({ status: ['resolved'] }, 1, 0);
      expect(closed.total).toBe(5000);
      // The newest stay.
      expect(closed.items[0]?.id).toBe(id(99_999));
      expect(journal.getIncident(id(95_000))).toBeDefined();
      expect(journal.getIncident(id(94_999))).toBeUndefined();
      expect(journal.listIncidents({ active: true }, 50, 0).total).toBe(10);
      expect(
        applyRetention(
          journal,
          new ProposalJournal(journal.db),
          new BundleStore(`${dir}/bundles`),
          { retentionDays: 30, maxClosedIncidents: 5000 },
          now,
        ).incidents,
      ).toBe(0);
      journal.close();
    },
  );

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
