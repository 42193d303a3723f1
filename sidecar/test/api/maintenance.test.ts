import * as v from 'valibot';
import { MaintenanceState, MaintenanceSummary } from '@ha-llm-ops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Sidecar } from '../../src/sidecar.js';
import { signal, testSettings } from '../helpers/pipeline.js';

const settings = testSettings();
const auth = { authorization: `Bearer ${String(settings.apiToken)}` };
const sidecar = new Sidecar(settings, createLogger('error'));
let base: string;

beforeAll(async () => {
  await sidecar.start();
  base = sidecar.apiAddress;
});
afterAll(() => sidecar.stop());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('/api/maintenance', () => {
  it('starts, shows in the status, extends and ends with one summary', async () => {
    const started = await call('PUT', '/api/maintenance', {
      minutes: 60,
      started_by: 'Ada',
      surface: 'panel',
    });
    expect(started.status).toBe(200);
    const state = v.parse(MaintenanceState, started.body);
    expect(state).toMatchObject({ active: true, minutes: 60, started_by: 'Ada', surface: 'panel' });

    sidecar.correlator.emit(signal({ integration: 'hue', message: 'Bridge timed out' }));
    const status = await call('GET', '/api/status');
    expect(status.body.maintenance).toMatchObject({ active: true, failed_count: 1 });
    expect((await call('GET', '/api/incidents')).body.total).toBe(0);

    const extended = await call('POST', '/api/maintenance/extend', { minutes: 30 });
    expect(Date.parse(String(extended.body.until))).toBeGreaterThan(Date.parse(state.until ?? ''));

    const ended = await call('DELETE', '/api/maintenance');
    expect(ended.status).toBe(200);
    const summary = v.parse(MaintenanceSummary, ended.body);
    expect(summary).toMatchObject({ ended_by: 'user', failed_count: 1, started_by: 'Ada' });
    expect(summary.failures[0]?.integration).toBe('hue');
    expect((await call('GET', '/api/maintenance')).body).toMatchObject({
      active: false,
      last_summary: summary,
    });
  });

  it('refuses to end or extend what is not on, and bad durations', async () => {
    expect((await call('DELETE', '/api/maintenance')).status).toBe(409);
    expect((await call('POST', '/api/maintenance/extend', { minutes: 5 })).status).toBe(409);
    const bad = await call('PUT', '/api/maintenance', { minutes: 0 });
    expect(bad).toMatchObject({ status: 400, body: { field: 'minutes' } });
    expect((await call('PUT', '/api/maintenance', { minutes: 1441 })).status).toBe(400);
  });
});
