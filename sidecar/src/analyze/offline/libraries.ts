/**
 * What Home Assistant's own manifests say, for logs read without a running Home
 * Assistant to ask: its integrations' domains, and the loggers and requirements
 * that exactly one of them declares (core-facts.json, generated from the
 * installed `homeassistant` package by scripts/python/core_facts.py).
 */
import data from './core-facts.json' with { type: 'json' };
import { hostIn, isPublicHost } from './extract.js';
import { escapeRegExp } from './patterns.js';

/** The domains of Home Assistant's own integrations: any other domain is a custom integration's. */
export const CORE_DOMAINS: ReadonlySet<string> = new Set(data.domains);

/** Home Assistant's own integrations that talk to a cloud service (iot_class cloud_*). */
export const CLOUD_DOMAINS: ReadonlySet<string> = new Set(data.cloud);

/** Library logger (or top-level module) → the one core integration that declares it. */
export const LIBRARY_LOGGERS: ReadonlyMap<string, string> = new Map(Object.entries(data.loggers));

/**
 * Libraries many integrations build on (transports, resolvers, loaders of data classes and
 * markup): one integration's manifest may name them, but their name names no culprit.
 */
export const SHARED_LIBRARIES: ReadonlySet<string> = new Set([
  'anyio',
  'aiodns',
  'ifaddr',
  'dacite',
  'lxml',
]);

/**
 * Libraries Home Assistant's manifests no longer name, by the integration they served:
 * python-matter-server (`matter_server`) is the Matter Server add-on's program, whose client
 * Home Assistant now requires as matter-python-client.
 */
const FORMER_LIBRARIES: ReadonlyMap<string, string> = new Map([['matter_server', 'matter']]);

/** Every domain some library maps to: the integrations a library name can spell. */
const DOMAINS: ReadonlySet<string> = new Set(LIBRARY_LOGGERS.values());
/** Library naming conventions around a domain (`pyunifiprotect`, `aiohue`, `python_kasa`, `solaxpy`). */
const AROUND_DOMAIN = /^(?:py|aio|python_|async)?(.+?)(?:py|_api|_client|_async)?$/;

/**
 * The integration of a library logger or module path (`pyatv.protocols.mrp` →
 * apple_tv), or null. A library no manifest declares any more (HA renamed
 * `pyunifiprotect` to `uiprotect`) still names its integration by convention.
 */
export function libraryIntegration(name: string | null): string | null {
  if (SHARED_LIBRARIES.has((name ?? '').split('.')[0] ?? '')) return null;
  for (let n = name ?? ''; n; n = n.slice(0, Math.max(n.lastIndexOf('.'), 0))) {
    const domain = LIBRARY_LOGGERS.get(n);
    if (domain) return domain;
  }
  const top = (name ?? '').split('.')[0]?.toLowerCase() ?? '';
  const former = FORMER_LIBRARIES.get(top);
  if (former) return former;
  const core = AROUND_DOMAIN.exec(top)?.[1];
  return core && core !== top && DOMAINS.has(core) ? core : null;
}

/** The versions Home Assistant pins for every integration (package_constraints.txt), by package name. */
export const CORE_PINS: ReadonlyMap<string, string> = new Map(Object.entries(data.pins));

/**
 * A requirement pinned to another version than Home Assistant pins (`boto3==1.37.1`
 * where HA pins 1.42.97): it can never install next to Home Assistant.
 */
export const AGAINST_CORE_PIN = new RegExp(
  `(?<![\\w.-])(?<package>(?:${[...CORE_PINS]
    .map(
      ([name, version]) =>
        `${name.split(/[-_.]/).map(escapeRegExp).join('[-_.]')}==(?!${escapeRegExp(version)}(?![\\w.]))`,
    )
    .join('|')})[\\w.]+)`,
  'i',
);

/** Domains that are also everyday words of host names (`cloud.example.com`, `api.x.io`) or links. */
const HOST_WORDS = new Set(
  ['api', 'app', 'cloud', 'http', 'www', 'web', 'mqtt', 'homeassistant', 'proxy'].concat(
    'github', // links to wikis and issues turn up in any log
  ),
);

