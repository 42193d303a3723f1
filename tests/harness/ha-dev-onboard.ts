/**
 * The dev Home Assistant's configuration and onboarding: its fresh config dir, the
 * owner and tokens made through its own REST API, and fault_lab's config entry.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_DIR, HaDevError, REPO, type HaEnv } from './ha-dev-env.js';
import { haWsCommand } from './ha-ws.js';

const CLIENT_NAME = 'HA LLM Ops dev';

/** A fresh config dir for HA on `port`: the test configuration, its storage, our integrations. */
export async function writeConfig(port: number): Promise<void> {
  await rm(CONFIG_DIR, { recursive: true, force: true });
  await mkdir(join(CONFIG_DIR, 'custom_components'), { recursive: true });
  const template = await readFile(join(REPO, 'tests/ha/configuration.yaml'), 'utf8');
  await writeFile(
    join(CONFIG_DIR, 'configuration.yaml'),
    template.replaceAll('${PORT}', String(port)),
  );
  await writeFile(join(CONFIG_DIR, 'automations.yaml'), '[]\n');
  await writeFile(join(CONFIG_DIR, 'scripts.yaml'), '{}\n');
  // Finishing the core_config step through REST would set up met, radio_browser,
  // google_translate and shopping_list, which reach the internet; the dev HA
  // stays on loopback, so that one step is marked done before HA starts.
  await mkdir(join(CONFIG_DIR, '.storage'), { recursive: true });
  await writeFile(
    join(CONFIG_DIR, '.storage/onboarding'),
    JSON.stringify({
      version: 4,
      minor_version: 1,
      key: 'onboarding',
      data: { done: ['core_config'] },
    }),
  );
  // HA 2026.11 keeps the HTTP server settings in storage: a stable config bound
  // to loopback on our port (YAML settings would become a trial that reverts).
  const http = {
    server_host: ['127.0.0.1'],
    server_port: port,
    cors_allowed_origins: [],
    login_attempts_threshold: -1,
    ip_ban_enabled: true,
    ssl_profile: 'intermediate_v6',
    use_x_frame_options: true,
    created_at: new Date().toISOString(),
    error: null,
    error_message: null,
  };
  await writeFile(
    join(CONFIG_DIR, '.storage/http'),
    JSON.stringify({
      version: 3,
      minor_version: 1,
      key: 'http',
      data: { stable: http, pending: null, yaml_migration_done: true },
    }),
  );
  // Links, not copies: the dev HA runs the integrations as they are in the repo.
  await symlink(
    join(REPO, 'custom_components/llm_ops'),
    join(CONFIG_DIR, 'custom_components/llm_ops'),
  );
  await symlink(
    join(REPO, 'tests/ha/custom_components/fault_lab'),
    join(CONFIG_DIR, 'custom_components/fault_lab'),
  );
  // Set up only by the tests that need it (outages across integrations).
  await symlink(
    join(REPO, 'tests/ha/custom_components/fault_lab_relay'),
    join(CONFIG_DIR, 'custom_components/fault_lab_relay'),
  );
}

async function postJson(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function expectOk(res: Response, what: string): Promise<unknown> {
  if (!res.ok) throw new HaDevError(`${what} failed: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Complete onboarding (owner → auth code → tokens → long-lived token) and return the env. */
export async function onboard(url: string): Promise<HaEnv> {
  const clientId = `${url}/`;
  const username = 'dev';
  const password = randomBytes(12).toString('base64url');
  const { auth_code: userCode } = (await expectOk(
    await postJson(`${url}/api/onboarding/users`, {
      client_id: clientId,
      name: 'Dev Owner',
      username,
      password,
      language: 'en',
    }),
    'onboarding: create owner',
  )) as { auth_code: string };
  const tokenRes = await fetch(`${url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: userCode,
      client_id: clientId,
    }),
  });
  const { access_token: access } = (await expectOk(tokenRes, 'onboarding: token')) as {
    access_token: string;
  };
  await expectOk(
    await postJson(`${url}/api/onboarding/analytics`, {}, access),
    'onboarding: analytics',
  );
  await expectOk(
    await postJson(
      `${url}/api/onboarding/integration`,
      { client_id: clientId, redirect_uri: `${url}/?auth_callback=1` },
      access,
    ),
    'onboarding: integration',
  );
  const token = await haWsCommand<string>(url, access, {
    type: 'auth/long_lived_access_token',
    client_name: CLIENT_NAME,
    lifespan: 3650,
  });
  return { HA_URL: url, HA_TOKEN: token, HA_USERNAME: username, HA_PASSWORD: password };
}

interface FlowResult {
  type: string;
  flow_id?: string;
  title?: string;
  result?: { entry_id: string };
  reason?: string;
}

/** Set up the `fault_lab` config entry through HA's config flow REST API. */
export async function setupFaultLab(env: HaEnv): Promise<string> {
  const existing = (await (
    await fetch(`${env.HA_URL}/api/config/config_entries/entry?domain=fault_lab`, {
      headers: { authorization: `Bearer ${env.HA_TOKEN}` },
    })
  ).json()) as { entry_id: string }[];
  if (existing[0]) return existing[0].entry_id;
  let flow = (await expectOk(
    await postJson(
      `${env.HA_URL}/api/config/config_entries/flow`,
      { handler: 'fault_lab' },
      env.HA_TOKEN,
    ),
    'fault_lab config flow',
  )) as FlowResult;
  if (flow.type === 'form' && flow.flow_id) {
    flow = (await expectOk(
      await postJson(
        `${env.HA_URL}/api/config/config_entries/flow/${flow.flow_id}`,
        {},
        env.HA_TOKEN,
      ),
      'fault_lab config flow step',
    )) as FlowResult;
  }
  if (flow.type !== 'create_entry' || !flow.result) {
    throw new HaDevError(`fault_lab config flow ended with ${flow.type} ${flow.reason ?? ''}`);
  }
  return flow.result.entry_id;
}
