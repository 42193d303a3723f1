/**
 * What the LLM analyzer's end-to-end files share: the dev HA, fault_lab's entry and a
 * foreign one, the fake OpenAI-compatible endpoint, in-process sidecars, the LLM analyzer
 * as the sidecar builds it, one analysis driven step by step (`analyzeWithLlm`), and after
 * each test every sidecar stopped and fault_lab's fault cleared.
 */
import { ACTION_IDS, type RcaResult } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createLlmAnalyzer, type LlmAnalyzer } from '../../../sidecar/src/analyze/llm/index.js';
import { loadLlmSettings } from '../../../sidecar/src/shared/llm-settings.js';
import type { Settings } from '../../../sidecar/src/config.js';
import { connectToHa } from '../../../sidecar/src/ha/connection.js';
import type { IncidentRecord } from '../../../sidecar/src/journal/journal.js';
import type { ProposalRecord } from '../../../sidecar/src/journal/proposals.js';
import { createLogger } from '../../../sidecar/src/log.js';
import { Sidecar } from '../../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import {
  candidate,
  incidentFactsOf,
  startFakeOpenAi,
  validAnswer,
  type FakeOpenAi,
} from '../../harness/fake-openai.js';
import { setFault as setFaultIn } from '../../harness/approval.js';
import { readHaEnv, type HaEnv } from '../../harness/ha-dev.js';
import { callService, configEntries, eventually, haRest } from '../../harness/ha-rest.js';

/** The marker fault_lab's pretend model answers adversarially to (tests/ha/…/fault_lab/ai_task.py). */
export const ADVERSARIAL_MARKER = 'FAULT_LAB_ADVERSARIAL';
export const AI_TASK_ENTITY = 'ai_task.fault_lab_ai';
const log = createLogger('error');

export let env: HaEnv;
export let entryId: string;
export let foreignEntryId: string;
export let fake: FakeOpenAi;
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

export async function startSidecar(
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
export async function llmOf(
  sidecar: Sidecar,
  llmEnv: Record<string, string>,
): Promise<LlmAnalyzer> {
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

export const openaiEnv = () => ({
  LLM_OPS_LLM_BACKEND: 'openai',
  LLM_OPS_LLM_BASE_URL: fake.url,
  LLM_OPS_LLM_MODEL: 'gpt-fake',
  LLM_OPS_LLM_API_KEY: fake.apiKey,
  LLM_OPS_LLM_TIMEOUT_S: '10',
  LLM_OPS_LLM_COST_INPUT_PER_MTOK: '0.4',
  LLM_OPS_LLM_COST_OUTPUT_PER_MTOK: '1.6',
});

export const aiTaskEnv = () => ({
  LLM_OPS_LLM_BACKEND: 'ai_task',
  LLM_OPS_LLM_AI_TASK_ENTITY: AI_TASK_ENTITY,
  LLM_OPS_LLM_TIMEOUT_S: '20',
});

/**
 * What the pipeline does once the LLM analyzer is wired: after the offline
 * analysis, ask the LLM; a result of its own is recorded, announced and planned.
 */
export async function analyzeWithLlm(
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
export function openIncident(sidecar: Sidecar, match: (i: IncidentRecord) => boolean = () => true) {
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

/** Set fault_lab's fault (the harness's), on the dev HA these files share. */
export const setFault = (mode: string, reload: boolean): Promise<void> =>
  setFaultIn(env, mode, reload);

/**
 * Pending proposals stay on the allow-list; the LLM's only touch its incident,
 * and entry actions only the incident's own entry. (HA's own Repairs issues
 * may hold offline proposals of their own meanwhile.)
 */
export function expectContained(sidecar: Sidecar, incident: IncidentRecord): void {
  for (const p of sidecar.proposals.pending()) {
    expect(ACTION_IDS as readonly string[]).toContain(p.action_id);
    expect(JSON.stringify(p.params)).not.toContain(foreignEntryId);
    if (p.proposed_by === 'llm' || p.proposed_by === 'ai_task')
      expect(p.incident_id).toBe(incident.id);
    if (p.incident_id === incident.id && 'entry_id' in p.params)
      expect(p.params.entry_id).toBe(entryId);
  }
}

/** The file's hooks: call once at its top. */
export function useLlmSetup(): void {
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
}
