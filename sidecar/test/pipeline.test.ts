/**
 * The pipeline reads a new incident at once (the first event HA sees carries its category),
 * and reads an open incident again when more of its lines come: a moment later, once for a
 * whole burst, so a hub logging dozens of new lines costs one analysis, not dozens.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OfflineIncidentAnalyzer } from '../src/analyze/incident-analyzer.js';
import { createLogger } from '../src/log.js';
import { REREAD_AFTER_MS } from '../src/pipeline.js';
import { Sidecar } from '../src/sidecar.js';
import { signal, testSettings } from './helpers/pipeline.js';

const sidecar = new Sidecar(testSettings(), createLogger('error'));
const analyses = vi.spyOn(OfflineIncidentAnalyzer.prototype, 'analyze');

beforeAll(() => sidecar.start());
afterAll(() => sidecar.stop());

/** The open incident of an integration, as stored now. */
const openOf = (integration: string) =>
  sidecar.journal.listIncidents({ active: true, integration }, 1, 0).items[0];

const line = (message: string) =>
  signal({ integration: 'fault_lab', message, observed_at: new Date().toISOString() });

describe('reading an incident again', () => {
  it('reads a burst of new lines once, a moment later, and the analysis follows them', async () => {
    analyses.mockClear();
    sidecar.correlator.emit(line('Error fetching data from 192.0.2.10: timeout after 10 s'));
    const opened = openOf('fault_lab');
    expect(opened?.analysis?.category).toBe('device_unavailable');
    expect(analyses).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 10; i++)
      sidecar.correlator.emit(line(`Polling channel ${String(i)} of the hub failed`));
    sidecar.correlator.emit(line('Error fetching data: 429 Too Many Requests'));
    // Nothing read again while the burst goes on.
    expect(analyses).toHaveBeenCalledTimes(1);

    await vi.waitFor(() => expect(analyses).toHaveBeenCalledTimes(2), {
      timeout: REREAD_AFTER_MS * 3,
    });
    const reread = openOf('fault_lab');
    expect(reread?.id).toBe(opened?.id);
    expect(reread?.occurrences).toBe(12);
    expect(reread?.analysis?.category).toBe('rate_limited');
  });

  it('does not read an incident that closed meanwhile', async () => {
    analyses.mockClear();
    sidecar.correlator.emit(signal({ integration: 'fault_two', message: 'Hub went away' }));
    sidecar.correlator.emit(signal({ integration: 'fault_two', message: 'Hub is still away' }));
    const incident = openOf('fault_two');
    expect(incident).toBeDefined();
    sidecar.lifecycle.dismiss(incident?.id ?? '', { reason: null, ignoreSimilar: false });
    await new Promise((r) => setTimeout(r, REREAD_AFTER_MS * 1.5));
    expect(analyses).toHaveBeenCalledTimes(1);
  });
});
