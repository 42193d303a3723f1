/**
 * Update attribution in the panel, in the real HA frontend with the integration set up
 * against a real sidecar watching the dev HA: after a backup, Fault Lab is updated from
 * 0.1.0 to 0.2.0 with HA's `update.install`, its hub then fails, and the incident's page
 * says "Started N min after Fault Lab was updated from 0.1.0 to 0.2.0 — release notes —
 * backup … from before the update". The screenshot docs/images/panel-after-update.png
 * comes from here (`UPDATE_DOCS_IMAGES=1`).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginToHa, DOCS_IMAGES } from '../harness/browser.js';
import { readHaEnv, type HaEnv } from '../harness/ha-dev.js';
import {
  addLlmOpsEntry,
  callService,
  configEntries,
  eventually,
  haRest,
  removeEntries,
} from '../harness/ha-rest.js';
import { setFault, sidecarApi } from '../harness/approval.js';
import { haWsCommand } from '../harness/ha-ws.js';
import { startSidecar, type SidecarProcess } from '../harness/sidecar.js';
import { poll } from '../harness/poll.js';

const BACKUP_NAME = 'Before Fault Lab 0.2.0';
const RELEASE_NOTES = 'https://github.com/ha-llm-ops/ha-llm-ops/releases/tag/fault-lab-0.2.0';

let env: HaEnv;
let sidecar: SidecarProcess;
let browser: Browser;
let page: Page;
let updateEntity: string;

const entryIs = (state: string) =>
  eventually(
    async () => ((await configEntries(env, 'fault_lab'))[0]?.state === state ? true : undefined),
    30_000,
    `fault_lab ${state}`,
  );

beforeAll(async () => {
  env = readHaEnv();
  await removeEntries(env, 'llm_ops');
  await setFault(env, 'none', true);
  await entryIs('loaded');
  const states = await haRest<{ entity_id: string; attributes: { title?: string } }[]>(
    env,
    'GET',
    '/api/states',
  );
  const update = states.find(
    (s) => s.entity_id.startsWith('update.') && s.attributes.title === 'Fault Lab',
  );
  if (!update) throw new Error('Fault Lab offers no update entity');
  updateEntity = update.entity_id;
  await callService(env, 'fault_lab', 'release', { version: '0.2.0', installed: '0.1.0' });
  await callService(env, 'system_log', 'clear');
  sidecar = await startSidecar({ HA_URL: env.HA_URL, HA_TOKEN: env.HA_TOKEN });
  await sidecar.waitForLog(/watching Home Assistant/, 60_000);
  await addLlmOpsEntry(env, sidecar);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await loginToHa(page, env);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (env) {
    await setFault(env, 'none', true);
    await entryIs('loaded');
    await removeEntries(env, 'llm_ops');
  }
  await sidecar?.stop();
}, 120_000);

describe('an incident after an update, in the panel', () => {
  it('names the update, links its release notes and the backup from before it', async () => {
    await haWsCommand(env.HA_URL, env.HA_TOKEN, {
      type: 'backup/generate',
      agent_ids: ['backup.local'],
      include_database: false,
      include_homeassistant: true,
      name: BACKUP_NAME,
    });
    const backupTaken = Date.now();
    await eventually(
      async () => {
        const { backups } = await haWsCommand<{ backups: { name: string; date: string }[] }>(
          env.HA_URL,
          env.HA_TOKEN,
          { type: 'backup/info' },
        );
        const ours = backups.find(
          (b) => b.name === BACKUP_NAME && Date.parse(b.date) >= backupTaken - 60_000,
        );
        return ours ? true : undefined;
      },
      120_000,
      'the backup',
    );
    await callService(env, 'update', 'install', { entity_id: updateEntity });
    await sidecar.waitForLog(/Fault Lab was updated from 0\.1\.0 to 0\.2\.0/);
    await setFault(env, 'not_ready', true);
    await entryIs('setup_retry');
    const incident = await eventually(
      async () =>
        (
          await sidecarApi<{ items: { id: string }[] }>(
            sidecar,
            '/api/incidents?active=true&integration=fault_lab',
          )
        ).items[0],
      60_000,
      'a fault_lab incident',
    );

    await page.goto(`${env.HA_URL}/llm-ops/incident/${incident.id}`);
    const note = page.locator('llm-ops-incident-detail [data-field=after-update]');
    await poll(() => note.count()).toBe(1);
    const text = (await note.innerText()).replace(/\s+/g, ' ').trim();
    expect(text).toMatch(
      /^Started (less than a minute|\d+ min) after Fault Lab was updated from 0\.1\.0 to 0\.2\.0 — release notes — backup Before Fault Lab 0\.2\.0 from before the update/,
    );
    expect(await note.getAttribute('data-link')).toBe('same');
    expect(await note.locator('a[data-field=release-notes]').getAttribute('href')).toBe(
      RELEASE_NOTES,
    );
    // The analysis says it as well.
    await poll(() =>
      page.locator('llm-ops-incident-detail [data-field=root-cause]').innerText(),
    ).toContain('was updated from 0.1.0 to 0.2.0');
    mkdirSync(DOCS_IMAGES, { recursive: true });
    const path = join(DOCS_IMAGES, 'panel-after-update.png');
    await page.screenshot({ path, animations: 'disabled' });
    expect(statSync(path).size).toBeLessThan(1024 * 1024);
  });
});
