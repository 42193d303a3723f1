/** The panel’s incident list: filters, sorting, counts, search and its rows on screen, against a fake `hass`. */
import { describe, expect, it } from 'vitest';
import {
  calls,
  callsOf,
  events,
  golden,
  listedCount,
  mountPanel,
  page,
  poll,
  rows,
  rowTexts,
  scrollToRow,
  select,
  texts,
  useComponentPage,
} from './page.js';

useComponentPage();

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
    const row = page().locator(`llm-ops-incident-list .row[data-id="${incidentOpen.id}"]`);
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
    const summary = page().locator('llm-ops-panel section.status-summary');
    expect(await summary.innerText()).toMatch(/Mode\s+Approve/);
    expect(await summary.innerText()).toContain('23:00–07:00');
    // The policy file by its name; where it lives (a path inside the add-on) on hover.
    const file = summary.locator('[data-field=policy] .mono');
    expect(await file.innerText()).toBe('policy.yaml');
    expect(await file.getAttribute('title')).toBe('/config/policy.yaml');
    // What runs by itself, by the names the actions give themselves (the sidecar's status).
    expect(await summary.innerText()).toMatch(/Automatic\s+Reload the entry/);
    expect(await page().locator('llm-ops-panel .mode-chip').innerText()).toBe('Approve');
    const pending = page().locator('llm-ops-panel section.pending');
    expect(await pending.innerText()).toContain('Reload the config entry Fault Lab');

    // Severity chips count what is listed.
    const counts = await page()
      .locator('llm-ops-incident-list .chip.count .n')
      .allInnerTexts()
      .then((n) => n.map(Number));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(await listedCount());
  });

  it('filters by search, severity, integration and status, and sorts', async () => {
    await mountPanel({ generated: 60 });
    await poll(listedCount).toBeGreaterThan(10);
    const all = await listedCount();

    await page().locator('llm-ops-incident-list input[type=search]').fill('zha');
    await poll(listedCount).toBeLessThan(all);
    for (const t of await rowTexts()) expect(t.toLowerCase()).toContain('zha');
    await page().locator('llm-ops-incident-list input[type=search]').fill('');
    await poll(listedCount).toBe(all);

    await select('severity', 'critical');
    await poll(listedCount).toBeLessThan(all);
    for (const t of await rowTexts()) expect(t).toContain('Critical');
    // The severity chips toggle the same filter.
    expect(
      await page()
        .locator('llm-ops-incident-list .chip.count[data-severity=critical]')
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await page().locator('llm-ops-incident-list .chip.count[data-severity=critical]').click();
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
    await page().locator('llm-ops-incident-list .th.num button.sort').click();
    const seen = async () =>
      (await texts(page().locator('llm-ops-incident-list .body .td.num'))).map(Number);
    await poll(async () => {
      const n = await seen();
      return n.every((v, i) => i === 0 || (n[i - 1] ?? 0) >= v);
    }).toBe(true);
    await page().locator('llm-ops-incident-list button.direction').click();
    await poll(async () => {
      const n = await seen();
      return n.every((v, i) => i === 0 || (n[i - 1] ?? 0) <= v);
    }).toBe(true);
  });

  it('renders only the rows on screen of thousands; scrolling, filters and Tab reach the others', async () => {
    // 10,000 incidents; the panel lists the active ones it loads, most recently seen first
    // (the generated incidents are seen later the lower their number).
    const expected = await page().evaluate(() => {
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
    const list = page().locator('llm-ops-incident-list');
    await poll(() => rows().count()).toBeGreaterThan(5);
    const summary = await list.locator('.summary').innerText();
    // All of them are loaded and counted, not a first few pages.
    const loaded = Number(/(\d+) incidents/.exec(summary)?.[1]);
    expect(loaded).toBe(expected.length);
    const listed = expected;
    const ids = () => rows().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));

    // A screenful in the DOM (900 px of 56 px rows, and a few around), the first ones first;
    // the table says how many rows it has, and where each one is.
    expect(await rows().count()).toBeLessThanOrEqual(40);
    expect((await ids())[0]).toBe(listed[0]?.id);
    expect(await list.locator('[role=table]').getAttribute('aria-rowcount')).toBe(
      String(loaded + 1),
    );
    expect(await rows().first().getAttribute('aria-rowindex')).toBe('2');
    const scroller = page().locator('llm-ops-panel main.content');
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
      page().evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (el as HTMLElement | null)?.dataset.id;
      });
    await list.locator(`a[data-id="${listed[0]?.id}"]`).focus();
    for (let k = 1; k < 60; k++) await page().keyboard.press('Tab');
    expect(await focused()).toBe(listed[59]?.id);
    for (let k = 59; k > 40; k--) await page().keyboard.press('Shift+Tab');
    expect(await focused()).toBe(listed[40]?.id);
    for (let k = 40; k < 59; k++) await page().keyboard.press('Tab');
    expect(await rows().count()).toBeLessThanOrEqual(40);
    const listTop = await scroller.evaluate((el) => el.scrollTop);
    expect(listTop).toBeGreaterThan(0);
    await page().keyboard.press('Enter');
    await poll(() => page().evaluate(() => location.pathname)).toBe(
      `/llm-ops/incident/${listed[59]?.id}`,
    );
    // The incident starts at the top; Back returns the list to where the user was.
    await poll(() => page().locator('llm-ops-incident-detail h2').count()).toBe(1);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await page().locator('llm-ops-panel a.back').click();
    await poll(() => page().locator('llm-ops-incident-list').isVisible()).toBe(true);
    await poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(listTop);
    expect(await ids()).toContain(listed[59]?.id);
  });

  it('past the most it loads, says how many more there are instead of a short count', async () => {
    const total = await page().evaluate(() => {
      const h = window.harness;
      const all = h
        .makeIncidents(10_050)
        .map((i) => ({ ...i, status: 'open' as const, resolved_at: null, resolution: null }));
      h.mountPanel({ incidents: all });
      return all.length;
    });
    const summary = page().locator('llm-ops-incident-list .summary');
    await poll(() => summary.innerText()).toContain(
      `the 10000 most recently seen of ${total} incidents`,
    );
  });

  it('renders only the cards on screen on a phone, and the others as it scrolls', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    try {
      await mountPanel({ narrow: true, generated: 3000 });
      const cards = page().locator('llm-ops-incident-list ul.cards li');
      await poll(() => cards.count()).toBeGreaterThan(3);
      expect(await cards.count()).toBeLessThanOrEqual(30);
      const listed = await page()
        .locator('llm-ops-incident-list')
        .evaluate((el) =>
          (el as HTMLElementTagNameMap['llm-ops-incident-list']).visible.map((i) => i.id),
        );
      expect(listed.length).toBeGreaterThan(1000);
      expect(await cards.first().getAttribute('aria-setsize')).toBe(String(listed.length));
      await scrollToRow(listed[700] ?? '');
      const card = page().locator(`llm-ops-incident-list li[data-id="${listed[700]}"]`);
      expect(await card.getAttribute('aria-posinset')).toBe('701');
      const box = await card.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
      expect(await cards.count()).toBeLessThanOrEqual(30);
    } finally {
      await page().setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('updates live from llm_ops/subscribe', async () => {
    await mountPanel({ generated: 5 });
    const { incidentOpen, incidentEvent } = await golden();
    await poll(() => page().evaluate(() => window.harness.hass?.subscribers())).toBe(1);
    expect((await calls()).some((c) => c.type === 'llm_ops/subscribe')).toBe(true);

    // An update changes the row at once (before the refetch).
    await page().evaluate(
      (e) =>
        window.harness.hass?.push({
          kind: 'incident',
          data: { ...e, change: 'updated', status: 'awaiting_approval', occurrences: 9 },
        }),
      incidentEvent,
    );
    const row = page().locator(`llm-ops-incident-list .row[data-id="${incidentOpen.id}"]`);
    await poll(async () => (await texts(row))[0]).toContain('Awaiting approval');

    // A new incident appears after the refetch the event triggers, and is announced.
    const before = (await callsOf('llm_ops/incidents')).length;
    await page().evaluate(() => {
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
    expect(await page().locator('llm-ops-panel [aria-live=polite]').innerText()).toContain(
      'New incident: A brand-new incident',
    );
  });

  it('reloads after HA’s connection comes back (events may have been missed)', async () => {
    await mountPanel({ generated: 3 });
    await poll(() => rows().count()).toBeGreaterThan(0);
    const before = (await callsOf('llm_ops/incidents')).length;
    await page().evaluate(() => window.harness.hass?.reconnect());
    await poll(async () => (await callsOf('llm_ops/incidents')).length).toBe(before + 1);
  });

  it('opens an incident through navigation; deep links and Back work', async () => {
    await mountPanel({ generated: 3 });
    const { incidentOpen } = await golden();
    await page().locator(`llm-ops-incident-list a[data-id="${incidentOpen.id}"]`).click();
    await poll(
      async () => (await events()).filter((e) => e.type === 'location-changed').at(-1)?.path,
    ).toBe(`/llm-ops/incident/${incidentOpen.id}`);
    await poll(() => page().locator('llm-ops-incident-detail h2').innerText()).toBe(
      incidentOpen.title,
    );
    expect(await page().locator('llm-ops-incident-list').isHidden()).toBe(true);

    await page().locator('llm-ops-panel a.back').click();
    await poll(() => page().evaluate(() => location.pathname)).toBe('/llm-ops');
    await poll(() => page().locator('llm-ops-incident-list').isVisible()).toBe(true);
    expect(await page().locator('llm-ops-incident-detail').count()).toBe(0);

    // Keyboard: the title is a link; Enter on it opens the incident.
    await page().locator(`llm-ops-incident-list a[data-id="${incidentOpen.id}"]`).focus();
    await page().keyboard.press('Enter');
    await poll(() => page().evaluate(() => location.pathname)).toBe(
      `/llm-ops/incident/${incidentOpen.id}`,
    );

    // A deep link straight to the incident.
    await mountPanel({ path: `/incident/${incidentOpen.id}` });
    await poll(() => page().locator('llm-ops-incident-detail h2').innerText()).toBe(
      incidentOpen.title,
    );
    expect(await callsOf('llm_ops/incident')).toEqual([
      { type: 'llm_ops/incident', incident_id: incidentOpen.id },
    ]);
  });
});
