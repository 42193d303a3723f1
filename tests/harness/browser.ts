/** Debian's Chromium driven by playwright-core, logged in to the dev HA. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO, type HaEnv } from './ha-dev.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO, 'test-results/screenshots');

/** Launch the system Chromium headless, without any network beyond what pages ask for. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Open HA's frontend and log in as the onboarded user; resolves once the dashboard has loaded. */
export async function loginToHa(page: Page, env: HaEnv): Promise<void> {
  await page.goto(env.HA_URL);
  await page.waitForURL(/\/auth\/authorize/);
  await page.locator('input[name="username"]').fill(env.HA_USERNAME);
  const password = page.locator('input[name="password"]');
  await password.fill(env.HA_PASSWORD);
  await password.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/auth/'), { timeout: 60_000 });
  // The app shell is ready once the sidebar shows and the first view has loaded.
  await page.locator('ha-sidebar').waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForLoadState('networkidle');
}

/** Save a full-page screenshot under test-results/screenshots and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
