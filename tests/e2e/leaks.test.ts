/**
 * The leak corpus through every exit, end to end: the real sidecar process,
 * the real dev HA with the LLM Ops integration set up (Repairs issues and
 * notifications on), the LLM backend pointed at the fake OpenAI endpoint. A
 * sample of the corpus (every kind in every shape) is written to HA's system
 * log; once the sidecar has opened and analyzed its incidents, every place the
 * data can leave by is scanned for every seeded value: the journal's raw bytes
 * and each of its tables, the evidence bundles and every other file written,
 * the model's requests, every GET of the HTTP API, the `llm_ops_*` events on
 * HA's WebSocket, the Repairs issues, the notifications, the integration's
 * diagnostics, the sidecar's own log, and the `analyze` CLI's output over the
 * whole corpus.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'home-assistant-js-websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToHa } from '../../sidecar/src/ha/connection.js';
import { createLogger } from '../../sidecar/src/log.js';
import {
  leakCorpus,
  leakSample,
  type LeakRecord,
} from '../../sidecar/test/fixtures/leak-corpus.js';
import { startFakeOpenAi, validAnswer, type FakeOpenAi } from '../harness/fake-openai.js';
import { readHaEnv, REPO, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';

const sample = leakSample();
const LOGGER = (r: LeakRecord) => `custom_components.fault_lab.leak_${r.kind}`;

let env: HaEnv;
let sidecar: SidecarProcess;
let fake: FakeOpenAi;
let socket: HaSocket;
let conn: Connection;
let entryId: string;
const events: { event_type: string; data: unknown }[] = [];

interface Listed {
  items: { id: string; integration: string | null; occurrences: number }[];
}

const api = async (path: string): Promise<string> => {
  const res = await fetch(`${sidecar.url}${path}`, {
    headers: { authorization: `Bearer ${sidecar.token}` },
  });
  return `${res.status} ${await res.text()}`;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function removeLlmOpsEntries(): Promise<void> {
  for (const entry of await configEntries(env, 'llm_ops'))
    await haRest(env, 'DELETE', `/api/config/config_entries/entry/${entry.entry_id}`);
}

beforeAll(async () => {
  env = readHaEnv();
  await removeLlmOpsEntries();
  await callService(env, 'system_log', 'clear');
  fake = await startFakeOpenAi({ respond: () => ({ answer: validAnswer() }) });
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-leaks-'));
  const policy = join(dir, 'policy.yaml');
  writeFileSync(policy, 'mode: approve\n');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    DATA_DIR: join(dir, 'data'),
    LLM_OPS_POLICY: policy,
    LLM_OPS_LOG_POLL_S: '2',
    LLM_OPS_EVENT_UPDATE_INTERVAL_S: '1',
    LLM_OPS_LLM_BACKEND: 'openai',
    LLM_OPS_LLM_BASE_URL: fake.url,
    LLM_OPS_LLM_MODEL: 'gpt-fake',
    LLM_OPS_LLM_API_KEY: fake.apiKey,
    LLM_OPS_LLM_CALLS_PER_HOUR: '1000',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  // The integration, with every incident a Repairs issue and a notification.
  const flow = await haRest<{ flow_id: string }>(env, 'POST', '/api/config/config_entries/flow', {
    handler: 'llm_ops',
  });
  const done = await haRest<{ result: { entry_id: string } }>(
    env,
    'POST',
    `/api/config/config_entries/flow/${flow.flow_id}`,
    { url: sidecar.url, token: sidecar.token },
  );
  entryId = done.result.entry_id;
  const options = await haRest<{ flow_id: string }>(
    env,
    'POST',
    '/api/config/config_entries/options/flow',
    { handler: entryId },
  );
  await haRest(env, 'POST', `/api/config/config_entries/options/flow/${options.flow_id}`, {
    repair_severity: 'info',
    notify_incidents: true,
    notify_actions: true,
  });
  await eventually(async () =>
    (await configEntries(env, 'llm_ops'))[0]?.state === 'loaded' ? true : undefined,
  );
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  conn = await connectToHa({
    wsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
    token: env.HA_TOKEN,
    log: createLogger('error'),
  });
  await conn.subscribeEvents((e: { event_type: string; data: unknown }) => {
    if (e.event_type.startsWith('llm_ops')) events.push(e);
  });
}, 300_000);

afterAll(async () => {
  conn?.close();
  if (socket) {
    // The notifications outlive the entry; later suites start without them.
    const notes = await socket.command<{ notification_id: string }[]>({
      type: 'persistent_notification/get',
    });
    for (const n of notes.filter((x) => x.notification_id.startsWith('llm_ops_')))
      await callService(env, 'persistent_notification', 'dismiss', {
        notification_id: n.notification_id,
      });
    socket.close();
  }
  if (env) await removeLlmOpsEntries();
  await callService(env, 'system_log', 'clear');
  await sidecar?.stop();
  await fake?.close();
});

describe('the leak corpus through every exit', () => {
  it('leaves 0 seeded values in any exit', { timeout: 600_000 }, async () => {
    const secrets = sample.flatMap((r) => r.secrets);
    expect(new Set(sample.map((r) => r.kind)).size).toBeGreaterThanOrEqual(12);
    for (const r of sample)
      await callService(env, 'system_log', 'write', {
        message: r.message,
        level: 'error',
        logger: LOGGER(r),
      });
    // Every record reached an incident, and the model was asked about them.
    const listed = await eventually(
      async () => {
        const l = JSON.parse((await api('/api/incidents?limit=500')).slice(4)) as Listed;
        const seen = l.items
          .filter((i) => i.integration === 'fault_lab')
          .reduce((n, i) => n + i.occurrences, 0);
        return seen >= sample.length && fake.requests.length > 0 ? l : undefined;
      },
      240_000,
      'every record in an incident and the model asked',
    );
    const ids = listed.items.map((i) => i.id);
    // Let the analyses, events, issues and notifications settle.
    await eventually(
      async () => {
        const { issues } = await socket.command<{ issues: { domain: string }[] }>({
          type: 'repairs/list_issues',
        });
        return issues.some((i) => i.domain === 'llm_ops') ? true : undefined;
      },
      60_000,
      'a Repairs issue of LLM Ops',
    );
    await new Promise((r) => setTimeout(r, 5000));

    const exits: Record<string, string> = {};
    exits['LLM requests'] = JSON.stringify(fake.requests.map((r) => r.body));
    // Every GET of the HTTP API, for every incident and proposal.
    const pending = JSON.parse((await api('/api/actions/pending')).slice(4)) as unknown;
    const proposalIds = JSON.stringify(pending).match(/prp_[0-9a-f]{32}/g) ?? [];
    for (const path of [
      '/api/health',
      '/api/status',
      '/api/incidents?limit=500',
      '/api/actions/pending',
      '/api/suppressions',
      '/api/outcomes',
      ...ids.map((id) => `/api/incidents/${id}`),
      ...proposalIds.map((id) => `/api/actions/${id}`),
    ])
      exits[`GET ${path}`] = await api(path);
    exits['llm_ops_* events'] = JSON.stringify(events);
    exits['Repairs issues'] = JSON.stringify(await socket.command({ type: 'repairs/list_issues' }));
    exits.notifications = JSON.stringify(
      await socket.command({ type: 'persistent_notification/get' }),
    );
    exits.diagnostics = JSON.stringify(
      await haRest(env, 'GET', `/api/diagnostics/config_entry/${entryId}`),
    );
    await sidecar.stop();
    // The journal (the sidecar holds it locked while it runs) and everything else the sidecar wrote, as raw bytes.
    for (const file of filesUnder(sidecar.dataDir))
      exits[`file ${file.slice(sidecar.dataDir.length)}`] = readFileSync(file).toString('latin1');
    // Every table of the journal, row by row.
    const dbFile = filesUnder(sidecar.dataDir).find((f) => /\.(?:db|sqlite3?)$/.test(f));
    if (!dbFile) throw new Error('no journal file');
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      expect(tables.length).toBeGreaterThan(3);
      for (const { name } of tables)
        exits[`table ${name}`] = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
    } finally {
      db.close();
    }
    exits['sidecar log'] = sidecar.output();

    // The exits were there to be scanned: the events, issues, notifications and model calls happened.
    expect(events.some((e) => e.event_type === 'llm_ops_incident')).toBe(true);
    expect(exits['Repairs issues']).toContain('llm_ops');
    expect(exits.notifications).toContain('llm_ops_inc_');
    expect(exits.diagnostics).toContain('incidents');
    // Evidence bundles were written and scanned with the rest.
    expect(Object.keys(exits).some((k) => k.startsWith('file /incidents/'))).toBe(true);
    // The corpus did reach the journal and the model, redacted: placeholders stand in its place.
    const placeholder =
      /\[(?:PASSWORD|TOKEN|SECRET|API_KEY|EMAIL|MAC|SERIAL|LOCATION)_[0-9a-f]{6}\]/;
    expect(exits['table signals'] ?? '').toMatch(placeholder);
    expect(exits['LLM requests']).toMatch(placeholder);
    expect(exits['LLM requests']).toContain('fault_lab');
    const leaks = Object.entries(exits).flatMap(([where, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the analyze CLI prints none of the full corpus (1,000+ values)', () => {
    const corpus = leakCorpus();
    const dir = mkdtempSync(join(tmpdir(), 'llm-ops-leaks-cli-'));
    const file = join(dir, 'home-assistant.log');
    writeFileSync(
      file,
      corpus
        .map((r, i) =>
          r.message.startsWith('2026-')
            ? r.message
            : `2026-04-15 01:00:${String(i % 60).padStart(2, '0')}.000 ERROR (MainThread) [${r.logger}] ${r.message}`,
        )
        .join('\n'),
    );
    const secrets = corpus.flatMap((r) => r.secrets);
    expect(secrets.length).toBeGreaterThanOrEqual(1000);
    expect(secrets.every((s) => readFileSync(file, 'utf8').includes(s))).toBe(true);
    for (const args of [
      ['analyze', file],
      ['analyze', '--json', file],
    ]) {
      const run = spawnSync(
        process.execPath,
        ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', ...args],
        { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(100);
      const out = run.stdout + run.stderr;
      expect(secrets.filter((s) => out.includes(s))).toEqual([]);
    }
  });
});
