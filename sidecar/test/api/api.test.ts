import * as v from 'valibot';
import {
  Health,
  IncidentDetail,
  IncidentPage,
  Status,
  UpstreamReport,
} from '@ha-llm-ops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/api/openapi.js';
import { createLogger } from '../../src/log.js';
import { Sidecar } from '../../src/sidecar.js';
import { VERSION } from '../../src/version.js';
import { signal, testSettings } from '../helpers/pipeline.js';

const settings = testSettings();
const TOKEN = String(settings.apiToken);
const auth = { authorization: `Bearer ${TOKEN}` };
let base: string;
// A whole sidecar in-process, without Home Assistant (the API serves regardless).
const sidecar = new Sidecar(settings, createLogger('error'));
const pipeline = { journal: sidecar.journal, correlator: sidecar.correlator };

beforeAll(async () => {
  await sidecar.start();
  base = sidecar.apiAddress;
  const t0 = Date.parse('2026-11-25T10:00:00Z');
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  sidecar.correlator.emit(
    signal({ observed_at: at(0), integration: 'hue', message: 'Bridge at 192.0.2.5 timed out' }),
  );
  sidecar.correlator.emit(
    signal({
      observed_at: at(5),
      integration: 'mqtt',
      severity: 'warning',
      message: 'Broker refused the connection',
    }),
  );
});

afterAll(() => sidecar.stop());

