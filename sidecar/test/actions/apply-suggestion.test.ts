/**
 * apply_suggestion against the fake Supervisor: only a safe fix the resolution center offers
 * for the incident's own issue; applied, the issue goes and the check sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeSupervisor,
  type FakeSupervisor,
} from '../../../tests/harness/fake-supervisor.js';
import type { ActionContext } from '../../src/actions/action.js';
import { applySuggestion } from '../../src/actions/apply-suggestion.js';
import { supervisorCollector } from '../../src/collect/supervisor.js';
import { verify } from '../../src/execute/verify.js';
import { createLogger } from '../../src/log.js';
import { SupervisorClient } from '../../src/supervisor/client.js';
import { makePipeline, supervisorContext } from '../helpers/pipeline.js';

const BOOT = 'a'.repeat(32);
const START = 'b'.repeat(32);
const REMOVE = 'c'.repeat(32);
const OTHER = 'd'.repeat(32);

let fake: FakeSupervisor;
let client: SupervisorClient;

beforeAll(async () => {
  fake = await startFakeSupervisor({
    addons: [
      {
        slug: 'core_mosquitto',
        name: 'Mosquitto broker',
        version: '6.5.1',
        state: 'stopped',
        update_available: false,
        log: [],
      },
    ],
    resolution: {
      unsupported: [],
      unhealthy: [],
      issues: [
        { uuid: BOOT, type: 'boot_fail', context: 'addon', reference: 'core_mosquitto' },
        { uuid: OTHER, type: 'corrupt_docker', context: 'system', reference: null },
      ],
      suggestions: [
        {
          uuid: START,
          type: 'execute_start',
          context: 'addon',
          reference: 'core_mosquitto',
          auto: false,
        },
        {
          uuid: REMOVE,
          type: 'execute_remove',
          context: 'addon',
          reference: 'core_mosquitto',
          auto: false,
        },
        {
          uuid: 'e'.repeat(32),
          type: 'execute_repair',
          context: 'system',
          reference: null,
          auto: false,
        },
      ],
    },
  });
  client = new SupervisorClient(fake.url, fake.token);
});
afterAll(() => fake.close());

/** The incidents the Supervisor collector opens, and an action context for one of them. */
async function incidentContext(subject: string): Promise<ActionContext> {
  const pipeline = makePipeline();
  const stop = await supervisorCollector.start(supervisorContext(pipeline, client));
  await stop();
  const incident = pipeline.journal
    .listIncidents({}, 20, 0)
    .items.find((i) => i.subject === subject);
  if (!incident) throw new Error(`no incident for ${subject}`);
  return {
    supervisor: client,
    journal: pipeline.journal,
    incident,
    log: createLogger('error'),
    now: () => new Date(),
  } as unknown as ActionContext;
}

describe('apply_suggestion', () => {
  it('takes the one safe fix offered for the incident’s issue, and refuses the unsafe one', async () => {
    const ctx = await incidentContext('addon:core_mosquitto');
    await expect(applySuggestion.resolve(ctx, {})).resolves.toMatchObject({
      suggestion: START,
      type: 'execute_start',
      issue: BOOT,
    });
    await expect(applySuggestion.resolve(ctx, { suggestion: REMOVE })).rejects.toThrow(
      /not one LLM Ops applies/,
    );
    await expect(applySuggestion.resolve(ctx, { suggestion: 'rm -rf' })).rejects.toThrow(
      /suggestion must be a suggestion uuid/,
    );
    await expect(applySuggestion.resolve(ctx, { slug: 'x' })).rejects.toThrow(
      /unknown parameter slug/,
    );
  });

  it('offers nothing for an issue whose only fix is not a safe kind', async () => {
    const ctx = await incidentContext('supervisor:corrupt_docker');
    await expect(applySuggestion.resolve(ctx, {})).rejects.toThrow(
      /offers no fix for this issue that LLM Ops applies/,
    );
  });

  it('applied, the Supervisor runs it, the issue goes and the check passes', async () => {
    const ctx = await incidentContext('addon:core_mosquitto');
    const params = await applySuggestion.resolve(ctx, {});
    await applySuggestion.apply(ctx, params);
    expect(
      fake.requests.some(
        (r) => r.method === 'POST' && r.path === `/resolution/suggestion/${START}`,
      ),
    ).toBe(true);
    expect(fake.state.addons[0]?.state).toBe('started');
    const checks = await verify(applySuggestion.verification(ctx, params), {
      ctx,
      params,
      applied: {},
      appliedAt: new Date().toISOString(),
      backupId: null,
      maxWaitS: 5,
    });
    expect(checks).toEqual([
      expect.objectContaining({ passed: true, detail: 'the issue is gone' }),
    ]);
  });
});
