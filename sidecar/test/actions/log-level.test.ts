/**
 * The rollback of set_integration_log_level: it restores the level the
 * integration had, says it succeeded only when HA reports that level again, and
 * touches nothing when the change never happened, and never restores NOTSET.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import { setIntegrationLogLevel } from '../../src/actions/log-level.js';

/** HA's logger commands over a fake connection: levels by domain, numeric like HA's. */
function fakeHa(levels: Record<string, number>, opts: { ignoreSets?: boolean } = {}) {
  const sent: Record<string, unknown>[] = [];
  const numeric: Record<string, number> = {
    DEBUG: 10,
    INFO: 20,
    WARNING: 30,
    ERROR: 40,
    CRITICAL: 50,
  };
  const conn = {
    sendMessagePromise: (msg: Record<string, unknown>) => {
      sent.push(msg);
      if (msg.type === 'logger/log_info')
        return Promise.resolve(
          Object.entries(levels).map(([domain, level]) => ({ domain, level })),
        );
      if (msg.type === 'logger/integration_log_level') {
        const level = String(msg.level);
        if (!opts.ignoreSets) {
          levels[String(msg.integration)] = numeric[level] ?? 0; // NOTSET is 0, as in HA
        }
        return Promise.resolve(null);
      }
      return Promise.reject(new Error(`unexpected ${String(msg.type)}`));
    },
  } as unknown as Connection;
  return { ctx: { conn } as ActionContext, sent, levels };
}

const params = { integration: 'fault_lab', level: 'debug' };

describe('set_integration_log_level rollback', () => {
  it('restores the level the integration had, and checks that HA reports it', async () => {
    const ha = fakeHa({ fault_lab: 30 });
    const applied = await setIntegrationLogLevel.apply(ha.ctx, params);
    expect(ha.levels.fault_lab).toBe(10);
    const outcome = await setIntegrationLogLevel.rollback(ha.ctx, params, applied);
    expect(ha.levels.fault_lab).toBe(30);
    expect(outcome).toMatchObject({ attempted: true, succeeded: true });
  });

  it('changes nothing when apply never ran (no level was recorded)', async () => {
    const ha = fakeHa({ fault_lab: 30 });
    const outcome = await setIntegrationLogLevel.rollback(ha.ctx, params, {});
    expect(ha.sent).toEqual([]);
    expect(ha.levels.fault_lab).toBe(30);
    expect(outcome.attempted).toBe(false);
  });

  it('reports failure when HA still logs at another level afterwards', async () => {
    const ha = fakeHa({ fault_lab: 30 });
    const applied = await setIntegrationLogLevel.apply(ha.ctx, params);
    const stuck = fakeHa(ha.levels, { ignoreSets: true });
    const outcome = await setIntegrationLogLevel.rollback(stuck.ctx, params, applied);
    expect(outcome).toMatchObject({ attempted: true, succeeded: false });
    expect(outcome.detail).toContain('warning');
  });

  it('refuses to change a level HA does not report, so it never has to roll back to NOTSET', async () => {
    const ha = fakeHa({}); // the integration not listed: HA reports no level
    await expect(setIntegrationLogLevel.apply(ha.ctx, params)).rejects.toThrow(
      /reports no log level for fault_lab/,
    );
    expect(ha.sent.map((m) => m.type)).toEqual(['logger/log_info']);
  });

  it('never sets NOTSET on rollback, whatever level was recorded', async () => {
    for (const previous of ['notset', 'NOTSET', 'verbose']) {
      const ha = fakeHa({ fault_lab: 10 });
      const outcome = await setIntegrationLogLevel.rollback(ha.ctx, params, { previous });
      expect(ha.sent).toEqual([]);
      expect(ha.levels.fault_lab).toBe(10);
      expect(outcome).toMatchObject({ attempted: false, succeeded: false });
    }
  });
});
