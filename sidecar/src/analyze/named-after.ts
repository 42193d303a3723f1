/**
 * Names that start with the domain of the integration they belong to: an entity's id
 * (`binary_sensor.ping_router`) and a coordinator's class (`SynologyDSMSwitchUpdateCoordinator`).
 * Offline, with no entity registry, they attribute a record that names nothing else.
 */
import { PLATFORM_DOMAINS } from '../shared/attribution.js';
import { CORE_DOMAINS, SQUASHED_DOMAINS } from './offline/libraries.js';

/** An entity id: an entity platform's domain, then its object id (or its start and a placeholder). */
const ENTITY_ID_IN_TEXT = new RegExp(
  `\\b(?:${PLATFORM_DOMAINS.source.slice(4, -2)})\\.([a-z0-9]+(?:_[a-z0-9]+)*)(_<)?`,
  'g',
);
/** A coordinator class, as HA's `Error fetching … data` and tracebacks name it. */
const COORDINATOR_CLASS = /\b([A-Z][A-Za-z0-9]*?)(?:DataUpdate|Update)?Coordinator\b/g;
/**
 * Core domains that are also everyday words at the start of a name (`sensor.time_left`,
 * `sensor.energy_today`, `sensor.cloud_cover`): they name no integration there.
 */
const WORDS_NOT_INTEGRATIONS = new Set(
  (
    'automation backup calendar camera cloud config counter date datetime default_config demo ' +
    'derivative device energy event filter group history homeassistant image integration logbook ' +
    'media_source moon network person plant proximity random recorder scene schedule script ' +
    'season statistics sun system_health tag template text time timer todo trend update weather zone'
  ).split(' '),
);

/** The longest prefix of up to three of the words, at most `max`, that is a core integration's domain. */
function domainPrefix(words: readonly string[], max: number): string | null {
  for (let n = Math.min(3, max); n >= 1; n--) {
    const prefix = words.slice(0, n).join('_');
    if (
      CORE_DOMAINS.has(prefix) &&
      !WORDS_NOT_INTEGRATIONS.has(prefix) &&
      !PLATFORM_DOMAINS.test(prefix)
    )
      return prefix;
  }
  return null;
}

/**
 * The integration an entity's name starts with: most integrations name their entities after
 * themselves or their device (`ping_`, `fritz_`). Some words must follow the domain (the
 * device's name), or a placeholder for them (`ping_<name>`).
 */
export function entityIntegration(text: string): string | null {
  for (const m of text.matchAll(ENTITY_ID_IN_TEXT)) {
    const words = (m[1] ?? '').split('_');
    const found = domainPrefix(words, words.length - (m[2] ? 0 : 1));
    if (found) return found;
  }
  return null;
}

/** The integration a coordinator class is named after, its name in snake case (`SynologyDSMSwitch…` → `synology_dsm`). */
export function coordinatorIntegration(text: string): string | null {
  for (const m of text.matchAll(COORDINATOR_CLASS)) {
    const words = (m[1] ?? '')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .toLowerCase()
      .split('_');
    const found = domainPrefix(words, words.length);
    if (found) return found;
  }
  return null;
}

/**
 * Core domains that are also ordinary capitalised words or protocol names (`File not found`,
 * `Manual`, `Version`, `Modbus`), or that name a program more often than the integration: as a
 * word they name no integration (platforms and the words above are left out already).
 */
const WORDS_NOT_BRANDS = new Set(
  // Protocols and plain words.
  (
    'api http file folder manual generic version rest proxy stream uptime ping tcp usb ' +
    'serial mqtt modbus matter thread telnet syslog intent hardware alert bring door gate ' +
    'ghost html5 labs my neo point power push sense slide tile trace watts august battery ' +
    'carrier channels compensation holiday horizon humidity illuminance matrix motion ' +
    'moisture occupancy profiler repairs search temperature threshold torque transmission ' +
    'universal vibration window diagnostics guardian harbor ripple spider sentry ' +
    'marketplace browser pioneer brother ' +
    // Services any log links to.
    'github google microsoft facebook youtube reddit twitter twitch alexa ' +
    // Home Assistant's own parts, and programs that run as add-ons and log under their own name.
    'hassio mobile_app assist_pipeline conversation frontend lovelace auth onboarding ' +
    'tailscale adguard duckdns portainer influxdb go2rtc piper whisper wyoming deconz ' +
    'web_rtc'
  ).split(' '),
);
/**
 * A capitalised word, hyphenated or not (`Z-Wave`), with the lower-case word or the product's
 * acronym after it (`Telegram bot`, `Z-Wave JS`, `Synology DSM`): a second capitalised word
 * makes a name in words (`Garage Door`), which is the user's, not a brand.
 */
const BRAND_WORDS =
  /\b([A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)*)(?:[ _]([a-z][a-z0-9]+|[A-Z]{2,3}\b))?/g;

/**
 * The core domain a brand spells, or the brand's cloud or local integration when the brand
 * alone is none (`HomematicIP` → homematicip_cloud).
 */
function brandDomain(words: string): string | null {
  const squashed = words.toLowerCase().replace(/[_-]/g, '');
  const domain =
    SQUASHED_DOMAINS.get(squashed) ??
    SQUASHED_DOMAINS.get(`${squashed}cloud`) ??
    SQUASHED_DOMAINS.get(`${squashed}local`);
  return domain &&
    !WORDS_NOT_INTEGRATIONS.has(domain) &&
    !WORDS_NOT_BRANDS.has(domain) &&
    !PLATFORM_DOMAINS.test(domain)
    ? domain
    : null;
}

/**
 * The integration a message names by its brand, written as people write it (`Nest API error`,
 * `the Honeywell client`, `ESPHome device`, `Telegram bot setup error`):
 * a capitalised word, alone or with the next, that spells a core domain which is no everyday word.
 */
export function brandIntegration(text: string): string | null {
  for (const m of text.matchAll(BRAND_WORDS)) {
    const first = m[1] ?? '';
    const found = (m[2] ? brandDomain(`${first}_${m[2]}`) : null) ?? brandDomain(first);
    if (found) return found;
  }
  return null;
}
