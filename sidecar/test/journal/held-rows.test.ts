/**
 * The journal holds lately used incidents and collector cursors in memory, so a repeat of a
 * known failure costs no lookup. What it holds must always be what is stored: a rolled back
 * write, a row deleted by retention, or a caller changing what it was given leaves nothing
 * stale behind.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { Journal } from '../../src/journal/journal.js';
import { pruneLogCursors, purgeClosedIncidents } from '../../src/journal/retention.js';
import { incidentRecord, signal, tempDir } from '../helpers/pipeline.js';

const NOW = '2026-12-01T10:00:00.000Z';
const incident = (over: Partial<IncidentRecord> = {}) => incidentRecord(over, NOW);

describe('what the journal holds in memory', () => {
  it('reads back every change of an incident as stored, in this journal and after a restart', () => {
    const dir = tempDir();
    const journal = new Journal(`${dir}/journal.db`);
    journal.createIncident(incident());
    expect(journal.getIncident('inc_1')?.occurrences).toBe(1);
    journal.updateIncident('inc_1', { occurrences: 7, subject: 'light.hall' }, NOW);
    journal.updateIncident('inc_1', { subject: null, remedy: 'reload_config_entry' }, NOW);
    const analysis = {
      root_cause: 'The bridge is off',
      impact: 'Lights do not answer',
      confidence: 0.8,
      category: 'device_unavailable',
      remedy: 'check_network_or_device',
      evidence: [],
      manual_steps: [],
    } as unknown as NonNullable<IncidentRecord['analysis']>;
    journal.updateIncident('inc_1', { analysis }, '2026-12-01T10:05:00.000Z');
    const held = journal.getIncident('inc_1');
    journal.close();
    // Reopened, nothing is held: what it reads is what was stored.
    const reopened = new Journal(`${dir}/journal.db`);
    expect(held).toEqual(reopened.getIncident('inc_1'));
    expect(held).toMatchObject({
      occurrences: 7,
      subject: null,
      remedy: 'reload_config_entry',
      updated_at: '2026-12-01T10:05:00.000Z',
    });
    expect(held?.analysis?.root_cause).toBe('The bridge is off');
    reopened.close();
  });

  it('gives each caller its own copy of an incident', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    journal.createIncident(incident());
    const got = journal.getIncident('inc_1');
    if (!got) throw new Error('no incident');
    got.occurrences = 99;
    got.status = 'resolved';
    expect(journal.getIncident('inc_1')).toMatchObject({ occurrences: 1, status: 'open' });
    journal.close();
  });

  it('forgets what a rolled back write changed: the incident and the cursor read as stored', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    journal.createIncident(incident());
    journal.setCursor('system_log:a', { ts: 1, count: 1 });
    journal.flush();
    expect(() =>
      journal.transaction(() => {
        journal.updateIncident('inc_1', { occurrences: 5 }, NOW);
        journal.setCursor('system_log:a', { ts: 2, count: 2 });
        journal.setCursor('system_log:b', { ts: 2, count: 1 });
        throw new Error('the turn fails');
      }),
    ).toThrow('the turn fails');
    expect(journal.getIncident('inc_1')?.occurrences).toBe(1);
    expect(journal.getCursor('system_log:a')).toEqual({ ts: 1, count: 1 });
    expect(journal.getCursor('system_log:b')).toBeUndefined();
    // Counted, so collectors read again what they took in it.
    expect(journal.dropped).toBe(1);
    journal.close();
  });

  it('gives each caller its own copy of a cursor', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    journal.setCursor('automation:x', ['run1']);
    journal.getCursor<string[]>('automation:x')?.push('changed by a caller');
    expect(journal.getCursor('automation:x')).toEqual(['run1']);
    journal.close();
  });

  it('reads cursors and incidents deleted by retention as gone', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    journal.setCursor('system_log:old', { ts: 1, count: 1 });
    journal.setCursor('system_log:new', { ts: 2, count: 1 });
    journal.createIncident(
      incident({ status: 'resolved', resolved_at: '2026-11-01T00:00:00.000Z' }),
    );
    journal.flush();
    expect(journal.getCursor('system_log:old')).toBeDefined();
    expect(journal.getIncident('inc_1')).toBeDefined();
    expect(pruneLogCursors(journal, 1)).toBe(1);
    expect(purgeClosedIncidents(journal, '2026-11-15T00:00:00.000Z', 100)).toEqual(['inc_1']);
    expect(journal.getCursor('system_log:old')).toBeUndefined();
    expect(journal.getCursor('system_log:new')).toEqual({ ts: 2, count: 1 });
    expect(journal.getIncident('inc_1')).toBeUndefined();
    journal.close();
  });

  it('finds the open incident and the flap of a fingerprint as stored, whatever it held', () => {
    const dir = tempDir();
    let journal = new Journal(`${dir}/journal.db`);
    // Looked up before anything is stored: the filter starts from the empty journal.
    expect(journal.openByFingerprint('0123456789abcdef')).toBeUndefined();
    journal.createIncident(incident());
    journal.addSignal('inc_1', 'feedfacefeedface', signal(), 10);
    expect(journal.openByFingerprint('0123456789abcdef')?.id).toBe('inc_1');
    expect(journal.openByFingerprint('feedfacefeedface')?.id).toBe('inc_1');
    expect(journal.openByFingerprint('deadbeefdeadbeef')).toBeUndefined();
    journal.close();
    // After a restart, from the rows: a later signal's fingerprint too.
    journal = new Journal(`${dir}/journal.db`);
    expect(journal.openByFingerprint('feedfacefeedface')?.id).toBe('inc_1');
    // Rolled back: the incident it would have made is not found.
    expect(() =>
      journal.transaction(() => {
        journal.createIncident(incident({ id: 'inc_2', fingerprint: 'abcdabcdabcdabcd' }));
        throw new Error('the turn fails');
      }),
    ).toThrow('the turn fails');
    expect(journal.openByFingerprint('abcdabcdabcdabcd')).toBeUndefined();
    // Resolved: a flap within the window; purged by retention: gone.
    journal.updateIncident('inc_1', { status: 'resolved', resolved_at: NOW }, NOW);
    expect(journal.recentlyResolved('feedfacefeedface', '2026-12-01T09:00:00.000Z')?.id).toBe(
      'inc_1',
    );
    journal.flush();
    expect(purgeClosedIncidents(journal, '2026-12-02T00:00:00.000Z', 100)).toEqual(['inc_1']);
    expect(
      journal.recentlyResolved('feedfacefeedface', '2026-12-01T09:00:00.000Z'),
    ).toBeUndefined();
    journal.createIncident(incident({ id: 'inc_3', fingerprint: 'feedfacefeedface' }));
    expect(journal.openByFingerprint('feedfacefeedface')?.id).toBe('inc_3');
    journal.close();
  });
});
