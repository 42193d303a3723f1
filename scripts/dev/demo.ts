/**
 * `npm run demo`: a newcomer's first incident, in under a minute. With `npm start`
 * running, it sets up the llm_ops integration through Home Assistant's REST config
 * flow against the running sidecar, then puts one fault in place (fault_lab
 * `not_ready`, and a reload of its entry), waits for the incident, its root cause
 * and a proposal, and prints them and where to look.
 *
 *   npm run demo            set up, break, show
 *   npm run demo -- --fix   take the fault away and approve the proposal: backup, reload, verify
 *   npm run demo -- --heal  only take the fault away (then approve in the panel yourself)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEV_DIR,
  ENV_FILE,
  type HaEnv,
  HaDevError,
  readHaEnv,
} from '../../tests/harness/ha-dev.js';
import type { Incident, IncidentDetail } from '@ha-llm-ops/contracts';

const SIDECAR_FILE = join(DEV_DIR, 'sidecar.json');
const WAIT_MS = 60_000;

interface Sidecar {
  url: string;
  token: string;
}

interface FlowResult {
  type: string;
  flow_id?: string;
  step_id?: string;
  errors?: Record<string, string> | null;
  reason?: string;
  result?: { entry_id: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line = '') => console.log(line);

/** The sidecar `npm start` runs: from .ha-dev/sidecar.json, else the same defaults start.ts uses. */
function sidecarOf(): Sidecar {
  try {
    return JSON.parse(readFileSync(SIDECAR_FILE, 'utf8')) as Sidecar;
  } catch {
    return {
      url: `http://127.0.0.1:${process.env.LLM_OPS_PORT ?? '8099'}`,
      token: process.env.LLM_OPS_API_TOKEN ?? 'dev-api-token-0123456789',
    };
  }
}

