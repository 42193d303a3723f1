/** Journals written by an earlier version open with their data carried forward. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal.js';
import { MIGRATIONS } from '../../src/journal/migrations.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { tempDir } from '../helpers/pipeline.js';

/** A journal as the version with the first `version` migrations left it. */
function journalAt(version: number): { file: string; db: Database.Database } {
  const file = join(tempDir(), 'journal.db');
  const db = new Database(file);
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration);
  db.pragma(`user_version = ${version}`);
  return { file, db };
}

describe('journal migrations', () => {
  it('a proposal from before labels gets its action id in words as its label', () => {
    const labels = MIGRATIONS.findIndex((m) => m.includes("'$.label'"));
    const { file, db } = journalAt(labels);
    db.prepare(
      `INSERT INTO incidents (id, fingerprint, group_key, status, severity, category, integration,
         entry_id, subject, title, first_seen, last_seen, occurrences, resolved_at, resolution,
         remedy, confidence, flaps, analysis, analyzed_at, updated_at)
       VALUES ('inc_1', 'fp', 'g', 'open', 'error', 'other', 'hue', NULL, NULL, 't',
         '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z', 1, NULL, NULL, NULL, NULL, 0,
         NULL, NULL, '2026-11-25T10:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO proposals (id, incident_id, action_id, params, target, status, risk, rationale,
         preview, proposed_by, created_at, expires_at, decided_at, decided_by)
       VALUES ('prp_old', 'inc_1', 'reload_config_entry', '{"entry_id":"e1"}',
         'reload_config_entry:e1', 'proposed', 'low', 'r', ?, 'offline',
         '2026-11-25T10:00:00.000Z', NULL, NULL, NULL)`,
    ).run(
      JSON.stringify({
        summary: 's',
        precondition: 'p',
        backup: null,
        verification: [],
        rollback: 'r',
      }),
    );
    db.close();

    const reopened = new Journal(file);
    const migrated = new ProposalJournal(reopened.db).proposal('prp_old');
    expect(migrated?.preview.label).toBe('Reload config entry');
    expect(migrated?.preview.summary).toBe('s');
    reopened.close();
  });

  it('cursors from before the sequence keep their values and sort oldest', () => {
    const seq = MIGRATIONS.findIndex((m) => m.includes('ADD COLUMN seq'));
    const { file, db } = journalAt(seq);
    db.prepare(`INSERT INTO cursors (name, value) VALUES ('system_log:old', '{"ts":1}')`).run();
    db.close();
    const reopened = new Journal(file);
    reopened.setCursor('system_log:new', { ts: 2 });
    expect(reopened.getCursor('system_log:old')).toEqual({ ts: 1 });
    reopened.flush(); // read below without the journal: written first
    const order = reopened.db
      .prepare(`SELECT name FROM cursors ORDER BY seq`)
      .all()
      .map((r) => (r as { name: string }).name);
    expect(order).toEqual(['system_log:old', 'system_log:new']);
    reopened.close();
  });

  it('incidents closed before outcomes get the outcome their resolution says; ignores stay ignored', () => {
    const outcomes = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE outcomes'));
    const { file, db } = journalAt(outcomes);
    const insert = db.prepare(
      `INSERT INTO incidents (id, fingerprint, group_key, status, severity, category, integration,
         entry_id, subject, title, first_seen, last_seen, occurrences, resolved_at, resolution,
         remedy, confidence, flaps, analysis, analyzed_at, updated_at)
       VALUES (?, ?, 'g', ?, 'error', 'setup_retry', 'hue', NULL, NULL, ?,
         '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z', 1, ?, ?, NULL, NULL, 0,
         ?, NULL, '2026-11-25T10:00:00.000Z')`,
    );
    const closed = '2026-11-25T11:00:00.000Z';
    const analysis = JSON.stringify({ signature: 'setup.not_ready' });
    insert.run(
      'inc_fix',
      'f1',
      'resolved',
      't',
      closed,
      'fixed by reload_config_entry; verified',
      analysis,
    );
    insert.run('inc_quiet', 'f2', 'resolved', 't', closed, 'no repeats for 30 min', null);
    insert.run('inc_clear', 'f3', 'resolved', 't', closed, 'the entry is loaded again', null);
    insert.run('inc_ign', 'f4', 'dismissed', 'Hub down', closed, 'dismissed', null);
    insert.run('inc_open', 'f5', 'open', 't', null, null, null);
    db.prepare(
      `INSERT INTO dismissals (fingerprint, incident_id, created_at, reason)
       VALUES ('f4', 'inc_ign', ?, 'known')`,
    ).run(closed);
    db.close();

    const reopened = new Journal(file);
    const o = reopened.outcomes;
    expect(o.of('inc_fix')).toEqual({
      outcome: 'fixed_by_action',
      closed_at: closed,
      signature: 'setup.not_ready',
      integration: 'hue',
      action_id: 'reload_config_entry',
      decided_by: null,
    });
    expect(o.of('inc_quiet')?.outcome).toBe('expired');
    expect(o.of('inc_clear')?.outcome).toBe('resolved_itself');
    expect(o.of('inc_ign')?.outcome).toBe('ignored');
    expect(o.of('inc_open')).toBeNull();
    expect(reopened.dismissals.isDismissed('f4')).toBe(true);
    expect(reopened.dismissals.list(closed)).toEqual([
      {
        incident_id: 'inc_ign',
        kind: 'ignored',
        title: 'Hub down',
        integration: 'hue',
        fingerprints: 1,
        created_at: closed,
        expires_at: null,
        reason: 'known',
      },
    ]);
    reopened.close();
  });
});
