/**
 * Component tests of the panel, the cards and their editors in Debian's Chromium: a page
 * built with Vite mounts the real elements with a fake `hass` whose `callWS` answers the
 * llm_ops integration's commands from the contracts' golden examples. Also the add-on's
 * ingress page (the built bundle) over a fake sidecar API under an ingress-like prefix.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildComponentHarness,
  launchChromium,
  serveDir,
  type StaticServer,
} from '../harness/browser.js';
import { REPO } from '../harness/ha-dev.js';
import type { FakeHassOptions, SentMessage } from './harness/api.js';

let browser: Browser;
let page: Page;
let server: StaticServer;
let dir: string;
const pageErrors: string[] = [];
/** Screenshots for the docs: `UPDATE_DOCS_IMAGES=1` writes docs/images, else test-results. */
const IMAGES = join(
  REPO,
  process.env.UPDATE_DOCS_IMAGES ? 'docs/images' : 'test-results/screenshots',
);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'llm-ops-harness-'));
  await buildComponentHarness(dir);
  server = await serveDir(dir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

type PanelOptions = FakeHassOptions & { path?: string; narrow?: boolean; generated?: number };

/** Mount the panel; `generated` adds that many generated incidents to the golden ones. */
async function mountPanel(opts: PanelOptions = {}): Promise<void> {
  await page.evaluate((o) => {
    const h = window.harness;
    const { generated, ...rest } = o;
    const incidents =
      rest.incidents ??
      (generated
        ? [h.fixtures.incidentOpen, ...h.makeIncidents(generated)]
        : [h.fixtures.incidentOpen, h.fixtures.incidentResolved]);
    h.mountPanel({ ...rest, incidents });
  }, opts);
}

/** Wait for a value to match (UI updates are asynchronous). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const calls = () => page.evaluate(() => window.harness.hass?.calls ?? []) as Promise<SentMessage[]>;
const callsOf = async (type: string) => (await calls()).filter((c) => c.type === type);
const events = () => page.evaluate(() => window.harness.events);
const rows = () => page.locator('llm-ops-incident-list .body .row');
const golden = () => page.evaluate(() => window.harness.fixtures);

async function select(name: string, value: string): Promise<void> {
  await page.locator(`llm-ops-incident-list select[name=${name}]`).selectOption(value);
}

/** Text of each match (the rows rendered around the screen). */
async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

const rowTexts = () => texts(rows());

/** How many incidents the list says it shows ("N incidents", "N of M incidents match"). */
async function listedCount(): Promise<number> {
  const text = await page.locator('llm-ops-incident-list .summary').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

/** Scroll the panel until the incident's row is on screen (only those rows are rendered). */
async function scrollToRow(id: string): Promise<void> {
  await page.locator('llm-ops-panel main.content').evaluate((el, id) => {
    const list = el.querySelector('llm-ops-incident-list');
    const at = list?.visible.findIndex((i) => i.id === id) ?? -1;
    const body = list?.shadowRoot?.querySelector('.body, ul.cards');
    if (!list || !body || at < 0) return;
    const perRow = body.getBoundingClientRect().height / list.visible.length;
    el.scrollTop += body.getBoundingClientRect().top - el.getBoundingClientRect().top + at * perRow;
  }, id);
  await poll(() => page.locator(`llm-ops-incident-list .row[data-id="${id}"]`).count()).toBe(1);
}

describe('the panel: incident list', () => {
  it('lists incidents with severity, title, integration, status, occurrences and times', async () => {
    await mountPanel({ generated: 30 });
    await poll(() => rows().count()).toBeGreaterThan(0);
    const { incidentOpen } = await golden();
    const incidents = await callsOf('llm_ops/incidents');
    expect(incidents[0]).toMatchObject({ active: true, limit: 500, offset: 0 });

    // Only active incidents by default (the generated set has resolved and dismissed ones).
    const listed = await rowTexts();
    expect(listed.some((t) => /Resolved|Dismissed/.test(t))).toBe(false);
    await scrollToRow(incidentOpen.id);
    const row = page.locator(`llm-ops-incident-list .row[data-id="${incidentOpen.id}"]`);
    const cells = await texts(row.locator('[role=cell]'));
    expect(cells[0]).toContain('Error');
    expect(cells[1]).toContain(incidentOpen.title);
    expect(cells[1]).toContain('Setup retry');
    expect(cells[2]).toBe('fault_lab');
    expect(cells[3]).toBe('Open');
    expect(cells[4]).toBe(String(incidentOpen.occurrences));
    expect(await row.locator('time').first().getAttribute('datetime')).toBe(
      incidentOpen.first_seen,
    );
    expect(await row.locator('time').nth(1).getAttribute('datetime')).toBe(incidentOpen.last_seen);

    // Mode, policy and counts; the pending proposal above the list.
    const summary = page.locator('llm-ops-panel section.status-summary');
    expect(await summary.innerText()).toMatch(/Mode\s+Approve/);
    expect(await summary.innerText()).toContain('23:00–07:00');
    // What runs by itself, by the names the actions give themselves (the sidecar's status).
    expect(await summary.innerText()).toMatch(/Automatic\s+Reload the entry/);
    expect(await page.locator('llm-ops-panel .mode-chip').innerText()).toBe('Approve');
    const pending = page.locator('llm-ops-panel section.pending');
    expect(await pending.innerText()).toContain('Reload the config entry Fault Lab');

    // Severity chips count what is listed.
    const counts = await page
      .locator('llm-ops-incident-list .chip.count .n')
      .allInnerTexts()
      .then((n) => n.map(Number));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(await listedCount());
  });

  it('filters by search, severity, integration and status, and sorts', async () => {
    await mountPanel({ generated: 60 });
    await poll(listedCount).toBeGreaterThan(10);
    const all = await listedCount();

    await page.locator('llm-ops-incident-list input[type=search]').fill('zha');
    await poll(listedCount).toBeLessThan(all);
    for (const t of await rowTexts()) expect(t.toLowerCase()).toContain('zha');
    await page.locator('llm-ops-incident-list input[type=search]').fill('');
    await poll(listedCount).toBe(all);

    await select('severity', 'critical');
    await poll(listedCount).toBeLessThan(all);
    for (const t of await rowTexts()) expect(t).toContain('Critical');
    // The severity chips toggle the same filter.
    expect(
      await page
        .locator('llm-ops-incident-list .chip.count[data-severity=critical]')
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await page.locator('llm-ops-incident-list .chip.count[data-severity=critical]').click();
    await poll(listedCount).toBe(all);

    await select('integration', 'mqtt');
    await poll(async () => (await rowTexts()).every((t) => t.includes('mqtt'))).toBe(true);
    await select('integration', 'all');

    // Status is filtered by the integration: a new query.
    await select('status', 'resolved');
    await poll(async () => (await callsOf('llm_ops/incidents')).at(-1)).toMatchObject({
      status: ['resolved'],
    });
    await poll(async () => (await rowTexts()).every((t) => t.includes('Resolved'))).toBe(true);
    await select('status', 'all');
    await poll(listedCount).toBeGreaterThan(all);
    const last = (await callsOf('llm_ops/incidents')).at(-1);
    expect(last && 'active' in last).toBe(false);
    await select('status', 'active');
    await poll(listedCount).toBe(all);

    // Sort by occurrences (column header), then flip the direction.
    await page.locator('llm-ops-incident-list .th.num button.sort').click();
    const seen = async () =>
      (await texts(page.locator('llm-ops-incident-list .body .td.num'))).map(Number);
    await poll(async () => {
      const n = await seen();
      return n.every((v, i) => i === 0 || (n[i - 1] ?? 0) >= v);
    }).toBe(true);
    await page.locator('llm-ops-incident-list button.direction').click();
    await poll(async () => {
      const n = await seen();
      return n.every((v, i) => i === 0 || (n[i - 1] ?? 0) <= v);
    }).toBe(true);
  });

  it('renders only the rows on screen of thousands; scrolling, filters and Tab reach the others', async () => {
    // 10,000 incidents; the panel lists the active ones it loads, most recently seen first
    // (the generated incidents are seen later the lower their number).
    const expected = await page.evaluate(() => {
      const h = window.harness;
      const all = h.makeIncidents(10_000);
      h.mountPanel({ incidents: all });
      const active = ['open', 'analyzing', 'awaiting_approval', 'remediating'];
      return all
        .filter((i) => active.includes(i.status))
        .map((i) => ({
          id: i.id,
          severity: i.severity,
        }));
    });
    const list = page.locator('llm-ops-incident-list');
    await poll(() => rows().count()).toBeGreaterThan(5);
    const summary = await list.locator('.summary').innerText();
    const loaded = Number(/(\d+) incidents/.exec(summary)?.[1]);
    expect(loaded).toBeGreaterThanOrEqual(1000);
    const listed = expected.slice(0, loaded);
    const ids = () => rows().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));

    // A screenful in the DOM (900 px of 56 px rows, and a few around), the first ones first;
    // the table says how many rows it has, and where each one is.
    expect(await rows().count()).toBeLessThanOrEqual(40);
    expect((await ids())[0]).toBe(listed[0]?.id);
    expect(await list.locator('[role=table]').getAttribute('aria-rowcount')).toBe(
      String(loaded + 1),
    );
    expect(await rows().first().getAttribute('aria-rowindex')).toBe('2');
    const scroller = page.locator('llm-ops-panel main.content');
    const height = await scroller.evaluate((el) => el.scrollHeight);
    expect(height).toBeGreaterThan(loaded * 50);

    // Scrolled to row 1,000: that row is on screen, still only a screenful in the DOM.
    await scroller.evaluate((el, at) => {
      const body = el.querySelector('llm-ops-incident-list')?.shadowRoot?.querySelector('.body');
      const top = body?.getBoundingClientRect().top ?? 0;
      el.scrollTop += top - el.getBoundingClientRect().top + at * 56;
    }, 1000);
    const row1000 = list.locator(`.row[data-id="${listed[1000]?.id}"]`);
    await poll(() => row1000.count()).toBe(1);
    expect(await row1000.getAttribute('aria-rowindex')).toBe('1002');
    const box = await row1000.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
    expect(await rows().count()).toBeLessThanOrEqual(40);
    expect(await ids()).not.toContain(listed[0]?.id);

    // A filter while scrolled: the count says how many match; what is on screen matches.
    await select('severity', 'critical');
    const critical = listed.filter((i) => i.severity === 'critical');
    await poll(() => list.locator('.summary').innerText()).toContain(
      `${critical.length} of ${loaded} incidents match`,
    );
    await poll(async () => (await rowTexts()).length).toBeGreaterThan(0);
    for (const t of await rowTexts()) expect(t).toContain('Critical');
    expect(await rows().count()).toBeLessThanOrEqual(40);
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await poll(async () => (await ids())[0]).toBe(critical[0]?.id);
    await select('severity', 'all');
    await poll(async () => (await ids())[0]).toBe(listed[0]?.id);

    // Tab goes from row to row past the rows first rendered; Enter on the 60th opens it.
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (el as HTMLElement | null)?.dataset.id;
      });
    await list.locator(`a[data-id="${listed[0]?.id}"]`).focus();
    for (let k = 1; k < 60; k++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(listed[59]?.id);
    for (let k = 59; k > 40; k--) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(listed[40]?.id);
    for (let k = 40; k < 59; k++) await page.keyboard.press('Tab');
    expect(await rows().count()).toBeLessThanOrEqual(40);
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => location.pathname)).toBe(
      `/llm-ops/incident/${listed[59]?.id}`,
    );
  });

  it('renders only the cards on screen on a phone, and the others as it scrolls', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await mountPanel({ narrow: true, generated: 3000 });
      const cards = page.locator('llm-ops-incident-list ul.cards li');
      await poll(() => cards.count()).toBeGreaterThan(3);
      expect(await cards.count()).toBeLessThanOrEqual(30);
      const listed = await page
        .locator('llm-ops-incident-list')
        .evaluate((el) =>
          (el as HTMLElementTagNameMap['llm-ops-incident-list']).visible.map((i) => i.id),
        );
      expect(listed.length).toBeGreaterThan(1000);
      expect(await cards.first().getAttribute('aria-setsize')).toBe(String(listed.length));
      await scrollToRow(listed[700] ?? '');
      const card = page.locator(`llm-ops-incident-list li[data-id="${listed[700]}"]`);
      expect(await card.getAttribute('aria-posinset')).toBe('701');
      const box = await card.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
      expect(await cards.count()).toBeLessThanOrEqual(30);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('updates live from llm_ops/subscribe', async () => {
    await mountPanel({ generated: 5 });
    const { incidentOpen, incidentEvent } = await golden();
    await poll(() => page.evaluate(() => window.harness.hass?.subscribers())).toBe(1);
    expect((await calls()).some((c) => c.type === 'llm_ops/subscribe')).toBe(true);

    // An update changes the row at once (before the refetch).
    await page.evaluate(
      (e) =>
        window.harness.hass?.push({
          kind: 'incident',
          data: { ...e, change: 'updated', status: 'awaiting_approval', occurrences: 9 },
        }),
      incidentEvent,
    );
    const row = page.locator(`llm-ops-incident-list .row[data-id="${incidentOpen.id}"]`);
    await poll(async () => (await texts(row))[0]).toContain('Awaiting approval');

    // A new incident appears after the refetch the event triggers, and is announced.
    const before = (await callsOf('llm_ops/incidents')).length;
    await page.evaluate(() => {
      const h = window.harness;
      const fresh = {
        ...h.fixtures.incidentOpen,
        id: 'inc_live',
        title: 'A brand-new incident',
        last_seen: new Date().toISOString(),
      };
      h.hass?.set({ incidents: [fresh, h.fixtures.incidentOpen] });
      h.hass?.push({
        kind: 'incident',
        data: { ...h.fixtures.incidentEvent, incident_id: 'inc_live', title: fresh.title },
      });
    });
    await poll(async () => (await callsOf('llm_ops/incidents')).length).toBeGreaterThan(before);
    await poll(() => rowTexts()).toContainEqual(expect.stringContaining('A brand-new incident'));
    expect(await page.locator('llm-ops-panel [aria-live=polite]').innerText()).toContain(
      'New incident: A brand-new incident',
    );
  });

  it('reloads after HA’s connection comes back (events may have been missed)', async () => {
    await mountPanel({ generated: 3 });
    await poll(() => rows().count()).toBeGreaterThan(0);
    const before = (await callsOf('llm_ops/incidents')).length;
    await page.evaluate(() => window.harness.hass?.reconnect());
    await poll(async () => (await callsOf('llm_ops/incidents')).length).toBe(before + 1);
  });

  it('opens an incident through navigation; deep links and Back work', async () => {
    await mountPanel({ generated: 3 });
    const { incidentOpen } = await golden();
    await page.locator(`llm-ops-incident-list a[data-id="${incidentOpen.id}"]`).click();
    await poll(
      async () => (await events()).filter((e) => e.type === 'location-changed').at(-1)?.path,
    ).toBe(`/llm-ops/incident/${incidentOpen.id}`);
    await poll(() => page.locator('llm-ops-incident-detail h2').innerText()).toBe(
      incidentOpen.title,
    );
    expect(await page.locator('llm-ops-incident-list').isHidden()).toBe(true);

    await page.locator('llm-ops-panel a.back').click();
    await poll(() => page.evaluate(() => location.pathname)).toBe('/llm-ops');
    await poll(() => page.locator('llm-ops-incident-list').isVisible()).toBe(true);
    expect(await page.locator('llm-ops-incident-detail').count()).toBe(0);

    // Keyboard: the title is a link; Enter on it opens the incident.
    await page.locator(`llm-ops-incident-list a[data-id="${incidentOpen.id}"]`).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => location.pathname)).toBe(
      `/llm-ops/incident/${incidentOpen.id}`,
    );

    // A deep link straight to the incident.
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    await poll(() => page.locator('llm-ops-incident-detail h2').innerText()).toBe(
      incidentOpen.title,
    );
    expect(await callsOf('llm_ops/incident')).toEqual([
      { type: 'llm_ops/incident', incident_id: incidentOpen.id },
    ]);
  });
});

