/**
 * The ai_task backend against a stand-in for the WebSocket connection (the
 * real `ai_task.generate_data` runs in tests/e2e/llm.test.ts): the message it
 * sends, the structure, and how answers, errors and silence end.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { AI_TASK_STRUCTURE, AiTaskBackend } from '../../../src/analyze/llm/ai-task-backend.js';
import { LlmAnalyzer } from '../../../src/analyze/llm/llm-analyzer.js';
import { createLogger } from '../../../src/log.js';
import {
  adversarialAnswer,
  candidate,
  validAnswer,
} from '../../../../tests/harness/fake-openai.js';
import { bundleOf, ENTRY_ID, llmJournal, offlineFinding } from './helpers.js';

type Handler = (msg: Record<string, unknown>) => Promise<unknown>;

/** Just enough of a home-assistant-js-websocket Connection. */
function connection(handler: Handler, connected = true) {
  const sent: Record<string, unknown>[] = [];
  const conn = {
    connected,
    sendMessagePromise: (msg: Record<string, unknown>) => {
      sent.push(msg);
      return handler(msg);
    },
  } as unknown as Connection;
  return { conn, sent };
}

function setup(handler: Handler, opts: { entityId?: string | null; connected?: boolean } = {}) {
  const j = llmJournal();
  const { conn, sent } = connection(handler, opts.connected ?? true);
  const analyzer = new LlmAnalyzer({
    backend: new AiTaskBackend({
      connection: () => conn,
      entityId: opts.entityId === undefined ? 'ai_task.fault_lab_ai' : opts.entityId,
      timeoutS: 1,
    }),
    calls: j.calls,
    callsPerHour: 20,
    costPerMtok: { input: 1, output: 1 },
    log: createLogger('error'),
    now: j.clock.now,
  });
  const incident = j.open({ entry_id: ENTRY_ID });
  return { ...j, analyzer, sent, incident };
}

const reply = (data: unknown) => () =>
  Promise.resolve({ context: { id: 'x' }, response: { conversation_id: 'c1', data } });

describe('AiTaskBackend', () => {
  it('calls ai_task.generate_data with a structure and returns a validated ai_task analysis', async () => {
    const s = setup(
      reply(
        validAnswer({
          candidate_actions: [candidate('reload_config_entry', { entry_id: ENTRY_ID })],
        }),
      ),
    );
    const rca = await s.analyzer.analyze(s.incident, bundleOf(s.incident), offlineFinding());
    expect(rca).toMatchObject({
      analyzer: 'ai_task',
      candidate_actions: [{ action_id: 'reload_config_entry', params: { entry_id: ENTRY_ID } }],
    });
    const [msg] = s.sent;
    expect(msg).toMatchObject({
      type: 'call_service',
      domain: 'ai_task',
      service: 'generate_data',
      return_response: true,
      service_data: {
        task_name: 'LLM Ops incident analysis',
        entity_id: 'ai_task.fault_lab_ai',
        structure: AI_TASK_STRUCTURE,
      },
    });
    const instructions = (msg?.service_data as { instructions: string }).instructions;
    expect(instructions).toMatch(/UNTRUSTED DATA[\s\S]*<<<DATA-[0-9a-f]{16}\n\{/);
    // HA reports no usage: the journal holds estimates.
    const [call] = s.calls.callsOf(s.incident.id);
    expect(call).toMatchObject({
      backend: 'ai_task',
      model: 'ai_task.fault_lab_ai',
      outcome: 'valid',
    });
    expect(call?.prompt_tokens).toBeGreaterThan(500);
  });

  it('describes every answer field as HA’s selector-based structure', () => {
    for (const field of Object.values(AI_TASK_STRUCTURE)) {
      expect(field.required).toBe(true);
      expect(Object.keys(field.selector)).toHaveLength(1);
    }
    expect(AI_TASK_STRUCTURE.candidate_actions.selector.object.fields.action_id.selector).toEqual({
      select: { options: expect.arrayContaining(['reload_config_entry', 'restart_core']) },
    });
  });

  it('leaves the entity to HA’s preference when none is configured', async () => {
    const s = setup(reply(validAnswer()), { entityId: null });
    await s.analyzer.analyze(s.incident, bundleOf(s.incident), null);
    expect(s.sent[0]?.service_data).not.toHaveProperty('entity_id');
  });

  it('drops what the model names off the allow-list', async () => {
    const s = setup(reply(adversarialAnswer('01JFOREIGN000000000000000AB')));
    const rca = await s.analyzer.analyze(s.incident, bundleOf(s.incident), null);
    expect(rca?.candidate_actions.map((c) => c.action_id)).toEqual([
      'reload_config_entry',
      'restart_core',
    ]);
    expect(s.calls.callsOf(s.incident.id)[0]?.dropped_actions).toBe(3);
  });

  it('repairs a text answer that is not JSON, with the reason in the instructions', async () => {
    const answers = ['The hub is down, reload it.', validAnswer()];
    const s = setup(() => reply(answers.shift())());
    const rca = await s.analyzer.analyze(s.incident, bundleOf(s.incident), null);
    expect(rca?.analyzer).toBe('ai_task');
    expect(s.sent).toHaveLength(2);
    const second = (s.sent[1]?.service_data as { instructions: string }).instructions;
    expect(second).toMatch(/Your previous answer was refused: the answer is not valid JSON/);
    expect(s.calls.callsOf(s.incident.id).map((c) => c.outcome)).toEqual(['invalid', 'repaired']);
  });

  it('falls back on HA errors, silence and a lost connection', async () => {
    const offline = offlineFinding();
    const failing = setup(() =>
      Promise.reject({ code: 'service_validation_error', message: 'Entity ai_task.x not found' }),
    );
    expect(
      await failing.analyzer.analyze(failing.incident, bundleOf(failing.incident), offline),
    ).toBe(offline);
    expect(failing.calls.callsOf(failing.incident.id)).toMatchObject([
      { outcome: 'error', detail: 'service_validation_error: Entity ai_task.x not found' },
    ]);

    const silent = setup(() => new Promise(() => undefined));
    expect(await silent.analyzer.analyze(silent.incident, bundleOf(silent.incident), offline)).toBe(
      offline,
    );
    expect(silent.calls.callsOf(silent.incident.id)).toMatchObject([{ outcome: 'timeout' }]);

    const offlineHa = setup(reply(validAnswer()), { connected: false });
    expect(
      await offlineHa.analyzer.analyze(offlineHa.incident, bundleOf(offlineHa.incident), offline),
    ).toBe(offline);
    expect(offlineHa.sent).toHaveLength(0);
    expect(offlineHa.calls.callsOf(offlineHa.incident.id)).toMatchObject([
      { outcome: 'error', detail: 'Home Assistant is not connected' },
    ]);
  });
});
