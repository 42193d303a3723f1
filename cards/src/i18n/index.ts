/** The cards' catalogs (English and German), added to the shared ones on load. */
import { addCatalogs } from '@ha-llm-ops/panel/shared';
import { de } from './de.js';
import { en } from './en.js';

addCatalogs({ en, de });
