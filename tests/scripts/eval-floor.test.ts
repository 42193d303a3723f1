/**
 * The offline analyzer on the held-out part of the real-world corpus may not get
 * worse: floors at the level reached, raised whenever the analyzer improves
 * (targets: category 0.90, remedy 0.85, integration 0.90). The no-fault logs must
 * stay quiet. See docs/analysis-quality.md; `npm run eval` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../scripts/eval/score.js';

/**
 * The level reached on the held-out part (2026-12-07, 1,367 cases, 444 held-out cases), as a
 * share of its cases: 0.570 / 0.532 / 0.649 until Home Assistant's and the Supervisor's own
 * messages, and those of popular add-ons' programs, were taught from their source code, not
 * from the working cases (0.586 / 0.541 / 0.655; the working part's shares moved by +0.1 /
 * −0.1 / +0.4 points meanwhile), and 0.588 / 0.543 / 0.655 once some sixty more programs' messages
 * (add-ons, bridges, I/O libraries, integrations' libraries) were taught the same way (working
 * +0.2 / +0.2 / +0.2), and 0.590 / 0.543 / 0.655 once the words all of Home Assistant's
 * integrations log for a failed connection or sign-in were read from their logging calls
 * (working 0 / −0.1 / 0), and 0.592 / 0.541 / 0.655 once popular custom integrations' and
 * libraries' were read the same way: "Failed connecting …" turned one held-out case's category
 * right and its remedy wrong (working unchanged). When the corpus grows the shares are taken again: a new held-out case the
 * analyzer misses lowers a share without any case it got right turning wrong. From 1,329 to 1,367
 * cases the shares went from 0.551 / 0.484 / 0.616 to 0.547 / 0.489 / 0.613, exactly what the
 * rules of before that growth measure on the grown corpus. From 1,231 to 1,329
 * cases the shares went from 0.551 / 0.477 / 0.616 to 0.551 / 0.484 / 0.616, which the rules of
 * before that growth measure too. From 1,094 to 1,231 cases the
 * shares went from 0.551 / 0.475 / 0.624 to 0.551 / 0.477 / 0.616; the rules of before that
 * growth measure the same 0.551 / 0.477 / 0.616 on the grown corpus, so the new threads (harder
 * to name an integration for) lowered the last one and the rules made since changed none of the
 * three (they raised the working part's by 1.3 / 0.8 / 0.7 points). (From 904 to 1,094 cases the
 * shares went from 0.567 / 0.484 / 0.623 to 0.551 / 0.475 / 0.624, from 705 to 904 from 0.580 /
 * 0.469 / 0.621, from 576 to 705 from 0.591 / 0.443 / 0.642, and from 444 to 576 from 0.633 /
 * 0.458 / 0.633.)
 */
const FLOOR = { category: 0.592, remedy: 0.541, integration: 0.655 };
/**
 * Cases the analyzer names with confidence ≥ 0.8 and the wrong category, at most: the level
 * reached, within the target of 0.05. The held-out cases measured 0.048 until a schema error
 * named its owner with confidence 0.78 instead of 0.82 (about one in five is not the user's
 * configuration): 0.040 of 396; 0.037 of the 430 since (the earlier rules: 0.044); 0.041 of the
 * 444 since (two new held-out cases; the rules of before measure the same); 0.038 since the
 * add-ons' own messages were taught.
 */
const MAX_CONFIDENTLY_WRONG = 0.039;

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
