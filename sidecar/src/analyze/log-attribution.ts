/**
 * Which integration a record of a log file is about, read from what the record says: its
 * logger, its source file, the frames of its traceback, and clues Home Assistant and known
 * libraries write in messages; and whether Home Assistant's own process logged it.
 */
import {
  CONFIG_CHECK,
  CONFIG_KEYS,
  DISPATCHER_LOGGER,
  DISPATCHERS,
  integrationOf,
  integrationOfFrames,
  knownMessageIntegration,
  NAMED_IN_MESSAGE,
  PLATFORM_DOMAINS,
} from '../shared/attribution.js';
import type { LogRecord } from '../logs/parse.js';
import {
  AGAINST_CORE_PIN,
  CORE_DOMAINS,
  LIBRARY_LOGGERS,
  libraryIntegration,
  SHARED_LIBRARIES,
  serviceIntegration,
} from './offline/libraries.js';
import { automationOfLogger } from './offline/patterns.js';
import { portIntegration } from './offline/ports.js';
import { brandIntegration, coordinatorIntegration, entityIntegration } from './named-after.js';

/**
 * A frame in an installed library: `site-packages/<module>/…`, or a path the paste shortened
 * to the module's directory (`File ".../RFXtrx/__init__.py"`).
 */
const LIBRARY_FRAME = /(?:site-packages\/|File "(?:\.\.\.|…)\/)([A-Za-z_]\w*)\//;
/**
 * Home Assistant's own internet services, by host: Core installs requirements from
 * the wheels index, the (old) updater, analytics and alerts integrations each call
 * their own, the mobile app integration sends push notifications through its relay, and
 * Home Assistant Cloud's services are Nabu Casa's hosts. A failure to reach one is about
 * that part of Home Assistant.
 */
const HA_SERVICE =
  /\b(wheels|updater|analytics-api|alerts|mobile-apps)\.home-assistant\.io\b|\b[\w-]+\.(nabucasa)\.com\b/;
const HA_SERVICES: Readonly<Record<string, string>> = {
  wheels: 'homeassistant',
  updater: 'updater',
  'analytics-api': 'analytics',
  alerts: 'homeassistant_alerts',
  'mobile-apps': 'mobile_app',
  nabucasa: 'cloud',
};
/**
 * An add-on's slug as the Supervisor writes it: `core_` (official), `local_`, or the
 * first 8 hex digits of its repository's hash, then its name; its container is `addon_<slug>`.
 */
const ADDON_SLUG =
  /\baddon_(?:core|local|[0-9a-f]{8})_[a-z0-9_]+\b|\b(?=[0-9a-f]{0,7}[a-f])(?=[0-9a-f]{0,7}\d)[0-9a-f]{8}_[a-z][a-z0-9_]*\b/;
/** HA's own configuration loading: the fault is in the configuration (domain homeassistant). */
const CONFIG_LOGGER =
  /^homeassistant\.(?:bootstrap|config|core_config|util\.yaml|helpers\.check_config)\b/;
/** Programs of an add-on container: s6-overlay and its init scripts. */
const S6_LOGGER = /^(?:\/|s6-|cont-init|cont-finish|services-up|legacy-|rc\.init|\w+\.d$)/;
/**
 * Output of a runtime Home Assistant Core does not use (Node.js stack frames, Go
 * panics, nginx, C/C++ sources, Z-Wave JS driver codes, a C/C++ compiler's
 * diagnostics: Core installs prebuilt wheels, while the ESPHome add-on compiles
 * firmware): it comes from an add-on's container, whatever else the paste lost.
 */
const ADDON_RUNTIME =
  /^\s+at [\w.<>]+ \((?:node:|file:|\/)[^)]*:\d+:\d+\)|^goroutine \d+ \[|^(?:fatal error|runtime): |^nginx: \[(?:emerg|alert|crit|error|warn)\]|\(src\/[\w/.-]+\.(?:c|cc|cpp):\d+\)|\(ZW\d{4}\)|\bmqttjs_\w+|^[\w.+-]*(?:gcc|g\+\+|cc1(?:plus)?|clang(?:\+\+)?|collect2|c\+\+): (?:fatal )?error: |^compilation terminated\.$/m;
/** The s6 supervision of Home Assistant's own container (Core's, not an add-on's). */
const CORE_CONTAINER = /\bHome Assistant Core (?:finish process|service (?:shutdown|start))/;
/** pip building a package from source for Core (no wheel for it): its compiler output is Core's. */
const PIP_BUILD =
  /Unable to install package|Failed (?:to )?build(?:ing)? wheel|Building wheels? for|pip(?:3)? install|setup\.py/;
/**
 * A Python logger; a module of a custom folder named after its repository may hold `-`, and
 * under Home Assistant's and custom integrations' packages a device's part of the name may be
 * redacted in the paste (`custom_components.meross_lan.mss210_###0`, `…_<SERIAL>`) or hold
 * brackets (`….device[0]`). A part never holds a dot: a pattern whose parts could split
 * backtracks once per way of splitting them when the name does not match.
 */
const PYTHON_LOGGER =
  /^[A-Za-z_]\w*(?:\.\w+)*$|^(?:custom_components|homeassistant)\.[\w-]+(?:\.[^\s.]+)*$/;
/** A dotted Python logger in brackets at the start of a line (not `[info]`, not a time). */
const PASTED_LOGGER = /^\[([A-Za-z_]\w*(?:\.\w+)+)\] /;
/** The kernel's Bluetooth stack on one of its controllers (`Bluetooth: hci0: …`). */
const KERNEL_BLUETOOTH = /^Bluetooth: hci\d+:/;
/** Programs of the host (syslog, journald): not Home Assistant, not an add-on. */
const HOST_PROGRAM =
  /^(?:kernel|systemd(?:-\w+)?|dockerd|containerd|NetworkManager|dbus-daemon|sshd|cron|CRON|rsyslogd|avahi-daemon)$/;

export interface Attribution {
  integration: string | null;
  subject: string | null;
  /** Logged by Home Assistant's Python process (not an add-on, not a bare pasted line). */
  fromHa: boolean;
  /** A pasted line with no timestamp, level or logger: it belongs to whatever the paste is about. */
  bare: boolean;
}

/** An exception raised from a library's module: `aioesphomeapi.core.SocketAPIError: …`. */
const LIBRARY_EXCEPTION = /^([a-z_]\w*(?:\.\w+)*)\.[A-Z]\w*(?::|$)/;

/**
 * The integration of the outermost library frame whose integration is known, else
 * of the library whose exception was raised, or null.
 */
function integrationOfLibraryFrames(frames: readonly string[] | null): string | null {
  for (const frame of frames ?? []) {
    const module = LIBRARY_FRAME.exec(frame)?.[1];
    if (!module || SHARED_LIBRARIES.has(module)) continue;
    const domain = LIBRARY_LOGGERS.get(module);
    if (domain) return domain;
  }
  for (const line of [...(frames ?? [])].reverse()) {
    const top = LIBRARY_EXCEPTION.exec(line.trim())?.[1]?.split('.')[0];
    const domain = top && !SHARED_LIBRARIES.has(top) ? LIBRARY_LOGGERS.get(top) : undefined;
    if (domain) return domain;
  }
  return null;
}

/** A qualified exception name anywhere in a line: `pyfoo.exceptions.FooError`, `aiohue.errors.Unauthorized: …`. */
const QUALIFIED_EXCEPTION =
  /(?<![\w.])([a-z_]\w*(?:\.[a-z_]\w*)*)\.[A-Z]\w*(?:(?:Error|Exception|Timeout|Failed|Failure)\b|(?=: ))/g;

/** The integration of the last library exception a record names, or null. */
function integrationOfExceptionName(lines: readonly string[]): string | null {
  for (const line of [...lines].reverse()) {
    for (const m of [...line.matchAll(QUALIFIED_EXCEPTION)].reverse()) {
      const module = m[1] ?? '';
      if (SHARED_LIBRARIES.has(module.split('.')[0] ?? '')) continue;
      const domain = libraryIntegration(module);
      if (domain) return domain;
    }
  }
  return null;
}

/** The module an import error looked in: `cannot import name 'X' from 'aiohue.errors'`, `No module named 'pyatv.const'`. */
const IMPORTED_FROM =
  /\bcannot import name '\w+' from '([A-Za-z_][\w.]*)'|\bNo module named '([A-Za-z_][\w.]*)'/;

/** The integration of the library whose module an import error names, or null. */
function integrationOfImport(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = IMPORTED_FROM.exec(line);
    const module = m?.[1] ?? m?.[2];
    if (!module || SHARED_LIBRARIES.has(module.split('.')[0] ?? '')) continue;
    const domain = libraryIntegration(module);
    if (domain) return domain;
  }
  return null;
}

