/**
 * The llm_ops integration end to end: the real dev HA and the real sidecar
 * watching it. Set up through HA's config flow REST API, the integration shows
 * the sidecar's entities, registers its panel and cards, turns a logged error
 * into a Repairs issue and a non-zero open-incidents sensor, loads without a
 * warning in HA's log, and the notify-and-approve blueprint loads in HA.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DIR, LOG_FILE, readHaEnv, REPO, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

interface HaState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

interface RepairsIssue {
  domain: string;
  issue_id: string;
  issue_domain: string | null;
  severity: string;
  translation_key: string;
  translation_placeholders: Record<string, string> | null;
}

const ENTITIES = [
  'sensor.llm_ops_open_incidents',
  'sensor.llm_ops_incidents_awaiting_approval',
  'sensor.llm_ops_last_incident',
  'binary_sensor.llm_ops_sidecar',
  'select.llm_ops_mode',
];
const BLUEPRINT = 'llm_ops/llm_ops_notify_approve.yaml';
const BLUEPRINT_DIR = join(CONFIG_DIR, 'blueprints/automation/llm_ops');
const AUTOMATION_ID = 'llm_ops_e2e_blueprint';

let env: HaEnv;
let sidecar: SidecarProcess;
let socket: HaSocket;
let entryId: string | undefined;
let logOffset = 0;

/** A policy that lets the fix below run now (no cooldown from earlier suites' reloads). */
function policyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-integration-policy-'));
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, 'mode: approve\nactions:\n  reload_config_entry: {cooldown_s: 0}\n');
  return file;
}

const state = (entityId: string) => haRest<HaState>(env, 'GET', `/api/states/${entityId}`);

/** Lines HA logged since the integration was set up. */
function newLogLines(): string[] {
  return readFileSync(LOG_FILE, 'utf8').slice(logOffset).split('\n');
}

async function removeLlmOpsEntries(): Promise<void> {
  for (const entry of await configEntries(env, 'llm_ops')) {
    await haRest(env, 'DELETE', `/api/config/config_entries/entry/${entry.entry_id}`);
  }
}

beforeAll(async () => {
  env = readHaEnv();
  await removeLlmOpsEntries();
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-integration-')),
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
    LLM_OPS_LOG_POLL_S: '2',
    LLM_OPS_POLICY: policyFile(),
  });
  await sidecar.waitForLog(/watching Home Assistant/);
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  logOffset = statSync(LOG_FILE).size;
});

afterAll(async () => {
  socket?.close();
  rmSync(BLUEPRINT_DIR, { recursive: true, force: true });
  if (env) await removeLlmOpsEntries();
  await sidecar?.stop();
});

describe('setup through the config flow', () => {
  it('creates and loads the entry with the sidecar URL and token', async () => {
    const start = await haRest<{ flow_id: string; type: string; step_id: string }>(
      env,
      'POST',
      '/api/config/config_entries/flow',
      { handler: 'llm_ops' },
    );
    expect([start.type, start.step_id]).toEqual(['form', 'user']);

    const wrong = await haRest<{ type: string; errors: Record<string, string> }>(
      env,
      'POST',
      `/api/config/config_entries/flow/${start.flow_id}`,
      { url: sidecar.url, token: 'not-the-token-not-the-token' },
    );
    expect(wrong.errors).toEqual({ base: 'invalid_auth' });

    const done = await haRest<{ type: string; result: { entry_id: string } }>(
      env,
      'POST',
      `/api/config/config_entries/flow/${start.flow_id}`,
      { url: sidecar.url, token: sidecar.token },
    );
    expect(done.type).toBe('create_entry');
    entryId = done.result.entry_id;
    const [entry] = await eventually(async () => {
      const entries = await configEntries(env, 'llm_ops');
      return entries[0]?.state === 'loaded' ? entries : undefined;
    });
    expect(entry?.entry_id).toBe(entryId);
  });

  it('shows the entities of the LLM Ops service device', async () => {
    const states = await Promise.all(ENTITIES.map(state));
    expect(states.map((s) => s.entity_id)).toEqual(ENTITIES);
    expect(states.every((s) => s.state !== 'unavailable')).toBe(true);
    expect((await state('binary_sensor.llm_ops_sidecar')).state).toBe('on');
    const mode = await state('select.llm_ops_mode');
    expect(mode.attributes.options).toEqual(['observe', 'approve', 'auto']);
    expect(Number((await state('sensor.llm_ops_open_incidents')).state)).toBeGreaterThanOrEqual(0);
  });

  it('registers the admin panel and serves the panel and card modules', async () => {
    const panels = await socket.command<
      Record<
        string,
        { component_name: string; url_path: string; require_admin: boolean; config: unknown }
      >
    >({ type: 'get_panels' });
    const panel = panels['llm-ops'];
    expect(panel).toMatchObject({ component_name: 'custom', require_admin: true });
    const custom = (panel?.config as { _panel_custom: { name: string; module_url: string } })
      ._panel_custom;
    expect(custom.name).toBe('llm-ops-panel');
    for (const url of [custom.module_url, '/llm_ops_static/llm-ops-cards.js?v=0.1.0']) {
      const res = await fetch(`${env.HA_URL}${url}`);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('customElements.define');
    }
  });
});

