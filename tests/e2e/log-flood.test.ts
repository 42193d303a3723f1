/**
 * Log floods end to end against the real dev Home Assistant: fault_lab floods a logger of its
 * own, Home Assistant warns that the module logs too frequently, and the sidecar makes one
 * incident of it whose offline analysis proposes quiet_logger. Approved, the logger's level is
 * raised (the flood stays out of the log); when its time is up the level is set back, also
 * when the sidecar restarted meanwhile.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../sidecar/src/config.js';
import { createLogger } from '../../sidecar/src/log.js';
import { Sidecar } from '../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../sidecar/test/helpers/pipeline.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';

let env: HaEnv;
let socket: HaSocket;
const running: Sidecar[] = [];

interface Proposal {
  id: string;
  incident_id: string;
  action_id: string;
  params: Record<string, unknown>;
  preview: { summary: string; rollback: string };
}

interface Finished {
  result: { outcome: string } | null;
  execution: { steps: { step: string; status: string; detail: string }[] } | null;
}

function settings(dir: string): Settings {
  return testSettings(
    {
      haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
      haToken: env.HA_TOKEN,
      thresholds: { ...THRESHOLDS, verifyMaxWaitS: 5, revertAfterS: 20 },
    },
    dir,
  );
}

async function startSidecar(s: Settings): Promise<Sidecar> {
  const sidecar = new Sidecar(s, createLogger('error'));
  running.push(sidecar);
  await sidecar.start();
  await sidecar.connect();
  return sidecar;
}

async function stopSidecar(sidecar: Sidecar): Promise<void> {
  running.splice(running.indexOf(sidecar), 1);
  await sidecar.executor.idle();
  await sidecar.stop();
}

async function api<T>(sidecar: Sidecar, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sidecar.apiAddress}${path}`, {
    method,
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The level of one of fault_lab's flooding loggers, as Python's logging module has it. */
async function levelOf(name: string): Promise<{ level: string; effective: string }> {
  const res = await haRest<{ service_response: { level: string; effective: string } }>(
    env,
    'POST',
    '/api/services/fault_lab/logger_level?return_response',
    { logger: name },
  );
  return res.service_response;
}

/** How many lines of `logger` Home Assistant's system log holds. */
async function logged(logger: string): Promise<number> {
  const records = await socket.command<{ name: string; count: number }[]>({
    type: 'system_log/list',
  });
  return records.filter((r) => r.name === logger).reduce((n, r) => n + r.count, 0);
}

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  await callService(env, 'system_log', 'clear');
});

afterEach(async () => {
  for (const s of [...running]) await stopSidecar(s);
});

afterAll(async () => {
  // The flood stays out of the suites after this one.
  await callService(env, 'system_log', 'clear');
  socket.close();
});

describe('a log flood', () => {
  it('is one incident; quiet_logger raises the logger on approval and sets it back when its time is up, across a restart', async () => {
    // Home Assistant warns about a module once per run: a logger of this test's own.
    const name = `flood_${Date.now().toString(36)}`;
    const logger = `custom_components.fault_lab.${name}`;
    const dir = tempDir('llm-ops-flood-');
    const first = await startSidecar(settings(dir));
    expect(await levelOf(name)).toEqual({ level: 'NOTSET', effective: 'INFO' });

    await callService(env, 'fault_lab', 'flood', { logger: name, count: 400 });

    // One incident holds Home Assistant's warning and the repeated line, with every repeat counted.
    const incident = await eventually(
      async () => {
        const items = first.journal.listIncidents({ integration: 'fault_lab' }, 20, 0).items;
        const flooded = items.filter((i) =>
          first.journal
            .signalsOf(i.id, 100)
            .some((s) => s.data.logger === logger || s.message.includes(logger)),
        );
        const [only] = flooded;
        const warned = only
          ? first.journal
              .signalsOf(only.id, 100)
              .some((s) => s.message.includes('is logging too frequently'))
          : false;
        if (flooded.length > 1) throw new Error(`${flooded.length} incidents for one flood`);
        return Promise.resolve(only && warned && only.occurrences >= 401 ? only : undefined);
      },
      45_000,
      'one incident with the flood and Home Assistant’s warning',
    );
    // Its new lines are read again a moment later, once for the whole burst.
    const analyzed = await eventually(
      () => {
        const now = first.journal.getIncident(incident.id);
        return Promise.resolve(now?.analyzed_at && now.category !== 'other' ? now : undefined);
      },
      10_000,
      'the flood read again',
    );
    expect(analyzed.category).toBe('log_flood');
    expect(analyzed.title).toBe(`${logger} floods the log`);

    // Its offline analysis proposes quieting exactly that logger, above its warnings.
    const proposal = await eventually(
      async () => {
        const { body } = await api<Proposal[]>(first, 'GET', '/api/actions/pending');
        return body.find((p) => p.incident_id === incident.id && p.action_id === 'quiet_logger');
      },
      30_000,
      'a quiet_logger proposal',
    );
    expect(proposal.params).toEqual({ logger, level: 'error' });
    expect(proposal.preview.rollback).toMatch(/^After 20 s/);
    // Nothing changes before someone approves.
    expect((await levelOf(name)).effective).toBe('INFO');

    const approved = await api(first, 'POST', `/api/actions/${proposal.id}/approve`, {});
    expect(approved.status).toBe(200);
    const done = await eventually(
      async () => {
        const { body } = await api<Finished>(first, 'GET', `/api/actions/${proposal.id}`);
        return body.result ? body : undefined;
      },
      60_000,
      'the execution to finish',
    );
    expect(done.result?.outcome).toBe('succeeded');
    expect(await levelOf(name)).toEqual({ level: 'ERROR', effective: 'ERROR' });

    // While quieted, the same flood stays out of the log.
    const before = await logged(logger);
    await callService(env, 'fault_lab', 'flood', { logger: name, count: 50 });
    expect(await logged(logger)).toBe(before);

    // The sidecar stops before the time is up; the next one on the same journal sets it back.
    await stopSidecar(first);
    expect((await levelOf(name)).effective).toBe('ERROR');
    const second = await startSidecar(settings(dir));
    await eventually(
      async () => ((await levelOf(name)).effective === 'INFO' ? true : undefined),
      60_000,
      'the logger back at INFO',
    );
    const { body } = await api<Finished>(second, 'GET', `/api/actions/${proposal.id}`);
    expect(body.execution?.steps.at(-1)).toMatchObject({
      step: 'rollback',
      status: 'succeeded',
      detail: expect.stringMatching(/time is up: .* logs at info again/),
    });
    // And the flood reaches the log again.
    await callService(env, 'fault_lab', 'flood', { logger: name, count: 5 });
    await eventually(
      async () => ((await logged(logger)) === before + 5 ? true : undefined),
      10_000,
      'the flood in the log again',
    );
  });
});
