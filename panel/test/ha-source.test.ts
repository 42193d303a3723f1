/** The IncidentSource over HA's WebSocket: messages sent, errors understood. */
import { describe, expect, it } from 'vitest';
import { HaPanelSource } from '../src/data/ha-panel-source.js';
import {
  HaIncidentSource,
  wsError,
  type HassLike,
  type HassMessage,
} from '../src/shared/data/ha-source.js';
import { SourceError } from '../src/shared/data/types.js';

function fakeHass(answer: (msg: HassMessage) => unknown, admin = true) {
  const sent: HassMessage[] = [];
  const hass: HassLike = {
    async callWS<T>(msg: HassMessage) {
      sent.push(msg);
      return answer(msg) as T;
    },
    connection: {
      async subscribeMessage(_cb, msg) {
        sent.push(msg);
        return async () => undefined;
      },
    },
    user: { is_admin: admin },
  };
  return { hass, sent };
}

describe('wsError', () => {
  it.each([
    [{ code: 'unknown_command', message: 'Unknown command.' }, 'unsupported'],
    [{ code: 'unauthorized', message: 'Unauthorized' }, 'forbidden'],
    [{ code: 3, message: 'Connection lost' }, 'offline'],
    [
      {
        code: 'home_assistant_error',
        message: 'Cannot reach the LLM Ops sidecar at http://x.',
        translation_key: 'cannot_connect',
      },
      'offline',
    ],
    [
      { code: 'home_assistant_error', message: 'x', translation_key: 'sidecar_unavailable' },
      'offline',
    ],
    [
      {
        code: 'service_validation_error',
        message: 'LLM Ops is not set up or not loaded.',
        translation_key: 'not_loaded',
      },
      'not_loaded',
    ],
    [
      {
        code: 'service_validation_error',
        message: 'No incident',
        translation_key: 'incident_not_found',
      },
      'not_found',
    ],
    [
      {
        code: 'service_validation_error',
        message: 'no longer pending',
        translation_key: 'rejected_request',
      },
      'conflict',
    ],
    [{ code: 'unknown_error', message: 'Boom' }, 'failed'],
  ])('%j is %s', (err, kind) => {
    const e = wsError(err);
    expect(e).toBeInstanceOf(SourceError);
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(err.message);
  });
});

describe('HaIncidentSource', () => {
  it('sends the integration’s commands without empty filters', async () => {
    const { hass, sent } = fakeHass((msg) =>
      msg.type === 'llm_ops/incidents'
        ? { items: [], total: 0, limit: 500, offset: 0 }
        : { proposal: {}, incident: {} },
    );
    const source = new HaIncidentSource(hass);
    await source.incidents({ active: true, severity: [], integration: '', limit: 500 });
    await source.approve('p1');
    await source.reject('p1', 'because');
    await source.reject('p2');
    await source.dismiss('i1', { ignoreSimilar: true });
    await source.subscribe(() => undefined);
    expect(sent).toEqual([
      { type: 'llm_ops/incidents', active: true, limit: 500 },
      { type: 'llm_ops/approve', proposal_id: 'p1' },
      { type: 'llm_ops/reject', proposal_id: 'p1', reason: 'because' },
      { type: 'llm_ops/reject', proposal_id: 'p2' },
      { type: 'llm_ops/dismiss', incident_id: 'i1', ignore_similar: true },
      { type: 'llm_ops/subscribe' },
    ]);
    expect(source.canDecide).toBe(true);
    expect(new HaIncidentSource(fakeHass(() => null, false).hass).canDecide).toBe(false);
  });

  it('saves an incident as a rule with llm_ops/save_rule', async () => {
    const { hass, sent } = fakeHass(() => ({ rule: { id: 'from-i1', match: 'boom' } }));
    const source = new HaPanelSource(hass);
    expect(await source.saveRule('i1')).toEqual({ id: 'from-i1', match: 'boom' });
    await source.saveRule('i2', 'mine');
    expect(sent).toEqual([
      { type: 'llm_ops/save_rule', incident_id: 'i1' },
      { type: 'llm_ops/save_rule', incident_id: 'i2', rule_id: 'mine' },
    ]);
  });

  it('answers null for llm_ops/status and llm_ops/proposal on an older integration', async () => {
    const { hass } = fakeHass(() => {
      throw { code: 'unknown_command', message: 'Unknown command.' };
    });
    const source = new HaIncidentSource(hass);
    await expect(source.status()).resolves.toBeNull();
    await expect(source.proposal('p1')).resolves.toBeNull();
    await expect(source.proposals()).rejects.toMatchObject({ kind: 'unsupported' });
  });

  it('reads an incident detail with llm_ops/incident, as the sidecar answers it', async () => {
    const answer = { incident: { id: 'i1' }, signals: [], proposals: [], after_update: null };
    const { hass, sent } = fakeHass(() => answer);
    expect(await new HaIncidentSource(hass).incident('i1')).toEqual(answer);
    expect(sent).toEqual([{ type: 'llm_ops/incident', incident_id: 'i1' }]);
  });
});
