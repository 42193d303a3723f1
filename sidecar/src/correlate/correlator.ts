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
 *   False alarms keep the same fingerprints quiet for a while: they open at info.
 * - Learned quiet: an outage of a subject that goes away by itself on a schedule
 *   (incident/learned-quiet.ts), starting inside its learned window, is held back
 *   instead of opening an incident. When it clears it is recorded as one more
 *   self-recovery; if it lasts longer than a schedule does, it opens an incident after all.
 * - During maintenance nothing opens: what would have is held back (maintenance.ts)
 *   and comes back through here when the window ends, if it still fails.
 */
import { randomUUID } from 'node:crypto';
import { isClosed, SEVERITY_RANK, type Signal, type SignalSource } from '@ha-llm-ops/contracts';
import type { Thresholds } from '../config.js';
import type { IncidentLifecycle } from '../incident/lifecycle.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { Logger } from '../log.js';
import { fingerprint, messageTemplate } from '../shared/fingerprint.js';
import type { SignalSink } from '../shared/interfaces.js';
import { QUIET_MAX_OUTAGE_H } from '../shared/quiet-pattern.js';
import { holdRecent } from '../shared/recent.js';
import { classify } from './classify.js';
import type { Maintenance } from './maintenance.js';

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
  /** While it is on, failures that would open an incident are held back instead. */
  maintenance?: Maintenance;
  /** The language of new incidents' titles (Home Assistant's, see ../i18n); English when not given. */
  language?: () => string;
  /** How many fingerprints' open incidents are remembered (MAX_CACHED_FINGERPRINTS by default). */
  maxCachedFingerprints?: number;
}

