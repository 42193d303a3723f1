/**
 * The LLM Ops panel and cards in the real HA frontend, logged in as the onboarded user:
 * the llm_ops integration set up (through HA's config flow) against a real sidecar that
 * watches the dev HA, and a real incident made by fault_lab. The panel lists and opens
 * it, in the light and the dark theme and on a phone; both cards render on a dashboard
 * saved with lovelace/config/save and their editors open; approving the proposed fix in
 * the panel runs it (backup, reload, verify) and the result appears; when the fault comes
 * back, the new proposal shows that the reload fixed it here before, and the fixed
 * incident is saved as a rule of the knowledge file. Screenshots go to
 * test-results/screenshots; `UPDATE_DOCS_IMAGES=1 npm run test:browser` refreshes the
 * ones in docs/images (so a test run never changes tracked files).
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginToHa, DOCS_IMAGES } from '../harness/browser.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, configEntries, removeEntries } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { removeDashboard, saveDashboard } from '../harness/lovelace.js';
import {
  faultProposal,
  healFaultLab,
  setFault,
  startApprovingSidecar,
  type Proposal,
} from '../harness/approval.js';
import type { SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

const DASHBOARD = 'llm-ops-e2e';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let env: HaEnv;
let sidecar: SidecarProcess;
let socket: HaSocket;
let proposal: Proposal;
let browser: Browser;
let storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
const contexts: BrowserContext[] = [];

/** A page logged in to HA (the session of beforeAll), light or dark, desktop or phone. */
async function newPage(opts: { dark?: boolean; phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    storageState,
    viewport: opts.phone ? PHONE : DESKTOP,
    ...(opts.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    // HA's default theme follows the system's colour scheme unless the user chose one.
    colorScheme: opts.dark ? 'dark' : 'light',
  });
  contexts.push(context);
  const page = await context.newPage();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS_IMAGES, { recursive: true });
  const path = join(DOCS_IMAGES, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  expect(statSync(path).size).toBeLessThan(1024 * 1024);
}

/** Open the panel at `path` and wait until HA has given it its data. */
async function openPanel(page: Page, path = ''): Promise<void> {
  await page.goto(`${env.HA_URL}/llm-ops${path}`);
  await page.locator('llm-ops-panel').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  await removeEntries(env, 'llm_ops');
  await removeDashboard(socket, DASHBOARD);
  await healFaultLab(env);
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  // The integration, through HA's config flow, pointed at a sidecar in approve mode.
  sidecar = await startApprovingSidecar(env);
  // A real incident: fault_lab's hub stops answering, its entry retries setup.
  proposal = await faultProposal(env, socket);

  // A dashboard with both cards.
  await saveDashboard(socket, DASHBOARD, 'LLM Ops e2e', [
    {
      title: 'Ops',
      path: 'ops',
      cards: [
        { type: 'custom:llm-ops-incidents-card', title: 'Incidents', max_items: 5 },
        { type: 'custom:llm-ops-approval-card', title: 'Pending approvals' },
      ],
    },
  ]);

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: DESKTOP });
  await loginToHa(page, env);
  storageState = await page.context().storageState();
  await page.close();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  if (socket) {
    await removeDashboard(socket, DASHBOARD).catch(() => undefined);
    socket.close();
  }
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
  if (env) await setFault(env, 'none', true);
  if (sidecar) rmSync(sidecar.dataDir, { recursive: true, force: true });
}, 240_000);

