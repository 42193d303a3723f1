/**
 * The analyzer on a large log: a home-assistant.log of about 200 MB made of the
 * scenarios' failure shapes amid benign lines, analyzed by the built CLI
 * (streaming: memory must not grow with the file). And the size of each
 * scenario's evidence bundle against its raw log.
 */
import { createWriteStream, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Signal } from '@ha-llm-ops/contracts';
import { integrationOf } from '../../sidecar/src/shared/attribution.js';
import type { IncidentRecord, SignalRecord } from '../../sidecar/src/journal/journal.js';
import { parseLog } from '../../sidecar/src/logs/parse.js';
import { buildBundle, estimateTokens } from '../../sidecar/src/package/bundle.js';
import { memoryOf, REPO, round, SIDECAR_ARGS, sleep, startChild } from './lib.js';

interface Scenario {
  id: string;
  log: string;
}

function scenarios(): Scenario[] {
  const dir = join(REPO, 'tests/scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);
}

const BENIGN = [
  'INFO (MainThread) [homeassistant.components.automation.morning_lights] Morning lights: Running automation actions',
  'INFO (MainThread) [homeassistant.components.automation.morning_lights] Morning lights: Executing step call service',
  'DEBUG (MainThread) [homeassistant.components.zha.core.cluster_handlers] [0x1234:1:0x0006]: received attribute: 0 update with value: True',
  'INFO (MainThread) [homeassistant.components.recorder.core] Purging old data',
  'WARNING (SyncWorker_3) [homeassistant.loader] We found a custom integration hacs which has not been tested by Home Assistant. This component might cause stability problems, be sure to disable it if you experience issues with Home Assistant',
  'INFO (MainThread) [homeassistant.setup] Setup of domain sun took 0.01 seconds',
];

/** Write a log of about `mb` MB; returns its path and line count. */
async function generateLog(mb: number): Promise<{ file: string; lines: number }> {
  const file = join(tmpdir(), `llm-ops-bench-${process.pid}.log`);
  const out = createWriteStream(file);
  const shapes = scenarios().map((s) => s.log.split('\n'));
  let bytes = 0;
  let lines = 0;
  let t = Date.parse('2026-11-01T00:00:00Z');
  const stamp = () => new Date((t += 37)).toISOString().replace('T', ' ').replace('Z', '');
  while (bytes < mb * 1024 * 1024) {
    let chunk = '';
    for (let i = 0; i < 200; i++) {
      const benign = BENIGN[i % BENIGN.length] as string;
      chunk += `${stamp()} ${benign}\n`;
      lines++;
      if (i % 40 === 0) {
        const shape = shapes[((lines / 40) % shapes.length) | 0] ?? [];
        chunk += `${shape.join('\n')}\n`;
        lines += shape.length;
      }
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { file, lines };
}

/** Throughput and peak memory of `analyze --json` on a large log. */
export async function benchAnalyzer(mb = 200): Promise<Record<string, number>> {
  const { file, lines } = await generateLog(mb);
  const size = statSync(file).size;
  try {
    const t0 = performance.now();
    const child = startChild(process.execPath, [...SIDECAR_ARGS, 'analyze', '--json', file]);
    let peak = 0;
    const pid = child.proc.pid ?? 0;
    const exited = new Promise<number | null>((r) => child.proc.once('exit', r));
    for (;;) {
      try {
        peak = Math.max(peak, memoryOf(pid).peakMb);
      } catch {
        break;
      }
      const done = await Promise.race([exited.then(() => true), sleep(100).then(() => false)]);
      if (done) break;
    }
    const code = await exited;
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0)
      throw new Error(`analyze exited with ${code}: ${child.lines.slice(-5).join('\n')}`);
    const found = (JSON.parse(child.lines.join('\n')) as { incidents: unknown[] }).incidents.length;
    return {
      log_mb: round(size / 1024 / 1024),
      lines,
      seconds: round(seconds, 2),
      lines_per_s: Math.round(lines / seconds),
      mb_per_s: round(size / 1024 / 1024 / seconds, 1),
      peak_rss_mb: round(peak),
      incidents_found: found,
    };
  } finally {
    rmSync(file, { force: true });
  }
}

/** Evidence bundle tokens per scenario against the raw log's tokens. */
export function benchBundles(): {
  scenario: string;
  raw_tokens: number;
  bundle_tokens: number;
  ratio: number;
}[] {
  return scenarios().map((s) => {
    const records = parseLog(s.log);
    const at = new Date().toISOString();
    const signals: SignalRecord[] = records.map((r, i) => {
      const signal: Signal = {
        source: 'system_log',
        kind: 'log_record',
        condition: 'occurrence',
        key: null,
        observed_at: r.timestamp ?? at,
        integration: integrationOf({ logger: r.logger, message: r.message }),
        entry_id: null,
        subject: null,
        severity: r.level === 'ERROR' || r.level === 'CRITICAL' ? 'error' : 'warning',
        message: r.message,
        count: 1,
        data: { logger: r.logger, level: r.level, exception: r.traceback?.join('\n') ?? null },
        sensitive: [],
      };
      return { ...signal, id: i, incident_id: 'inc_bench', fingerprint: 'bench' };
    });
    const incident = {
      id: 'inc_bench',
      integration: signals[0]?.integration ?? null,
    } as IncidentRecord;
    const bundle = buildBundle(
      {
        incident,
        signals: signals.reverse(),
        entry: undefined,
        integration: null,
        haVersion: '2026.11.0',
        recentChanges: [],
      },
      { budgetTokens: 3000 },
    );
    const raw = estimateTokens(s.log);
    return {
      scenario: s.id,
      raw_tokens: raw,
      bundle_tokens: bundle.token_estimate,
      ratio: round(bundle.token_estimate / raw, 2),
    };
  });
}