describe('the panel: incident detail', () => {
  it('shows dates in Home Assistant’s time zone, or the browser’s when the profile asks', async () => {
    const { incidentOpen } = await golden();
    const firstSeen = () =>
      page
        .locator(`llm-ops-incident-detail time[datetime="${incidentOpen.first_seen}"]`)
        .first()
        .getAttribute('title');
    const clockIn = (timeZone: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(
        Date.parse(incidentOpen.first_seen),
      );
    // Late evening in Auckland (UTC+13 in November), early morning in New York (UTC-5).
    expect(clockIn('Pacific/Auckland')).toMatch(/^Nov 25, 2026, 11:\d\d:\d\d PM$/);
    expect(clockIn('America/New_York')).toMatch(/^Nov 25, 2026, 5:\d\d:\d\d AM$/);
    await mountPanel({ path: `/incident/${incidentOpen.id}`, timeZone: 'Pacific/Auckland' });
    await poll(firstSeen).toBe(clockIn('Pacific/Auckland'));
    await mountPanel({ path: `/incident/${incidentOpen.id}`, timeZone: 'America/New_York' });
    await poll(firstSeen).toBe(clockIn('America/New_York'));
    const browserClock = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(
          Date.parse(iso),
        ),
      incidentOpen.first_seen,
    );
    await mountPanel({
      path: `/incident/${incidentOpen.id}`,
      timeZone: 'Pacific/Auckland',
      localTime: true,
    });
    await poll(firstSeen).toBe(browserClock);
  });

  it('shows the analysis, the redacted evidence and a timeline', async () => {
    const { incidentOpen, analysis, bundle } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    const detail = page.locator('llm-ops-incident-detail');
    await poll(() => detail.locator('[data-field=summary]').innerText()).toBe(analysis.summary);
    expect(await detail.locator('[data-field=root-cause]').innerText()).toBe(analysis.root_cause);
    expect(await detail.locator('[data-field=impact]').innerText()).toBe(analysis.impact);
    expect(await detail.locator('[data-field=confidence]').innerText()).toBe('80 %');
    expect(await detail.locator('[role=meter]').getAttribute('aria-valuenow')).toBe('80');
    expect(await detail.locator('[data-field=remedy]').innerText()).toBe('Reload the integration');
    expect(await detail.locator('[data-field=manual-steps] li').allInnerTexts()).toEqual(
      analysis.manual_steps,
    );

    // Evidence: the log lines with their counts; the traceback is collapsed until opened.
    const log = detail.locator('ul.log > li');
    expect(await log.count()).toBe(bundle.log_lines.length);
    expect(await log.nth(0).innerText()).toContain('[IP_1]');
    expect(await log.nth(1).locator('.count').innerText()).toBe('7×');
    const tb = log.nth(1).locator('details.traceback');
    expect(await tb.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await tb.locator('summary').click();
    expect(await tb.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await tb.locator('pre').innerText()).toContain('FaultLabHubError');
    expect(await detail.locator('section.evidence').innerText()).toContain('2 ip');

    // The timeline: first seen, signals, evidence, analysis and the proposal.
    const kinds = await detail
      .locator('ol.timeline li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    for (const k of ['seen', 'signal', 'evidence', 'analysis', 'proposal']) {
      expect(kinds).toContain(k);
    }
    // Newest first.
    const times = await detail
      .locator('ol.timeline time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows how the proposed action went here, and what is no longer proposed and why', async () => {
    const { incidentOpen, proposal } = await golden();
    const record = proposal.preview.track_record;
    if (!record) throw new Error('the golden proposal carries a track record');
    const restart = {
      action_id: 'restart_core' as const,
      label: 'Restart Home Assistant',
      track_record: {
        ...record,
        tries: 3,
        verified: 0,
        failed_in_a_row: 3,
        summary: 'Restart Home Assistant fixed fault_lab 0 of 3 times here.',
      },
      reason: 'Restart Home Assistant failed for fault_lab the last 3 times here.',
    };
    await mountPanel({ path: `/incident/${incidentOpen.id}`, notProposed: [restart] });
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('[data-field=track-record]').count()).toBe(1);
    expect(await card.locator('[data-field=track-record]').innerText()).toBe(record.summary);
    const left = page.locator('llm-ops-incident-detail [data-not-proposed=restart_core]');
    await poll(() => left.count()).toBe(1);
    expect(await left.innerText()).toBe(`Not proposed: ${restart.reason}`);
  });

  it('shows the proposal’s dry-run preview and approves it after confirmation', async () => {
    const { incidentOpen, proposal: golden_ } = await golden();
    // The action names itself: the panel shows the label the proposal carries.
    const proposal = { ...golden_, preview: { ...golden_.preview, label: 'Reload the hub entry' } };
    await mountPanel({ path: `/incident/${incidentOpen.id}`, proposals: [proposal] });
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain('Reload the hub entry');
    expect(text).toContain('Low risk');
    expect(text).toContain('entry_id');
    expect(await card.locator('[data-field=backup]').innerText()).toBe(proposal.preview.backup);
    expect(await card.locator('[data-field=verification]').innerText()).toContain(
      'Fault Lab is loaded within 60 s',
    );

    // Cancel first: nothing is sent.
    await card.locator('button[data-action=approve]').click();
    const dialog = page.locator('llm-ops-incident-detail dialog.confirm');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('A backup is taken first');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect(await callsOf('llm_ops/approve')).toEqual([]);

    await card.locator('button[data-action=approve]').click();
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/approve')).toEqual([
      { type: 'llm_ops/approve', proposal_id: proposal.id },
    ]);
    // Progress and result from llm_ops/proposal.
    await poll(() => card.locator('[data-field=backup-id]').innerText()).toBe('3b2f8c1d');
    expect(await card.locator('ol.steps li').count()).toBe(4);
    expect(await card.locator('[data-field=verification-result]').innerText()).toContain('Passed');
    expect(await card.locator('.chip[data-status]').first().innerText()).toContain('Succeeded');
    expect(await callsOf('llm_ops/proposal')).not.toEqual([]);
  });

  it('shows the rollback when verification failed', async () => {
    const { incidentOpen, proposal, resultRolledBack } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}`, proposalDetail: 'rolled_back' });
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await card.locator('button[data-action=approve]').click();
    await page.locator('llm-ops-incident-detail dialog button[data-confirm]').click();
    await poll(() => card.locator('[data-field=rollback]').innerText()).toContain('Rolled back');
    expect(await card.locator('[data-field=rollback]').innerText()).toContain(
      resultRolledBack.rollback?.detail ?? '',
    );
    const verification = await card.locator('[data-field=verification-result]').innerText();
    expect(verification).toContain('Failed');
    expect(verification).toContain('still setup_retry after 60 s');
  });

  it('follows the execution through action events when llm_ops/proposal is unknown', async () => {
    const { incidentOpen, proposal, actionEvent } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}`, proposalDetail: 'unknown_command' });
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await card.locator('button[data-action=approve]').click();
    await page.locator('llm-ops-incident-detail dialog button[data-confirm]').click();
    await poll(() => card.locator('.progress').innerText()).toContain('Approved');
    await page.evaluate(
      (e) =>
        window.harness.hass?.push({
          kind: 'action',
          data: { ...e, status: 'executing', backup_id: null },
        }),
      actionEvent,
    );
    await poll(() => card.locator('.progress').innerText()).toContain('Running');
    await page.evaluate((e) => window.harness.hass?.push({ kind: 'action', data: e }), actionEvent);
    await poll(() => card.locator('.outcome').innerText()).toContain('Succeeded');
    expect(await card.locator('[data-field=backup-id]').innerText()).toBe('3b2f8c1d');
  });

  it('shows how earlier fixes ended when the incident lists decided proposals', async () => {
    const { incidentOpen, proposal } = await golden();
    await mountPanel({
      path: `/incident/${incidentOpen.id}`,
      proposals: [
        {
          ...proposal,
          status: 'succeeded',
          decided_by: 'Owner',
          decided_at: '2026-11-25T10:19:59.000Z',
        },
      ],
    });
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await poll(() => card.locator('[data-field=backup-id]').count()).toBe(1);
    expect(await card.locator('button[data-action]').count()).toBe(0);
    expect(await card.locator('ol.steps li').count()).toBe(4);
    const kinds = await page
      .locator('llm-ops-incident-detail ol.timeline li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['decision', 'step', 'result']));
  });

  it('rejects with a reason', async () => {
    const { incidentOpen, proposal } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    const card = page.locator(`llm-ops-incident-detail article[data-proposal="${proposal.id}"]`);
    await card.locator('button[data-action=reject]').click();
    const dialog = page.locator('llm-ops-incident-detail dialog.confirm');
    await dialog.locator('textarea').fill('I will restart the hub myself');
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/reject')).toEqual([
      { type: 'llm_ops/reject', proposal_id: proposal.id, reason: 'I will restart the hub myself' },
    ]);
    await poll(() => card.locator('.chip[data-status]').innerText()).toContain('Rejected');
    expect(await card.locator('button[data-action=approve]').count()).toBe(0);
  });

  it('dismisses an incident, optionally ignoring similar ones', async () => {
    const { incidentOpen } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    await page.locator('llm-ops-incident-detail button[data-action=dismiss]').click();
    const dialog = page.locator('llm-ops-incident-detail dialog.confirm');
    await dialog.locator('input[type=checkbox]').check();
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/dismiss')).toEqual([
      { type: 'llm_ops/dismiss', incident_id: incidentOpen.id, ignore_similar: true },
    ]);
  });

  it('marks an incident not a problem with a reason, and shows the outcome', async () => {
    const { incidentOpen } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    await page.locator('llm-ops-incident-detail button[data-action=false-alarm]').click();
    const dialog = page.locator('llm-ops-incident-detail dialog.confirm');
    expect(await dialog.innerText()).toContain('kept quiet');
    await dialog.locator('textarea, input[name=reason]').first().fill('The hub reboots nightly');
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/mark_false_alarm')).toEqual([
      {
        type: 'llm_ops/mark_false_alarm',
        incident_id: incidentOpen.id,
        reason: 'The hub reboots nightly',
      },
    ]);
  });

  it('shows how a closed incident ended, and offers "not a problem" until it is one', async () => {
    const { incidentResolved } = await golden();
    await mountPanel({ path: `/incident/${incidentResolved.id}` });
    const outcome = page.locator('llm-ops-incident-detail [data-field=outcome]');
    await poll(() => outcome.innerText()).toContain('Resolved by itself');
    const detail = page.locator('llm-ops-incident-detail');
    expect(await detail.locator('button[data-action=dismiss]').count()).toBe(0);
    expect(await detail.locator('button[data-action=false-alarm]').count()).toBe(1);

    const falseAlarm = {
      ...incidentResolved,
      status: 'dismissed' as const,
      outcome: {
        outcome: 'false_alarm' as const,
        closed_at: incidentResolved.resolved_at ?? incidentResolved.last_seen,
        signature: null,
        integration: incidentResolved.integration,
        action_id: null,
        decided_by: 'Ada',
      },
    };
    await mountPanel({ path: `/incident/${incidentResolved.id}`, incidents: [falseAlarm] });
    await poll(() => outcome.innerText()).toContain('Not a problem (false alarm) — Ada');
    expect(await detail.locator('button[data-action=false-alarm]').count()).toBe(0);
  });

  it('offers no decisions to non-administrators', async () => {
    const { incidentOpen } = await golden();
    await mountPanel({ path: `/incident/${incidentOpen.id}`, admin: false });
    const detail = page.locator('llm-ops-incident-detail');
    await poll(() => detail.locator('article.proposal').count()).toBe(1);
    expect(await detail.locator('button[data-action]').count()).toBe(0);
    expect(await detail.locator('article.proposal').innerText()).toContain(
      'An administrator can approve',
    );
  });

  it('says so when the incident no longer exists', async () => {
    await mountPanel({ path: '/incident/inc_gone' });
    await poll(() => page.locator('llm-ops-incident-detail .state').innerText()).toContain(
      'This incident no longer exists',
    );
  });
});

