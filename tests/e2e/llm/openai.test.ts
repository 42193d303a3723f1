/**
 * The LLM analyzer with the OpenAI-compatible backend, in-process against the real dev HA:
 * the real `openai` SDK talking to the fake endpoint, one analysis driven step by step to
 * look inside it (the request, the journaled cost, repairs of garbage, an adversarial
 * answer), and its proposal approved and verified.
 */
import { RcaResult } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ANSWER_JSON_SCHEMA } from '../../../sidecar/src/analyze/llm/schema.js';
import { LlmCallJournal } from '../../../sidecar/src/journal/llm-calls.js';
import { adversarialAnswer, ADVERSARIAL_TEXT, messagesOf } from '../../harness/fake-openai.js';
import { configEntries, eventually } from '../../harness/ha-rest.js';
import {
  analyzeWithLlm,
  entryId,
  env,
  expectContained,
  fake,
  foreignEntryId,
  llmOf,
  openaiEnv,
  openIncident,
  setFault,
  startSidecar,
  useLlmSetup,
} from './setup.js';

useLlmSetup();

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
