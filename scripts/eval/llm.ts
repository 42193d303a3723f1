/**
 * The LLM analyzer on the real-world corpus, through the sidecar's own path: each
 * case's log becomes signals in a fresh SQLite journal, the correlator opens the
 * incident, the offline analyzer packages the redacted evidence bundle, and the
 * configured backend (an OpenAI-compatible endpoint, or HA's AI Task) answers
 * through the same prompt, schema validation and repair as in the sidecar. Scored
 * like the offline analyzer, with tokens, cost and latency per case.
 */
import type { Category, RcaResult, Remedy, Signal } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfflineIncidentAnalyzer } from '../../sidecar/src/analyze/incident-analyzer.js';
import { createLlmAnalyzer, type LlmSettings } from '../../sidecar/src/analyze/llm/index.js';
import { loadSettings } from '../../sidecar/src/config.js';
import { Correlator } from '../../sidecar/src/correlate/index.js';
import { IncidentLifecycle } from '../../sidecar/src/incident/lifecycle.js';
import { BundleStore } from '../../sidecar/src/journal/bundles.js';
import { Journal } from '../../sidecar/src/journal/journal.js';
import { LlmCallJournal } from '../../sidecar/src/journal/llm-calls.js';
import { ProposalJournal } from '../../sidecar/src/journal/proposals.js';
import type { Logger } from '../../sidecar/src/log.js';
import { parseLog } from '../../sidecar/src/logs/parse.js';
import { isHeldOut, threadOf, type FaultCase } from './corpus.js';
import {
  analyzeLog,
  expectedDomain,
  namesIntegration,
  partScore,
  type CaseResult,
  type PartScore,
} from './score.js';

/** What one case cost, and how the model did on it. */
export interface LlmCaseResult extends CaseResult {
  /** The model gave no valid answer (or none was asked): the offline analysis stood. */
  fell_back: boolean;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  latency_ms: number;
}

export interface LlmEvaluation {
  backend: string;
  working: PartScore;
  held_out: PartScore;
  totals: {
    cases: number;
    fell_back: number;
    prompt_tokens: number;
    completion_tokens: number;
    cost: number;
    latency_ms_p50: number;
    latency_ms_p95: number;
  };
  cases: LlmCaseResult[];
}

const LEVEL_SEVERITY: Record<string, Signal['severity']> = {
  CRITICAL: 'critical',
  ERROR: 'error',
  WARNING: 'warning',
};

/** The signals the system log collector would have sent for these records (one integration). */
function signalsOf(log: string, integration: string | null, at: string): Signal[] {
  return parseLog(log).map((r) => ({
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: at,
    integration,
    entry_id: null,
    subject: null,
    severity: LEVEL_SEVERITY[r.level] ?? 'error',
    message: r.message,
    count: 1,
    data: {
      logger: r.logger ?? '',
      level: r.level,
      source: [r.source ?? '', 0],
      messages: [r.message],
      exception: r.traceback?.join('\n') ?? null,
      first_occurred: at,
    },
    sensitive: [],
  }));
}

const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {} };

/** One case through the journal, the correlator, the bundle and the model. */
async function scoreCase(
  c: FaultCase,
  llm: LlmSettings,
  connection: () => Connection | undefined,
): Promise<LlmCaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-eval-'));
  const journal = new Journal(join(dir, 'journal.db'));
  try {
    const settings = loadSettings({ HA_URL: 'http://127.0.0.1:9', HA_TOKEN: 'x', DATA_DIR: dir });
    const [top] = await analyzeLog(c.log);
    const at = new Date().toISOString();
    const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), {
      log: quiet,
    });
    const correlator = new Correlator(journal, lifecycle, {
      thresholds: settings.thresholds,
      log: quiet,
    });
    for (const s of signalsOf(c.log, top?.integration ?? null, at)) correlator.emit(s);
    correlator.stop();
    const incident = journal.listIncidents({}, 1, 0).items[0];
    const expected = {
      category: c.category,
      remedy: c.remedy,
      integration: expectedDomain(c.integration),
    };
    const part = isHeldOut(threadOf(c.source)) ? 'held-out' : 'working';
    const named = namesIntegration(c.log, expected.integration);
    const base = { id: c.id, part, shape: c.shape, expected, named } as const;
    if (!incident) {
      return {
        ...base,
        got: null,
        category: false,
        remedy: false,
        integration: false,
        fell_back: true,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost: 0,
        latency_ms: 0,
      };
    }
    const bundles = new BundleStore(join(dir, 'incidents'));
    const offline = new OfflineIncidentAnalyzer({
      journal,
      bundles,
      inventory: () => undefined,
      haVersion: () => null,
      recentChanges: () => [],
      budgetTokens: settings.thresholds.bundleTokens,
      redact: settings.redact,
      gather: () => Promise.resolve(null),
    }).analyze(incident);
    const analyzer = createLlmAnalyzer({ settings: llm, db: journal.db, connection, log: quiet });
    if (!analyzer) throw new Error('no LLM backend is configured (LLM_OPS_LLM_BACKEND)');
    const started = performance.now();
    const answer: RcaResult | null = await analyzer.analyze(
      incident,
      bundles.read(incident.id),
      offline?.rca ?? null,
    );
    const latency = performance.now() - started;
    const rca = answer ?? offline?.rca ?? null;
    const usage = new LlmCallJournal(journal.db).usageOf(incident.id);
    const got = rca && {
      category: rca.category as Category,
      remedy: rca.remedy as Remedy,
      integration: incident.integration,
      confidence: rca.confidence,
      signature: rca.signature ?? null,
    };
    return {
      ...base,
      got,
      category: got?.category === expected.category,
      remedy: got?.remedy === expected.remedy,
      integration: got?.integration === expected.integration,
      fell_back: answer === null || answer.analyzer === 'offline',
      prompt_tokens: usage.prompt_tokens,
      completion_tokens: usage.completion_tokens,
      cost: usage.cost,
      latency_ms: Math.round(latency),
    };
  } finally {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Score the configured LLM backend on these cases. */
export async function evaluateLlm(
  faults: readonly FaultCase[],
  llm: LlmSettings,
  connection: () => Connection | undefined = () => undefined,
): Promise<LlmEvaluation> {
  const cases: LlmCaseResult[] = [];
  for (const c of faults) cases.push(await scoreCase(c, llm, connection));
  const sum = (key: 'prompt_tokens' | 'completion_tokens' | 'cost') =>
    cases.reduce((n, r) => n + r[key], 0);
  const latencies = cases.map((r) => r.latency_ms);
  return {
    backend: `${llm.backend} (${llm.model})`,
    working: partScore(cases.filter((r) => r.part === 'working')),
    held_out: partScore(cases.filter((r) => r.part === 'held-out')),
    totals: {
      cases: cases.length,
      fell_back: cases.filter((r) => r.fell_back).length,
      prompt_tokens: sum('prompt_tokens'),
      completion_tokens: sum('completion_tokens'),
      cost: Math.round(sum('cost') * 1e6) / 1e6,
      latency_ms_p50: percentile(latencies, 50),
      latency_ms_p95: percentile(latencies, 95),
    },
    cases,
  };
}
