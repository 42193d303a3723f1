/**
 * The first sight of a failure skips SQLite when the journal's filter of fingerprints says
 * it has never held it: so the filter must never say so of one it holds.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FingerprintFilter } from '../../src/journal/fingerprint-filter.js';

const fingerprints = (n: number) => Array.from({ length: n }, () => randomBytes(8).toString('hex'));

describe('the filter of fingerprints the journal holds', () => {
  it('holds every fingerprint loaded or added, and few it never saw', () => {
    const loaded = fingerprints(5_000);
    const added = fingerprints(5_000);
    let loads = 0;
    const filter = new FingerprintFilter(() => {
      loads++;
      return loaded;
    });
    for (const fp of added) filter.add(fp);
    expect([...loaded, ...added].every((fp) => filter.mayHold(fp))).toBe(true);
    expect(loads).toBe(1);
    // Each one it wrongly may hold costs one lookup, nothing more; with 10,000 held, rare.
    const maybe = fingerprints(10_000).filter((fp) => filter.mayHold(fp)).length;
    expect(maybe).toBeLessThan(100);
  });

  it('is built again from the rows once forgotten', () => {
    let rows = ['aaaa000011112222', 'bbbb000011112222'];
    const filter = new FingerprintFilter(() => rows);
    expect(filter.mayHold('aaaa000011112222')).toBe(true);
    rows = ['bbbb000011112222'];
    filter.forget();
    expect(filter.mayHold('aaaa000011112222')).toBe(false);
    expect(filter.mayHold('bbbb000011112222')).toBe(true);
  });
});
