/** Journals written by an earlier version open with their data carried forward. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal.js';
import { MIGRATIONS } from '../../src/journal/migrations.js';
import { ProposalJournal, type ProposalRecord } from '../../src/journal/proposals.js';
import { makePipeline, signal, tempDir } from '../helpers/pipeline.js';

describe('journal migrations', () => {
  it('a proposal from before labels gets its action id in words as its label', () => {
    const dir = tempDir();
    const { journal, correlator } = makePipeline({}, dir);
    correlator.emit(signal());
    const [incident] = journal.listIncidents({}, 1, 0).items;
    const proposal: ProposalRecord = {
      id: 'prp_old',
      incident_id: String(incident?.id),
      action_id: 'reload_config_entry',
      params: { entry_id: 'e1' },
      target: 'reload_config_entry:e1',
      status: 'proposed',
      risk: 'low',
      rationale: 'r',
      preview: {
        label: 'dropped below',
        summary: 's',
        precondition: 'p',
        backup: null,
        verification: [],
        rollback: 'r',
      },
      proposed_by: 'offline',
      created_at: '2026-11-25T10:00:00.000Z',
      expires_at: null,
      decided_at: null,
      decided_by: null,
    };
    new ProposalJournal(journal.db).addProposal(proposal);
    // As the version before labels stored it.
    journal.db.exec(`UPDATE proposals SET preview = json_remove(preview, '$.label')`);
    journal.db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    journal.close();

    const reopened = new Journal(join(dir, 'journal.db'));
    const migrated = new ProposalJournal(reopened.db).proposal('prp_old');
    expect(migrated?.preview.label).toBe('Reload config entry');
    expect(migrated?.preview.summary).toBe('s');
    reopened.close();
  });
});
