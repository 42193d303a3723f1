/**
 * Which integration a library belongs to, for logs read without a running Home
 * Assistant to ask: the loggers and requirements that exactly one of HA's own
 * integrations declares in its manifest (library-loggers.json, generated from
 * the installed `homeassistant` package by scripts/python/library_loggers.py).
 */
import data from './library-loggers.json' with { type: 'json' };

/** Library logger (or top-level module) → the one core integration that declares it. */
export const LIBRARY_LOGGERS: ReadonlyMap<string, string> = new Map(Object.entries(data.loggers));

/** The integration of a library logger or module path (`pyatv.protocols.mrp` → apple_tv), or null. */
export function libraryIntegration(name: string | null): string | null {
  for (let n = name ?? ''; n; n = n.slice(0, Math.max(n.lastIndexOf('.'), 0))) {
    const domain = LIBRARY_LOGGERS.get(n);
    if (domain) return domain;
  }
  return null;
}
