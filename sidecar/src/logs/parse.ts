/**
 * Reads Home Assistant logs as people actually have them: home-assistant.log,
 * copies from the UI log viewer, Supervisor and add-on logs (bashio, s6,
 * Zigbee2MQTT, Node-RED), journald or `docker compose logs` output, pasted
 * excerpts with lost timestamps or cut-off lines. One state machine serves both
 * the whole-text parser and the streaming one, so a 200 MB log never has to be
 * held in memory.
 */

import type { LogRecord } from './record.js';
import { StartScripts } from './start-scripts.js';

export type { LogRecord } from './record.js';

// A binary blob or a minified payload must not blow up memory: lines are capped,
// and a runaway continuation keeps its head and its tail (the exception line is last).
const MAX_LINE = 4096;
const MAX_TRACEBACK_HEAD = 120;
const MAX_TRACEBACK_TAIL = 60;

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC and end with BEL
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

const LEVEL = 'DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL';
const TIME = String.raw`(?<time>\d{1,2}:\d{2}:\d{2})(?<frac>[.,]\d{1,9})?(?: ?(?<tz>Z|[+-]\d{2}:?\d{2}))?`;

/** home-assistant.log and Supervisor: `2024-06-10 21:36:07.440 WARNING (MainThread) [logger] msg` (Supervisor: 2-digit year). */
const HA_LINE = new RegExp(
  String.raw`^(?:(?<date>\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{2})[ T])?${TIME}\s+(?<level>${LEVEL})\s+(?:\((?<thread>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*)?(?:\[(?<logger>[^\]\s]+)\]\s?)?(?<msg>.*)$`,
);
/** A pasted HA line that lost its timestamp: `ERROR (MainThread) [logger] msg`. */
const HA_NO_TIME = new RegExp(
  String.raw`^(?<level>${LEVEL})\s+\((?<thread>[^()]*(?:\([^()]*\)[^()]*)*)\)\s+\[(?<logger>[^\]\s]+)\]\s?(?<msg>.*)$`,
);
/** bashio (`[14:02:11] INFO: msg`) and Zigbee2MQTT (`[2024-06-10 21:36:07] error: 	z2m: msg`). */
const BRACKET_TIME = new RegExp(
  String.raw`^\[(?:(?<date>\d{4}-\d{2}-\d{2})[ T])?${TIME}\]\s*(?<level>debug|info|notice|warn|warning|error|err|fatal|critical|trace)\s*:\s*(?<msg>.*)$`,
  'i',
);
/** Zigbee2MQTT 1.x: `Zigbee2MQTT:error 2022-09-24 01:42:26: msg`. */
const Z2M_V1 = new RegExp(
  String.raw`^Zigbee2MQTT:(?<level>debug|info|warn|warning|error)\s+(?<date>\d{4}-\d{2}-\d{2}) ${TIME}:\s*(?<msg>.*)$`,
  'i',
);
/** s6-overlay v3: `s6-rc: warning: unable to start service x: command exited 1`. */
const S6_LINE =
  /^(?<logger>(?:\/[\w./-]+\/)?(?:s6-[\w-]+|cont-init|cont-finish|services-up|legacy-services|legacy-cont-init|rc\.init)):\s+(?<level>info|notice|warning|warn|error|fatal):\s*(?<msg>.*)$/;
/** The loggers of s6's own status lines: they never continue, so what follows is the program's output. */
const S6_LOGGER =
  /^(?:\/[\w./-]+\/)?(?:s6-[\w-]+|cont-init(?:\.d)?|cont-finish(?:\.d)?|services-up|services\.d|legacy-services|legacy-cont-init|rc\.init|fix-attrs\.d)$/;
/** s6-overlay v2: `[cont-init.d] 10-requirements.sh: exited 1.` (no level). */
const S6_BRACKET =
  /^\[(?<logger>s6-init|s6-finish|cont-init\.d|cont-finish\.d|services\.d|fix-attrs\.d)\]\s*(?<msg>.*)$/;
/** Python's default format: `ERROR:root:msg`. */
const PY_BASIC = /^(?<level>DEBUG|INFO|WARNING|ERROR|CRITICAL):(?<logger>[\w.]+):(?<msg>.*)$/;
/** Node-RED: `10 Jun 21:36:07 - [error] [mqtt-broker:broker] Connection failed`. */
const NODE_RED =
  /^\d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}:\d{2} - \[(?<level>\w+)\]\s+(?:\[(?<logger>[^\]]+)\]\s+)?(?<msg>.*)$/;
