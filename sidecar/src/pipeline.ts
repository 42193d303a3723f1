/**
 * The pipeline after correlation: every incident change is analyzed (offline,
 * at once), planned and then reported, in that order, so the first event HA
 * sees already carries the category and remedy. Stages talk through the
 * contracts; this file only wires them.
 */
import type { RcaResult, Signal } from '@ha-llm-ops/contracts';
import type { LlmAnalyzer } from './analyze/llm/index.js';
import type { Correlator, IncidentChange } from './correlate/correlator.js';
import type { BundleStore } from './journal/bundles.js';
import type { Executor } from './execute/executor.js';
import type { IncidentRecord } from './journal/journal.js';
import type { Logger } from './log.js';
import type { Planner } from './plan/planner.js';
import type { Reporter } from './report/reporter.js';

/** An analyzer the pipeline runs on new and changed incidents. */
export interface IncidentAnalyzer {
  /** Analyze now (offline, fast); null when there is nothing to say. */
  analyze(incident: IncidentRecord): { rca: RcaResult; title: string | null } | null;
  /** Gather the slow evidence afterwards (diagnostics, updates) into the bundle. */
  enrich?(incident: IncidentRecord): Promise<unknown>;
}

export interface PipelineOptions {
  correlator: Correlator;
  reporter: Reporter;
  planner: Planner;
  executor: Executor;
  analyzer: IncidentAnalyzer | null;
  /** The optional LLM analyzer: runs after the offline one, on the enriched bundle. */
  llm?: { analyzer: LlmAnalyzer; bundles: BundleStore } | null;
  log: Logger;
}

export class Pipeline {
  constructor(private readonly opts: PipelineOptions) {
    opts.correlator.onChange((incident, change, signal) => this.handle(incident, change, signal));
  }

  private handle(incident: IncidentRecord, change: IncidentChange, signal: Signal | null): void {
    const { reporter, executor } = this.opts;
    if (change === 'resolved' || change === 'dismissed') {
      executor.incidentClosed(incident.id);
      reporter.incidentChanged(incident, change);
      return;
    }
    // New incidents, and new kinds of evidence on open ones, are (re)analyzed and planned.
    const fresh = change === 'opened' || (signal !== null && signal.condition === 'active');
    const analyzed = fresh ? this.analyze(incident) : incident;
    reporter.incidentChanged(analyzed, change);
    if (fresh) this.plan(analyzed);
    if (change === 'opened') this.enrich(analyzed);
    // New evidence re-runs the offline analysis; ask the model again so its answer is not lost.
    else if (fresh) this.analyzeWithLlm(analyzed, true);
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
    const { llm, correlator, reporter, log } = this.opts;
    if (!llm) return;
    const offline = incident.analysis?.analyzer === 'offline' ? incident.analysis : null;
    llm.analyzer
      .analyze(incident, llm.bundles.read(incident.id), offline, { refresh })
      .then((rca) => {
        if (!rca || rca.analyzer === 'offline') return;
        const recorded = correlator.recordAnalysis(incident.id, rca, null);
        if (!recorded || recorded.status === 'resolved' || recorded.status === 'dismissed') return;
        reporter.incidentChanged(recorded, 'updated');
        this.plan(recorded);
      })
      .catch((err: unknown) => log.error(`LLM analysis of ${incident.id} failed: ${String(err)}`));
  }

  private analyze(incident: IncidentRecord): IncidentRecord {
    const { analyzer, correlator, log } = this.opts;
    if (!analyzer) return incident;
    try {
      const found = analyzer.analyze(incident);
      if (!found) return incident;
      return correlator.recordAnalysis(incident.id, found.rca, found.title) ?? incident;
    } catch (err) {
      log.error(`analysis of ${incident.id} failed: ${String(err)}`);
      return incident;
    }
  }

  private plan(incident: IncidentRecord): void {
    this.opts.planner
      .plan(incident, incident.analysis, incident.analysis?.analyzer ?? 'offline')
      .catch((err: unknown) =>
        this.opts.log.error(`planning for ${incident.id} failed: ${String(err)}`),
      );
  }

  /** Analyze an incident again on request, plan, and announce the result. */
  reanalyze(incident: IncidentRecord): IncidentRecord {
    const analyzed = this.analyze(incident);
    this.opts.reporter.incidentChanged(analyzed, 'updated');
    this.plan(analyzed);
    this.analyzeWithLlm(analyzed, true);
    return analyzed;
  }
}
