/**
 * The offline analyzer on the held-out part of the real-world corpus may not get
 * worse: floors at the level reached, raised whenever the analyzer improves
 * (targets: category 0.90, remedy 0.85, integration 0.90). The no-fault logs must
 * stay quiet. See docs/analysis-quality.md; `npm run eval` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../scripts/eval/corpus.js';

/**
 * The level reached on the held-out part (2026-12-06, 576 cases, 176 held out), as a share of
 * its cases. When the corpus grows the shares are taken again: a new held-out case the analyzer
 * misses lowers a share without any case it got right turning wrong. From 444 to 576 cases the
 * shares fell from 0.633 / 0.458 / 0.633; the rules of before that growth measure 0.597 / 0.443 /
 * 0.619 on the grown corpus, so the new threads moved them, not the rules. (One held-out case
 * the rules of this growth turn from `other` to `log_flood`: its UI block says it occurred over
 * a thousand times, which working-part threads label a flood.)
 */
const FLOOR = { category: 0.59, remedy: 0.44, integration: 0.64 };
/**
 * Cases the analyzer names with confidence ≥ 0.8 and the wrong category, at most: the level
 * reached. The target is 0.05; the 176 held-out cases measure 0.057 (10 cases), and the rules
 * of before the last 132 threads were added measure the same on them.
 */
const MAX_CONFIDENTLY_WRONG = 0.057;

const result = await evaluate();

describe('the offline analyzer on real logs', () => {
  it('holds its floors on the held-out part', () => {
    const { category, remedy, integration } = result.held_out;
    expect({ category, remedy, integration }).toEqual({
      category: expect.toSatisfy((x: number) => x >= FLOOR.category) as number,
      remedy: expect.toSatisfy((x: number) => x >= FLOOR.remedy) as number,
      integration: expect.toSatisfy((x: number) => x >= FLOOR.integration) as number,
    });
  });

  it('is no more often confidently wrong on the held-out part than it was', () => {
    expect(result.held_out.confidently_wrong).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
  });

  it('opens no incident on any no-fault log', () => {
    expect(result.no_fault.alarmed.map((a) => a.id)).toEqual([]);
  });
});
