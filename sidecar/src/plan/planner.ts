/**
 * The planner turns an analysis' candidate actions into concrete proposals:
 * only allow-listed actions, parameters resolved and checked against live HA
 * state (they must belong to the incident), the policy consulted, a dry-run
 * preview attached. Whether a proposal runs is decided by approval, the next
 * stage; observe mode proposes nothing.
 */
import type {
  ActionParams,
  ActionPreview,
  CandidateAction,
  NotProposed,
  RcaResult,
  TrackRecord,
} from '@ha-llm-ops/contracts';
import { randomUUID } from 'node:crypto';
import { isClosed } from '@ha-llm-ops/contracts';
import { type ActionContext, ActionRejected } from '../actions/action.js';
import { allowListed } from '../actions/index.js';
import { powerCycleCandidate } from '../actions/power-cycle.js';
import { message, translate } from '../i18n/index.js';
import type { IncidentLifecycle } from '../incident/lifecycle.js';
import type { IncidentRecord } from '../journal/journal.js';
import type { ProposalJournal, ProposalRecord } from '../journal/proposals.js';
import type { Logger } from '../log.js';
import { policyAllows } from '../policy/policy.js';
import type { PolicyKeeper } from '../policy/policy-keeper.js';
import type { ActionAnnouncer } from '../shared/interfaces.js';
import { givenUp, trackRecord } from './track-record.js';