describe('the panel: what is kept quiet', () => {
  const quietItems = [
    {
      incident_id: 'inc_quiet_fa',
      kind: 'false_alarm' as const,
      title: 'Fault Lab Hub is retrying setup',
      integration: 'fault_lab',
      fingerprints: 2,
      created_at: '2026-11-25T09:00:00.000Z',
      expires_at: '2027-02-23T09:00:00.000Z',
      reason: 'The hub reboots nightly',
    },
    {
      incident_id: 'inc_quiet_ign',
      kind: 'ignored' as const,
      title: 'Sonos speaker dropped off the network',
      integration: 'sonos',
      fingerprints: 1,
      created_at: '2026-11-24T09:00:00.000Z',
      expires_at: null,
      reason: null,
    },
  ];
  const quiet = () => page.locator('llm-ops-quiet-list section.quiet');
  const learnedPlug = {
    id: 'entities:device:0f4c2a',
    source: 'entities',
    key: 'device:0f4c2a',
    title: '3 entities of Fault Lab Hub are unavailable',
    integration: 'fault_lab',
    windows: [{ from: '22:20', to: '23:51' }],
    days: 4,
    last_recovered_at: '2026-12-03T23:40:00.000Z',
    kept_quiet: 2,
  };

  it('lists false alarms and ignored failures with the false-alarm rate; Undo takes one back', async () => {
    await mountPanel({ suppressions: quietItems });
    await poll(() => quiet().locator('li').count()).toBe(2);
    expect(await quiet().locator('[data-field=false-alarm-rate]').innerText()).toMatch(
      /False-alarm rate: 25 %\s+\(2 of 8 closed incidents\)/,
    );
    const falseAlarm = quiet().locator('li[data-incident=inc_quiet_fa]');
    expect(await falseAlarm.innerText()).toContain('False alarm');
    expect(await falseAlarm.innerText()).toContain('The hub reboots nightly');
    expect(await falseAlarm.innerText()).toContain('until');
    expect(await quiet().locator('li[data-incident=inc_quiet_ign]').innerText()).toContain(
      'until undone',
    );

    await falseAlarm.locator('button[data-action=undo-quiet]').click();
    await poll(() => callsOf('llm_ops/undo_suppression')).toEqual([
      { type: 'llm_ops/undo_suppression', incident_id: 'inc_quiet_fa' },
    ]);
    await poll(() => quiet().locator('li').count()).toBe(1);
    expect(await quiet().locator('li').getAttribute('data-incident')).toBe('inc_quiet_ign');
  });

  it('lists what was learned quiet with its times; Reset forgets it', async () => {
    await mountPanel({ suppressions: quietItems.slice(0, 1), learnedQuiet: [learnedPlug] });
    await poll(() => quiet().locator('li').count()).toBe(2);
    const learned = quiet().locator(`li[data-learned="${learnedPlug.id}"]`);
    expect(await learned.innerText()).toContain('Learned quiet');
    expect(await learned.innerText()).toContain('3 entities of Fault Lab Hub are unavailable');
    expect(await learned.locator('[data-field=windows]').innerText()).toMatch(
      /Outages starting 22:20–23:51 open no incident · back by itself on 4 days · kept quiet 2×/,
    );
    expect(await quiet().locator('h2 .badge').innerText()).toBe('2');
    mkdirSync(IMAGES, { recursive: true });
    await quiet().screenshot({ path: join(IMAGES, 'panel-learned-quiet.png') });

    await learned.locator('button[data-action=reset-learned]').click();
    await poll(() => callsOf('llm_ops/reset_learned_quiet')).toEqual([
      { type: 'llm_ops/reset_learned_quiet', learned_id: learnedPlug.id },
    ]);
    await poll(() => quiet().locator('li[data-learned]').count()).toBe(0);
    expect(await quiet().locator('li').count()).toBe(1);
  });

  it('says when nothing is kept quiet, and is not shown to non-administrators', async () => {
    await mountPanel({});
    await poll(() => quiet().innerText()).toContain('Nothing is kept quiet');
    await mountPanel({ admin: false });
    await poll(() => rows().count()).toBeGreaterThan(0);
    expect(await page.locator('llm-ops-quiet-list').count()).toBe(0);
    expect(await callsOf('llm_ops/suppressions')).toEqual([]);
  });
});

