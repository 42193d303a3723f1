/** `npm run bench -- --compare` flags a figure more than 10 % worse, in the figure's own direction. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedFigures, compare } from '../../scripts/bench/compare.js';

const FIGURES = [
  { figure: 'ingest.events_per_s', better: 'higher' as const },
  { figure: 'memory.idle_rss_mb', better: 'lower' as const },
  { figure: 'integration.setup_ms', better: 'lower' as const },
];

describe('comparing benchmark figures', () => {
  it('reads the figures of the committed table', () => {
    const figures = committedFigures(readFileSync('docs/benchmarks.md', 'utf8'));
    expect(figures.get('ingest.events_per_s')).toBeGreaterThan(0);
    expect(figures.get('memory.idle_rss_mb')).toBeGreaterThan(0);
  });

  it('flags only what got more than 10 % worse, whichever way worse is', () => {
    const before = new Map([
      ['ingest.events_per_s', 30_000],
      ['memory.idle_rss_mb', 70],
      ['integration.setup_ms', 100],
    ]);
    const now: Record<string, number> = {
      'ingest.events_per_s': 26_000, // 13 % fewer events/s: worse
      'memory.idle_rss_mb': 75, // 7 % more memory: within the tolerance
      'integration.setup_ms': 40, // much faster: better
    };
    const result = compare(before, (f) => now[f], FIGURES);
    expect(result.map((c) => [c.figure, c.regressed])).toEqual([
      ['ingest.events_per_s', true],
      ['memory.idle_rss_mb', false],
      ['integration.setup_ms', false],
    ]);
    expect(result[0]?.worse_by).toBeCloseTo(0.133, 3);
    expect(result[2]?.worse_by).toBeCloseTo(-0.6, 3);
  });

  it('does not flag a figure this run or the committed table lacks', () => {
    const result = compare(new Map([['memory.idle_rss_mb', 70]]), () => undefined, FIGURES);
    expect(result.every((c) => !c.regressed && c.worse_by === null)).toBe(true);
  });
});
