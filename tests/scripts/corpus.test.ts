/**
 * The real-world corpus itself: every case is well-formed, the corpus is as large
 * and as varied as its purpose needs, personal data was replaced, and the
 * held-out split on record is the one the fixed seed deals.
 */
import { CATEGORIES, REMEDIES } from '@ha-llm-ops/contracts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SPLIT_FILE,
  CorpusError,
  loadFaults,
  loadNoFaults,
  SHAPES,
  splitOf,
  threadOf,
} from '../../scripts/eval/corpus.js';

/**
 * Remedies with fewer than 8 real cases so far, and how many the corpus holds:
 * the minimum for them is today's count, so it can only grow. None is short
 * today (restart_addon reached 8 with real add-on restart threads).
 */
const STILL_SHORT: Partial<Record<string, number>> = {};

const faults = loadFaults();
const noFaults = loadNoFaults();
const count = <T extends string>(values: T[], of: T) => values.filter((v) => v === of).length;

describe('tests/corpus', () => {
  it('holds at least 150 fault cases from 120 threads, and 30 no-fault logs', () => {
    expect(faults.length).toBeGreaterThanOrEqual(150);
    expect(new Set(faults.map((c) => threadOf(c.source))).size).toBeGreaterThanOrEqual(120);
    expect(noFaults.length).toBeGreaterThanOrEqual(30);
  });

  it('has at least 6 cases of every category and 8 of every remedy', () => {
    const categories = faults.map((c) => c.category);
    const remedies = faults.map((c) => c.remedy);
    const short = [
      ...CATEGORIES.filter((c) => count(categories, c) < 6).map(
        (c) => `${c}: ${count(categories, c)}`,
      ),
      ...REMEDIES.filter((r) => count(remedies, r) < (STILL_SHORT[r] ?? 8)).map(
        (r) => `${r}: ${count(remedies, r)}`,
      ),
    ];
    expect(short).toEqual([]);
  });

  it('names only the remedies still short of 8 cases as short', () => {
    const remedies: string[] = faults.map((c) => c.remedy);
    const enough = Object.keys(STILL_SHORT).filter((r) => count(remedies, r) >= 8);
    expect(enough).toEqual([]); // reached: remove it from STILL_SHORT
  });

  it('has every log shape users paste', () => {
    const shapes = [...faults, ...noFaults].map((c) => c.shape);
    expect(SHAPES.filter((s) => !shapes.includes(s))).toEqual([]);
  });

  it('takes at most two cases from one thread, and no thread is both a fault and a no-fault log', () => {
    const threads = faults.map((c) => threadOf(c.source));
    expect(threads.filter((t) => count(threads, t) > 2)).toEqual([]);
    const faultThreads = new Set(threads);
    expect(noFaults.filter((c) => faultThreads.has(threadOf(c.source))).map((c) => c.id)).toEqual(
      [],
    );
  });

  it('keeps no e-mail address or public IP address in a log (placeholders instead)', () => {
    const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
    const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w.])/g;
    const privateOrSpecial = (a: number, b: number) =>
      a === 10 ||
      a === 127 ||
      a === 0 ||
      a >= 224 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19 || b === 51)) ||
      (a === 203 && b === 0);
    const found: string[] = [];
    for (const c of [...faults, ...noFaults]) {
      for (const m of c.log.matchAll(EMAIL))
        if (!/@(?:example\.|users\.noreply\.github\.com)/.test(m[0]))
          found.push(`${c.id}: ${m[0]}`);
      for (const m of c.log.matchAll(IPV4)) {
        const [a, b, x, y] = [m[1], m[2], m[3], m[4]].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        // Version numbers look like addresses: 2.0.3.1 is not one.
        if ([a, b, x, y].some((n) => n > 255)) continue;
        if (!privateOrSpecial(a, b) && !(a < 10 && b < 100 && x < 100))
          found.push(`${c.id}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('records the held-out split the fixed seed deals (scripts/eval/split.json)', () => {
    const recorded = JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as unknown;
    expect(recorded, 'run npm run eval to record the split').toEqual(splitOf(faults));
    const split = splitOf(faults);
    const share = split.held_out.length / (split.held_out.length + split.working.length);
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.42);
  });

  it('refuses a source that is no thread, naming the case', () => {
    expect(() => threadOf('https://example.com/blog/post')).toThrow(CorpusError);
    expect(() => threadOf('https://example.com/blog/post')).toThrow(/not a GitHub issue/);
  });
});
