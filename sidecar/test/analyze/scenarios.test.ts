/**
 * The scenario suite: real Home Assistant failures with a known root cause
 * (tests/scenarios, and ../shared/scenarios when present), logs the team wrote
 * for this suite, and logs with nothing wrong. Each log goes through the whole
 * offline pipeline (parse → group → analyze); the most important incident is
 * compared with the known answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { incidentsOf, type LogIncident } from '../../src/analyze/log-file.js';
import { parseLog } from '../../src/logs/parse.js';
import { expectWellFormed, must } from './helpers.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const MIN_CATEGORY_ACCURACY = 0.9;

interface Scenario {
  id: string;
  log: string;
  integration: string;
  category: string;
  remedy: string;
}

function load(...dirs: string[]): Scenario[] {
  const byId = new Map<string, Scenario>();
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      if (!byId.has(s.id)) byId.set(s.id, s);
    }
  }
  return [...byId.values()];
}

interface Row {
  id: string;
  top: LogIncident | undefined;
  category: boolean;
  remedy: boolean;
  integration: boolean;
}

/** The domain an expected integration names first ("homeassistant (configuration.yaml …)"). */
const domainOf = (integration: string) => /^[a-z0-9_]+/.exec(integration)?.[0] ?? integration;

async function evaluate(scenarios: Scenario[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const s of scenarios) {
    const [top] = await incidentsOf(parseLog(s.log));
    rows.push({
      id: s.id,
      top,
      category: top?.category === s.category,
      remedy: top?.rca.remedy === s.remedy,
      integration: top?.integration === domainOf(s.integration),
    });
  }
  return rows;
}

function table(title: string, scenarios: Scenario[], rows: Row[]): string {
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  const lines = rows.map((r, i) => {
    const s = must(scenarios[i]);
    const got = r.top
      ? `${r.top.category} / ${r.top.rca.remedy} / ${r.top.integration}`
      : 'no incident';
    return `${mark(r.category)} ${mark(r.remedy)} ${mark(r.integration)} ${r.id.padEnd(48)} got ${got}; expected ${s.category} / ${s.remedy} / ${domainOf(s.integration)}`;
  });
  const pct = (key: 'category' | 'remedy' | 'integration') =>
    `${rows.filter((r) => r[key]).length}/${rows.length} (${Math.round((100 * rows.filter((r) => r[key]).length) / rows.length)} %)`;
  return [
    `${title}: ${rows.length} logs`,
    'cat  rem  int',
    ...lines,
    `accuracy: category ${pct('category')}, remedy ${pct('remedy')}, integration ${pct('integration')}`,
  ].join('\n');
}

const accuracy = (rows: Row[]) => rows.filter((r) => r.category).length / rows.length;

describe('scenario suite', () => {
  const scenarios = load(join(repo, 'tests/scenarios'), join(repo, '../shared/scenarios'));

  it('has the scenarios copied into the repository', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
  });

  it(`explains at least ${MIN_CATEGORY_ACCURACY * 100} % of the real failures in the right category`, async () => {
    const rows = await evaluate(scenarios);
    console.log(table('Scenarios', scenarios, rows));
    for (const r of rows) if (r.top) expectWellFormed(r.top);
    expect(accuracy(rows)).toBeGreaterThanOrEqual(MIN_CATEGORY_ACCURACY);
  });
});

// Written by the team: a regression suite for the signatures, never evidence of how the
// analyzer does on real homes (that is `npm run eval` on tests/corpus).
describe('authored logs', () => {
  const scenarios = load(join(repo, 'tests/scenarios/authored'));

  it('cover every category at least twice', () => {
    const perCategory = new Map<string, number>();
    for (const s of scenarios) perCategory.set(s.category, (perCategory.get(s.category) ?? 0) + 1);
    expect(perCategory.size).toBe(18);
    for (const [category, n] of perCategory) expect(n, category).toBeGreaterThanOrEqual(2);
  });

  it(`are explained in the right category at least ${MIN_CATEGORY_ACCURACY * 100} % of the time`, async () => {
    const rows = await evaluate(scenarios);
    console.log(table('Held-out', scenarios, rows));
    for (const r of rows) if (r.top) expectWellFormed(r.top);
    expect(accuracy(rows)).toBeGreaterThanOrEqual(MIN_CATEGORY_ACCURACY);
  });
});

describe('logs with nothing wrong', () => {
  const dir = join(repo, 'tests/scenarios/no-fault');
  const files = readdirSync(dir).filter((f) => f.endsWith('.log'));

  it.each(files)('%s yields no incident', async (file) => {
    expect(await incidentsOf(parseLog(readFileSync(join(dir, file), 'utf8')))).toEqual([]);
  });
});
