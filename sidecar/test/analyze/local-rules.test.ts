import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/analyze/offline/engine.js';
import { parseKnowledge } from '../../src/shared/knowledge.js';
import { entry, expectWellFormed, input, line, must } from './helpers.js';

const RULES = parseKnowledge(
  `
rules:
  - id: other-domain
    match: 'timeout'
    integration: somewhere_else
    category: other
    remedy: notify_only
  - id: hub-timeout
    match: 'Timeout while contacting (?<host>hub-\\w+)'
    integration: fault_lab
    category: device_unavailable
    remedy: check_network_or_device
    title: '{integration}: {host} does not answer'
    actions: [reload_config_entry, rm_rf_is_not_here]
`.replace(', rm_rf_is_not_here', ''),
);

const evidence = () =>
  input(
    'fault_lab',
    [
      line(
        'Timeout while contacting hub-kitchen (10 s)',
        'ERROR',
        'homeassistant.components.fault_lab',
      ),
    ],
    {
      entry: entry('fault_lab', 'setup_retry', 'Timeout while contacting hub-kitchen'),
    },
  );

describe('local rules (the knowledge file)', () => {
  it('a matching rule wins over the built-in signatures', () => {
    const builtIn = must(analyzeOffline(evidence()), 'a built-in finding');
    expect(builtIn.rca.signature).not.toMatch(/^local\./);

    const finding = must(analyzeOffline({ ...evidence(), localRules: RULES }), 'a finding');
    expectWellFormed(finding);
    expect(finding.rca.signature).toBe('local.hub-timeout');
    expect(finding.rca.category).toBe('device_unavailable');
    expect(finding.rca.remedy).toBe('check_network_or_device');
    expect(finding.rca.confidence).toBe(0.85);
    expect(finding.title).toBe('fault_lab: hub-kitchen does not answer');
    // Named only: the planner resolves the parameters from the incident and checks them.
    expect(finding.rca.candidate_actions).toEqual([
      expect.objectContaining({ action_id: 'reload_config_entry', params: {} }),
    ]);
  });

  it('a rule for another integration, or that matches nothing, changes nothing', () => {
    const other = parseKnowledge(
      "rules:\n  - {id: x, match: 'timeout', integration: hue, category: other, remedy: notify_only}\n  - {id: y, match: 'never said', category: other, remedy: notify_only}\n",
    );
    const finding = must(analyzeOffline({ ...evidence(), localRules: other }));
    expect(finding.rca.signature).toBe(must(analyzeOffline(evidence())).rca.signature);
  });

  it('its confidence is the rule’s when it gives one', () => {
    const rules = parseKnowledge(
      "rules:\n  - {id: z, match: 'hub-kitchen', category: network_unreachable, remedy: notify_only, confidence: 0.6}\n",
    );
    expect(must(analyzeOffline({ ...evidence(), localRules: rules })).rca).toMatchObject({
      signature: 'local.z',
      confidence: 0.6,
      candidate_actions: [],
    });
  });
});
