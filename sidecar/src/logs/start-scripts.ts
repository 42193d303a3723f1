/**
 * Add-on start scripts (s6-overlay's cont-init) as the log parser sees them: what a
 * script logged is only judged once s6 says how the script ended.
 */
import type { LogRecord } from './record.js';

/** s6's note that a start script runs: v3 `running /etc/cont-init.d/x.sh`, v2 `x.sh: executing...`. */
const SCRIPT_RUNS = /^(?:running (?:\S*\/)?([\w.-]+)$|([\w.-]+): executing)/;
/** …and that it ended: v3 `/etc/cont-init.d/x.sh exited 0`, v2 `x.sh: exited 0.` */
const SCRIPT_EXITED = /^(?:\S*\/)?([\w.-]+?):? exited (\d+)\.?$/;
const INIT_LOGGER = /^(?:\/[\w./-]+\/)?cont-init(?:\.d)?$/;
/** Records held while a start script runs: enough for its output, never the whole log. */
const MAX_SCRIPT_RECORDS = 200;
const ABOVE_WARNING = new Set(['ERROR', 'CRITICAL']);

/**
 * An add-on's start scripts (s6-overlay's cont-init): s6 stops the add-on when one fails,
 * so an error logged by a script that then exited 0 was handled by it (an optional
 * service missing, a default used): a warning, not a failure. Records are held from a
 * script's start until s6 says how it ended.
 */
export class StartScripts {
  private held: LogRecord[] | null = null;
  private script = '';

  push(record: LogRecord): LogRecord[] {
    if (INIT_LOGGER.test(record.logger ?? '')) {
      const runs = SCRIPT_RUNS.exec(record.message);
      if (runs) {
        const before = this.flush();
        this.held = [record];
        this.script = runs[1] ?? runs[2] ?? '';
        return before;
      }
      const exited = SCRIPT_EXITED.exec(record.message);
      if (exited && this.held && exited[1] === this.script) {
        const survived = exited[2] === '0';
        const held = this.held.map((r) =>
          survived && ABOVE_WARNING.has(r.level) ? { ...r, level: 'WARNING' } : r,
        );
        this.held = null;
        return [...held, record];
      }
    }
    if (!this.held) return [record];
    this.held.push(record);
    return this.held.length >= MAX_SCRIPT_RECORDS ? this.flush() : [];
  }

  /** What is held, as it was logged (how its script ended is not known). */
  flush(): LogRecord[] {
    const held = this.held ?? [];
    this.held = null;
    return held;
  }
}
