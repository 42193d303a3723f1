/** The panel’s states: loading, not set up, offline, errors, narrow screens, against a fake `hass`. */
import { describe, expect, it } from 'vitest';
import { events, golden, mountPanel, page, poll, rows, useComponentPage } from './page.js';

useComponentPage();

describe('the panel: states', () => {
  it('shows loading, then empty', async () => {
    await mountPanel({ hang: ['llm_ops/incidents'] });
    await poll(() => page().locator('llm-ops-incident-list .state').innerText()).toContain(
      'Loading incidents',
    );
    await mountPanel({ incidents: [] });
    await poll(() => page().locator('llm-ops-incident-list .state').innerText()).toContain(
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
    const banner = page().locator('llm-ops-panel .banner.offline');
    await poll(() => banner.innerText()).toContain('The LLM Ops sidecar cannot be reached');
    expect(await banner.innerText()).toContain('http://127.0.0.1:8099');
    await page().evaluate(() => window.harness.hass?.set({ fail: {} }));
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
    await poll(() => page().locator('llm-ops-panel .state').innerText()).toContain(
      'LLM Ops is not set up',
    );
    await mountPanel({ fail: { 'llm_ops/incidents': { code: 'unknown_error', message: 'Boom' } } });
    await poll(() => page().locator('llm-ops-panel .banner.error').innerText()).toContain('Boom');
  });

  it('works without llm_ops/status and without a subscription', async () => {
    await mountPanel({ status: 'unknown_command', noSubscribe: true });
    await poll(() => rows().count()).toBe(1);
    expect(await page().locator('llm-ops-panel section.status-summary').count()).toBe(0);
    expect(await page().locator('llm-ops-panel .mode-chip').count()).toBe(0);
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
    const summary = page().locator('llm-ops-panel section.status-summary');
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
    const control = page().locator('llm-ops-maintenance [data-field=maintenance]');
    await poll(() => control.count()).toBe(1);
    // 13:30 UTC is 14:30 in Berlin.
    expect(await page().locator('llm-ops-panel [data-field=maintenance-chip]').innerText()).toMatch(
      /Maintenance until 2:30\sPM/,
    );
    expect(await control.innerText()).toContain('2 failures seen so far');
    expect(await control.locator('button').count()).toBe(0);

    // Off: nothing for a non-administrator, the duration and Start for an administrator.
    const off = { ...status, maintenance: { ...status.maintenance, active: false } };
    await mountPanel({ status: off, admin: false });
    await poll(() => rows().count()).toBe(1);
    expect(await page().locator('llm-ops-maintenance section').count()).toBe(0);
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
    await page().setViewportSize({ width: 390, height: 844 });
    try {
      await mountPanel({ narrow: true, generated: 8 });
      await poll(() => page().locator('llm-ops-incident-list ul.cards li').count()).toBe(
        await page().locator('llm-ops-incident-list ul.cards li').count(),
      );
      expect(await page().locator('llm-ops-incident-list ul.cards li').count()).toBeGreaterThan(0);
      expect(await page().locator('llm-ops-incident-list [role=table]').count()).toBe(0);
      // Nothing wider than the screen.
      const overflow = await page().evaluate(() => {
        const panel = document.querySelector('llm-ops-panel');
        return (panel?.scrollWidth ?? 0) - (panel?.clientWidth ?? 0);
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await page().locator('llm-ops-panel button[aria-label="Open the sidebar"]').click();
      expect((await events()).map((e) => e.type)).toContain('hass-toggle-menu');
      // The detail is a single column.
      const { incidentOpen } = await golden();
      await mountPanel({ narrow: true, path: `/incident/${incidentOpen.id}` });
      await poll(() => page().locator('llm-ops-incident-detail h2').isVisible()).toBe(true);
      const columns = await page()
        .locator('llm-ops-incident-detail .layout')
        .evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
      expect(columns).toBe(1);
    } finally {
      await page().setViewportSize({ width: 1280, height: 900 });
    }
  });
});
