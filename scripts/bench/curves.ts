/**
 * Cost curves: how ingest throughput and the API's latency move as the journal fills, with
 * open incidents growing (10 → 10,000) and closed ones growing (1,000 → 100,000, retention on).
 * Each point seeds a fresh data dir through the sidecar's own journal and correlator
 * (scripts/bench/seed-many.ts), runs the shipped sidecar on the replay stream, then times the
 * requests the integration and the panel make. Writes one SVG per curve to docs/images/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineChart, type Series } from './chart.js';
import { pipeline } from './ingest.js';
import { percentile, REPO, round, sleep } from './lib.js';
import type { StreamSpec } from './replay-server.js';

const STREAM: StreamSpec = {
  events: 50_000,
  entities: 2000,
  logEvery: 20,
  logKinds: 300,
  batch: 100,
};
const REQUESTS = 60;

/** What the integration polls and what the panel's history view asks for. */
const PROBES = {
  active: '/api/incidents?active=true&limit=50',
  history: '/api/incidents?limit=50&offset=50',
  status: '/api/status',
} as const;

export interface CurvePoint {
  open: number;
  closed: number;
  seed_ms: number;
  ready_ms: number;
  events_per_s: number;
  p95_ms: Record<keyof typeof PROBES, number>;
}

async function timeRequests(url: string, token: string): Promise<CurvePoint['p95_ms']> {
  const out = {} as CurvePoint['p95_ms'];
  // The stream's last incidents are still being analyzed for a moment; let that settle, and
  // warm each route once, so the figures are of the requests and not of the stream's tail.
  await sleep(1000);
  for (const path of Object.values(PROBES))
    await fetch(url + path, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
      r.arrayBuffer(),
    );
  for (const [name, path] of Object.entries(PROBES) as [keyof typeof PROBES, string][]) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      times.push(performance.now() - t0);
    }
    out[name] = round(percentile(times, 95), 2);
  }
  return out;
}

async function point(open: number, closed: number): Promise<CurvePoint> {
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-bench-curve-'));
  try {
    const seeded = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--conditions=@ha-llm-ops/source',
          '--import',
          'tsx',
          join(REPO, 'scripts/bench/seed-many.ts'),
          dataDir,
          String(open),
          String(closed),
        ],
        { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 20 },
      ),
    ) as { ms: number };
    let p95: CurvePoint['p95_ms'] | undefined;
    const run = await pipeline(STREAM, {
      dataDir,
      // Retention runs as configured for a big home: by age, and a cap above this journal, so
      // the journal really holds what was seeded.
      env: { LLM_OPS_MAX_CLOSED_INCIDENTS: '1000000' },
      afterStream: async ({ url, token }) => {
        p95 = await timeRequests(url, token);
      },
    });
    if (!p95) throw new Error('the API was not probed');
    return {
      open,
      closed,
      seed_ms: seeded.ms,
      ready_ms: run.readyMs,
      events_per_s: Math.round(run.eventsPerS),
      p95_ms: p95,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function charts(name: string, x: string, points: CurvePoint[], key: 'open' | 'closed'): string[] {
  const xy = (f: (p: CurvePoint) => number): Series['points'] => points.map((p) => [p[key], f(p)]);
  const files = [`bench-${name}-throughput.svg`, `bench-${name}-api.svg`];
  writeFileSync(
    join(REPO, 'docs/images', files[0] as string),
    lineChart({
      title: `Ingest throughput as ${x} grow`,
      x,
      y: 'events/s',
      series: [{ name: 'events/s', points: xy((p) => p.events_per_s) }],
    }),
  );
  writeFileSync(
    join(REPO, 'docs/images', files[1] as string),
    lineChart({
      title: `API p95 as ${x} grow`,
      x,
      y: 'ms (p95)',
      series: (Object.keys(PROBES) as (keyof typeof PROBES)[]).map((k) => ({
        name: PROBES[k].split('?')[0] === '/api/status' ? 'status' : `incidents (${k})`,
        points: xy((p) => p.p95_ms[k]),
      })),
    }),
  );
  return files;
}

/** Both curves, as figures. */
export async function benchCurves(): Promise<Curves> {
  const open: CurvePoint[] = [];
  for (const n of [10, 100, 1000, 10_000]) open.push(await point(n, 0));
  const closed: CurvePoint[] = [];
  for (const n of [1000, 10_000, 100_000]) closed.push(await point(10, n));
  const last = <T>(xs: T[]): T => xs[xs.length - 1] as T;
  return {
    stream_events: STREAM.events,
    open_incidents: open,
    closed_incidents: closed,
    // Headline figures: the ends of each curve against their start.
    throughput_ratio_open_10k: round(last(open).events_per_s / (open[0]?.events_per_s ?? 1), 3),
    throughput_ratio_closed_100k: round(
      last(closed).events_per_s / (closed[0]?.events_per_s ?? 1),
      3,
    ),
    api_p95_ms_open_10k: Math.max(...Object.values(last(open).p95_ms)),
    api_p95_ms_closed_100k: Math.max(...Object.values(last(closed).p95_ms)),
  };
}

export interface Curves {
  stream_events: number;
  open_incidents: CurvePoint[];
  closed_incidents: CurvePoint[];
  throughput_ratio_open_10k: number;
  throughput_ratio_closed_100k: number;
  api_p95_ms_open_10k: number;
  api_p95_ms_closed_100k: number;
}

/** Draw the curves into docs/images/; returns the files' names. */
export function writeCurveCharts(curves: Curves): string[] {
  return [
    ...charts('open', 'open incidents', curves.open_incidents, 'open'),
    ...charts('closed', 'closed incidents', curves.closed_incidents, 'closed'),
  ];
}
