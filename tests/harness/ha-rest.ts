/** Small typed helpers for HA's REST API in tests. */
import type { HaEnv } from './ha-dev.js';

/** Call an HA REST endpoint with the dev token; throws on a non-2xx answer. */
export async function haRest<T>(
  env: HaEnv,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${env.HA_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${env.HA_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export interface RestConfigEntry {
  entry_id: string;
  domain: string;
  title: string;
  state: string;
  reason: string | null;
}

/** The config entries of one integration. */
export function configEntries(env: HaEnv, domain: string): Promise<RestConfigEntry[]> {
  return haRest(env, 'GET', `/api/config/config_entries/entry?domain=${domain}`);
}

/** Call an action (service) and wait for it to finish. */
export function callService(
  env: HaEnv,
  domain: string,
  service: string,
  data: Record<string, unknown> = {},
) {
  return haRest(env, 'POST', `/api/services/${domain}/${service}`, data);
}

/** Poll `probe` until it returns a value that is not undefined. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Delete every config entry of a domain. */
export async function removeEntries(env: HaEnv, domain: string): Promise<void> {
  for (const entry of await configEntries(env, domain))
    await haRest(env, 'DELETE', `/api/config/config_entries/entry/${entry.entry_id}`);
}

/** Set up the LLM Ops integration against a sidecar through HA's config flow; returns the entry id. */
export async function addLlmOpsEntry(
  env: HaEnv,
  sidecar: { url: string; token: string },
): Promise<string> {
  const start = await haRest<{ flow_id: string }>(env, 'POST', '/api/config/config_entries/flow', {
    handler: 'llm_ops',
  });
  const done = await haRest<{ type: string; result?: { entry_id: string } }>(
    env,
    'POST',
    `/api/config/config_entries/flow/${start.flow_id}`,
    { url: sidecar.url, token: sidecar.token },
  );
  if (done.type !== 'create_entry' || !done.result)
    throw new Error(`the LLM Ops config flow ended with ${done.type}, not an entry`);
  return done.result.entry_id;
}