describe('the panel in HA', () => {
  it('lists the fault_lab incident and opens it (light theme)', async () => {
    const page = await newPage();
    await openPanel(page);
    const row = page.locator(`llm-ops-incident-list .row[data-id="${proposal.incident_id}"]`);
    await poll(() => row.count()).toBe(1);
    const cells = await row.locator('[role=cell]').allInnerTexts();
    expect(cells[1]).toMatch(/fault.?lab/i);
    expect(cells[2]).toBe('fault_lab');
    expect(cells[3]).toBe('Awaiting approval');
    // The pending proposal is announced above the list.
    await poll(() =>
      page.locator(`llm-ops-panel section.pending li[data-proposal="${proposal.id}"]`).count(),
    ).toBe(1);
    // Below the list, what is kept quiet, from the integration's commands (nothing yet).
    const quiet = page.locator('llm-ops-quiet-list section.quiet');
    await poll(() => quiet.count()).toBe(1);
    expect(await quiet.locator('.error-text').count()).toBe(0);
    await shot(page, 'panel-list-light');

    await row.locator('a').click();
    await poll(() => new URL(page.url()).pathname).toBe(
      `/llm-ops/incident/${proposal.incident_id}`,
    );
    const detail = page.locator('llm-ops-incident-detail');
    await poll(() => detail.locator('[data-field=root-cause]').count()).toBe(1);
    expect(await detail.locator('h2').innerText()).toMatch(/fault.?lab/i);
    expect(await detail.locator(`article[data-proposal="${proposal.id}"]`).innerText()).toMatch(
      /Reload the integration entry/,
    );
    expect(await detail.locator('ol.timeline li').count()).toBeGreaterThan(1);
    await shot(page, 'panel-detail-light');

    // A deep link opens the incident directly; Back returns to the list.
    await page.reload();
    await poll(() => detail.locator('h2').innerText()).toMatch(/fault.?lab/i);
    await page.locator('llm-ops-panel a.back').click();
    await poll(() => new URL(page.url()).pathname).toBe('/llm-ops');
    await poll(() => row.isVisible()).toBe(true);
  });

  it('follows HA’s dark theme', async () => {
    const page = await newPage({ dark: true });
    await openPanel(page);
    // HA's own frontend decides dark mode from the system's scheme once its themes arrive;
    // a page where HA itself never turned dark says nothing about the panel: load it again once.
    const haDark = () =>
      page.evaluate(
        () =>
          (
            document.querySelector('home-assistant') as {
              hass?: { themes?: { darkMode?: boolean } };
            }
          )?.hass?.themes?.darkMode === true,
      );
    try {
      await poll(haDark, 20_000).toBe(true);
    } catch {
      await openPanel(page);
      await poll(haDark).toBe(true);
    }
    const row = page.locator(`llm-ops-incident-list .row[data-id="${proposal.incident_id}"]`);
    await poll(() => row.count()).toBe(1);
    await poll(() => page.locator('llm-ops-panel').getAttribute('dark')).toBe('');
    // The panel's surfaces take the theme's (dark) colours.
    const background = await page
      .locator('llm-ops-incident-list .table-wrap')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(3 * 80);
    await shot(page, 'panel-list-dark');
    await openPanel(page, `/incident/${proposal.incident_id}`);
    await poll(() => page.locator('llm-ops-incident-detail [data-field=root-cause]').count()).toBe(
      1,
    );
    await shot(page, 'panel-detail-dark');
  });

  it('works on a phone', async () => {
    const page = await newPage({ phone: true });
    await openPanel(page);
    await poll(() => page.locator('llm-ops-panel').getAttribute('narrow')).toBe('');
    const item = page.locator(
      `llm-ops-incident-list ul.cards li[data-id="${proposal.incident_id}"]`,
    );
    await poll(() => item.count()).toBe(1);
    expect(await page.locator('llm-ops-incident-list [role=table]').count()).toBe(0);
    const overflow = await page
      .locator('llm-ops-panel')
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The menu button opens HA's sidebar.
    await page.locator('llm-ops-panel button[aria-label="Open the sidebar"]').click();
    await poll(() => page.locator('ha-sidebar').isVisible(), 10_000).toBe(true);
    await page.keyboard.press('Escape');
    await page.mouse.click(PHONE.width - 10, PHONE.height / 2);
    await item.locator('a').click();
    await poll(() => page.locator('llm-ops-incident-detail h2').isVisible()).toBe(true);
    await shot(page, 'panel-mobile');
  });

  it('prepares a bug report for fault_lab’s tracker, to copy or to open (report upstream)', async () => {
    const page = await newPage();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.HA_URL });
    await openPanel(page, `/incident/${proposal.incident_id}`);
    const section = page.locator('llm-ops-incident-detail section.upstream');
    await poll(() => section.count()).toBe(1);
    await section.locator('button[data-action=prepare-report]').click();
    const body = section.locator('[data-field=report-body]');
    await poll(() => body.count()).toBe(1);
    const text = await body.innerText();
    expect(text).toContain('### What version of Home Assistant Core has the issue?');
    expect(text).toContain('Fault Lab (`fault_lab`) version 0.1.0, custom integration');
    expect(await section.locator('[data-field=tracker]').innerText()).toBe(
      'https://github.com/ha-llm-ops/ha-llm-ops/issues',
    );
    const hrefs = await section
      .locator('[data-field=upstream-links] a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(2);
    expect(hrefs[0]).toMatch(
      /^https:\/\/github\.com\/ha-llm-ops\/ha-llm-ops\/issues\?q=is%3Aissue/,
    );
    const issue = new URL(hrefs[1] ?? '');
    expect(issue.pathname).toBe('/ha-llm-ops/ha-llm-ops/issues/new');
    expect(issue.searchParams.get('body')).toBe(text);

    await section.locator('button[data-action=copy]').click();
    await poll(() => section.locator('[role=status]').innerText()).toBe('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await section.screenshot({ path: join(DOCS_IMAGES, 'panel-report-upstream.png') });
  });
});

