/**
 * Detection: which signals are worth an incident. Log lines that look alarming
 * but are not failures (the "custom integration not tested" warning,
 * deprecation notices, normal startup) are dropped here, by the same benign
 * list the offline analyzer's knowledge base keeps.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import { isBenign } from './offline/engine.js';

/** True for a signal that must not open or feed an incident. */
export function isNoise(signal: Signal): boolean {
  if (signal.source !== 'system_log') return false;
  const exception = typeof signal.data.exception === 'string' ? signal.data.exception : null;
  const level =
    typeof signal.data.level === 'string' ? signal.data.level : signal.severity.toUpperCase();
  return isBenign({
    text: signal.message,
    level,
    logger: typeof signal.data.logger === 'string' ? signal.data.logger : null,
    traceback: exception ? exception.split('\n') : null,
  });
}
