/** The incident lifecycle announces only what the journal committed, in order. */
import { describe, expect, it } from 'vitest';
import { IncidentLifecycle } from '../../src/incident/lifecycle.js';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { createLogger } from '../../src/log.js';
import { makePipeline, signal } from '../helpers/pipeline.js';

function setup() {
  const pipeline = makePipeline();
  pipeline.correlator.emit(signal({ integration: 'hue' }));
  const [incident] = pipeline.journal.listIncidents({}, 1, 0).items as [IncidentRecord];
  pipeline.changes.length = 0;
  return { ...pipeline, incident };
}

describe('the incident lifecycle', () => {
  it('announces a batch’s changes after it commits, in order', () => {
    const { lifecycle, journal, changes, incident } = setup();
    const seenInBatch: number[] = [];
    lifecycle.batch(() => {
      lifecycle.resolve(incident.id, 'the device answers again', 'resolved_itself');
      seenInBatch.push(changes.length);
    });
    expect(seenInBatch).toEqual([0]);
    expect(changes.map(([i, c]) => [i.id, c, i.status])).toEqual([
      [incident.id, 'resolved', 'resolved'],
    ]);
    expect(journal.getIncident(incident.id)?.status).toBe('resolved');
  });

  it('never announces a change that was rolled back', () => {
    const { lifecycle, journal, changes, incident } = setup();
    expect(() =>
      lifecycle.batch(() => {
        lifecycle.dismiss(incident.id, { ignoreSimilar: true, reason: null });
        throw new Error('the journal write after it failed');
      }),
    ).toThrow('the journal write after it failed');
    expect(changes).toEqual([]);
    expect(journal.getIncident(incident.id)?.status).toBe('open');
  });

  it('keeps announcing to the other listeners when one of them throws, and says so', () => {
    const { journal, incident } = setup();
    const errors: string[] = [];
    const log = { ...createLogger('error'), error: (msg: string) => errors.push(msg) };
    const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), { log });
    const changes: string[] = [];
    lifecycle.onChange(() => {
      throw new Error('a listener bug');
    });
    lifecycle.onChange((_i, change) => changes.push(change));
    expect(lifecycle.resolve(incident.id, 'gone', 'resolved_itself')).toBe(true);
    expect(changes).toEqual(['resolved']);
    expect(errors).toEqual([expect.stringContaining('a listener bug')]);
    // A closed incident is not resolved twice.
    expect(lifecycle.resolve(incident.id, 'gone again', 'resolved_itself')).toBe(false);
    expect(changes).toHaveLength(1);
  });
});
