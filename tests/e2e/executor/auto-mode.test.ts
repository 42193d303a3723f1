/**
 * The executor in auto mode under a flapping fault: cooldown and the hourly budget cap
 * how often it acts.
 */
import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import { configEntries, eventually } from '../../harness/ha-rest.js';
import { api } from '../support/in-process.js';
import { env, setFault, settings, startSidecar, useExecutorSetup } from './setup.js';

useExecutorSetup();

describe('auto mode under a flapping fault', () => {
  it('cooldown and the hourly budget cap how often it acts', async () => {
    const sidecar = await startSidecar(
      settings({
        policy: [
          'mode: auto',
          'max_actions_per_hour: 1',
          'actions:',
          '  reload_config_entry: {auto: true, cooldown_s: 3600, max_attempts_per_incident: 5}',
        ].join('\n'),
        thresholds: { ...THRESHOLDS, verifyMaxWaitS: 3, flapWindowS: 3600, groupingWindowS: 0 },
      }),
    );
    const start = new Date().toISOString();
    for (let flap = 0; flap < 4; flap++) {
      await setFault('not_ready', true);
      await eventually(async () =>
        (await configEntries(env, 'fault_lab'))[0]?.state === 'setup_retry' ? true : undefined,
      );
      await new Promise((r) => setTimeout(r, 1500));
      await sidecar.executor.idle();
      await setFault('none', true);
      await eventually(async () =>
        (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
      );
      await new Promise((r) => setTimeout(r, 1000));
    }
    await sidecar.executor.idle();
    expect(sidecar.proposals.countSince(start)).toBe(1);
    const status = await api<{
      mode: string;
      policy: { auto_actions: string[] };
      action_labels: Record<string, string>;
    }>(sidecar, 'GET', '/api/status');
    expect(status.body.mode).toBe('auto');
    expect(status.body.policy.auto_actions).toEqual(['reload_config_entry']);
    // The panel names them as the actions name themselves.
    expect(status.body.action_labels.reload_config_entry).toBe('Reload the integration entry');
  });
});