/** The proposal cannot be made: `status` is how the API answers (400 bad params, 409 refused, 503 no HA). */
export class ProposalRefused extends Error {
  constructor(
    readonly status: 400 | 409 | 503,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface PlannerOptions {
  proposals: ProposalJournal;
  policy: PolicyKeeper;
  lifecycle: IncidentLifecycle;
  announce: ActionAnnouncer;
  context: (incident: IncidentRecord) => ActionContext | null;
  log: Logger;
  /** How long a proposal waits for a decision. */
  proposalTtlS: number;
  now?: () => Date;
  /** The language of labels, track records and reasons (Home Assistant's, see ../i18n); English when not given. */
  language?: () => string;
}

export class Planner {
  private readonly now: () => Date;

  constructor(private readonly opts: PlannerOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  private language(): string {
    return this.opts.language?.() ?? 'en';
  }

  /** The candidates worth proposing for an incident, best first, each with who proposes it. */
  private candidates(
    incident: IncidentRecord,
    rca: RcaResult | null,
    by: ProposalRecord['proposed_by'],
    ctx: ActionContext | null,
  ): { candidate: CandidateAction; by: ProposalRecord['proposed_by'] }[] {
    const list = (rca?.candidate_actions ?? []).map((candidate) => ({ candidate, by }));
    // An entry stuck in setup retry can always be reloaded once its cause is gone.
    const entry = incident.entry_id ? ctx?.inventory.entry(incident.entry_id) : undefined;
    // A candidate only counts when it reloads this very entry (an analysis cannot talk the safety net away).
    const reloadsIt = (c: CandidateAction) =>
      c.action_id === 'reload_config_entry' &&
      (c.params.entry_id ?? incident.entry_id) === entry?.entry_id;
    const named = list.find((c) => reloadsIt(c.candidate));
    // The entry's state implies the reload, whoever else names it: the offline planner
    // proposes it (so a model naming it first cannot keep it from running under `auto`).
    if (entry?.state === 'setup_retry' && named) named.by = 'offline';
    else if (entry?.state === 'setup_retry') {
      list.push({
        candidate: {
          action_id: 'reload_config_entry',
          params: { entry_id: entry.entry_id },
          rationale: message(this.language(), 'plan.setup_retry_reload', { entry: entry.title }),
          risk: 'low',
        },
        by: 'offline',
      });
    }
    // A device the policy maps to a plug can be restarted by a power cycle (never otherwise);
    // the mapping implies it, so it vouches for a model's proposal of the same.
    const cycle = ctx ? powerCycleCandidate(ctx) : null;
    if (cycle) list.push({ candidate: cycle, by: 'offline' });
    // The journal teaches: actions that worked in this home for this integration come first.
    const record = (c: CandidateAction) => {
      const tries = this.opts.proposals.triesOf(c.action_id, incident.integration);
      const verified = tries.filter((t) => t === 'succeeded').length;
      return tries.length === 0 ? 0.5 : verified / tries.length;
    };
    return list
      .map((c, i) => ({ c, i, score: record(c.candidate) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((x) => x.c);
  }

  /** How an action went for the incident's integration here; null when it names none. */
  private trackRecordOf(incident: IncidentRecord, actionId: string): TrackRecord | null {
    const def = allowListed(actionId);
    if (!def || incident.integration === null) return null;
    return trackRecord(
      this.opts.proposals.triesOf(def.id, incident.integration),
      incident.integration,
      def,
      this.language(),
    );
  }

  /** Why the planner leaves an action out for an incident (it failed here repeatedly), or null. */
  private notProposedAs(incident: IncidentRecord, actionId: string): NotProposed | null {
    const def = allowListed(actionId);
    const record = this.trackRecordOf(incident, actionId);
    const reason = def && record ? givenUp(record, def.label, this.language()) : null;
    return def && record && reason
      ? {
          action_id: def.id,
          label: translate(this.language(), def.label),
          track_record: record,
          reason,
        }
      : null;
  }

  /**
   * The actions the analysis suggests (or the incident's state implies) that are no longer
   * proposed because they failed for the integration here the last GIVE_UP_AFTER times:
   * what the incident shows as "not proposed", and why. None for a closed incident or in
   * observe mode (nothing is proposed then anyway).
   */
  notProposed(incident: IncidentRecord, rca: RcaResult | null): NotProposed[] {
    if (this.opts.policy.current().mode === 'observe' || isClosed(incident.status)) return [];
    const ids = new Set(
      this.candidates(incident, rca, 'offline', this.opts.context(incident)).map(
        (c) => c.candidate.action_id,
      ),
    );
    return [...ids].flatMap((id) => this.notProposedAs(incident, id) ?? []);
  }

  /**
   * Propose what the analysis suggests (and what the incident's state implies).
   * Candidates that do not belong to the incident, that the policy forbids or that
   * failed for the integration here repeatedly are dropped with a log line; nothing
   * outside the allow-list is ever proposed.
   */
  async plan(
    incident: IncidentRecord,
    rca: RcaResult | null,
    by: ProposalRecord['proposed_by'],
  ): Promise<ProposalRecord[]> {
    const { mode } = this.opts.policy.current();
    // A closed incident needs nothing done (reanalysing it only explains it again).
    if (mode === 'observe' || isClosed(incident.status)) return [];
    const ctx = this.opts.context(incident);
    if (!ctx) return [];
    const made: ProposalRecord[] = [];
    for (const { candidate, by: proposer } of this.candidates(incident, rca, by, ctx)) {
      const left = this.notProposedAs(incident, candidate.action_id);
      if (left) {
        this.opts.log.info(
          `not proposing ${candidate.action_id} for ${incident.id}: ${left.reason}`,
        );
        continue;
      }
      try {
        made.push(await this.create(incident, candidate, proposer, ctx));
      } catch (err) {
        this.opts.log.info(
          `not proposing ${candidate.action_id} for ${incident.id}: ${(err as Error).message}`,
        );
      }
    }
    if (made.length) this.opts.lifecycle.followProposals(incident.id);
    return made;
  }

  /** A proposal a client submits through the API. */
  async propose(
    incident: IncidentRecord,
    request: { action_id: string; params: ActionParams; rationale: string },
  ): Promise<ProposalRecord> {
    const { mode } = this.opts.policy.current();
    if (mode === 'observe') throw new ProposalRefused(409, 'observe mode: nothing is proposed');
    const ctx = this.opts.context(incident);
    if (!ctx)
      throw new ProposalRefused(503, 'Home Assistant is not connected; propose again once it is');
    const def = allowListed(request.action_id);
    if (!def)
      throw new ProposalRefused(400, `${request.action_id} is not on the allow-list`, 'action_id');
    const proposal = await this.create(
      incident,
      {
        action_id: def.id,
        params: request.params,
        rationale: request.rationale || 'proposed by a user',
        risk: def.risk,
      },
      'user',
      ctx,
    );
    this.opts.lifecycle.followProposals(incident.id);
    return proposal;
  }

  private async create(
    incident: IncidentRecord,
    candidate: CandidateAction,
    by: ProposalRecord['proposed_by'],
    ctx: ActionContext,
  ): Promise<ProposalRecord> {
    const def = allowListed(candidate.action_id);
    if (!def)
      throw new ProposalRefused(
        400,
        `${candidate.action_id} is not on the allow-list`,
        'action_id',
      );
    let params: ActionParams;
    try {
      params = await def.resolve(ctx, candidate.params);
    } catch (err) {
      if (err instanceof ActionRejected) throw new ProposalRefused(400, err.message, 'params');
      throw err;
    }
    const allowed = policyAllows(this.opts.policy.current().policy, def.id, incident);
    if (!allowed.ok) throw new ProposalRefused(409, allowed.reason);
    const target = def.target(params);
    const existing = this.opts.proposals.openFor(incident.id, target);
    if (existing) {
      // The knowledge base proposing what a model proposed vouches for it.
      const modelOnly = existing.proposed_by === 'llm' || existing.proposed_by === 'ai_task';
      return by === 'offline' && modelOnly ? this.opts.proposals.vouch(existing.id) : existing;
    }
    const preview = def.preview(ctx, params);
    const now = this.now();
    const record: ProposalRecord = {
      id: `prp_${randomUUID().replaceAll('-', '')}`,
      incident_id: incident.id,
      action_id: def.id,
      params,
      target,
      status: 'proposed',
      risk: def.risk,
      rationale: candidate.rationale,
      preview: {
        ...preview,
        label: translate(this.language(), def.label),
        backup: preview.backup ? translate(this.language(), preview.backup.description) : null,
        track_record: this.trackRecordOf(incident, def.id),
      } satisfies ActionPreview,
      proposed_by: by,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.opts.proposalTtlS * 1000).toISOString(),
      decided_at: null,
      decided_by: null,
    };
    this.opts.proposals.addProposal(record);
    this.opts.announce.actionChanged(record, null);
    this.opts.log.info(`proposed ${def.id} for ${incident.id}: ${preview.summary}`);
    return record;
  }
}
