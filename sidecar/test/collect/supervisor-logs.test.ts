/**
 * The Supervisor's log and the host's journal: real lines (from the corpus' threads) that are
 * failures, the ones that are not, and every failure counted once across polls and restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeSupervisor,
  type FakeSupervisor,
} from '../../../tests/harness/fake-supervisor.js';
import { supervisorCollector } from '../../src/collect/supervisor.js';
import { failuresIn, logSignal } from '../../src/collect/supervisor-logs.js';
import { SupervisorClient } from '../../src/supervisor/client.js';
import { must } from '../analyze/helpers.js';
import { makePipeline, tempDir, supervisorContext } from '../helpers/pipeline.js';

const SUPERVISOR = [
  '21-01-21 16:34:06 INFO (MainThread) [supervisor.updater] Fetching update data from https://version.home-assistant.io/stable.json',
  '20-01-21 21:53:40 ERROR (SyncWorker_17) [hassio.docker] Can\'t start addon_core_mosquitto: 500 Server Error: Internal Server Error ("driver failed programming external connectivity on endpoint addon_core_mosquitto (9e7ca476): Error starting userland proxy: listen tcp 0.0.0.0:1883: bind: address already in use")',
  '2024-12-15 20:24:46.863 INFO (SyncWorker_1) [supervisor.docker.manager] Stopping addon_local_tsun-proxy application',
];
const WATCHDOG =
  '2024-12-15 20:30:01.002 WARNING (MainThread) [supervisor.addons.addon] Watchdog found addon Mosquitto broker is failed, restarting...';
const HOST = [
  '2025-01-28 19:18:29.816 homeassistant dockerd[650]: time="2025-01-28T19:18:29.815963906Z" level=error msg="[resolver] failed to query external DNS server" dns-server="udp:<IP>:53" error="read udp: i/o timeout"',
  '2025-01-28 19:21:53.517 homeassistant dockerd[650]: time="2025-01-28T19:21:53.517172478Z" level=info msg="Attempting next endpoint for pull after error"',
  '2025-01-28 19:25:00.100 homeassistant kernel: Out of memory: Killed process 1234 (node) total-vm:1232kB, anon-rss:512000kB',
];

describe('failuresIn', () => {
  it('takes the Supervisor’s errors (naming their add-on) and its watchdog restarts', () => {
    const got = failuresIn('supervisor', [...SUPERVISOR, WATCHDOG].join('\n'), undefined);
    expect(got.map((l) => [l.severity, l.addon, l.message.slice(0, 40)])).toEqual([
      ['error', 'core_mosquitto', "Can't start addon_core_mosquitto: 500 Se"],
      ['error', null, 'Watchdog found addon Mosquitto broker is'],
    ]);
  });

  it('takes the host’s failures by their words, not its routine lines', () => {
    const got = failuresIn('host', HOST.join('\n'), undefined);
    expect(got.map((l) => [l.logger, l.at])).toEqual([
      ['dockerd', '2025-01-28T19:18:29.816'],
      ['kernel', '2025-01-28T19:25:00.100'],
    ]);
  });

  it('takes only what is newer than the cursor', () => {
    expect(failuresIn('host', HOST.join('\n'), '2025-01-28T19:20:00')).toHaveLength(1);
    expect(failuresIn('host', HOST.join('\n'), '2025-01-28T19:25:00.100')).toEqual([]);
  });
});

describe('the Supervisor collector reads the system logs', () => {
  let fake: FakeSupervisor;
  beforeAll(async () => {
    fake = await startFakeSupervisor({
      supervisorLog: [...SUPERVISOR],
      hostLog: [...HOST],
      addons: [
        {
          slug: 'core_mosquitto',
          name: 'Mosquitto broker',
          version: '6.5.1',
          state: 'started',
          update_available: false,
          log: [],
        },
      ],
    });
  });
  afterAll(() => fake.close());

  const occurrences = (pipeline: ReturnType<typeof makePipeline>) =>
    pipeline.journal.listIncidents({}, 50, 0).items.reduce((n, i) => n + i.occurrences, 0);

  it('counts each failure once, across polls and a restart, and sees a crash the watchdog restarted', async () => {
    const dir = tempDir();
    const first = makePipeline({}, dir);
    await (
      await supervisorCollector.start(
        supervisorContext(first, new SupervisorClient(fake.url, fake.token)),
      )
    )();
    const { items } = first.journal.listIncidents({}, 50, 0);
    expect(items.map((i) => i.subject).sort()).toEqual(['addon:core_mosquitto', 'host:log'].sort());
    expect(occurrences(first)).toBe(3); // one Supervisor error, two host failures
    first.journal.close();

    // Restarted on the same journal: the same lines are not counted again; the watchdog's
    // restart, logged between the two polls, is.
    fake.state.supervisorLog.push(WATCHDOG);
    const second = makePipeline({}, dir);
    await (
      await supervisorCollector.start(
        supervisorContext(second, new SupervisorClient(fake.url, fake.token)),
      )
    )();
    expect(occurrences(second)).toBe(4);
    // Named by its name in the line, it is the add-on's incident (its slug from the add-on list).
    const watchdog = second.journal
      .listIncidents({}, 50, 0)
      .items.find((i) =>
        second.journal.signalsOf(i.id, 10).some((s) => /Watchdog/.test(s.message)),
      );
    expect(watchdog?.subject).toBe('addon:core_mosquitto');
    second.journal.close();
  });
});

describe('Core’s container log', () => {
  const journal = (time: string, message: string) =>
    `${time} homeassistant homeassistant[61]: ${message}`;
  // As home-assistant/core#101027 pasted it: a crash loop after an update.
  const CRASH = [
    journal(
      '2023-09-27T22:17:54.101Z',
      '[22:17:54] INFO: Home Assistant Core finish process exit code 256',
    ),
    journal(
      '2023-09-27T22:17:54.102Z',
      '[22:17:54] INFO: Home Assistant Core finish process received signal 4',
    ),
    journal(
      '2023-09-27T22:17:55.758Z',
      '2023-09-28 00:17:55.758 WARNING (SyncWorker_0) [homeassistant.loader] We found a custom integration spook which has not been tested by Home Assistant.',
    ),
  ];
  const STOP = [
    journal(
      '2023-09-29T11:01:30.000Z',
      '[11:01:30] INFO: Home Assistant Core finish process exit code 0',
    ),
    journal(
      '2023-09-29T11:01:30.001Z',
      '[11:01:30] INFO: Home Assistant Core finish process received signal 15',
    ),
    journal(
      '2023-09-29T11:01:31.000Z',
      '[11:01:31] INFO: Home Assistant Core finish process exit code 100',
    ),
  ];

  it('takes Core’s death by signal, not a stop, a restart, or what Core logs itself', () => {
    expect(failuresIn('core', [...CRASH, ...STOP].join('\n'), undefined)).toEqual([
      expect.objectContaining({
        at: '2023-09-27T22:17:54.102',
        severity: 'error',
        message: '[22:17:54] INFO: Home Assistant Core finish process received signal 4',
      }),
    ]);
  });

  it('is Home Assistant’s own failure, as is the Supervisor’s watchdog restarting Core', () => {
    const [death] = failuresIn('core', CRASH.join('\n'), undefined);
    expect(logSignal('core', must(death), '2023-09-27T22:18:00Z')).toMatchObject({
      integration: 'homeassistant',
      subject: 'core:log',
    });
    const [watchdog] = failuresIn(
      'supervisor',
      '23-09-27 22:17:56 WARNING (MainThread) [supervisor.homeassistant.core] Watchdog found Home Assistant failed, restarting...',
      undefined,
    );
    expect(watchdog?.severity).toBe('error');
    expect(logSignal('supervisor', must(watchdog), '2023-09-27T22:18:00Z').integration).toBe(
      'homeassistant',
    );
  });

  it('becomes one incident per crash, read through the Supervisor, counted once across polls', async () => {
    const fake = await startFakeSupervisor({
      coreLog: ['[22:17:54] INFO: Home Assistant Core finish process received signal 4'],
    });
    try {
      const pipeline = makePipeline();
      const client = new SupervisorClient(fake.url, fake.token);
      for (let poll = 0; poll < 2; poll++)
        await (
          await supervisorCollector.start(supervisorContext(pipeline, client))
        )();
      const { items } = pipeline.journal.listIncidents({}, 50, 0);
      const crash = items.find((i) => i.subject === 'core:log');
      expect(crash).toMatchObject({ integration: 'homeassistant', occurrences: 1 });
    } finally {
      await fake.close();
    }
  });
});
