/**
 * The formats a single log line comes in, and the record each starts: Home Assistant's and the
 * Supervisor's lines, and the formats of the programs add-ons run (bashio, s6-overlay,
 * Zigbee2MQTT, Node-RED, Go, zerolog, Mosquitto, python-matter-server, syslog). The parser
 * (parse.ts) puts the records together: continuations, the UI viewer's blocks, wrappers around
 * every line.
 */
import type { LogRecord } from './record.js';

// A binary blob or a minified payload must not blow up memory: lines are capped.
const MAX_LINE = 4096;

const LEVEL = 'DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL';
/**
 * A line's message after the blanks before it: it starts at the first non-blank, so the blanks
 * and the message never trade characters (a backtracking regex would try every split).
 */
const REST = String.raw`(?<msg>(?:\S.*)?)$`;
const TIME = String.raw`(?<time>\d{1,2}:\d{2}:\d{2})(?<frac>[.,]\d{1,9})?(?: ?(?<tz>Z|[+-]\d{2}:?\d{2}))?`;

/** home-assistant.log and Supervisor: `2024-06-10 21:36:07.440 WARNING (MainThread) [logger] msg` (Supervisor: 2-digit year). */
const HA_LINE = new RegExp(
  String.raw`^(?:(?<date>\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{2})[ T])?${TIME}\s+(?<level>${LEVEL})\s+(?:\((?<thread>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*)?(?:\[(?<logger>[^\]\s]+)\]\s*)?${REST}`,
);
/** A pasted HA line that lost its timestamp: `ERROR (MainThread) [logger] msg`. */
const HA_NO_TIME = new RegExp(
  String.raw`^(?<level>${LEVEL})\s+\((?<thread>[^()]*(?:\([^()]*\)[^()]*)*)\)\s+\[(?<logger>[^\]\s]+)\]\s?(?<msg>.*)$`,
);
/**
 * The Python servers add-ons run, with the thread before the level (python-matter-server):
 * `2024-05-01 10:00:00.123 (MainThread) ERROR [matter_server.server] msg`.
 */
const THREAD_FIRST = new RegExp(
  String.raw`^(?<date>\d{4}-\d{2}-\d{2})[ T]${TIME}\s+\((?<thread>[^()]*)\)\s+(?<level>${LEVEL})\s+\[(?<logger>[^\]\s]+)\]\s?(?<msg>.*)$`,
);
/** bashio (`[14:02:11] INFO: msg`) and Zigbee2MQTT (`[2024-06-10 21:36:07] error: 	z2m: msg`). */
const BRACKET_TIME = new RegExp(
  String.raw`^\[(?:(?<date>\d{4}-\d{2}-\d{2})[ T])?${TIME}\]\s*(?<level>debug|info|notice|warn|warning|error|err|fatal|critical|trace)\s*:\s*${REST}`,
  'i',
);
/** Zigbee2MQTT 1.x: `Zigbee2MQTT:error 2022-09-24 01:42:26: msg`. */
const Z2M_V1 = new RegExp(
  String.raw`^Zigbee2MQTT:(?<level>debug|info|warn|warning|error)\s+(?<date>\d{4}-\d{2}-\d{2}) ${TIME}:\s*${REST}`,
  'i',
);
/** s6-overlay v3: `s6-rc: warning: unable to start service x: command exited 1`. */
const S6_LINE =
  /^(?<logger>(?:\/[\w./-]+\/)?(?:s6-[\w-]+|cont-init|cont-finish|services-up|legacy-services|legacy-cont-init|rc\.init)):\s+(?<level>info|notice|warning|warn|error|fatal):\s*(?<msg>(?:\S.*)?)$/;
/** The loggers of s6's own status lines: they never continue, so what follows is the program's output. */
export const S6_LOGGER =
  /^(?:\/[\w./-]+\/)?(?:s6-[\w-]+|cont-init(?:\.d)?|cont-finish(?:\.d)?|services-up|services\.d|legacy-services|legacy-cont-init|rc\.init|fix-attrs\.d)$/;
/** s6-overlay v2: `[cont-init.d] 10-requirements.sh: exited 1.` (no level). */
const S6_BRACKET =
  /^\[(?<logger>s6-init|s6-finish|cont-init\.d|cont-finish\.d|services\.d|fix-attrs\.d)\]\s*(?<msg>(?:\S.*)?)$/;
/** Python's default format: `ERROR:root:msg`. */
const PY_BASIC = /^(?<level>DEBUG|INFO|WARNING|ERROR|CRITICAL):(?<logger>[\w.]+):(?<msg>.*)$/;
/** Node-RED: `10 Jun 21:36:07 - [error] [mqtt-broker:broker] Connection failed`. */
const NODE_RED =
  /^\d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}:\d{2} - \[(?<level>\w+)\]\s+(?:\[(?<logger>[^\]]+)\]\s+)?(?<msg>(?:\S.*)?)$/;
