/**
 * The knowledge endpoints over a whole in-process sidecar: "save as a rule" from
 * a resolved incident (its analysis, the verified action that fixed it, a pattern
 * that matches the same error again), its refusals, and `GET /api/knowledge`.
 */
import { KnowledgeReport, KnowledgeRule, type RcaResult } from '@ha-llm-ops/contracts';
import { readFileSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/analyze/offline/engine.js';
import { createLogger } from '../../src/log.js';
import { Sidecar } from '../../src/sidecar.js';
import { signal, testSettings } from '../helpers/pipeline.js';

const settings = testSettings();
const auth = { authorization: `Bearer ${String(settings.apiToken)}` };
const sidecar = new Sidecar(settings, createLogger('error'), { analyzer: null });
let base: string;

const ANALYSIS: RcaResult = {
  summary: 'The hub does not answer',
  root_cause: 'The hub was rebooting.',
  impact: 'Its sensors are stale.',
  confidence: 0.6,
  category: 'device_unavailable',
  remedy: 'reload_config_entry',
  evidence_refs: [],
  candidate_actions: [],
  risk: 'low',
  tests: [],
  manual_steps: [],
  analyzer: 'offline',
  signature: 'network.timeout',
};

/** An incident of fault_lab from one log line, analyzed; `fixed` resolves it by a verified reload. */
function incident(message: string, fixed: boolean): string {
  sidecar.correlator.emit(signal({ observed_at: new Date().toISOString(), message }));
  const [rec] = sidecar.journal.listIncidents({ active: true }, 1, 0).items;
  if (!rec) throw new Error('no incident');
  const now = new Date().toISOString();
  sidecar.journal.updateIncident(rec.id, { analysis: ANALYSIS, remedy: ANALYSIS.remedy }, now);
  if (fixed) sidecar.lifecycle.resolveFixed(rec.id, 'reload_config_entry');
  return rec.id;
}

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { ...auth, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  writeFileSync(settings.knowledgeFile, '# kept as written\nrules: []\n');
  await sidecar.start();
  base = sidecar.apiAddress;
});

afterAll(() => sidecar.stop());

describe('POST /api/incidents/:id/rule', () => {
  it('learns the analysis, the verified action and a pattern that matches the error again', async () => {
    const id = incident("Hub 'Kitchen' at 192.0.2.10 did not answer after 31 s", true);
    const res = await call('POST', `/api/incidents/${id}/rule`, {});
    expect(res.status).toBe(201);
    const { rule } = v.parse(v.object({ rule: KnowledgeRule }), await res.json());
    expect(rule).toMatchObject({
      id: `from-${id}`,
      integration: 'fault_lab',
      category: 'device_unavailable',
      remedy: 'reload_config_entry',
      title: 'The hub does not answer',
      actions: ['reload_config_entry'],
    });
    expect(readFileSync(settings.knowledgeFile, 'utf8')).toMatch(/^# kept as written\n/);

    // The same failure elsewhere, as the offline analyzer sees it (redacted), now has an explanation.
    const { rules } = sidecar.knowledge.current();
    const finding = analyzeOffline({
      integration: 'fault_lab',
      custom: null,
      entry: null,
      lines: [
        {
          text: "Hub 'Garage' at [IP_4f2a9c] did not answer after 5 s",
          level: 'ERROR',
          logger: null,
          count: 1,
          traceback: null,
        },
      ],
      localRules: rules,
    });
    expect(finding?.rca.signature).toBe(`local.${rule.id}`);

    const listed = v.parse(KnowledgeReport, await (await call('GET', '/api/knowledge')).json());
    expect(listed).toMatchObject({ error: null, rules: [{ id: rule.id }] });
  });

  it('refuses a duplicate id, an incident still open, an unknown one and a bad id', async () => {
    const fixed = incident('Hub Attic dropped the connection (code 7)', true);
    expect((await call('POST', `/api/incidents/${fixed}/rule`, { id: 'attic' })).status).toBe(201);
    const again = await call('POST', `/api/incidents/${fixed}/rule`, { id: 'attic' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(
      /already has a rule with id attic/,
    );

    const open = incident('Something else entirely broke (code 9)', false);
    const refused = await call('POST', `/api/incidents/${open}/rule`, {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/only a resolved incident/);

    expect((await call('POST', '/api/incidents/inc_missing/rule', {})).status).toBe(404);
    const bad = await call('POST', `/api/incidents/${fixed}/rule`, { id: 'Not An Id' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('id');
  });
});