describe('a logged error', () => {
  it('becomes a Repairs issue for fault_lab and counts as an open incident', async () => {
    const marker = `integration e2e ${Date.now()}`;
    await callService(env, 'system_log', 'write', {
      message: `Lost the link to the bridge (${marker})`,
      level: 'error',
      logger: 'custom_components.fault_lab.x',
    });
    const issue = await eventually(
      async () => {
        const { issues } = await socket.command<{ issues: RepairsIssue[] }>({
          type: 'repairs/list_issues',
        });
        return issues.find(
          (i) =>
            i.domain === 'llm_ops' &&
            i.issue_domain === 'fault_lab' &&
            i.translation_placeholders?.title?.includes(marker),
        );
      },
      30_000,
      'the Repairs issue of the logged error',
    );
    expect(issue.severity).toBe('error');
    expect(issue.issue_id).toMatch(/^incident_inc_[0-9a-f]{32}$/);
    expect(issue.translation_placeholders?.root_cause).toBeTruthy();

    const open = await eventually(async () => {
      const s = await state('sensor.llm_ops_open_incidents');
      return Number(s.state) > 0 ? s : undefined;
    });
    expect(Number(open.state)).toBeGreaterThan(0);
    const last = await state('sensor.llm_ops_last_incident');
    expect(last.attributes.integration).toBe('fault_lab');

    // Dismiss it through the integration's action: the issue goes with it.
    await callService(env, 'llm_ops', 'dismiss', {
      incident_id: issue.issue_id.replace(/^incident_/, ''),
    });
    await eventually(async () => {
      const { issues } = await socket.command<{ issues: RepairsIssue[] }>({
        type: 'repairs/list_issues',
      });
      return issues.some((i) => i.issue_id === issue.issue_id) ? undefined : true;
    });
  });

  it('fixes a stuck entry through the Repairs fix flow: approve, then the verified outcome', async () => {
    const [fault] = await configEntries(env, 'fault_lab');
    if (!fault) throw new Error('fault_lab has no config entry');
    await callService(env, 'fault_lab', 'set_fault', { mode: 'not_ready' });
    await haRest(env, 'POST', `/api/config/config_entries/entry/${fault.entry_id}/reload`);
    try {
      // The incident's issue offers the fix once the reload is proposed.
      const issue = await eventually(
        async () => {
          const { issues } = await socket.command<{
            issues: (RepairsIssue & { is_fixable: boolean })[];
          }>({
            type: 'repairs/list_issues',
          });
          return issues.find(
            (i) =>
              i.domain === 'llm_ops' &&
              i.issue_domain === 'fault_lab' &&
              i.is_fixable &&
              i.translation_key === 'incident_fixable',
          );
        },
        30_000,
        'a fixable Repairs issue for fault_lab',
      );
      type FlowStep = {
        flow_id: string;
        type: string;
        step_id: string;
        menu_options?: string[];
        description_placeholders: Record<string, string>;
      };
      // A menu first: approve the fix, or "not a problem".
      const menu = await haRest<FlowStep>(env, 'POST', '/api/repairs/issues/fix', {
        handler: 'llm_ops',
        issue_id: issue.issue_id,
      });
      expect([menu.type, menu.step_id, menu.menu_options]).toEqual([
        'menu',
        'init',
        ['confirm', 'false_alarm'],
      ]);
      const flow = await haRest<FlowStep>(env, 'POST', `/api/repairs/issues/fix/${menu.flow_id}`, {
        next_step_id: 'confirm',
      });
      expect([flow.type, flow.step_id]).toEqual(['form', 'confirm']);
      expect(flow.description_placeholders.backup).toMatch(/configuration/);
      expect(flow.description_placeholders.verification).toMatch(/loaded/);

      // The device answers again; Submit approves.
      await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
      let step = await haRest<{ type: string; step_id?: string; progress_action?: string }>(
        env,
        'POST',
        `/api/repairs/issues/fix/${flow.flow_id}`,
        {},
      );
      const outcome = await eventually(
        async () => {
          if (step.type === 'progress') {
            step = await haRest(env, 'GET', `/api/repairs/issues/fix/${flow.flow_id}`);
            return undefined;
          }
          return step;
        },
        120_000,
        'the fix flow to finish',
      );
      expect(outcome).toMatchObject({ type: 'form', step_id: 'outcome' });
      const done = await haRest<{ type: string }>(
        env,
        'POST',
        `/api/repairs/issues/fix/${flow.flow_id}`,
        {},
      );
      expect(done.type).toBe('create_entry');
      expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
    } finally {
      await callService(env, 'fault_lab', 'set_fault', { mode: 'none' });
    }
  });

  it('left no warning or error of llm_ops in HA’s log', () => {
    const bad = newLogLines().filter(
      // Other suites' fixtures are named llm_ops_e2e_*: they are not the integration.
      (line) =>
        /\b(WARNING|ERROR|CRITICAL)\b/.test(line) &&
        /llm_ops/.test(line.replaceAll(/llm_ops_e2e\w*/g, '')),
    );
    expect(bad).toEqual([]);
  });
});

