/**
 * The correlator turns signals into incidents: one incident per broken thing,
 * however many signals say so.
 *
 * - A signal's fingerprint (integration + entry + message template) finds the
 *   open incident of the same failure; failing that, the open incident of the
 *   same group (integration + entry, or + subject) takes it, so a hub's retry,
 *   its log lines and its dead entities are one incident. Integration-wide
 *   signals (no entry, no subject) join only within the grouping window.
 * - State-based signals hold a condition (entry failing, entities unavailable,
 *   a Repairs issue); the incident resolves when its last condition clears.
 *   Log-only incidents resolve after a quiet period without repeats.
 * - A failure that recurs within the flap window after resolving reopens its
 *   incident instead of opening a new one.
 * - "Ignore similar" dismissals stick: their fingerprints are suppressed for good.
 */
import { randomUUID } from 'node:crypto';
import {
  SEVERITY_RANK,
  type RcaResult,
  type Signal,
  type SignalSource,
} from '@ha-llm-ops/contracts';
import type { SignalSink } from '../collect/collector.js';
import type { Thresholds } from '../config.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { Logger } from '../log.js';
import { classify } from './classify.js';
import { fingerprint, messageTemplate } from './fingerprint.js';

export type IncidentChange = 'opened' | 'updated' | 'resolved' | 'dismissed';

/** Told about every committed incident change, in order. */
export type IncidentListener = (
  incident: IncidentRecord,
  change: IncidentChange,
  signal: Signal | null,
) => void;

export interface CorrelatorOptions {
  thresholds: Thresholds;
  log: Logger;
  now?: () => Date;
  /** Signals not worth an incident (benign log lines); checked before anything else. */
  isNoise?: (signal: Signal) => boolean;
  /**
   * Redaction of what is stored: a signal's message and data, and titles made
   * from them. Fingerprints are taken before (templates already drop addresses).
   */
  redact?: (signal: Signal) => Signal;
}

/** The template a signal's fingerprint is made of. */
export function signalTemplate(s: Signal): string {
  if (s.condition === 'occurrence') return messageTemplate(s.message);
  const state = typeof s.data.state === 'string' ? s.data.state : '';
  return `${s.kind}:${state}:${s.key ?? ''}`;
}

/** The fingerprint of a signal. */
export function signalFingerprint(s: Signal): string {
  return fingerprint(s.integration, s.entry_id, signalTemplate(s));
}

/** Signals of one group belong to the same broken thing. */
export function groupKey(s: Signal, fp: string): string {
  if (!s.integration) return `|${s.subject ?? fp}`;
  return `${s.integration}|${s.entry_id ?? s.subject ?? ''}`;
}

