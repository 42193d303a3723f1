import type { RcaResult } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/journal/journal.js';
import { RuleRefused, patternProblem } from '../../src/shared/knowledge.js';
import { generalize, ruleFromIncident, ruleIdOf } from '../../src/shared/knowledge-rule.js';

describe('generalize', () => {
  it.each([
    [
      "Error fetching data from 192.168.1.20:8080 after 31.5 s for device 'Living room'",
      ["Error fetching data from 10.0.0.1:443 after 2 s for device 'Kitchen'"],
    ],
    [
      'Request 0x7f3a9c failed with code 503 (session a3f9e2c1b7d4)',
      ['request 0xdeadbeef failed with code 429 (session 00ff00ff00aa)'],
    ],
    [
      'Token [TOKEN_a1b2c3] rejected by "cloud.example" (attempt 3/5)',
      ['Token [TOKEN_ffffff] rejected by "other.host" (attempt 1/5)'],
    ],
    [
      'zigbee2mqtt bridge 123e4567-e89b-12d3-a456-426614174000 offline',
      ['zigbee2mqtt bridge 00000000-0000-0000-0000-000000000000 offline'],
    ],
  ])('%s → a pattern matching it and its variants', (message, variants) => {
    const re = new RegExp(generalize(message), 'i');
    expect(patternProblem(generalize(message))).toBeNull();
    expect(re.test(message)).toBe(true);
    for (const v of variants) expect(re.test(v), v).toBe(true);
  });

  it('keeps the words literal and escapes what a regex would read', () => {
    const pattern = generalize('Setup of fault_lab (v2) failed: [Errno 111] Connect call failed?');
    expect(pattern).toContain('fault_lab');
    expect(pattern).toContain(String.raw`\(v2\)`);
    expect(
      new RegExp(pattern, 'i').test(
        'Setup of fault_lab (v2) failed: [Errno 7] Connect call failed?',
      ),
    ).toBe(true);
    expect(
      new RegExp(pattern, 'i').test('Setup of other (v2) failed: [Errno 7] Connect call failed?'),
    ).toBe(false);
  });

  it('stays within the length cap for a long message', () => {
    const pattern = generalize('word ('.repeat(400));
    expect(pattern.length).toBeLessThanOrEqual(500);
    expect(patternProblem(pattern)).toBeNull();
  });
});

const rca: RcaResult = {
  summary: 'The hub {1} does not answer',
  root_cause: 'It is off.',
  impact: 'None.',
  confidence: 0.7,
  category: 'device_unavailable',
  remedy: 'check_network_or_device',
  evidence_refs: ['log:0'],
  candidate_actions: [],
  risk: 'low',
  tests: [],
  manual_steps: [],
  analyzer: 'offline',
  signature: 'network.timeout',
};

const incident = (over: Partial<IncidentRecord> = {}) =>
  ({
    id: '01JABCDEF',
    status: 'resolved',
    integration: 'fault_lab',
    title: 'fault_lab: hub does not answer',
    analysis: rca,
    ...over,
  }) as IncidentRecord;

describe('ruleFromIncident', () => {
  it('takes the analysis, the verified action and the integration', () => {
    const rule = ruleFromIncident(
      incident(),
      {
        outcome: 'fixed_by_action',
        action_id: 'reload_config_entry',
        closed_at: '2026-01-01T00:00:00Z',
        signature: 'network.timeout',
        integration: 'fault_lab',
        decided_by: null,
      },
      'Hub 12 did not answer',
    );
    expect(rule).toMatchObject({
      id: 'from-01jabcdef',
      integration: 'fault_lab',
      category: 'device_unavailable',
      remedy: 'check_network_or_device',
      title: 'The hub (1) does not answer',
      actions: ['reload_config_entry'],
    });
    expect(new RegExp(rule.match, 'i').test('hub 7 did not answer')).toBe(true);
  });

  it('names no action when the incident resolved by itself', () => {
    const rule = ruleFromIncident(incident(), null, 'Hub 12 did not answer', 'mine');
    expect(rule.id).toBe('mine');
    expect(rule.actions).toBeUndefined();
  });

  it('refuses an incident that is not resolved, or has no analysis', () => {
    expect(() => ruleFromIncident(incident({ status: 'open' }), null, 'x y')).toThrow(RuleRefused);
    expect(() => ruleFromIncident(incident({ status: 'dismissed' }), null, 'x y')).toThrow(
      /only a resolved incident/,
    );
    expect(() => ruleFromIncident(incident({ analysis: null }), null, 'x y')).toThrow(
      /no analysis/,
    );
  });

  it('makes a safe id from any incident id', () => {
    expect(ruleIdOf('Inc/ABC:1')).toBe('from-inc-abc-1');
  });
});
