/**
 * Benchmark: 500 (or 10,000) incidents render and filter in the LLM Ops panel without a visible stall.
 * The panel (from its sources, in the component harness page) runs in headless Debian
 * Chromium with a fake `hass` answering 500 fixture incidents; times are measured in the
 * page with performance.now(), from the change to the next painted frame. Each step runs
 * several times; the median is reported, plus the longest main-thread task seen while rendering
 * and filtering (and apart, while every row is reached: shown, or scrolled to).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildComponentHarness, launchChromium, serveDir } from '../../tests/harness/browser.js';

const INCIDENTS = 500;
const RUNS = 5;

// Runs in the page. A string, so no bundler helper (e.g. tsx's __name) leaks into it.
const MEASURE = `(async ({ incidents, runs }) => {
  const h = window.harness;
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const panel = () => document.querySelector('llm-ops-panel');
  const list = () => panel()?.shadowRoot?.querySelector('llm-ops-incident-list');
  const rows = () => list()?.shadowRoot?.querySelectorAll('.body .row').length ?? 0;
  const settle = async () => {
    await panel()?.updateComplete;
    await list()?.updateComplete;
    await nextPaint();
  };
  const waitRows = async (min) => {
    for (let i = 0; i < 2000 && rows() < min; i++) await new Promise((r) => requestAnimationFrame(r));
  };
  // Long tasks, told apart by the phase they started in (showing every row is the user's
  // choice to pay for; the first render and the filters are not).
  const tasks = [];
  const phases = { initial: [], showAll: [], filters: [] };
  const phase = (name, t0) => phases[name].push([t0, performance.now()]);
  const observer = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) tasks.push([e.startTime, e.duration]);
  });
  observer.observe({ type: 'longtask', buffered: false });

  const active = ['open', 'analyzing', 'awaiting_approval', 'remediating'];
  const data = h.makeIncidents(incidents).map((i, k) =>
    active.includes(i.status) ? i : { ...i, status: active[k % active.length], resolved_at: null, resolution: null },
  );
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = { initial: [], showAll: [], search: [], clear: [], severity: [], integration: [], sort: [] };

  const control = (sel) => list().shadowRoot.querySelector(sel);
  const choose = async (name, value) => {
    const t0 = performance.now();
    const s = control('select[name=' + name + ']');
    s.value = value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    return performance.now() - t0;
  };

  for (let run = 0; run < runs; run++) {
    await nextPaint(); // the fixtures are made (or the last run torn down) in a task of their own
    let t0 = performance.now();
    h.mountPanel({ incidents: data });
    await waitRows(1);
    await settle();
    out.initial.push(performance.now() - t0);
    phase('initial', t0);

    // Every row reached: "Show more" until all are rendered, or, where the list renders only
    // the rows on screen, scrolled to its last row (and back to the top for the filters).
    t0 = performance.now();
    for (let i = 0; i < 10 && rows() < incidents; i++) {
      const more = list().shadowRoot.querySelector('.more button');
      if (!more) break;
      more.click();
      await settle();
    }
    const content = panel().shadowRoot.querySelector('main.content');
    if (!list().shadowRoot.querySelector('.more button') && content.scrollHeight > content.clientHeight) {
      content.scrollTop = content.scrollHeight;
      await nextPaint();
      await settle();
    }
    out.showAll.push(performance.now() - t0);
    content.scrollTop = 0;
    await nextPaint();
    await settle();
    phase('showAll', t0);
    const filtersFrom = performance.now();

    // Search (Enter applies it at once, without the typing debounce).
    const search = control('input[type=search]');
    t0 = performance.now();
    search.value = 'zha stuck';
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    out.search.push(performance.now() - t0);
    t0 = performance.now();
    search.value = '';
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    out.clear.push(performance.now() - t0);

    out.severity.push(await choose('severity', 'critical'));
    await choose('severity', 'all');
    out.integration.push(await choose('integration', 'mqtt'));
    await choose('integration', 'all');
    out.sort.push(await choose('sort', 'occurrences'));
    await choose('sort', 'last_seen');
    phase('filters', filtersFrom);
  }
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const longestIn = (name) =>
    Math.max(0, ...tasks.filter(([at]) => phases[name].some(([a, b]) => at >= a && at <= b)).map(([, d]) => d));
  h.reset();
  return {
    incidents,
    initial_render_ms: median(out.initial),
    show_all_rows_ms: median(out.showAll),
    filter_search_ms: median(out.search),
    filter_clear_ms: median(out.clear),
    filter_severity_ms: median(out.severity),
    filter_integration_ms: median(out.integration),
    sort_ms: median(out.sort),
    longest_task_ms: Math.max(longestIn('initial'), longestIn('filters')),
    longest_task_show_all_ms: longestIn('showAll'),
  };
})`;

/** Render and filter `incidents` incidents in the panel; milliseconds per step (medians). */
export async function benchPanel(incidents = INCIDENTS): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-bench-panel-'));
  const server = await (async () => {
    await buildComponentHarness(dir);
    return serveDir(dir);
  })();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const result = (await page.evaluate(
      `${MEASURE}(${JSON.stringify({ incidents, runs: RUNS })})`,
    )) as Record<string, number>;
    return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchPanel(Number(process.argv[2] ?? INCIDENTS)), null, 2));
}
