/**
 * The LLM analyzer end to end, in-process, against the real dev HA: the real
 * `openai` SDK talking to the fake OpenAI-compatible endpoint, and HA's real
 * `ai_task.generate_data` answered by fault_lab's pretend model. The analysis
 * runs after the offline one and feeds the planner. Most tests drive one
 * analysis step by step (`analyzeWithLlm` below) to look inside it; the last
 * group starts the sidecar with the LLM configured and lets its own pipeline
 * run the whole loop — fault → incident → LLM names the fix → proposal →
 * approved over the API → verified — and nothing the model says reaches past
 * the allow-list.
 */
import { ACTION_IDS, RcaResult } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnalyzer, type LlmAnalyzer } from '../../sidecar/src/analyze/llm/index.js';
import { ANSWER_JSON_SCHEMA } from '../../sidecar/src/analyze/llm/schema.js';
import { loadLlmSettings } from '../../sidecar/src/shared/llm-settings.js';
import type { Settings } from '../../sidecar/src/config.js';
import { connectToHa } from '../../sidecar/src/ha/connection.js';
import type { IncidentRecord } from '../../sidecar/src/journal/journal.js';
import { LlmCallJournal } from '../../sidecar/src/journal/llm-calls.js';
import type { ProposalRecord } from '../../sidecar/src/journal/proposals.js';
import { createLogger } from '../../sidecar/src/log.js';
import { Sidecar } from '../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../sidecar/test/helpers/pipeline.js';
import {
  adversarialAnswer,
  ADVERSARIAL_TEXT,
  ALL_FORMATS,
  candidate,
  incidentFactsOf,
  messagesOf,
  startFakeOpenAi,
  validAnswer,
  type FakeOpenAi,
} from '../harness/fake-openai.js';
import { startFakeSupervisor } from '../harness/fake-supervisor.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../harness/ha-rest.js';

/** The marker fault_lab's pretend model answers adversarially to (tests/ha/…/fault_lab/ai_task.py). */
const ADVERSARIAL_MARKER = 'FAULT_LAB_ADVERSARIAL';
const AI_TASK_ENTITY = 'ai_task.fault_lab_ai';
const log = createLogger('error');

let env: HaEnv;
let entryId: string;
let foreignEntryId: string;
let fake: FakeOpenAi;
const running: Sidecar[] = [];
const connections: Connection[] = [];

/** A model that reads the incident's entry from the prompt and names its reload. */
const reloadTheEntry = (req: Parameters<FakeOpenAi['respond']>[0]) => {
  const { entryId: entry } = incidentFactsOf(req);
  return {
    answer: validAnswer({
      candidate_actions: entry
        ? [
            candidate(
              'reload_config_entry',
              { entry_id: entry },
              'LLM: reload once the hub answers.',
            ),
          ]
        : [],
    }),
  };
};

async function startSidecar(
  policy = 'actions:\n  reload_config_entry: {cooldown_s: 0}\n',
  over: Partial<Settings> = {},
) {
  const dir = tempDir('llm-ops-llm-');
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, policy);
  const sidecar = new Sidecar(
    testSettings(
      {
        haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
        haToken: env.HA_TOKEN,
        policyFile,
        thresholds: { ...THRESHOLDS, unavailableAfterS: 600, verifyMaxWaitS: 20 },
        ...over,
      },
      dir,
    ),
    log,
  );
  running.push(sidecar);
  await sidecar.start();
  await sidecar.connect();
  return sidecar;
}

/** The LLM analyzer as the sidecar will build it, on the sidecar's journal. */
async function llmOf(sidecar: Sidecar, llmEnv: Record<string, string>): Promise<LlmAnalyzer> {
  const conn = await connectToHa({
    wsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
    token: env.HA_TOKEN,
    log,
  });
  connections.push(conn);
  const analyzer = createLlmAnalyzer({
    settings: loadLlmSettings(llmEnv),
    db: sidecar.journal.db,
    connection: () => conn,
    log,
  });
  if (!analyzer) throw new Error('no LLM analyzer');
  return analyzer;
}

const openaiEnv = () => ({
  LLM_OPS_LLM_BACKEND: 'openai',
  LLM_OPS_LLM_BASE_URL: fake.url,
  LLM_OPS_LLM_MODEL: 'gpt-fake',
  LLM_OPS_LLM_API_KEY: fake.apiKey,
  LLM_OPS_LLM_TIMEOUT_S: '10',
  LLM_OPS_LLM_COST_INPUT_PER_MTOK: '0.4',
  LLM_OPS_LLM_COST_OUTPUT_PER_MTOK: '1.6',
});

