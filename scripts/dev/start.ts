/**
 * `npm start`: the main job. With HA_URL set, run the sidecar against that HA.
 * Without it, start the dev HA (with fault_lab) and run the sidecar against it,
 * and tell where to look; `npm run demo` then sets up the integration and breaks
 * something (it finds the sidecar through `.ha-dev/sidecar.json`).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_DIR, HaDevError, haDown, haUp, REPO } from '../../tests/harness/ha-dev.js';

/** Where `npm run demo` finds the sidecar `npm start` runs (demo.ts reads the same path). */
const SIDECAR_FILE = join(DEV_DIR, 'sidecar.json');
/** How long the sidecar may take to stop after Ctrl-C. */
const STOP_GRACE_S = 15;

async function main(): Promise<number> {
  const env: Record<string, string | undefined> = { ...process.env };
  let startedHa = false;
  let wroteSidecarFile = false;
  if (!env.HA_URL && !env.HA_WS_URL && !env.SUPERVISOR_TOKEN) {
    const wasRunning = existsSync(join(DEV_DIR, 'state.json'));
    const ha = await haUp();
    startedHa = !wasRunning;
    Object.assign(env, { HA_URL: ha.HA_URL, HA_TOKEN: ha.HA_TOKEN });
    env.DATA_DIR ??= join(DEV_DIR, 'sidecar');
    env.LLM_OPS_API_TOKEN ??= 'dev-api-token-0123456789';
    const port = env.LLM_OPS_PORT ?? '8099';
    const sidecarUrl = `http://127.0.0.1:${port}`;
    writeFileSync(
      SIDECAR_FILE,
      `${JSON.stringify({ url: sidecarUrl, token: env.LLM_OPS_API_TOKEN }, null, 2)}\n`,
      { mode: 0o600 },
    );
    wroteSidecarFile = true;
    console.log(`
  Home Assistant  ${ha.HA_URL}   (user ${ha.HA_USERNAME}, password ${ha.HA_PASSWORD})
  Sidecar API     ${sidecarUrl}/api/health   (token ${env.LLM_OPS_API_TOKEN})
  LLM Ops panel   ${ha.HA_URL}/llm-ops   (the sidebar entry "LLM Ops", once the integration is set up)

  Next            npm run demo   (in another terminal: sets up the integration through HA's
                                  config flow, then breaks fault_lab so an incident appears)
  Break it        curl -X POST -H "Authorization: Bearer $HA_TOKEN" -d '{"mode":"not_ready"}' \\
                    ${ha.HA_URL}/api/services/fault_lab/set_fault   (source .ha-dev/env first)
  Stop            Ctrl-C
`);
  }
  const child = spawn(
    process.execPath,
    ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', 'run'],
    { cwd: REPO, env, stdio: 'inherit' },
  );
  const exited = new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 0)));
  // Ctrl-C stops the sidecar; if it has not exited after a grace period (or on a second
  // Ctrl-C), it is killed, so the dev HA is always stopped again. The signal is passed on as
  // SIGTERM: after Ctrl-C the sidecar has its own SIGINT from the terminal already, and a second
  // SIGINT would end it before it closed its journal.
  let grace: NodeJS.Timeout | undefined;
  const forward = () => {
    if (grace) {
      child.kill('SIGKILL');
      return;
    }
    child.kill('SIGTERM');
    grace = setTimeout(() => {
      console.error(`start: the sidecar did not stop within ${STOP_GRACE_S} s; killing it`);
      child.kill('SIGKILL');
    }, STOP_GRACE_S * 1000);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await exited;
  clearTimeout(grace);
  if (wroteSidecarFile) rmSync(SIDECAR_FILE, { force: true });
  if (startedHa) await haDown();
  return code;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`start: ${err instanceof HaDevError ? err.message : String(err)}`);
  process.exitCode = 1;
}
