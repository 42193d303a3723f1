/** The panel's catalogs (English and German), added to the shared ones on load. */
import { addCatalogs } from '../shared/i18n/index.js';
import { de } from './de.js';
import { en } from './en.js';

export * from '../shared/i18n/index.js';

addCatalogs({ en, de });
