/**
 * The running sidecar's own pipeline with the LLM configured: fault → incident → the model
 * names the fix → proposal → approved over the API → verified, for each way an endpoint
 * takes JSON and for ai_task; nothing the model says reaches past the allow-list.
 */
import { describe, expect, it } from 'vitest';
import { loadLlmSettings } from '../../../sidecar/src/shared/llm-settings.js';
import type { IncidentRecord } from '../../../sidecar/src/journal/journal.js';
import type { Sidecar } from '../../../sidecar/src/sidecar.js';
import { ALL_FORMATS } from '../../harness/fake-openai.js';
import { eventually } from '../../harness/ha-rest.js';
import {
  aiTaskEnv,
  entryId,
  expectContained,
  fake,
  openaiEnv,
  setFault,
  startSidecar,
  useLlmSetup,
} from './setup.js';

useLlmSetup();

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
