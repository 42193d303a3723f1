/** `ha-llm-ops run`: the long-running sidecar. */
import type { Server } from 'node:http';
import type { Connection } from 'home-assistant-js-websocket';
import { createApi } from '../api/server.js';
import { resolveApiToken } from '../api/token.js';
import { loadSettings } from '../config.js';
import { subscribeConfigEntries, type EntryTransition } from '../ha/config-entries.js';
import { connectToHa } from '../ha/connection.js';
import type { Logger } from '../log.js';
import { createLogger } from '../log.js';
import { VERSION } from '../version.js';
import { UsageError, type Command } from './command.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'watch Home Assistant and serve the API (the sidecar)',
  usage: 'run',
  run: async (args) => {
    if (args.length > 0) throw new UsageError(`unexpected argument ${args[0]}`);
    return runSidecar();
  },
};

/** Start the sidecar and resolve with the exit code once it is told to stop. */
export async function runSidecar(): Promise<number> {
  const settings = loadSettings();
  const log = createLogger(settings.logLevel);
  const apiToken = resolveApiToken(settings.apiToken, settings.dataDir);
  let conn: Connection | undefined;
  const stop = new AbortController();

  const app = createApi({
    version: VERSION,
    apiToken,
    haStatus: () => ({ connected: conn?.connected ?? false, version: conn?.haVersion ?? null }),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(settings.port, settings.host, () => resolve(s));
    s.once('error', (err) =>
      reject(
        new Error(`cannot serve the API on ${settings.host}:${settings.port}: ${err.message}`),
      ),
    );
  });
  log.info(`ha-llm-ops ${VERSION} serving the API on ${settings.host}:${settings.port}`);

  const stopped = new Promise<void>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
  }).then(() => stop.abort());

  try {
    const connecting = connectToHa({
      wsUrl: settings.haWsUrl,
      token: settings.haToken,
      log,
      signal: stop.signal,
    }).catch((err: unknown) => {
      if (stop.signal.aborted) return undefined; // told to stop while still connecting
      throw err;
    });
    conn = await Promise.race([connecting, stopped.then(() => undefined)]);
    if (conn)
      await subscribeConfigEntries(conn, (_entries, transitions) =>
        logEntryStates(log, transitions),
      );
    await stopped;
  } finally {
    log.info('stopping');
    conn?.close();
    await new Promise((r) => server.close(r));
  }
  return 0;
}

/** Log every config entry state change; loaded entries on a full list only at debug level. */
function logEntryStates(log: Logger, transitions: EntryTransition[]): void {
  for (const { before, after } of transitions) {
    if (!after || before?.state === after.state) continue;
    const reason = after.reason ? `: ${after.reason}` : '';
    const line = `config entry ${after.title} (${after.domain}, ${after.entry_id}) is ${after.state}${reason}`;
    if (!before && after.state === 'loaded') log.debug(line);
    else log.info(line);
  }
}