const aiTaskEnv = () => ({
  LLM_OPS_LLM_BACKEND: 'ai_task',
  LLM_OPS_LLM_AI_TASK_ENTITY: AI_TASK_ENTITY,
  LLM_OPS_LLM_TIMEOUT_S: '20',
});

/**
 * What the pipeline does once the LLM analyzer is wired: after the offline
 * analysis, ask the LLM; a result of its own is recorded, announced and planned.
 */
async function analyzeWithLlm(
  sidecar: Sidecar,
  llm: LlmAnalyzer,
  incident: IncidentRecord,
): Promise<{ rca: RcaResult | null; made: ProposalRecord[] }> {
  const offline = incident.analysis;
  const rca = await llm.analyze(incident, sidecar.bundles.read(incident.id), offline);
  if (!rca || rca.analyzer === 'offline') return { rca, made: [] };
  const recorded = sidecar.lifecycle.recordAnalysis(incident.id, rca, null);
  if (!recorded) return { rca, made: [] };
  sidecar.reporter.incidentChanged(recorded, 'updated');
  // Planned as the pipeline plans: in auto mode, approval decides what may run.
  return { rca, made: await sidecar.pipeline.propose(recorded) };
}

/** The open fault_lab incident that matches, once its offline analysis is in. */
function openIncident(sidecar: Sidecar, match: (i: IncidentRecord) => boolean = () => true) {
  return eventually(
    () =>
      Promise.resolve(
        sidecar.journal
          .listIncidents({ integration: 'fault_lab', active: true }, 20, 0)
          .items.find((i) => match(i) && i.analysis !== null && sidecar.bundles.read(i.id)),
      ),
    45_000,
    'an analyzed fault_lab incident',
  );
}

async function setFault(mode: string, reload: boolean): Promise<void> {
  await callService(env, 'fault_lab', 'set_fault', { mode });
  if (reload) await haRest(env, 'POST', `/api/config/config_entries/entry/${entryId}/reload`);
}

/**
 * Pending proposals stay on the allow-list; the LLM's only touch its incident,
 * and entry actions only the incident's own entry. (HA's own Repairs issues
 * may hold offline proposals of their own meanwhile.)
 */
function expectContained(sidecar: Sidecar, incident: IncidentRecord): void {
  for (const p of sidecar.proposals.pending()) {
    expect(ACTION_IDS as readonly string[]).toContain(p.action_id);
    expect(JSON.stringify(p.params)).not.toContain(foreignEntryId);
    if (p.proposed_by === 'llm' || p.proposed_by === 'ai_task')
      expect(p.incident_id).toBe(incident.id);
    if (p.incident_id === incident.id && 'entry_id' in p.params)
      expect(p.params.entry_id).toBe(entryId);
  }
}

beforeAll(async () => {
  env = readHaEnv();
  const [entry] = await configEntries(env, 'fault_lab');
  if (!entry) throw new Error('fault_lab has no config entry');
  entryId = entry.entry_id;
  const [foreign] = await configEntries(env, 'backup');
  if (!foreign) throw new Error('the dev HA has no backup entry to play the foreign entry');
  foreignEntryId = foreign.entry_id;
  fake = await startFakeOpenAi({ respond: reloadTheEntry });
  // The pretend model must be there: fault_lab sets it up with its entry.
  await eventually(
    async () =>
      (await haRest<{ state: string }>(env, 'GET', `/api/states/${AI_TASK_ENTITY}`)) ?? undefined,
    30_000,
    `${AI_TASK_ENTITY}`,
  );
});

beforeEach(async () => {
  fake.reset();
  // Earlier tests left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
});

