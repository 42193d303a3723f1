/** A name one or two edits from a domain of Home Assistant's own is taken as that domain misspelled. */
import { describe, expect, it } from 'vitest';
import { misspelledCoreDomain } from '../../src/analyze/offline/libraries.js';

describe('a misspelled core domain', () => {
  it.each([
    ['sensors', 'sensor'], // one edit
    ['mqqt', 'mqtt'], // one edit in a short name
    ['sennsorr', 'sensor'], // two edits: as many as a longer name may have
    ['zwave_jz', 'zwave_js'],
  ])('%s means %s', (name, meant) => {
    expect(misspelledCoreDomain(name)).toBe(meant);
  });

  it.each([
    ['sensor', 'a domain itself'],
    ['hue', 'too short to tell'],
    ['mqttttt', 'three edits away'],
    ['warmup', 'near no domain'],
  ])('%s is none (%s)', (name) => {
    expect(misspelledCoreDomain(name)).toBeNull();
  });
});
