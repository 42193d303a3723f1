/**
 * The pipeline after correlation: every incident change is analyzed (offline,
 * at once), planned and then reported, in that order, so the first event HA
 * sees already carries the category and remedy. More lines of an open incident
 * are read again a moment later, once for a whole burst; what is approved (by a
 * person, or by the policy in auto mode) is handed to the executor. Stages
 * talk through the contracts; this file only wires them.
 */
import type { NotProposed, Signal } from '@ha-llm-ops/contracts';
import { isClosed } from '@ha-llm-ops/contracts';
import { FLOOD_REPEATS, type LlmAnalyzer } from './analyze/index.js';
import type { Approval } from './approve/index.js';
import type { Executor } from './execute/index.js';
import type { IncidentLifecycle } from './incident/lifecycle.js';
import type { BundleStore } from './journal/bundles.js';
import type { IncidentRecord } from './journal/journal.js';
import type { ProposalRecord } from './journal/proposals.js';
import type { Logger } from './log.js';
import type { Planner } from './plan/index.js';
import type { Reporter } from './report/index.js';
import type { IncidentAnalyzer, IncidentChange } from './shared/interfaces.js';

export type { IncidentAnalyzer };

export interface PipelineOptions {
  lifecycle: IncidentLifecycle;
  reporter: Reporter;
  planner: Planner;
  approval: Approval;
  executor: Executor;
  analyzer: IncidentAnalyzer | null;
  /** The optional LLM analyzer: runs after the offline one, on the enriched bundle. */
  llm?: { analyzer: LlmAnalyzer; bundles: BundleStore } | null;
  /** An incident as it stands now (a deferred re-read reads it afresh). */
  current: (id: string) => IncidentRecord | undefined;
  log: Logger;
}

/**
 * How long the re-read of an open incident waits after another of its lines: a burst of new
 * lines (a hub going down logs dozens) is read once, not once per line.
 */
export const REREAD_AFTER_MS = 1000;

export class Pipeline {
  /** Incidents with a re-read due, by id. */
  private readonly rereads = new Map<string, NodeJS.Timeout>();

  constructor(private readonly opts: PipelineOptions) {
    opts.lifecycle.onChange((incident, change, signal, news) =>
      this.handle(incident, change, signal, news === true),
    );
  }

  private handle(
    incident: IncidentRecord,
    change: IncidentChange,
    signal: Signal | null,
    news: boolean,
  ): void {
    const { reporter, approval } = this.opts;
    if (change === 'resolved' || change === 'dismissed') {
      approval.incidentClosed(incident.id);
      reporter.incidentChanged(incident, change);
      return;
    }
    // New incidents, and new kinds of evidence on open ones, are (re)analyzed and planned.
    const fresh = change === 'opened' || (signal !== null && signal.condition === 'active');
    // Another line, or a line whose repeats just made a flood, re-reads an offline analysis
    // a moment later (never one a model made: that is asked again only for the kinds above).
    const before = incident.occurrences - (signal?.count ?? 0);
    const flooded = before < FLOOD_REPEATS && incident.occurrences >= FLOOD_REPEATS;
    const offline = (incident.analysis?.analyzer ?? 'offline') === 'offline';
    if (!fresh && (news || flooded) && offline) this.rereadLater(incident.id);
    const analyzed = fresh ? this.analyze(incident) : incident;
    reporter.incidentChanged(analyzed, change);
    if (fresh) this.plan(analyzed);
    if (change === 'opened') this.enrich(analyzed);
    // New evidence re-runs the offline analysis; ask the model again so its answer is not lost.
    else if (fresh) this.analyzeWithLlm(analyzed, true);
  }

  /** Read an open incident again after REREAD_AFTER_MS, once however many lines come meanwhile. */
  private rereadLater(id: string): void {
    if (this.rereads.has(id)) return;
    const timer = setTimeout(() => {
      this.rereads.delete(id);
      try {
        const incident = this.opts.current(id);
        if (!incident || isClosed(incident.status)) return;
        if ((incident.analysis?.analyzer ?? 'offline') !== 'offline') return;
        this.readAgain(incident);
      } catch (err) {
        this.opts.log.error(`reading ${id} again failed: ${String(err)}`);
      }
    }, REREAD_AFTER_MS);
    timer.unref();
    this.rereads.set(id, timer);
  }