const get = (path: string, headers: Record<string, string> = auth) =>
  fetch(`${base}${path}`, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('GET /api/health', () => {
  it('answers without a token (for the Supervisor watchdog), matching the contract', async () => {
    const res = await get('/api/health', {});
    expect(res.status).toBe(200);
    expect(v.parse(Health, await res.json())).toEqual({
      status: 'ok',
      service: 'ha-llm-ops',
      version: VERSION,
      authenticated: false,
      ha: { connected: false, version: null },
    });
  });

  it('confirms a valid token', async () => {
    const body = v.parse(Health, await (await get('/api/health')).json());
    expect(body.authenticated).toBe(true);
  });

  it('rejects a wrong token with 401', async () => {
    const res = await get('/api/health', { authorization: 'Bearer nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid API token' });
  });
});

describe('authentication', () => {
  it.each(['/api/incidents', '/api/incidents/x', '/api/nothing'])(
    'GET %s needs the token',
    async (path) => {
      const missing = await get(path, {});
      expect(missing.status).toBe(401);
      expect(((await missing.json()) as { error: string }).error).toMatch(/missing API token/);
      expect((await get(path, { authorization: 'Bearer wrong' })).status).toBe(401);
    },
  );

  it('POST dismiss needs the token and changes nothing without it', async () => {
    const [first] = pipeline.journal.listIncidents({}, 1, 0).items;
    expect((await post(`/api/incidents/${first?.id}/dismiss`, {}, {})).status).toBe(401);
    expect(pipeline.journal.getIncident(String(first?.id))?.status).toBe('open');
  });
});

describe('GET /api/incidents', () => {
  it('lists incidents most recent first, matching the contract', async () => {
    const body = v.parse(IncidentPage, await (await get('/api/incidents')).json());
    expect(body.total).toBe(2);
    expect(body.limit).toBe(50);
    expect(body.items.map((i) => i.integration)).toEqual(['mqtt', 'hue']);
  });

  it('filters and pages', async () => {
    const byInt = (await (await get('/api/incidents?integration=hue')).json()) as {
      items: { integration: string }[];
    };
    expect(byInt.items.map((i) => i.integration)).toEqual(['hue']);
    const bySev = (await (await get('/api/incidents?severity=warning,critical')).json()) as {
      total: number;
    };
    expect(bySev.total).toBe(1);
    const page = (await (await get('/api/incidents?limit=1&offset=1')).json()) as {
      items: { integration: string }[];
      total: number;
    };
    expect(page.items.map((i) => i.integration)).toEqual(['hue']);
    expect(page.total).toBe(2);
  });

  it.each([
    ['status=broken', 'status'],
    ['severity=error,loud', 'severity'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=501', 'limit'],
    ['integration=Not A Domain', 'integration'],
    ['active=yes', 'active'],
    ['colour=red', 'colour'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const res = await get(`/api/incidents?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; field: string };
    expect(body.field).toBe(field);
    expect(body.error).toContain(`query field ${field}`);
  });
});

describe('GET /api/incidents/:id', () => {
  it('returns the incident with its signals, matching the contract', async () => {
    const [first] = pipeline.journal.listIncidents({ integration: 'hue' }, 1, 0).items;
    const body = v.parse(IncidentDetail, await (await get(`/api/incidents/${first?.id}`)).json());
    expect(body.incident.id).toBe(first?.id);
    expect(body.signals.map((s) => s.message)).toEqual([
      // Stored redacted, with a stable keyed placeholder.
      expect.stringMatching(/^Bridge at \[IP_[0-9a-f]{6}\] timed out$/),
    ]);
    expect(body.signals[0]?.id).toEqual(expect.any(Number));
  });

  it('answers an unknown id with 404', async () => {
    const res = await get('/api/incidents/inc_nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no incident inc_nope' });
  });
});

describe('GET /api/status', () => {
  it('answers the mode, the policy and the counts, matching the contract', async () => {
    const body = v.parse(Status, await (await get('/api/status')).json());
    expect(body.policy.valid).toBe(true);
    expect(body.counts.open).toBe(pipeline.journal.listIncidents({ active: true }, 1, 0).total);
    expect(body.action_labels.reload_config_entry).toBeTruthy();
    // No LLM is configured here: offline analysis only.
    expect(body.llm).toBeNull();
  });
});

describe('GET /api/incidents/:id/upstream-report', () => {
  it('reports from the stored evidence while Home Assistant is away: no tracker without its manifest', async () => {
    const [first] = pipeline.journal.listIncidents({ integration: 'hue' }, 1, 0).items;
    const res = await get(`/api/incidents/${first?.id}/upstream-report`);
    expect(res.status).toBe(200);
    const report = v.parse(UpstreamReport, await res.json());
    expect(report.integration.domain).toBe('hue');
    expect(report.body).toMatch(/ERROR Bridge at \[IP_[0-9a-f]{6}\] timed out/);
    expect(report.body).not.toContain('192.0.2.5');
    expect([report.issue_tracker, report.new_issue_url, report.search_url]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('answers an unknown id with 404, and an incident without an integration with 409', async () => {
    expect((await get('/api/incidents/inc_nope/upstream-report')).status).toBe(404);
    sidecar.correlator.emit(
      signal({ observed_at: '2026-11-25T10:01:00Z', integration: null, message: 'No owner here' }),
    );
    const [orphan] = pipeline.journal
      .listIncidents({}, 50, 0)
      .items.filter((i) => i.integration === null);
    const res = await get(`/api/incidents/${orphan?.id}/upstream-report`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: `incident ${orphan?.id} names no integration to report to`,
    });
  });
});

describe('POST /api/incidents/:id/dismiss', () => {
  it.each([
    [{ ignore_similar: 'yes' }, 'ignore_similar'],
    [{ reason: 'x'.repeat(501) }, 'reason'],
    [{ because: 'x' }, 'because'],
  ])('rejects %j with a 400 naming the field, changing nothing', async (body, field) => {
    const [first] = pipeline.journal.listIncidents({ integration: 'hue' }, 1, 0).items;
    const res = await post(`/api/incidents/${first?.id}/dismiss`, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe(field);
    expect(pipeline.journal.getIncident(String(first?.id))?.status).toBe('open');
  });

  it('rejects a body that is not JSON', async () => {
    const [first] = pipeline.journal.listIncidents({}, 1, 0).items;
    const res = await fetch(`${base}/api/incidents/${first?.id}/dismiss`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body: not valid JSON' });
  });

  it('dismisses, and ignore_similar suppresses the same failure afterwards', async () => {
    const [first] = pipeline.journal.listIncidents({ integration: 'hue' }, 1, 0).items;
    const res = await post(`/api/incidents/${first?.id}/dismiss`, {
      ignore_similar: true,
      reason: 'known flaky bridge',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { incident: { status: string } }).incident.status).toBe(
      'dismissed',
    );
    pipeline.correlator.emit(
      signal({ integration: 'hue', message: 'Bridge at 192.0.2.77 timed out' }),
    );
    expect(pipeline.journal.listIncidents({ integration: 'hue', active: true }, 10, 0).total).toBe(
      0,
    );
  });

  it('answers an unknown id with 404', async () => {
    expect((await post('/api/incidents/inc_missing/dismiss', {})).status).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('serves the document without a token, describing every route', async () => {
    const res = await get('/api/openapi.json', {});
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/incidents',
        '/api/incidents/{id}',
        '/api/incidents/{id}/dismiss',
        '/api/incidents/{id}/false-alarm',
        '/api/suppressions',
        '/api/suppressions/{incident_id}',
        '/api/outcomes',
      ]),
    );
  });

  it('documents every key of the real answers, and as always sent', async () => {
    const doc = openApiDocument(VERSION) as unknown as {
      components: { schemas: Record<string, { required?: string[]; properties: object }> };
    };
    const { items } = (await (await get('/api/incidents')).json()) as { items: { id: string }[] };
    const answers: [string, string][] = [
      ['Status', '/api/status'],
      ['IncidentDetail', `/api/incidents/${items[0]?.id ?? ''}`],
    ];
    for (const [name, path] of answers) {
      const answer = (await (await get(path)).json()) as object;
      const schema = doc.components.schemas[name];
      const keys = Object.keys(answer).sort();
      expect(Object.keys(schema?.properties ?? {}).sort(), `${name}: documented keys`).toEqual(
        keys,
      );
      expect([...(schema?.required ?? [])].sort(), `${name}: required keys`).toEqual(keys);
    }
  });

  it('docs/openapi.json is current (run npm run docs:openapi)', async () => {
    const { readFileSync } = await import('node:fs');
    const { VERSION } = await import('../../src/version.js');
    const onDisk = JSON.parse(
      readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(onDisk).toEqual(openApiDocument(VERSION));
  });
});

describe('ingress (add-on mode)', () => {
  it('serves the web UI and the API to the ingress proxy only, without a token, recording who decided', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const publicDir = join(settings.dataDir, 'public');
    mkdirSync(publicDir, { recursive: true });
    writeFileSync(
      join(publicDir, 'index.html'),
      '<!doctype html><title>LLM Ops</title><llm-ops-panel></llm-ops-panel>',
    );
    const viaIngress = new Sidecar(
      testSettings({ ingressPeer: '127.0.0.1' }),
      createLogger('error'),
      { publicDir },
    );
    const direct = new Sidecar(
      testSettings({ ingressPeer: '10.255.255.1' }),
      createLogger('error'),
      { publicDir },
    );
    await viaIngress.start();
    await direct.start();
    try {
      const page = await fetch(`${viaIngress.apiAddress}/`, {
        headers: { 'x-remote-user-name': 'alice' },
      });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<llm-ops-panel>');
      const list = await fetch(`${viaIngress.apiAddress}/api/incidents`);
      expect(list.status).toBe(200);
      // Not from the ingress proxy: no page, and the API wants its token.
      expect((await fetch(`${direct.apiAddress}/`)).status).toBe(404);
      expect((await fetch(`${direct.apiAddress}/api/incidents`)).status).toBe(401);
    } finally {
      await viaIngress.stop();
      await direct.stop();
    }
  });
});
