/**
 * `GET /api/summary`: the integration's one request per refresh, answered from a
 * summary the sidecar keeps ready. It shows each change: an incident opening and
 * resolving, a proposal waiting, the mode switched; and it is not rebuilt per
 * request while nothing changed.
 */
import * as v from 'valibot';
import {
  ActionProposal,
  Incident,
  Summary,
  type IncidentDetail,
  type Status,
} from '@ha-llm-ops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusService } from '../../src/api/status.js';
import { ReadySummary } from '../../src/api/summary.js';
import { Incidents } from '../../src/incidents.js';
import { createLogger } from '../../src/log.js';
import { Sidecar } from '../../src/sidecar.js';
import { VERSION } from '../../src/version.js';
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

async function summary(): Promise<Summary> {
  const res = await fetch(`${base}/api/summary`, { headers: auth });
  expect(res.status).toBe(200);
  // Parsed with the contract: the answer is what docs/openapi.json says.
  return v.parse(Summary, await res.json());
}

async function status(): Promise<Status> {
  return (await (await fetch(`${base}/api/status`, { headers: auth })).json()) as Status;
}

function waitingProposal(incidentId: string): void {
  sidecar.proposals.addProposal({
    id: 'prp_summary',
    incident_id: incidentId,
    action_id: 'reload_config_entry',
    params: { entry_id: 'entry_hub' },
    target: 'entry_hub',
    status: 'proposed',
    risk: 'low',
    rationale: 'The hub is back; reload it.',
    preview: {
      label: 'Reload the integration entry',
      summary: 'Reload hue',
      precondition: '',
      backup: null,
      verification: [],
      rollback: '',
      track_record: null,
    },
    proposed_by: 'offline',
    created_at: new Date().toISOString(),
    expires_at: null,
    decided_at: null,
    decided_by: null,
  });
  sidecar.lifecycle.followProposals(incidentId);
}

describe('GET /api/summary', () => {
  it('needs the token', async () => {
    expect((await fetch(`${base}/api/summary`)).status).toBe(401);
  });

  it('says what the sidecar is, and that nothing is wrong yet', async () => {
    const body = await summary();
    expect(body).toMatchObject({
      service: 'ha-llm-ops',
      version: VERSION,
      ha: { connected: false, version: null },
      active: { items: [], total: 0 },
      last_incident: null,
      proposals: [],
    });
    expect(body.status.counts).toEqual({ open: 0, awaiting_approval: 0 });
    expect(body.outcomes).toEqual(
      await (await fetch(`${base}/api/outcomes`, { headers: auth })).json(),
    );
  });

  it('shows an incident once it opens, a proposal once it waits, the mode once switched, and the incident gone once it resolves', async () => {
    sidecar.correlator.emit(
      signal({ integration: 'hue', message: 'Bridge at 192.0.2.5 timed out' }),
    );
    const opened = await summary();
    expect(opened.active.total).toBe(1);
    const incident = v.parse(Incident, opened.active.items[0]);
    expect(incident.integration).toBe('hue');
    expect(opened.last_incident?.id).toBe(incident.id);
    expect(opened.status.counts).toEqual({ open: 1, awaiting_approval: 0 });
    // What its Repairs issue says comes along: HA's start asks for no analysis apart.
    const detail = (await (
      await fetch(`${base}/api/incidents/${incident.id}`, { headers: auth })
    ).json()) as IncidentDetail;
    expect(detail.analysis).not.toBeNull();
    expect(opened.explanations).toEqual({
      [incident.id]: {
        root_cause: detail.analysis?.root_cause,
        remedy: detail.analysis?.remedy,
        manual_steps: detail.analysis?.manual_steps,
      },
    });

    waitingProposal(incident.id);
    const waiting = await summary();
    expect(waiting.proposals.map((p) => v.parse(ActionProposal, p).id)).toEqual(['prp_summary']);
    expect(waiting.active.items[0]?.status).toBe('awaiting_approval');
    expect(waiting.status.counts).toEqual({ open: 1, awaiting_approval: 1 });
    // The status endpoint counts from the same ready summary.
    expect((await status()).counts).toEqual({ open: 1, awaiting_approval: 1 });

    const mode = await fetch(`${base}/api/mode`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'approve' }),
    });
    expect(mode.status).toBe(200);
    expect((await summary()).status.mode).toBe('approve');

    sidecar.proposals.transition('prp_summary', ['proposed'], 'expired');
    sidecar.lifecycle.resolve(incident.id, 'the bridge answers again', 'resolved_itself');
    const resolved = await summary();
    expect(resolved.active).toEqual({ items: [], total: 0 });
    expect(resolved.proposals).toEqual([]);
    expect(resolved.last_incident).toMatchObject({ id: incident.id, status: 'resolved' });
    expect(resolved.status.counts).toEqual({ open: 0, awaiting_approval: 0 });
    expect((await status()).counts).toEqual({ open: 0, awaiting_approval: 0 });
  });
});

