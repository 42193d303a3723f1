/**
 * The incident's life, in one owner: the only code that writes an incident's
 * status (opened, reopened, awaiting approval, remediating, resolved, dismissed)
 * and the only one that announces its changes. Stages ask it; none writes an
 * incident row or tells listeners itself.
 *
 * Changes made inside `batch` are committed in one journal transaction and
 * announced after the commit, in order, so a listener never sees a change that
 * was rolled back.
 */
import { isClosed, type RcaResult, type Signal } from '@ha-llm-ops/contracts';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { ProposalJournal } from '../journal/proposals.js';
import type { Logger } from '../log.js';
import type { IncidentChange, IncidentListener } from '../shared/interfaces.js';

type Change = [IncidentRecord, IncidentChange, Signal | null, boolean?];

/** The workflow an open incident is in, which its proposals decide. */
export type Workflow = 'open' | 'awaiting_approval' | 'remediating';

export interface LifecycleOptions {
  log: Logger;
  now?: () => Date;
}

export class IncidentLifecycle {
  private readonly listeners = new Set<IncidentListener>();
  private pending: Change[] | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly journal: Journal,
    private readonly proposals: ProposalJournal,
    private readonly opts: LifecycleOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Listen to committed incident changes; returns the unsubscribe. */
  onChange(listener: IncidentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Run `fn` in one transaction; its changes are announced once it commits. */
  batch<T>(fn: () => T): T {
    if (this.pending) return fn();
    const changes: Change[] = [];
    this.pending = changes;
    let result: T;
    try {
      result = this.journal.transaction(fn);
    } finally {
      this.pending = undefined;
    }
    this.notify(changes);
    return result;
  }

  private announce(change: Change): void {
    if (this.pending) this.pending.push(change);
    else this.notify([change]);
  }

  private notify(changes: Change[]): void {
    for (const [incident, change, signal, news] of changes) {
      for (const l of this.listeners) {
        try {
          l(incident, change, signal, news ?? false);
        } catch (err) {
          this.opts.log.error(
            `incident listener failed on ${change} ${incident.id}: ${String(err)}`,
          );
        }
      }
    }
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** A new incident, announced as opened with the signal that opened it once `observed` records it. */
  open(incident: IncidentRecord): void {
    this.journal.createIncident({ ...incident, status: 'open' });
    this.opts.log.info(`incident ${incident.id} opened: ${incident.title}`);
  }

  /** A failure back within the flap window: its resolved incident opens again. */
  reopen(incident: IncidentRecord): IncidentRecord {
    const flaps = incident.flaps + 1;
    const patch = { status: 'open' as const, resolved_at: null, resolution: null, flaps };
    this.journal.updateIncident(incident.id, patch, this.stamp());
    this.opts.log.info(`incident ${incident.id} (${incident.title}) is back (flap ${flaps})`);
    return { ...incident, ...patch };
  }

  /**
   * A signal joined the incident: record what it changed (counts, last seen,
   * severity, the entry or subject it pins down) and announce it; `news` when it
   * is a kind of evidence the incident had not seen.
   */
  observed(
    incident: IncidentRecord,
    patch: Partial<
      Pick<IncidentRecord, 'occurrences' | 'last_seen' | 'entry_id' | 'subject' | 'severity'>
    >,
    change: 'opened' | 'updated',
    signal: Signal,
    news = false,
  ): void {
    const now = this.stamp();
    this.journal.updateIncident(incident.id, patch, now);
    this.announce([{ ...incident, ...patch, updated_at: now }, change, signal, news]);
  }

  /** Resolve an open incident; false when it was already closed. */
  resolve(id: string, resolution: string): boolean {
    const incident = this.journal.getIncident(id);
    if (!incident || isClosed(incident.status)) return false;
    const now = this.stamp();
    this.journal.updateIncident(id, { status: 'resolved', resolved_at: now, resolution }, now);
    this.opts.log.info(`incident ${id} resolved: ${resolution}`);
    this.announce([
      { ...incident, status: 'resolved', resolved_at: now, resolution, updated_at: now },
      'resolved',
      null,
    ]);
    return true;
  }

  /** Resolve an incident a verified action fixed; its conditions are gone with it. */
  resolveFixed(id: string, resolution: string): void {
    this.batch(() => {
      this.journal.clearAllConditions(id, this.stamp());
      this.resolve(id, resolution);
    });
  }

  /**
   * Dismiss an incident. With `ignoreSimilar`, every fingerprint it holds is
   * suppressed from now on, across restarts and re-creations.
   */
  dismiss(
    id: string,
    opts: { ignoreSimilar: boolean; reason: string | null },
  ): IncidentRecord | undefined {
    return this.batch(() => {
      const incident = this.journal.getIncident(id);
      if (!incident) return undefined;
      const now = this.stamp();
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
      const dismissed: IncidentRecord = {
        ...incident,
        status: 'dismissed',
        resolved_at: now,
        resolution,
        updated_at: now,
      };
      this.announce([dismissed, 'dismissed', null]);
      return dismissed;
    });
  }

  /**
   * The incident's workflow follows its proposals: remediating while one is
   * approved or running, awaiting approval while one waits, open otherwise.
   */
  followProposals(id: string): void {
    const proposals = this.proposals.ofIncident(id);
    const status: Workflow = proposals.some(
      (p) => p.status === 'approved' || p.status === 'executing',
    )
      ? 'remediating'
      : proposals.some((p) => p.status === 'proposed')
        ? 'awaiting_approval'
        : 'open';
    const incident = this.journal.getIncident(id);
    if (!incident || incident.status === status || isClosed(incident.status)) return;
    const now = this.stamp();
    this.journal.updateIncident(id, { status }, now);
    this.announce([{ ...incident, status, updated_at: now }, 'updated', null]);
  }

  /**
   * Record an analysis (category, remedy, confidence, title). Not announced
   * here: the pipeline announces it with the change it is handling.
   */
  recordAnalysis(id: string, rca: RcaResult, title: string | null): IncidentRecord | undefined {
    const incident = this.journal.getIncident(id);
    if (!incident) return undefined;
    const now = this.stamp();
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
}