describe('the panel: states', () => {
  it('shows loading, then empty', async () => {
    await mountPanel({ hang: ['llm_ops/incidents'] });
    await poll(() => page.locator('llm-ops-incident-list .state').innerText()).toContain(
      'Loading incidents',
    );
    await mountPanel({ incidents: [] });
    await poll(() => page.locator('llm-ops-incident-list .state').innerText()).toContain(
      'No active incidents',
    );
  });

  it('shows the sidecar offline, and recovers on Retry', async () => {
    await mountPanel({
      fail: {
        'llm_ops/incidents': {
          code: 'home_assistant_error',
          message: 'Cannot reach the LLM Ops sidecar at http://127.0.0.1:8099.',
          translation_key: 'cannot_connect',
        },
      },
    });
    const banner = page.locator('llm-ops-panel .banner.offline');
    await poll(() => banner.innerText()).toContain('The LLM Ops sidecar cannot be reached');
    expect(await banner.innerText()).toContain('http://127.0.0.1:8099');
    await page.evaluate(() => window.harness.hass?.set({ fail: {} }));
    await banner.locator('button').click();
    await poll(() => rows().count()).toBe(1);
    expect(await banner.count()).toBe(0);
  });

  it('shows an integration that is not set up, and other errors', async () => {
    await mountPanel({
      fail: {
        'llm_ops/incidents': {
          code: 'service_validation_error',
          message: 'LLM Ops is not set up or not loaded.',
          translation_key: 'not_loaded',
        },
      },
    });
    await poll(() => page.locator('llm-ops-panel .state').innerText()).toContain(
      'LLM Ops is not set up',
    );
    await mountPanel({ fail: { 'llm_ops/incidents': { code: 'unknown_error', message: 'Boom' } } });
    await poll(() => page.locator('llm-ops-panel .banner.error').innerText()).toContain('Boom');
  });

  it('works without llm_ops/status and without a subscription', async () => {
    await mountPanel({ status: 'unknown_command', noSubscribe: true });
    await poll(() => rows().count()).toBe(1);
    expect(await page.locator('llm-ops-panel section.status-summary').count()).toBe(0);
    expect(await page.locator('llm-ops-panel .mode-chip').count()).toBe(0);
  });

  it('shows an invalid policy and the missing system_log event', async () => {
    await mountPanel({
      status: {
        mode: 'observe',
        policy: {
          valid: false,
          error: 'line 3: unknown action id "reboot"',
          source: 'policy.yaml',
        },
        system_log_events: false,
        last_analysis_at: null,
        counts: { open: 1, awaiting_approval: 0 },
        connected: true,
      },
    });
    const summary = page.locator('llm-ops-panel section.status-summary');
    await poll(() => summary.innerText()).toContain('line 3: unknown action id');
    expect(await summary.innerText()).toContain('invalid — running observe-only');
    expect(await summary.innerText()).toContain('system_log: fire_event: true');
  });

  it('shows maintenance until when in HA’s zone; only administrators start or end it', async () => {
    const status = {
      mode: 'approve',
      policy: { valid: true, error: null, source: 'default' },
      system_log_events: true,
      last_analysis_at: null,
      counts: { open: 1, awaiting_approval: 0 },
      connected: true,
      maintenance: {
        active: true,
        started_at: '2026-12-04T12:30:00Z',
        until: '2026-12-04T13:30:00Z',
        minutes: 60,
        started_by: 'Ada',
        surface: 'panel',
        failed_count: 2,
        last_summary: null,
      },
    };
    await mountPanel({ status, admin: false, timeZone: 'Europe/Berlin' });
    const control = page.locator('llm-ops-maintenance [data-field=maintenance]');
    await poll(() => control.count()).toBe(1);
    // 13:30 UTC is 14:30 in Berlin.
    expect(await page.locator('llm-ops-panel [data-field=maintenance-chip]').innerText()).toMatch(
      /Maintenance until 2:30\sPM/,
    );
    expect(await control.innerText()).toContain('2 failures seen so far');
    expect(await control.locator('button').count()).toBe(0);

    // Off: nothing for a non-administrator, the duration and Start for an administrator.
    const off = { ...status, maintenance: { ...status.maintenance, active: false } };
    await mountPanel({ status: off, admin: false });
    await poll(() => rows().count()).toBe(1);
    expect(await page.locator('llm-ops-maintenance section').count()).toBe(0);
    await mountPanel({ status: off, admin: true });
    await poll(() => control.getAttribute('data-active')).toBe('false');
    expect(await control.locator('option').allInnerTexts()).toEqual([
      '30 minutes',
      '1 hour',
      '2 hours',
      '4 hours',
    ]);
  });

  it('works on a phone: cards instead of a table, and the sidebar button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await mountPanel({ narrow: true, generated: 8 });
      await poll(() => page.locator('llm-ops-incident-list ul.cards li').count()).toBe(
        await page.locator('llm-ops-incident-list ul.cards li').count(),
      );
      expect(await page.locator('llm-ops-incident-list ul.cards li').count()).toBeGreaterThan(0);
      expect(await page.locator('llm-ops-incident-list [role=table]').count()).toBe(0);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => {
        const panel = document.querySelector('llm-ops-panel');
        return (panel?.scrollWidth ?? 0) - (panel?.clientWidth ?? 0);
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('llm-ops-panel button[aria-label="Open the sidebar"]').click();
      expect((await events()).map((e) => e.type)).toContain('hass-toggle-menu');
      // The detail is a single column.
      const { incidentOpen } = await golden();
      await mountPanel({ narrow: true, path: `/incident/${incidentOpen.id}` });
      await poll(() => page.locator('llm-ops-incident-detail h2').isVisible()).toBe(true);
      const columns = await page
        .locator('llm-ops-incident-detail .layout')
        .evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
      expect(columns).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('the incidents card', () => {
  async function mountCard(
    config: Record<string, unknown>,
    opts: FakeHassOptions & { generated?: number } = {},
  ): Promise<string | null> {
    return page.evaluate(
      ({ config, opts }) => {
        const h = window.harness;
        const { generated, ...rest } = opts;
        const incidents =
          rest.incidents ?? (generated ? h.makeIncidents(generated) : [h.fixtures.incidentOpen]);
        return h.mountCard('llm-ops-incidents-card', config, { ...rest, incidents }).error;
      },
      { config, opts },
    );
  }
  const card = () => page.locator('llm-ops-incidents-card ha-card');

  it('shows the open incidents with counts by severity, most severe first', async () => {
    expect(await mountCard({ max_items: 4 }, { generated: 40 })).toBeNull();
    await poll(() => card().locator('ul.incidents li').count()).toBe(4);
    const total = Number(await card().locator('[data-field=total]').innerText());
    const counts = (await card().locator('.counts strong').allInnerTexts()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(
      await card().locator('ul.incidents li').first().locator('.sev-icon').getAttribute('class'),
    ).toContain('critical');
    expect(await card().locator('a.more').innerText()).toContain(`${total - 4} more`);
    expect(await callsOf('llm_ops/incidents')).toEqual([
      { type: 'llm_ops/incidents', active: true, limit: 500 },
    ]);
  });

  it('opens the panel at the incident that is tapped', async () => {
    await mountCard({});
    const { incidentOpen } = await golden();
    await card().locator('ul.incidents a').first().click();
    await poll(async () => (await events()).find((e) => e.type === 'location-changed')?.path).toBe(
      `/llm-ops/incident/${incidentOpen.id}`,
    );
  });

  it('opens the entity’s more-info dialog from the counts', async () => {
    await mountCard({ entity: 'sensor.llm_ops_open_incidents' });
    await card().locator('button.counts-button').click();
    await poll(
      async () => (await events()).find((e) => e.type === 'hass-more-info')?.detail,
    ).toEqual({ entityId: 'sensor.llm_ops_open_incidents' });
  });

  it('filters by severity and integration in its query', async () => {
    await mountCard({ min_severity: 'error', integration: 'zha', show_counts: false });
    await poll(() => callsOf('llm_ops/incidents')).toEqual([
      {
        type: 'llm_ops/incidents',
        active: true,
        limit: 500,
        severity: ['critical', 'error'],
        integration: 'zha',
      },
    ]);
    expect(await card().locator('.counts').count()).toBe(0);
  });

  it('refreshes on pushed events', async () => {
    await mountCard({}, { incidents: [] });
    await poll(() => card().innerText()).toContain('No open incidents');
    await page.evaluate(() => {
      const h = window.harness;
      h.hass?.set({ incidents: [h.fixtures.incidentOpen] });
      h.hass?.push({ kind: 'incident', data: h.fixtures.incidentEvent });
    });
    await poll(() => card().locator('ul.incidents li').count()).toBe(1);
  });

  it('marks an incident not a problem after a confirmation (administrators only)', async () => {
    const { incidentOpen } = await golden();
    await mountCard({});
    await card().locator('button[data-action=false-alarm]').click();
    const dialog = card().locator('dialog.confirm');
    expect(await dialog.innerText()).toContain(incidentOpen.title);
    await dialog.locator('button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/mark_false_alarm')).toEqual([
      { type: 'llm_ops/mark_false_alarm', incident_id: incidentOpen.id },
    ]);
    // It reloads afterwards.
    await poll(async () => (await callsOf('llm_ops/incidents')).length).toBe(2);
    await mountCard({}, { admin: false });
    await poll(() => card().locator('ul.incidents li').count()).toBe(1);
    expect(await card().locator('button[data-action=false-alarm]').count()).toBe(0);
  });

  it('shows an unreachable sidecar; lists without links for non-admins', async () => {
    await mountCard(
      {},
      {
        fail: {
          'llm_ops/incidents': {
            code: 'home_assistant_error',
            message: 'Cannot reach',
            translation_key: 'cannot_connect',
          },
        },
      },
    );
    await poll(() => card().innerText()).toContain('The LLM Ops sidecar cannot be reached');
    await mountCard({}, { admin: false });
    await poll(() => card().locator('ul.incidents li').count()).toBe(1);
    expect(await card().locator('a').count()).toBe(0);
  });

  it('rejects bad configuration so HA shows its error card', async () => {
    expect(await mountCard({ max_items: 0 })).toMatch(/max_items must be a whole number/);
    expect(await mountCard({ min_severity: 'fatal' })).toMatch(/min_severity must be one of/);
    expect(await mountCard({ integration: 'Not A Domain' })).toMatch(/integration must be/);
    expect(await mountCard({ title: 5 })).toMatch(/title must be text/);
    expect(await mountCard({ show_counts: 'yes' })).toMatch(/show_counts must be true or false/);
    // Keys HA adds itself pass.
    expect(await mountCard({ grid_options: { columns: 6 }, view_layout: {} })).toBeNull();
  });

  it('tells HA its size, default configuration, editor and picker entry', async () => {
    const info = await page.evaluate(() => {
      type CardClass = CustomElementConstructor & {
        getStubConfig(hass?: unknown): Record<string, unknown>;
        getConfigElement(): HTMLElement;
      };
      const out: Record<string, unknown> = {};
      for (const tag of ['llm-ops-incidents-card', 'llm-ops-approval-card']) {
        const cls = customElements.get(tag) as CardClass;
        const el = document.createElement(tag) as HTMLElement & {
          setConfig(c: unknown): void;
          getCardSize(): number;
          getGridOptions(): Record<string, unknown>;
        };
        el.setConfig({ type: `custom:${tag}` });
        out[tag] = {
          stub: cls.getStubConfig({ states: { 'sensor.llm_ops_open_incidents': {} } }),
          editor: cls.getConfigElement().localName,
          size: el.getCardSize(),
          grid: el.getGridOptions(),
        };
      }
      out.picker = window.customCards;
      return out;
    });
    expect(info['llm-ops-incidents-card']).toEqual({
      stub: {
        title: 'Incidents',
        max_items: 5,
        show_counts: true,
        entity: 'sensor.llm_ops_open_incidents',
      },
      editor: 'llm-ops-incidents-card-editor',
      size: 4,
      grid: { columns: 6, min_columns: 4, min_rows: 2 },
    });
    expect(info['llm-ops-approval-card']).toMatchObject({
      stub: { title: 'Pending approvals', max_items: 3 },
      editor: 'llm-ops-approval-card-editor',
    });
    expect(info.picker).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'llm-ops-incidents-card', name: 'LLM Ops incidents' }),
        expect.objectContaining({ type: 'llm-ops-approval-card', name: 'LLM Ops approvals' }),
      ]),
    );
  });
});