describe('the cards on a dashboard', () => {
  it('render the incident and the pending proposal', async () => {
    const page = await newPage();
    await page.goto(`${env.HA_URL}/${DASHBOARD}/ops`);
    const incidents = page.locator('llm-ops-incidents-card');
    await poll(() => incidents.locator(`li[data-id="${proposal.incident_id}"]`).count()).toBe(1);
    expect(await incidents.locator('.counts').innerText()).toMatch(/Error/);
    await incidents.screenshot({ path: join(DOCS_IMAGES, 'card-incidents.png') });
    const approvals = page.locator('llm-ops-approval-card');
    await poll(() => approvals.locator(`li[data-proposal="${proposal.id}"]`).count()).toBe(1);
    expect(
      await approvals.locator(`li[data-proposal="${proposal.id}"] button[data-action]`).count(),
    ).toBe(2);
    await approvals.screenshot({ path: join(DOCS_IMAGES, 'card-approval.png') });

    // Tapping the incident opens the panel at it.
    await incidents.locator(`li[data-id="${proposal.incident_id}"] a`).click();
    await poll(() => new URL(page.url()).pathname).toBe(
      `/llm-ops/incident/${proposal.incident_id}`,
    );
    await poll(() => page.locator('llm-ops-incident-detail h2').isVisible()).toBe(true);
  });

  it('open their visual editors', async () => {
    const page = await newPage();
    await page.goto(`${env.HA_URL}/${DASHBOARD}/ops?edit=1`);
    for (const [card, editor, title] of [
      ['llm-ops-incidents-card', 'llm-ops-incidents-card-editor', 'Edited incidents'],
      ['llm-ops-approval-card', 'llm-ops-approval-card-editor', 'Edited approvals'],
    ] as const) {
      const options = page.locator('hui-card-options', { has: page.locator(card) });
      await poll(() => options.count()).toBe(1);
      await options.locator('ha-button', { hasText: 'Edit' }).first().click();
      const dialog = page.locator('hui-dialog-edit-card');
      const form = dialog.locator(editor);
      await poll(() => form.isVisible()).toBe(true);
      await form.locator('input[name=title]').fill(title);
      await form.locator('input[name=title]').press('Tab');
      // The editor's config-changed reaches HA: its live preview shows the new title…
      await poll(() => dialog.locator(`${card} h2`).first().innerText()).toContain(title);
      // …and saving stores it in the dashboard.
      await dialog.locator('ha-button', { hasText: 'Save' }).last().click();
      await poll(() => form.count()).toBe(0);
    }
    const saved = await socket.command<{ views: { cards: { type: string; title?: string }[] }[] }>({
      type: 'lovelace/config',
      url_path: DASHBOARD,
    });
    expect(saved.views[0]?.cards.map((c) => [c.type, c.title])).toEqual([
      ['custom:llm-ops-incidents-card', 'Edited incidents'],
      ['custom:llm-ops-approval-card', 'Edited approvals'],
    ]);
  });
});

