/**
 * A household member who is not an administrator, logged in to the real dev HA with a password
 * of their own: they see the entities and the incident list, but cannot switch the mode, read an
 * incident's evidence, or approve (docs/threat-model.md). The admin, on the same HA, can.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { HaCommandError, HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

const USERNAME = 'llmops-e2e-member';
const PASSWORD = 'member-password-0123';
const MODE = 'select.llm_ops_mode';

let env: HaEnv;
let sidecar: SidecarProcess;
let admin: HaSocket;
let member: HaSocket;
let userId: string;

/** Log in as `username` through HA's own login flow; the access token. */
async function login(username: string, password: string): Promise<string> {
  const clientId = `${env.HA_URL}/`;
  const flow = await haRest<{ flow_id: string }>(env, 'POST', '/auth/login_flow', {
    client_id: clientId,
    handler: ['homeassistant', null],
    redirect_uri: clientId,
  });
  const step = await fetch(`${env.HA_URL}/auth/login_flow/${flow.flow_id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, client_id: clientId }),
  });
  const { result: code } = (await step.json()) as { result?: string };
  if (!code) throw new Error(`login as ${username} failed`);
  const token = await fetch(`${env.HA_URL}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: clientId }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}

/**
 * How HA answers a command: 'ok', or its error as "code: message". A refused service call is
 * answered `home_assistant_error: Unauthorized`, a refused command `unauthorized: …`.
 */
async function refusal(socket: HaSocket, message: Record<string, unknown>): Promise<string> {
  try {
    await socket.command(message);
    return 'ok';
  } catch (err) {
    if (err instanceof HaCommandError) return err.message;
    throw err;
  }
}

const REFUSED = /^(unauthorized: |home_assistant_error: Unauthorized)/;

const modeNow = async () =>
  (await haRest<{ state: string }>(env, 'GET', `/api/states/${MODE}`)).state;

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-non-admin-')),
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
  });
  await sidecar.waitForLog(/watching Home Assistant/);
  await addLlmOpsEntry(env, sidecar);
  admin = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  // A user of the default "Users" group, with a password of their own.
  const { user } = await admin.command<{ user: { id: string } }>({
    type: 'config/auth/create',
    name: 'LLM Ops e2e household member',
    group_ids: ['system-users'],
    local_only: false,
  });
  userId = user.id;
  await admin.command({
    type: 'config/auth_provider/homeassistant/create',
    user_id: userId,
    username: USERNAME,
    password: PASSWORD,
  });
  member = await HaSocket.open(env.HA_URL, await login(USERNAME, PASSWORD));
});

afterAll(async () => {
  member?.close();
  if (admin && userId) await admin.command({ type: 'config/auth/delete', user_id: userId });
  admin?.close();
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
});

describe('a non-admin user', () => {
  it('cannot switch the mode; the mode stays as it was, and the admin can', async () => {
    const before = await eventually(async () => (await modeNow()) || undefined);
    expect(
      await refusal(member, {
        type: 'call_service',
        domain: 'select',
        service: 'select_option',
        target: { entity_id: MODE },
        service_data: { option: 'auto' },
      }),
    ).toMatch(REFUSED);
    expect(await modeNow()).toBe(before);

    const other = before === 'observe' ? 'approve' : 'observe';
    expect(
      await refusal(admin, {
        type: 'call_service',
        domain: 'select',
        service: 'select_option',
        target: { entity_id: MODE },
        service_data: { option: other },
      }),
    ).toBe('ok');
    await eventually(async () => ((await modeNow()) === other ? true : undefined));
    await admin.command({
      type: 'call_service',
      domain: 'select',
      service: 'select_option',
      target: { entity_id: MODE },
      service_data: { option: before },
    });
  });

  it('sees the incident list but not an incident’s evidence, and cannot act on it', async () => {
    await callService(env, 'system_log', 'write', {
      message: `Lost the link to the bridge (non-admin e2e ${Date.now()})`,
      level: 'error',
      logger: 'custom_components.fault_lab.x',
    });
    const incidents = await eventually(async () => {
      const list = await member.command<{ items: { id: string; integration: string }[] }>({
        type: 'llm_ops/incidents',
      });
      return list.items.some((i) => i.integration === 'fault_lab') ? list.items : undefined;
    }, 30_000);
    const id = incidents.find((i) => i.integration === 'fault_lab')?.id;

    expect(await refusal(member, { type: 'llm_ops/incident', incident_id: id })).toMatch(REFUSED);
    expect(await refusal(admin, { type: 'llm_ops/incident', incident_id: id })).toBe('ok');
    expect(
      await refusal(member, {
        type: 'call_service',
        domain: 'llm_ops',
        service: 'dismiss',
        service_data: { incident_id: id },
      }),
    ).toMatch(REFUSED);
    expect(await refusal(member, { type: 'llm_ops/approve', proposal_id: 'prp_anything' })).toMatch(
      REFUSED,
    );
  });
});
