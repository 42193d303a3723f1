/**
 * Every way to approve outside the panel, end to end in the real dev HA with the real
 * sidecar process and a real fault (fault_lab's hub stops answering, its entry retries
 * setup, the sidecar proposes reloading it):
 *
 * - the `llm_ops.approve` action, called over HA's WebSocket (`call_service`), and its
 *   translated errors for an unknown or already decided proposal;
 * - an automation made from the notify blueprint: a phone registered through the
 *   Companion app's API receives the notification (at the push URL it registered, the
 *   one thing outside HA, so captured here) with an Approve button, and pressing it
 *   sends `mobile_app_notification_action` with that button's action.
 *
 * Each ends the same way: backup, reload, verification passed, incident resolved as
 * fixed by the action. (The approval card's button is in tests/browser/approval-card.test.ts.)
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  faultProposal,
  finished,
  healFaultLab,
  incidentOnceStatus,
  setFault,
  sidecarApi,
  startApprovingSidecar,
  type Proposal,
} from '../harness/approval.js';
import { CONFIG_DIR, readHaEnv, REPO, type HaEnv } from '../harness/ha-dev.js';
import {
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { HaCommandError, HaSocket } from '../harness/ha-ws.js';
import type { SidecarProcess } from '../harness/sidecar.js';

const BLUEPRINT = 'llm_ops/llm_ops_notify_approve.yaml';
const BLUEPRINT_DIR = join(CONFIG_DIR, 'blueprints/automation/llm_ops');
const AUTOMATION_ID = 'llm_ops_e2e_notify_approve';
const PHONE = 'LLM Ops e2e phone';

/** A push notification as HA's mobile_app sends it to the app's push URL. */
interface Push {
  message: string;
  title?: string;
  data?: { tag?: string; actions?: { action: string; title: string }[] };
  push_token: string;
}

let env: HaEnv;
let socket: HaSocket;
let sidecar: SidecarProcess;
let pushServer: Server;
const pushes: Push[] = [];
const decided: string[] = [];