/**
 * Go's log package with a level (AdGuard Home, Frigate's go2rtc): `2023/06/19 12:01:21.885054 [fatal] msg`,
 * and nginx's error log in the same shape (`2020/05/09 17:41:39 [crit] 33#33: …`).
 */
const GO_LINE = new RegExp(
  String.raw`^(?<date>\d{4}/\d{2}/\d{2}) ${TIME}\s+\[(?<level>debug|info|notice|warn|warning|error|crit|alert|emerg|fatal|critical)\]\s*${REST}`,
  'i',
);
/** Go's log package without a level (Tailscale): `2024/05/31 08:59:36 health("overall"): ok`. */
const GO_PLAIN = new RegExp(String.raw`^(?<date>\d{4}/\d{2}/\d{2}) ${TIME}\s+${REST}`);
/**
 * zerolog's console writer (cloudflared, go2rtc): `2023-03-21T13:00:22Z ERR msg`,
 * `12:01:21.885 FTL [api] listen error=…`, or the level alone when the time was cut.
 */
const ZEROLOG = new RegExp(
  String.raw`^(?:(?:(?<date>\d{4}-\d{2}-\d{2})[ T])?${TIME}\s+)?(?<level>TRC|DBG|INF|WRN|ERR|FTL|PNC)\s+(?<msg>\S.*)$`,
);
/** JavaScript's `toLocaleString()` time (room-assistant): `5/27/2020, 6:10:34 AM - error - msg`. */
const LOCALE_LINE =
  /^\d{1,2}\/\d{1,2}\/\d{4},? \d{1,2}:\d{2}:\d{2}(?: ?[AP]M)? - (?<level>[a-z]+) - (?<msg>.*)$/i;
/** A System V style start script's status line: `Starting rfd: ....ERROR`, `Starting crond: OK`. */
const INIT_STATUS =
  /^(?<msg>(?:Starting|Stopping|Restarting|Initializing|Loading|Mounting)\b[^:]{1,60}:\s*(?:\.+\s*)?(?<status>OK|done|ERROR|FAIL(?:ED)?|disabled|not required|skipped))\.?\s*$/i;
/** Mosquitto: `1718048167: New connection from …`. */
const EPOCH_LINE = /^(?<epoch>1\d{9}): (?<msg>.*)$/;
/** Any other program that starts its lines with an ISO date and time. */
const ISO_LINE = new RegExp(
  String.raw`^(?<date>\d{4}-\d{2}-\d{2})[ T]${TIME}\s*(?:[-|:]\s*)?${REST}`,
);
/** syslog / journald: `Jun 10 21:36:07 host kernel: …` (no year, so no timestamp). */
export const SYSLOG_PREFIX = String.raw`^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \S+ (?<logger>[\w.@/-]+)(?:\[\d+\])?: `;
const SYSLOG = new RegExp(`${SYSLOG_PREFIX}(?<msg>.*)$`);
/**
 * The same with an RFC 3339 time (`journalctl -o short-iso`, rsyslog's default file format):
 * `2024-06-10T21:36:07+00:00 host program[pid]: …`. The host is a plain name, so a
 * program's own `<time> info: …` is not taken for one.
 */
export const SYSLOG_ISO_PREFIX = String.raw`^(?<date>\d{4}-\d{2}-\d{2})T${TIME} [\w.-]+ (?<logger>[\w.@/-]+)(?:\[\d+\])?: `;
const SYSLOG_ISO = new RegExp(`${SYSLOG_ISO_PREFIX}(?<msg>.*)$`);
const LEVEL_WORD = /\b(DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|CRITICAL|FATAL)\b/i;

/** Map the many spellings of a level to Python's names. */
export function normalizeLevel(level: string | undefined): string {
  switch (level?.toUpperCase()) {
    case undefined:
      return 'UNKNOWN';
    case 'DEBUG':
    case 'DBG':
    case 'TRC':
    case 'TRACE':
      return 'DEBUG';
    case 'INFO':
    case 'INF':
    case 'NOTICE':
      return 'INFO';
    case 'WARN':
    case 'WRN':
    case 'WARNING':
      return 'WARNING';
    // nginx's `crit` goes on working (a failed TLS read); its `alert` and `emerg` stop it.
    case 'CRIT':
    case 'ERR':
    case 'ERROR':
      return 'ERROR';
    case 'CRITICAL':
    case 'ALERT':
    case 'EMERG':
    case 'FATAL':
    case 'FTL':
    case 'PNC':
      return 'CRITICAL';
    default:
      return 'UNKNOWN';
  }
}

