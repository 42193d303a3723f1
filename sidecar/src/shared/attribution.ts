/**
 * Which integration a log record is about. Integrations log through
 * `homeassistant.components.<domain>` or `custom_components.<domain>`; HA's own
 * framework (setup, config entries, the loader, the event loop guard) logs on
 * their behalf and names them in the message instead.
 */

/** An integration's logger (`__name__`); a custom folder named after its repository may hold `-`. */
const COMPONENT_LOGGER = /^(?:homeassistant\.components\.([a-z0-9_]+)|custom_components\.([\w-]+))/;
/** A source file of an integration; the UI log viewer writes it relative to `homeassistant/`. */
const COMPONENT_PATH =
  /(?:^|\/)(?:homeassistant\/components\/([a-z0-9_]+)|custom_components\/([\w.-]+))\/|^components\/([a-z0-9_]+)\//;

/** The affixes a repository's name puts around the integration's (`ha-`, `-for-Home-Assistant`). */
const REPO_AFFIXES =
  /^(?:ha|hass|hacs|homeassistant|home-assistant)[-_]|[-_](?:for[-_])?(?:ha|hass|homeassistant|home[-_]assistant)$|[-_](?:custom[-_])?(?:integration|component)s?$/g;

/**
 * The domain of a custom integration's folder. A folder unzipped from a GitHub
 * download is named after the repository and branch (`Pixie-Plus-for-Home-Assistant-main`);
 * Home Assistant still imports it, but a domain is lower-case words joined by `_`, so the
 * repository's name around its affixes is the likeliest domain. A proper name is kept.
 */