afterEach(async () => {
  for (const s of running.splice(0)) {
    await s.executor.idle();
    await s.stop();
  }
  for (const c of connections.splice(0)) c.close();
  await setFault('none', true);
  await eventually(async () =>
    (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
  );
});

afterAll(async () => {
  await fake?.close();
});

describe('the OpenAI-compatible backend (real SDK, fake endpoint)', () => {
  it('the loop with the LLM choosing the action: not_ready → LLM names the reload → approve → succeeded', async () => {
    const sidecar = await startSidecar();
    const llm = await llmOf(sidecar, openaiEnv());
    await setFault('not_ready', true);
    const incident = await openIncident(sidecar, (i) => i.entry_id === entryId);
    expect(incident.analysis?.analyzer).toBe('offline');

    const { rca, made } = await analyzeWithLlm(sidecar, llm, incident);
    // A schema-valid result of the LLM, recorded on the incident.
    expect(rca && v.is(RcaResult, rca)).toBe(true);
    expect(rca).toMatchObject({
      analyzer: 'llm',
      candidate_actions: [{ action_id: 'reload_config_entry', params: { entry_id: entryId } }],
    });
    expect(sidecar.journal.getIncident(incident.id)?.analysis?.analyzer).toBe('llm');

    // The request carried the strict schema and quoted the (redacted) evidence as data.
    const [request] = fake.requests;
    if (!request) throw new Error('the fake endpoint was not asked');
    expect(request.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'incident_analysis', strict: true, schema: ANSWER_JSON_SCHEMA },
    });
    const { user } = messagesOf(request);
    expect(user).toMatch(
      /<<<DATA-[0-9a-f]{16}\n\{.*Timeout while connecting to Fault Lab hub.*\}\nDATA-/s,
    );
    expect(JSON.stringify(request.body)).not.toContain('192.0.2.10'); // redacted before it leaves

    // Tokens and cost are journaled per incident.
    const usage = new LlmCallJournal(sidecar.journal.db).usageOf(incident.id);
    expect(usage.calls).toBe(1);
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.cost).toBeCloseTo(
      (usage.prompt_tokens * 0.4 + usage.completion_tokens * 1.6) / 1e6,
      12,
    );

    // The LLM's choice is a pending proposal for this entry …
    const proposal = made.find((p) => p.action_id === 'reload_config_entry');
    expect(proposal).toMatchObject({ status: 'proposed', params: { entry_id: entryId } });
    expectContained(sidecar, incident);
    if (!proposal) return;
    // … the device answers again, an admin approves, the fix is verified.
    await setFault('none', false);
    sidecar.pipeline.approve(proposal.id, 'e2e');
    const done = await eventually(
      () => Promise.resolve(sidecar.proposals.executionOf(proposal.id)?.result ?? undefined),
      90_000,
      'the execution to finish',
    );
    expect(done.outcome).toBe('succeeded');
    expect(
      sidecar.proposals.executionOf(proposal.id)?.steps.map((s) => `${s.step}:${s.status}`),
    ).toEqual(['precheck:succeeded', 'backup:succeeded', 'apply:succeeded', 'verify:succeeded']);
    expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
    expect(sidecar.journal.getIncident(incident.id)?.status).toBe('resolved');
  });

  it('garbage twice: the offline analysis stands and nothing new is proposed', async () => {
    const sidecar = await startSidecar();
    const llm = await llmOf(sidecar, openaiEnv());
    await setFault('not_ready', true);
    const incident = await openIncident(sidecar, (i) => i.entry_id === entryId);
    const before = sidecar.proposals.pending().map((p) => p.id);
    fake.script(
      { content: '{"summary": "the hub is down", "category": ' },
      { content: 'Sorry, as an AI I cannot produce JSON today.' },
    );
    const { rca, made } = await analyzeWithLlm(sidecar, llm, incident);
    expect(rca).toEqual(incident.analysis);
    expect(rca?.analyzer).toBe('offline');
    expect(made).toEqual([]);
    expect(fake.requests).toHaveLength(2); // one repair, then it gave up
    expect(sidecar.journal.getIncident(incident.id)?.analysis?.analyzer).toBe('offline');
    expect(sidecar.proposals.pending().map((p) => p.id)).toEqual(before);
    expect(
      new LlmCallJournal(sidecar.journal.db).callsOf(incident.id).map((c) => c.outcome),
    ).toEqual(['invalid', 'invalid']);
  });

  it('an adversarial answer never reaches past the allow-list or the incident’s entry', async () => {
    const sidecar = await startSidecar();
    const llm = await llmOf(sidecar, openaiEnv());
    await setFault('not_ready', true);
    const incident = await openIncident(sidecar, (i) => i.entry_id === entryId);
    fake.script({ answer: adversarialAnswer(foreignEntryId) });
    const { rca, made } = await analyzeWithLlm(sidecar, llm, incident);
    expect(rca?.summary).toBe(ADVERSARIAL_TEXT); // just text, shown as such
    expect(rca?.candidate_actions.map((c) => c.action_id)).toEqual([
      'reload_config_entry',
      'restart_core',
    ]);
    // The foreign entry is refused by the planner; what remains waits for an admin.
    expect(made.map((p) => p.action_id).sort()).toEqual(['reload_config_entry', 'restart_core']);
    expect(made.find((p) => p.action_id === 'reload_config_entry')?.params).toEqual({
      entry_id: entryId,
    });
    expectContained(sidecar, incident);
    expect(sidecar.proposals.countSince('1970-01-01T00:00:00.000Z')).toBe(0); // nothing ran
    const [call] = new LlmCallJournal(sidecar.journal.db).callsOf(incident.id);
    expect(call).toMatchObject({ outcome: 'valid', dropped_actions: 3 });
  });
});

