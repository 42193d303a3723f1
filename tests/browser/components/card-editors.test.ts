/** The cards’ editors against a fake `hass`. */
import { describe, expect, it } from 'vitest';
import { events, page, useComponentPage } from './page.js';

useComponentPage();

describe('the card editors', () => {
  const changes = async () =>
    (await events())
      .filter((e) => e.type === 'config-changed')
      .map((e) => (e.detail as { config: Record<string, unknown> }).config);

  it('edits the incidents card and emits config-changed', async () => {
    await page().evaluate(() =>
      window.harness.mountEditor('llm-ops-incidents-card-editor', {
        type: 'custom:llm-ops-incidents-card',
        title: 'Incidents',
      }),
    );
    const editor = page().locator('llm-ops-incidents-card-editor');
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
    await page().evaluate(() =>
      window.harness.mountEditor('llm-ops-approval-card-editor', {
        type: 'custom:llm-ops-approval-card',
      }),
    );
    const editor = page().locator('llm-ops-approval-card-editor');
    await editor.locator('input[name=show_preview]').uncheck();
    expect(await changes()).toEqual([
      { type: 'custom:llm-ops-approval-card', show_preview: false },
    ]);
  });
});
