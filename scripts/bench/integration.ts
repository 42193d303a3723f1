/**
 * What the llm_ops integration costs Home Assistant: its setup time as HA
 * itself records it (`integration/setup_info`, which includes the config entry
 * setup) while 50 incidents are open (each a Repairs issue: HA's start waits on
 * what they say too), and the CPU time HA spends on 1,000 `llm_ops_incident` events with the
 * integration loaded, minus the same with it unloaded (read from /proc).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_DIR, haRestart, haUp } from '../../tests/harness/ha-dev.js';
import { callService, configEntries, haRest } from '../../tests/harness/ha-rest.js';
import type { HaEnv } from '../../tests/harness/ha-dev-env.js';
import { HaSocket } from '../../tests/harness/ha-ws.js';
import { cpuMsOf, round, SIDECAR_ARGS, sleep, startChild } from './lib.js';

const EVENTS = 1000;
/** Incidents open when HA starts: a home with failures, each one a Repairs issue. */
const OPEN_INCIDENTS = 50;

/** Open OPEN_INCIDENTS incidents, each of its own integration, and wait until the sidecar lists them. */
async function openIncidents(env: HaEnv, api: string, token: string): Promise<number> {
  const run = Date.now().toString(36);
  for (let i = 0; i < OPEN_INCIDENTS; i++) {
    await callService(env, 'system_log', 'write', {
      message: `Polling the bench device failed (${i})`,
      level: 'error',
      logger: `custom_components.bench_open_${run}_${i}.sensor`,
    });
  }
  for (let waited = 0; ; waited += 250) {
    const res = await fetch(`${api}/api/incidents?active=true&limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { total } = (await res.json()) as { total: number };
    if (total >= OPEN_INCIDENTS) return total;
    if (waited > 20_000)
      throw new Error(`the sidecar opened ${total} of ${OPEN_INCIDENTS} incidents`);
    await sleep(250);
  }
}

async function fireBurst(socket: HaSocket): Promise<void> {
  for (let i = 0; i < EVENTS; i++) {
    await socket.command({
      type: 'fire_event',
      event_type: 'llm_ops_incident',
      event_data: {
        incident_id: `inc_bench${i % 20}`,
        change: 'updated',
        status: 'open',
        integration: 'bench',
        category: 'other',
        severity: 'error',
        title: 'Bench incident',
        occurrences: i + 1,
        remedy: 'notify_only',
        confidence: 0.5,
      },
    });
  }
  await sleep(3000); // let debounced refreshes run
}

export async function benchIntegration(): Promise<Record<string, number>> {
  const env = await haUp();
  // Only this step's incidents: an earlier step's errors may still be in HA's log.
  await callService(env, 'system_log', 'clear');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const token = 'bench-token-0123456789abcdef';
  const sidecar = startChild(process.execPath, [...SIDECAR_ARGS, 'run'], {
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-bench-int-')),
    LLM_OPS_PORT: String(port),
    LLM_OPS_HOST: '127.0.0.1',
    LLM_OPS_API_TOKEN: token,
    LOG_LEVEL: 'warning',
  });
  let socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  let entryId: string | undefined;
  try {
    await sleep(3000);
    const open = await openIncidents(env, `http://127.0.0.1:${port}`, token);
    for (const e of await configEntries(env, 'llm_ops')) {
      await haRest(env, 'DELETE', `/api/config/config_entries/entry/${e.entry_id}`);
    }
    const flow = await haRest<{ flow_id: string }>(env, 'POST', '/api/config/config_entries/flow', {
      handler: 'llm_ops',
    });
    const done = await haRest<{ type: string; result?: { entry_id: string } }>(
      env,
      'POST',
      `/api/config/config_entries/flow/${flow.flow_id}`,
      { url: `http://127.0.0.1:${port}`, token },
    );
    entryId = done.result?.entry_id;
    if (!entryId) throw new Error(`the llm_ops config flow ended with ${done.type}`);
    // HA records setup times while it starts: restart it with the entry in place, as a
    // user's HA boots, the sidecar running beside it.
    socket.close();
    await haRestart();
    socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
    const haPid = (JSON.parse(readFileSync(join(DEV_DIR, 'state.json'), 'utf8')) as { pid: number })
      .pid;
    await sleep(2000);
    const timings = await socket.command<{ domain: string; seconds: number }[]>({
      type: 'integration/setup_info',
    });
    const setupS = timings.find((t) => t.domain === 'llm_ops')?.seconds;
    if (setupS === undefined) throw new Error('HA recorded no setup time for llm_ops');
    const [entry] = await configEntries(env, 'llm_ops');
    if (entry?.state !== 'loaded')
      throw new Error(`the llm_ops entry is ${entry?.state ?? 'gone'} after the restart`);

    const loadedStart = cpuMsOf(haPid);
    await fireBurst(socket);
    const loadedMs = cpuMsOf(haPid) - loadedStart;

    await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/unload`).catch(
      async () => {
        await socket.command({
          type: 'config_entries/disable',
          entry_id: entryId,
          disabled_by: 'user',
        });
      },
    );
    await sleep(2000);
    const baseStart = cpuMsOf(haPid);
    await fireBurst(socket);
    const baseMs = cpuMsOf(haPid) - baseStart;

    return {
      setup_ms: round(setupS * 1000, 1),
      open_incidents: open,
      ha_cpu_ms_per_1000_events_loaded: round(loadedMs, 0),
      ha_cpu_ms_per_1000_events_unloaded: round(baseMs, 0),
      integration_cpu_ms_per_1000_events: round(Math.max(0, loadedMs - baseMs), 0),
    };
  } finally {
    if (entryId)
      await haRest(env, 'DELETE', `/api/config/config_entries/entry/${entryId}`).catch(
        () => undefined,
      );
    socket.close();
    await sidecar.stop();
  }
}