/**
 * Core's package installer failing: `Unable to install package pyisy==3.1.14: …`. A core
 * integration pins each requirement exactly (hassfest enforces `==`), and at the version
 * Home Assistant's constraints pin where they pin the package: any other requirement is a
 * custom integration's.
 */
const INSTALL_FAILED = /^Unable to install package ([A-Za-z0-9][\w.-]*)==([\w.]+)(?::|\s|$)/;

/** The core integration whose exactly pinned requirement failed to install, or null. */
function integrationOfInstall(message: string): string | null {
  const m = INSTALL_FAILED.exec(message);
  if (!m?.[1] || AGAINST_CORE_PIN.test(`${m[1]}==${m[2] ?? ''}`)) return null;
  return libraryIntegration(m[1].toLowerCase().replaceAll('-', '_'));
}

/** What a record is about: its integration and subject, and where it was logged. */
/** A module of an entity platform's component, or (before 0.86) an integration's platform file. */
const PLATFORM_MODULE_LOGGER = /^homeassistant\.components\.([a-z_]+)\.([a-z0-9_]+)$/;
/** Core domains that are also modules of the platform components (`light/intent.py`, `sensor/recorder.py`): no culprit. */
const PLATFORM_HELPER_MODULES = new Set([
  'intent',
  'websocket_api',
  'api',
  'recorder',
  'group',
  'trace',
  'config',
  'diagnostics',
  'repairs',
  'logbook',
  'history',
  'energy',
]);

