/**
 * Which checks decide a fix: the action's own, then the analysis's checks that the failure
 * stopped; and what a check makes of Home Assistant restarting while it looks.
 */
import type { VerificationTest } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import { afterFix, verify, WENT_AWAY } from '../../src/execute/verify.js';

const t = (kind: VerificationTest['kind'], timeout_s?: number): VerificationTest => ({
  kind,
  description: kind,
  ...(timeout_s && { timeout_s }),
});

describe('afterFix', () => {
  it('adds the analysis’s checks that the failure stopped to a fix’s own', () => {
    const own = [t('automation_off', 10)];
    const analysis = [t('no_new_matching_errors', 600), t('config_entry_loaded', 60)];
    expect(afterFix(own, analysis, true).map((x) => x.kind)).toEqual([
      'automation_off',
      'no_new_matching_errors',
    ]);
  });

  it('leaves out checks bound to another target, repeats, and anything for evidence-only actions', () => {
    const own = [t('config_entry_loaded', 60), t('entities_available', 60)];
    const analysis = [
      t('entities_available', 120),
      t('no_new_matching_errors', 300),
      t('no_new_matching_errors', 60),
      t('addon_started'),
      t('manual'),
    ];
    expect(afterFix(own, analysis, true).map((x) => x.kind)).toEqual([
      'config_entry_loaded',
      'entities_available',
      'no_new_matching_errors',
    ]);
    expect(afterFix([t('log_level_set', 10)], analysis, false)).toEqual([t('log_level_set', 10)]);
    expect(afterFix(own, [], true)).toEqual(own);
  });

  it('does not wait for the entities of what a fix turned off to come back', () => {
    const analysis = [t('entities_available', 60), t('no_new_matching_errors', 60)];
    expect(afterFix([t('config_entry_disabled', 30)], analysis, true).map((x) => x.kind)).toEqual([
      'config_entry_disabled',
      'no_new_matching_errors',
    ]);
  });
});

/**
 * Home Assistant's connection as home-assistant-js-websocket has it: `connected`, a
 * `disconnected` event, and commands refused (its ERR_CONNECTION_LOST, 3) while away.
 */
function fakeHa(entryState: string) {
  const listeners = new Set<() => void>();
  const ha = {
    connected: true,
    entryState,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    sendMessagePromise: async () => {
      if (!ha.connected) throw 3;
      return { config_entry: { state: ha.entryState, reason: null } };
    },
    /** HA stops; with `after`, it is back that much later with the entry in `state`. */
    restart(after?: { ms: number; state: string }) {
      ha.connected = false;
      for (const l of listeners) l();
      if (after)
        setTimeout(() => {
          ha.entryState = after.state;
          ha.connected = true;
        }, after.ms);
    },
  };
  const ctx = { conn: ha, incident: { id: 'inc_1' } } as unknown as ActionContext;
  return { ha, ctx };
}

const loaded = t('config_entry_loaded', 1);
const input = (ctx: ActionContext, awayMaxS?: number) => ({
  ctx,
  params: { entry_id: 'e1' },
  applied: {},
  appliedAt: new Date().toISOString(),
  backupId: null,
  maxWaitS: 1,
  ...(awayMaxS && { awayMaxS }),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('verify while Home Assistant restarts', () => {
  it('does not count the time HA is away against the check, and passes once it is back', async () => {
    const { ha, ctx } = fakeHa('setup_retry');
    const checking = verify([loaded], input(ctx));
    await sleep(200);
    // Away three times longer than the check's window (1 s); back with the entry loaded.
    ha.restart({ ms: 3000, state: 'loaded' });
    expect(await checking).toEqual([
      { description: 'config_entry_loaded', passed: true, detail: `state loaded (${WENT_AWAY})` },
    ]);
  });

  it('fails, saying so, when HA is back but the check still does not pass', async () => {
    const { ha, ctx } = fakeHa('setup_retry');
    const checking = verify([loaded], input(ctx));
    await sleep(200);
    ha.restart({ ms: 1500, state: 'setup_retry' });
    const [outcome] = await checking;
    expect(outcome).toMatchObject({ passed: false, detail: `state setup_retry (${WENT_AWAY})` });
  });

  it('gives up when HA is not back in time, and says why', async () => {
    const { ha, ctx } = fakeHa('setup_retry');
    const checking = verify([loaded], input(ctx, 2));
    await sleep(200);
    ha.restart();
    const [outcome] = await checking;
    expect(outcome).toMatchObject({
      passed: false,
      detail: `Home Assistant was not back within 2 s (${WENT_AWAY})`,
    });
  });

  it('says nothing of a restart when HA stayed', async () => {
    const { ctx } = fakeHa('loaded');
    expect(await verify([loaded], input(ctx))).toEqual([
      { description: 'config_entry_loaded', passed: true, detail: 'state loaded' },
    ]);
  });
});