/** Stands in for the push relay a real phone registers: records what HA sends. */
async function startPushServer(): Promise<string> {
  pushServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      pushes.push(JSON.parse(body) as Push);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => pushServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(pushServer.address() as AddressInfo).port}/push`;
}

const approveBy = (proposalId: string) =>
  socket.command({
    type: 'call_service',
    domain: 'llm_ops',
    service: 'approve',
    service_data: { proposal_id: proposalId },
  });

/** The run ended as it should: backed up, applied, verified; the incident resolved by it. */
async function expectFixedAndVerified(proposal: Proposal): Promise<void> {
  const done = await finished(sidecar, proposal.id);
  expect(done.result.outcome).toBe('succeeded');
  expect(done.result.verification.passed).toBe(true);
  expect(done.result.backup_id).toEqual(expect.any(String));
  expect(done.execution.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
    'precheck:succeeded',
    'backup:succeeded',
    'apply:succeeded',
    'verify:succeeded',
  ]);
  const incident = await incidentOnceStatus(sidecar, proposal.incident_id, 'resolved');
  expect(incident.outcome).toMatchObject({
    outcome: 'fixed_by_action',
    action_id: 'reload_config_entry',
  });
  expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
}

async function removeAutomation(): Promise<void> {
  await haRest(env, 'DELETE', `/api/config/automation/config/${AUTOMATION_ID}`).catch(
    () => undefined,
  );
}

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  await removeEntries(env, 'llm_ops');
  await removeEntries(env, 'mobile_app');
  await healFaultLab(env);
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await startApprovingSidecar(env);
});

afterAll(async () => {
  if (env) {
    await removeAutomation();
    rmSync(BLUEPRINT_DIR, { recursive: true, force: true });
    await removeEntries(env, 'mobile_app');
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
  if (env) await healFaultLab(env);
  socket?.close();
  pushServer?.close();
}, 120_000);

describe('the llm_ops.approve action over the WebSocket', () => {
  let proposal: Proposal;

  it('runs the proposed fix; the incident ends resolved and verified', async () => {
    proposal = await faultProposal(env, socket, decided);
    decided.push(proposal.id);
    // The hub answers again, so the reload can work. (Only now: HA's own setup retry
    // would otherwise set the entry up before anyone approves.)
    await setFault(env, 'none', false);
    await approveBy(proposal.id);
    await expectFixedAndVerified(proposal);
    // The sidecar journals who approved: the user behind the call.
    const done = await finished(sidecar, proposal.id);
    expect(done.proposal.decided_by).toBe('Dev Owner');
  }, 300_000);

  it('refuses an unknown proposal id with a clear, translated error', async () => {
    const err = await approveBy('prp_does_not_exist').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaCommandError);
    expect((err as HaCommandError).code).toBe('service_validation_error');
    expect((err as HaCommandError).message).toBe(
      // HA's words around the integration's translated message.
      'service_validation_error: Validation error: The LLM Ops sidecar has no proposal prp_does_not_exist',
    );
    expect((err as HaCommandError).translationKey).toBe('proposal_not_found');
  });

  it('refuses a proposal that was already decided, saying why', async () => {
    const err = await approveBy(proposal.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaCommandError);
    expect((err as HaCommandError).code).toBe('service_validation_error');
    expect((err as HaCommandError).message).toMatch(
      /^service_validation_error: Validation error: The proposal is no longer pending: proposal prp_\w+ already ran and succeeded$/,
    );
    expect((err as HaCommandError).translationKey).toBe('not_pending');
  });
});

describe('an automation from the notify blueprint', () => {
  let deviceId: string;

  it('is made for a phone registered with the Companion app', async () => {
    const pushUrl = await startPushServer();
    // What the Companion app sends when it registers (Android).
    await haRest(env, 'POST', '/api/mobile_app/registrations', {
      app_id: 'io.homeassistant.companion.android',
      app_name: 'Home Assistant',
      app_version: '2026.11.0',
      device_id: 'llm-ops-e2e-phone',
      device_name: PHONE,
      manufacturer: 'Google',
      model: 'Pixel 9',
      os_name: 'Android',
      os_version: '16',
      supports_encryption: false,
      app_data: { push_token: 'llm-ops-e2e-push-token', push_url: pushUrl },
    });
    const device = await eventually(
      async () => {
        const devices = await socket.command<{ id: string; name: string }[]>({
          type: 'config/device_registry/list',
        });
        return devices.find((d) => d.name === PHONE);
      },
      30_000,
      'the phone in the device registry',
    );
    deviceId = device.id;
    await eventually(
      async () => {
        const services = await haRest<{ domain: string; services: Record<string, unknown> }[]>(
          env,
          'GET',
          '/api/services',
        );
        const notify = services.find((s) => s.domain === 'notify')?.services ?? {};
        return 'mobile_app_llm_ops_e2e_phone' in notify ? true : undefined;
      },
      30_000,
      'the phone’s notify action',
    );

    mkdirSync(BLUEPRINT_DIR, { recursive: true });
    copyFileSync(
      join(REPO, 'docs/blueprints/llm_ops_notify_approve.yaml'),
      join(BLUEPRINT_DIR, 'llm_ops_notify_approve.yaml'),
    );
    // Saving through the config API reloads the automations.
    await haRest(env, 'POST', `/api/config/automation/config/${AUTOMATION_ID}`, {
      alias: 'LLM Ops e2e notify and approve',
      use_blueprint: {
        path: BLUEPRINT,
        input: { notify_device: deviceId, min_severity: 'error' },
      },
    });
    const automation = await eventually(
      async () => {
        const states = await haRest<{ state: string; attributes: { id?: string } }[]>(
          env,
          'GET',
          '/api/states',
        );
        return states.find((s) => s.attributes.id === AUTOMATION_ID);
      },
      30_000,
      'the automation made from the blueprint',
    );
    expect(automation.state).toBe('on');
  });

  it('notifies the phone with Approve; pressing it runs the fix, verified', async () => {
    const proposal = await faultProposal(env, socket, decided);
    decided.push(proposal.id);
    const push = await eventually(
      async () =>
        pushes.find(
          (p) =>
            p.data?.tag === `llm_ops_${proposal.incident_id}` &&
            p.data.actions?.some((a) => a.action.endsWith(proposal.id)),
        ),
      60_000,
      'the notification with buttons for the incident',
    );
    expect(push.push_token).toBe('llm-ops-e2e-push-token');
    expect(push.message).toMatch(/Proposed fix: reload config entry/);
    expect(push.data?.actions).toEqual([
      { action: `LLM_OPS_APPROVE_${proposal.id}`, title: 'Approve' },
      { action: `LLM_OPS_REJECT_${proposal.id}`, title: 'Reject' },
    ]);
    const approve = push.data?.actions?.find((a) => a.title === 'Approve');

    await setFault(env, 'none', false);
    // What the Companion app fires when the button is pressed: the button's action key,
    // with the notification's fields (Android).
    await socket.command({
      type: 'fire_event',
      event_type: 'mobile_app_notification_action',
      event_data: {
        action: approve?.action,
        title: push.title,
        message: push.message,
        tag: push.data?.tag,
      },
    });
    await expectFixedAndVerified(proposal);
    const done = await finished(sidecar, proposal.id);
    expect(done.proposal.status).toBe('succeeded');
  }, 300_000);

  it('pressing Reject rejects the proposal; nothing runs', async () => {
    await healFaultLab(env);
    const proposal = await faultProposal(env, socket, decided);
    decided.push(proposal.id);
    const push = await eventually(
      async () =>
        pushes.find(
          (p) =>
            p.data?.tag === `llm_ops_${proposal.incident_id}` &&
            p.data.actions?.some((a) => a.action.endsWith(proposal.id)),
        ),
      60_000,
      'the notification with buttons for the incident',
    );
    const reject = push.data?.actions?.find((a) => a.title === 'Reject');
    expect(reject?.action).toBe(`LLM_OPS_REJECT_${proposal.id}`);
    await socket.command({
      type: 'fire_event',
      event_type: 'mobile_app_notification_action',
      event_data: { action: reject?.action, title: push.title, message: push.message },
    });
    const rejected = await eventually(
      async () => {
        const body = await sidecarApi<{ proposal: Proposal; execution: unknown }>(
          sidecar,
          `/api/actions/${proposal.id}`,
        );
        return body.proposal.status === 'rejected' ? body : undefined;
      },
      60_000,
      'the proposal to be rejected',
    );
    expect(rejected.execution).toBeNull();
    expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('setup_retry');
  }, 300_000);
});
