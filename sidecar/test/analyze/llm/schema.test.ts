import { ACTION_IDS, RcaResult } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_JSON_SCHEMA,
  assertStrictSchema,
  checkAnswer,
  parseAnswerText,
  RESPONSE_FORMAT,
} from '../../../src/analyze/llm/schema.js';
import {
  adversarialAnswer,
  candidate,
  truncatedAnswer,
  validAnswer,
} from '../../../../tests/harness/fake-openai.js';
import { ENTRY_ID } from './helpers.js';

describe('the JSON Schema sent to the model', () => {
  it('is a strict-mode response_format: every object closed, every key required', () => {
    expect(RESPONSE_FORMAT).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'incident_analysis', strict: true },
    });
    expect(() => assertStrictSchema(ANSWER_JSON_SCHEMA)).not.toThrow();
    expect(ANSWER_JSON_SCHEMA).not.toHaveProperty('$schema');
    expect(Object.keys(ANSWER_JSON_SCHEMA.properties as object)).toEqual([
      'summary',
      'root_cause',
      'impact',
      'confidence',
      'category',
      'remedy',
      'candidate_actions',
      'risk',
      'tests',
      'manual_steps',
    ]);
    // Keywords strict mode does not know stay out; the length limits are checked on return.
    expect(JSON.stringify(ANSWER_JSON_SCHEMA)).not.toMatch(/minLength|maxLength/);
  });

  it('offers exactly the allow-list as action ids', () => {
    const items = (ANSWER_JSON_SCHEMA.properties as Record<string, { items: unknown }>)
      .candidate_actions?.items as { properties: { action_id: { enum: string[] } } };
    expect(items.properties.action_id.enum).toEqual([...ACTION_IDS]);
  });

  it('assertStrictSchema finds open objects and optional keys', () => {
    expect(() =>
      assertStrictSchema({ type: 'object', properties: { a: { type: 'string' } }, required: [] }),
    ).toThrow(/additionalProperties/);
    expect(() =>
      assertStrictSchema({
        type: 'object',
        properties: { a: { type: 'object', properties: { b: {} }, additionalProperties: false } },
        required: ['a'],
        additionalProperties: false,
      }),
    ).toThrow(/\$\.properties\.a: strict mode needs every key required/);
  });
});

describe('checkAnswer', () => {
  it('turns a valid answer into an RcaResult of the analyzer', () => {
    const check = checkAnswer(
      validAnswer({
        candidate_actions: [candidate('reload_config_entry', { entry_id: ENTRY_ID })],
      }),
      'llm',
    );
    if (!check.ok) throw new Error(check.error);
    const { rca } = check.answer;
    expect(v.is(RcaResult, rca)).toBe(true);
    expect(rca).toMatchObject({
      analyzer: 'llm',
      signature: null,
      category: 'setup_retry',
      remedy: 'reload_config_entry',
      // Unused parameters (null) are dropped: the planner sees only what the model set.
      candidate_actions: [
        {
          action_id: 'reload_config_entry',
          params: { entry_id: ENTRY_ID },
          rationale: 'Reload once the hub answers again.',
          risk: 'low',
        },
      ],
    });
    expect(check.answer.offList).toEqual([]);
    expect(checkAnswer(validAnswer(), 'ai_task').ok && 'ai_task').toBe('ai_task');
  });

  it('drops and counts every action off the allow-list, and suspect parameters', () => {
    const check = checkAnswer(adversarialAnswer('01JFOREIGN000000000000000AB'), 'llm');
    if (!check.ok) throw new Error(check.error);
    expect(check.answer.offList).toEqual(['call_service', 'supervisor/api', 'host_reboot']);
    expect(check.answer.invalid).toBe(1); // disable_config_entry with "also": "rm -rf /"
    // What is left is allow-listed by construction; the planner checks the entry belongs to the incident.
    expect(check.answer.rca.candidate_actions.map((c) => c.action_id)).toEqual([
      'reload_config_entry',
      'restart_core',
    ]);
    for (const c of check.answer.rca.candidate_actions)
      expect(ACTION_IDS as readonly string[]).toContain(c.action_id);
  });

  it('accepts answer text, with or without a ```json fence', () => {
    const text = JSON.stringify(validAnswer());
    expect(checkAnswer(text, 'llm').ok).toBe(true);
    expect(checkAnswer(`\`\`\`json\n${text}\n\`\`\``, 'llm').ok).toBe(true);
    expect(parseAnswerText('  {"a": 1}  ')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['malformed JSON', 'Sure! Here is the analysis: {summary: broken}', /not valid JSON/],
    ['truncated JSON', truncatedAnswer(), /not valid JSON/],
    ['an unknown category', validAnswer({ category: 'gremlins' }), /category: Invalid/],
    ['confidence out of range', validAnswer({ confidence: 7 }), /confidence: Invalid/],
    ['a missing root cause', { ...validAnswer(), root_cause: undefined }, /root_cause/],
    ['a blank summary', validAnswer({ summary: '   ' }), /must not be blank/],
    ['not an object', ['reload_config_entry'], /must be one JSON object/],
    [
      'a verification kind off the list',
      validAnswer({ tests: [{ kind: 'trust_me', description: 'x' }] }),
      /tests\.0\.kind/,
    ],
  ])('refuses %s with a reason fit to send back', (_what, answer, reason) => {
    const check = checkAnswer(answer, 'llm');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(reason);
  });

  it('is lenient where strict mode is absent: missing lists are empty, candidates checked one by one', () => {
    const { candidate_actions: _c, tests: _t, manual_steps: _m, ...bare } = validAnswer();
    const check = checkAnswer(bare, 'llm');
    if (!check.ok) throw new Error(check.error);
    expect(check.answer.rca).toMatchObject({ candidate_actions: [], tests: [], manual_steps: [] });

    const loose = checkAnswer(
      validAnswer({
        candidate_actions: [
          {
            action_id: 'reload_config_entry',
            params: { entry_id: ENTRY_ID },
            rationale: 'r',
            risk: 'low',
          },
          {
            action_id: 'reload_config_entry',
            params: { entry_id: ENTRY_ID },
            rationale: 'again',
            risk: 'low',
          },
          { action_id: 'start_reauth', rationale: 'no params at all', risk: 'low' },
          { action_id: 'restart_core', params: {}, rationale: 'no risk given' },
          42,
        ],
      }),
      'llm',
    );
    if (!loose.ok) throw new Error(loose.error);
    expect(loose.answer.rca.candidate_actions.map((c) => c.action_id)).toEqual([
      'reload_config_entry',
      'start_reauth',
    ]);
    expect(loose.answer.invalid).toBe(1);
    expect(loose.answer.offList).toEqual(['42']);
  });
});