describe('the approval card', () => {
  async function mountApproval(opts: FakeHassOptions = {}, config: Record<string, unknown> = {}) {
    await page.evaluate(
      ({ config, opts }) => window.harness.mountCard('llm-ops-approval-card', config, opts),
      { config, opts },
    );
  }
  const card = () => page.locator('llm-ops-approval-card ha-card');

  it('lists pending proposals with their preview; approving asks first', async () => {
    const { proposal } = await golden();
    await mountApproval();
    const item = card().locator(`li[data-proposal="${proposal.id}"]`);
    await poll(() => item.count()).toBe(1);
    expect(await card().locator('[data-field=count]').innerText()).toBe('1');
    expect(await item.innerText()).toContain(proposal.preview.summary);
    // How the action went here, without unfolding the preview.
    expect(await item.locator('[data-field=track-record]').innerText()).toBe(
      proposal.preview.track_record?.summary,
    );
    await item.locator('details.preview summary').click();
    expect(await item.locator('[data-field=backup]').innerText()).toBe(proposal.preview.backup);

    await item.locator('button[data-action=approve]').click();
    await card().locator('dialog button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/approve')).toEqual([
      { type: 'llm_ops/approve', proposal_id: proposal.id },
    ]);
    // It stays on the card with its outcome.
    await poll(() => item.innerText()).toContain('Succeeded');
    expect(await item.innerText()).toContain('3b2f8c1d');
    expect(await item.locator('button[data-action]').count()).toBe(0);
  });

  it('rejects with a reason', async () => {
    const { proposal } = await golden();
    await mountApproval();
    await card().locator('button[data-action=reject]').click();
    await card().locator('dialog textarea').fill('not now');
    await card().locator('dialog button[data-confirm]').click();
    await poll(() => callsOf('llm_ops/reject')).toEqual([
      { type: 'llm_ops/reject', proposal_id: proposal.id, reason: 'not now' },
    ]);
  });

  it('has no buttons for non-admins, and says when nothing waits', async () => {
    await mountApproval({ admin: false });
    await poll(() => card().locator('li.proposal').count()).toBe(1);
    expect(await card().locator('button[data-action]').count()).toBe(0);
    expect(await card().innerText()).toContain('An administrator can approve');
    await mountApproval({ proposals: [] });
    await poll(() => card().innerText()).toContain('Nothing waits for approval');
  });
});

