/**
 * What the LLM analyzer shows the model as examples: verified fixes from the journal and
 * the local rules of the knowledge file.
 */
import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../../src/shared/knowledge.js';
import { messagesOf, validAnswer } from '../../../../tests/harness/fake-openai.js';
import { analyze, fake, firstRequest, setup, useFakeEndpoint } from './fake-endpoint.js';
import { ENTRY_ID, offlineFinding } from './helpers.js';

useFakeEndpoint();

describe('LlmAnalyzer: examples in the prompt', () => {
  it('learns from the journal: verified fixes of the same integration, then category, as examples', async () => {
    const s = setup();
    const analysis = (root_cause: string) => offlineFinding({ root_cause });
    // Fixed and verified: the same integration (older), another integration of the same category (newer).
    s.fixed(
      s.incident('old fault_lab retry'),
      'reload_config_entry',
      { entry_id: ENTRY_ID },
      'succeeded',
      analysis('The hub rebooted.'),
    );
    s.clock.advance(60);
    s.fixed(
      s.open({ integration: 'hue', entry_id: 'e-hue', message: 'hue bridge retry' }),
      'reload_config_entry',
      { entry_id: 'e-hue' },
      'succeeded',
      analysis('The bridge was offline.'),
    );
    s.clock.advance(60);
    // Not examples: a failed fix, another category, an incident still open.
    s.fixed(s.incident('fault_lab failed fix', 'e-failed'), 'restart_core', {}, 'failed');
    s.fixed(
      s.open({ integration: 'mqtt', entry_id: 'e-mqtt', message: 'broker auth failed' }),
      'start_reauth',
      { entry_id: 'e-mqtt' },
      'succeeded',
      offlineFinding({ category: 'auth_expired' }),
    );

    const incident = s.incident(
      'Timeout while connecting to Fault Lab hub at [IP_1] again',
      'e-now',
    );
    await analyze(s.analyzer, incident);
    const { user } = messagesOf(firstRequest());
    const examples = /<<<EXAMPLES-[0-9a-f]+\n(.*)\nEXAMPLES-/.exec(user)?.[1];
    expect(JSON.parse(examples ?? '[]')).toEqual([
      expect.objectContaining({
        integration: 'fault_lab',
        root_cause: 'The hub rebooted.',
        verified: 'succeeded',
      }),
      expect.objectContaining({ integration: 'hue', root_cause: 'The bridge was offline.' }),
    ]);
    expect(
      s.calls
        .verifiedFixes({
          integration: 'zwave',
          category: 'auth_expired',
          excludeIncidentId: incident.id,
          limit: 3,
        })
        .map((f) => f.integration),
    ).toEqual(['mqtt']);
  });

  it('shows local rules as examples too: matching ones first, redacted, within the budget', async () => {
    const rules = parseKnowledge(`
rules:
  - id: hub
    match: 'Timeout while connecting to Fault Lab hub'
    integration: fault_lab
    category: device_unavailable
    remedy: check_network_or_device
    root_cause: 'The hub at 192.168.7.7 reboots at night.'
    actions: [reload_config_entry]
  - id: elsewhere
    match: 'timeout'
    integration: hue
    category: network_unreachable
    remedy: notify_only
  - id: unrelated
    match: 'disk full'
    category: database
    remedy: free_disk_or_repair_db
`);
    const s = setup({ knowledge: { rules: () => rules, redact: {} } });
    fake.script({ answer: validAnswer() });
    await analyze(s.analyzer, s.incident());
    const { user } = messagesOf(firstRequest());
    expect(user).toMatch(/Local rules of this home/);
    const shown = user
      .split('\n')
      .filter((l) => l.startsWith('[{') && l.includes('"pattern"'))
      .flatMap((l) => JSON.parse(l) as { pattern: string; root_cause?: string }[]);
    expect(shown.map((r) => r.pattern)).toEqual(['Timeout while connecting to Fault Lab hub']);
    expect(shown[0]?.root_cause).toMatch(/^The hub at \[IP_\w+\] reboots at night\.$/);
    expect(user).not.toContain('192.168.7.7');
  });
});
