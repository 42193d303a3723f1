/**
 * An execution cut short by the sidecar going away: marked interrupted on restart, never
 * run again.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../sidecar/src/log.js';
import { Sidecar } from '../../../sidecar/src/sidecar.js';
import { api, type Proposal } from '../support/in-process.js';
import {
  pendingReload,
  setFault,
  settings,
  sidecars,
  startSidecar,
  useExecutorSetup,
} from './setup.js';

useExecutorSetup();

describe('crash safety', () => {
  it('an execution cut short by a crash is marked interrupted on restart, never run again', async () => {
    const s = settings({ policy: 'actions:\n  reload_config_entry: {cooldown_s: 0}\n' });
    const first = await startSidecar(s);
    await setFault('not_ready', true);
    const proposal = await pendingReload(first);
    first.pipeline.approve(proposal.id, 'e2e');
    // The sidecar goes away mid-execution (during the backup): nothing after this point is journaled.
    sidecars.release(first);
    await first.stop();

    const second = sidecars.track(new Sidecar(s, createLogger('error')));
    await second.start();
    const { body } = await api<{
      proposal: Proposal;
      execution: { status: string } | null;
      result: { error: string } | null;
    }>(second, 'GET', `/api/actions/${proposal.id}`);
    expect(body.proposal.status).toBe('interrupted');
    expect(body.execution?.status).toBe('interrupted');
    expect(body.result?.error).toMatch(/stopped during this execution/);
    const retry = await api<{ error: string }>(
      second,
      'POST',
      `/api/actions/${proposal.id}/approve`,
      {},
    );
    expect(retry.status).toBe(409);
  });
});
