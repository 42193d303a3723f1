/**
 * The page every component test file shares: a page built with Vite (tests/browser/harness)
 * mounts the real panel, cards and editors in Debian's Chromium with a fake `hass` whose
 * `callWS` answers the llm_ops integration's commands from the contracts' golden examples.
 * A test file calls `useComponentPage()` once; the helpers below act on its page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  buildComponentHarness,
  launchChromium,
  serveDir,
  type StaticServer,
} from '../../harness/browser.js';
import type { FakeHassOptions, SentMessage } from '../harness/api.js';

interface Opened {
  browser: Browser;
  page: Page;
  server: StaticServer;
  dir: string;
  errors: string[];
}

let opened: Opened | undefined;

/** Build and open the harness page before this file's tests; fail them on any page error. */
export function useComponentPage(): void {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-ops-harness-'));
    await buildComponentHarness(dir);
    const server = await serveDir(dir);
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    opened = { browser, page, server, dir, errors };
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  }, 120_000);

  afterAll(async () => {
    const o = opened;
    opened = undefined;
    await o?.browser.close();
    await o?.server.close();
    if (o) rmSync(o.dir, { recursive: true, force: true });
    expect(o?.errors ?? []).toEqual([]);
  });
}

function current(): Opened {
  if (!opened) throw new Error('call useComponentPage() in the test file first');
  return opened;
}

/** The harness page. */
export const page = (): Page => current().page;

/** The browser, for a page of a test's own. */
export const browser = (): Browser => current().browser;

type PanelOptions = FakeHassOptions & { path?: string; narrow?: boolean; generated?: number };

/** Mount the panel; `generated` adds that many generated incidents to the golden ones. */
export async function mountPanel(opts: PanelOptions = {}): Promise<void> {
  await page().evaluate((o) => {
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
export function poll<T>(fn: () => Promise<T> | T): ReturnType<typeof expect.poll<T>> {
  return expect.poll(fn, { timeout: 10_000 });
}

/** The WebSocket messages the elements sent to the fake `hass`. */
export const calls = () =>
  page().evaluate(() => window.harness.hass?.calls ?? []) as Promise<SentMessage[]>;
export const callsOf = async (type: string) => (await calls()).filter((c) => c.type === type);
/** The DOM events the elements fired (location changes, config changes, …). */
export const events = () => page().evaluate(() => window.harness.events);
export const rows = () => page().locator('llm-ops-incident-list .body .row');
/** The contracts' golden examples the fake `hass` answers with. */
export const golden = () => page().evaluate(() => window.harness.fixtures);

/** Choose `value` in the incident list's filter `name`. */
export async function select(name: string, value: string): Promise<void> {
  await page().locator(`llm-ops-incident-list select[name=${name}]`).selectOption(value);
}

/** Text of each match (the rows rendered around the screen). */
export async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

export const rowTexts = () => texts(rows());

/** How many incidents the list says it shows ("N incidents", "N of M incidents match"). */
export async function listedCount(): Promise<number> {
  const text = await page().locator('llm-ops-incident-list .summary').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

/** Scroll the panel until the incident's row is on screen (only those rows are rendered). */
export async function scrollToRow(id: string): Promise<void> {
  await page()
    .locator('llm-ops-panel main.content')
    .evaluate((el, id) => {
      const list = el.querySelector('llm-ops-incident-list');
      const at = list?.visible.findIndex((i) => i.id === id) ?? -1;
      const body = list?.shadowRoot?.querySelector('.body, ul.cards');
      if (!list || !body || at < 0) return;
      const perRow = body.getBoundingClientRect().height / list.visible.length;
      el.scrollTop +=
        body.getBoundingClientRect().top - el.getBoundingClientRect().top + at * perRow;
    }, id);
  await poll(() => page().locator(`llm-ops-incident-list .row[data-id="${id}"]`).count()).toBe(1);
}
