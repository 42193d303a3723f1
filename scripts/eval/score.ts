/**
 * How `npm run eval` scores the offline analyzer on the corpus (corpus.ts): each fault case
 * against the labels of its thread's conclusion, each part's accuracies, confusion and
 * calibration, and the no-fault logs' false alarms.
 */
import type { Category, Remedy } from '@ha-llm-ops/contracts';
import { incidentsOf, type LogIncident } from '../../sidecar/src/analyze/log-file.js';
import { parseLog } from '../../sidecar/src/logs/parse.js';
import {
  isHeldOut,
  loadFaults,
  loadNoFaults,
  splitOf,
  threadOf,
  type FaultCase,
  type NoFaultCase,
  type Shape,
} from './corpus.js';

/**
 * The domain a label names, as the analyzer names it: the first word of the
 * label; an add-on (`addon:<slug>`) or the Supervisor is `hassio`, the
 * integration through which Home Assistant manages both.
 */
export function expectedDomain(integration: string): string {
  if (/^addon:/.test(integration) || /^supervisor\b/.test(integration)) return 'hassio';
  return /^[a-z0-9_]+/.exec(integration)?.[0] ?? integration;
}

/** How the analyzer did on one fault case. */
export interface CaseResult {
  id: string;
  part: 'working' | 'held-out';
  shape: Shape;
  expected: { category: Category; remedy: Remedy; integration: string };
  got: {
    category: Category;
    remedy: Remedy;
    integration: string | null;
    confidence: number;
    signature: string | null;
  } | null;
  category: boolean;
  remedy: boolean;
  integration: boolean;
  /** The log names the expected integration's domain somewhere. */
  named: boolean;
}

/**
 * Whether a log names the integration a label expects: its domain as written, with spaces
 * or dashes for underscores, or run together; for `hassio` any word of the Supervisor's or an
 * add-on's. The rest may still be attributed from other clues (a library's logger, the
 * integration's title), or, like a bare `Host is unreachable`, only from what a running home
 * adds (the config entry in retry, the entity registry).
 */
export function namesIntegration(log: string, domain: string): boolean {
  const text = log.toLowerCase();
  if (domain === 'hassio') return /supervisor|add-?on|hassio|s6-|cont-init/.test(text);
  return [
    domain,
    domain.replaceAll('_', ' '),
    domain.replaceAll('_', '-'),
    domain.replaceAll('_', ''),
  ].some((form) => text.includes(form));
}

/** The incident an analysis of the case's log leads with (what a user reads first). */
export async function analyzeLog(log: string): Promise<LogIncident[]> {
  return incidentsOf(parseLog(log));
}

export async function scoreFault(c: FaultCase): Promise<CaseResult> {
  const [top] = await analyzeLog(c.log);
  const expected = {
    category: c.category,
    remedy: c.remedy,
    integration: expectedDomain(c.integration),
  };
  return {
    id: c.id,
    part: isHeldOut(threadOf(c.source)) ? 'held-out' : 'working',
    shape: c.shape,
    expected,
    got: top
      ? {
          category: top.category,
          remedy: top.rca.remedy,
          integration: top.integration,
          confidence: top.rca.confidence,
          signature: top.rca.signature ?? null,
        }
      : null,
    category: top?.category === expected.category,
    remedy: top?.rca.remedy === expected.remedy,
    integration: top?.integration === expected.integration,
    named: namesIntegration(c.log, expected.integration),
  };
}

/** The figures of one part of the corpus. */
export interface PartScore {
  cases: number;
  category: number;
  remedy: number;
  integration: number;
  /** Cases whose log names the expected integration somewhere, and the integration accuracy on them. */
  named: { cases: number; integration: number };
  /** Cases with confidence ≥ 0.8 and the wrong category, as a share of the cases. */
  confidently_wrong: number;
  /** No incident at all for a fault. */
  silent: number;
  /** Accuracy of the category per confidence band. */
  calibration: { band: string; cases: number; category: number }[];
  /** expected category → analyzer's category → count. */
  confusion: Record<string, Record<string, number>>;
  /** expected remedy → analyzer's remedy → count. */
  remedy_confusion: Record<string, Record<string, number>>;
  /** Remedy accuracy on the cases whose category is right: how much of the remedy gap is the category's. */
  remedy_where_category_right: number;
  /** The same accuracies per log shape, the most frequent shape first: how well each is read. */
  by_shape: Record<string, ShapeScore>;
}

/** The accuracies on the cases of one log shape. */
export interface ShapeScore {
  cases: number;
  category: number;
  remedy: number;
  integration: number;
}

const BANDS: [string, number, number][] = [
  ['0.0–0.4', 0, 0.4],
  ['0.4–0.6', 0.4, 0.6],
  ['0.6–0.8', 0.6, 0.8],
  ['0.8–1.0', 0.8, 1.01],
];
const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 1000);

