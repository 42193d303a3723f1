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
import {
  type ActionId,
  isClosed,
  type OutcomeKind,
  type RcaResult,
  type Signal,
} from '@ha-llm-ops/contracts';
import { allowListed } from '../actions/index.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { ProposalJournal } from '../journal/proposals.js';
import type { Logger } from '../log.js';
import type { IncidentChange, IncidentListener } from '../shared/interfaces.js';
import { QuietSchedules } from './learned-quiet.js';

type Change = [IncidentRecord, IncidentChange, Signal | null, boolean?];

/** How long a false alarm keeps the same failure quiet. */
export const FALSE_ALARM_QUIET_DAYS = 90;

/** How an incident closes without a person: the failure cleared, or went quiet. */
export type SelfOutcome = Extract<OutcomeKind, 'resolved_itself' | 'expired'>;

/** A person's decision to close an incident. */
export interface Decision {
  reason: string | null;
  /** Who decided, when known (the HA user, or the ingress user). */
  decidedBy?: string | null;
}

/** The workflow an open incident is in, which its proposals decide. */
export type Workflow = 'open' | 'awaiting_approval' | 'remediating';

export interface LifecycleOptions {
  log: Logger;
  now?: () => Date;
  /** Home Assistant's time zone (IANA), in which self-recoveries are learned (learned quiet). */
  zone?: () => string | null;
}

export class IncidentLifecycle {
  private readonly listeners = new Set<IncidentListener>();
  private pending: Change[] | undefined;
  private readonly now: () => Date;
  /** Outages that end by themselves on a schedule, learned from the incidents that resolve. */
  readonly quiet: QuietSchedules;

  constructor(
    private readonly journal: Journal,
    private readonly proposals: ProposalJournal,
    private readonly opts: LifecycleOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.quiet = new QuietSchedules(journal, { timeZone: opts.zone, now: this.now });
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
    this.journal.outcomes.forget(incident.id);
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
    // A log line's count is written behind, with its signal row and cursor (journal.ts).
    this.journal.observeIncident(incident.id, patch, now, signal.condition === 'occurrence');
    this.announce([{ ...incident, ...patch, updated_at: now }, change, signal, news]);
  }

  /**
   * Resolve an open incident; false when it was already closed, or while an approved
   * action runs (its verification decides). A failure that clears after a step the user
   * completes (a re-authentication an action started) was fixed by the user, not by itself.
   */
  resolve(id: string, resolution: string, outcome: SelfOutcome): boolean {
    const incident = this.journal.getIncident(id);
    if (!incident || isClosed(incident.status)) return false;
    if (this.remediating(id)) {
      // The running action's own work clears the failure (a reload loads the entry): its
      // verification decides whether it fixed the incident, and the executor closes it.
      this.opts.log.info(`incident ${id}: ${resolution} while an action runs; it decides`);
      return false;
    }
    const handedOver = outcome === 'resolved_itself' ? this.handedOverTo(id) : undefined;
    this.close(incident, 'resolved', resolution, {
      outcome: handedOver ? 'fixed_by_user' : outcome,
      actionId: handedOver ?? null,
      decidedBy: null,
    });
    return true;
  }

  /** Resolve an incident a verified action fixed; its conditions are gone with it. */
  resolveFixed(id: string, actionId: ActionId): void {
    this.batch(() => {
      const incident = this.journal.getIncident(id);
      if (!incident || isClosed(incident.status)) return;
      this.journal.clearAllConditions(id, this.stamp());
      this.close(incident, 'resolved', `fixed by ${actionId}; verified`, {
        outcome: 'fixed_by_action',
        actionId,
        decidedBy: null,
      });
    });
  }

  /**
   * Dismiss an incident. With `ignoreSimilar`, every fingerprint it holds is
   * suppressed from now on, across restarts and re-creations.
   */
  dismiss(id: string, opts: Decision & { ignoreSimilar: boolean }): IncidentRecord | undefined {
    return this.decide(
      id,
      opts.ignoreSimilar ? 'dismissed; similar failures are ignored' : 'dismissed',
      'ignored',
      opts,
      opts.ignoreSimilar ? null : undefined,
    );
  }

