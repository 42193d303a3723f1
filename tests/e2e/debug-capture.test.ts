/**
 * Debug capture end to end against the real dev Home Assistant: fault_lab logs errors, an
 * incident opens, capture_debug_log is approved; fault_lab logs at debug level during the
 * window (its hub poll names an API key), the sidecar is stopped and started again meanwhile,
 * and when the window is over the lines are in the incident's evidence, redacted, and the
 * level is what it was. The upstream report quotes them and points at fault_lab's tracker.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../sidecar/src/config.js';
import { createLogger } from '../../sidecar/src/log.js';
import { Sidecar } from '../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../sidecar/test/helpers/pipeline.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';

/** fault_lab's pretend hub key: only its debug lines name it. */
const HUB_API_KEY = 'fl-debug-4f9c2e71b8a34d0e';

let env: HaEnv;
let socket: HaSocket;
const running: Sidecar[] = [];

interface Proposal {
  id: string;
  incident_id: string;
  action_id: string;
  params: Record<string, unknown>;
  preview: { summary: string; backup: string | null; rollback: string };
}

interface Finished {
  result: { outcome: string } | null;
  execution: { steps: { step: string; status: string; detail: string }[] } | null;
}

interface Report {
  title: string;
  body: string;
  issue_tracker: string | null;
  new_issue_url: string | null;
  search_url: string | null;
}

function settings(dir: string): Settings {
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, 'mode: approve\nactions:\n  capture_debug_log: {cooldown_s: 0}\n');
  return testSettings(
    {
      haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
      haToken: env.HA_TOKEN,
      policyFile,
      thresholds: { ...THRESHOLDS, verifyMaxWaitS: 8, revertAfterS: 20 },
    },
    dir,
  );
}

async function startSidecar(s: Settings): Promise<Sidecar> {
  const sidecar = new Sidecar(s, createLogger('error'));
  running.push(sidecar);
  await sidecar.start();
  await sidecar.connect();
  return sidecar;
}

async function stopSidecar(sidecar: Sidecar): Promise<void> {
  running.splice(running.indexOf(sidecar), 1);
  await sidecar.executor.idle();
  await sidecar.stop();
}

