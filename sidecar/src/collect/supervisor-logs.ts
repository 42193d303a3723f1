/**
 * The Supervisor's own log, the host's journal and Core's container log, read through the
 * Supervisor API: what goes wrong below Home Assistant (an add-on the watchdog restarts, an add-on
 * that cannot start, the kernel killing a process for memory, a failing SD card, under-voltage)
 * and Core itself dying (a crash its own log cannot report: the container's supervision says it).
 * Each poll reads the newest lines; a cursor per log (the newest timestamp taken) makes every line
 * count once, across polls and restarts.
 */
import type { Severity, Signal } from '@ha-llm-ops/contracts';
import { parseLog, type LogRecord } from '../logs/parse.js';

/** The logs read, by the Supervisor API path that serves them. */
export const SUPERVISOR_LOGS = {
  supervisor: '/supervisor/logs',
  host: '/host/logs',
  core: '/core/logs',
} as const;
export type SupervisorLog = keyof typeof SUPERVISOR_LOGS;

const LEVEL_SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  FATAL: 'critical',
  ERROR: 'error',
};

/** The Supervisor restarting a failed add-on logs this at WARNING: a crash, all the same. */
const WATCHDOG = /\bWatchdog found (?:add-?on|app) (?<name>.+?) is (?:failed|unhealthy)/i;
/** The same for Core (`Watchdog found Home Assistant failed, restarting...`; newer: the exit code). */
const CORE_WATCHDOG = /\bWatchdog found Home Assistant (?:failed|unhealthy|exited with code \d+)/i;

/**
 * Core's container log holds, besides what Core logs itself (which arrives through its own
 * system log already), what its supervision writes when the process dies: a signal other than
 * the SIGTERM of a regular stop, or an exit code other than a stop (0), a restart (100) or the
 * 256 that comes with a signal (its own line follows) — and Python's last words.
 */
const CORE_FAILURE =
  /\bHome Assistant Core finish process (?:received signal (?!15\b)\d+|exit code (?!0\b|100\b|256\b)\d+)|\bFatal Python error\b/;

/**
 * The host's journal has no levels of its own; these lines are failures by their words (the
 * kernel killing for memory, storage errors, a weak power supply, a crashed process) or by the
 * level a program wrote into them (Docker's `level=error`).
 */
const HOST_FAILURE =
  /\bOut of memory: Killed process\b|\boom-kill\b|\bI\/O error\b|\bEXT4-fs error\b|\bUnder-voltage detected\b|\bsegfault at\b|\bcore dumped\b|\bread-only file ?system\b|\blevel=(?:error|fatal)\b/i;

/** A container named in the line: `addon_<slug>` (Docker) or `addons/<slug>`. */
const ADDON_SLUG = /\baddon_(?<slug>[a-z0-9][a-z0-9_-]*)\b/;

/** A host journal line in the Supervisor's verbose format: `<ISO time> <host> <program>[pid]: msg`. */
const VERBOSE =
  /^(?<ts>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+(?!\d))?)\S*\s+\S+\s+(?<program>[^\s:[]+)(?:\[\d+\])?:\s*(?<msg>(?:\S.*)?)$/;

export interface LogLine {
  /** ISO 8601, comparable within one log. */
  at: string;
  severity: Severity;
  logger: string | null;
  message: string;
  traceback: string[] | null;
  /** The add-on the line is about, when it names its container (its slug). */
  addon: string | null;
  /** The add-on the line is about, when it names it by its name (the watchdog does). */
  addonName: string | null;
}

function supervisorLine(r: LogRecord): LogLine | null {
  if (!r.timestamp) return null;
  const severity =
    LEVEL_SEVERITY[r.level] ??
    (WATCHDOG.test(r.message) || CORE_WATCHDOG.test(r.message) ? 'error' : undefined);
  if (!severity) return null;
  const text = [r.message, ...(r.traceback ?? [])].join('\n');
  return {
    at: r.timestamp,
    severity,
    logger: r.logger,
    message: r.message,
    traceback: r.traceback,
    addon: ADDON_SLUG.exec(text)?.groups?.slug ?? null,
    addonName: WATCHDOG.exec(r.message)?.groups?.name ?? null,
  };
}

function journalLine(line: string, failure: RegExp): LogLine | null {
  const m = VERBOSE.exec(line);
  if (!m?.groups || !failure.test(m.groups.msg ?? '')) return null;
  return {
    at: (m.groups.ts ?? '').replace(' ', 'T'),
    severity: 'error',
    logger: m.groups.program ?? null,
    message: m.groups.msg ?? '',
    traceback: null,
    addon: null,
    addonName: null,
  };
}

/** The failures in a log's text newer than `after` (the cursor), oldest first. */
export function failuresIn(log: SupervisorLog, text: string, after: string | undefined): LogLine[] {
  const lines =
    log === 'supervisor'
      ? parseLog(text).map(supervisorLine)
      : text
          .split(/\r?\n/)
          .map((l) => journalLine(l, log === 'host' ? HOST_FAILURE : CORE_FAILURE));
  return lines.filter((l): l is LogLine => l !== null && (after === undefined || l.at > after));
}

/**
 * One failure as a signal: the Supervisor's (`hassio`), about an add-on when it names one; Core's
 * own death is Home Assistant's (`homeassistant`).
 */
export function logSignal(log: SupervisorLog, line: LogLine, observedAt: string): Signal {
  return {
    source: 'supervisor',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: observedAt,
    integration: log === 'core' || CORE_WATCHDOG.test(line.message) ? 'homeassistant' : 'hassio',
    entry_id: null,
    subject: line.addon ? `addon:${line.addon}` : `${log}:log`,
    severity: line.severity,
    message: line.message,
    count: 1,
    data: {
      logger: line.logger ?? log,
      level: line.severity.toUpperCase(),
      log,
      logged_at: line.at,
      messages: [line.message],
      // Whole, as system_log gives it: the package stage shortens it.
      exception: line.traceback ? [line.message, ...line.traceback].join('\n') : null,
    },
    sensitive: [],
  };
}
