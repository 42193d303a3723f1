/**
 * The learning endpoints over a whole in-process sidecar: marking a false alarm,
 * listing and undoing what is kept quiet, and the outcome figures, each matching
 * the contracts.
 */
import { Incident, LearnedQuiet, OutcomeStats, Suppression } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Sidecar } from '../../src/sidecar.js';
import { signal, testSettings } from '../helpers/pipeline.js';

const settings = testSettings();
const auth = { authorization: `Bearer ${String(settings.apiToken)}` };
const sidecar = new Sidecar(settings, createLogger('error'));
let base: string;

const hueTimeout = (at: string) =>
  signal({ observed_at: at, integration: 'hue', message: 'Bridge at 192.0.2.5 timed out' });

beforeAll(async () => {
  await sidecar.start();
  base = sidecar.apiAddress;
  sidecar.correlator.emit(hueTimeout(new Date().toISOString()));
});

afterAll(() => sidecar.stop());

const call = (method: string, path: string, body?: unknown, headers = auth) =>
  fetch(`${base}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const hueIncidents = () => sidecar.journal.listIncidents({ integration: 'hue' }, 10, 0).items;

describe('POST /api/incidents/:id/false-alarm', () => {
  it.each([
    [{ reason: 'x'.repeat(501) }, 'reason'],
    [{ decided_by: 7 }, 'decided_by'],
    [{ quiet: true }, 'quiet'],
  ])('rejects %j with a 400 naming the field, changing nothing', async (body, field) => {
    const [open] = hueIncidents();
    const res = await call('POST', `/api/incidents/${open?.id}/false-alarm`, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe(field);
    expect(sidecar.journal.getIncident(String(open?.id))?.status).toBe('open');
  });

  it('needs the token', async () => {
    const [open] = hueIncidents();
    expect(
      (await call('POST', `/api/incidents/${open?.id}/false-alarm`, {}, {} as typeof auth)).status,
    ).toBe(401);
    expect(sidecar.journal.getIncident(String(open?.id))?.status).toBe('open');
  });

  it('answers an unknown id with 404', async () => {
    expect((await call('POST', '/api/incidents/inc_missing/false-alarm', {})).status).toBe(404);
  });

  it('closes the incident with its outcome; the same failure then opens at info', async () => {
    const [open] = hueIncidents();
    const res = await call('POST', `/api/incidents/${open?.id}/false-alarm`, {
      reason: 'the bridge reboots nightly',
      decided_by: 'Ada',
    });
    expect(res.status).toBe(200);
    const { incident } = (await res.json()) as { incident: unknown };
    const parsed = v.parse(Incident, incident);
    expect(parsed.status).toBe('dismissed');
    expect(parsed.outcome).toMatchObject({
      outcome: 'false_alarm',
      integration: 'hue',
      decided_by: 'Ada',
    });

    sidecar.correlator.emit(hueTimeout(new Date().toISOString()));
    const again = sidecar.journal.listIncidents({ integration: 'hue', active: true }, 10, 0);
    expect(again.items.map((i) => i.severity)).toEqual(['info']);
    const listed = (await (await call('GET', '/api/incidents?active=true')).json()) as {
      items: unknown[];
    };
    expect(v.parse(Incident, listed.items[0]).outcome).toBeNull();
  });
});

describe('/api/suppressions and /api/outcomes', () => {
  it('list the false alarm and count it in the rate', async () => {
    const { items } = (await (await call('GET', '/api/suppressions')).json()) as {
      items: unknown[];
    };
    expect(items.map((s) => v.parse(Suppression, s))).toMatchObject([
      { kind: 'false_alarm', integration: 'hue', reason: 'the bridge reboots nightly' },
    ]);
    const stats = v.parse(OutcomeStats, await (await call('GET', '/api/outcomes')).json());
    expect(stats).toMatchObject({ closed: 1, false_alarms: 1, false_alarm_rate: 1 });
  });

  it('undo a false alarm: gone from the list and from the rate; unknown ones are a 404', async () => {
    const [first] = (
      (await (await call('GET', '/api/suppressions')).json()) as { items: Suppression[] }
    ).items;
    const res = await call('DELETE', `/api/suppressions/${first?.incident_id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    const stats = v.parse(OutcomeStats, await (await call('GET', '/api/outcomes')).json());
    expect(stats).toMatchObject({ closed: 1, false_alarms: 0, false_alarm_rate: 0 });
    const again = await call('DELETE', `/api/suppressions/${first?.incident_id}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: string }).error).toMatch(/nothing is kept quiet/);
  });
});

describe('/api/learned-quiet', () => {
  /** A plug seen going off and coming back by itself at this time of day on the last 3 days. */
  const learnPlug = (key: string) => {
    for (const daysAgo of [1, 2, 3]) {
      const start = Date.now() - daysAgo * 86_400_000;
      sidecar.lifecycle.quiet.recordQuiet({
        source: 'entities',
        key,
        title: `${key} is unavailable`,
        integration: 'tplink',
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(start + 1_800_000).toISOString(),
      });
    }
  };
  const items = async (res: Response) => {
    expect(res.status).toBe(200);
    return v.parse(v.object({ items: v.array(LearnedQuiet) }), await res.json()).items;
  };

  it('lists what was learned, matching the contract, and needs the token', async () => {
    learnPlug('device:plug1');
    const [item] = await items(await call('GET', '/api/learned-quiet'));
    expect(item).toMatchObject({
      id: 'entities:device:plug1',
      source: 'entities',
      key: 'device:plug1',
      integration: 'tplink',
      days: 3,
    });
    expect(item?.windows).toHaveLength(1);
    expect((await call('GET', '/api/learned-quiet', undefined, {} as typeof auth)).status).toBe(
      401,
    );
    expect((await call('DELETE', '/api/learned-quiet', undefined, {} as typeof auth)).status).toBe(
      401,
    );
  });

  it('resets one subject, answers 404 for one never learned, and resets all', async () => {
    learnPlug('device:plug2');
    const left = await items(
      await call('DELETE', `/api/learned-quiet/${encodeURIComponent('entities:device:plug1')}`),
    );
    expect(left.map((i) => i.id)).toEqual(['entities:device:plug2']);
    expect((await call('DELETE', '/api/learned-quiet/entities:device:nothing')).status).toBe(404);
    expect(await items(await call('DELETE', '/api/learned-quiet'))).toEqual([]);
    expect(await items(await call('GET', '/api/learned-quiet'))).toEqual([]);
  });
});
