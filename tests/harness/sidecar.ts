/** A real sidecar process for end-to-end tests, started from the TypeScript sources. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO } from './ha-dev.js';

export interface SidecarProcess {
  url: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the sidecar logged so far. */
  output(): string;
  /** Wait until the log matches `pattern`; rejects with the log after `timeoutMs`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
  /** Send a signal (SIGKILL: a crash) and resolve with how the process ended. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `ha-llm-ops run` with the given settings and wait until /api/health answers. */
export async function startSidecar(
  env: Record<string, string>,
  opts: {
    /** Run the sidecar's command line through this one (e.g. to give it a filesystem of its own). */
    wrap?: (argv: string[]) => string[];
    /** Serve on this port (a restart where the integration expects it); default: a free one. */
    port?: number;
  } = {},
): Promise<SidecarProcess> {
  const port = opts.port ?? (await freePort());
  const token = 'e2e-test-token-0123456789abcdef';
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'llm-ops-e2e-'));
  const argv = [
    process.execPath,
    '--conditions=@ha-llm-ops/source',
    '--import',
    'tsx',
    'sidecar/src/cli.ts',
    'run',
  ];
  const [command, ...args] = (opts.wrap ?? ((a) => a))(argv) as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: REPO,
    env: {
      ...process.env,
      LLM_OPS_PORT: String(port),
      LLM_OPS_HOST: '127.0.0.1',
      LLM_OPS_API_TOKEN: token,
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const sidecar: SidecarProcess = {
    url: `http://127.0.0.1:${port}`,
    token,
    dataDir,
    child,
    output: () => out,
    waitForLog(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`sidecar log never matched ${pattern}; log:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await ended;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return ended;
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sidecar exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${sidecar.url}/api/health`);
      if (res.ok) return sidecar;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await sidecar.stop();
      throw new Error(`sidecar did not serve /api/health within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
