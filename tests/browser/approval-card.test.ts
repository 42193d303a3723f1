/**
 * Approving on the approval card, not in the panel: real Chromium, logged in to the dev
 * HA, a real Lovelace dashboard (saved with lovelace/config/save) that holds only
 * `custom:llm-ops-approval-card`, the llm_ops integration against the real sidecar
 * process, and a real fault (fault_lab's hub stops answering). The card's Approve
 * button, confirmed, runs the fix: backup, reload, verification passed, the incident
 * resolved as fixed by the action, and the card shows how it ended.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  faultProposal,
  finished,
  healFaultLab,
  incidentOnceStatus,
  setFault,
  startApprovingSidecar,
  type Proposal,
} from '../harness/approval.js';
import { launchChromium, loginToHa, SCREENSHOT_DIR } from '../harness/browser.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, removeEntries } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { removeDashboard, saveDashboard } from '../harness/lovelace.js';
import type { SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

const DASHBOARD = 'llm-ops-e2e-approve';

let env: HaEnv;
let socket: HaSocket;
let sidecar: SidecarProcess;
let browser: Browser;
let proposal: Proposal;

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  await removeEntries(env, 'llm_ops');
  await removeDashboard(socket, DASHBOARD);
  await healFaultLab(env);
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await startApprovingSidecar(env);
  proposal = await faultProposal(env, socket);

  await saveDashboard(socket, DASHBOARD, 'LLM Ops approvals', [
    {
      title: 'Approvals',
      path: 'approvals',
      cards: [{ type: 'custom:llm-ops-approval-card', title: 'Pending approvals' }],
    },
  ]);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (socket) await removeDashboard(socket, DASHBOARD).catch(() => undefined);
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
  if (env) await healFaultLab(env);
  socket?.close();
}, 120_000);

describe('the approval card on a dashboard', () => {
  it('approves with its own button: the fix runs, is verified, and the card says so', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginToHa(page, env);
    await page.goto(`${env.HA_URL}/${DASHBOARD}/approvals`);
    const card = page.locator('llm-ops-approval-card');
    const row = card.locator(`li[data-proposal="${proposal.id}"]`);
    await poll(() => row.locator('button[data-action=approve]').count()).toBe(1);
    // Not the panel: the card stands on the dashboard by itself.
    expect(await page.locator('llm-ops-panel').count()).toBe(0);

    await row.locator('button[data-action=approve]').click();
    const dialog = row.locator('dialog.confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    // The hub answers again, so the reload can work. (Only now: HA's own setup retry
    // would otherwise set the entry up first, resolving the incident before anyone approves.)
    await setFault(env, 'none', false);
    await dialog.locator('button[data-confirm]').click();

    // The card keeps the decided proposal and shows how it ended.
    const outcome = row.locator('[data-outcome]');
    await poll(() => outcome.getAttribute('data-outcome'), 180_000).toBe('succeeded');
    // …and no longer counts it as waiting (even before it fetches the list again).
    expect(await card.locator('[data-field=count]').count()).toBe(0);
    await poll(() => outcome.innerText(), 60_000).toMatch(/verification passed/);

    const done = await finished(sidecar, proposal.id);
    expect(done.result.outcome).toBe('succeeded');
    expect(done.result.verification.passed).toBe(true);
    expect(done.execution.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'precheck:succeeded',
      'backup:succeeded',
      'apply:succeeded',
      'verify:succeeded',
    ]);
    expect(await outcome.innerText()).toContain(done.result.backup_id ?? 'no backup');
    // Approved by the logged-in user, through the integration.
    expect(done.proposal.decided_by).toBe('Dev Owner');
    const incident = await incidentOnceStatus(sidecar, proposal.incident_id, 'resolved');
    expect(incident.outcome).toMatchObject({
      outcome: 'fixed_by_action',
      action_id: 'reload_config_entry',
    });
    expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
    // Nothing waits any more, and the card still says so after fetching the list again.
    const { proposals } = await socket.command<{ proposals: Proposal[] }>({
      type: 'llm_ops/proposals',
    });
    expect(proposals.filter((p) => p.status === 'proposed')).toEqual([]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await card.screenshot({ path: join(SCREENSHOT_DIR, 'card-approval-approved.png') });
    await page.reload();
    await poll(() => card.locator('ha-card').innerText()).toContain('Nothing waits for approval');
    expect(await card.locator('li.proposal').count()).toBe(0);
    expect(await card.locator('[data-field=count]').count()).toBe(0);
  }, 400_000);
});
