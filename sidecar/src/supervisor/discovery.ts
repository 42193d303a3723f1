/**
 * Supervisor discovery: as an add-on, the sidecar announces its address and API
 * token with `POST /discovery`, and Home Assistant offers to set up the llm_ops
 * integration with them (its config flow's `async_step_hassio` reads `url` and
 * `token`). The Supervisor accepts the message only from an add-on whose
 * config.yaml lists `discovery: [llm_ops]`, and keeps one message per add-on,
 * service and config, so announcing again after every start is harmless.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log.js';
import { type SupervisorClient, SupervisorError } from './client.js';

/** The discovery service: the integration's domain. */
export const DISCOVERY_SERVICE = 'llm_ops';

/** What the integration needs to connect: where the API is and its bearer token. */
export interface DiscoveryConfig {
  url: string;
  token: string;
}

export interface AnnounceOptions {
  /** Stops the retries (the sidecar's shutdown). */
  signal?: AbortSignal;
  /** First wait after a failure; doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * The API's address as Home Assistant Core sees it: `http://<add-on hostname>:<port>`.
 * Under the Supervisor an add-on's hostname is its repository hash and slug with
 * `_` replaced by `-` (e.g. `a0d7b954-ha-llm-ops`, or `local-ha-llm-ops`), and the
 * container's `HOSTNAME` variable holds it.
 */
export function addonUrl(
  port: number,
  env: Record<string, string | undefined> = process.env,
): string {
  return `http://${env.HOSTNAME || hostname()}:${port}`;
}

/**
 * Announce the sidecar to Home Assistant through the Supervisor, retrying with
 * backoff while the Supervisor cannot be reached or fails. Resolves with the
 * discovery message's uuid, or null when it gave up: the Supervisor refused the
 * message (a 4xx: the add-on's config does not allow it) or `signal` aborted.
 */
export async function announce(
  client: Pick<SupervisorClient, 'call'>,
  config: DiscoveryConfig,
  log: Logger,
  opts: AnnounceOptions = {},
): Promise<string | null> {
  const maxDelay = opts.maxDelayMs ?? 300_000;
  let delay = opts.initialDelayMs ?? 2_000;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) return null;
    try {
      const { uuid } = await client.call<{ uuid: string }>('POST', '/discovery', {
        service: DISCOVERY_SERVICE,
        config: { url: config.url, token: config.token },
      });
      log.info(`announced ${config.url} to Home Assistant (Supervisor discovery ${uuid})`);
      return uuid;
    } catch (err) {
      const status = err instanceof SupervisorError ? err.status : 0;
      const message = err instanceof Error ? err.message : String(err);
      if (status >= 400 && status < 500) {
        // Retrying cannot help: the Supervisor's answer will not change until the add-on does.
        log.error(
          `the Supervisor refused the discovery message (${message}); set up the LLM Ops integration by hand with ${config.url}`,
        );
        return null;
      }
      log.warning(
        `cannot announce the sidecar to Home Assistant yet (attempt ${attempt}): ${message}; retrying in ${Math.round(delay / 1000)} s`,
      );
    }
    try {
      await sleep(delay, undefined, { signal: opts.signal });
    } catch {
      return null; // aborted while waiting
    }
    delay = Math.min(delay * 2, maxDelay);
  }
}
