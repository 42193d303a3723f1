/**
 * The committed cards bundle (custom_components/llm_ops/frontend/llm-ops-cards.js) is what
 * `npm run build` makes of the sources today, and stays within the size budget.
 */
import { CARDS_BUNDLE } from '../../panel/build/bundle-config.js';
import { describeBundle } from '../../panel/test/bundle-check.js';

describeBundle(CARDS_BUNDLE);