/**
 * Go's log package with a level (AdGuard Home, Frigate's go2rtc): `2023/06/19 12:01:21.885054 [fatal] msg`,
 * and nginx's error log in the same shape (`2020/05/09 17:41:39 [crit] 33#33: …`).
 */
const GO_LINE = new RegExp(
  String.raw`^(?<date>\d{4}/\d{2}/\d{2}) ${TIME}\s+\[(?<level>debug|info|notice|warn|warning|error|crit|alert|emerg|fatal|critical)\]\s*(?<msg>.*)$`,
  'i',
);
/** Go's log package without a level (Tailscale): `2024/05/31 08:59:36 health("overall"): ok`. */
const GO_PLAIN = new RegExp(String.raw`^(?<date>\d{4}/\d{2}/\d{2}) ${TIME}\s+(?<msg>.*)$`);
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
  /^(?<msg>(?:Starting|Stopping|Restarting|Initializing|Loading|Mounting)\b[^:]{1,60}:\s*\.*\s*(?<status>OK|done|ERROR|FAIL(?:ED)?|disabled|not required|skipped))\.?\s*$/i;
/** Mosquitto: `1718048167: New connection from …`. */
const EPOCH_LINE = /^(?<epoch>1\d{9}): (?<msg>.*)$/;
/** Any other program that starts its lines with an ISO date and time. */
const ISO_LINE = new RegExp(
  String.raw`^(?<date>\d{4}-\d{2}-\d{2})[ T]${TIME}\s*(?:[-|:]\s*)?(?<msg>.*)$`,
);
/** syslog / journald: `Jun 10 21:36:07 host kernel: …` (no year, so no timestamp). */
const SYSLOG_PREFIX = String.raw`^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \S+ (?<logger>[\w.@/-]+)(?:\[\d+\])?: `;
const SYSLOG = new RegExp(`${SYSLOG_PREFIX}(?<msg>.*)$`);
/**
 * The same with an RFC 3339 time (`journalctl -o short-iso`, rsyslog's default file format):
 * `2024-06-10T21:36:07+00:00 host program[pid]: …`. The host is a plain name, so a
 * program's own `<time> info: …` is not taken for one.
 */
const SYSLOG_ISO_PREFIX = String.raw`^(?<date>\d{4}-\d{2}-\d{2})T${TIME} [\w.-]+ (?<logger>[\w.@/-]+)(?:\[\d+\])?: `;
const SYSLOG_ISO = new RegExp(`${SYSLOG_ISO_PREFIX}(?<msg>.*)$`);
const LEVEL_WORD = /\b(DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|CRITICAL|FATAL)\b/i;

/** The UI log viewer's "copy": a `Logger:` header block, then the message lines. */
/**
 * The UI viewer's first line: `Logger: <name>`, or the label in the user's language
 * (“Enregistreur:”, “日志记录器:”) before a dotted module name.
 */
