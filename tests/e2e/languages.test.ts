/**
 * The sidecar writes in Home Assistant's language, in the real dev HA: with HA set to German
 * (`config/core/update`, as Settings → System → General does), a real failure of fault_lab's
 * hub opens an incident whose explanation is German, the Repairs issue the integration raises
 * for it carries that German explanation, and the model is asked to answer in German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { HaSocket, haWsCommand } from '../harness/ha-ws.js';
import { messagesOf, startFakeOpenAi, type FakeOpenAi } from '../harness/fake-openai.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { sidecarApi } from '../harness/approval.js';

interface Incident {
  id: string;
  title: string;
  category: string;
}
interface Detail {
  incident: Incident;
  proposals: { action_id: string; preview: { label: string; summary: string } }[];
  analysis: {
    analyzer: string;
    signature: string | null;
    summary: string;
    root_cause: string;
    manual_steps: string[];
  } | null;
}
interface RepairIssue {
  domain: string;
  issue_id: string;
  translation_placeholders: Record<string, string> | null;
}

let env: HaEnv;
let socket: HaSocket;
let sidecar: SidecarProcess;
let fake: FakeOpenAi;
let entryId: string;

async function setFault(mode: string): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

const setLanguage = (language: string) => socket.command({ type: 'config/core/update', language });

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  await setLanguage('de');
  // The model refuses: the offline explanation stands, and the request shows what was asked.
  fake = await startFakeOpenAi({ respond: () => ({ refusal: 'not in this test' }) });
  await removeEntries(env, 'llm_ops');
  sidecar = await startSidecar({
    HA_URL: env.HA_URL,
    HA_TOKEN: env.HA_TOKEN,
    LLM_OPS_LLM_BACKEND: 'openai',
    LLM_OPS_LLM_BASE_URL: fake.url,
    LLM_OPS_LLM_MODEL: 'gpt-fake',
    LLM_OPS_LLM_API_KEY: fake.apiKey,
    LLM_OPS_LLM_TIMEOUT_S: '10',
  });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
});

afterAll(async () => {
  if (env) {
    await setFault('none');
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
  await fake?.close();
  if (socket) {
    await setLanguage('en');
    socket.close();
  }
});

describe('with Home Assistant set to German', () => {
  let incident: Incident;
  let detail: Detail;

  it('Home Assistant takes German as its language (the premise)', async () => {
    const config = await haWsCommand<{ language: string }>(env.HA_URL, env.HA_TOKEN, {
      type: 'get_config',
    });
    expect(config.language).toBe('de');
  });

  it('explains a real failure in German', async () => {
    await setFault('not_ready');
    incident = await eventually(
      async () =>
        (
          await sidecarApi<{ items: Incident[] }>(
            sidecar,
            '/api/incidents?active=true&integration=fault_lab',
          )
        ).items.find((i) => i.category === 'setup_retry'),
      60_000,
      'an open setup_retry incident of fault_lab',
    );
    detail = await eventually(
      async () => {
        const d = await sidecarApi<Detail>(sidecar, `/api/incidents/${incident.id}`);
        return d.analysis ? d : undefined;
      },
      30_000,
      'the analysis',
    );
    const analysis = detail.analysis;
    expect(analysis?.analyzer).toBe('offline');
    expect(detail.incident.title).toBe(analysis?.summary);
    // fault_lab's hub times out: it cannot be reached, so setup is retried.
    expect(analysis?.summary).toMatch(
      /^fault_lab erreicht .+ nicht und versucht die Einrichtung immer wieder$/,
    );
    expect(analysis?.root_cause).toMatch(/^Die Einrichtung von fault_lab .*ist fehlgeschlagen/);
    expect(analysis?.manual_steps[0]).toMatch(/^Prüfe, ob .+ eingeschaltet und verbunden ist/);
  });

  it('proposes the reload with a German preview', async () => {
    const proposal = await eventually(
      async () =>
        (await sidecarApi<Detail>(sidecar, `/api/incidents/${incident.id}`)).proposals.find(
          (p) => p.action_id === 'reload_config_entry',
        ),
      30_000,
      'the reload proposal',
    );
    expect(proposal.preview.label).toBe('Integrationseintrag neu laden');
    expect(proposal.preview.summary).toMatch(
      /^Den Konfigurationseintrag .+ \(fault_lab\) neu laden\.$/,
    );
  });

  it('raises its Repairs issue with the German explanation', async () => {
    const issue = await eventually(
      async () =>
        (
          await haWsCommand<{ issues: RepairIssue[] }>(env.HA_URL, env.HA_TOKEN, {
            type: 'repairs/list_issues',
          })
        ).issues.find((i) => i.domain === 'llm_ops' && i.issue_id === `incident_${incident.id}`),
      30_000,
      'the Repairs issue of the incident',
    );
    // The integration escapes markdown in what it shows ("fault\\_lab"): read it back as typed.
    const shown = (key: string) =>
      (issue.translation_placeholders?.[key] ?? '').replace(/\\(.)/g, '$1');
    expect(shown('title')).toBe(detail.analysis?.summary);
    expect(shown('root_cause')).toBe(detail.analysis?.root_cause);
    expect(shown('steps')).toContain(`- ${detail.analysis?.manual_steps[0] ?? '?'}`);
  });

  it('asks the model to answer in German', async () => {
    const request = await eventually(
      () => Promise.resolve(fake.requests[0]),
      30_000,
      'a request to the model',
    );
    expect(messagesOf(request).user).toMatch(/in German \(Deutsch\)/);
  });
});