describe('the card editors', () => {
  const changes = async () =>
    (await events())
      .filter((e) => e.type === 'config-changed')
      .map((e) => (e.detail as { config: Record<string, unknown> }).config);

  it('edits the incidents card and emits config-changed', async () => {
    await page.evaluate(() =>
      window.harness.mountEditor('llm-ops-incidents-card-editor', {
        type: 'custom:llm-ops-incidents-card',
        title: 'Incidents',
      }),
    );
    const editor = page.locator('llm-ops-incidents-card-editor');
    // Every field has a label.
    for (const name of [
      'title',
      'max_items',
      'show_counts',
      'min_severity',
      'integration',
      'entity',
    ]) {
      const label = await editor
        .locator(`[name=${name}]`)
        .evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '');
      expect(label, name).not.toBe('');
    }
    await editor.locator('input[name=title]').fill('House problems');
    await editor.locator('input[name=title]').press('Tab');
    await editor.locator('input[name=max_items]').fill('99');
    await editor.locator('input[name=max_items]').press('Tab');
    await editor.locator('input[name=show_counts]').uncheck();
    await editor.locator('select[name=min_severity]').selectOption('error');
    await editor.locator('input[name=title]').fill('');
    await editor.locator('input[name=title]').press('Tab');
    const all = await changes();
    expect(all[0]).toEqual({ type: 'custom:llm-ops-incidents-card', title: 'House problems' });
    expect(all[1]).toMatchObject({ max_items: 50 }); // clamped to the allowed range
    expect(all[2]).toMatchObject({ show_counts: false });
    expect(all[3]).toMatchObject({ min_severity: 'error' });
    expect(all.at(-1)).toEqual({
      type: 'custom:llm-ops-incidents-card',
      max_items: 50,
      show_counts: false,
      min_severity: 'error',
    });
    // The entity field suggests the integration's sensors.
    expect(
      await editor
        .locator('datalist option')
        .evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
    ).toEqual(['sensor.llm_ops_open_incidents']);
  });

  it('edits the approval card', async () => {
    await page.evaluate(() =>
      window.harness.mountEditor('llm-ops-approval-card-editor', {
        type: 'custom:llm-ops-approval-card',
      }),
    );
    const editor = page.locator('llm-ops-approval-card-editor');
    await editor.locator('input[name=show_preview]').uncheck();
    expect(await changes()).toEqual([
      { type: 'custom:llm-ops-approval-card', show_preview: false },
    ]);
  });
});