function isoTimestamp(groups: Record<string, string | undefined>): string | null {
  let date = groups.date;
  if (!date || !groups.time) return null;
  if (date.length === 8) date = `20${date}`; // Supervisor writes 24-06-10
  const time = groups.time.length === 7 ? `0${groups.time}` : groups.time;
  const frac = groups.frac ? `.${groups.frac.slice(1)}` : '';
  let tz = groups.tz ?? '';
  if (/^[+-]\d{4}$/.test(tz)) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
  return `${date}T${time}${frac}${tz}`;
}

export function cap(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}

function record(
  groups: Record<string, string | undefined>,
  level: string,
  logger: string | null,
): LogRecord {
  return {
    timestamp: isoTimestamp(groups),
    level,
    logger,
    message: cap((groups.msg ?? '').trim()),
    traceback: null,
    source: null,
  };
}

/** The record, marked as a line in an app's own format. */
function app(r: LogRecord): LogRecord {
  r.app = true;
  return r;
}

/** A record of a line that names no time, level or logger. */
export function bare(line: string): LogRecord {
  return {
    timestamp: null,
    level: 'UNKNOWN',
    logger: null,
    message: cap(line),
    traceback: null,
    source: null,
  };
}

/** The record a line starts, or null when the line continues the previous one. */
export function startOf(line: string): LogRecord | null {
  let m = HA_LINE.exec(line);
  if (m?.groups) {
    const r = record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null);
    // Home Assistant names a thread and a logger on every line; a program that writes only
    // a time and a level (AppDaemon, eufy-security-ws) is not Home Assistant.
    return m.groups.thread === undefined && m.groups.logger === undefined ? app(r) : r;
  }
  if ((m = HA_NO_TIME.exec(line))?.groups)
    return record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null);
  if ((m = THREAD_FIRST.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null));
  if ((m = BRACKET_TIME.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), null));
  if ((m = Z2M_V1.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), null));
  if ((m = S6_LINE.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null));
  if ((m = S6_BRACKET.exec(line))?.groups)
    return app(record(m.groups, 'UNKNOWN', m.groups.logger ?? null));
  if ((m = PY_BASIC.exec(line))?.groups) {
    const r = record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null);
    // Home Assistant's own loggers in Python's default format: its output before logging is set up.
    return /^(?:homeassistant|custom_components)\b/.test(r.logger ?? '') ? r : app(r);
  }
  if ((m = NODE_RED.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null));
  if ((m = GO_LINE.exec(line))?.groups) {
    const groups = { ...m.groups, date: m.groups.date?.replaceAll('/', '-') };
    return app(record(groups, normalizeLevel(m.groups.level), null));
  }
  if ((m = GO_PLAIN.exec(line))?.groups) {
    const groups = { ...m.groups, date: m.groups.date?.replaceAll('/', '-') };
    const head = (m.groups.msg ?? '').slice(0, 48);
    return app(record(groups, normalizeLevel(LEVEL_WORD.exec(head)?.[1]), null));
  }
  if ((m = ZEROLOG.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), null));
  if ((m = LOCALE_LINE.exec(line))?.groups)
    return app(record(m.groups, normalizeLevel(m.groups.level), null));
  if ((m = INIT_STATUS.exec(line))?.groups) {
    const failed = /^(?:ERROR|FAIL)/i.test(m.groups.status ?? '');
    return app(record(m.groups, failed ? 'ERROR' : 'INFO', null));
  }
  if ((m = EPOCH_LINE.exec(line))?.groups) {
    const r = record(m.groups, 'UNKNOWN', null);
    r.timestamp = new Date(Number(m.groups.epoch) * 1000).toISOString();
    return app(r);
  }
  if ((m = SYSLOG_ISO.exec(line))?.groups) {
    const head = (m.groups.msg ?? '').slice(0, 48);
    return record(m.groups, normalizeLevel(LEVEL_WORD.exec(head)?.[1]), m.groups.logger ?? null);
  }
  if ((m = ISO_LINE.exec(line))?.groups) {
    const head = (m.groups.msg ?? '').slice(0, 48);
    return record(m.groups, normalizeLevel(LEVEL_WORD.exec(head)?.[1]), null);
  }
  if ((m = SYSLOG.exec(line))?.groups) {
    const head = (m.groups.msg ?? '').slice(0, 48);
    return record(m.groups, normalizeLevel(LEVEL_WORD.exec(head)?.[1]), m.groups.logger ?? null);
  }
  return null;
}
