/**
 * The monthly cost cap of the LLM analyzer, with the real `openai` SDK against
 * the fake endpoint and a real journal: the month's recorded cost stops the
 * calls, the status says why, and the next month (in HA's time zone) lifts it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { monthStart } from '../../../src/analyze/llm/budget.js';
import { LlmAnalyzer } from '../../../src/analyze/llm/llm-analyzer.js';
import { OpenAiBackend } from '../../../src/analyze/llm/openai-backend.js';
import { createLogger } from '../../../src/log.js';
import {
  startFakeOpenAi,
  validAnswer,
  type FakeOpenAi,
} from '../../../../tests/harness/fake-openai.js';
import { bundleOf, llmJournal, offlineFinding } from './helpers.js';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});

afterAll(() => fake.close());

beforeEach(() => fake.reset());

/** An analyzer whose every call costs 1000 × 2 + 500 × 8 per million tokens = 0.006. */
function setup(over: { cap: number | null; timeZone?: string; callsPerHour?: number }) {
  const j = llmJournal();
  fake.respond = () => ({
    answer: validAnswer(),
    usage: { prompt_tokens: 1000, completion_tokens: 500 },
  });
  const logs: string[] = [];
  const log = createLogger('debug', (l) => logs.push(l));
  const make = () =>
    new LlmAnalyzer({
      backend: new OpenAiBackend({
        baseUrl: fake.url,
        model: 'gpt-test',
        apiKey: fake.apiKey,
        timeoutS: 10,
        log,
      }),
      calls: j.calls,
      callsPerHour: over.callsPerHour ?? 20,
      costPerMtok: { input: 2, output: 8 },
      monthlyCostCap: over.cap,
      timeZone: () => over.timeZone ?? 'UTC',
      log,
      now: j.clock.now,
    });
  let n = 0;
  /** Analyze a new incident; the offline finding comes back when the model was not asked. */
  const analyzeNew = (analyzer: LlmAnalyzer) => {
    n++;
    const incident = j.open({ entry_id: `e-${n}`, message: `failure number ${'x'.repeat(n)}` });
    return analyzer.analyze(incident, bundleOf(incident), offlineFinding());
  };
  return { ...j, logs, make, analyzer: make(), analyzeNew };
}

describe('monthStart', () => {
  it('reads the month on the clock of the time zone, across a DST change', () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin (summer time, UTC+2).
    const berlin = new Date('2026-03-31T22:30:00Z');
    expect(monthStart(berlin, 'Europe/Berlin').toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(monthStart(berlin, 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    // 03:00 UTC on 1 December is still 30 November in New York; November began in summer
    // time (UTC-4), December begins in winter time (UTC-5).
    const ny = new Date('2026-12-01T03:00:00Z');
    expect(monthStart(ny, 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(monthStart(ny, 'America/New_York', 1).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(monthStart(new Date('2026-12-15T12:00:00Z'), 'UTC', 1).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('falls back to the process time zone for a zone Intl does not know', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(monthStart(now, 'Not/A_Zone').toISOString()).toBe(monthStart(now, null).toISOString());
  });
});

describe('the monthly cost cap', () => {
  it('stops asking the model once the month has cost the cap, and says why', async () => {
    const s = setup({ cap: 0.01 });
    expect(s.analyzer.status()).toMatchObject({ paused: null, cost_this_month: 0 });
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('llm');
    // 0.006 spent, under the cap: one more call is allowed, and it takes the month past it.
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('llm');
    expect(fake.requests).toHaveLength(2);

    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('offline');
    expect(fake.requests).toHaveLength(2);
    const status = s.analyzer.status();
    expect(status).toMatchObject({
      backend: 'openai',
      model: 'gpt-test',
      monthly_cost_cap: 0.01,
      paused: 'monthly_cost_cap',
      month_resets_at: '2026-12-01T00:00:00.000Z',
    });
    expect(status.cost_this_month).toBeCloseTo(0.012, 9);
    // The hourly budget is not what stopped it: calls are left.
    expect(status.calls_left_this_hour).toBe(18);
    expect(s.logs.join('\n')).toMatch(/monthly cost cap of 0.01 is reached/);

    // A restart does not lift the cap: the cost is counted in the journal.
    expect((await s.analyzeNew(s.make()))?.analyzer).toBe('offline');
    expect(fake.requests).toHaveLength(2);
  });

  it('lifts at the start of the next month in Home Assistant’s time zone', async () => {
    // 25 November 10:00 UTC; in Auckland (UTC+13 in summer) December begins at 11:00 UTC on 30 November.
    const s = setup({ cap: 0.005, timeZone: 'Pacific/Auckland' });
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('llm');
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('offline');
    const resets = s.analyzer.status().month_resets_at;
    expect(resets).toBe('2026-11-30T11:00:00.000Z');

    s.clock.t = Date.parse(resets) - 60_000;
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('offline');
    s.clock.t = Date.parse(resets);
    expect(s.analyzer.status()).toMatchObject({ paused: null, cost_this_month: 0 });
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('llm');
    expect(fake.requests).toHaveLength(2);
  });

  it('without a cap only the hourly budget holds calls back, and the status names it', async () => {
    const s = setup({ cap: null, callsPerHour: 1 });
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('llm');
    expect((await s.analyzeNew(s.analyzer))?.analyzer).toBe('offline');
    expect(s.analyzer.status()).toMatchObject({
      monthly_cost_cap: null,
      calls_left_this_hour: 0,
      paused: 'hourly_calls',
    });
  });
});