  /** Drop the re-reads still due (the sidecar stops). */
  stop(): void {
    for (const timer of this.rereads.values()) clearTimeout(timer);
    this.rereads.clear();
  }

  private enrich(incident: IncidentRecord): void {
    (this.opts.analyzer?.enrich?.(incident) ?? Promise.resolve())
      .catch((err: unknown) =>
        this.opts.log.debug(`enriching ${incident.id} failed: ${String(err)}`),
      )
      .finally(() => this.analyzeWithLlm(incident, false));
  }

  /** Ask the LLM (when configured); its answer replaces the offline one, is announced and planned. */
  private analyzeWithLlm(incident: IncidentRecord, refresh: boolean): void {
    const { llm, lifecycle, reporter, log } = this.opts;
    if (!llm) return;
    const offline = incident.analysis?.analyzer === 'offline' ? incident.analysis : null;
    llm.analyzer
      .analyze(incident, llm.bundles.read(incident.id), offline, { refresh })
      .then((rca) => {
        if (!rca || rca.analyzer === 'offline') return;
        const recorded = lifecycle.recordAnalysis(incident.id, rca, null);
        if (!recorded || isClosed(recorded.status)) return;
        reporter.incidentChanged(recorded, 'updated');
        this.plan(recorded);
      })
      .catch((err: unknown) => log.error(`LLM analysis of ${incident.id} failed: ${String(err)}`));
  }

  private analyze(incident: IncidentRecord): IncidentRecord {
    const { analyzer, lifecycle, log } = this.opts;
    if (!analyzer) return incident;
    try {
      const found = analyzer.analyze(incident);
      if (!found) return incident;
      return lifecycle.recordAnalysis(incident.id, found.rca, found.title) ?? incident;
    } catch (err) {
      log.error(`analysis of ${incident.id} failed: ${String(err)}`);
      return incident;
    }
  }

  private plan(incident: IncidentRecord): void {
    this.propose(incident).catch((err: unknown) =>
      this.opts.log.error(`planning for ${incident.id} failed: ${String(err)}`),
    );
  }

  /**
   * Plan what the incident's analysis suggests; in auto mode, approval lets the
   * policy pick one to run, and the executor runs it. Returns what was proposed.
   */
  async propose(incident: IncidentRecord): Promise<ProposalRecord[]> {
    const { planner, approval, executor } = this.opts;
    const made = await planner.plan(
      incident,
      incident.analysis,
      incident.analysis?.analyzer ?? 'offline',
    );
    const approved = approval.auto(incident, made);
    if (approved) executor.start(approved);
    return made;
  }

  /** What the planner no longer proposes for the incident (it failed here repeatedly), and why. */
  notProposed(incident: IncidentRecord): NotProposed[] {
    return this.opts.planner.notProposed(incident, incident.analysis);
  }

  /** A person approves a proposal: it runs at once. Throws DecisionError when it may not. */
  approve(id: string, decidedBy: string | null): ProposalRecord {
    const approved = this.opts.approval.approve(id, decidedBy);
    this.opts.executor.start(approved);
    return approved.proposal;
  }

  /** Analyze an incident again on request, plan, and announce the result. */
  reanalyze(incident: IncidentRecord): IncidentRecord {
    const analyzed = this.readAgain(incident);
    this.analyzeWithLlm(analyzed, true);
    return analyzed;
  }

  /** Analyze an open incident again (offline), announce the result and plan it. */
  private readAgain(incident: IncidentRecord): IncidentRecord {
    const analyzed = this.analyze(incident);
    this.opts.reporter.incidentChanged(analyzed, 'updated');
    this.plan(analyzed);
    return analyzed;
  }
}
