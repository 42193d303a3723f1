/** What the fault tests share: the sidecar's API, a failure in HA, and counting it. */
import { expect } from 'vitest';
import type { HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import type { SidecarProcess } from '../harness/sidecar.js';
import { figures, type Figures } from './record.js';

export interface ApiIncident {
  id: string;
  status: string;
  integration: string | null;
  subject: string | null;
  occurrences: number;
  title: string;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Call the sidecar's API with its token. */
export async function api<T>(
  sidecar: SidecarProcess,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sidecar.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * Write `n` occurrences of one failure of fault_lab into HA's system log,
 * straight to HA (never through a proxy under test).
 */
export async function failInHa(env: HaEnv, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await callService(env, 'system_log', 'write', {
      message: 'Lost the link to the bridge at 192.0.2.10',
      level: 'error',
      logger: 'custom_components.fault_lab.link',
    });
}

/** The sidecar's fault_lab incidents (the failures `failInHa` writes). */
export async function faultLabIncidents(sidecar: SidecarProcess): Promise<ApiIncident[]> {
  const { body } = await api<{ items: ApiIncident[] }>(
    sidecar,
    'GET',
    '/api/incidents?integration=fault_lab&limit=500',
  );
  return body.items;
}

/** Keep the worst a test saw of a figure. */
function worst(f: Figures, key: 'lost' | 'doubled', n: number): void {
  f[key] = Math.max(f[key] ?? 0, n);
}

/** Record against `n` expected occurrences in one incident what `items` counted. */
function tally(f: Figures, items: ApiIncident[], n: number): void {
  const got = items.reduce((sum, i) => sum + i.occurrences, 0);
  worst(f, 'lost', n - got);
  worst(f, 'doubled', got - n + Math.max(0, items.length - 1));
}

/**
 * Wait until fault_lab has one incident counting `n` occurrences; then, after a
 * few more polls of the system log (a double count would show by then), require
 * exactly that. What it counted goes into the test's figures (`f`); with `since`
 * (a fault's end, epoch ms), the time until everything was counted is its recovery.
 */
export async function countedOnce(
  sidecar: SidecarProcess,
  n: number,
  opts: { f?: Figures; since?: number } = {},
): Promise<ApiIncident> {
  const f = opts.f ?? figures();
  let last: ApiIncident[] = [];
  await eventually(
    async () => {
      last = await faultLabIncidents(sidecar);
      return last.length === 1 && (last[0]?.occurrences ?? 0) >= n ? true : undefined;
    },
    60_000,
    `one fault_lab incident with ${n} occurrences`,
  ).catch((err: unknown) => {
    tally(f, last, n);
    const seen = last.map((i) => `${i.id} ${i.status} ${i.occurrences}×`).join(', ');
    throw new Error(`${String(err)}; fault_lab incidents: ${seen || 'none'}`);
  });
  if (opts.since !== undefined) f.recoverMs = Date.now() - opts.since;
  await sleep(2000); // two polls of the system log
  const items = await faultLabIncidents(sidecar);
  tally(f, items, n);
  expect(items.map((i) => i.occurrences)).toEqual([n]);
  return items[0] as ApiIncident;
}
