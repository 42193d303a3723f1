/**
 * Reads Home Assistant logs as people actually have them: home-assistant.log,
 * copies from the UI log viewer, Supervisor and add-on logs (bashio, s6,
 * Zigbee2MQTT, Node-RED), journald or `docker compose logs` output, pasted
 * excerpts with lost timestamps or cut-off lines. One state machine serves both
 * the whole-text parser and the streaming one, so a 200 MB log never has to be
 * held in memory.
 */

import {
  bare,
  cap,
  normalizeLevel,
  S6_LOGGER,
  startOf,
  SYSLOG_ISO_PREFIX,
  SYSLOG_PREFIX,
} from './line-formats.js';
import type { LogRecord } from './record.js';
import { StartScripts } from './start-scripts.js';

export type { LogRecord } from './record.js';

// A runaway continuation keeps its head and its tail (the exception line is last).
const MAX_TRACEBACK_HEAD = 120;
const MAX_TRACEBACK_TAIL = 60;

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC and end with BEL
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

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
const UI_SOURCE =
  /^(?:Source:\s*|[\p{L}'’ ]{2,40}:\s*(?=\S+\.py:\d+\s*$))(?<source>\S(?:.*\S)?)\s*$/u;
const UI_FIRST =
  /^(?:First occurred:\s*(?<when>\S(?:.*\S)?)|[\p{L}'’ ]{2,40}:\s*(?<when2>(?:[\p{L}\d,./ -]{0,30}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)(?:\s*\([^)]*\))?)\s*$/u;
/** The count the header's first line ends with, in any language: “(22 occurrences)”, “(418 Vorkommnisse)”. */
const UI_OCCURRENCES = /\((\d+)[^()\d]*\)\s*$/u;
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
 * The UI's list of messages (Settings → System → Logs), copied: under each message its time,
 * level and where it was logged (an integration's name or a file), with how often:
 * `8:26:22 PM – (ERROR) Insteon - message first occurred at 8:16:12 PM and shows up 5 times`.
 */
const UI_LIST_META =
  /^\S.{0,40}? – \((?<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\)(?: (?<origin>.+?))?(?: - message first occurred at .+? and shows up \d+ times?)?$/;
/** An origin in that line that is a file (`config_entries.py`, a library's path), not a name. */
const UI_LIST_FILE = /\.py$|\//;
/**
 * The UI log viewer before 0.104 put the source under the message:
 * `10:47 AM components/hue/sensor_base.py (ERROR) - message first occured at …`.
 */
const UI_OLD_SOURCE =
  /^\d{1,2}:\d{2}(?: ?[AP]M)? (?<source>\S+\.py) \((?<level>[A-Z]+)\) - message first occur+ed at/;

/**
 * A prefix on every line (journald/syslog, `docker compose logs`, the time `docker logs
 * --timestamps` puts first), adopted once it precedes a line that starts a record and, when
 * `before` is given, starts with it too.
 */
interface Wrapper {
  prefix: RegExp;
  before?: RegExp;
}
const WRAPPERS: readonly Wrapper[] = [
  { prefix: new RegExp(SYSLOG_PREFIX) },
  { prefix: new RegExp(SYSLOG_ISO_PREFIX) },
  { prefix: /^[\w.-]+\s*\| / },
  // Docker's RFC 3339 time (UTC, to the nanosecond) wraps only a line with a time of its own:
  // an app's line that starts with such a time (zerolog's) is that app's, its time its own.
  {
    prefix: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,9}Z /,
    before: /^(?:\d{2,4}-\d{2}-\d{2}[ T]|\[?\d{1,2}:\d{2}:\d{2})/,
  },
];

const ISO_DATE = /(?<date>\d{4}-\d{2}-\d{2})[ T]?(?<time>\d{2}:\d{2}:\d{2})?/;

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

    const listed = trimmed.includes(' – (') ? UI_LIST_META.exec(trimmed) : null;
    if (listed?.groups) {
      // The line under a message closes it: the next line is the next message.
      if (!this.current) return null;
      this.current.level = normalizeLevel(listed.groups.level);
      const origin = listed.groups.origin ?? '';
      if (UI_LIST_FILE.test(origin)) this.current.source ??= origin;
      else if (origin) this.current.integrationName = origin;
      // Its count spans from the first occurrence, at any distance: not a pace, so not kept.
      return this.finish();
    }
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
    for (const { prefix, before } of WRAPPERS) {
      const m = prefix.exec(line);
      if (!m) continue;
      const rest = line.slice(m[0].length);
      if ((!before || before.test(rest)) && startOf(rest)) {
        this.prefix = prefix;
        return rest;
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
