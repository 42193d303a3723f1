/**
 * The interfaces stages meet at, in one place: a stage implements or calls
 * these, never another stage's classes, so data flows one way and the
 * composition root (sidecar.ts, pipeline.ts) decides who talks to whom.
 */
import type { ActionProposal, RcaResult, Signal, SignalSource } from '@ha-llm-ops/contracts';
import type { IncidentRecord } from '../journal/journal.js';

/** Where collectors deliver signals (the correlator). */
export interface SignalSink {
  emit(signal: Signal): void;
  /**
   * After a full resync of `source`: every active condition of that source whose
   * key is not in `keep` has cleared (e.g. an entry deleted while we were away).
   */
  reconcile(source: SignalSource, keep: ReadonlySet<string>): void;
}

/** Small persistent state of a collector (what it has already seen). */
export interface CursorStore {
  getCursor<T>(name: string): T | undefined;
  setCursor(name: string, value: unknown): void;
}

/** What happened to an incident. */
export type IncidentChange = 'opened' | 'updated' | 'resolved' | 'dismissed';

/** Told about every committed incident change, in order. */
export type IncidentListener = (
  incident: IncidentRecord,
  change: IncidentChange,
  signal: Signal | null,
  /** The signal is a kind of evidence the incident had not seen (another line, not a repeat). */
  news?: boolean,
) => void;

/** An analyzer the pipeline runs on new and changed incidents. */
export interface IncidentAnalyzer {
  /** Analyze now (offline, fast); null when there is nothing to say. */
  analyze(incident: IncidentRecord): { rca: RcaResult; title: string | null } | null;
  /** Gather the slow evidence afterwards (diagnostics, updates) into the bundle. */
  enrich?(incident: IncidentRecord): Promise<unknown>;
}

/** Where a proposal's every change is told (the reporter: an `llm_ops_action` event). */
export interface ActionAnnouncer {
  actionChanged(proposal: ActionProposal, backupId: string | null): void;
}