describe('the add-on’s ingress page', () => {
  it('shows the same panel over the sidecar API, with relative paths under the prefix', async () => {
    const example = (name: string) =>
      JSON.parse(readFileSync(join(REPO, 'contracts/examples', `${name}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
    const incident = example('Incident.open');
    const proposal = example('ActionProposal.reload');
    const requests: string[] = [];
    const json = (res: ServerResponse, body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const prefix = '/api/hassio_ingress/s3cr3t-session/';
    const ingress = await serveDir(join(REPO, 'sidecar/public'), {
      prefix,
      handle: (req: IncomingMessage, res: ServerResponse, path: string) => {
        if (!path.startsWith('api/')) return false;
        requests.push(`${req.method} ${prefix}${path}`);
        if (path === 'api/incidents')
          json(res, { items: [incident], total: 1, limit: 500, offset: 0 });
        else if (path === `api/incidents/${String(incident.id)}`)
          json(res, {
            incident,
            signals: [example('Signal.entry-state')],
            bundle: example('EvidenceBundle.setup-retry'),
            analysis: example('RcaResult.setup-retry'),
            proposals: [proposal],
          });
        else if (path === 'api/actions/pending') json(res, [proposal]);
        else if (path === 'api/status')
          json(res, {
            mode: 'approve',
            policy: {
              valid: true,
              error: null,
              source: '/config/policy.yaml',
              max_actions_per_hour: 6,
              quiet_hours: { start: '23:00', end: '07:00' },
              auto_actions: [],
            },
            system_log_events: true,
            last_analysis_at: null,
            counts: { open: 1, awaiting_approval: 1 },
            time_zone: 'Pacific/Auckland',
          });
        else if (path === 'api/suppressions')
          json(res, { items: [example('Suppression.false-alarm')] });
        else if (path === 'api/outcomes') json(res, example('OutcomeStats.mixed'));
        else if (path === 'api/learned-quiet')
          json(res, { items: [example('LearnedQuiet.nightly-plug')] });
        else if (path === `api/actions/${String(proposal.id)}/approve`)
          json(res, { proposal: { ...proposal, status: 'approved' } });
        else if (path === `api/actions/${String(proposal.id)}`)
          json(res, {
            proposal: { ...proposal, status: 'approved' },
            execution: null,
            result: null,
          });
        else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'no such endpoint' }));
        }
        return true;
      },
    });
    const ingressPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    ingressPage.on('pageerror', (err) => errors.push(err.message));
    try {
      await ingressPage.goto(ingress.url);
      const row = ingressPage.locator(
        `llm-ops-incident-list .row[data-id="${String(incident.id)}"]`,
      );
      await poll(() => row.count()).toBe(1);
      expect(requests).toContain(`GET ${prefix}api/incidents`);
      // What is kept quiet, over the same API.
      const quiet = ingressPage.locator('llm-ops-quiet-list section.quiet');
      await poll(() => quiet.locator('li[data-kind=false_alarm]').count()).toBe(1);
      expect(await quiet.innerText()).toContain('15 %');
      expect(await quiet.locator('li[data-kind=learned_quiet]').innerText()).toContain(
        '22:10–00:40',
      );
      expect(requests.every((r) => r.includes(prefix))).toBe(true);
      // No HA frontend here: the sidecar's status names Home Assistant's time zone.
      await poll(() => ingressPage.locator('section.status-summary').innerText()).toContain(
        '23:00–07:00 (Pacific/Auckland)',
      );

      await row.locator('a').click();
      await poll(() => ingressPage.evaluate(() => location.hash)).toBe(
        `#/incident/${String(incident.id)}`,
      );
      expect(new URL(ingressPage.url()).pathname).toBe(prefix);
      const detail = ingressPage.locator('llm-ops-incident-detail');
      await poll(() => detail.locator('[data-field=root-cause]').count()).toBe(1);
      const aucklandClock = new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: 'Pacific/Auckland',
      }).format(Date.parse(String(incident.first_seen)));
      expect(
        await detail
          .locator(`time[datetime="${String(incident.first_seen)}"]`)
          .first()
          .getAttribute('title'),
      ).toBe(aucklandClock);
      await detail.locator('button[data-action=approve]').click();
      await detail.locator('dialog button[data-confirm]').click();
      await poll(() => requests).toContain(
        `POST ${prefix}api/actions/${String(proposal.id)}/approve`,
      );
      // Reloading keeps the incident open (the route is in the hash).
      await ingressPage.reload();
      await poll(() => detail.locator('h2').innerText()).toBe(String(incident.title));
      expect(errors).toEqual([]);
    } finally {
      await ingressPage.close();
      await ingress.close();
    }
  });
});
