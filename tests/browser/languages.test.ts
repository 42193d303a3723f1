/**
 * The panel and the cards in German, in the real HA frontend: Home Assistant set to German
 * (`config/core/update`, as Settings → System → General does) and the logged-in user's
 * profile language German (`frontend/set_user_data`, as the profile page saves it). A real
 * failure of fault_lab's hub opens an incident with a fix waiting for approval; the panel's
 * list and incident page, and both cards on a dashboard, speak German — their own words
 * from the front end's catalogs, the explanation from the sidecar's. The screenshots
 * docs/images/panel-de.png, panel-incident-de.png and cards-de.png come from here
 * (`UPDATE_DOCS_IMAGES=1`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  faultProposal,
  healFaultLab,
  startApprovingSidecar,
  type Proposal,
} from '../harness/approval.js';
import { launchChromium, loginToHa, DOCS_IMAGES } from '../harness/browser.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import { callService, removeEntries } from '../harness/ha-rest.js';
import { HaSocket } from '../harness/ha-ws.js';
import { removeDashboard, saveDashboard } from '../harness/lovelace.js';
import type { SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

const DASHBOARD = 'llm-ops-e2e-german';

let env: HaEnv;
let socket: HaSocket;
let sidecar: SidecarProcess;
let browser: Browser;
let page: Page;
let proposal: Proposal;

/** What the profile page saves as the user's language (HA's FrontendLocaleData). */
const profileLanguage = (language: string) => ({
  type: 'frontend/set_user_data',
  key: 'language',
  value: {
    language,
    number_format: 'language',
    time_format: 'language',
    date_format: 'language',
    first_weekday: 'language',
    time_zone: 'local',
  },
});

const textOf = async (selector: string) =>
  (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();

/** Every word an element shows, through its shadow roots (innerText stops at them). */
const shownText = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((root) => {
      const parts: string[] = [];
      const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element) {
          if (node.tagName === 'STYLE' || node.tagName === 'SCRIPT') return;
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        node.childNodes.forEach(walk);
      };
      walk(root);
      return parts.join(' ').replace(/\s+/g, ' ');
    });

beforeAll(async () => {
  env = readHaEnv();
  socket = await HaSocket.open(env.HA_URL, env.HA_TOKEN);
  await removeEntries(env, 'llm_ops');
  await removeDashboard(socket, DASHBOARD);
  await healFaultLab(env);
  await socket.command({ type: 'config/core/update', language: 'de' });
  await socket.command(profileLanguage('de'));
  // Earlier suites left errors in HA's log; a fresh sidecar would (rightly) report them.
  await callService(env, 'system_log', 'clear');
  sidecar = await startApprovingSidecar(env);
  proposal = await faultProposal(env, socket);
  await saveDashboard(socket, DASHBOARD, 'LLM Ops Deutsch', [
    {
      path: 'cards',
      cards: [{ type: 'custom:llm-ops-incidents-card' }, { type: 'custom:llm-ops-approval-card' }],
    },
  ]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await loginToHa(page, env);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (socket) {
    await removeDashboard(socket, DASHBOARD).catch(() => undefined);
    await socket.command(profileLanguage('en'));
    await socket.command({ type: 'config/core/update', language: 'en' });
  }
  if (env) await removeEntries(env, 'llm_ops');
  await sidecar?.stop();
  if (env) await healFaultLab(env);
  socket?.close();
}, 120_000);

describe('with the user’s language German', () => {
  it('the panel’s list speaks German, with the fix waiting for approval', async () => {
    await page.goto(`${env.HA_URL}/llm-ops`);
    const panel = page.locator('llm-ops-panel');
    await poll(() => panel.locator(`[data-proposal="${proposal.id}"]`).count()).toBeGreaterThan(0);
    const text = await shownText('llm-ops-panel');
    for (const words of [
      'Wartet auf Genehmigung',
      'Den Konfigurationseintrag Fault Lab (fault_lab) neu laden.',
      'Geringes Risiko',
      'Vorfälle durchsuchen',
      'Zuletzt gesehen',
      'Wartung',
    ])
      expect(text).toContain(words);
    // None of the English words they replace.
    for (const words of ['Waiting for approval', 'Low risk', 'Search incidents', 'Last seen'])
      expect(text).not.toContain(words);
    mkdirSync(DOCS_IMAGES, { recursive: true });
    await page.screenshot({ path: join(DOCS_IMAGES, 'panel-de.png'), animations: 'disabled' });
  });

  it('the incident’s page speaks German: the panel’s words and the explanation', async () => {
    await page.goto(`${env.HA_URL}/llm-ops/incident/${proposal.incident_id}`);
    const detail = 'llm-ops-incident-detail';
    await poll(() => page.locator(`${detail} [data-field=root-cause]`).count()).toBe(1);
    expect(await textOf(`${detail} [data-field=root-cause]`)).toMatch(
      /^Die Einrichtung von fault_lab .*ist fehlgeschlagen/,
    );
    const text = await shownText(detail);
    for (const word of ['Analyse', 'Ursache', 'Was du tun kannst', 'Belege', 'Protokollzeilen'])
      expect(text).toContain(word);
    for (const word of ['Root cause', 'Evidence', 'Log lines']) expect(text).not.toContain(word);
    await page.screenshot({
      path: join(DOCS_IMAGES, 'panel-incident-de.png'),
      animations: 'disabled',
    });
  });

  it('both cards on a dashboard speak German', async () => {
    await page.goto(`${env.HA_URL}/${DASHBOARD}/cards`);
    const incidents = page.locator('llm-ops-incidents-card');
    const approval = page.locator('llm-ops-approval-card');
    await poll(() => approval.locator(`li[data-proposal="${proposal.id}"]`).count()).toBe(1);
    await poll(() => incidents.locator('ha-card').innerText()).toContain('Vorfälle');
    expect(await approval.locator('ha-card').innerText()).toContain('Ausstehende Genehmigungen');
    expect(await approval.locator('ha-card').innerText()).toContain('Genehmigen…');
    expect(await approval.locator('ha-card').innerText()).not.toContain('Pending approvals');
    await page.screenshot({ path: join(DOCS_IMAGES, 'cards-de.png'), animations: 'disabled' });
  });
});
