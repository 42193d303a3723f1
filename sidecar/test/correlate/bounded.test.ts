/** What the correlator remembers in memory stays bounded, however many failures it has seen. */
import { describe, expect, it } from 'vitest';
import { Correlator } from '../../src/correlate/correlator.js';
import { IncidentLifecycle } from '../../src/incident/lifecycle.js';
import { Journal } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { createLogger } from '../../src/log.js';
import { signal, tempDir, THRESHOLDS } from '../helpers/pipeline.js';

describe('Correlator memory', () => {
  it('remembers the open incident of a bounded number of fingerprints, and still finds the others', () => {
    const journal = new Journal(`${tempDir()}/journal.db`);
    const log = createLogger('error');
    const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), { log });
    const correlator = new Correlator(journal, lifecycle, {
      thresholds: THRESHOLDS,
      log,
      maxCachedFingerprints: 10,
    });
    const failure = (n: number) =>
      signal({ integration: `bench_${n}`, message: `Failure kind ${n}: device gone` });
    for (let n = 0; n < 50; n++) {
      correlator.emit(failure(n));
      expect(correlator.cachedFingerprints).toBeLessThanOrEqual(10);
    }
    // The first failure, long out of memory, joins its incident again.
    correlator.emit(failure(0));
    const { items, total } = journal.listIncidents({ integration: 'bench_0' }, 10, 0);
    expect(total).toBe(1);
    expect(items[0]?.occurrences).toBe(2);
    expect(journal.listIncidents({}, 1, 0).total).toBe(50);
    journal.close();
  });
});