async function api<T>(sidecar: Sidecar, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sidecar.apiAddress}${path}`, {
    method,
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** fault_lab's level as Home Assistant's logger integration reports it (`logger/log_info`). */
async function reportedLevel(): Promise<number | undefined> {
  const info = await socket.command<{ domain: string; level: number }[]>({
    type: 'logger/log_info',
  });
  return info.find((i) => i.domain === 'fault_lab')?.level;
}

/** The level fault_lab's coordinator logs at, as Python's logging module has it. */
async function coordinatorLevel(): Promise<string> {
  const res = await haRest<{ service_response: { effective: string } }>(
    env,
    'POST',
    '/api/services/fault_lab/logger_level?return_response',
    { logger: 'coordinator' },
  );
  return res.service_response.effective;
}

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  await callService(env, 'system_log', 'clear');
});

afterEach(async () => {
  for (const s of [...running]) await stopSidecar(s);
  await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
});

afterAll(() => socket.close());

describe('capture_debug_log', () => {
  it('captures fault_lab’s debug lines redacted into the evidence, sets the level back across a restart, and the report quotes them', async () => {
    const before = await reportedLevel();
    expect(await coordinatorLevel()).toBe('INFO');
    const dir = tempDir('llm-ops-capture-');
    const first = await startSidecar(settings(dir));
    await callService(env, 'fault_lab', 'set_fault', { mode: 'log_error' });
    const incident = await eventually(
      async () =>
        Promise.resolve(
          first.journal
            .listIncidents({ integration: 'fault_lab', active: true }, 20, 0)
            .items.at(0),
        ),
      45_000,
      'an incident of fault_lab',
    );

    // The parameters are checked in code, also when a person proposes.
    const tooLong = await api<{ error: string }>(first, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'capture_debug_log',
      params: { seconds: 3600 },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toContain('seconds must be a whole number from 30 to 600');

    const proposed = await api<{ proposal: Proposal }>(first, 'POST', '/api/actions/propose', {
      incident_id: incident.id,
      action_id: 'capture_debug_log',
      params: { seconds: 30 },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const proposal = proposed.body.proposal;
    expect(proposal.params).toEqual({ integration: 'fault_lab', seconds: 30 });
    expect(proposal.preview.backup).toBeNull();
    expect(proposal.preview.summary).toContain('fault_lab at debug level for 30 s');

    const approved = await api(first, 'POST', `/api/actions/${proposal.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const applied = await eventually(
      async () => {
        const { body } = await api<Finished>(first, 'GET', `/api/actions/${proposal.id}`);
        return body.result ? body : undefined;
      },
      60_000,
      'the capture to start',
    );
    expect(applied.result?.outcome).toBe('succeeded');
    // Debug logging is on now: Home Assistant reports it, and the coordinator logs at debug.
    expect(await reportedLevel()).toBe(10);
    expect(await coordinatorLevel()).toBe('DEBUG');

    // The sidecar stops mid-capture; the one after it ends the capture when its time is up.
    await stopSidecar(first);
    const second = await startSidecar(settings(dir));
    const ended = await eventually(
      async () => {
        const { body } = await api<Finished>(second, 'GET', `/api/actions/${proposal.id}`);
        return body.execution?.steps.find((s) => s.step === 'rollback');
      },
      90_000,
      'the capture to end',
    );
    expect(ended.status, ended.detail).toBe('succeeded');
    expect(ended.detail).toMatch(/\d+ lines of fault_lab captured into the evidence/);
    expect(await reportedLevel()).toBe(before);
    expect(await coordinatorLevel()).toBe('INFO');

    // The lines are in the incident's evidence, redacted: the hub's key never made it in.
    const detail = await api<{ debug_captures: { integration: string; lines: string[] }[] }>(
      second,
      'GET',
      `/api/incidents/${incident.id}`,
    );
    expect(detail.body.debug_captures.map((c) => c.integration)).toEqual(['fault_lab']);
    const lines = detail.body.debug_captures[0]?.lines ?? [];
    expect(lines.some((l) => l.includes('DEBUG') && l.includes('Polling hub at'))).toBe(true);
    expect(lines.join('\n')).not.toContain(HUB_API_KEY);
    expect(lines.every((l) => l.includes('fault_lab'))).toBe(true);

    // Analysed again, the incident's evidence bundle holds them as DEBUG lines.
    expect((await api(second, 'POST', `/api/incidents/${incident.id}/reanalyze`, {})).status).toBe(
      200,
    );
    const analysed = await api<{ bundle: { log_lines: { level: string; text: string }[] } }>(
      second,
      'GET',
      `/api/incidents/${incident.id}`,
    );
    const debugLines = analysed.body.bundle.log_lines.filter((l) => l.level === 'DEBUG');
    expect(debugLines.some((l) => l.text.includes('Polling hub at'))).toBe(true);
    expect(JSON.stringify(analysed.body.bundle)).not.toContain(HUB_API_KEY);

    // The report quotes them, for fault_lab's own tracker.
    const report = await api<Report>(
      second,
      'GET',
      `/api/incidents/${incident.id}/upstream-report`,
    );
    expect(report.status).toBe(200);
    expect(report.body.body).toContain('Polling hub at');
    expect(report.body.body).toContain('Fault Lab (`fault_lab`) version 0.1.0, custom integration');
    expect(report.body.body).not.toContain(HUB_API_KEY);
    expect(report.body.issue_tracker).toBe('https://github.com/ha-llm-ops/ha-llm-ops/issues');
    const link = new URL(report.body.new_issue_url ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(
      'https://github.com/ha-llm-ops/ha-llm-ops/issues/new',
    );
    expect(link.searchParams.get('body')).toContain('Polling hub at');
    expect(report.body.search_url).toMatch(
      /^https:\/\/github\.com\/ha-llm-ops\/ha-llm-ops\/issues\?q=is%3Aissue/,
    );
  });
});
