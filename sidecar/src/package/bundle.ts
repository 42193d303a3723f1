/**
 * The context packager: an incident's evidence bundle, redacted, within a token
 * budget. Distinct log lines with counts (tracebacks collapsed to the frames
 * that matter), the config entry's state and reason, affected entities, whether
 * the integration is custom and its version, the HA version, recent changes and
 * the failing automation's configuration. The lines that name the failure are
 * kept first; everything else fills the budget by weight.
 */
import type { DebugCapture, EvidenceBundle, EvidenceLogLine } from '@ha-llm-ops/contracts';
import { messageTemplate } from '../shared/fingerprint.js';
import type { HaConfigEntry } from '../ha/config-entries.js';
import type { IncidentRecord, SignalRecord } from '../journal/journal.js';
import { Redactor, type RedactorOptions } from './redact.js';

/** Everything the packager draws on for one incident (gathered by the caller, no I/O here). */
export interface BundleSources {
  incident: IncidentRecord;
  /** Newest first, as the journal returns them. */
  signals: SignalRecord[];
  entry: HaConfigEntry | undefined;
  integration: { domain: string; custom: boolean; version: string | null } | null;
  haVersion: string | null;
  /** Changes around the incident (restarts, reloads, updates waiting), newest first. */
  recentChanges: { at: string | null; what: string }[];
  /** The integration's diagnostics download, when it offers one (redacted again here). */
  diagnostics?: Record<string, unknown> | null;
  /** Debug lines captured for the incident (capture_debug_log), oldest capture first. */
  captures?: readonly DebugCapture[];
}

/** A rough, conservative token estimate (about four characters per token). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const FRAME = /^\s*File "([^"]+)", line (\d+), in (.+)$/;
const MAX_LINE_CHARS = 600;

/**
 * Collapse a traceback to what explains it: the integration's own frames (and
 * custom_components frames), the last frame, and the exception line(s).
 */
export function collapseTraceback(traceback: string, integration: string | null): string[] {
  const lines = traceback.split('\n').filter((l) => l.trim() !== '');
  const frames: { at: number; text: string }[] = [];
  lines.forEach((l, i) => {
    if (FRAME.test(l)) frames.push({ at: i, text: `${l.trim()} | ${(lines[i + 1] ?? '').trim()}` });
  });
  const lastFrameAt = frames.at(-1)?.at ?? -1;
  // After the last frame (and its source line) come the exception and its chained causes.
  const exception = lines.slice(lastFrameAt + 2).filter((l) => !l.startsWith('Traceback'));
  const own = (t: string) =>
    t.includes('custom_components/') ||
    (integration !== null && t.includes(`/components/${integration}/`));
  const kept = frames.filter((f, i) => own(f.text) || i === frames.length - 1).map((f) => f.text);
  const dropped = frames.length - kept.length;
  return [
    ...(dropped > 0 ? [`… ${dropped} framework frames omitted`] : []),
    ...kept,
    ...exception.slice(-3),
  ];
}

/** A captured record's timestamp and level, and its logger (`… DEBUG [logger] message`). */
const CAPTURED_STAMP = /^\S+ \S+ /;
const CAPTURED_LOGGER = /\[([^\]\s]+)\]/;

/** Devices listed of one outage; a bridge with hundreds lists the first ones. */
const MAX_OUTAGE_DEVICES = 200;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 3) / 2);
  return `${text.slice(0, half)} … ${text.slice(-half)}`;
}

interface Draft extends EvidenceLogLine {
  /** 2: the line that opened the incident; 1: other errors; 0: the rest. Essential lines are shortened, not dropped. */
  weight: 0 | 1 | 2;
}

function levelOf(s: SignalRecord): string {
  const level = s.data.level;
  return typeof level === 'string' ? level.toUpperCase() : s.severity.toUpperCase();
}

/** The outage an entities signal names (entities collector, outage.ts), if any. */
function outageOf(data: Record<string, unknown>): EvidenceBundle['outage'] {
  const strings = (x: unknown) =>
    Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : [];
  if (typeof data.root !== 'string') return null;
  return {
    root: data.root,
    devices: strings(data.devices),
    integrations: strings(data.integrations),
  };
}

/** Distinct lines of the incident's signals, with counts, newest occurrences merged. */
function distinctLines(sources: BundleSources): Draft[] {
  const byTemplate = new Map<string, Draft>();
  const founding = [...sources.signals].at(-1);
  for (const s of [...sources.signals].reverse()) {
    const logger = typeof s.data.logger === 'string' ? s.data.logger : null;
    const exception = typeof s.data.exception === 'string' ? s.data.exception : null;
    const key = `${logger ?? s.source}|${messageTemplate(s.message)}`;
    const seen = byTemplate.get(key);
    if (seen) {
      seen.count += s.count;
      seen.last_seen = s.observed_at;
      continue;
    }
    byTemplate.set(key, {
      text: s.message,
      level: levelOf(s),
      logger,
      count: s.count,
      first_seen: s.observed_at,
      last_seen: s.observed_at,
      traceback: exception ? collapseTraceback(exception, sources.incident.integration) : null,
      weight: s === founding ? 2 : s.severity === 'error' || s.severity === 'critical' ? 1 : 0,
    });
    // An add-on's log tail is evidence of its own.
    const tail = typeof s.data.log_tail === 'string' ? s.data.log_tail : null;
    if (tail) {
      for (const line of tail.split('\n').filter(Boolean).slice(-20)) {
        byTemplate.set(`tail|${line}`, {
          text: line,
          level: /error|fatal|exited|fail/i.test(line) ? 'ERROR' : 'INFO',
          logger: `addon:${String(s.data.slug)}`,
          count: 1,
          first_seen: null,
          last_seen: null,
          traceback: null,
          weight: 0,
        });
      }
    }
  }
  // Captured debug lines: evidence of their own, each kept once however often it repeats.
  for (const c of sources.captures ?? []) {
    for (const record of c.lines) {
      const [head = '', ...rest] = record.split('\n');
      const key = `debug|${messageTemplate(head.replace(CAPTURED_STAMP, ''))}`;
      const seen = byTemplate.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      byTemplate.set(key, {
        text: head,
        level: 'DEBUG',
        logger: CAPTURED_LOGGER.exec(head)?.[1] ?? null,
        count: 1,
        first_seen: null,
        last_seen: null,
        traceback: rest.length ? rest : null,
        weight: 0,
      });
    }
  }
  return [...byTemplate.values()];
}

