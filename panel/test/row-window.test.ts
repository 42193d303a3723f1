/** The incident list's window: which rows are near the screen, out of thousands. */
import { describe, expect, it } from 'vitest';
import { OVERSCAN, clampRange, rowRange } from '../src/list/row-window.js';

describe('the rows on screen', () => {
  it('renders a screenful from the top, and a few more below', () => {
    // 10,000 rows of 56 px, the list's top 200 px down a 900 px window.
    const r = rowRange(10_000, 56, 200, 900);
    expect(r.first).toBe(0);
    expect(r.end).toBe(Math.ceil(700 / 56) + OVERSCAN);
  });

  it('follows scrolling: the rows under the window, with a few around them', () => {
    // Scrolled so that row 5,000's top is at the window's top.
    const r = rowRange(10_000, 56, -5_000 * 56, 900);
    expect(r.first).toBe(5_000 - OVERSCAN);
    expect(r.end).toBe(5_000 + Math.ceil(900 / 56) + OVERSCAN);
  });

  it('stops at the last row, and renders nothing when the list is off screen', () => {
    expect(rowRange(30, 56, -20 * 56, 900)).toEqual({ first: 20 - OVERSCAN, end: 30 });
    const below = rowRange(100, 56, 2_000, 900);
    expect(below.end - below.first).toBe(0);
    expect(rowRange(0, 56, 0, 900)).toEqual({ first: 0, end: 0 });
  });

  it('keeps a screenful when the list shrinks below the rows shown', () => {
    expect(clampRange({ first: 500, end: 530 }, 2_000)).toEqual({ first: 500, end: 530 });
    expect(clampRange({ first: 500, end: 530 }, 12)).toEqual({ first: 0, end: 12 });
    expect(clampRange({ first: 500, end: 530 }, 520)).toEqual({ first: 490, end: 520 });
  });
});
