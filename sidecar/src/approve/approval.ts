/**
 * Approval: the decision between a proposal and its execution. A person
 * approves or rejects; in auto mode the policy approves what it marks `auto`,
 * within cooldowns, the hourly budget and outside quiet hours, and never what
 * only a model proposed. Proposals that can no longer be decided expire. What
 * is approved is handed on to the executor by the composition root: this stage
 * runs nothing itself.
 */
import type { ProposalStatus } from '@ha-llm-ops/contracts';
import { isClosed } from '@ha-llm-ops/contracts';
import type { ActionContext } from '../actions/action.js';
import type { IncidentLifecycle } from '../incident/lifecycle.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { ProposalJournal, ProposalRecord } from '../journal/proposals.js';
import type { Logger } from '../log.js';
import type { PolicyKeeper } from '../policy/policy-keeper.js';
import type { ActionAnnouncer } from '../shared/interfaces.js';
import { guard } from './guard.js';

/** A decision the API must refuse; `status` is the HTTP status to answer with. */
export class DecisionError extends Error {
  constructor(
    readonly status: 404 | 409 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** An approved proposal, with what its execution needs. */
export interface Approved {
  proposal: ProposalRecord;
  incident: IncidentRecord;
  ctx: ActionContext;
}

export interface ApprovalOptions {
  journal: Journal;
  proposals: ProposalJournal;
  lifecycle: IncidentLifecycle;
  policy: PolicyKeeper;
  announce: ActionAnnouncer;
  /** The live HA side, or null while disconnected. */
  context: (incident: IncidentRecord) => ActionContext | null;
  log: Logger;
  now?: () => Date;
  /** Home Assistant's time zone (`get_config` → `time_zone`), null before it is known. */
  timeZone?: () => string | null;
}

const WHY_NOT: Partial<Record<ProposalStatus, string>> = {
  approved: 'was already approved',
  executing: 'is already running',
  succeeded: 'already ran and succeeded',
  failed: 'already ran and failed',
  rolled_back: 'already ran and was rolled back',
  interrupted: 'was interrupted; propose it again to retry',
  rejected: 'was rejected',
  expired: 'has expired',
};

export class Approval {
  private readonly now: () => Date;

  constructor(private readonly opts: ApprovalOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  private proposal(id: string): ProposalRecord {
    const p = this.opts.proposals.proposal(id);
    if (!p) throw new DecisionError(404, `no proposal ${id}`);
    return p;
  }

  /** Expire a proposal that can no longer be decided; true when it was still pending. */
  private expire(p: ProposalRecord): boolean {
    if (!this.opts.proposals.transition(p.id, ['proposed'], 'expired')) return false;
    this.opts.announce.actionChanged({ ...p, status: 'expired' }, null);
    return true;
  }

  /** Approve a pending proposal; throws DecisionError with a clear reason. */
  approve(id: string, decidedBy: string | null, automatic = false): Approved {
    const p = this.proposal(id);
    if (p.status !== 'proposed')
      throw new DecisionError(409, `proposal ${id} ${WHY_NOT[p.status] ?? `is ${p.status}`}`);
    const now = this.now();
    if (p.expires_at && p.expires_at < now.toISOString()) {
      this.expire(p);
      throw new DecisionError(409, `proposal ${id} has expired`);
    }
    const incident = this.opts.journal.getIncident(p.incident_id);
    if (!incident || isClosed(incident.status)) {
      this.expire(p);
      throw new DecisionError(
        409,
        `proposal ${id} has expired: its incident is ${incident?.status ?? 'gone'}`,
      );
    }
    const { policy, mode, error } = this.opts.policy.current();
    if (mode === 'observe') {
      throw new DecisionError(
        409,
        error
          ? `observe-only mode (the policy is invalid: ${error})`
          : 'observe mode: nothing runs',
      );
    }
    const verdict = guard(this.opts.proposals, {
      policy,
      actionId: p.action_id,
      target: p.target,
      incident,
      automatic,
      proposedBy: p.proposed_by,
      now,
      timeZone: this.opts.timeZone?.() ?? null,
    });
    if (!verdict.ok) throw new DecisionError(409, verdict.reason);
    const ctx = this.opts.context(incident);
    if (!ctx)
      throw new DecisionError(503, 'Home Assistant is not connected; approve again once it is');
    const at = now.toISOString();
    if (!this.opts.proposals.transition(id, ['proposed'], 'approved', { at, by: decidedBy })) {
      throw new DecisionError(409, `proposal ${id} was decided meanwhile`);
    }
    const approved = { ...p, status: 'approved' as const, decided_at: at, decided_by: decidedBy };
    this.opts.announce.actionChanged(approved, null);
    this.opts.log.info(`proposal ${id} (${p.action_id}) approved by ${decidedBy ?? 'someone'}`);
    return { proposal: approved, incident, ctx };
  }

  /** Reject a pending proposal. */
  reject(id: string, decidedBy: string | null, reason: string | null): ProposalRecord {
    const p = this.proposal(id);
    const at = this.now().toISOString();
    if (!this.opts.proposals.transition(id, ['proposed'], 'rejected', { at, by: decidedBy })) {
      throw new DecisionError(409, `proposal ${id} ${WHY_NOT[p.status] ?? `is ${p.status}`}`);
    }
    const rejected = { ...p, status: 'rejected' as const, decided_at: at, decided_by: decidedBy };
    this.opts.announce.actionChanged(rejected, null);
    this.opts.log.info(`proposal ${id} rejected${reason ? `: ${reason}` : ''}`);
    this.opts.lifecycle.followProposals(p.incident_id);
    return rejected;
  }

  /**
   * In auto mode: approve the first proposal the policy lets run automatically
   * now; null when none may (each reason is logged).
   */
  auto(incident: IncidentRecord, proposals: readonly ProposalRecord[]): Approved | null {
    const { policy, mode } = this.opts.policy.current();
    if (mode !== 'auto') return null;
    // A person said this failure is no problem here: nothing runs for it without a person.
    const now = this.now().toISOString();
    if (this.opts.journal.dismissals.kindOf(incident.fingerprint, now) === 'false_alarm') {
      if (proposals.length)
        this.opts.log.info(`not acting on ${incident.id} automatically: marked a false alarm`);
      return null;
    }
    for (const p of proposals) {
      const verdict = guard(this.opts.proposals, {
        policy,
        actionId: p.action_id,
        target: p.target,
        incident,
        automatic: true,
        proposedBy: p.proposed_by,
        now: this.now(),
        timeZone: this.opts.timeZone?.() ?? null,
      });
      if (!verdict.ok) {
        this.opts.log.info(`not running ${p.action_id} automatically: ${verdict.reason}`);
        continue;
      }
      try {
        return this.approve(p.id, 'policy (auto)', true);
      } catch (err) {
        if (!(err instanceof DecisionError)) throw err;
        this.opts.log.info(`not running ${p.action_id} automatically: ${err.message}`);
      }
    }
    return null;
  }

  /** Expire proposals past their time. */
  expireStale(): void {
    for (const p of this.opts.proposals.expired(this.now().toISOString()))
      if (this.expire(p)) this.opts.lifecycle.followProposals(p.incident_id);
  }

  /** An incident closed: its pending proposals are moot. */
  incidentClosed(incidentId: string): void {
    for (const p of this.opts.proposals.ofIncident(incidentId))
      if (p.status === 'proposed') this.expire(p);
  }
}
