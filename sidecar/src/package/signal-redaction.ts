/**
 * Redaction of signals before the journal stores them. A busy home repeats the
 * same few failures thousands of times, and redacting a message runs some thirty
 * patterns over it, so the redacted form of a (message, data) pair is kept in a
 * small cache. The cache is keyed by a digest: raw text is never kept in it.
 * Its data is frozen and shared by every repeat, not copied for each.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import { hash } from 'node:crypto';
import { Redactor, type RedactorOptions } from './redact.js';

/** Distinct failures remembered; the oldest is dropped past this. */
const CACHED = 2000;

type Redacted = Pick<Signal, 'message' | 'data'>;

/** Redacts a signal's message and data; `text` redacts any other text the same way. */
export type SignalRedaction = ((signal: Signal) => Signal) & { text(text: string): string };

/**
 * A function that redacts a signal's message and data. A fresh Redactor per signal
 * (placeholders keyed by `options.label` stay stable across signals), so a result
 * depends only on the signal's text and is safe to reuse for its repeats.
 */
export function signalRedaction(options: RedactorOptions): SignalRedaction {
  const cache = new Map<string, Redacted>();
  const redact = (signal: Signal): Signal => {
    const key = hash('sha256', `${signal.message}\0${JSON.stringify(signal.data)}`, 'base64');
    let redacted = cache.get(key);
    if (!redacted) {
      const redactor = new Redactor(options);
      const data = deepFreeze(redactor.value(signal.data));
      redacted = { message: redactor.text(signal.message), data };
      if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(key, redacted);
    }
    return { ...signal, message: redacted.message, data: redacted.data };
  };
  return Object.assign(redact, { text: (text: string) => new Redactor(options).text(text) });
}

/** Freeze a value and everything in it: what many signals share, none may change. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