async function ha<T>(env: HaEnv, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.HA_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${env.HA_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new HaDevError(`Home Assistant ${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function api<T>(sidecar: Sidecar, path: string): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  if (!res.ok) throw new HaDevError(`sidecar GET ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Poll until `probe` returns a value, or give up with `what` after `ms`. */
async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new HaDevError(`timed out waiting for ${what}`);
    await sleep(1000);
  }
}

/** The sidecar answers, accepts the token and is connected to the dev HA. */
async function checkSidecar(sidecar: Sidecar): Promise<void> {
  try {
    await fetch(`${sidecar.url}/api/health`);
  } catch {
    throw new HaDevError(`no sidecar at ${sidecar.url}: run npm start first (and keep it running)`);
  }
  await until('the sidecar to connect to Home Assistant', 30_000, async () => {
    const res = await fetch(`${sidecar.url}/api/health`, {
      headers: { authorization: `Bearer ${sidecar.token}` },
    });
    if (res.status === 401)
      throw new HaDevError(`the sidecar at ${sidecar.url} rejects the token in ${SIDECAR_FILE}`);
    const health = (await res.json()) as { ha: { connected: boolean } };
    return health.ha.connected ? true : undefined;
  });
}

/** Set up the llm_ops integration through HA's REST config flow (once). */
async function setUpIntegration(env: HaEnv, sidecar: Sidecar): Promise<void> {
  const entries = await ha<{ entry_id: string; state: string }[]>(
    env,
    'GET',
    '/api/config/config_entries/entry?domain=llm_ops',
  );
  if (entries[0]) {
    say(`  integration     already set up (${entries[0].state})`);
    return;
  }
  let flow = await ha<FlowResult>(env, 'POST', '/api/config/config_entries/flow', {
    handler: 'llm_ops',
  });
  if (flow.type === 'form' && flow.step_id === 'user' && flow.flow_id) {
    flow = await ha<FlowResult>(env, 'POST', `/api/config/config_entries/flow/${flow.flow_id}`, {
      url: sidecar.url,
      token: sidecar.token,
    });
  }
  if (flow.type !== 'create_entry') {
    const why = flow.errors ? JSON.stringify(flow.errors) : (flow.reason ?? flow.type);
    throw new HaDevError(`the llm_ops config flow did not create an entry: ${why}`);
  }
  say(`  integration     set up through the config flow, connected to ${sidecar.url}`);
}

async function faultLabEntry(env: HaEnv): Promise<string> {
  const entries = await ha<{ entry_id: string }[]>(
    env,
    'GET',
    '/api/config/config_entries/entry?domain=fault_lab',
  );
  const entry = entries[0];
  if (!entry)
    throw new HaDevError('the dev HA has no fault_lab entry; run npm run ha:down && npm start');
  return entry.entry_id;
}

/** Set a fault_lab fault; reload its entry so a setup fault takes effect at once. */
async function setFault(env: HaEnv, mode: string, reload: boolean): Promise<void> {
  await ha(env, 'POST', '/api/services/fault_lab/set_fault', { mode });
  if (reload) {
    const entryId = await faultLabEntry(env);
    await ha(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
  }
}

async function post<T>(sidecar: Sidecar, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${sidecar.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sidecar.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new HaDevError(`sidecar POST ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Heal fault_lab and approve the incident's pending proposal, then follow the execution. */
async function fix(sidecar: Sidecar, env: HaEnv): Promise<void> {
  const page = await api<{ items: Incident[] }>(
    sidecar,
    '/api/incidents?active=true&integration=fault_lab&limit=1',
  );
  const incident = page.items[0];
  if (!incident) throw new HaDevError('no open fault_lab incident: run npm run demo first');
  const detail = await api<IncidentDetail>(sidecar, `/api/incidents/${incident.id}`);
  const proposal = detail.proposals.find((p) => p.status === 'proposed');
  if (!proposal) throw new HaDevError(`incident ${incident.id} has no pending proposal`);
  // The cause goes away first (the "device" answers again); the reload then sets it up at once.
  await setFault(env, 'none', false);
  say('  fault_lab       healthy again (the entry still waits for its next retry)');
  await post(sidecar, `/api/actions/${proposal.id}/approve`, { decided_by: 'npm run demo' });
  say(`  Approved        ${proposal.action_id} (${proposal.id})`);
  interface Execution {
    proposal: { status: string };
    execution: { steps: { step: string; status: string; detail: string }[] } | null;
  }
  const done = await until('the execution to finish', 120_000, async () => {
    const e = await api<Execution>(sidecar, `/api/actions/${proposal.id}`);
    return ['succeeded', 'failed', 'rolled_back', 'interrupted'].includes(e.proposal.status)
      ? e
      : undefined;
  });
  for (const step of done.execution?.steps ?? [])
    say(`  ${step.step.padEnd(15)} ${step.status}: ${step.detail}`);
  const after = await api<IncidentDetail>(sidecar, `/api/incidents/${incident.id}`);
  say(`  Outcome         ${done.proposal.status}; incident ${after.incident.status}\n`);
}

function show(env: HaEnv, sidecar: Sidecar, detail: IncidentDetail, seconds: number): void {
  const { incident, analysis, proposals } = detail;
  say();
  say(`  After ${seconds} s:`);
  say(`  Incident        ${incident.title}`);
  say(
    `                  ${incident.severity} · ${incident.category} · ${incident.status}` +
      (incident.confidence === null ? '' : ` · confidence ${incident.confidence.toFixed(2)}`),
  );
  if (analysis) {
    say(`  Root cause      ${analysis.root_cause}`);
    say(`  Impact          ${analysis.impact}`);
    if (incident.remedy) say(`  Remedy          ${incident.remedy.replaceAll('_', ' ')}`);
    for (const step of analysis.manual_steps.slice(0, 2)) say(`  Step            ${step}`);
  } else {
    say('  Root cause      (no analysis yet; the panel shows it as soon as there is one)');
  }
  for (const p of proposals)
    say(`  Proposal        ${p.action_id} (${p.status}): ${p.preview.summary}`);
  if (proposals.length === 0) say('  Proposal        (none yet)');
  say(`
  Where to look
    Panel          ${env.HA_URL}/llm-ops   (sidebar "LLM Ops"; log in with .ha-dev/env)
    Entities       sensor.llm_ops_last_incident, sensor.llm_ops_open_incidents, select.llm_ops_mode
    Repairs        ${env.HA_URL}/config/repairs   (incidents of severity error and above)
    Sidecar API    ${sidecar.url}/api/incidents/${incident.id}   (Bearer ${sidecar.token})

  Then             approve the proposal in the panel after npm run demo -- --heal (which takes
                   the fault away), or let npm run demo -- --fix do both: the sidecar backs up,
                   reloads, verifies and resolves the incident.
`);
}

async function main(): Promise<number> {
  const heal = process.argv.includes('--heal');
  const repair = process.argv.includes('--fix');
  if (!existsSync(ENV_FILE))
    throw new HaDevError('the dev Home Assistant is not running: run npm start first');
  const env = readHaEnv();
  const sidecar = sidecarOf();
  say(`\n  Home Assistant  ${env.HA_URL}`);
  if (heal) {
    await setFault(env, 'none', false);
    say('  fault_lab       healthy again; approve the reload in the panel before Home Assistant');
    say('                  retries by itself (within about a minute)\n');
    return 0;
  }
  await checkSidecar(sidecar);
  say(`  Sidecar         ${sidecar.url} (connected)`);
  if (repair) {
    await fix(sidecar, env);
    return 0;
  }
  await setUpIntegration(env, sidecar);

  const started = Date.now();
  await setFault(env, 'not_ready', true);
  say('  fault_lab       now fails its setup (ConfigEntryNotReady); entry reloaded');

  const incident = await until('an incident about fault_lab', WAIT_MS, async () => {
    const page = await api<{ items: Incident[] }>(
      sidecar,
      '/api/incidents?active=true&integration=fault_lab&limit=1',
    );
    return page.items[0];
  });
  // The analysis comes with the incident; the proposal follows from the planner.
  const left = Math.max(5_000, WAIT_MS - (Date.now() - started));
  await until('its analysis and proposal', left, async () => {
    const d = await api<IncidentDetail>(sidecar, `/api/incidents/${incident.id}`);
    return d.analysis && d.proposals.length ? d : undefined;
  }).catch(() => undefined); // show whatever there is
  const detail = await api<IncidentDetail>(sidecar, `/api/incidents/${incident.id}`);
  show(env, sidecar, detail, Math.round((Date.now() - started) / 1000));
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`demo: ${err instanceof HaDevError ? err.message : String(err)}`);
  process.exitCode = 1;
}
