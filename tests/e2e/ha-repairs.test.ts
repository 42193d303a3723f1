/**
 * Home Assistant's own Repairs issues as evidence, in the real dev HA. The dev HA
 * raises one at every start: the notice that its installation method (Core) is
 * unsupported. LLM Ops must show it in HA's words, treat it as information (no
 * action, never awaiting approval), link the incident to HA's issue and raise no
 * Repairs issue of its own for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { addLlmOpsEntry, eventually, haRest, removeEntries } from '../harness/ha-rest.js';
import { haWsCommand } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { sidecarApi } from '../harness/approval.js';

let env: HaEnv;
let sidecar: SidecarProcess;

interface Incident {
  id: string;
  title: string;
  status: string;
  severity: string;
  category: string;
  remedy: string | null;
  ha_issue: { domain: string; issue_id: string } | null;
}
interface Detail {
  incident: Incident;
  proposals: unknown[];
  analysis: { remedy: string; candidate_actions: unknown[]; signature: string | null } | null;
}
interface RepairIssue {
  domain: string;
  issue_id: string;
  translation_placeholders: Record<string, string> | null;
}

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
});

afterAll(async () => {
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
});

describe("Home Assistant's own Repairs notice about the installation method", () => {
  it('is raised by the dev HA (the premise of this test)', async () => {
    const { issues } = await haWsCommand<{ issues: RepairIssue[] }>(env.HA_URL, env.HA_TOKEN, {
      type: 'repairs/list_issues',
    });
    expect(issues.map((i) => `${i.domain}:${i.issue_id}`)).toContain(
      'homeassistant:deprecated_method',
    );
  });

  it("becomes an incident in HA's words, linked to HA's issue, with nothing to approve", async () => {
    const incident = await eventually(
      async () =>
        (await sidecarApi<{ items: Incident[] }>(sidecar, '/api/incidents?limit=200')).items.find(
          (i) => i.ha_issue?.issue_id === 'deprecated_method',
        ),
      30_000,
      'the incident of the deprecated_method notice',
    );
    expect(incident.ha_issue).toEqual({ domain: 'homeassistant', issue_id: 'deprecated_method' });
    // The translated title HA shows in Repairs, never the raw issue id.
    const detail = await eventually(
      async () => {
        const d = await sidecarApi<Detail>(sidecar, `/api/incidents/${incident.id}`);
        return d.analysis ? d : undefined;
      },
      30_000,
      'its analysis',
    );
    expect(detail.incident.title).toBe('Unsupported installation method');
    expect(detail.incident.title).not.toContain('deprecated_method');
    expect(detail.analysis?.signature).toBe('repairs.notice');
    expect(detail.analysis?.remedy).toBe('notify_only');
    expect(detail.analysis?.candidate_actions).toEqual([]);
    expect(detail.proposals).toEqual([]);
    expect(detail.incident.status).not.toBe('awaiting_approval');
    const pending = await sidecarApi<{ incident_id: string }[]>(sidecar, '/api/actions/pending');
    expect(pending.map((p) => p.incident_id)).not.toContain(incident.id);
  });

  it('gets no second Repairs issue from the LLM Ops integration, even at the info threshold', async () => {
    const entryId = await addLlmOpsEntry(env, sidecar);
    // Every severity becomes a Repairs issue: the notice (info) would be one, were it not HA's.
    const options = await haRest<{ flow_id: string }>(
      env,
      'POST',
      '/api/config/config_entries/options/flow',
      { handler: entryId },
    );
    const saved = await haRest<{ type: string }>(
      env,
      'POST',
      `/api/config/config_entries/options/flow/${options.flow_id}`,
      { repair_severity: 'info' },
    );
    expect(saved.type).toBe('create_entry');
    const { items } = await sidecarApi<{ items: Incident[] }>(
      sidecar,
      '/api/incidents?limit=200&active=true',
    );
    const notice = items.find((i) => i.ha_issue?.issue_id === 'deprecated_method');
    if (!notice) throw new Error('the notice has no incident');
    const others = items.filter((i) => !i.ha_issue).map((i) => `incident_${i.id}`);
    const ours = async () =>
      (
        await haWsCommand<{ issues: RepairIssue[] }>(env.HA_URL, env.HA_TOKEN, {
          type: 'repairs/list_issues',
        })
      ).issues
        .filter((i) => i.domain === 'llm_ops')
        .map((i) => i.issue_id);
    // The integration did raise its issues at this threshold (the test can fail)…
    if (others.length > 0)
      await eventually(
        async () => ((await ours()).some((id) => others.includes(id)) ? true : undefined),
        30_000,
        'the integration to raise its other issues',
      );
    // …but none for the incident that mirrors HA's own issue.
    expect(await ours()).not.toContain(`incident_${notice.id}`);
  });
});
