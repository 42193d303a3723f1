/**
 * What the component harness page offers the tests (as `window.harness`): fixtures, a fake
 * `hass` whose `callWS` answers like the llm_ops integration, and mounting helpers.
 */
import type {
  ActionEvent,
  ActionExecution,
  ActionProposal,
  EvidenceBundle,
  ExecutionResult,
  Incident,
  IncidentEvent,
  NotProposed,
  OutcomeStats,
  RcaResult,
  StoredSignal,
  LearnedQuiet,
  Suppression,
} from '@ha-llm-ops/contracts';

export interface Fixtures {
  incidentOpen: Incident;
  incidentResolved: Incident;
  incidentEvent: IncidentEvent;
  proposal: ActionProposal;
  actionEvent: ActionEvent;
  execution: ActionExecution;
  resultRolledBack: ExecutionResult;
  resultSucceeded: ExecutionResult;
  bundle: EvidenceBundle;
  analysis: RcaResult;
  signals: StoredSignal[];
}

/** An error as HA's WebSocket API sends it. */
export interface WsError {
  code: string | number;
  message: string;
  translation_key?: string;
}

export interface FakeHassOptions {
  admin?: boolean;
  dark?: boolean;
  /** The incidents `llm_ops/incidents` filters and pages. */
  incidents?: Incident[];
  proposals?: ActionProposal[];
  /** What `llm_ops/incident` says is no longer proposed, and why. */
  notProposed?: NotProposed[];
  /** The status, or `unknown_command` for an integration without `llm_ops/status`. */
  status?: Record<string, unknown> | 'unknown_command';
  /** `llm_ops/proposal`: 'unknown_command', or the result to report once approved. */
  proposalDetail?: 'unknown_command' | 'succeeded' | 'rolled_back';
  /** Commands that fail, by type. */
  fail?: Record<string, WsError>;
  /** Commands that never answer (loading states), by type. */
  hang?: string[];
  /** `llm_ops/subscribe` fails (no push). */
  noSubscribe?: boolean;
  /** What `llm_ops/suppressions` lists at first (marking and undoing change it). */
  suppressions?: Suppression[];
  /** What `llm_ops/learned_quiet` lists at first (resets change it). */
  learnedQuiet?: LearnedQuiet[];
  /** What `llm_ops/outcomes` answers. */
  outcomes?: OutcomeStats;
  /** Home Assistant's configured time zone (`hass.config.time_zone`); UTC by default. */
  timeZone?: string;
  /** The user's profile asks for times in the browser's zone (`hass.locale.time_zone`). */
  localTime?: boolean;
}

/** A WebSocket message the fake received. */
export interface SentMessage {
  type: string;
  [key: string]: unknown;
}

export interface FakeHassHandle {
  /** Every callWS / subscribe message, in order. */
  calls: SentMessage[];
  /** Push an event to every `llm_ops/subscribe` subscriber. */
  push(
    event: { kind: 'incident'; data: IncidentEvent } | { kind: 'action'; data: ActionEvent },
  ): void;
  /** Change what later calls answer. */
  set(options: Partial<FakeHassOptions>): void;
  subscribers(): number;
  /** Fire the connection's "ready" event, as after a reconnect. */
  reconnect(): void;
}

/** A DOM event the page saw on window. */
export interface SeenEvent {
  type: string;
  detail: unknown;
  path: string;
}

export interface HarnessApi {
  fixtures: Fixtures;
  makeIncidents(n: number): Incident[];
  /** Mount `llm-ops-panel` at `/llm-ops<path>` with a fake hass; routes like HA's frontend. */
  mountPanel(opts: FakeHassOptions & { path?: string; narrow?: boolean }): FakeHassHandle;
  /** Mount a card with a configuration (HA's order: setConfig, then hass). */
  mountCard(
    tag: string,
    config: Record<string, unknown>,
    opts: FakeHassOptions,
  ): FakeHassHandle & { error: string | null };
  /** Mount a card's editor with a configuration. */
  mountEditor(tag: string, config: Record<string, unknown>): void;
  events: SeenEvent[];
  /** The fake hass of what was mounted last. */
  hass: FakeHassHandle | undefined;
  /** Remove whatever is mounted. */
  reset(): void;
}

declare global {
  interface Window {
    harness: HarnessApi;
  }
}
