/**
 * The real-world corpus (tests/corpus): Home Assistant logs as users pasted them
 * in public threads, labelled from each thread's conclusion, and logs with no
 * fault. This module loads and checks the cases and splits them by thread into a
 * working part and a held-out part (a fixed seed; the result is recorded in
 * scripts/eval/split.json); score.ts scores the analyzer on them.
 */
import { CATEGORIES, REMEDIES, type Category, type Remedy } from '@ha-llm-ops/contracts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = join(REPO, 'tests/corpus');
/** The held-out split, beside the code that deals it (the corpus folder holds cases only). */
export const SPLIT_FILE = join(REPO, 'scripts/eval/split.json');

export const SHAPES = [
  'home-assistant.log',
  'ui-log-viewer',
  'console-ansi',
  'supervisor',
  'addon',
  'library-line',
  'bare-line',
  'debug',
] as const;
export type Shape = (typeof SHAPES)[number];
export const CONCLUDED_BY = ['maintainer', 'merged_fix', 'reporter'] as const;

/** One real failure, as pasted, with the thread's conclusion. */
export interface FaultCase {
  id: string;
  source: string;
  shape: Shape;
  log: string;
  integration: string;
  category: Category;
  remedy: Remedy;
  root_cause: string;
  concluded_by: (typeof CONCLUDED_BY)[number];
  conclusion: string;
  notes?: string;
}

/** A real log in which nothing needs doing. */
export interface NoFaultCase {
  id: string;
  source: string;
  shape: Shape;
  log: string;
  why_no_fault: string;
  notes?: string;
}

/** A case file that does not hold what a case must: the file and what is wrong. */
export class CorpusError extends Error {}

const THREAD =
  /^https:\/\/(?:github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/\d+|community\.home-assistant\.io\/t\/[\w-]+\/\d+)/;

/** The thread a source URL belongs to (a comment anchor or a post number is the same thread). */
export function threadOf(source: string): string {
  const m = THREAD.exec(source);
  if (!m)
    throw new CorpusError(
      `${source} is not a GitHub issue, pull request or discussion, or a forum thread`,
    );
  return m[0];
}

function readCases<T>(dir: string, check: (raw: Record<string, unknown>, file: string) => T): T[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (err) {
        throw new CorpusError(`${f}: not valid JSON (${(err as Error).message})`);
      }
      if (!raw || typeof raw !== 'object') throw new CorpusError(`${f}: not an object`);
      return check(raw as Record<string, unknown>, f);
    });
}

function text(raw: Record<string, unknown>, key: string, file: string): string {
  const v = raw[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new CorpusError(`${file}: "${key}" must be a non-empty string`);
  return v;
}

function oneOf<T extends string>(
  raw: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  file: string,
): T {
  const v = text(raw, key, file);
  if (!(allowed as readonly string[]).includes(v))
    throw new CorpusError(`${file}: "${key}" is "${v}", not one of ${allowed.join(', ')}`);
  return v as T;
}

function common(raw: Record<string, unknown>, file: string) {
  const id = text(raw, 'id', file);
  if (`${id}.json` !== file) throw new CorpusError(`${file}: "id" is "${id}", not the file's name`);
  const source = text(raw, 'source', file);
  threadOf(source);
  return { id, source, shape: oneOf(raw, 'shape', SHAPES, file), log: text(raw, 'log', file) };
}

/** The fault cases, checked. */
export function loadFaults(dir = join(CORPUS, 'cases')): FaultCase[] {
  return readCases(dir, (raw, file) => ({
    ...common(raw, file),
    integration: text(raw, 'integration', file),
    category: oneOf(raw, 'category', CATEGORIES, file),
    remedy: oneOf(raw, 'remedy', REMEDIES, file),
    root_cause: text(raw, 'root_cause', file),
    concluded_by: oneOf(raw, 'concluded_by', CONCLUDED_BY, file),
    conclusion: text(raw, 'conclusion', file),
    notes: typeof raw.notes === 'string' ? raw.notes : undefined,
  }));
}

/** The no-fault logs, checked. */
export function loadNoFaults(dir = join(CORPUS, 'no-fault')): NoFaultCase[] {
  return readCases(dir, (raw, file) => ({
    ...common(raw, file),
    why_no_fault: text(raw, 'why_no_fault', file),
    notes: typeof raw.notes === 'string' ? raw.notes : undefined,
  }));
}

// --- the held-out split ------------------------------------------------------

/** The seed of the split. Changing it re-deals every case: never done to improve a score. */
export const SPLIT_SEED = 'ha-llm-ops corpus split 2026-12';

/** Whether a thread is in the held-out third: a keyed hash of the thread, so it never depends on who wrote which rule. */
export function isHeldOut(thread: string): boolean {
  const digest = createHash('sha256').update(`${SPLIT_SEED}\n${thread}`).digest();
  return digest.readUInt32BE(0) % 3 === 0;
}

export interface Split {
  seed: string;
  held_out: string[];
  working: string[];
}

/** The split of these cases' threads, as recorded in scripts/eval/split.json. */
export function splitOf(cases: readonly { source: string }[]): Split {
  const threads = [...new Set(cases.map((c) => threadOf(c.source)))].sort();
  return {
    seed: SPLIT_SEED,
    held_out: threads.filter(isHeldOut),
    working: threads.filter((t) => !isHeldOut(t)),
  };
}
