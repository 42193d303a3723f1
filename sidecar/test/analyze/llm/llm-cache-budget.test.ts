/**
 * The LLM analyzer's cache (by fingerprint, shared between concurrent requests) and its
 * hourly budget, counted in a real journal, against the fake endpoint.
 */
import { describe, expect, it } from 'vitest';
import { analyze, fake, setup, useFakeEndpoint } from './fake-endpoint.js';
import { bundleOf, offlineFinding } from './helpers.js';
import { validAnswer } from '../../../../tests/harness/fake-openai.js';

useFakeEndpoint();

describe('LlmAnalyzer: cache and hourly budget', () => {
  it('caches by fingerprint (per backend and model); refresh asks again', async () => {
    const s = setup();
    const incident = s.incident();
    const first = await analyze(s.analyzer, incident);
    expect(await analyze(s.analyzer, incident)).toEqual(first);
    expect(fake.requests).toHaveLength(1);
    // A new incident of the same failure (same fingerprint) is answered from the cache,
    // citing its own evidence.
    expect(
      await s.analyzer.analyze({ ...incident, id: 'inc_other' }, bundleOf(incident), null),
    ).toEqual({ ...first, evidence_refs: [] });
    expect(fake.requests).toHaveLength(1);

    await s.analyzer.analyze(incident, bundleOf(incident), offlineFinding(), { refresh: true });
    expect(fake.requests).toHaveLength(2);
    await analyze(s.make('another-model'), incident);
    expect(fake.requests).toHaveLength(3);
    // After a week the answer is stale.
    s.clock.advance(8 * 86_400);
    await analyze(s.analyzer, incident);
    expect(fake.requests).toHaveLength(4);
  });

  it('shares one exchange between concurrent requests for one fingerprint', async () => {
    const s = setup();
    fake.script({ answer: validAnswer(), delayMs: 200 });
    const incident = s.incident();
    const [a, b] = await Promise.all([
      analyze(s.analyzer, incident),
      analyze(s.analyzer, incident),
    ]);
    expect(a).toEqual(b);
    expect(fake.requests).toHaveLength(1);
  });

  it('a refresh during an exchange (newer evidence) waits for it, then asks again', async () => {
    const s = setup();
    fake.script(
      { answer: validAnswer({ summary: 'first' }), delayMs: 200 },
      { answer: validAnswer({ summary: 'second' }) },
    );
    const incident = s.incident();
    const first = analyze(s.analyzer, incident);
    const second = s.analyzer.analyze(incident, bundleOf(incident), offlineFinding(), {
      refresh: true,
    });
    expect((await first)?.summary).toBe('first');
    expect((await second)?.summary).toBe('second');
    expect(fake.requests).toHaveLength(2);
    // The newer answer is the cached one.
    expect((await analyze(s.analyzer, incident))?.summary).toBe('second');
  });

  it('keeps to the hourly budget, counted in the journal across restarts', async () => {
    const s = setup({ callsPerHour: 2 });
    await analyze(s.analyzer, s.incident('failure one', 'e-1'));
    await analyze(s.analyzer, s.incident('failure two', 'e-2'));
    const third = s.incident('failure three', 'e-3');
    const offline = offlineFinding();
    expect(await analyze(s.analyzer, third, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(2);
    expect(s.logs.join('')).toMatch(/budget of 2 calls per hour is used up/);
    // A restarted analyzer (same journal) still sees the budget spent.
    expect(await analyze(s.make(), third, offline)).toBe(offline);
    expect(fake.requests).toHaveLength(2);
    s.clock.advance(3601);
    expect((await analyze(s.analyzer, third, offline))?.analyzer).toBe('llm');
    expect(fake.requests).toHaveLength(3);
  });

  it('counts a repair against the budget: with one call left there is no repair', async () => {
    const s = setup({ callsPerHour: 1 });
    fake.script({ content: 'not json' });
    const offline = offlineFinding();
    expect(await analyze(s.analyzer, s.incident(), offline)).toBe(offline);
    expect(fake.requests).toHaveLength(1);
  });
});
