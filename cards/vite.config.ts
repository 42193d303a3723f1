/** `vite build` of the dashboard cards → custom_components/llm_ops/frontend/llm-ops-cards.js. */
import { defineConfig } from 'vite';
import { bundleConfig, CARDS_BUNDLE } from '../panel/build/bundle-config.js';

export default defineConfig(bundleConfig(CARDS_BUNDLE));