export interface BundleOptions {
  budgetTokens: number;
  redact?: RedactorOptions;
  now?: Date;
}

/** Build the redacted bundle of an incident; never over the budget. */
export function buildBundle(sources: BundleSources, opts: BundleOptions): EvidenceBundle {
  const redactor = new Redactor(opts.redact);
  const { incident, entry } = sources;
  const entities = new Map<
    string,
    { entity_id: string; state: string; last_changed: string | null }
  >();
  let configuration: Record<string, unknown> | null = null;
  let outage: EvidenceBundle['outage'] = null;
  for (const s of sources.signals) {
    if (s.kind === 'entities_unavailable' && s.condition === 'active') {
      // Newest first: the outage as last reported.
      outage ??= outageOf(s.data);
      const since = typeof s.data.unavailable_since === 'string' ? s.data.unavailable_since : null;
      for (const id of (s.data.entity_ids as string[] | undefined) ?? []) {
        if (!entities.has(id))
          entities.set(id, { entity_id: id, state: 'unavailable', last_changed: since });
      }
    }
    if (
      !configuration &&
      s.kind === 'automation_error' &&
      s.data.config &&
      typeof s.data.config === 'object'
    ) {
      configuration = redactor.value(s.data.config as Record<string, unknown>);
    }
  }

  const lines = distinctLines(sources).map((l) => ({
    ...l,
    text: clip(redactor.text(l.text), MAX_LINE_CHARS),
    traceback: l.traceback?.map((t) => clip(redactor.text(t), MAX_LINE_CHARS)) ?? null,
  }));

  const bundle: EvidenceBundle = {
    incident_id: incident.id,
    created_at: (opts.now ?? new Date()).toISOString(),
    token_budget: opts.budgetTokens,
    token_estimate: 0,
    log_lines: [],
    config_entry: entry
      ? {
          entry_id: entry.entry_id,
          domain: entry.domain,
          title: redactor.text(entry.title),
          state: entry.state,
          reason: entry.reason ? redactor.text(entry.reason) : null,
        }
      : null,
    entities: [...entities.values()].slice(0, 50),
    integration: sources.integration,
    ha_version: sources.haVersion,
    recent_changes: sources.recentChanges
      .slice(0, 10)
      .map((c) => ({ at: c.at, what: redactor.text(c.what) })),
    configuration,
    outage: outage && {
      root: redactor.text(outage.root),
      devices: outage.devices.slice(0, MAX_OUTAGE_DEVICES).map((d) => redactor.text(d)),
      integrations: outage.integrations,
    },
    redactions: {},
    truncated: 0,
  };

  if (sources.diagnostics) {
    bundle.configuration = {
      ...(bundle.configuration ?? {}),
      diagnostics: redactor.value(sources.diagnostics),
    };
  }

  // Fit the budget: the fixed part first, then essential lines, then the rest by count.
  const cost = (x: unknown) => estimateTokens(JSON.stringify(x));
  let used = cost({ ...bundle, log_lines: [] });
  if (used > opts.budgetTokens / 2 && bundle.configuration?.diagnostics) {
    // Diagnostics may fill half the budget at most; the log lines come first.
    bundle.configuration = {
      ...bundle.configuration,
      diagnostics: 'omitted to stay within the token budget',
    };
    used = cost({ ...bundle, log_lines: [] });
  }
  if (used > opts.budgetTokens && bundle.configuration) {
    bundle.configuration = { note: 'configuration omitted to stay within the token budget' };
    used = cost({ ...bundle, log_lines: [] });
  }
  const ordered = [...lines].sort((a, b) => b.weight - a.weight || b.count - a.count);
  for (const { weight, ...line } of ordered) {
    const essential = weight > 0;
    let candidate: EvidenceLogLine = line;
    let c = cost(candidate);
    if (used + c > opts.budgetTokens && candidate.traceback) {
      // Keep the line, shed its frames (the exception line stays).
      candidate = { ...candidate, traceback: candidate.traceback.slice(-1) };
      c = cost(candidate);
    }
    if (used + c > opts.budgetTokens && essential) {
      // A line that names the failure is shortened, never dropped.
      const room = Math.max(40, (opts.budgetTokens - used - cost({ ...candidate, text: '' })) * 4);
      candidate = { ...candidate, text: clip(candidate.text, room), traceback: null };
      c = cost(candidate);
    }
    if (used + c > opts.budgetTokens) {
      bundle.truncated++;
      continue;
    }
    bundle.log_lines.push(candidate);
    used += c;
  }
  bundle.redactions = { ...redactor.counts };
  bundle.token_estimate = cost(bundle);
  return bundle;
}