function crossTally(
  pairs: [expected: string, got: string][],
): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const [expected, got] of pairs) {
    const row = (table[expected] ??= {});
    row[got] = (row[got] ?? 0) + 1;
  }
  return table;
}

export function partScore(rows: readonly CaseResult[]): PartScore {
  const rightCategory = rows.filter((r) => r.category);
  return {
    cases: rows.length,
    category: share(rows.filter((r) => r.category).length, rows.length),
    remedy: share(rows.filter((r) => r.remedy).length, rows.length),
    integration: share(rows.filter((r) => r.integration).length, rows.length),
    named: {
      cases: rows.filter((r) => r.named).length,
      integration: share(
        rows.filter((r) => r.named && r.integration).length,
        rows.filter((r) => r.named).length,
      ),
    },
    confidently_wrong: share(
      rows.filter((r) => r.got && r.got.confidence >= 0.8 && !r.category).length,
      rows.length,
    ),
    silent: rows.filter((r) => !r.got).length,
    calibration: BANDS.map(([band, lo, hi]) => {
      const inBand = rows.filter((r) => r.got && r.got.confidence >= lo && r.got.confidence < hi);
      return {
        band,
        cases: inBand.length,
        category: share(inBand.filter((r) => r.category).length, inBand.length),
      };
    }),
    confusion: crossTally(rows.map((r) => [r.expected.category, r.got?.category ?? '(none)'])),
    remedy_confusion: crossTally(rows.map((r) => [r.expected.remedy, r.got?.remedy ?? '(none)'])),
    remedy_where_category_right: share(
      rightCategory.filter((r) => r.remedy).length,
      rightCategory.length,
    ),
    by_shape: byShape(rows),
  };
}

function byShape(rows: readonly CaseResult[]): Record<string, ShapeScore> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of rows) {
    const group = groups.get(r.shape);
    if (group) group.push(r);
    else groups.set(r.shape, [r]);
  }
  return Object.fromEntries(
    [...groups]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([shape, of]) => [
        shape,
        {
          cases: of.length,
          category: share(of.filter((r) => r.category).length, of.length),
          remedy: share(of.filter((r) => r.remedy).length, of.length),
          integration: share(of.filter((r) => r.integration).length, of.length),
        },
      ]),
  );
}

/** What the analyzer said about a no-fault log: an incident there is a false alarm. */
export interface NoFaultResult {
  id: string;
  incidents: { category: Category; integration: string | null; title: string }[];
}

export async function scoreNoFault(c: NoFaultCase): Promise<NoFaultResult> {
  const incidents = await analyzeLog(c.log);
  return {
    id: c.id,
    incidents: incidents.map((i) => ({
      category: i.category,
      integration: i.integration,
      title: i.title,
    })),
  };
}

/** The whole evaluation, as `npm run eval -- --json` prints it. */
export interface Evaluation {
  corpus: {
    faults: number;
    threads: number;
    no_fault: number;
    held_out_threads: number;
    by_category: Record<string, number>;
    by_remedy: Record<string, number>;
    by_shape: Record<string, number>;
    sources: Record<string, number>;
  };
  working: PartScore;
  held_out: PartScore;
  no_fault: { logs: number; false_alarms: number; alarmed: NoFaultResult[] };
  cases: CaseResult[];
}

const tally = (values: readonly string[]) =>
  Object.fromEntries(
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    ),
  );

/** Score the offline analyzer on the whole corpus. */
export async function evaluate(
  faults: readonly FaultCase[] = loadFaults(),
  noFaults: readonly NoFaultCase[] = loadNoFaults(),
): Promise<Evaluation> {
  const cases: CaseResult[] = [];
  for (const c of faults) cases.push(await scoreFault(c));
  const quiet: NoFaultResult[] = [];
  for (const c of noFaults) quiet.push(await scoreNoFault(c));
  const split = splitOf(faults);
  return {
    corpus: {
      faults: faults.length,
      threads: split.held_out.length + split.working.length,
      no_fault: noFaults.length,
      held_out_threads: split.held_out.length,
      by_category: tally(faults.map((c) => c.category)),
      by_remedy: tally(faults.map((c) => c.remedy)),
      by_shape: tally([...faults, ...noFaults].map((c) => c.shape)),
      sources: tally(
        [...faults, ...noFaults].map((c) => {
          const m = /github\.com\/([\w.-]+\/[\w.-]+)/.exec(c.source);
          return m?.[1] ?? 'community.home-assistant.io';
        }),
      ),
    },
    working: partScore(cases.filter((r) => r.part === 'working')),
    held_out: partScore(cases.filter((r) => r.part === 'held-out')),
    no_fault: {
      logs: quiet.length,
      false_alarms: quiet.filter((q) => q.incidents.length > 0).length,
      alarmed: quiet.filter((q) => q.incidents.length > 0),
    },
    cases,
  };
}
