/**
 * Auto mode and the model: what only the model proposes waits for a person, even an
 * action the policy runs automatically.
 */
import { describe, expect, it } from 'vitest';
import { candidate, validAnswer } from '../../harness/fake-openai.js';
import { startFakeSupervisor } from '../../harness/fake-supervisor.js';
import {
  analyzeWithLlm,
  entryId,
  fake,
  llmOf,
  openaiEnv,
  openIncident,
  setFault,
  startSidecar,
  useLlmSetup,
} from './setup.js';

useLlmSetup();

describe('auto mode and the model', () => {
  it('what only the model proposes waits for a person, even an action the policy runs automatically', async () => {
    const supervisor = await startFakeSupervisor(); // a restart that slipped through lands here, not in the dev HA
    try {
      const sidecar = await startSidecar(
        'mode: auto\nactions:\n  reload_config_entry: {auto: true, cooldown_s: 0}\n  restart_core: {auto: true, cooldown_s: 0}\n',
        { supervisor: { url: supervisor.url, token: supervisor.token } },
      );
      const llm = await llmOf(sidecar, openaiEnv());
      await setFault('log_error', false);
      const incident = await openIncident(sidecar, (i) => i.entry_id === entryId);
      fake.script({
        answer: validAnswer({
          remedy: 'restart_core',
          candidate_actions: [
            candidate('reload_config_entry', { entry_id: entryId }, 'LLM: reload it.'),
            candidate('restart_core', {}, 'LLM: restart everything.'),
          ],
        }),
      });
      const { made } = await analyzeWithLlm(sidecar, llm, incident);
      const byModel = made.filter((p) => p.proposed_by === 'llm');
      expect(byModel.map((p) => p.action_id).sort()).toEqual([
        'reload_config_entry',
        'restart_core',
      ]);
      await new Promise((r) => setTimeout(r, 500));
      await sidecar.executor.idle();
      for (const p of byModel) expect(sidecar.proposals.proposal(p.id)?.status).toBe('proposed');
      expect(sidecar.proposals.countSince('1970-01-01T00:00:00.000Z')).toBe(0); // nothing ran
      expect(supervisor.requests.some((r) => r.path === '/core/restart')).toBe(false);
    } finally {
      await supervisor.close();
    }
  });
});
