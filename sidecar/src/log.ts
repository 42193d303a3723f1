/** A small leveled logger writing one line per record to stderr (stdout stays for command output). */

export const LOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warning(msg: string): void;
  error(msg: string): void;
}

/** Longest record written; the rest of a runaway message is cut and counted. */
const MAX_RECORD = 2000;

/**
 * Create a logger that drops records below `level`. `redact`, when given, runs
 * over every record before it is written: a record may quote log text or an
 * error that carries a secret.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
  redact: (text: string) => string = (t) => t,
): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const emit = (lvl: LogLevel) => (msg: string) => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    const clipped =
      msg.length > MAX_RECORD
        ? `${msg.slice(0, MAX_RECORD)}… (${msg.length - MAX_RECORD} more characters)`
        : msg;
    write(`${new Date().toISOString()} ${lvl.toUpperCase()} ${redact(clipped)}\n`);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warning: emit('warning'),
    error: emit('error'),
  };
}

/**
 * A listener that logs what it throws instead of letting it escape: an event
 * callback runs inside the WebSocket's message handler, where an exception
 * would end the process.
 */
export function guarded<A extends unknown[]>(
  log: Logger,
  what: string,
  listener: (...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    try {
      listener(...args);
    } catch (err) {
      log.error(`${what} failed and was skipped: ${errorText(err)}`);
    }
  };
}

/** An error's name and message in one line. */
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