/** Fingerprints whose open incident is remembered; the least recently seen are looked up again. */
export const MAX_CACHED_FINGERPRINTS = 5_000;

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
  /** Open incident by fingerprint: repeats of a known failure skip the lookup. */
  private readonly openByFp = new Map<string, string>();
  private readonly now: () => Date;
  private quietTimer: NodeJS.Timeout | undefined;
  /** Outages held back as learned quiet, by condition (`source|key`), with when they began. */
  private readonly held = new Map<string, { signal: Signal; since: string }>();

  constructor(
    private readonly journal: Journal,
    private readonly lifecycle: IncidentLifecycle,
    private readonly opts: CorrelatorOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    // What still fails when maintenance ends comes back through here, and opens.
    if (opts.maintenance) opts.maintenance.replay = (signal) => this.emit(signal);
  }

  /** Periodically resolve log-only incidents that went quiet; end maintenance on time. */
  start(): void {
    this.opts.maintenance?.resume();
    const every = Math.max(1000, Math.min((this.opts.thresholds.quietPeriodS * 1000) / 4, 30_000));
    this.quietTimer = setInterval(() => {
      this.resolveQuiet();
      this.releaseOverdue();
    }, every);
  }

  stop(): void {
    clearInterval(this.quietTimer);
    this.opts.maintenance?.stop();
  }

  emit(signal: Signal): void {
    if (this.opts.isNoise?.(signal)) return;
    this.lifecycle.batch(() => {
      if (signal.condition === 'cleared') this.clear(signal.source, signal.key, signal.message);
      else this.attach(signal);
    });
  }

  reconcile(source: SignalSource, keep: ReadonlySet<string>): void {
    this.lifecycle.batch(() => {
      this.opts.maintenance?.reconcile(source, keep);
      for (const { key } of this.journal.activeConditionKeys(source)) {
        if (!keep.has(key))
          this.clear(source, key, `${source} ${key} no longer reports the problem`);
      }
      for (const { signal } of [...this.held.values()])
        if (signal.source === source && signal.key !== null && !keep.has(signal.key))
          this.clear(source, signal.key, `${source} ${signal.key} no longer reports the problem`);
    });
  }

  /** Attach a signal to its incident; `hold`: unless it is learned quiet. */
  private attach(signal: Signal, hold = true): void {
    const { thresholds } = this.opts;
    if (signal.condition === 'active' && signal.key !== null) {
      // The same condition reported again (a resync, a restart): nothing new.
      if (this.journal.activeConditionOwner(signal.source, signal.key)) return;
      if (hold && this.holdQuiet(signal, signal.key)) return;
    }
    const fp = signalFingerprint(signal);
    const quiet = this.journal.dismissals.kindOf(fp, this.now().toISOString());
    if (quiet === 'ignored') return;
    // A false alarm at this home: the same failure is still recorded, lowered to info
    // (below the Repairs threshold unless it is info), so it stays visible and counted.
    if (quiet === 'false_alarm') signal = { ...signal, severity: 'info' };
    const stored = this.opts.redact ? this.opts.redact(signal) : signal;
    const group = groupKey(signal, fp);
    const since = this.groupSince(signal);
    const sameFailure = this.openIncident(fp);
    let incident = sameFailure ?? this.journal.openByGroup(group, since);
    let change: 'opened' | 'updated' = 'updated';

    if (!incident && this.opts.maintenance?.active()) {
      this.opts.maintenance.hold(fp, stored, classify(stored, this.opts.language?.()).title);
      return;
    }
    if (!incident) {
      const flapSince = new Date(
        this.now().getTime() - thresholds.flapWindowS * 1000,
      ).toISOString();
      const flapped = this.journal.recentlyResolved(fp, flapSince);
      if (flapped) {
        incident = this.lifecycle.reopen(flapped);
      } else {
        const { category, title } = classify(stored, this.opts.language?.());
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
          updated_at: this.now().toISOString(),
        };
        this.lifecycle.open(incident);
      }
      change = 'opened';
    }

    const patch: Parameters<IncidentLifecycle['observed']>[1] = {
      occurrences: incident.occurrences + signal.count,
      last_seen: signal.observed_at > incident.last_seen ? signal.observed_at : incident.last_seen,
      // Later signals may pin down the entry or subject the first one lacked.
      entry_id: incident.entry_id ?? signal.entry_id,
      subject: incident.subject ?? signal.subject,
    };
    if (SEVERITY_RANK[signal.severity] > SEVERITY_RANK[incident.severity])
      patch.severity = signal.severity;
    if (signal.condition === 'active' && signal.key !== null) {
      this.journal.setConditionActive(incident.id, signal.source, signal.key, signal.observed_at);
    }
    this.journal.addSignal(incident.id, fp, stored, thresholds.signalsPerIncident);
    this.remember(fp, incident.id);
    // Another line of the same broken thing is news to its analysis; a repeat is not.
    this.lifecycle.observed(incident, patch, change, stored, sameFailure === undefined);
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

  /** How many fingerprints' open incidents are remembered (bounded). */
  get cachedFingerprints(): number {
    return this.openByFp.size;
  }

  /** Remember a fingerprint's open incident, most recent last; the oldest go beyond the bound. */
  private remember(fp: string, incidentId: string): void {
    const max = this.opts.maxCachedFingerprints ?? MAX_CACHED_FINGERPRINTS;
    holdRecent(this.openByFp, fp, incidentId, max);
  }

  /** The open incident that saw this fingerprint, from the cache when it can. */
  private openIncident(fp: string): IncidentRecord | undefined {
    const cached = this.openByFp.get(fp);
    if (cached) {
      const incident = this.journal.getIncident(cached);
      if (incident && !isClosed(incident.status)) return incident;
      this.openByFp.delete(fp);
    }
    const found = this.journal.openByFingerprint(fp);
    if (found) this.remember(fp, found.id);
    return found;
  }

  /**
   * Hold back an outage that starts inside its subject's learned quiet window (or is held
   * already: the same outage, its members changed); true when held.
   */
  private holdQuiet(signal: Signal, key: string): boolean {
    const id = `${signal.source}|${key}`;
    const held = this.held.get(id);
    if (held) {
      this.held.set(id, { signal, since: held.since });
      return true;
    }
    if (!this.lifecycle.quiet.covers(signal.source, key, new Date(signal.observed_at)))
      return false;
    this.held.set(id, { signal, since: signal.observed_at });
    this.opts.log.info(
      `${this.shown(signal)}: at its learned quiet time (it went away by itself before); no incident unless it lasts`,
    );
    return true;
  }

  /** Held outages that outlast any schedule open their incident after all. */
  releaseOverdue(): void {
    const before = this.now().getTime() - QUIET_MAX_OUTAGE_H * 3_600_000;
    this.lifecycle.batch(() => {
      for (const [id, { signal, since }] of [...this.held]) {
        if (Date.parse(since) > before) continue;
        this.held.delete(id);
        this.opts.log.info(`${this.shown(signal)}: longer than its learned quiet time`);
        // Stamped when it began: the outage it records is too long to teach a schedule.
        this.attach({ ...signal, observed_at: since }, false);
      }
    });
  }

  /** A signal's message as it may be logged (redacted). */
  private shown(signal: Signal): string {
    return (this.opts.redact ? this.opts.redact(signal) : signal).message;
  }

  private clear(source: SignalSource, key: string | null, why: string): void {
    if (key === null) return;
    this.opts.maintenance?.clear(source, key);
    const held = this.held.get(`${source}|${key}`);
    if (held) {
      this.held.delete(`${source}|${key}`);
      const stored = this.opts.redact ? this.opts.redact(held.signal) : held.signal;
      this.lifecycle.quiet.recordQuiet({
        source,
        key,
        title: classify(stored, this.opts.language?.()).title,
        integration: held.signal.integration,
        startedAt: held.since,
        endedAt: this.now().toISOString(),
      });
      this.opts.log.info(`${stored.message}: recovered by itself, as learned`);
      return;
    }
    const owner = this.journal.activeConditionOwner(source, key);
    if (!owner) return;
    this.journal.clearCondition(owner, source, key, this.now().toISOString());
    if (this.journal.countActiveConditions(owner) > 0) return;
    this.lifecycle.resolve(owner, why, 'resolved_itself');
  }

  /** Resolve open incidents without active conditions that saw no signal for the quiet period. */
  resolveQuiet(): void {
    const { quietPeriodS } = this.opts.thresholds;
    const before = new Date(this.now().getTime() - quietPeriodS * 1000).toISOString();
    const minutes = Math.round(quietPeriodS / 60);
    const why = minutes >= 1 ? `no repeats for ${minutes} min` : `no repeats for ${quietPeriodS} s`;
    this.lifecycle.batch(() => {
      // All its conditions cleared meanwhile (with an action running, say): it resolved
      // itself; a failure seen only in the log just stopped repeating.
      for (const incident of this.journal.quietIncidents(before))
        this.lifecycle.resolve(
          incident.id,
          why,
          this.journal.hadConditions(incident.id) ? 'resolved_itself' : 'expired',
        );
    });
  }
}
