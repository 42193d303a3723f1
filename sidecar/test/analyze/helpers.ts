/** Helpers for the analyzer tests: build inputs, check findings against the contract. */
import { RcaResult } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { expect } from 'vitest';
import type {
  AnalysisInput,
  AnalysisLine,
  OfflineFinding,
} from '../../src/analyze/offline/types.js';

/** A log line as the analyzer sees it; level and logger as HA would log them. */
export function line(
  text: string,
  level = 'ERROR',
  logger: string | null = null,
  count = 1,
): AnalysisLine {
  const [first = '', ...rest] = text.split('\n');
  return { text: first, level, logger, count, traceback: rest.length ? rest : null };
}

/** An incident of one integration with these lines. */
export function input(
  integration: string | null,
  lines: AnalysisLine[],
  extra: Partial<AnalysisInput> = {},
): AnalysisInput {
  return { integration, custom: null, entry: null, lines, ...extra };
}

/** A config entry of `domain` in `state`. */
export function entry(domain: string, state: string, reason: string | null = null) {
  return { entry_id: '01J0ENTRY0000000000000000AB', domain, title: `My ${domain}`, state, reason };
}

/** The value, failing the test when there is none. */
export function must<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined)
    throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The finding must satisfy the RcaResult contract and read as finished text. */
export function expectWellFormed(finding: OfflineFinding): void {
  expect(() => v.parse(RcaResult, finding.rca)).not.toThrow();
  expect(finding.rca.analyzer).toBe('offline');
  const texts = [
    finding.title,
    finding.rca.summary,
    finding.rca.root_cause,
    finding.rca.impact,
    ...finding.rca.manual_steps,
    ...finding.rca.tests.map((t) => t.description),
    ...finding.rca.candidate_actions.map((a) => a.rationale),
  ];
  for (const text of texts) {
    expect(text, 'a template was left unfilled').not.toMatch(/\{\w+\}|\[\[|\]\]/);
  }
}