export function domainOfFolder(folder: string): string {
  if (/^[a-z0-9_]+$/.test(folder)) return folder;
  const name = folder
    .toLowerCase()
    .replace(/[-_.](?:main|master)$/, '')
    .replace(REPO_AFFIXES, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return name || folder.toLowerCase();
}

/** Framework loggers whose records name the integration in the message. */
const FRAMEWORK_LOGGER =
  /^homeassistant\.(?:config_entries|setup|loader|bootstrap|requirements|util\.loop|helpers\.[a-z_]+|core|components\.(?:sensor|binary_sensor|switch|light|climate|cover|fan|lock|media_player|camera|button|number|select|text|event|update|device_tracker|notify|weather|vacuum|alarm_control_panel|water_heater|humidifier|valve|lawn_mower|siren|image|scene|calendar|todo|tts|stt|conversation|hassio|http|websocket_api|config|repairs|system_log|logger))$/;

/**
 * The websocket and REST APIs hand a command or an action to an integration: an error they
 * log is the integration's, named by its traceback's frames (system_log's source is the API's
 * own frame) or its message; only when neither names one is it the API's own.
 */
export const DISPATCHER_LOGGER = /^homeassistant\.components\.(?:websocket_api|api)\b/;
export const DISPATCHERS: ReadonlySet<string> = new Set(['websocket_api', 'api']);

/** Entity platforms: a record attributed to one of these is about whichever integration provides the platform. */
export const PLATFORM_DOMAINS =
  /^(?:sensor|binary_sensor|switch|light|climate|cover|fan|lock|media_player|camera|button|number|select|text|event|update|device_tracker|notify|weather|vacuum|alarm_control_panel|water_heater|humidifier|valve|lawn_mower|siren|image|scene|calendar|todo|tts|stt|remote)$/;

/** A custom integration's folder; one named after its repository may hold `-` and `.`. */
const CUSTOM_FRAME = /custom_components\/([\w.-]+)\//;
const CORE_FRAME = /homeassistant\/components\/(\w+)\//;
const SUPERVISOR_FRAME = /\/usr\/src\/supervisor\/supervisor\//;

/**
 * The integration a traceback is about: a custom integration's frame first (its
 * code is the likelier culprit), else the innermost core integration that is not
 * an entity platform.
 */
export function integrationOfFrames(frames: readonly string[] | null): string | null {
  if (!frames) return null;
  // The Supervisor's own code: its tracebacks are about the add-ons it manages.
  if (frames.some((l) => SUPERVISOR_FRAME.test(l))) return 'hassio';
  const custom = frames.map((l) => CUSTOM_FRAME.exec(l)?.[1]).find(Boolean);
  if (custom) return domainOfFolder(custom);
  const core = frames
    .map((l) => CORE_FRAME.exec(l)?.[1])
    .filter((d): d is string => !!d && !PLATFORM_DOMAINS.test(d));
  return core.at(-1) ?? null;
}

/**
 * Home Assistant's configuration check: `Invalid config for …`, `Component error: <domain> - …`
 * and a platform's `Platform error: <entity domain>.<integration> - …`. They name the
 * integration whose configuration is invalid, whoever ran the check.
 */
export const CONFIG_CHECK: readonly RegExp[] = [
  // Quotes as Home Assistant writes them, or made typographic by where the log was pasted.
  // An integration's section for an entity domain (`template:` → `weather:`) names the
  // integration second; a platform under an entity domain (`sensor:` → `platform: rest`) first.
  new RegExp(
    `^Invalid config for ['‘]${PLATFORM_DOMAINS.source.slice(1, -1)}['’] from integration ['‘](\\w+)['’]`,
  ),
  /^Invalid config for ['‘](\w+)['’]/,
  /^Invalid config for \[(?:\w+\.)?(\w+)\]/,
  // The same, as a reload or notification words it (a translated error).
  /^Invalid config for integration (\w+) at\b/,
  /^Failed to process config for integration (\w+) due to multiple\b/,
  // An integration that failed because one it depends on could not install: the dependency.
  /\b(?:Component|Integration) error: \w+ - Requirements for (\w+) not found/,
  /\b(?:Component|Integration) error: (\w+) - /,
  /\bPlatform error: \w+\.(\w+) - /,
];
/**
 * Framework messages that name the integration they are about: entity platforms, the
 * configuration check, the loader and the start on an integration's behalf.
 */
export const NAMED_IN_MESSAGE: readonly RegExp[] = [
  /\bcustom integration '(\w+)'/,
  /^Updating (\w+) \w+ (?:took longer than|did not complete within) the scheduled/,
  /^Setup of \w+ platform (\w+) is taking/,
  /^Setup of platform (\w+) is taking/,
  /^Setup of '(\w+)' is taking/,
  ...CONFIG_CHECK,
  /\bPlatform (\w+) does not generate unique IDs/,
  // An update coordinator's failure; most coordinators are named by their domain, some by
  // their domain and a device (`reolink.Back`).
  /^(?:Unexpected error|Error|Timeout) fetching ([a-z][a-z0-9_]*)(?:\.\S+)? data\b/,
  // Newer configuration checks name the missing integration of a platform entry on its own.
  /\bPlatform error: \w+ - Integration '(\w+)' not found/,
  /\bIntegration (\w+) not found when trying to verify its \w+ platform/,
  // The loader failing to import a custom integration's code.
  /\bimporting (?:component |platform )?custom_components\.(\w+)/,
  /\bError loading custom_components\.(\w+)/,
  /\bcustom_components\/(\w+)\/manifest\.json\b/,
  // The config entries' check on what an integration's setup returned.
  /^(\w+)\.async_(?:setup_entry|migrate_entry|unload_entry) did not return boolean/,
  /^Timed out adding entities for domain \w+ with platform (\w+)/,
  // The start waiting on one integration's setup (newer releases print a dict of them).
  /^Waiting (?:on|for) integrations to complete setup: (?:\{\(')?(\w+)(?:', [^)]*\): [\d.]+\})?$/,
  // An automation's device trigger, condition or action of an integration that has none (any more).
  /\bIntegration '(\w+)' does not support device automation/,
  // The loader on an integration it could not load or resolve.
  /^(?:Error loading|Failed to load) integration: (\w+)$/,
  /^Unable to resolve dependencies for (\w+):/,
  /^Unable to prepare setup for platform '?(\w+)\.\w+'?: /,
  // The config entries on an entry whose integration is gone.
  /^Cannot find integration (\w+)$/,
  // The statistics' checks name the entity's integration.
  /^Entity [a-z_]+\.\S+ from integration (\w+) has state class\b/,
  // YAML Home Assistant no longer reads, naming the integration it was meant for.
  /^The '?(\w+)'? integration does not support (?:YAML setup|any configuration parameters)\b/,
  /^Configuring the (\w+) integration under the \w+ platform key is not supported/,
  /^The (\w+) platform for the \w+ integration does not support platform setup/,
  // The loader asked about one integration for another part (the frontend, a flow).
  /\b(?:manifest|translations|flow|integration) for integration '?(\w+)'?(?=[:\s.,]|$)/,
];
/**
 * Keys of a configuration that a mis-indented YAML puts at the top level, where Home
 * Assistant reads them as integrations ("Integration 'name' not found").
 */
