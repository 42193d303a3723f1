/**
 * `npm start`: the main job. With HA_URL set, run the sidecar against that HA.
 * Without it, start the dev HA (with fault_lab) and run the sidecar against it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_DIR, HaDevError, haDown, haUp, REPO } from '../../tests/harness/ha-dev.js';

async function main(): Promise<number> {
  const env: Record<string, string | undefined> = { ...process.env };
  let startedHa = false;
  if (!env.HA_URL && !env.HA_WS_URL && !env.SUPERVISOR_TOKEN) {
    const wasRunning = existsSync(join(DEV_DIR, 'state.json'));
    const ha = await haUp();
    startedHa = !wasRunning;
    Object.assign(env, { HA_URL: ha.HA_URL, HA_TOKEN: ha.HA_TOKEN });
    env.DATA_DIR ??= join(DEV_DIR, 'sidecar');
    env.LLM_OPS_API_TOKEN ??= 'dev-api-token-0123456789';
    const port = env.LLM_OPS_PORT ?? '8099';
    console.log(`
  Home Assistant  ${ha.HA_URL}   (user ${ha.HA_USERNAME}, password ${ha.HA_PASSWORD})
  Sidecar API     http://127.0.0.1:${port}/api/health   (token ${env.LLM_OPS_API_TOKEN})
  Make it fail    curl -X POST -H "Authorization: Bearer $HA_TOKEN" -d '{"mode":"not_ready"}' \\
                    ${ha.HA_URL}/api/services/fault_lab/set_fault   (source .ha-dev/env first)
  Stop            Ctrl-C
`);
  }
  const child = spawn(
    process.execPath,
    ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', 'run'],
    { cwd: REPO, env, stdio: 'inherit' },
  );
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 0)));
  if (startedHa) await haDown();
  return code;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`start: ${err instanceof HaDevError ? err.message : String(err)}`);
  process.exitCode = 1;
}
