/**
 * `PanelData`: what the panel shows and keeps current — the incidents for the list's status,
 * the mode and policy, the proposals waiting for a decision, and the tracker of proposals
 * seen — all from one IncidentSource, with its pushed changes (or polling) applied.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { statusQuery, withIncidentEvent, type StatusFilter } from '../list/filter.js';
import {
  LiveUpdates,
  LoadController,
  ProposalTracker,
  type ActionProposal,
  type IncidentPage,
  type IncidentSource,
  type OpsEvent,
  type OpsStatus,
} from '../shared/index.js';
import { fetchAll } from './all-incidents.js';

/** Retry while the sidecar is offline or LLM Ops is not set up. */
const RETRY_MS = 15_000;
/** Poll while the subscription is unavailable. */
const POLL_MS = 30_000;
const EVENT_REFRESH_MS = 800;

export interface PanelDataHooks {
  /** The list's status filter (the back end applies it). */
  statusFilter(): StatusFilter;
  /** Everything reloads now (the open incident should too). */
  reloading(): void;
  /** A pushed change, once applied here (to announce it, or refresh the open incident). */
  pushed(event: OpsEvent): void;
}

export class PanelData implements ReactiveController {
  /** The incidents for the filter's status; a retry reloads everything. */
  readonly list: LoadController<IncidentPage>;
  /** Mode and policy; null when the back end cannot tell. Failures keep the last one. */
  readonly status: LoadController<OpsStatus | null>;
  readonly pending: LoadController<ActionProposal[]>;
  private readonly live: LiveUpdates;
  private source: IncidentSource | undefined;
  private proposals: ProposalTracker | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly hooks: PanelDataHooks,
  ) {
    host.addController(this);
    this.list = new LoadController(host, {
      fetch: () => this.source && fetchAll(this.source, statusQuery(hooks.statusFilter())),
      retryMs: RETRY_MS,
      retry: () => void this.loadAll(),
    });
    this.status = new LoadController(host, { fetch: () => this.source?.status() });
    this.pending = new LoadController(host, {
      fetch: () => this.source?.proposals(),
      loaded: (pending) => this.proposals?.upsert(pending),
    });
    this.live = new LiveUpdates(host, {
      event: (event) => this.onEvent(event),
      resync: () => void this.loadAll(),
      pollMs: POLL_MS,
    });
  }

  /** The source the panel is started on. */
  get running(): IncidentSource | undefined {
    return this.source;
  }

  get tracker(): ProposalTracker | undefined {
    return this.proposals;
  }

  hostDisconnected(): void {
    // The loaders and the live updates stop themselves.
    this.proposals?.dispose();
    this.proposals = undefined;
    this.source = undefined;
  }

  /** Start over on `source`: nothing of the previous one stays. */
  start(source: IncidentSource): void {
    this.live.stop();
    this.proposals?.dispose();
    this.source = source;
    this.proposals = new ProposalTracker(source);
    for (const loader of [this.list, this.status, this.pending]) loader.reset();
    void this.loadAll();
    this.live.start(source);
  }

  /** Reload the list, the status and the pending proposals. */
  async loadAll(): Promise<void> {
    this.hooks.reloading();
    await Promise.all([this.list.load(), this.status.load(), this.pending.load()]);
  }

  /** Something was decided or dismissed here: everything may have changed. */
  changed(): void {
    this.list.reload();
    this.status.reload();
    this.pending.reload();
  }

  /** The status filter changed: another query, so the list starts empty. */
  filterChanged(): void {
    this.list.reset({ keepError: true });
    void this.list.load();
  }

  private onEvent(event: OpsEvent): void {
    if (event.kind === 'incident') {
      const page = this.list.value;
      // Shown at once; the refetch below confirms it.
      const items = page && withIncidentEvent(page.items, event.data, this.hooks.statusFilter());
      if (page && items) this.list.set({ ...page, items });
      this.list.reload(EVENT_REFRESH_MS);
    } else if (event.kind === 'action') {
      this.proposals?.applyEvent(event.data);
      this.pending.reload(EVENT_REFRESH_MS);
    } else {
      // Maintenance ended: what still fails opens incidents now.
      this.list.reload(EVENT_REFRESH_MS);
    }
    this.status.reload(EVENT_REFRESH_MS);
    this.hooks.pushed(event);
  }
}