export const CONFIG_KEYS: ReadonlySet<string> = new Set([
  'name',
  'platform',
  'host',
  'port',
  'username',
  'password',
  'entity_id',
  'entities',
  'sensors',
  'friendly_name',
  'unique_id',
  'icon',
  'value_template',
  'unit_of_measurement',
  'device_class',
  'scan_interval',
  'state',
]);
/**
 * More message shapes in which HA names the integration at fault (first group), read on the
 * message alone: some (a component's path) would also match a traceback's frames, which
 * NAMED_IN_MESSAGE may be read on.
 */
const MESSAGE_PATTERNS: RegExp[] = [
  /\bfor ([a-z0-9_]+) integration\b/, // "Config entry 'X' for hue integration not ready yet"
  // config_entries: "Error occurred loading flow for integration %s: %s" (older: "configuration flow").
  /^Error occurred loading (?:configuration )?flow for integration ([a-z0-9_]+)/,
  // … and "Error importing platform config_flow from integration %s to set up %s configuration entry".
  /^Error importing platform \w+ from integration ([a-z0-9_]+)/,
  // helpers/frame: "… please report it to the author of the 'places' custom integration",
  // and its older wording "Please report issue to the custom integration author for places".
  /\bauthor of the '([a-z0-9_]+)' custom integration\b/,
  /\bcustom integration author for ([a-z0-9_]+)\b/,
  /\bintegration '([a-z0-9_]+)'/,
  /^Integration not found: ([a-z0-9_]+)/,
  // config_entries: "Error setting up entry %s for %s", its unload counterpart, and (for a
  // ConfigEntryError) the same with ": <reason>" after it.
  /^Error (?:setting up|unloading|migrating) entry (?:.+? )?for ([a-z0-9_]+)(?::\s|$)/,
  // setup: "Setup of %s is taking over %s seconds." (the domain, unquoted).
  /^Setup of ([a-z0-9_]+) is taking over/,
  // entity_platform: "Error adding entity %s for domain %s with platform %s".
  /\bfor domain [a-z_]+ with platform ([a-z0-9_]+)/,
  /^Setup failed for custom integration '?([a-z0-9_]+)'?:/,
  // config: "Unknown error calling %s config validator - %s"
  /\bUnknown error calling ([a-z0-9_]+) config validator\b/,
  /^Setup failed for '?([a-z0-9_]+)'?:/,
  /^Error during setup of component ([a-z0-9_]+)/,
  /^Unable to (?:prepare setup|set up dependencies|resolve dependencies) (?:for|of) (?:platform )?'?([a-z0-9_]+)/,
  /\bsetting up ([a-z0-9_]+) platform for [a-z_]+/, // "Error while setting up places platform for sensor"
  /^Platform ([a-z0-9_]+) not ready yet/,
  /^Config entry (?:'[^']*' )?for ([a-z0-9_]+) not ready yet/, // before 2021.x: no title
  /^([a-z0-9_]+) raises exception ConfigEntryNotReady/,
  // `ha core check` results relayed by the hassio integration
  /^(?:Component|Integration|Platform) error: ([a-z0-9_]+) - /,
  // … and the restart refusal that quotes them: "Platform error sensor.x - Integration 'x' not found"
  /\bPlatform error [a-z_]+\.([a-z0-9_]+) - /,
  // A folder named after its repository (`custom_components/Foo-for-HA-main/`), read as domainOfFolder does.
  /\bcustom_components\/([\d_a-z]*[A-Z.-][\w.-]*)\//,
  /\bcustom_components[./]([a-z0-9_]+)\b/,
  /\bhomeassistant[./]components[./]([a-z0-9_]+)\b/,
  /\bRequirements for ([a-z0-9_]+) not found/,
  // OAuth names the implementation `<domain>_<client id>`; the id is long, or redacted.
  /^Token request for ([a-z0-9_]+?)_(?:<[^>\s]+>|\[[A-Z_0-9a-z]+\]|x{3,}|\*{3,}|REDACTED|redacted|[A-Za-z0-9-]{16,}) failed/,
  // sensor's statistics: "Entity sensor.x from integration template has state class …".
  /\bfrom integration ([a-z0-9_]+) has\b/,
  /\bError loading (?:custom_components\.)?([a-z0-9_]+)\b/,
  // A link to an integration's documentation (HA's messages and the UI's copy keep some).
  /\bhome-assistant\.io\/integrations\/([a-z0-9_]+)\b/,
];

