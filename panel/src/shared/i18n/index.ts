/**
 * The front end's languages: `localize(key, params)` in Home Assistant's language, and the
 * shared catalogs (English and German). The panel and the cards add their own catalogs.
 */
import { addCatalogs } from './localize.js';
import { de } from './de.js';
import { en } from './en.js';

export * from './localize.js';

addCatalogs({ en, de });