/**
 * The integration a logger names under an entity platform: `homeassistant.components.notify.slack`
 * is how Home Assistant before 0.86 named Slack's notify platform.
 */
function platformModule(logger: string): string | null {
  const m = PLATFORM_MODULE_LOGGER.exec(logger);
  if (!m?.[1] || !m[2] || !PLATFORM_DOMAINS.test(m[1])) return null;
  const domain = m[2];
  return CORE_DOMAINS.has(domain) &&
    !PLATFORM_DOMAINS.test(domain) &&
    !PLATFORM_HELPER_MODULES.has(domain)
    ? domain
    : null;
}

/** The integration a title names: its domain written as words (`Insteon`), or its brand. */
function titledIntegration(title: string): string | null {
  const asDomain = title.toLowerCase().replace(/[\s-]+/g, '_');
  return CORE_DOMAINS.has(asDomain) ? asDomain : brandIntegration(title);
}

export function attribute(record: LogRecord): Attribution {
  const bare = record.logger === null && record.timestamp === null && record.level === 'UNKNOWN';
  // A pasted line that kept only its logger, in brackets: `[pyatv.protocols.mrp] …`.
  const pasted = record.logger === null ? PASTED_LOGGER.exec(record.message)?.[1] : undefined;
  const r = pasted ? { ...record, logger: pasted } : record;
  const logger = r.logger ?? '';
  if (/^(?:supervisor|hassio)\b/.test(logger))
    return { integration: 'hassio', subject: null, fromHa: false, bare };
  // Errors a browser reported from the dashboard (system_log relays them).
  if (/^frontend\.js\./.test(logger))
    return { integration: 'frontend', subject: null, fromHa: true, bare };
  if (HOST_PROGRAM.test(logger)) {
    // The kernel's Bluetooth stack about a controller: the adapter Home Assistant's Bluetooth uses.
    const bluetooth = logger === 'kernel' && KERNEL_BLUETOOTH.test(r.message);
    return { integration: bluetooth ? 'bluetooth' : null, subject: null, fromHa: false, bare };
  }
  // A record with a Python source file is Home Assistant's, whatever the paste lost.
  // So is one Home Assistant's UI showed with an integration's name.
  const python =
    r.source !== null ||
    r.integrationName !== undefined ||
    (r.logger !== null && PYTHON_LOGGER.test(logger) && !S6_LOGGER.test(logger));
  // A server add-on that runs an integration's own library (the Matter Server is
  // python-matter-server), in its own format: what fails there fails that integration.
  const served = r.app === true && r.logger !== null ? libraryIntegration(r.logger) : null;
  if (served) return { integration: served, subject: null, fromHa: false, bare };
  // The message and its traceback: most clues below may be on any of them.
  const recordLines = [r.message, ...(r.traceback ?? [])];
  const text = recordLines.join('\n');
  if (CORE_CONTAINER.test(r.message))
    return { integration: 'homeassistant', subject: null, fromHa: false, bare };
  if (!python && ADDON_RUNTIME.test(text) && !PIP_BUILD.test(text))
    return { integration: 'hassio', subject: null, fromHa: false, bare };
  if (!python && (r.logger !== null || r.level !== 'UNKNOWN' || r.timestamp !== null)) {
    // An add-on's own output: bashio, s6, Zigbee2MQTT, Node-RED, Mosquitto.
    return { integration: 'hassio', subject: null, fromHa: false, bare };
  }
  let integration = integrationOf({
    logger: r.logger,
    path: r.source,
    message: r.message,
    libraryLoggers: LIBRARY_LOGGERS,
  });
  // integrationOf reads "Setup failed for custom integration 'x'" as the domain "custom".
  if (integration === 'custom') integration = null;
  // A configuration key read as an integration (mis-indented YAML) names none.
  if (integration !== null && CONFIG_KEYS.has(integration) && !CORE_DOMAINS.has(integration))
    integration = null;
  // The websocket and REST APIs only hand a command to an integration's handler: when it
  // raises, their logger names the dispatcher and the traceback the integration.
  // The log viewer's `Source:` (where the error was raised) stands in for a traceback cut short.
  // When neither says, the message's other clues below may: only with none does the
  // dispatcher stand for the integration.
  const dispatcher = DISPATCHER_LOGGER.test(logger) ? integration : null;
  if (dispatcher !== null) {
    const beyond = (d: string | null) => (d && !DISPATCHERS.has(d) ? d : null);
    integration =
      beyond(integrationOfFrames(r.traceback)) ??
      beyond(
        integrationOf({ logger: '', path: r.source, message: '', libraryLoggers: LIBRARY_LOGGERS }),
      );
  }
  // A configuration check names the integration whose configuration is invalid, whoever ran
  // it: the Supervisor's check logs under hassio.
  if (integration === 'hassio' || integration === 'homeassistant') {
    const checked = CONFIG_CHECK.map((re) => re.exec(r.message)?.[1]).find(Boolean);
    if (checked && !CONFIG_KEYS.has(checked)) integration = checked;
  }
  if (integration === null || PLATFORM_DOMAINS.test(integration)) {
    const inFrames = integrationOfFrames(r.traceback);
    // The dispatcher's own frames name no culprit (see above).
    const frame = inFrames !== null && DISPATCHERS.has(inFrames) ? null : inFrames;
    // Any line of the record: a pasted excerpt often starts in the middle of a message.
    const lines = r.message.split('\n').concat(r.traceback ?? []);
    const named = NAMED_IN_MESSAGE.map((re) =>
      lines.map((l) => re.exec(l)?.[1]).find(Boolean),
    ).find(Boolean);
    // An entity platform alone names no culprit: an entry forwarded to `number` fails in
    // whichever integration provides it ("Error setting up entry X for number").
    integration =
      frame ??
      (named && !CONFIG_KEYS.has(named) ? named : null) ??
      platformModule(logger) ??
      (integration && PLATFORM_DOMAINS.test(integration) ? null : integration);
  }
  // The integration's name the UI showed with the record (`Insteon`, `evohome`).
  if (integration === null && r.integrationName) integration = titledIntegration(r.integrationName);
  // Any line of the record, too: a paste of a program's output may put it on a continuation line.
  integration ??= knownMessageIntegration(recordLines);
  // A library logger no manifest declares any more, named by convention (`pyunifiprotect`).
  if (integration === null && !logger.startsWith('homeassistant'))
    integration = libraryIntegration(r.logger);
  // A bare pasted line that is an exception of a known library (`zigpy.exceptions.X: …`).
  integration ??= libraryIntegration(/^([a-z_][\w.]*)\.[A-Z]\w*:/.exec(r.message)?.[1] ?? null);
  // A traceback through a library only one integration uses.
  integration ??= integrationOfLibraryFrames(r.traceback);
  // The UI log viewer's `Source:` is a library's file when no frame of Home Assistant's
  // own or of /config called it (system_log falls back to the record's path).
  integration ??= integrationOfLibraryFrames(r.source !== null ? [r.source] : null);
  // An exception of such a library named inside a message (`Error fetching x: aiohue.errors.Unauthorized`):
  // Python names a non-builtin exception by its module's dotted path.
  integration ??= integrationOfExceptionName(recordLines);
  // A library's module an import error names: the code that imported it is its integration's.
  integration ??= integrationOfImport(recordLines);
  // One of Home Assistant's own services, named by its host anywhere in the record.
  const service = HA_SERVICE.exec(text);
  integration ??= HA_SERVICES[service?.[1] ?? service?.[2] ?? ''] ?? null;
  // A cloud service named by its host on any line (an exception's `url=` is often on the last),
  // when nothing else names the integration.
  if (integration === null && !CONFIG_LOGGER.test(logger))
    integration = recordLines.map(serviceIntegration).find(Boolean) ?? null;
  integration ??= integrationOfInstall(r.message);
  // A peer on a port only one integration's protocol uses (`('<IP>', 9999)`: Kasa).
  if (integration === null && !CONFIG_LOGGER.test(logger))
    integration = recordLines.map(portIntegration).find(Boolean) ?? null;
  // An entity named after its integration (`binary_sensor.ping_router`, `sensor.fritz_box_uptime`).
  if (integration === null && !CONFIG_LOGGER.test(logger)) integration = entityIntegration(text);
  // A coordinator's class, named after its integration (`SynologyDSMSwitchUpdateCoordinator`).
  integration ??= coordinatorIntegration(text);
  // A brand the message names as people write it (`Nest API error`, `the Honeywell client`).
  if (integration === null && !CONFIG_LOGGER.test(logger))
    integration = brandIntegration(r.message);
  // An add-on named by its slug or container (`core_mosquitto`, `addon_a0d7b954_nodered`).
  if (integration === null && ADDON_SLUG.test(text)) integration = 'hassio';
  integration ??= dispatcher;
  // HA's own configuration loading, or Home Assistant itself (its root logger, the runner).
  if (
    integration === null &&
    (CONFIG_LOGGER.test(logger) || /^homeassistant(?:\.runner)?$/.test(logger))
  )
    integration = 'homeassistant';
  return { integration, subject: automationOfLogger(r.logger), fromHa: python, bare };
}
