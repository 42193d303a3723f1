/** Shared pieces of the benchmarks: child processes, memory readings, the machine. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { execForm, last, parseDockerfile } from '../../sidecar/test/distribution/dockerfile.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SIDECAR_CLI = join(REPO, 'sidecar/bundle/ha-llm-ops.js');
/** Node's flags in the image's command (`CMD ["node", …flags, "bundle/ha-llm-ops.js", "run"]`). */
export function imageNodeFlags(): string[] {
  const image = parseDockerfile(readFileSync(join(REPO, 'sidecar/Dockerfile'), 'utf8'));
  const runtime = image.stages.at(-1);
  const cmd = runtime && last(runtime, 'CMD');
  if (!cmd) throw new Error('sidecar/Dockerfile has no CMD');
  return execForm(cmd.args).filter((a) => a.startsWith('--'));
}

/**
 * How to start the sidecar: as the image runs it (the shipped bundle, with the image's Node
 * flags), or from the sources with BENCH_FROM_SOURCE=1.
 */
export const SIDECAR_ARGS = process.env.BENCH_FROM_SOURCE
  ? [
      ...imageNodeFlags(),
      '--conditions=@ha-llm-ops/source',
      '--import',
      'tsx',
      join(REPO, 'sidecar/src/cli.ts'),
    ]
  : [...imageNodeFlags(), SIDECAR_CLI];

/** A child process whose output lines can be awaited. */
export interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<{ line: string; at: number }>;
  stop(): Promise<void>;
}

export function startChild(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Child {
  const proc = spawn(command, args, {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (v: { line: string; at: number }) => void }[] = [];
  const onLine = (line: string) => {
    const at = Date.now();
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve({ line, at });
      }
    }
  };
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', onLine);
  createInterface({ input: proc.stderr as NodeJS.ReadableStream }).on('line', onLine);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    lines,
    waitFor(re, timeoutMs = 120_000) {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve({ line: seen, at: Date.now() });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `timed out waiting for ${re}; last output:\n${lines.slice(-20).join('\n')}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          re,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        });
      });
    },
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/**
 * Resident and peak memory of a process, in MB (from /proc), and the resident part split into
 * anonymous memory (heap, stacks, SQLite's cache) and file-backed pages (the Node binary and
 * native modules mapped from disk: shared with other processes and reclaimable).
 */
export function memoryOf(pid: number): {
  rssMb: number;
  peakMb: number;
  anonMb: number;
  fileMb: number;
} {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return {
    rssMb: kb('VmRSS') / 1024,
    peakMb: kb('VmHWM') / 1024,
    anonMb: kb('RssAnon') / 1024,
    fileMb: kb('RssFile') / 1024,
  };
}

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * CPU time all threads of a process have spent on a CPU so far, in ms with the scheduler's
 * nanosecond resolution (/proc/<pid>/task/<tid>/schedstat), where /proc/<pid>/stat counts
 * 10 ms ticks. Threads that ended are no longer counted.
 */
export function cpuMsPreciseOf(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0] ?? 0);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e6;
}

/** What the figures ran on. */
export function machine(): Record<string, unknown> {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
