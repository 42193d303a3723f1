/** The panel’s list of what is kept quiet, and undoing it, against a fake `hass`. */
import { DOCS_IMAGES } from '../../harness/browser.js';
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { callsOf, mountPanel, page, poll, rows, useComponentPage } from './page.js';

useComponentPage();

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
  const quiet = () => page().locator('llm-ops-quiet-list section.quiet');
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
    mkdirSync(DOCS_IMAGES, { recursive: true });
    await quiet().screenshot({ path: join(DOCS_IMAGES, 'panel-learned-quiet.png') });

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
    expect(await page().locator('llm-ops-quiet-list').count()).toBe(0);
    expect(await callsOf('llm_ops/suppressions')).toEqual([]);
  });
});