const UI_LOGGER =
  /^(?:Logger:\s*(?<logger>\S+)|[\p{L}'’ ]{2,40}:\s*(?<logger2>[a-z_]\w*(?:\.\w+)+))\s*$/u;
/*
 * The header's other lines are labelled in the user's language ("Quelle:",
 * "Erstmals aufgetreten:"), so they are known by their values: a source file,
 * times (the first is when it first occurred), the integration's name.
 */
const UI_SOURCE = /^(?:Source:\s*|[\p{L}'’ ]{2,40}:\s*(?=\S+\.py:\d+\s*$))(?<source>.+?)\s*$/u;
const UI_FIRST =
  /^(?:First occurred:\s*(?<when>.+?)|[\p{L}'’ ]{2,40}:\s*(?<when2>(?:[\p{L}\d,./ -]{0,30}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)(?:\s*\([^)]*\))?)\s*$/u;
/** The count the header's first line ends with, in any language: “(22 occurrences)”, “(418 Vorkommnisse)”. */
const UI_OCCURRENCES = /\((\d+)\s*[^()\d]*\)\s*$/u;
/** A time of day alone, as the UI viewer shows one of today: `21:36:07`, `9:06:29 AM`. */
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp])\.?[Mm]\.?)?$/;

/** Seconds into the day of a time of day given alone (an occurrence count after it aside), else null. */
function clockOf(when: string): number | null {
  const m = CLOCK.exec(when.replace(/\s*\([^)]*\)\s*$/, '').trim());
  if (!m) return null;
  let hours = Number(m[1]);
  const half = m[4]?.toUpperCase();
  if (half) hours = (hours % 12) + (half === 'P' ? 12 : 0);
  return hours * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

const UI_HEADER =
  /^(?:[Ii]ntegration:|Last logged:|This error originated from|[\p{L}'’ ]{2,40}:\s+[^:()]{1,60}\([\p{L} ]+, [\p{L} ]+\)\s*$)/u;
/** A cheap first check for a localized label (`Enregistreur: pydaikin.x`): a word, a colon, a dotted name. */
const LOCALIZED_LABEL = /^[^:\d][^:]{1,29}:\s*[a-z_]\w*\.\w/;
const UI_NOTE = /^This error originated from an? (?:custom )?integration\.?$/;

/**
 * The UI log viewer before 0.104 put the source under the message:
 * `10:47 AM components/hue/sensor_base.py (ERROR) - message first occured at …`.
 */
const UI_OLD_SOURCE =
  /^\d{1,2}:\d{2}(?: ?[AP]M)? (?<source>\S+\.py) \((?<level>[A-Z]+)\) - message first occur+ed at/;

/** Wrappers that prefix every line: journald/syslog and `docker compose logs`. */
const PREFIXES = [new RegExp(SYSLOG_PREFIX), new RegExp(SYSLOG_ISO_PREFIX), /^[\w.-]+\s*\| /];

const ISO_DATE = /(?<date>\d{4}-\d{2}-\d{2})[ T]?(?<time>\d{2}:\d{2}:\d{2})?/;

/** Map the many spellings of a level to Python's names. */
function normalizeLevel(level: string | undefined): string {
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

function cap(line: string): string {
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
function bare(line: string): LogRecord {
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
function startOf(line: string): LogRecord | null {
  let m = HA_LINE.exec(line);
  if (m?.groups) {
    const r = record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null);
    // Home Assistant names a thread and a logger on every line; a program that writes only
    // a time and a level (AppDaemon, eufy-security-ws) is not Home Assistant.
    return m.groups.thread === undefined && m.groups.logger === undefined ? app(r) : r;
  }
  if ((m = HA_NO_TIME.exec(line))?.groups)
    return record(m.groups, normalizeLevel(m.groups.level), m.groups.logger ?? null);
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

/**
 * The parsing state machine: feed it lines, it hands back each record once the
 * next one starts (or at the end). Lines that start no record belong to the
 * record before them.
 */
export class LogParser {
  private current: LogRecord | null = null;
  private head: string[] = [];
  private tail: string[] = [];
  private omitted = 0;
  /** Inside a UI-viewer block, before its message line. */
  private inUiHeader = false;
  /** The UI block's first occurrence as a time of day (null: dated), once its header gave it. */
  private uiFirstClock: number | null | undefined;
  /** The wrapper (journald, docker compose) this log's lines carry, once seen. */
  private prefix: RegExp | null = null;

  /** Feed one line; returns the record it completed, if any. */
  push(raw: string): LogRecord | null {
    let line = raw.includes('\x1b') ? raw.replace(ANSI, '') : raw;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    line = this.unwrap(line);
    const trimmed = line.trim();

    // Cheap prefix checks first: this runs once per line of a 200 MB log.
    const ui =
      trimmed.startsWith('Logger:') || LOCALIZED_LABEL.test(trimmed)
        ? UI_LOGGER.exec(trimmed)
        : null;
    if (ui?.groups) {
      const done = this.finish();
      this.current = {
        timestamp: null,
        level: 'UNKNOWN',
        logger: ui.groups.logger ?? ui.groups.logger2 ?? null,
        message: '',
        traceback: null,
        source: null,
      };
      this.inUiHeader = true;
      this.uiFirstClock = undefined;
      return done;
    }
    if (this.inUiHeader && this.current) {
      if (trimmed === '') return null;
      const source = UI_SOURCE.exec(trimmed);
      if (source?.groups) {
        this.current.source = source.groups.source ?? null;
        return null;
      }
      const first = UI_FIRST.exec(trimmed);
      if (first?.groups) {
        const when = first.groups.when ?? first.groups.when2 ?? '';
        // The header's second time is when it was last logged.
        if (this.uiFirstClock !== undefined) {
          const last = clockOf(when);
          const over = last === null || this.uiFirstClock === null ? -1 : last - this.uiFirstClock;
          if (over >= 0 && this.current.repeats) this.current.repeatsOverS = over;
          return null;
        }
        this.uiFirstClock = clockOf(when);
        const date = ISO_DATE.exec(when);
        if (date?.groups?.time && this.current.timestamp === null)
          this.current.timestamp = `${date.groups.date}T${date.groups.time}`;
        const repeats = Number(UI_OCCURRENCES.exec(trimmed)?.[1] ?? 0);
        if (repeats > 1) this.current.repeats = repeats;
        return null;
      }
      if (UI_HEADER.test(trimmed)) return null;
      this.inUiHeader = false;
      if (!startOf(trimmed)) {
        this.current.message = cap(trimmed);
        return null;
      }
    }
    if (trimmed.startsWith('This error') && UI_NOTE.test(trimmed)) return this.finish(); // precedes a `Logger:` block

    const started = startOf(line);
    if (started) {
      const done = this.finish();
      this.current = started;
      return done;
    }
    if (trimmed === '') return null;
    // An add-on program's own line after one of s6's: a record of its own, not a continuation.
    if (this.current && this.head.length === 0 && S6_LOGGER.test(this.current.logger ?? '')) {
      const done = this.finish();
      this.current = bare(trimmed);
      return done;
    }
    if (!this.current) {
      // A pasted excerpt that starts mid-record or has no timestamps at all.
      this.current = bare(trimmed);
      return null;
    }
    const old = this.current.source === null ? UI_OLD_SOURCE.exec(trimmed) : null;
    if (old?.groups) {
      this.current.source = old.groups.source ?? null;
      this.current.level = normalizeLevel(old.groups.level);
      return null;
    }
    this.continueWith(cap(line.trimEnd()));
    return null;
  }

  /**
   * Strip a wrapper prefix. A wrapper is adopted when it precedes a line that
   * starts a record, and from then on stripped from every line that has it
   * (its traceback lines included).
   */
  private unwrap(line: string): string {
    if (this.prefix) {
      const m = this.prefix.exec(line);
      if (m) return line.slice(m[0].length);
    }
    for (const prefix of PREFIXES) {
      const m = prefix.exec(line);
      if (m && startOf(line.slice(m[0].length))) {
        this.prefix = prefix;
        return line.slice(m[0].length);
      }
    }
    return line;
  }

  /** The last record, once the input has ended. */
  end(): LogRecord | null {
    return this.finish();
  }

  private continueWith(line: string): void {
    if (this.head.length < MAX_TRACEBACK_HEAD) {
      this.head.push(line);
      return;
    }
    this.tail.push(line);
    if (this.tail.length > MAX_TRACEBACK_TAIL) {
      this.tail.shift();
      this.omitted++;
    }
  }

  private finish(): LogRecord | null {
    const done = this.current;
    if (done) {
      const lines = this.head;
      if (this.omitted > 0) lines.push(`… ${this.omitted} lines omitted …`);
      lines.push(...this.tail);
      if (lines.length > 0) done.traceback = lines;
    }
    this.current = null;
    this.head = [];
    this.tail = [];
    this.omitted = 0;
    this.inUiHeader = false;
    return done;
  }
}

/** Parse a whole log text into records. */
export function parseLog(text: string): LogRecord[] {
  const parser = new LogParser();
  const scripts = new StartScripts();
  const records: LogRecord[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    const done = parser.push(line);
    if (done) records.push(...scripts.push(done));
  }
  const last = parser.end();
  if (last) records.push(...scripts.push(last));
  records.push(...scripts.flush());
  return records;
}

/**
 * Parse a stream into records, holding only the record being read. Each item is
 * a line, or a block of lines that ends at a line break.
 */
export async function* parseLogStream(lines: AsyncIterable<string>): AsyncIterable<LogRecord> {
  const parser = new LogParser();
  const scripts = new StartScripts();
  for await (const chunk of lines) {
    for (const line of chunk.includes('\n') ? chunk.split('\n') : [chunk]) {
      const done = parser.push(line);
      if (done) yield* scripts.push(done);
    }
  }
  const last = parser.end();
  if (last) yield* scripts.push(last);
  yield* scripts.flush();
}