describe('the notify-and-approve blueprint', () => {
  it('loads in HA and an automation made from it is valid', async () => {
    mkdirSync(BLUEPRINT_DIR, { recursive: true });
    copyFileSync(
      join(REPO, 'docs/blueprints/llm_ops_notify_approve.yaml'),
      join(BLUEPRINT_DIR, 'llm_ops_notify_approve.yaml'),
    );
    const blueprints = await socket.command<
      Record<
        string,
        { metadata?: { name: string; input: Record<string, unknown> }; error?: string }
      >
    >({ type: 'blueprint/list', domain: 'automation' });
    const blueprint = blueprints[BLUEPRINT];
    expect(blueprint?.error).toBeUndefined();
    expect(Object.keys(blueprint?.metadata?.input ?? {}).sort()).toEqual([
      'decision_wait',
      'min_severity',
      'notify_device',
      'proposal_wait',
    ]);

    const [device] = await socket.command<{ id: string; name: string }[]>({
      type: 'config/device_registry/list',
    });
    await haRest(env, 'POST', `/api/config/automation/config/${AUTOMATION_ID}`, {
      alias: 'LLM Ops e2e blueprint',
      use_blueprint: {
        path: BLUEPRINT,
        input: { notify_device: device?.id ?? 'none', min_severity: 'warning' },
      },
    });
    try {
      const automation = await eventually(
        async () => {
          const states = await haRest<HaState[]>(env, 'GET', '/api/states');
          return states.find((s) => s.attributes.id === AUTOMATION_ID);
        },
        30_000,
        'the automation made from the blueprint',
      );
      expect(automation.state).toBe('on');
    } finally {
      await haRest(env, 'DELETE', `/api/config/automation/config/${AUTOMATION_ID}`);
    }
  });
});
