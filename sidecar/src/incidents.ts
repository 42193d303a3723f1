/**
 * Reading, dismissing and marking incidents as false alarms for the API, over the
 * journal and the incident lifecycle; what is kept quiet, and the outcome figures.
 */
import type {
  ActionProposal,
  Incident,
  IncidentOutcome,
  LearnedQuiet,
  OutcomeStats,
  Suppression,
} from '@ha-llm-ops/contracts';
import type { IncidentDetail, IncidentService } from './api/incidents.js';
import type { LearningService } from './api/learning.js';
import type { Decision } from './incident/lifecycle.js';
import type { IncidentLifecycle } from './incident/lifecycle.js';
import type { BundleStore } from './journal/bundles.js';
import type { IncidentFilter, IncidentRecord, Journal } from './journal/journal.js';
import { LlmCallJournal } from './journal/llm-calls.js';
import type { ProposalJournal, ProposalRecord } from './journal/proposals.js';
import type { Pipeline } from './pipeline.js';

/**
 * The public view of a stored incident (the contract, without correlation
 * internals). `haIssue` is the `domain:issue_id` of the Repairs issue it mirrors;
 * `outcome` how it ended.
 */
export function publicIncident(
  r: IncidentRecord,
  haIssue: string | null = null,
  outcome: IncidentOutcome | null = null,
): Incident {
  const at = haIssue?.indexOf(':') ?? -1;
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    status: r.status,
    severity: r.severity,
    category: r.category,
    integration: r.integration,
    entry_id: r.entry_id,
    subject: r.subject,
    title: r.title,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
    occurrences: r.occurrences,
    resolved_at: r.resolved_at,
    resolution: r.resolution,
    remedy: r.remedy,
    confidence: r.confidence,
    ha_issue:
      haIssue && at > 0 ? { domain: haIssue.slice(0, at), issue_id: haIssue.slice(at + 1) } : null,
    outcome,
  };
}

/** The public view of a stored proposal. */
export function publicProposal({ target: _t, ...p }: ProposalRecord): ActionProposal {
  return p;
}

const SIGNALS_SHOWN = 100;

export class Incidents implements IncidentService, LearningService {
  private readonly llmCalls: LlmCallJournal;

  constructor(
    private readonly journal: Journal,
    private readonly lifecycle: IncidentLifecycle,
    private readonly bundles: BundleStore,
    private readonly proposals: ProposalJournal,
    private readonly pipeline: Pipeline,
  ) {
    this.llmCalls = new LlmCallJournal(journal.db);
  }

  list(
    filter: IncidentFilter,
    limit: number,
    offset: number,
  ): { items: Incident[]; total: number } {
    const { items, total } = this.journal.listIncidents(filter, limit, offset);
    return { items: items.map((r) => this.public(r)), total };
  }

  detail(id: string): IncidentDetail | undefined {
    const rec = this.journal.getIncident(id);
    if (!rec) return undefined;
    return {
      incident: this.public(rec),
      signals: this.journal
        .signalsOf(id, SIGNALS_SHOWN)
        .map(({ incident_id: _i, fingerprint: _f, ...s }) => s),
      bundle: this.bundles.read(id),
      analysis: rec.analysis,
      proposals: this.proposals.ofIncident(id).map(publicProposal),
      llm_usage: this.llmUsage(id),
      not_proposed: this.pipeline.notProposed(rec),
    };
  }

  /** What the model calls of an incident took; null when the model was never asked. */
  private llmUsage(id: string): IncidentDetail['llm_usage'] {
    const usage = this.llmCalls.usageOf(id);
    return usage.calls === 0 ? null : usage;
  }

  async reanalyze(id: string): Promise<Incident | undefined> {
    const rec = this.journal.getIncident(id);
    return rec && this.public(this.pipeline.reanalyze(rec));
  }

  dismiss(id: string, opts: Decision & { ignoreSimilar: boolean }): Incident | undefined {
    const rec = this.lifecycle.dismiss(id, opts);
    return rec && this.public(rec);
  }

  markFalseAlarm(id: string, opts: Decision): Incident | undefined {
    const rec = this.lifecycle.markFalseAlarm(id, opts);
    return rec && this.public(rec);
  }

  suppressions(): Suppression[] {
    return this.journal.dismissals.list(new Date().toISOString());
  }

  undoSuppression(incidentId: string): boolean {
    return this.lifecycle.undoSuppression(incidentId);
  }

  outcomeStats(): OutcomeStats {
    return this.journal.outcomes.stats();
  }

  learnedQuiet(): LearnedQuiet[] {
    return this.lifecycle.quiet.list();
  }

  resetLearnedQuiet(id: string | null): boolean {
    if (id !== null) return this.lifecycle.quiet.reset(id);
    this.lifecycle.quiet.resetAll();
    return true;
  }

  private public(rec: IncidentRecord): Incident {
    return publicIncident(rec, this.journal.haIssueOf(rec.id), this.journal.outcomes.of(rec.id));
  }
}
