/** Debian's Chromium driven by playwright-core, logged in to the dev HA. */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve as resolvePath } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO, type HaEnv } from './ha-dev.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO, 'test-results/screenshots');
/** Where screenshots for the docs go: docs/images with `UPDATE_DOCS_IMAGES=1`, else test-results. */
export const DOCS_IMAGES = process.env.UPDATE_DOCS_IMAGES
  ? join(REPO, 'docs/images')
  : SCREENSHOT_DIR;

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

/** A directory served over HTTP on loopback. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serve `dir` under `prefix` (default `/`); unknown paths get `index.html`, as a single-page
 * app expects. `handle` may answer a request first (e.g. a fake API) by returning true.
 */
export async function serveDir(
  dir: string,
  opts: {
    prefix?: string;
    handle?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  } = {},
): Promise<StaticServer> {
  const prefix = opts.prefix ?? '/';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (opts.handle?.(req, res, rel)) return;
    let file = resolvePath(dir, rel || 'index.html');
    if (!file.startsWith(resolvePath(dir)) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(dir, 'index.html');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The component harness page (tests/browser/harness), built with Vite into `outDir`. */
export async function buildComponentHarness(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(REPO, 'tests/browser/harness'),
    logLevel: 'warn',
    publicDir: false,
    resolve: { conditions: ['@ha-llm-ops/source'] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
    },
  });
}
