/**
 * Facts the evidence names, for the texts of a finding: which host did not
 * answer, which exception was raised, which file and line, which entity. A
 * signature may capture more with named groups; these are the common ones.
 */

/** What a piece of evidence names. */
export interface Facts {
  host?: string;
  exception?: string;
  location?: string;
  entity?: string;
  url?: string;
  /** An action (service) a step called. */
  service?: string;
}

const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;
const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+`;
const PLACEHOLDER = String.raw`\[[A-Z_]+_\d+\]|<[A-Z_]+>`;
const HOST = `${IPV4}|${PLACEHOLDER}|${NAME}`;

/** Where evidence names the peer, most telling first. */
const HOST_PATTERNS: RegExp[] = [
  new RegExp(String.raw`Cannot connect to host (${HOST})`),
  new RegExp(String.raw`\b(?:host|address|server)\s*[=:]\s*'?(${HOST})`, 'i'),
  // A scheme starts where no scheme character precedes it: tried only there, a long word is read once.
  new RegExp(String.raw`(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://(?:[^@/\s]+@)?(${HOST})`, 'i'),
  new RegExp(String.raw`\b(?:at|to|from|host|server|broker|device|on) '?(${HOST})\b`, 'i'),
  new RegExp(String.raw`@ (${HOST})`),
  new RegExp(String.raw`\b(${IPV4})\b`),
  new RegExp(`(${PLACEHOLDER})`),
];
/** Names that look like hosts but are Python modules or files. */
const NOT_A_HOST =
  /^(?:homeassistant|custom_components|config_entries|aiohttp|asyncio|sqlite3|requests|urllib3)\b|\.(?:py|yaml|yml|json|txt|log|db|pem|conf|sh)$/i;

const EXCEPTION_LINE =
  /^\s*(?:[a-z_][\w]*\.)*([A-Z]\w*(?:Error|Exception|Failed|Failure|Timeout|Refused|NotReady|Interrupt|Exit|Invalid\w*))(?::\s?(.*))?$/;
const CODE_LOCATION =
  /(?:at|in) ((?:custom_components|homeassistant\/components)\/[\w./-]+\.py), line (\d+)/;
const YAML_LOCATION = /in "([^"]+)", line (\d+), column (\d+)/;
const CONFIG_LOCATION = /\bat ([\w./-]+\.ya?ml), line (\d+)/;
const FRAME = /File "([^"]+)", line (\d+)/;
const ENTITY =
  /\b((?:sensor|binary_sensor|switch|light|climate|cover|fan|lock|media_player|camera|automation|script|timer|input_[a-z]+|device_tracker|number|select|button|vacuum|alarm_control_panel|water_heater|humidifier|weather|person|update|event|valve|siren|scene|counter|zone|remote|image|text|date|time|datetime|lawn_mower|todo|calendar|notify|tts)\.[a-z0-9_]+)\b/;
const URL = /Requested URL: '([^']+)'/;
const SERVICE =
  /Unable to find (?:service|action) ([a-z_]+\.\w+)|(?:Service|Action) ([a-z_]+\.\w+) not found/i;

/** A frame's path, shortened to where the integration's code starts. */
function shortPath(path: string): string | null {
  const m = /(?:^|\/)((?:custom_components|homeassistant\/components)\/.+)$/.exec(path);
  return m?.[1] ?? null;
}

/** The facts named in these texts (first one found wins, the exception is the last one raised). */
export function factsOf(texts: readonly string[]): Facts {
  const facts: Facts = {};
  let customFrame: string | null = null;
  let coreFrame: string | null = null;
  for (const text of texts) {
    const lines = text.split('\n');
    if (!facts.host) facts.host = hostIn(text) ?? undefined;
    if (!facts.entity) facts.entity = ENTITY.exec(text)?.[1];
    if (!facts.url) facts.url = URL.exec(text)?.[1];
    if (!facts.service) {
      const m = SERVICE.exec(text);
      facts.service = m?.[1] ?? m?.[2];
    }
    if (!facts.location) {
      const code = CODE_LOCATION.exec(text);
      const yaml = YAML_LOCATION.exec(text);
      const config = CONFIG_LOCATION.exec(text);
      if (code) facts.location = `${code[1]}:${code[2]}`;
      else if (yaml) facts.location = `${yaml[1]}, line ${yaml[2]}, column ${yaml[3]}`;
      else if (config) facts.location = `${config[1]}, line ${config[2]}`;
    }
    for (const line of lines) {
      const frame = FRAME.exec(line);
      if (frame?.[1]) {
        const short = shortPath(frame[1]);
        if (short?.startsWith('custom_components/')) customFrame = `${short}:${frame[2]}`;
        else if (short) coreFrame = `${short}:${frame[2]}`;
      }
    }
    for (let i = lines.length - 1; i > 0; i--) {
      const m = EXCEPTION_LINE.exec(lines[i] ?? '');
      if (m?.[1]) {
        facts.exception = m[2] ? `${m[1]}: ${m[2].slice(0, 200)}` : m[1];
        break;
      }
    }
  }
  facts.location ??= customFrame ?? coreFrame ?? undefined;
  // Only what was found: callers spread facts over defaults.
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Facts;
}

/** The peer a text names, if any. */
export function hostIn(text: string): string | null {
  for (const re of HOST_PATTERNS) {
    const m = re.exec(text);
    const host = m?.[1];
    if (host && !NOT_A_HOST.test(host) && !/^\d+\.\d+(?:\.\d+)?$/.test(host)) return host;
  }
  return null;
}

const PRIVATE_IPV4 =
  /^(?:10\.|127\.|192\.168\.|169\.254\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/;
const LOCAL_SUFFIX =
  /\.(?:local|lan|home|internal|intranet|localdomain|localhost|corp|private|box|router|fritz\.box|home\.arpa|arpa)$/i;

/** True for an internet host, false for a local one, null when it cannot be told (placeholders). */
export function isPublicHost(host: string): boolean | null {
  if (/^\[|^</.test(host)) return null;
  if (new RegExp(`^${IPV4}$`).test(host)) return !PRIVATE_IPV4.test(host);
  if (!host.includes('.')) return false; // a bare name only resolves locally
  if (LOCAL_SUFFIX.test(host)) return false;
  return /\.[a-z]{2,24}$/i.test(host);
}

/** Add-ons are reached by host names like core-mariadb or a0d7b954-influxdb. */
export const ADDON_HOST = /\b(?:core|local|[0-9a-f]{8})-(?![0-9a-f]{4}-)[a-z][a-z0-9_-]+/;

/**
 * True for a peer on the Home Assistant machine itself: the loopback address, or an
 * add-on's host name. Such a service is an add-on (or a local daemon), not a device.
 */
export function isLocalService(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)$/.test(bare)) return true;
  return new RegExp(`^${ADDON_HOST.source.replace(/^\\b/, '')}$`).test(bare);
}
