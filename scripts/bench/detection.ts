/**
 * Detection latency against the real dev HA: from `system_log.write` to the
 * `llm_ops_incident` event on HA's bus, one error at a time, each of its own
 * integration (so each opens an incident), measured at the client.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haUp } from '../../tests/harness/ha-dev.js';
import { callService } from '../../tests/harness/ha-rest.js';
import { HaSocket } from '../../tests/harness/ha-ws.js';
import { percentile, round, SIDECAR_ARGS, sleep, startChild } from './lib.js';

export async function benchDetection(samples = 60): Promise<Record<string, number>> {
  const env = await haUp();
  const sidecar = startChild(process.execPath, [...SIDECAR_ARGS, 'run'], {
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-bench-lat-')),
    LLM_OPS_PORT: String(20000 + Math.floor(Math.random() * 20000)),
    LLM_OPS_HOST: '127.0.0.1',
    LLM_OPS_API_TOKEN: 'bench-token-0123456789abcdef',
    LOG_LEVEL: 'warning',
  });
  const socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  try {
    await callService(env, 'system_log', 'clear');
    await sidecar.waitFor(/./, 2000).catch(() => undefined);
    await sleep(3000); // connected and collecting
    const events = await socket.collect<{ data: { change: string; integration: string | null } }>(
      'llm_ops_incident',
    );
    const run = `${Date.now().toString(36)}`;
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const domain = `bench_lat_${run}_${i}`;
      const t0 = performance.now();
      await callService(env, 'system_log', 'write', {
        message: `Polling the bench device failed (sample ${i})`,
        level: 'error',
        logger: `custom_components.${domain}.sensor`,
      });
      for (;;) {
        if (events.some((e) => e.data.change === 'opened' && e.data.integration === domain)) break;
        if (performance.now() - t0 > 10_000)
          throw new Error(`no llm_ops_incident within 10 s for sample ${i}`);
        await sleep(2);
      }
      latencies.push(performance.now() - t0);
    }
    return {
      samples,
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
      max_ms: round(Math.max(...latencies)),
    };
  } finally {
    socket.close();
    await sidecar.stop();
  }
}
