/** `vite build` of the sidebar panel → custom_components/llm_ops/frontend/llm-ops-panel.js. */
import { defineConfig } from 'vite';
import { bundleConfig, INGRESS_BUNDLE, PANEL_BUNDLE } from './build/bundle-config.js';

// `vite build --mode ingress` builds the add-on's ingress page bundle instead.
export default defineConfig(({ mode }) =>
  bundleConfig(mode === 'ingress' ? INGRESS_BUNDLE : PANEL_BUNDLE),
);