describe("an incident's explanation", () => {
  const incidents = () =>
    new Incidents(
      sidecar.journal,
      sidecar.lifecycle,
      sidecar.bundles,
      sidecar.proposals,
      sidecar.pipeline,
    );

  it('is, before any analysis, the newest thing observed and no remedy', () => {
    sidecar.correlator.emit(
      signal({ integration: 'sonos', message: 'Speaker at 192.0.2.9 stopped answering' }),
    );
    const [open] = incidents().list({ active: true, integration: 'sonos' }, 1, 0).items;
    if (!open) throw new Error('no sonos incident opened');
    sidecar.journal.db.prepare('UPDATE incidents SET analysis = NULL WHERE id = ?').run(open.id);
    const { explanations } = incidents().explained({ active: true, integration: 'sonos' }, 1, 0);
    expect(explanations[open.id]).toEqual({
      root_cause: expect.stringContaining('stopped answering') as unknown,
      remedy: null,
      manual_steps: [],
    });
  });

  it("follows an analysis announced after the incident's change, as a model's answer is", async () => {
    sidecar.correlator.emit(
      signal({ integration: 'kodi', message: 'Player at 192.0.2.7 refused the connection' }),
    );
    const [open] = incidents().list({ active: true, integration: 'kodi' }, 1, 0).items;
    if (!open) throw new Error('no kodi incident opened');
    const before = await summary(); // the ready summary now holds the offline analysis
    const offline = before.explanations[open.id];
    if (!offline) throw new Error('the summary has no explanation of the kodi incident');
    // The LLM path: the analysis recorded later, then announced to HA (which refreshes on it).
    const record = sidecar.journal.getIncident(open.id);
    if (!record?.analysis) throw new Error('the kodi incident has no analysis');
    const modelSays = 'The player turned off its remote control setting after an update.';
    const recorded = sidecar.lifecycle.recordAnalysis(
      open.id,
      { ...record.analysis, root_cause: modelSays, analyzer: 'llm' },
      null,
    );
    if (!recorded) throw new Error('the analysis was not recorded');
    sidecar.reporter.incidentChanged(recorded, 'updated');
    expect((await summary()).explanations[open.id]?.root_cause).toBe(modelSays);
  });
});

describe('the ready summary', () => {
  function ready() {
    const open: Incident[] = [];
    const listeners: (() => void)[] = [];
    let built = 0;
    const fakeStatus = {
      status: (counts?: Status['counts']) => ({ counts }) as Status,
      setMode: () => undefined,
    } satisfies StatusService;
    const list = (filter: { active?: boolean; status?: unknown }) => {
      if (filter.active) built += 1;
      const items = filter.status ? [] : open;
      return { items: items.slice(0, 1), total: items.length };
    };
    const summary = new ReadySummary({
      incidents: { list, explained: (filter) => ({ ...list(filter), explanations: {} }) },
      learning: {
        outcomeStats: () =>
          ({ total: 0 }) as unknown as ReturnType<ReadySummary['parts']>['outcomes'],
      },
      actions: { pending: () => [] },
      status: fakeStatus,
      version: 'test',
      haStatus: () => ({ connected: true, version: '2026.11.0' }),
      changes: [(l) => listeners.push(l)],
    });
    return { summary, open, built: () => built, announce: () => listeners.forEach((l) => l()) };
  }

  it('is built once, not per request, while nothing changes', () => {
    const r = ready();
    const first = r.summary.summary();
    const second = r.summary.summary();
    expect(r.built()).toBe(1);
    expect(second.active).toBe(first.active);
  });

  it('is built afresh after a change is announced, and shows it', () => {
    const r = ready();
    expect(r.summary.summary().status.counts.open).toBe(0);
    r.open.push({ id: 'inc_1' } as Incident);
    // Unannounced, the ready summary stands.
    expect(r.summary.summary().status.counts.open).toBe(0);
    r.announce();
    const after = r.summary.summary();
    expect(after.status.counts.open).toBe(1);
    expect(after.last_incident?.id).toBe('inc_1');
    expect(r.built()).toBe(2);
  });
});
