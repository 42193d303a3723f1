/**
 * Offline analysis of a whole log file: records are grouped into incidents the
 * way the sidecar groups signals (by integration, or by message template when no
 * integration is named), benign noise is dropped, and each incident is explained
 * by the offline analyzer. Memory is bounded by the number of distinct lines, not
 * by the size of the file.
 */
import type { Category, RcaResult, Severity } from '@ha-llm-ops/contracts';
import { SEVERITY_RANK } from '@ha-llm-ops/contracts';
import { integrationOf } from '../shared/attribution.js';
import { fingerprint, messageTemplate } from '../shared/fingerprint.js';
import type { LogRecord } from '../logs/parse.js';
import type { KnowledgeRule } from '../shared/knowledge.js';
import { analyzeOffline, isBenign } from './offline/engine.js';
import {
  CORE_DOMAINS,
  LIBRARY_LOGGERS,
  libraryIntegration,
  serviceIntegration,
} from './offline/libraries.js';
import { automationOfLogger } from './offline/patterns.js';
import type { AnalysisLine } from './offline/types.js';

/** One incident found in a log file. */
export interface LogIncident {
  fingerprint: string;
  integration: string | null;
  category: Category;
  severity: Severity;
  title: string;
  occurrences: number;
  rca: RcaResult;
}

// Bounds that keep memory flat however large the log: repeats only count.
const MAX_LINES_PER_GROUP = 200;
const MAX_GROUPS = 1000;

/** The standard warning that names each custom integration at startup. */
const CUSTOM_WARNING =
  /custom integration (\w+) which has not been tested|custom (?:integration|component) for (\w+) which has not been tested/;
/** Entity platforms: a record attributed to one of these is about whichever integration provides the platform. */
const PLATFORM_DOMAINS =
  /^(?:sensor|binary_sensor|switch|light|climate|cover|fan|lock|media_player|camera|button|number|select|text|event|update|device_tracker|notify|weather|vacuum|alarm_control_panel|water_heater|humidifier|valve|lawn_mower|siren|image|scene|calendar|todo|tts|stt)$/;
const CUSTOM_FRAME = /custom_components\/(\w+)\//;
const CORE_FRAME = /homeassistant\/components\/(\w+)\//;
const SUPERVISOR_FRAME = /\/usr\/src\/supervisor\/supervisor\//;
/** A frame in an installed library: `site-packages/<module>/…`. */
const LIBRARY_FRAME = /site-packages\/([A-Za-z_]\w*)\//;
/**
 * Transports and resolvers under every integration's HTTP or socket calls: one
 * integration's manifest may name them, but a frame in them names no culprit.
 */
const TRANSPORTS = new Set(['anyio', 'aiodns', 'ifaddr']);
/** Framework messages that name the integration in ways integrationOf does not read. */
const NAMED_IN_MESSAGE = [
  /\bcustom integration '(\w+)'/,
  /^Updating (\w+) \w+ took longer than the scheduled/,
  /^Setup of \w+ platform (\w+) is taking/,
  /^Setup of platform (\w+) is taking/,
  /^Setup of '(\w+)' is taking/,
  /^Invalid config for '(\w+)'/,
  /^Invalid config for \[(?:\w+\.)?(\w+)\]/,
  /\bPlatform (\w+) does not generate unique IDs/,
  // An update coordinator's failure; most coordinators are named by their domain, some by
  // their domain and a device (`reolink.Back`).
  /^(?:Unexpected error|Error|Timeout) fetching ([a-z][a-z0-9_]*)(?:\.\S+)? data\b/,
  // Home Assistant's configuration check: `Component error: <domain> - …`, and a
  // platform's `Platform error: <entity domain>.<integration> - …`.
  /\bComponent error: (\w+) - /,
  /\bPlatform error: \w+\.(\w+) - /,
  // The loader failing to import a custom integration's code.
  /\bimporting (?:component )?custom_components\.(\w+)/,
  /^Timed out adding entities for domain \w+ with platform (\w+)/,
];
/**
 * Keys of a configuration that a mis-indented YAML puts at the top level, where Home
 * Assistant reads them as integrations ("Integration 'name' not found").
 */