export class Correlator implements SignalSink {
  private readonly listeners = new Set<IncidentListener>();
  /** Open incident by fingerprint: repeats of a known failure skip the lookup. Cleared when any incident closes. */
  private readonly openByFp = new Map<string, string>();
  private readonly now: () => Date;
  private quietTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly journal: Journal,
    private readonly opts: CorrelatorOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Listen to committed incident changes; returns the unsubscribe. */
  onChange(listener: IncidentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(changes: [IncidentRecord, IncidentChange, Signal | null][]): void {
    for (const [incident, change, signal] of changes) {
      for (const l of this.listeners) {
        try {
          l(incident, change, signal);
        } catch (err) {
          this.opts.log.error(
            `incident listener failed on ${change} ${incident.id}: ${String(err)}`,
          );
        }
      }
    }
  }

  /** Periodically resolve log-only incidents that went quiet. */
  start(): void {
    const every = Math.max(1000, Math.min((this.opts.thresholds.quietPeriodS * 1000) / 4, 30_000));
    this.quietTimer = setInterval(() => this.resolveQuiet(), every);
  }

  stop(): void {
    clearInterval(this.quietTimer);
  }

  emit(signal: Signal): void {
    if (this.opts.isNoise?.(signal)) return;
    const changes: [IncidentRecord, IncidentChange, Signal | null][] = [];
    this.journal.transaction(() => {
      if (signal.condition === 'cleared')
        this.clear(signal.source, signal.key, signal.message, changes);
      else this.attach(signal, changes);
    });
    this.notify(changes);
  }

  reconcile(source: SignalSource, keep: ReadonlySet<string>): void {
    const changes: [IncidentRecord, IncidentChange, Signal | null][] = [];
    this.journal.transaction(() => {
      for (const { key } of this.journal.activeConditionKeys(source)) {
        if (!keep.has(key))
          this.clear(source, key, `${source} ${key} no longer reports the problem`, changes);
      }
    });
    this.notify(changes);
  }

  private attach(signal: Signal, changes: [IncidentRecord, IncidentChange, Signal | null][]): void {
    const now = this.now().toISOString();
    const { thresholds } = this.opts;
    if (signal.condition === 'active' && signal.key !== null) {
      // The same condition reported again (a resync, a restart): nothing new.
      if (this.journal.activeConditionOwner(signal.source, signal.key)) return;
    }
    const fp = signalFingerprint(signal);
    if (this.journal.isDismissed(fp)) return;
    const stored = this.opts.redact ? this.opts.redact(signal) : signal;
    const group = groupKey(signal, fp);
    const since = this.groupSince(signal);
    let incident = this.openIncident(fp) ?? this.journal.openByGroup(group, since);
    let change: IncidentChange = 'updated';

    if (!incident) {
      const flapSince = new Date(
        this.now().getTime() - thresholds.flapWindowS * 1000,
      ).toISOString();
      const flapped = this.journal.recentlyResolved(fp, flapSince);
      if (flapped) {
        incident = {
          ...flapped,
          status: 'open',
          resolved_at: null,
          resolution: null,
          flaps: flapped.flaps + 1,
        };
        this.journal.updateIncident(
          incident.id,
          { status: 'open', resolved_at: null, resolution: null, flaps: incident.flaps },
          now,
        );
        this.opts.log.info(
          `incident ${incident.id} (${incident.title}) is back (flap ${incident.flaps})`,
        );
      } else {
        const { category, title } = classify(stored);
        incident = {
          id: `inc_${randomUUID().replaceAll('-', '')}`,
          fingerprint: fp,
          group_key: group,
          status: 'open',
          severity: signal.severity,
          category,
          integration: signal.integration,
          entry_id: signal.entry_id,
          subject: signal.subject,
          title,
          first_seen: signal.observed_at,
          last_seen: signal.observed_at,
          occurrences: 0,
          resolved_at: null,
          resolution: null,
          remedy: null,
          confidence: null,
          flaps: 0,
          analysis: null,
          analyzed_at: null,
          updated_at: now,
        };
        this.journal.createIncident(incident);
        this.opts.log.info(`incident ${incident.id} opened: ${incident.title}`);
      }
      change = 'opened';
    }

    const patch: Partial<IncidentRecord> = {
      occurrences: incident.occurrences + signal.count,
      last_seen: signal.observed_at > incident.last_seen ? signal.observed_at : incident.last_seen,
      // Later signals may pin down the entry or subject the first one lacked.
      entry_id: incident.entry_id ?? signal.entry_id,
      subject: incident.subject ?? signal.subject,
    };
    if (SEVERITY_RANK[signal.severity] > SEVERITY_RANK[incident.severity])
      patch.severity = signal.severity;
    this.journal.updateIncident(incident.id, patch, now);
    if (signal.condition === 'active' && signal.key !== null) {
      this.journal.setConditionActive(incident.id, signal.source, signal.key, signal.observed_at);
    }
    this.journal.addSignal(incident.id, fp, stored, thresholds.signalsPerIncident);
    this.openByFp.set(fp, incident.id);
    changes.push([{ ...incident, ...patch, updated_at: now }, change, stored]);
  }

  /**
   * How old an open incident of the signal's group may be and still take it. A group that
   * names an entry or a subject is one broken thing: its open incident takes the signal
   * whatever its age (null). An integration-wide group only joins within the grouping window,
   * measured from when the signal happened, so failures replayed at start-up (the system
   * log, stored traces) group as they did when they occurred.
   */
  private groupSince(signal: Signal): string | null {
    if (signal.integration && (signal.entry_id ?? signal.subject) !== null) return null;
    const at = Math.min(this.now().getTime(), Date.parse(signal.observed_at) || Infinity);
    return new Date(at - this.opts.thresholds.groupingWindowS * 1000).toISOString();
  }

  /** The open incident that saw this fingerprint, from the cache when it can. */
  private openIncident(fp: string): IncidentRecord | undefined {
    const cached = this.openByFp.get(fp);
    if (cached) {
      const incident = this.journal.getIncident(cached);
      if (incident && incident.status !== 'resolved' && incident.status !== 'dismissed')
        return incident;
      this.openByFp.delete(fp);
    }
    const found = this.journal.openByFingerprint(fp);
    if (found) this.openByFp.set(fp, found.id);
    return found;
  }

  private clear(
    source: SignalSource,
    key: string | null,
    why: string,
    changes: [IncidentRecord, IncidentChange, Signal | null][],
  ): void {
    if (key === null) return;
    const owner = this.journal.activeConditionOwner(source, key);
    if (!owner) return;
    const now = this.now().toISOString();
    this.journal.clearCondition(owner, source, key, now);
    if (this.journal.countActiveConditions(owner) > 0) return;
    const resolved = this.resolve(owner, why, now);
    if (resolved) changes.push([resolved, 'resolved', null]);
  }

  private resolve(id: string, resolution: string, now: string): IncidentRecord | undefined {
    const incident = this.journal.getIncident(id);
    if (!incident || incident.status === 'resolved' || incident.status === 'dismissed')
      return undefined;
    this.journal.updateIncident(id, { status: 'resolved', resolved_at: now, resolution }, now);
    this.opts.log.info(`incident ${id} resolved: ${resolution}`);
    return { ...incident, status: 'resolved', resolved_at: now, resolution, updated_at: now };
  }

  /** Resolve open incidents without active conditions that saw no signal for the quiet period. */
  resolveQuiet(): void {
    const { quietPeriodS } = this.opts.thresholds;
    const before = new Date(this.now().getTime() - quietPeriodS * 1000).toISOString();
    const changes: [IncidentRecord, IncidentChange, Signal | null][] = [];
    const now = this.now().toISOString();
    this.journal.transaction(() => {
      for (const incident of this.journal.quietIncidents(before)) {
        const minutes = Math.round(quietPeriodS / 60);
        const why =
          minutes >= 1 ? `no repeats for ${minutes} min` : `no repeats for ${quietPeriodS} s`;
        const resolved = this.resolve(incident.id, why, now);
        if (resolved) changes.push([resolved, 'resolved', null]);
      }
    });
    this.notify(changes);
  }

  /** Set the workflow status of an open incident (awaiting_approval, remediating, open). */
  setStatus(id: string, status: 'open' | 'awaiting_approval' | 'remediating'): void {
    const incident = this.journal.getIncident(id);
    if (
      !incident ||
      incident.status === status ||
      incident.status === 'resolved' ||
      incident.status === 'dismissed'
    ) {
      return;
    }
    const now = this.now().toISOString();
    this.journal.updateIncident(id, { status }, now);
    this.notify([[{ ...incident, status, updated_at: now }, 'updated', null]]);
  }

  /** Resolve an incident a verified action fixed; its conditions are gone with it. */
  resolveFixed(id: string, resolution: string): void {
    const now = this.now().toISOString();
    let resolved: IncidentRecord | undefined;
    this.journal.transaction(() => {
      this.journal.clearAllConditions(id, now);
      resolved = this.resolve(id, resolution, now);
    });
    if (resolved) this.notify([[resolved, 'resolved', null]]);
  }

  /** Record an analysis on the incident (category, remedy, confidence, title); the pipeline reports it. */
  recordAnalysis(id: string, rca: RcaResult, title: string | null): IncidentRecord | undefined {
    const incident = this.journal.getIncident(id);
    if (!incident) return undefined;
    const now = this.now().toISOString();
    const patch: Partial<IncidentRecord> = {
      analysis: rca,
      analyzed_at: now,
      category: rca.category,
      remedy: rca.remedy,
      confidence: rca.confidence,
      ...(title ? { title } : {}),
    };
    this.journal.updateIncident(id, patch, now);
    return { ...incident, ...patch, updated_at: now };
  }

  /**
   * Dismiss an incident. With `ignoreSimilar`, every fingerprint it holds is
   * suppressed from now on, across restarts and re-creations.
   */
  dismiss(
    id: string,
    opts: { ignoreSimilar: boolean; reason: string | null },
  ): IncidentRecord | undefined {
    const now = this.now().toISOString();
    let dismissed: IncidentRecord | undefined;
    this.journal.transaction(() => {
      const incident = this.journal.getIncident(id);
      if (!incident) return;
      const resolution = opts.ignoreSimilar
        ? 'dismissed; similar failures are ignored'
        : 'dismissed';
      this.journal.clearAllConditions(id, now);
      if (opts.ignoreSimilar) {
        const fps = new Set([incident.fingerprint, ...this.journal.signalFingerprints(id)]);
        this.journal.addDismissals([...fps], id, now, opts.reason);
      }
      if (incident.status !== 'dismissed') {
        this.journal.updateIncident(id, { status: 'dismissed', resolved_at: now, resolution }, now);
      }
      dismissed = {
        ...incident,
        status: 'dismissed',
        resolved_at: now,
        resolution,
        updated_at: now,
      };
    });
    if (dismissed) this.notify([[dismissed, 'dismissed', null]]);
    return dismissed;
  }
}
