/**
 * The committed panel bundles (custom_components/llm_ops/frontend/llm-ops-panel.js and the
 * add-on's sidecar/public/llm-ops-ingress.js) are what `npm run build` makes of the
 * sources today, and stay within the size budget.
 */
import { INGRESS_BUNDLE, PANEL_BUNDLE } from '../build/bundle-config.js';
import { describeBundle } from './bundle-check.js';

describeBundle(PANEL_BUNDLE);
describeBundle(INGRESS_BUNDLE);
