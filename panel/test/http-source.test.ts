/** The IncidentSource over the sidecar's HTTP API (the add-on's ingress page). */
import { describe, expect, it, vi } from 'vitest';
import { HttpIncidentSource, incidentChanges } from '../src/data/http-source.js';
import type { Incident } from '../src/shared/data/types.js';

function fakeFetch(routes: Record<string, [number, unknown]>) {
  const seen: string[] = [];
  const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}${url.search}`;
    seen.push(init?.body ? `${key} ${String(init.body)}` : key);
    const [status, body] = routes[key] ?? [404, { error: 'no such endpoint' }];
    return new Response(JSON.stringify(body), { status });
  });
  return { fetcher: fetcher as unknown as typeof fetch, seen };
}

const base = 'http://supervisor/api/hassio_ingress/tok/api/';

describe('HttpIncidentSource', () => {
  it('calls the API relative to the ingress prefix', async () => {
    const { fetcher, seen } = fakeFetch({
      'GET /api/hassio_ingress/tok/api/incidents?status=open%2Cresolved&active=true&limit=500': [
        200,
        { items: [], total: 0, limit: 500, offset: 0 },
      ],
      'POST /api/hassio_ingress/tok/api/actions/p%2F1/approve': [200, { proposal: { id: 'p/1' } }],
      'POST /api/hassio_ingress/tok/api/incidents/i1/dismiss': [200, { incident: { id: 'i1' } }],
      'GET /api/hassio_ingress/tok/api/status': [200, { mode: 'approve' }],
    });
    const source = new HttpIncidentSource({ base, fetch: fetcher });
    await source.incidents({ status: ['open', 'resolved'], active: true, limit: 500 });
    await source.approve('p/1');
    await source.dismiss('i1', { ignoreSimilar: true, reason: 'known' });
    expect(await source.status()).toEqual({ mode: 'approve', connected: true });
    expect(seen).toEqual([
      'GET /api/hassio_ingress/tok/api/incidents?status=open%2Cresolved&active=true&limit=500',
      'POST /api/hassio_ingress/tok/api/actions/p%2F1/approve {}',
      'POST /api/hassio_ingress/tok/api/incidents/i1/dismiss {"ignore_similar":true,"reason":"known"}',
      'GET /api/hassio_ingress/tok/api/status',
    ]);
  });

  it('marks false alarms, lists and undoes what is kept quiet, reads the outcomes', async () => {
    const { fetcher, seen } = fakeFetch({
      'POST /api/hassio_ingress/tok/api/incidents/i1/false-alarm': [
        200,
        { incident: { id: 'i1' } },
      ],
      'GET /api/hassio_ingress/tok/api/suppressions': [200, { items: [{ incident_id: 'i1' }] }],
      'DELETE /api/hassio_ingress/tok/api/suppressions/i%2F1': [200, { items: [] }],
      'GET /api/hassio_ingress/tok/api/outcomes': [200, { closed: 0 }],
    });
    const source = new HttpIncidentSource({ base, fetch: fetcher });
    expect(await source.markFalseAlarm('i1', 'nightly')).toEqual({ id: 'i1' });
    expect(await source.suppressions()).toEqual([{ incident_id: 'i1' }]);
    expect(await source.undoSuppression('i/1')).toEqual([]);
    expect(await source.outcomes()).toEqual({ closed: 0 });
    expect(seen).toEqual([
      'POST /api/hassio_ingress/tok/api/incidents/i1/false-alarm {"reason":"nightly"}',
      'GET /api/hassio_ingress/tok/api/suppressions',
      'DELETE /api/hassio_ingress/tok/api/suppressions/i%2F1',
      'GET /api/hassio_ingress/tok/api/outcomes',
    ]);
  });

  it('lists and resets what was learned quiet, one or all', async () => {
    const { fetcher, seen } = fakeFetch({
      'GET /api/hassio_ingress/tok/api/learned-quiet': [200, { items: [{ id: 'entities:e:1' }] }],
      'DELETE /api/hassio_ingress/tok/api/learned-quiet/entities%3Ae%3A1': [200, { items: [] }],
      'DELETE /api/hassio_ingress/tok/api/learned-quiet': [200, { items: [] }],
    });
    const source = new HttpIncidentSource({ base, fetch: fetcher });
    expect(await source.learnedQuiet()).toEqual([{ id: 'entities:e:1' }]);
    expect(await source.resetLearnedQuiet('entities:e:1')).toEqual([]);
    expect(await source.resetLearnedQuiet(null)).toEqual([]);
    expect(seen).toEqual([
      'GET /api/hassio_ingress/tok/api/learned-quiet',
      'DELETE /api/hassio_ingress/tok/api/learned-quiet/entities%3Ae%3A1',
      'DELETE /api/hassio_ingress/tok/api/learned-quiet',
    ]);
  });

  it('starts maintenance from the panel and ends it', async () => {
    const { fetcher, seen } = fakeFetch({
      'PUT /api/hassio_ingress/tok/api/maintenance': [200, { active: true, minutes: 60 }],
      'DELETE /api/hassio_ingress/tok/api/maintenance': [200, { ended_by: 'user' }],
    });
    const source = new HttpIncidentSource({ base, fetch: fetcher });
    expect(await source.startMaintenance(60)).toEqual({ active: true, minutes: 60 });
    expect(await source.endMaintenance()).toEqual({ ended_by: 'user' });
    expect(seen).toEqual([
      'PUT /api/hassio_ingress/tok/api/maintenance {"minutes":60,"surface":"panel"}',
      'DELETE /api/hassio_ingress/tok/api/maintenance',
    ]);
  });

  it('saves an incident as a rule', async () => {
    const { fetcher, seen } = fakeFetch({
      'POST /api/hassio_ingress/tok/api/incidents/i1/rule': [201, { rule: { id: 'from-i1' } }],
    });
    const source = new HttpIncidentSource({ base, fetch: fetcher });
    expect(await source.saveRule('i1')).toEqual({ id: 'from-i1' });
    expect(await source.saveRule('i1', 'mine')).toEqual({ id: 'from-i1' });
    expect(seen).toEqual([
      'POST /api/hassio_ingress/tok/api/incidents/i1/rule {}',
      'POST /api/hassio_ingress/tok/api/incidents/i1/rule {"id":"mine"}',
    ]);
  });

  it('turns HTTP errors into kinds, with the sidecar’s message', async () => {
    const { fetcher } = fakeFetch({
      'GET /api/hassio_ingress/tok/api/incidents/gone': [404, { error: 'no incident gone' }],
      'POST /api/hassio_ingress/tok/api/actions/p1/approve': [409, { error: 'cooldown' }],
      'GET /api/hassio_ingress/tok/api/actions/pending': [
        503,
        { error: 'Home Assistant is not connected' },
      ],
    });
    const source = new HttpIncidentSource({ base, fetch: fetcher });
    await expect(source.incident('gone')).rejects.toMatchObject({
      kind: 'not_found',
      message: 'no incident gone',
    });
    await expect(source.approve('p1')).rejects.toMatchObject({
      kind: 'conflict',
      message: 'cooldown',
    });
    await expect(source.proposals()).rejects.toMatchObject({ kind: 'offline' });
    const down = new HttpIncidentSource({
      base,
      fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch,
    });
    await expect(down.status()).rejects.toMatchObject({ kind: 'offline' });
  });
});

describe('incidentChanges', () => {
  const inc = (id: string, status: Incident['status'], occurrences = 1) =>
    ({
      id,
      status,
      occurrences,
      severity: 'error',
      title: id,
      integration: null,
      category: 'other',
      remedy: null,
      confidence: null,
    }) as unknown as Incident;

  it('reports opened, updated, resolved and dismissed incidents between two polls', () => {
    const before = new Map([
      ['a', inc('a', 'open')],
      ['b', inc('b', 'open')],
      ['c', inc('c', 'open')],
      ['d', inc('d', 'open')],
    ]);
    const after = new Map([
      ['a', inc('a', 'open')],
      ['b', inc('b', 'open', 2)],
      ['c', inc('c', 'resolved')],
      ['d', inc('d', 'dismissed')],
      ['e', inc('e', 'open')],
    ]);
    const changes = incidentChanges(before, after).map((e) =>
      e.kind === 'incident' ? `${e.data.incident_id}:${e.data.change}` : '',
    );
    expect(changes).toEqual(['b:updated', 'c:resolved', 'd:dismissed', 'e:opened']);
  });
});
