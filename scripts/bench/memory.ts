/**
 * Where the sidecar's memory goes: the Node runtime alone, each npm module the shipped bundle
 * loads at start, and the idle sidecar (connected, nothing happening) split into file-backed
 * pages (the Node binary and native modules mapped from disk: shared with other processes and
 * reclaimable) and anonymous memory, with the V8 heap from Node's own diagnostic report.
 * Every process runs with the image's Node flags.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from './ingest.js';
import { imageNodeFlags, REPO, round, SIDECAR_CLI, sleep } from './lib.js';

interface Split {
  anon_mb: number;
  file_mb: number;
}

/** The npm modules the bundle imports statically, so loads at start (lazy `import()`s are not). */
export function modulesAtStart(bundle = readFileSync(SIDECAR_CLI, 'utf8')): string[] {
  const specifiers = [...bundle.matchAll(/^import\s[^;]*?\sfrom\s"([^"]+)"/gm)].map((m) => m[1]);
  return [...new Set(specifiers.filter((s): s is string => !!s && !s.startsWith('node:')))];
}

/**
 * A Node process with the image's flags that loads `modules` one after another and reports its
 * resident memory after each (after a full GC), as JSON lines.
 */
function probe(modules: string[]): { name: string; anon: number; file: number }[] {
  const script = `
import { readFileSync } from 'node:fs';
const mem = () => {
  const s = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Number(new RegExp('^' + k + ':\\\\s+(\\\\d+)', 'm').exec(s)?.[1] ?? 0);
  return { anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
};
const settle = async () => { globalThis.gc(); await new Promise((r) => setTimeout(r, 200)); };
await settle();
console.log(JSON.stringify({ name: 'node', ...mem() }));
for (const name of ${JSON.stringify(modules)}) {
  await import(name);
  await settle();
  console.log(JSON.stringify({ name, ...mem() }));
}`;
  const out = execFileSync(
    process.execPath,
    [...imageNodeFlags(), '--expose-gc', '--input-type=module', '-e', script],
    { cwd: join(REPO, 'sidecar'), encoding: 'utf8' },
  );
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { name: string; anon: number; file: number });
}

/** The V8 heap of a running Node process started with the report flags, via SIGUSR2. */
async function heapOf(pid: number, dir: string): Promise<Record<string, number>> {
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 50; i++) {
    const file = readdirSync(dir).find((f) => f.startsWith('report') && f.endsWith('.json'));
    if (file) {
      await sleep(200); // written in one go, but give it the time to finish
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        javascriptHeap: {
          totalMemory: number;
          usedMemory: number;
          heapSpaces: Record<string, { used: number }>;
        };
      };
      const heap = report.javascriptHeap;
      const mb = (b: number) => round(b / 1048576);
      return {
        v8_heap_total_mb: mb(heap.totalMemory),
        v8_heap_used_mb: mb(heap.usedMemory),
        v8_old_space_used_mb: mb(heap.heapSpaces.old_space?.used ?? 0),
        v8_code_used_mb: mb(
          (heap.heapSpaces.code_space?.used ?? 0) + (heap.heapSpaces.trusted_space?.used ?? 0),
        ),
      };
    }
    await sleep(100);
  }
  throw new Error('the sidecar wrote no diagnostic report');
}

/** The breakdown: runtime, modules at start (each one's increment), the idle sidecar. */
export async function benchMemoryBreakdown(): Promise<Record<string, unknown>> {
  const steps = probe(modulesAtStart());
  const split = (anon: number, file: number): Split => ({
    anon_mb: round(anon),
    file_mb: round(file),
  });
  const modules: Record<string, Split> = {};
  for (let i = 1; i < steps.length; i++) {
    const [prev, step] = [steps[i - 1], steps[i]];
    if (prev && step) modules[step.name] = split(step.anon - prev.anon, step.file - prev.file);
  }
  const [bare] = steps;
  const last = steps.at(-1);
  const reports = mkdtempSync(join(tmpdir(), 'llm-ops-report-'));
  let idle: Record<string, number> = {};
  await pipeline(
    { events: 1000, entities: 100, logEvery: 20, logKinds: 10, batch: 100 },
    {
      env: {
        NODE_OPTIONS: `--report-on-signal --report-signal=SIGUSR2 --report-directory=${reports}`,
      },
      atIdle: async (pid) => {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
        idle = {
          rss_mb: round(kb('VmRSS') / 1024),
          anon_mb: round(kb('RssAnon') / 1024),
          file_mb: round(kb('RssFile') / 1024),
          ...(await heapOf(pid, reports)),
        };
      },
    },
  );
  return {
    node_alone: bare ? split(bare.anon, bare.file) : null,
    modules_at_start: modules,
    runtime_and_modules: last ? split(last.anon, last.file) : null,
    idle_sidecar: idle,
  };
}