/**
 * The integration of Home Assistant's own whose name an internet service's host
 * spells (`app.hydrawise.com` → hydrawise, `api.netatmo.com` → netatmo), or null:
 * cloud integrations are named after the brand that runs the service.
 */
export function serviceIntegration(text: string): string | null {
  const host = hostIn(text);
  if (!host || isPublicHost(host) !== true) return null;
  // Links Home Assistant writes into its own messages (`my.home-assistant.io/redirect/…`, its
  // documentation) name no integration; its services by host are read before this.
  if (/(?:^|\.)home-assistant\.io$/i.test(host)) return null;
  // The registrable name first, then the subdomains; the top-level domain names nothing.
  for (const label of host.toLowerCase().split('.').slice(0, -1).reverse()) {
    // A host name runs the brand's words together (`ovoenergy.com` → ovo_energy).
    const name = SQUASHED_DOMAINS.get(label.replaceAll('-', '')) ?? label.replaceAll('-', '_');
    if (CORE_DOMAINS.has(name) && !HOST_WORDS.has(name)) return name;
  }
  return null;
}

/** Core domains by their letters alone (`ovo_energy` → `ovoenergy`), as a brand is written. */
export const SQUASHED_DOMAINS: ReadonlyMap<string, string> = new Map(
  [...CORE_DOMAINS].map((d) => [d.replaceAll('_', ''), d]),
);

/**
 * Edits (insert, delete, replace) between two short names, or `max + 1` as soon as they are
 * sure to be more than `max` apart (a name is compared with every core domain of about its length).
 */
function distance(a: string, b: string, max: number): number {
  // Two rows of the edit table, reused: this runs for hundreds of domains per name.
  let row = ROWS[0];
  let next = ROWS[1];
  if (b.length >= row.length) return max + 1; // no domain is this long
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
      next[j] = d;
      if (d < least) least = d;
    }
    // Every path on from here passes through this row: none can come back under it.
    if (least > max) return max + 1;
    [row, next] = [next, row];
  }
  return row[b.length] ?? 0;
}
const ROWS = [new Uint16Array(64), new Uint16Array(64)] as const;

/**
 * The domain of Home Assistant's own a name misspells (`sensors` → sensor,
 * `mqqt` → mqtt), or null: one edit for a short name, two for a longer one.
 */
export function misspelledCoreDomain(name: string | null | undefined): string | null {
  if (!name || name.length < 4 || CORE_DOMAINS.has(name)) return null;
  // Asked once per signature for each analysis: the answer for a name never changes.
  const known = MISSPELLED.get(name);
  if (known !== undefined) return known;
  if (MISSPELLED.size >= MAX_MISSPELLED) MISSPELLED.clear();
  const meant = closestCoreDomain(name);
  MISSPELLED.set(name, meant);
  return meant;
}

/** Names already looked up (the few integrations of one home), bounded all the same. */
const MISSPELLED = new Map<string, string | null>();
const MAX_MISSPELLED = 1000;

/** The core domains by length, each with its place in CORE_DOMAINS (the first of equals wins). */
const DOMAINS_BY_LENGTH = new Map<number, { domain: string; at: number }[]>();
[...CORE_DOMAINS].forEach((domain, at) => {
  const same = DOMAINS_BY_LENGTH.get(domain.length);
  if (same) same.push({ domain, at });
  else DOMAINS_BY_LENGTH.set(domain.length, [{ domain, at }]);
});

function closestCoreDomain(name: string): string | null {
  const allowed = name.length < 7 ? 1 : 2;
  let best: { domain: string; at: number } | null = null;
  let bestDistance = allowed + 1;
  // Only domains within `allowed` of its length can be within `allowed` edits.
  for (let length = name.length - allowed; length <= name.length + allowed; length++) {
    for (const candidate of DOMAINS_BY_LENGTH.get(length) ?? []) {
      const d = distance(name, candidate.domain, bestDistance);
      if (d < bestDistance || (d === bestDistance && best !== null && candidate.at < best.at))
        [best, bestDistance] = [candidate, d];
    }
  }
  return best?.domain ?? null;
}
