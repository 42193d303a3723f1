/** A small leveled logger writing one line per record to stderr (stdout stays for command output). */

export const LOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warning(msg: string): void;
  error(msg: string): void;
}

/** Create a logger that drops records below `level`. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const emit = (lvl: LogLevel) => (msg: string) => {
    if (LOG_LEVELS.indexOf(lvl) >= min)
      write(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}\n`);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warning: emit('warning'),
    error: emit('error'),
  };
}