  /**
   * A person says the incident is no problem: it closes as a false alarm, and the
   * same failure (every fingerprint it holds) opens lowered to info (below the
   * Repairs threshold) for FALSE_ALARM_QUIET_DAYS. Closed incidents
   * may be marked too (it resolved, but was never a problem).
   */
  markFalseAlarm(id: string, opts: Decision): IncidentRecord | undefined {
    const until = new Date(this.now().getTime() + FALSE_ALARM_QUIET_DAYS * 86_400_000);
    return this.decide(
      id,
      'a false alarm; the same failure is kept quiet',
      'false_alarm',
      opts,
      until.toISOString(),
    );
  }

  /**
   * Undo what was decided on an incident (ignoring similar failures, or a false
   * alarm): the same failure is reported as usual again. A withdrawn false alarm
   * no longer counts as one; the incident stays closed as dismissed. Returns
   * false when nothing was kept quiet for it.
   */
  undoSuppression(incidentId: string): boolean {
    return this.batch(() => {
      const kind = this.journal.dismissals.undo(incidentId);
      if (kind === 'false_alarm') this.journal.outcomes.change(incidentId, 'ignored');
      if (kind) this.opts.log.info(`incident ${incidentId}: similar failures are reported again`);
      return kind !== undefined;
    });
  }

  /**
   * A person's decision closes the incident as dismissed with `outcome`. `quietUntil`:
   * keep its fingerprints quiet (null: for good; undefined: not at all).
   */
  private decide(
    id: string,
    resolution: string,
    outcome: Extract<OutcomeKind, 'ignored' | 'false_alarm'>,
    opts: Decision,
    quietUntil: string | null | undefined,
  ): IncidentRecord | undefined {
    return this.batch(() => {
      const incident = this.journal.getIncident(id);
      if (!incident) return undefined;
      const now = this.stamp();
      this.journal.clearAllConditions(id, now);
      if (quietUntil !== undefined) {
        const fps = new Set([incident.fingerprint, ...this.journal.signalFingerprints(id)]);
        this.journal.dismissals.add([...fps], id, {
          kind: outcome,
          at: now,
          expiresAt: quietUntil,
          reason: opts.reason,
          title: incident.title,
          integration: incident.integration,
        });
      }
      return this.close(incident, 'dismissed', resolution, {
        outcome,
        actionId: null,
        decidedBy: opts.decidedBy ?? null,
      });
    });
  }

  /**
   * Close an incident: its status, its outcome (with the signature and integration it
   * is learned by), and the announcement.
   */
  private close(
    incident: IncidentRecord,
    status: 'resolved' | 'dismissed',
    resolution: string,
    outcome: { outcome: OutcomeKind; actionId: ActionId | null; decidedBy: string | null },
  ): IncidentRecord {
    const now = this.stamp();
    const closed: IncidentRecord = {
      ...incident,
      status,
      resolved_at: now,
      resolution,
      updated_at: now,
    };
    this.batch(() => {
      this.journal.updateIncident(incident.id, { status, resolved_at: now, resolution }, now);
      this.journal.outcomes.record({
        incident_id: incident.id,
        outcome: outcome.outcome,
        closed_at: now,
        fingerprint: incident.fingerprint,
        signature: incident.analysis?.signature ?? null,
        integration: incident.integration,
        category: incident.category,
        action_id: outcome.actionId,
        decided_by: outcome.decidedBy,
      });
      // Its outages ended by themselves: what learned quiet learns from.
      if (outcome.outcome === 'resolved_itself') this.quiet.recordIncident(incident);
      this.opts.log.info(`incident ${incident.id} ${status} (${outcome.outcome}): ${resolution}`);
      this.announce([closed, status, null]);
    });
    return closed;
  }

  /** Whether an approved action is about to run or running for the incident. */
  private remediating(id: string): boolean {
    return this.proposals
      .ofIncident(id)
      .some((p) => p.status === 'approved' || p.status === 'executing');
  }

  /** The latest action that succeeded on the incident and left a step to the user, if any. */
  private handedOverTo(id: string): ActionId | undefined {
    return this.proposals
      .ofIncident(id)
      .find((p) => p.status === 'succeeded' && allowListed(p.action_id)?.fixes === 'by_user')
      ?.action_id;
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