/** Every message shape that names an integration: the framework's own (the most specific) first. */
const NAMING: readonly RegExp[] = [...NAMED_IN_MESSAGE, ...MESSAGE_PATTERNS];

/**
 * Messages only one integration writes, recognised when a paste lost the logger that would
 * have said so (a bare line, a copied message), or when a framework logged them for it (an
 * action's error the websocket API reports with no traceback).
 */
const KNOWN_MESSAGES: [RegExp, string][] = [
  [
    /^Login attempt or request with invalid authentication from|^Banned IP \S+ for too many login attempts/,
    'http',
  ],
  [
    /^A request from a reverse proxy was received from|X-Forwarded-For header from an untrusted proxy/,
    'http',
  ],
  [
    // Database drivers only the recorder uses, as SQLAlchemy wraps their errors.
    /\((?:MySQLdb|pymysql|psycopg2?|sqlite3)\.|\(sqlalchemy\.exc\./,
    'recorder',
  ],
  [
    /^Error executing query|database disk image is malformed|^Unhandled database error|^The database .* is locked|Error in database connectivity/,
    'recorder',
  ],
  [
    // zwave-js-server-python's version check, which only the Z-Wave JS integration runs.
    /\bZ-Wave JS Server version is incompatible\b/,
    'zwave_js',
  ],
  [
    // aioesphomeapi's reconnect logic (the ESPHome integration's library, and the ESPHome CLI's).
    /\bCan't connect to ESPHome API for \S/,
    'esphome',
  ],
  // Assist's apology names the conversation agent's service, not its domain.
  [/\bproblem talking to Google Generative AI\b/, 'google_generative_ai_conversation'],
  [/\bproblem talking to (?:the )?Ollama\b/, 'ollama'],
  [/\bproblem talking to (?:the )?OpenAI\b/, 'openai_conversation'],
  [/\bproblem talking to (?:the )?Anthropic\b/, 'anthropic'],
  [
    // The tailscale client and the Tailscale add-on's scripts: Home Assistant's own tailscale
    // integration only reads the tailnet's API, so these lines come from the add-on.
    /\bvia 'tailscale up'|\bFunnel not available;|\bTailscale's (?:HTTPS|Funnel) support is (?:disabled|enabled)\b/,
    'hassio',
  ],
  [
    // Programs Home Assistant (Python) never runs, pasted alone: an SSH add-on's OpenSSH
    // server, certbot, npm and node-gyp building a Node-RED palette. A host's own sshd comes
    // through syslog with its prefix and is read as the host's before this.
    /^(?:sshd\[\d+\]: )?(?:error: )?userauth_pubkey: |^certbot: error:|^(?:gyp|npm) ERR! /,
    'hassio',
  ],
  [
    // zigpy's radio libraries on a frame they could not send: only ZHA uses them (Zigbee2MQTT
    // is a program of its own, its messages are not these).
    /\bFailed to (?:send request|deliver (?:packet|message)|enqueue (?:message|packet)): <?\w*Status\.|\bCoordinator is disconnected, cannot send request\b/,
    'zha',
  ],
  [
    // eWeLink's cloud (CoolKit's servers): Home Assistant has no eWeLink integration of its own,
    // and SonoffLAN (domain sonoff) is the one that talks to it.
    /\b[\w-]+\.coolkit\.(?:cc|cn)\b/,
    'sonoff',
  ],
];

/** The integration that alone writes one of these lines, if any does. */
export function knownMessageIntegration(lines: readonly string[]): string | null {
  return KNOWN_MESSAGES.find(([re]) => lines.some((l) => re.test(l)))?.[1] ?? null;
}

/** Integrations that are frameworks, not culprits: never attribute to these from a message. */
const NOT_CULPRITS = new Set(['homeassistant', 'components', 'helpers', 'util', 'custom']);
/** Integrations that log what others hand them (`system_log.write`, `logger`): their source names no culprit. */
const RELAYS = new Set(['system_log', 'logger']);

export interface LogOrigin {
  logger: string | null;
  /** The source file of the record, when known (system_log's `source[0]`). */
  path?: string | null;
  message: string;
  /** Library loggers an integration declared in its manifest (`loggers`), by logger prefix. */
  libraryLoggers?: ReadonlyMap<string, string>;
  /** The lines of the record's traceback, when it has one. */
  frames?: readonly string[] | null;
}

function fromMessage(message: string): string | null {
  for (const re of NAMING) {
    const m = re.exec(message);
    if (m?.[1] && !NOT_CULPRITS.has(m[1]) && !CONFIG_KEYS.has(m[1])) return domainOfFolder(m[1]);
  }
  return null;
}

function fromLibraryLogger(
  logger: string,
  map: ReadonlyMap<string, string> | undefined,
): string | null {
  if (!map) return null;
  for (let name = logger; name; name = name.slice(0, Math.max(name.lastIndexOf('.'), 0))) {
    const domain = map.get(name);
    if (domain) return domain;
  }
  return null;
}

/** The integration domain a record is about, or null when nothing names one. */
export function integrationOf(origin: LogOrigin): string | null {
  const logger = origin.logger ?? '';
  const at = origin.path ? COMPONENT_PATH.exec(origin.path) : null;
  const folder = at?.[2];
  const source = at?.[1] ?? (folder ? domainOfFolder(folder) : null) ?? at?.[3] ?? null;
  const path = source !== null && !RELAYS.has(source) ? source : null;
  const named = COMPONENT_LOGGER.exec(logger);
  const component = named?.[1] ?? (named?.[2] ? domainOfFolder(named[2]) : null);
  if (DISPATCHER_LOGGER.test(logger)) {
    // The frame that raised, else what the message names; the API itself only when nothing does.
    const beyond = (d: string | null) => (d && !DISPATCHERS.has(d) ? d : null);
    return (
      beyond(integrationOfFrames(origin.frames ?? null)) ??
      fromMessage(origin.message) ??
      knownMessageIntegration([origin.message]) ??
      beyond(path) ??
      component
    );
  }
  if (component && !FRAMEWORK_LOGGER.test(logger)) return component;
  if (component || logger === '' || logger.startsWith('homeassistant')) {
    // HA's framework logging on an integration's behalf.
    return (
      fromMessage(origin.message) ?? knownMessageIntegration([origin.message]) ?? path ?? component
    );
  }
  // A library's logger: what its integration declared, else what the record names.
  return fromLibraryLogger(logger, origin.libraryLoggers) ?? fromMessage(origin.message) ?? path;
}
