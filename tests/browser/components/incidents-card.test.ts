/** The incidents card against a fake `hass`. */
import { describe, expect, it } from 'vitest';
import type { FakeHassOptions } from '../harness/api.js';
import { callsOf, events, golden, page, poll, useComponentPage } from './page.js';

useComponentPage();

describe('the incidents card', () => {
  async function mountCard(
    config: Record<string, unknown>,
    opts: FakeHassOptions & { generated?: number } = {},
  ): Promise<string | null> {
    return page().evaluate(
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
  const card = () => page().locator('llm-ops-incidents-card ha-card');

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
    await page().evaluate(() => {
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
    const info = await page().evaluate(() => {
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
