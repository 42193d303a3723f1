/**
 * The sidecar's connection to Home Assistant, with home-assistant-js-websocket
 * on Node's own WebSocket. The library reconnects after a drop (with a growing
 * delay); the first connection is retried here with exponential backoff.
 */
import {
  Auth,
  createConnection,
  ERR_INVALID_AUTH,
  type Connection,
} from 'home-assistant-js-websocket';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import type { Logger } from '../log.js';

// home-assistant-js-websocket opens sockets with the global WebSocket: Node's own
// since Node 22, `ws` (the same browser-style API) only where there is none.
// Receiving through `ws` instead was measured: no faster (docs/benchmarks.md).
const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= WebSocket;

/** Token auth against an explicit WebSocket URL (the Supervisor proxy has a non-standard path). */
class TokenAuth extends Auth {
  constructor(
    private readonly url: string,
    token: string,
  ) {
    super({
      hassUrl: url.replace(/^ws/, 'http'),
      clientId: null,
      expires: Number.MAX_SAFE_INTEGER,
      refresh_token: '',
      access_token: token,
      expires_in: Number.MAX_SAFE_INTEGER,
    });
  }
  override get wsUrl(): string {
    return this.url;
  }
}

/** Home Assistant rejected the token; retrying cannot help. */
export class HaAuthError extends Error {}

export interface ConnectOptions {
  wsUrl: string;
  token: string;
  log: Logger;
  /** Longest wait between first-connection attempts. */
  maxBackoffMs?: number;
  signal?: AbortSignal;
}

/** Connect to HA, retrying until it answers; resolves with a connection that reconnects by itself. */
export async function connectToHa(opts: ConnectOptions): Promise<Connection> {
  const auth = new TokenAuth(opts.wsUrl, opts.token);
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      const conn = await createConnection({ auth, setupRetry: 0 });
      opts.log.info(`connected to Home Assistant ${conn.haVersion} at ${opts.wsUrl}`);
      conn.addEventListener('disconnected', () =>
        opts.log.warning('lost the connection to Home Assistant; reconnecting'),
      );
      conn.addEventListener('ready', () =>
        opts.log.info(`reconnected to Home Assistant ${conn.haVersion}`),
      );
      conn.addEventListener('reconnect-error', (_c, err) => {
        if (err === ERR_INVALID_AUTH)
          opts.log.error('Home Assistant rejected the token while reconnecting');
      });
      return conn;
    } catch (err) {
      if (err === ERR_INVALID_AUTH)
        throw new HaAuthError(`Home Assistant at ${opts.wsUrl} rejected the token`);
      const delay = Math.min(1000 * 2 ** attempt, maxBackoff);
      opts.log.warning(
        `cannot reach Home Assistant at ${opts.wsUrl}; retrying in ${Math.round(delay / 1000)} s`,
      );
      await sleep(delay, undefined, { signal: opts.signal });
    }
  }
}