describe('approving in the panel', () => {
  it('runs the fix and shows the result', async () => {
    const page = await newPage();
    await openPanel(page, `/incident/${proposal.incident_id}`);
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('button[data-action=approve]').count()).toBe(1);
    await card.locator('button[data-action=approve]').click();
    const dialog = page.locator('llm-ops-incident-detail dialog.confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    // The hub answers again, so the reload can work. (Only now: HA's own setup retry
    // would otherwise set the entry up first, resolving the incident before anyone approves.)
    await setFault(env, 'none', false);
    await dialog.locator('button[data-confirm]').click();

    // Progress, then the outcome with the backup taken first.
    await poll(() => card.locator('.chip[data-status]').first().innerText(), 180_000).toMatch(
      /Succeeded/,
    );
    await poll(() => card.locator('[data-field=backup-id]').count(), 30_000).toBe(1);
    const backupId = await card.locator('[data-field=backup-id]').first().innerText();
    const info = await socket.command<{ backups: { backup_id: string }[] }>({
      type: 'backup/info',
    });
    expect(info.backups.map((b) => b.backup_id)).toContain(backupId);
    expect((await configEntries(env, 'fault_lab'))[0]?.state).toBe('loaded');
    // The incident resolves; the panel says so.
    await poll(
      () => page.locator('llm-ops-incident-detail .status[data-status]').innerText(),
      120_000,
    ).toBe('Resolved');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'panel-approved');
  }, 400_000);

  it('saves the fixed incident as a rule of the knowledge file', async () => {
    const page = await newPage();
    await openPanel(page, `/incident/${proposal.incident_id}`);
    const detail = page.locator('llm-ops-incident-detail');
    const save = detail.locator('button[data-action=save-rule]');
    await poll(() => save.count()).toBe(1);
    await save.scrollIntoViewIfNeeded();
    await shot(page, 'panel-save-rule');
    await save.click();
    const dialog = detail.locator('dialog.confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('button[data-confirm]').click();
    const ruleId = `from-${proposal.incident_id}`.toLowerCase().slice(0, 64);
    // An error would show in place of the note (and fail here with its text).
    await poll(() =>
      detail.locator('[data-field=saved-rule], .head .error-text').first().innerText(),
    ).toContain(ruleId);
    // The rule is in the file, with the action that fixed the incident.
    const { body } = await fetch(`${sidecar.url}/api/knowledge`, {
      headers: { authorization: `Bearer ${sidecar.token}` },
    }).then(async (r) => ({ body: (await r.json()) as { rules: Record<string, unknown>[] } }));
    expect(body.rules).toContainEqual(
      expect.objectContaining({
        id: ruleId,
        integration: 'fault_lab',
        actions: ['reload_config_entry'],
      }),
    );
    expect(readFileSync(join(sidecar.dataDir, 'knowledge.yaml'), 'utf8')).toContain(
      `id: ${ruleId}`,
    );
  }, 120_000);
});

describe('a repeated fault', () => {
  it('proposes the reload again with its track record here', async () => {
    // The hub fails again: the reload approved above fixed fault_lab once, verified.
    const again = await faultProposal(env, socket, [proposal.id]);
    const page = await newPage();
    await openPanel(page, `/incident/${again.incident_id}`);
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${again.id}"]`);
    await poll(() => card.locator('[data-field=track-record]').count()).toBe(1);
    expect(await card.locator('[data-field=track-record]').innerText()).toBe(
      'Reload the integration entry fixed fault_lab 1 of 1 times here.',
    );
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'panel-track-record');
  }, 200_000);
});
