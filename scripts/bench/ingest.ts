/**
 * Ingest throughput and memory: a replay server (its own process) streams
 * `state_changed` and `system_log_event` events over a real WebSocket; the
 * sidecar (its own process, the built CLI) runs its whole pipeline on them.
 * The ceiling is a bare Node client that only receives and JSON.parses the
 * same stream. Memory is sampled from /proc while a million events go by.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { memoryOf, round, SIDECAR_ARGS, sleep, startChild, type Child } from './lib.js';
import type { StreamSpec } from './replay-server.js';

function replayServer(spec: StreamSpec, bare: boolean): Child {
  return startChild(process.execPath, [
    '--import',
    'tsx',
    'scripts/bench/replay-main.ts',
    JSON.stringify(spec),
    bare ? 'bare' : 'pipeline',
  ]);
}

/** Events per second a bare client receives and parses. */
async function ceiling(spec: StreamSpec): Promise<number> {
  const server = replayServer(spec, true);
  try {
    const url = (await server.waitFor(/^URL /)).line.slice(4);
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/websocket`);
    let events = 0;
    let start = 0;
    const total = spec.events + 1; // the end marker
    const done = new Promise<number>((resolve) => {
      ws.on('message', (raw) => {
        const msg = JSON.parse(raw.toString()) as unknown;
        if (Array.isArray(msg)) {
          if (start === 0) start = performance.now();
          events += msg.length;
          if (events >= total) resolve(performance.now() - start);
        } else if ((msg as { type: string }).type === 'auth_required') {
          ws.send(JSON.stringify({ type: 'auth', access_token: 'bench' }));
        }
      });
    });
    const ms = await done;
    ws.close();
    return total / (ms / 1000);
  } finally {
    await server.stop();
  }
}

/**
 * RSS growth over samples: the slope of a least-squares line through them times their span.
 * The difference of the first and last sample follows whenever the garbage collector and
 * malloc happen to return pages; the fitted line follows what is held.
 */
function trend(samples: { at: number; rssMb: number }[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanAt = samples.reduce((a, s) => a + s.at, 0) / n;
  const meanMb = samples.reduce((a, s) => a + s.rssMb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.at - meanAt) * (s.rssMb - meanMb);
    den += (s.at - meanAt) ** 2;
  }
  const span = (samples.at(-1)?.at ?? 0) - (samples[0]?.at ?? 0);
  return den === 0 ? 0 : (num / den) * span;
}

export interface PipelineRun {
  eventsPerS: number;
  idleMb: number;
  afterMb: number;
  peakMb: number;
  /** RSS growth over the second half of the run (after the journal's bounds are reached), fitted. */
  secondHalfGrowthMb: number;
}

/** The API token the benchmarked sidecar is started with. */
export const BENCH_API_TOKEN = 'bench-token-0123456789abcdef';

export interface PipelineOptions {
  /** A data dir to run on (a seeded journal); a new empty one by default. */
  dataDir?: string;
  env?: Record<string, string>;
  /** Called with the sidecar's pid once it is connected and idle, before the stream starts. */
  atIdle?: (pid: number) => Promise<void>;
  /** Called once the stream has gone through, while the sidecar still runs. */
  afterStream?: (api: { url: string; token: string }) => Promise<void>;
}

/** Run the sidecar on the stream; measure its pace and memory. */
export async function pipeline(
  spec: StreamSpec,
  options: PipelineOptions = {},
): Promise<PipelineRun & { readyMs: number }> {
  const server = replayServer(spec, false);
  const url = (await server.waitFor(/^URL /)).line.slice(4);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'llm-ops-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const spawned = Date.now();
  const sidecar = startChild(process.execPath, [...SIDECAR_ARGS, 'run'], {
    HA_URL: url,
    HA_TOKEN: 'bench',
    DATA_DIR: dataDir,
    LLM_OPS_PORT: String(port),
    LLM_OPS_HOST: '127.0.0.1',
    LLM_OPS_API_TOKEN: BENCH_API_TOKEN,
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const pid = sidecar.proc.pid ?? 0;
  try {
    const ready = await sidecar.waitFor(/watching Home Assistant/);
    await sleep(1500);
    const idle = memoryOf(pid);
    await options.atIdle?.(pid);
    const samples: { at: number; rssMb: number }[] = [];
    const sampler = setInterval(() => {
      try {
        samples.push({ at: Date.now(), rssMb: memoryOf(pid).rssMb });
      } catch {
        // process gone
      }
    }, 250);
    const started = (await server.waitFor(/^START /)).line.slice(6);
    const ended = await sidecar.waitFor(/Bench stream ended here/, 600_000);
    clearInterval(sampler);
    await options.afterStream?.({ url: `http://127.0.0.1:${port}`, token: BENCH_API_TOKEN });
    const seconds = (ended.at - Number(started)) / 1000;
    const after = memoryOf(pid);
    const half = samples.filter((s) => s.at >= (Number(started) + ended.at) / 2);
    const growth = trend(half);
    return {
      eventsPerS: (spec.events + 1) / seconds,
      idleMb: idle.rssMb,
      afterMb: after.rssMb,
      peakMb: after.peakMb,
      secondHalfGrowthMb: growth,
      readyMs: ready.at - spawned,
    };
  } finally {
    await sidecar.stop();
    await server.stop();
  }
}

/** Throughput against the ceiling, on a stream of `events` events. */
export async function benchIngest(
  events = 200_000,
  over: Partial<StreamSpec> = {},
): Promise<Record<string, number>> {
  const spec: StreamSpec = {
    events,
    entities: 2000,
    logEvery: 20,
    logKinds: 300,
    batch: 100,
    ...over,
  };
  const ceil = await ceiling(spec);
  const run = await pipeline(spec);
  // What receiving costs the sidecar by itself: the same state changes, no log error but the
  // end marker, against that stream's own ceiling.
  const statesOnly = { ...spec, logEvery: Number.MAX_SAFE_INTEGER };
  const statesCeil = await ceiling(statesOnly);
  const states = await pipeline(statesOnly);
  return {
    events: spec.events,
    events_per_s: Math.round(run.eventsPerS),
    ceiling_events_per_s: Math.round(ceil),
    ratio_to_ceiling: round(run.eventsPerS / ceil, 3),
    states_only_ratio_to_ceiling: round(states.eventsPerS / statesCeil, 3),
  };
}

/** The paced run: twice the events, at a pace the sidecar keeps up with (a quarter of its own). */
export const PACED = { events: 2_000_000, rate: 20_000 };

/**
 * Memory at idle and after a million events over 10,000 entities, sent as fast as the socket
 * takes them; then growth once the journal's bounds are reached, measured where no backlog
 * builds up: twice the events, paced, so the second half starts well past the bounds.
 */
export async function benchMemory(events = 1_000_000): Promise<Record<string, number>> {
  const spec: StreamSpec = { events, entities: 10_000, logEvery: 50, logKinds: 2000, batch: 100 };
  const run = await pipeline(spec);
  const paced = await pipeline({ ...spec, ...PACED });
  return {
    events: spec.events,
    entities: spec.entities,
    idle_rss_mb: round(run.idleMb),
    after_rss_mb: round(run.afterMb),
    peak_rss_mb: round(run.peakMb),
    second_half_growth_mb: round(run.secondHalfGrowthMb),
    events_per_s: Math.round(run.eventsPerS),
    paced_events: PACED.events,
    paced_events_per_s: PACED.rate,
    paced_after_rss_mb: round(paced.afterMb),
    paced_second_half_growth_mb: round(paced.secondHalfGrowthMb),
  };
}
