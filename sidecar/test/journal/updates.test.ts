/** Updates in the journal: kept across restarts, found around an incident's start. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/journal/journal.js';
import type { InstalledUpdate } from '../../src/shared/update-attribution.js';
import { tempDir } from '../helpers/pipeline.js';

const installed = (at: string, to = '0.2.0'): InstalledUpdate => ({
  entity_id: 'update.fault_lab',
  kind: 'integration',
  integration: 'fault_lab',
  addon: null,
  title: 'Fault Lab',
  from_version: '0.1.0',
  to_version: to,
  release_url: null,
  updated_at: at,
  backup: { id: 'b1', name: 'Before', date: at },
});

describe('UpdateJournal', () => {
  it('keeps updates and the last version seen across a restart', () => {
    const file = join(tempDir(), 'journal.db');
    const first = new Journal(file);
    first.updates.see('update.fault_lab', '0.1.0');
    first.updates.record(installed('2026-12-04T10:00:00.000Z'));
    first.close();

    const again = new Journal(file);
    expect(again.updates.knownVersion('update.fault_lab')).toBe('0.1.0');
    expect(again.updates.knownVersion('update.other')).toBeUndefined();
    expect(again.updates.near('2026-12-04T10:30:00.000Z')).toEqual([
      installed('2026-12-04T10:00:00.000Z'),
    ]);
    again.close();
  });

  it('finds the updates of the day before an incident, newest first, and none older', () => {
    const journal = new Journal(join(tempDir(), 'journal.db'));
    journal.updates.record(installed('2026-12-02T10:00:00.000Z', '0.1.5'));
    journal.updates.record(installed('2026-12-04T09:00:00.000Z', '0.1.9'));
    journal.updates.record(installed('2026-12-04T11:00:00.000Z', '0.2.0'));
    journal.updates.record(installed('2026-12-04T13:00:00.000Z', '0.3.0'));
    expect(journal.updates.near('2026-12-04T12:00:00.000Z').map((u) => u.to_version)).toEqual([
      '0.2.0',
      '0.1.9',
    ]);
    journal.close();
  });
});
