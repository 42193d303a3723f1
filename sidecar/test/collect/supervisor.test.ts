/** The Supervisor collector against a fake Supervisor that follows the documented API. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startFakeSupervisor,
  type FakeSupervisor,
} from '../../../tests/harness/fake-supervisor.js';
import { addonEventSignal, supervisorCollector } from '../../src/collect/supervisor.js';
import { SupervisorClient, SupervisorError } from '../../src/supervisor/client.js';
import { makePipeline, supervisorContext } from '../helpers/pipeline.js';

let fake: FakeSupervisor;

beforeAll(async () => {
  fake = await startFakeSupervisor({
    addons: [
      {
        slug: 'core_mosquitto',
        name: 'Mosquitto broker',
        version: '6.5.1',
        state: 'started',
        update_available: false,
        log: [],
      },
      {
        slug: 'a0d7b954_zigbee2mqtt',
        name: 'Zigbee2MQTT',
        version: '2.6.0',
        state: 'error',
        update_available: false,
        log: [
          '[12:00:01] INFO: Starting Zigbee2MQTT',
          'Error: Failed to connect to the adapter (/dev/ttyUSB0)',
          's6-rc: warning: unable to start service zigbee2mqtt: command exited 1',
        ],
      },
    ],
    resolution: {
      unsupported: [],
      unhealthy: ['docker'],
      issues: [{ uuid: 'a1b2', type: 'free_space', context: 'system', reference: null }],
      suggestions: [],
    },
  });
});

afterAll(() => fake.close());

describe('supervisor collector', () => {
  it('is off without a Supervisor', () => {
    expect(supervisorCollector.enabled(supervisorContext(makePipeline(), null))).toBe(false);
  });

  it('turns an add-on in error, an unhealthy system and a resolution issue into incidents', async () => {
    const pipeline = makePipeline();
    const stop = await supervisorCollector.start(
      supervisorContext(pipeline, new SupervisorClient(fake.url, fake.token)),
    );
    await stop();
    const { items } = pipeline.journal.listIncidents({}, 10, 0);
    expect(items.map((i) => i.title).sort()).toEqual([
      'Add-on Zigbee2MQTT (a0d7b954_zigbee2mqtt) is in state error',
      'Supervisor reports free_space in system',
      'The system is unhealthy: docker',
    ]);
    const addon = items.find((i) => i.subject === 'addon:a0d7b954_zigbee2mqtt');
    expect(addon?.category).toBe('addon_crash');
    const [sig] = pipeline.journal.signalsOf(String(addon?.id));
    expect(String(sig?.data.log_tail)).toContain('Failed to connect to the adapter');
    // The collector read the add-on's log as plain text, authenticated.
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'GET /addons/a0d7b954_zigbee2mqtt/logs',
    );
  });

  it('resolves the add-on incident once the add-on runs again', async () => {
    const pipeline = makePipeline();
    const ctx = supervisorContext(pipeline, new SupervisorClient(fake.url, fake.token));
    await (
      await supervisorCollector.start(ctx)
    )();
    const zigbee = fake.state.addons.find((a) => a.slug === 'a0d7b954_zigbee2mqtt');
    if (zigbee) zigbee.state = 'started';
    await (
      await supervisorCollector.start(ctx)
    )();
    const addon = pipeline.journal
      .listIncidents({}, 10, 0)
      .items.find((i) => i.subject === 'addon:a0d7b954_zigbee2mqtt');
    expect(addon?.status).toBe('resolved');
    if (zigbee) zigbee.state = 'error';
  });

  it('maps an add-on event in a failed state to the add-on signal the poll makes', () => {
    const [mosquitto] = fake.state.addons;
    const addons = mosquitto ? [{ ...mosquitto }] : [];
    const at = '2026-12-04T12:00:00.000Z';
    const signal = addonEventSignal(
      { event: 'addon', slug: 'core_mosquitto', state: 'error' },
      addons,
      at,
    );
    expect(signal).toMatchObject({
      source: 'supervisor',
      kind: 'addon_state',
      key: 'addon:core_mosquitto',
      subject: 'addon:core_mosquitto',
      message: 'Add-on Mosquitto broker (core_mosquitto) is in state error',
      data: { slug: 'core_mosquitto', state: 'error', version: '6.5.1' },
    });
    expect(
      addonEventSignal({ event: 'addon', slug: 'other', state: 'unknown' }, addons, at)?.message,
    ).toBe('Add-on other (other) is in state unknown');
    for (const event of [
      { event: 'addon', slug: 'core_mosquitto', state: 'started' },
      { event: 'addon', slug: 'core_mosquitto', state: 'stopped' },
      { event: 'job', slug: 'core_mosquitto', state: 'error' },
      { event: 'addon', state: 'error' },
      null,
    ])
      expect(addonEventSignal(event, addons, at)).toBeNull();
  });

  it('keeps a crash seen by event through the next poll, then resolves it as usual', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const pipeline = makePipeline();
      let push: ((event: unknown) => void) | undefined;
      const conn = {
        subscribeMessage: <T>(cb: (event: T) => void, message: { type: string }) => {
          expect(message).toEqual({ type: 'supervisor/subscribe' });
          push = cb as (event: unknown) => void;
          return Promise.resolve(() => Promise.resolve());
        },
      };
      const ctx = supervisorContext(
        pipeline,
        new SupervisorClient(fake.url, fake.token),
        conn as never,
      );
      const stop = await supervisorCollector.start(ctx);
      const mosquitto = () =>
        pipeline.journal
          .listIncidents({}, 10, 0)
          .items.find((i) => i.subject === 'addon:core_mosquitto');
      expect(mosquitto()).toBeUndefined();
      // The watchdog restarts it between two polls.
      push?.({ event: 'addon', slug: 'core_mosquitto', state: 'error' });
      push?.({ event: 'addon', slug: 'core_mosquitto', state: 'started' });
      expect(mosquitto()?.status).toBe('open');
      const polled = () => fake.requests.filter((r) => r.path === '/core/logs').length;
      for (const status of ['open', 'resolved']) {
        const before = polled();
        vi.advanceTimersByTime(ctx.thresholds.supervisorPollS * 1000);
        await vi.waitFor(() => expect(polled()).toBeGreaterThan(before));
        expect(mosquitto()?.status).toBe(status);
      }
      await stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a wrong token as a SupervisorError with the status', async () => {
    const client = new SupervisorClient(fake.url, 'wrong');
    await expect(client.resolutionInfo()).rejects.toMatchObject({ status: 401 });
    await expect(client.resolutionInfo()).rejects.toBeInstanceOf(SupervisorError);
  });
});
