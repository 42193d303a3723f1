/**
 * The component harness page: mounts the real panel, cards and editors (from their
 * sources) with a fake `hass`, and routes like HA's frontend does (`location-changed`).
 */
import '../../../cards/src/llm-ops-cards.js';
import '../../../panel/src/llm-ops-panel.js';
import type { LlmOpsPanel } from '../../../panel/src/llm-ops-panel.js';
import type { HarnessApi, SeenEvent } from './api.js';
import { createFakeHass } from './fake-hass.js';
import { goldenFixtures, makeIncidents } from './fixtures.js';

const root = document.getElementById('root') as HTMLElement;
const events: SeenEvent[] = [];
let panel: LlmOpsPanel | undefined;

for (const type of ['location-changed', 'hass-more-info', 'config-changed', 'hass-toggle-menu']) {
  window.addEventListener(type, (ev) => {
    events.push({
      type,
      detail: JSON.parse(JSON.stringify((ev as Event & { detail?: unknown }).detail ?? null)),
      path: window.location.pathname,
    });
  });
}

/** Like HA's frontend: the panel's route follows the URL under /llm-ops. */
function routeFromLocation(): { prefix: string; path: string } {
  const path = window.location.pathname;
  return {
    prefix: '/llm-ops',
    path: path.startsWith('/llm-ops') ? path.slice('/llm-ops'.length) : '',
  };
}

window.addEventListener('location-changed', () => {
  if (panel) panel.route = routeFromLocation();
});
window.addEventListener('popstate', () => {
  if (panel) panel.route = routeFromLocation();
});

const api: HarnessApi = {
  fixtures: goldenFixtures(),
  makeIncidents,
  events,
  hass: undefined,
  reset() {
    root.replaceChildren();
    panel = undefined;
    api.hass = undefined;
    events.length = 0;
    history.replaceState(null, '', '/');
  },
  mountPanel(opts) {
    api.reset();
    const hass = createFakeHass(api.fixtures, opts);
    history.replaceState(null, '', `/llm-ops${opts.path ?? ''}`);
    const el = document.createElement('llm-ops-panel');
    el.narrow = opts.narrow ?? false;
    el.route = routeFromLocation();
    el.panel = { url_path: 'llm-ops', title: 'LLM Ops', config: { domain: 'llm_ops' } };
    (el as unknown as { hass: unknown }).hass = hass;
    root.append(el);
    panel = el;
    api.hass = hass;
    return hass;
  },
  mountCard(tag, config, opts) {
    api.reset();
    const hass = createFakeHass(api.fixtures, opts);
    const el = document.createElement(tag) as HTMLElement & {
      setConfig(c: unknown): void;
      hass: unknown;
    };
    let error: string | null = null;
    try {
      el.setConfig({ type: `custom:${tag}`, ...config });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    el.hass = hass;
    if (!error) root.append(el);
    api.hass = hass;
    return Object.assign(hass, { error });
  },
  mountEditor(tag, config) {
    api.reset();
    const el = document.createElement(tag) as HTMLElement & {
      setConfig(c: unknown): void;
      hass: unknown;
    };
    el.setConfig(config);
    el.hass = createFakeHass(api.fixtures, {});
    root.append(el);
  },
};

window.harness = api;
document.body.dataset.ready = 'true';
