/** The real HA frontend opens in Debian's Chromium, logged in as the onboarded user. */
import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, loginToHa, screenshot } from '../harness/browser.js';
import { readHaEnv } from '../harness/ha-dev.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

it('logs in to the HA frontend and shows the sidebar', async () => {
  const env = readHaEnv();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await loginToHa(page, env);
  // The sidebar lists the panels of the logged-in user; Settings is admin-only.
  const sidebar = page.locator('ha-sidebar');
  await expect.poll(() => sidebar.isVisible(), { timeout: 30_000 }).toBe(true);
  await expect
    .poll(() => sidebar.getByText('Settings').first().isVisible(), { timeout: 30_000 })
    .toBe(true);
  const file = await screenshot(page, 'ha-frontend');
  expect(statSync(file).size).toBeGreaterThan(10_000);
});
