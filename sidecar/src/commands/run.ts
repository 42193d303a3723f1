/** `ha-llm-ops run`: the long-running sidecar. */
import { readFile } from 'node:fs/promises';
import { loadSettings, SettingsError, withAddonOptions } from '../config.js';
import { createLogger } from '../log.js';
import { Redactor } from '../package/index.js';
import { Sidecar } from '../sidecar.js';
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

/** How long a stopped sidecar lets lingering sockets close before it exits anyway. */
const EXIT_GRACE_MS = 2_000;

/** Start the sidecar and resolve with the exit code once it is told to stop. */
export async function runSidecar(): Promise<number> {
  const settings = loadSettings(await environment());
  // The sidecar's own log is an exit like any other: every record is redacted.
  const log = createLogger(settings.logLevel, undefined, (text) =>
    new Redactor(settings.redact).text(text),
  );
  const sidecar = new Sidecar(settings, log);
  await sidecar.start();
  const stopped = new Promise<void>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
  });
  let failure: unknown;
  const connecting = sidecar.connect().catch((err: unknown) => {
    failure = err;
  });
  await Promise.race([stopped, connecting.then(() => (failure ? undefined : stopped))]);
  log.info('stopping');
  await sidecar.stop();
  // Everything is saved. A socket whose peer never answers the close handshake
  // must not keep the process alive: exit soon even if one still lingers.
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  if (failure && !(failure instanceof Error && failure.name === 'AbortError')) throw failure;
  return 0;
}

/** The environment, with the add-on options merged in when running under Supervisor. */
async function environment(): Promise<Record<string, string | undefined>> {
  const file =
    process.env.LLM_OPS_OPTIONS_FILE ??
    (process.env.SUPERVISOR_TOKEN ? '/data/options.json' : undefined);
  if (!file) return process.env;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return process.env; // no options yet
  }
  let options: unknown;
  try {
    options = JSON.parse(text);
  } catch (err) {
    throw new SettingsError(file, `is not valid JSON (${(err as Error).message})`);
  }
  return withAddonOptions(process.env, options, file);
}
