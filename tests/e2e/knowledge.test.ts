/**
 * The knowledge file, end to end in the real dev HA with the real sidecar: a
 * rule in the file explains a real log error (`local.<id>`, its category and
 * remedy), an edit at run time is in force for the next incident without a
 * restart, a bad edit keeps the last good rules and is reported in the status,
 * and a resolved incident is saved as a rule that then reads back from the file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually } from '../harness/ha-rest.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface Incident {
  id: string;
  status: string;
  integration: string | null;
  title: string;
}
interface Detail {
  incident: Incident;
  analysis: { signature: string | null; category: string; remedy: string } | null;
}

let env: HaEnv;
let sidecar: SidecarProcess;
let file: string;
const run = Date.now().toString(36);

const api = async <T>(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${sidecar.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as T };
};

const rule = (id: string, match: string, category: string, remedy: string) =>
  `  - id: ${id}\n    match: '${match}'\n    integration: fault_lab\n    category: ${category}\n    remedy: ${remedy}\n`;

/** The analysis of the fault_lab incident whose title mentions `word`, once analyzed. */
const analysisOf = (word: string) =>
  eventually(
    async () => {
      const { body } = await api<{ items: Incident[] }>(
        '/api/incidents?integration=fault_lab&limit=200',
      );
      const found = body.items.find((i) => i.title.includes(word));
      if (!found)
        throw new Error(`none yet; titles: ${body.items.map((i) => i.title).join(' | ')}`);
      const detail = (await api<Detail>(`/api/incidents/${found.id}`)).body;
      return detail.analysis ? detail : undefined;
    },
    60_000,
    `an analyzed incident about ${word}`,
  );

/** Each probe logs through a logger of its own: Home Assistant's system log folds one logger's lines together. */
const logError = (message: string, probe: string) =>
  callService(env, 'system_log', 'write', {
    message,
    level: 'error',
    logger: `custom_components.fault_lab.knowledge_${probe}_${run}`,
  });

beforeAll(async () => {
  env = readHaEnv();
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-knowledge-'));
  file = join(dataDir, 'knowledge.yaml');
  writeFileSync(
    file,
    `# rules of this home\nrules:\n${rule('probe-alpha', `knowledge probe alpha ${run} \\d+`, 'device_unavailable', 'check_network_or_device')}`,
  );
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: dataDir,
    LLM_OPS_QUIET_PERIOD_S: '5',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
});

afterAll(async () => {
  await sidecar?.stop();
});

describe('the knowledge file', () => {
  let alpha: Detail;
  /** The alpha incident once resolved (its quiet period is short here). */
  const alphaResolved = () =>
    eventually(
      async () => {
        const d = (await api<Detail>(`/api/incidents/${alpha.incident.id}`)).body;
        return d.incident.status === 'resolved' ? d : undefined;
      },
      60_000,
      'the alpha incident to resolve after its quiet period',
    );

  it('a rule in the file explains a matching error: local.<id>, its category and remedy', async () => {
    await logError(`Knowledge probe alpha ${run} 42 went wrong`, 'alpha');
    alpha = await analysisOf(`alpha ${run}`);
    expect(alpha.analysis).toMatchObject({
      signature: 'local.probe-alpha',
      category: 'device_unavailable',
      remedy: 'check_network_or_device',
    });
  });

  it('an edit at run time is in force for the next incident, without a restart', async () => {
    // Lines of fault_lab join its open incident: let the first one close.
    await alphaResolved();
    writeFileSync(
      file,
      readFileSync(file, 'utf8') +
        rule(
          'probe-beta',
          `knowledge probe beta ${run}`,
          'invalid_config',
          'fix_config_then_reload',
        ),
    );
    await logError(`Knowledge probe beta ${run} is misconfigured`, 'beta');
    const beta = await analysisOf(`beta ${run}`);
    expect(beta.analysis).toMatchObject({
      signature: 'local.probe-beta',
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
    });
  });

  it('a bad edit keeps the last good rules in force and is reported with its line', async () => {
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('category: invalid_config', 'category: gremlins'));
    const { body: knowledge } = await api<{ rules: { id: string }[]; error: string | null }>(
      '/api/knowledge',
    );
    expect(knowledge.error).toMatch(/knowledge\.yaml:\d+: rules\.1\.category: must be one of/);
    expect(knowledge.rules.map((r) => r.id)).toEqual(['probe-alpha', 'probe-beta']);
    const { body: status } = await api<{ knowledge: { rules: number; error: string | null } }>(
      '/api/status',
    );
    expect(status.knowledge).toMatchObject({ rules: 2, error: knowledge.error });
    await logError(`Knowledge probe beta ${run} again, differently 7`, 'gamma');
    writeFileSync(file, good);
    expect((await api<{ error: string | null }>('/api/knowledge')).body.error).toBeNull();
  });

  it('saves a resolved incident as a rule, refusing a duplicate', async () => {
    const resolved = await alphaResolved();
    const saved = await api<{ rule: { id: string; match: string; category: string } }>(
      `/api/incidents/${resolved.incident.id}/rule`,
      { method: 'POST', body: JSON.stringify({ id: 'saved-alpha' }) },
    );
    expect(saved.status).toBe(201);
    expect(saved.body.rule).toMatchObject({ id: 'saved-alpha', category: 'device_unavailable' });
    expect(
      new RegExp(saved.body.rule.match, 'i').test(`Knowledge probe alpha ${run} 99 went wrong`),
    ).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# rules of this home');
    expect(text).toContain('id: saved-alpha');
    const again = await api<{ error: string }>(`/api/incidents/${resolved.incident.id}/rule`, {
      method: 'POST',
      body: JSON.stringify({ id: 'saved-alpha' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already has a rule with id saved-alpha/);
  });
});
