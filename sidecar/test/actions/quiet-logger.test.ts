/**
 * quiet_logger takes the logger only from the incident's evidence, only one of the incident's
 * integration, only ever raises its level, and sets back the level the integration logged at.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import { floodingLoggers, quietLogger } from '../../src/actions/quiet-logger.js';
import type { IncidentRecord, SignalRecord } from '../../src/journal/journal.js';

const FLOODER = 'custom_components.fault_lab.flood';

/** A signal of HA's system log as the journal keeps it. */
function record(message: string, logger: string, level: string, count: number): SignalRecord {
  return {
    id: 1,
    incident_id: 'inc_1',
    fingerprint: 'fp',
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: '2026-11-25T10:00:00Z',
    integration: 'fault_lab',
    entry_id: null,
    subject: null,
    severity: level === 'ERROR' ? 'error' : 'warning',
    message,
    count,
    data: { logger, level },
    sensitive: [],
  };
}

const tooFrequent = (module: string) =>
  record(
    `Module ${module} is logging too frequently. 200 messages since last count`,
    'homeassistant.util.logging',
    'WARNING',
    1,
  );

/** HA's logger commands and the logger service over a fake connection. */
function setup(signals: SignalRecord[], opts: { integrationLevel?: number } = {}) {
  const calls: Record<string, unknown>[] = [];
  const conn = {
    sendMessagePromise: (msg: Record<string, unknown>) => {
      if (msg.type === 'logger/log_info')
        return Promise.resolve([{ domain: 'fault_lab', level: opts.integrationLevel ?? 20 }]);
      if (msg.type === 'call_service') {
        calls.push(msg);
        return Promise.resolve(null);
      }
      return Promise.reject(new Error(`unexpected ${String(msg.type)}`));
    },
  } as unknown as Connection;
  const ctx = {
    conn,
    incident: { id: 'inc_1', integration: 'fault_lab' } as IncidentRecord,
    inventory: {
      libraryLoggers: new Map([
        ['faultlab_lib', 'fault_lab'],
        ['pyatv', 'apple_tv'],
      ]),
    },
    journal: { signalsOf: () => signals },
    revertAfterS: 3600,
  } as unknown as ActionContext;
  return { ctx, calls };
}

describe('floodingLoggers', () => {
  it('finds the module HA names and loggers with hundreds of lines, not the detector itself', () => {
    const found = floodingLoggers([
      tooFrequent(FLOODER),
      record('Fault Lab hub repeated its last status update', FLOODER, 'WARNING', 350),
      record('Could not reach the hub', 'custom_components.fault_lab', 'ERROR', 3),
    ]);
    expect(found).toEqual([{ logger: FLOODER, seenLevel: 'warning', lines: 350 }]);
  });
});

describe('quiet_logger resolve', () => {
  const flood = [
    tooFrequent(FLOODER),
    record('Fault Lab hub repeated its last status update', FLOODER, 'WARNING', 350),
  ];

  it('takes the flooding logger from the evidence and raises it above its lines', async () => {
    const { ctx } = setup(flood);
    expect(await quietLogger.resolve(ctx, {})).toEqual({ logger: FLOODER, level: 'error' });
  });

  it('refuses a logger the evidence does not show flooding', async () => {
    const { ctx } = setup(flood);
    await expect(
      quietLogger.resolve(ctx, { logger: 'homeassistant.components.recorder' }),
    ).rejects.toThrow(/evidence shows flooding \(custom_components\.fault_lab\.flood\)/);
    await expect(quietLogger.resolve(ctx, { logger: '' })).rejects.toThrow(/evidence/);
  });

  it('refuses a flooding logger of another integration, even when the evidence names it', async () => {
    for (const foreign of ['homeassistant.components.zha.core', 'pyatv.protocols', 'aiohttp']) {
      const { ctx } = setup([tooFrequent(foreign)]);
      await expect(quietLogger.resolve(ctx, { logger: foreign })).rejects.toThrow(
        new RegExp(`${foreign.replaceAll('.', '\\.')} does not belong to fault_lab`),
      );
    }
  });

  it('accepts a library logger the integration declares', async () => {
    const { ctx } = setup([tooFrequent('faultlab_lib.client')]);
    expect(await quietLogger.resolve(ctx, {})).toEqual({
      logger: 'faultlab_lib.client',
      level: 'warning',
    });
  });

  it('never lowers: a level at or below the flooding lines or the current level is refused', async () => {
    const { ctx } = setup(flood);
    await expect(quietLogger.resolve(ctx, { level: 'warning' })).rejects.toThrow(/would not quiet/);
    await expect(quietLogger.resolve(ctx, { level: 'debug' })).rejects.toThrow(
      /level must be error/,
    );
    // The integration already logs only errors: nothing to raise without hiding errors.
    const quietAlready = setup(flood, { integrationLevel: 40 });
    await expect(quietLogger.resolve(quietAlready.ctx, {})).rejects.toThrow(/would hide errors/);
  });

  it('refuses critical, unknown parameters, and incidents without an integration', async () => {
    const { ctx } = setup(flood);
    await expect(quietLogger.resolve(ctx, { level: 'critical' })).rejects.toThrow(/level must/);
    await expect(quietLogger.resolve(ctx, { service: 'logger.set_default_level' })).rejects.toThrow(
      /unknown parameter service/,
    );
    const bare = { ...ctx, incident: { ...ctx.incident, integration: null } } as ActionContext;
    await expect(quietLogger.resolve(bare, {})).rejects.toThrow(/names no integration/);
  });
});

describe('quiet_logger apply and rollback', () => {
  it('raises the logger with logger.set_level and sets back the level it had', async () => {
    const { ctx, calls } = setup([]);
    const params = { logger: FLOODER, level: 'error' };
    const applied = await quietLogger.apply(ctx, params);
    expect(applied).toEqual({ previous: 'info' });
    const outcome = await quietLogger.rollback(ctx, params, applied);
    expect(outcome).toMatchObject({ attempted: true, succeeded: true });
    expect(calls.map((c) => c.service_data)).toEqual([
      { [FLOODER]: 'ERROR' },
      { [FLOODER]: 'INFO' },
    ]);
  });

  it('changes nothing when the level is already that high, or when apply never ran', async () => {
    const { ctx, calls } = setup([], { integrationLevel: 40 });
    await expect(quietLogger.apply(ctx, { logger: FLOODER, level: 'error' })).rejects.toThrow(
      /already logs at error/,
    );
    const outcome = await quietLogger.rollback(ctx, { logger: FLOODER, level: 'error' }, {});
    expect(outcome.attempted).toBe(false);
    expect(calls).toEqual([]);
  });
});
