/**
 * Reading, dismissing and marking incidents as false alarms for the API, over the
 * journal and the incident lifecycle; what is kept quiet, and the outcome figures.
 */
import type {
  ActionProposal,
  Explanation,
  Incident,
  IncidentDetail,
  IncidentOutcome,
  LearnedQuiet,
  OutcomeStats,
  Suppression,
  UpstreamReport,
} from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import type { IncidentService } from './api/incidents.js';
import type { LearningService } from './api/learning.js';
import type { Decision } from './incident/lifecycle.js';
import type { IncidentLifecycle } from './incident/lifecycle.js';
import type { BundleStore } from './journal/bundles.js';
import type { IncidentFilter, IncidentRecord, Journal } from './journal/journal.js';
import { LlmCallJournal } from './journal/llm-calls.js';
import type { ProposalJournal, ProposalRecord } from './journal/proposals.js';
import type { Pipeline } from './pipeline.js';
import { buildUpstreamReport, type ReportedIntegration } from './report/index.js';
import { attributeUpdate } from './shared/update-attribution.js';

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
/** Signals an upstream report quotes at most (the most recent distinct ones). */
const SIGNALS_REPORTED = 30;

/** What an upstream report needs of the live side. */
export interface UpstreamDeps {
  /** The connection to HA, when there is one (the manifest names the issue tracker). */
  conn: () => Connection | undefined;
  redact: (text: string) => string;
}

interface Manifest {
  name?: string;
  version?: string;
  is_built_in?: boolean;
  issue_tracker?: string;
}

export class Incidents implements IncidentService, LearningService {
  private readonly llmCalls: LlmCallJournal;

  constructor(
    private readonly journal: Journal,
    private readonly lifecycle: IncidentLifecycle,
    private readonly bundles: BundleStore,
    private readonly proposals: ProposalJournal,
    private readonly pipeline: Pipeline,
    private readonly upstream?: UpstreamDeps,
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

  explained(
    filter: IncidentFilter,
    limit: number,
    offset: number,
  ): { items: Incident[]; total: number; explanations: Record<string, Explanation> } {
    const { items, total } = this.journal.listIncidents(filter, limit, offset);
    const explanations: Record<string, Explanation> = {};
    for (const r of items) explanations[r.id] = this.explanation(r);
    return { items: items.map((r) => this.public(r)), total, explanations };
  }

  /** The analysis's words; before there is one, the newest thing observed, and no remedy. */
  private explanation(r: IncidentRecord): Explanation {
    if (r.analysis)
      return {
        root_cause: r.analysis.root_cause,
        remedy: r.analysis.remedy,
        manual_steps: r.analysis.manual_steps,
      };
    const newest = this.journal.signalsOf(r.id, 1)[0]?.message;
    return { root_cause: newest || r.title, remedy: null, manual_steps: [] };
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
      debug_captures: this.journal.captures.ofIncident(id),
      after_update: attributeUpdate(rec, this.journal.updates.near(rec.first_seen)),
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

  /** A bug report for the incident's integration's tracker; undefined for an unknown id. */
  async upstreamReport(id: string): Promise<UpstreamReport | null | undefined> {
    const rec = this.journal.getIncident(id);
    if (!rec) return undefined;
    if (!rec.integration || !this.upstream) return null;
    const bundle = this.bundles.read(id);
    const conn = this.upstream.conn();
    const integration: ReportedIntegration = {
      domain: rec.integration,
      name: null,
      version: bundle?.integration?.version ?? null,
      builtIn: bundle?.integration ? !bundle.integration.custom : null,
      issueTracker: null,
    };
    if (conn?.connected) {
      try {
        const m = await conn.sendMessagePromise<Manifest>({
          type: 'manifest/get',
          integration: rec.integration,
        });
        integration.name = m.name ?? null;
        integration.version = m.version ?? integration.version;
        integration.builtIn = m.is_built_in ?? integration.builtIn;
        integration.issueTracker = m.issue_tracker ?? null;
      } catch {
        // Not loaded, or HA is busy: the evidence's facts stand, without a tracker of its own.
      }
    }
    const signals = this.journal.signalsOf(id, SIGNALS_REPORTED);
    const distinct = [...new Map(signals.map((s) => [s.message, s])).values()];
    return buildUpstreamReport({
      incident: rec,
      analysis: rec.analysis,
      signals: distinct,
      captures: this.journal.captures.ofIncident(id),
      haVersion: (conn?.connected ? conn.haVersion : null) ?? bundle?.ha_version ?? null,
      integration,
      redact: this.upstream.redact,
    });
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
