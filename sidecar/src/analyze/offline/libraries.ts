/**
 * Which integration a library belongs to, for logs read without a running Home
 * Assistant to ask: the loggers and requirements that exactly one of HA's own
 * integrations declares in its manifest (library-loggers.json, generated from
 * the installed `homeassistant` package by scripts/python/library_loggers.py).
 */
import data from './library-loggers.json' with { type: 'json' };

/** Library logger (or top-level module) → the one core integration that declares it. */
export const LIBRARY_LOGGERS: ReadonlyMap<string, string> = new Map(Object.entries(data.loggers));

/** Every domain some library maps to: the integrations a library name can spell. */
const DOMAINS: ReadonlySet<string> = new Set(LIBRARY_LOGGERS.values());
/** Library naming conventions around a domain (`pyunifiprotect`, `aiohue`, `python_kasa`, `solaxpy`). */
const AROUND_DOMAIN = /^(?:py|aio|python_|async)?(.+?)(?:py|_api|_client|_async)?$/;

/**
 * The integration of a library logger or module path (`pyatv.protocols.mrp` →
 * apple_tv), or null. A library no manifest declares any more (HA renamed
 * `pyunifiprotect` to `uiprotect`) still names its integration by convention.
 */
export function libraryIntegration(name: string | null): string | null {
  for (let n = name ?? ''; n; n = n.slice(0, Math.max(n.lastIndexOf('.'), 0))) {
    const domain = LIBRARY_LOGGERS.get(n);
    if (domain) return domain;
  }
  const top = (name ?? '').split('.')[0]?.toLowerCase() ?? '';
  const core = AROUND_DOMAIN.exec(top)?.[1];
  return core && core !== top && DOMAINS.has(core) ? core : null;
}
