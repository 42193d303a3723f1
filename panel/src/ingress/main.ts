/**
 * The add-on's ingress page: the same `llm-ops-panel` element, fed by the sidecar's HTTP
 * API instead of HA's WebSocket. Routes live in the URL's hash (`#/incident/<id>`), since
 * ingress serves the page under a per-session path prefix the sidecar knows nothing about.
 */
import { HttpIncidentSource } from '../data/http-source.js';
import { browserLanguage, setLanguage } from '../i18n/index.js';
import '../llm-ops-panel.js';
import type { LlmOpsPanel, PanelRoute } from '../llm-ops-panel.js';

/** The route the hash names; `navigate()` pushes `#/…` URLs, the panel's prefix being "#". */
export function hashRoute(hash: string): PanelRoute {
  const path = hash.replace(/^#/, '');
  return { prefix: '#', path: path.startsWith('/') ? path : '' };
}

/** Mount the panel into `parent` and keep its route, width and colour scheme current. */
export function mountIngressPanel(parent: HTMLElement): LlmOpsPanel {
  // No `hass` here: the language HA stored for this browser (ingress is on HA's origin), else the browser's.
  setLanguage(browserLanguage());
  const panel = document.createElement('llm-ops-panel');
  panel.source = new HttpIncidentSource();
  panel.panel = { title: 'LLM Ops', url_path: '' };
  const narrow = window.matchMedia('(max-width: 870px)');
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const sync = () => {
    panel.route = hashRoute(window.location.hash);
    panel.narrow = narrow.matches;
    panel.dark = dark.matches;
  };
  sync();
  window.addEventListener('location-changed', sync);
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  narrow.addEventListener('change', sync);
  dark.addEventListener('change', sync);
  parent.append(panel);
  return panel;
}

const root = document.getElementById('llm-ops');
if (root) mountIngressPanel(root);