const CONFIG_KEYS = new Set([
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
/** A key a schema error names (`required key not provided @ data['kiosks']`). */
const SCHEMA_KEY = /@ data\['(\w+)'\]/g;
/**
 * Messages only one integration writes, recognised when a paste lost the logger
 * that would have said so (a bare line, a copied message).
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
  [
    // eWeLink's cloud (CoolKit's servers): Home Assistant has no eWeLink integration of its own,
    // and SonoffLAN (domain sonoff) is the one that talks to it.
    /\b[\w-]+\.coolkit\.(?:cc|cn)\b/,
    'sonoff',
  ],
];
/** HA's own configuration loading: the fault is in the configuration (domain homeassistant). */
const CONFIG_LOGGER =
  /^homeassistant\.(?:bootstrap|config|core_config|util\.yaml|helpers\.check_config)\b/;
/** Programs of an add-on container: s6-overlay and its init scripts. */
const S6_LOGGER = /^(?:\/|s6-|cont-init|cont-finish|services-up|legacy-|rc\.init|\w+\.d$)/;
/**
 * Output of a runtime Home Assistant Core does not use (Node.js stack frames, Go
 * panics, nginx, C/C++ sources, Z-Wave JS driver codes): it comes from an
 * add-on's container, whatever else the paste lost.
 */
const ADDON_RUNTIME =
  /^\s+at [\w.<>]+ \((?:node:|file:|\/)[^)]*:\d+:\d+\)|^goroutine \d+ \[|^(?:fatal error|runtime): |^nginx: \[(?:emerg|alert|crit|error|warn)\]|\(src\/[\w/.-]+\.(?:c|cc|cpp):\d+\)|\(ZW\d{4}\)|\bmqttjs_\w+/m;
const PYTHON_LOGGER = /^[A-Za-z_]\w*(?:\.\w+)*$/;
/** A dotted Python logger in brackets at the start of a line (not `[info]`, not a time). */
const PASTED_LOGGER = /^\[([A-Za-z_]\w*(?:\.\w+)+)\] /;
/** Programs of the host (syslog, journald): not Home Assistant, not an add-on. */
const HOST_PROGRAM =
  /^(?:kernel|systemd(?:-\w+)?|dockerd|containerd|NetworkManager|dbus-daemon|sshd|cron|CRON|rsyslogd|avahi-daemon)$/;
const ENTITY_ID = /\b[a-z_]+\.[a-z0-9_]+\b/g;
/** Words with digits in them (device names, counters): they vary between occurrences of one failure. */
const ID_LIKE = /\b[A-Za-z_]*\d\w*\b/g;

interface Attribution {
  integration: string | null;
  subject: string | null;
  /** Logged by Home Assistant's Python process (not an add-on, not a bare pasted line). */
  fromHa: boolean;
  /** A pasted line with no timestamp, level or logger: it belongs to whatever the paste is about. */
  bare: boolean;
}

interface Group {
  integration: string | null;
  subject: string | null;
  fromHa: boolean;
  bare: boolean;
  firstMessage: string;
  occurrences: number;
  lines: Map<string, AnalysisLine>;
}

/**
 * The integration a traceback is about: a custom integration's frame first (its
 * code is the likelier culprit), else the innermost core integration that is not
 * an entity platform.
 */
function integrationOfFrames(frames: readonly string[] | null): string | null {
  if (!frames) return null;
  // The Supervisor's own code: its tracebacks are about the add-ons it manages.
  if (frames.some((l) => SUPERVISOR_FRAME.test(l))) return 'hassio';
  const custom = frames.map((l) => CUSTOM_FRAME.exec(l)?.[1]).find(Boolean);
  if (custom) return custom;
  const core = frames
    .map((l) => CORE_FRAME.exec(l)?.[1])
    .filter((d): d is string => !!d && !PLATFORM_DOMAINS.test(d));
  return core.at(-1) ?? null;
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
    if (!module || TRANSPORTS.has(module)) continue;
    const domain = LIBRARY_LOGGERS.get(module);
    if (domain) return domain;
  }
  for (const line of [...(frames ?? [])].reverse()) {
    const top = LIBRARY_EXCEPTION.exec(line.trim())?.[1]?.split('.')[0];
    const domain = top && !TRANSPORTS.has(top) ? LIBRARY_LOGGERS.get(top) : undefined;
    if (domain) return domain;
  }
  return null;
}

function attribute(record: LogRecord): Attribution {
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
  if (HOST_PROGRAM.test(logger)) return { integration: null, subject: null, fromHa: false, bare };
  // A record with a Python source file is Home Assistant's, whatever the paste lost.
  const python =
    r.source !== null ||
    (r.logger !== null && PYTHON_LOGGER.test(logger) && !S6_LOGGER.test(logger));
  if (!python && ADDON_RUNTIME.test([r.message, ...(r.traceback ?? [])].join('\n')))
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
  if (integration === null || PLATFORM_DOMAINS.test(integration)) {
    const frame = integrationOfFrames(r.traceback);
    // Any line of the record: a pasted excerpt often starts in the middle of a message.
    const lines = r.message.split('\n').concat(r.traceback ?? []);
    const named = NAMED_IN_MESSAGE.map((re) =>
      lines.map((l) => re.exec(l)?.[1]).find(Boolean),
    ).find(Boolean);
    integration = frame ?? named ?? integration;
  }
  // Any line of the record, too: a paste of a program's output may put it on a continuation line.
  integration ??=
    KNOWN_MESSAGES.find(([re]) =>
      [r.message, ...(r.traceback ?? [])].some((l) => re.test(l)),
    )?.[1] ?? null;
  // A library logger no manifest declares any more, named by convention (`pyunifiprotect`).
  if (integration === null && !logger.startsWith('homeassistant'))
    integration = libraryIntegration(r.logger);
  // A bare pasted line that is an exception of a known library (`zigpy.exceptions.X: …`).
  integration ??= libraryIntegration(/^([a-z_][\w.]*)\.[A-Z]\w*:/.exec(r.message)?.[1] ?? null);
  // A traceback through a library only one integration uses.
  integration ??= integrationOfLibraryFrames(r.traceback);
  // A cloud service named by its host, when nothing else names the integration.
  if (integration === null && !CONFIG_LOGGER.test(logger))
    integration = serviceIntegration(r.message);
  // HA's own configuration loading, or Home Assistant itself (its root logger, the runner).
  if (
    integration === null &&
    (CONFIG_LOGGER.test(logger) || /^homeassistant(?:\.runner)?$/.test(logger))
  )
    integration = 'homeassistant';
  return { integration, subject: automationOfLogger(r.logger), fromHa: python, bare };
}

/** Groups the records of a log into incidents and explains each. */
export class LogIncidentBuilder {
  private readonly groups = new Map<string, Group>();
  /** The user's own rules (a knowledge file), tried before the built-in signatures. */
  constructor(private readonly localRules: readonly KnowledgeRule[] = []) {}

  private readonly custom = new Set<string>();
  /** Configuration keys schema errors name: an "integration" of that name is a misplaced key. */
  private readonly keys = new Set<string>(CONFIG_KEYS);
  private dropped = 0;

  /** Records left out because the log had more distinct failures than are kept. */
  get droppedRecords(): number {
    return this.dropped;
  }

  /** Take one record into account. */
  add(r: LogRecord): void {
    const custom = CUSTOM_WARNING.exec(r.message);
    const domain = custom?.[1] ?? custom?.[2];
    if (domain) this.custom.add(domain);
    for (const m of r.message.matchAll(SCHEMA_KEY)) if (m[1]) this.keys.add(m[1]);
    if (isBenign({ text: r.message, level: r.level, traceback: r.traceback })) return;

    const who = attribute(r);
    const template = messageTemplate(r.message);
    const key =
      who.integration !== null
        ? `${who.integration}|${who.subject ?? ''}`
        : `?|${messageTemplate(r.message.replace(ENTITY_ID, '<entity>').replace(ID_LIKE, '<id>'))}`;
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= MAX_GROUPS) {
        this.dropped++;
        return;
      }
      group = { ...who, firstMessage: r.message, occurrences: 0, lines: new Map() };
      this.groups.set(key, group);
    }
    group.occurrences++;
    const lineKey = `${r.level}|${template}`;
    const line = group.lines.get(lineKey);
    if (line) line.count++;
    else if (group.lines.size < MAX_LINES_PER_GROUP)
      group.lines.set(lineKey, {
        text: r.message,
        level: r.level,
        logger: r.logger,
        count: 1,
        traceback: r.traceback,
      });
  }

  /** The incidents found so far, most important first. */
  incidents(): LogIncident[] {
    const incidents: LogIncident[] = [];
    for (const group of this.adopted()) {
      const finding = analyzeOffline({
        integration: group.integration,
        custom: group.integration && this.custom.has(group.integration) ? true : null,
        entry: null,
        lines: [...group.lines.values()],
        kind: 'log_record',
        subject: group.subject,
        localRules: this.localRules,
      });
      if (!finding) continue;
      // An automation or script that failed with nothing else named: the automation integration.
      // An add-on's failure is the hassio integration's, whoever noticed it.
      const integration = finding.rca.signature?.startsWith('addon.')
        ? 'hassio'
        : (group.integration ??
          (finding.rca.category === 'automation_error' ? 'automation' : null));
      incidents.push({
        fingerprint: fingerprint(group.integration, null, messageTemplate(group.firstMessage)),
        integration,
        category: finding.rca.category,
        severity: finding.severity,
        title: finding.title,
        occurrences: group.occurrences,
        rca: finding.rca,
      });
    }
    return incidents.sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        b.rca.confidence - a.rca.confidence ||
        b.occurrences - a.occurrences,
    );
  }

  /**
   * The groups, with Home Assistant's unattributed lines folded into the one
   * integration the log is about, when it names exactly one: a pasted excerpt's
   * framework lines (an OAuth helper, `homeassistant.core`) belong to it.
   */
  private adopted(): Group[] {
    // A misplaced configuration key is no integration: its lines belong to the one the log is about.
    const groups = [...this.groups.values()].map((g) =>
      g.integration !== null && this.keys.has(g.integration) && !CORE_DOMAINS.has(g.integration)
        ? { ...g, integration: null }
        : g,
    );
    const named = groups.filter((g) => g.integration !== null && g.integration !== 'hassio');
    const target = named[0];
    if (!target || new Set(named.map((g) => g.integration)).size !== 1) return groups;
    // A copy: asking for the incidents twice must not fold twice.
    const merged: Group = {
      ...target,
      lines: new Map([...target.lines].map(([k, l]) => [k, { ...l }])),
    };
    const kept: Group[] = [];
    for (const g of groups) {
      if (g === target) kept.push(merged);
      else if (g.integration !== null || !(g.fromHa || g.bare)) kept.push(g);
      else {
        merged.occurrences += g.occurrences;
        for (const [key, line] of g.lines) {
          const mine = merged.lines.get(key);
          if (mine) mine.count += line.count;
          else if (merged.lines.size < MAX_LINES_PER_GROUP) merged.lines.set(key, { ...line });
        }
      }
    }
    return kept;
  }
}

/** Parse-and-group in one go: the incidents of a stream of records. */
export async function incidentsOf(
  records: AsyncIterable<LogRecord> | Iterable<LogRecord>,
): Promise<LogIncident[]> {
  const builder = new LogIncidentBuilder();
  for await (const r of records) builder.add(r);
  return builder.incidents();
}