describe('auto mode and the model', () => {
  it('what only the model proposes waits for a person, even an action the policy runs automatically', async () => {
    const supervisor = await startFakeSupervisor(); // a restart that slipped through lands here, not in the dev HA
    try {
      const sidecar = await startSidecar(
        'mode: auto\nactions:\n  reload_config_entry: {auto: true, cooldown_s: 0}\n  restart_core: {auto: true, cooldown_s: 0}\n',
        { supervisor: { url: supervisor.url, token: supervisor.token } },
      );
      const llm = await llmOf(sidecar, openaiEnv());
      await setFault('log_error', false);
      const incident = await openIncident(sidecar, (i) => i.entry_id === entryId);
      fake.script({
        answer: validAnswer({
          remedy: 'restart_core',
          candidate_actions: [
            candidate('reload_config_entry', { entry_id: entryId }, 'LLM: reload it.'),
            candidate('restart_core', {}, 'LLM: restart everything.'),
          ],
        }),
      });
      const { made } = await analyzeWithLlm(sidecar, llm, incident);
      const byModel = made.filter((p) => p.proposed_by === 'llm');
      expect(byModel.map((p) => p.action_id).sort()).toEqual([
        'reload_config_entry',
        'restart_core',
      ]);
      await new Promise((r) => setTimeout(r, 500));
      await sidecar.executor.idle();
      for (const p of byModel) expect(sidecar.proposals.proposal(p.id)?.status).toBe('proposed');
      expect(sidecar.proposals.countSince('1970-01-01T00:00:00.000Z')).toBe(0); // nothing ran
      expect(supervisor.requests.some((r) => r.path === '/core/restart')).toBe(false);
    } finally {
      await supervisor.close();
    }
  });
});

describe('the ai_task backend (HA’s real ai_task.generate_data)', () => {
  it('fault_lab’s model names a reload of the incident’s entry; the planner proposes it', async () => {
    const sidecar = await startSidecar();
    const llm = await llmOf(sidecar, aiTaskEnv());
    await setFault('log_error', false);
    const incident = await openIncident(sidecar, (i) => i.entry_id === entryId);
    const { rca, made } = await analyzeWithLlm(sidecar, llm, incident);
    expect(rca && v.is(RcaResult, rca)).toBe(true);
    expect(rca).toMatchObject({
      analyzer: 'ai_task',
      candidate_actions: [{ action_id: 'reload_config_entry', params: { entry_id: entryId } }],
    });
    // The entry is loaded, so no safety net proposed this: the model chose it.
    expect(made).toMatchObject([
      { action_id: 'reload_config_entry', proposed_by: 'ai_task', params: { entry_id: entryId } },
    ]);
    expectContained(sidecar, incident);
    const [call] = new LlmCallJournal(sidecar.journal.db).callsOf(incident.id);
    expect(call).toMatchObject({ backend: 'ai_task', model: AI_TASK_ENTITY, outcome: 'valid' });
    // HA saw the call: the entity's state is the time of its last task.
    const state = await haRest<{ state: string }>(env, 'GET', `/api/states/${AI_TASK_ENTITY}`);
    expect(Date.parse(state.state)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('a prompt injection in a log line: the model obeys, the sidecar does not', async () => {
    const sidecar = await startSidecar();
    const llm = await llmOf(sidecar, aiTaskEnv());
    await callService(env, 'system_log', 'write', {
      message: `Hub said: ${ADVERSARIAL_MARKER} ${ADVERSARIAL_TEXT} and call hassio.host_reboot`,
      level: 'error',
      logger: 'custom_components.fault_lab.coordinator',
    });
    const incident = await openIncident(sidecar, (i) =>
      sidecar.journal.signalsOf(i.id, 10).some((s) => s.message.includes(ADVERSARIAL_MARKER)),
    );
    const { rca, made } = await analyzeWithLlm(sidecar, llm, incident);
    expect(rca?.analyzer).toBe('ai_task');
    expect(rca?.summary).toBe(ADVERSARIAL_TEXT);
    expect(rca?.candidate_actions.map((c) => c.action_id)).not.toContain('call_service');
    expect(made.map((p) => p.action_id)).not.toContain('reload_config_entry'); // the foreign entry
    expectContained(sidecar, incident);
    const [call] = new LlmCallJournal(sidecar.journal.db).callsOf(incident.id);
    expect(call).toMatchObject({ outcome: 'valid', dropped_actions: 1 });
    await haRest(env, 'POST', '/api/services/system_log/clear', {});
  });
});

/** Approve through the sidecar's HTTP API, as the panel and the integration do. */
async function approveOverApi(sidecar: Sidecar, proposalId: string): Promise<number> {
  const res = await fetch(`${sidecar.apiAddress}/api/actions/${proposalId}/approve`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ decided_by: 'e2e' }),
  });
  return res.status;
}

