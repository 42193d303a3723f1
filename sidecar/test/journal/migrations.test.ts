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
    const order = reopened.db
      .prepare(`SELECT name FROM cursors ORDER BY seq`)
      .all()
      .map((r) => (r as { name: string }).name);
    expect(order).toEqual(['system_log:old', 'system_log:new']);
    reopened.close();
  });
});
