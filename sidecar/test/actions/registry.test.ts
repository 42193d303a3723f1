/**
 * An action describes itself (label, guide for the model, parameters), so the
 * allow-list is one registry: the model's instructions, its answer schema, the
 * answer check, the planner and the proposal's label all follow it. Adding an
 * action is its id in the contracts' vocabulary (the word every part shares,
 * checked by the first test), one file, and one line in actions/index.ts; the
 * second test adds a dummy's file and line and sees everything else follow.
 */
import { ACTION_IDS, type ActionId, type RcaResult } from '@ha-llm-ops/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionContext, ActionDefinition } from '../../src/actions/action.js';
import { ACTIONS, allowListed } from '../../src/actions/index.js';
import type * as Registry from '../../src/actions/index.js';
import type { Inventory } from '../../src/ha/inventory.js';
import { makePipeline, makePlanner, signal } from '../helpers/pipeline.js';

/** A harmless action, written as CONTRIBUTING says: one object in one file. */
const powerNap: ActionDefinition = {
  id: 'power_nap' as ActionId,
  label: 'Let the hub rest',
  guide: 'pause polling of the incident’s hub for a while (minutes).',
  params: { minutes: 'How long the hub rests, in minutes' },
  risk: 'low',
  fixes: false,
  resolve: (_ctx, params) => Promise.resolve({ minutes: Number(params.minutes ?? 5) }),
  target: (p) => `power_nap:${String(p.minutes)}`,
  preview: () => ({
    summary: 'Pause polling.',
    precondition: 'Any time.',
    backup: null,
    verification: [],
    rollback: 'Polling resumes by itself.',
  }),
  verification: () => [],
  apply: () => Promise.resolve({}),
  rollback: () => Promise.resolve({ attempted: false, succeeded: true, detail: 'nothing' }),
};

afterEach(() => {
  vi.doUnmock('../../src/actions/index.js');
  vi.resetModules();
});

describe('the allow-list', () => {
  it('knows only its own actions, never what every object inherits', () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'shell'])
      expect(allowListed(id)).toBeUndefined();
    expect(allowListed('reload_config_entry')?.id).toBe('reload_config_entry');
  });

  it('is the contracts’ action vocabulary, each action describing itself', () => {
    expect(Object.keys(ACTIONS)).toEqual([...ACTION_IDS]);
    for (const [id, def] of Object.entries(ACTIONS)) {
      expect(def.id).toBe(id);
      expect(def.label).toMatch(/^[A-Z]/);
      expect(def.guide.length).toBeGreaterThan(20);
      for (const [param, what] of Object.entries(def.params)) {
        expect(param).toMatch(/^[a-z_]+$/);
        expect(what).not.toBe('');
      }
    }
  });

  it('grows by one file and one registration line: prompt, schema, planner and label follow', async () => {
    vi.resetModules();
    vi.doMock('../../src/actions/index.js', async (original) => {
      const real = await original<typeof Registry>();
      const ACTIONS = { ...real.ACTIONS, power_nap: powerNap }; // the one registration line
      return {
        ACTIONS,
        allowListed: (id: string) =>
          Object.hasOwn(ACTIONS, id) ? ACTIONS[id as keyof typeof ACTIONS] : undefined,
      };
    });
    const { SYSTEM_PROMPT } = await import('../../src/analyze/llm/prompt.js');
    const { ANSWER_JSON_SCHEMA } = await import('../../src/analyze/llm/schema.js');
    const { Planner } = await import('../../src/plan/planner.js');

    // The model is told about it, and its answer schema takes its parameter …
    expect(SYSTEM_PROMPT).toContain(`- power_nap: ${powerNap.guide}`);
    const schema = JSON.stringify(ANSWER_JSON_SCHEMA);
    expect(schema).toContain('"power_nap"');
    expect(schema).toContain('How long the hub rests, in minutes (power_nap)');

    // … and the planner proposes it, with the action's own label for people.
    const { journal, lifecycle, correlator } = makePipeline();
    correlator.emit(signal({ integration: 'hue' }));
    const [incident] = journal.listIncidents({}, 1, 0).items;
    if (!incident) throw new Error('no incident');
    const { planner } = makePlanner(
      { journal, lifecycle },
      (i) =>
        ({
          incident: i,
          inventory: { entry: () => undefined } as unknown as Inventory,
        }) as unknown as ActionContext,
      Planner,
    );
    const candidate = {
      action_id: 'power_nap' as ActionId,
      params: { minutes: '10' },
      rationale: 'Let it rest.',
      risk: 'low' as const,
    };
    const rca = { ...incident.analysis, candidate_actions: [candidate] } as RcaResult;
    const made = await planner.plan(incident, rca, 'llm');
    expect(made.map((p) => [p.action_id, p.params, p.preview.label])).toEqual([
      ['power_nap', { minutes: 10 }, 'Let the hub rest'],
    ]);
  });
});