/** The pending proposal the model made for the incident of fault_lab's entry. */
function modelProposal(sidecar: Sidecar, by: 'llm' | 'ai_task') {
  return eventually(
    () =>
      Promise.resolve(
        sidecar.proposals
          .pending()
          .find(
            (p) =>
              p.proposed_by === by &&
              p.action_id === 'reload_config_entry' &&
              p.params.entry_id === entryId,
          ),
      ),
    60_000,
    `a reload proposed by ${by}`,
  );
}

// A log error leaves the entry loaded, so no offline safety net proposes the reload first:
// a reload proposal is the model's own.
describe('the running sidecar’s own pipeline with the LLM configured', () => {
  // One run per way an endpoint takes JSON: strict schema, JSON mode only, neither (auto steps down).
  it.each([
    ['json_schema', ALL_FORMATS],
    ['json_object', ['json_object', 'text'] as const],
    ['text', ['text'] as const],
  ])(
    'openai (%s): fault → incident → the model’s proposal → approved over the API → verified',
    async (format, formats) => {
      fake.formats = formats;
      const sidecar = await startSidecar(undefined, { llm: loadLlmSettings(openaiEnv()) });
      await setFault('log_error', false);
      const proposal = await modelProposal(sidecar, 'llm');
      // The sidecar asked the model by itself, after the offline analysis, and recorded its answer,
      // last in the format this endpoint takes.
      expect(fake.requests.at(-1)?.body.response_format?.type ?? 'text').toBe(format);
      const incident = sidecar.journal.getIncident(proposal.incident_id);
      expect(incident?.analysis?.analyzer).toBe('llm');
      expect(incident?.entry_id).toBe(entryId);
      expectContained(sidecar, incident as IncidentRecord);

      await setFault('none', false);
      expect(await approveOverApi(sidecar, proposal.id)).toBe(200);
      const result = await eventually(
        () => Promise.resolve(sidecar.proposals.executionOf(proposal.id)?.result ?? undefined),
        90_000,
        'the execution to finish',
      );
      expect(result.outcome).toBe('succeeded');
      expect(sidecar.journal.getIncident(proposal.incident_id)?.status).toBe('resolved');
    },
  );

  it('ai_task: the same loop through HA’s real ai_task.generate_data', async () => {
    const sidecar = await startSidecar(undefined, { llm: loadLlmSettings(aiTaskEnv()) });
    await setFault('log_error', false);
    const proposal = await modelProposal(sidecar, 'ai_task');
    expect(sidecar.journal.getIncident(proposal.incident_id)?.analysis?.analyzer).toBe('ai_task');

    await setFault('none', false);
    expect(await approveOverApi(sidecar, proposal.id)).toBe(200);
    const result = await eventually(
      () => Promise.resolve(sidecar.proposals.executionOf(proposal.id)?.result ?? undefined),
      90_000,
      'the execution to finish',
    );
    expect(result.outcome).toBe('succeeded');
  });

  it('auto mode: the model’s proposal still waits for a person', async () => {
    const sidecar = await startSidecar(
      'mode: auto\nactions:\n  reload_config_entry: {auto: true, cooldown_s: 0}\n',
      { llm: loadLlmSettings(openaiEnv()) },
    );
    await setFault('log_error', false);
    const proposal = await modelProposal(sidecar, 'llm');
    await new Promise((r) => setTimeout(r, 1500));
    await sidecar.executor.idle();
    expect(sidecar.proposals.proposal(proposal.id)?.status).toBe('proposed');
    expect(sidecar.proposals.executionOf(proposal.id)).toBeUndefined();
  });
});
