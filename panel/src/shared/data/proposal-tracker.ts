/**
 * Proposals the user has seen, with their execution: after an approval the pending list no
 * longer shows a proposal, but its progress and result must stay on screen. Polls
 * `proposal()` while something runs; without that command, action events carry the state.
 */
import {
  FINAL_PROPOSAL_STATUSES,
  type ActionEvent,
  type ActionProposal,
  type IncidentSource,
  type ProposalDetail,
} from './types.js';

export interface TrackedProposal {
  proposal: ActionProposal;
  /** Execution steps and result, when the back end can tell. */
  detail: ProposalDetail | null;
  /** The backup id from an action event (when there is no detail). */
  backupId: string | null;
}

const isFinal = (p: ActionProposal) => FINAL_PROPOSAL_STATUSES.includes(p.status);

export class ProposalTracker {
  private readonly items = new Map<string, TrackedProposal>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** False once the back end answered that it has no proposal detail. */
  private detailSupported = true;
  private readonly fetching = new Set<string>();
  /** Finished proposals whose detail was fetched once already. */
  private readonly settled = new Set<string>();
  private disposed = false;

  constructor(
    private readonly source: IncidentSource,
    private readonly pollMs = 1500,
  ) {}

  /** Call `listener` on every change; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: string): TrackedProposal | undefined {
    return this.items.get(id);
  }

  /** The proposals of one incident, newest first. */
  forIncident(incidentId: string): TrackedProposal[] {
    return [...this.items.values()]
      .filter((t) => t.proposal.incident_id === incidentId)
      .sort((a, b) => (a.proposal.created_at < b.proposal.created_at ? 1 : -1));
  }

  /** Take proposals from a fetch (or a decision's answer). */
  upsert(proposals: readonly ActionProposal[]): void {
    let moved = false;
    for (const p of proposals) moved = this.put(p) || moved;
    this.changed();
    // A decision just taken: look at its execution at once.
    this.schedule(moved);
  }

  /** An `llm_ops_action` event: update the proposal, or fetch one not seen yet. */
  applyEvent(event: ActionEvent): void {
    const known = this.items.get(event.proposal_id);
    if (known) {
      known.proposal = { ...known.proposal, status: event.status };
      if (event.backup_id) known.backupId = event.backup_id;
      this.changed();
      this.schedule(true);
    } else {
      void this.fetchDetail(event.proposal_id);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** Store a proposal; true when a known one changed its status. */
  private put(p: ActionProposal): boolean {
    const known = this.items.get(p.id);
    if (!known) {
      this.items.set(p.id, { proposal: p, detail: null, backupId: null });
      return false;
    }
    const before = known.proposal.status;
    // An older copy must not undo what an event or a poll already told.
    if (!isFinal(known.proposal) || isFinal(p)) known.proposal = p;
    return known.proposal.status !== before;
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Poll while a proposal runs; fetch the result of finished ones once. */
  private schedule(soon = false): void {
    if (this.disposed || !this.detailSupported) return;
    const wanted = [...this.items.values()].filter(
      (t) =>
        t.proposal.status !== 'proposed' &&
        (!isFinal(t.proposal) || (t.detail?.result == null && !this.settled.has(t.proposal.id))) &&
        t.proposal.status !== 'rejected' &&
        t.proposal.status !== 'expired',
    );
    if (wanted.length === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        void Promise.all(wanted.map((t) => this.fetchDetail(t.proposal.id))).then(() =>
          this.schedule(),
        );
      },
      soon ? 0 : this.pollMs,
    );
  }

  private async fetchDetail(id: string): Promise<void> {
    if (!this.detailSupported || this.fetching.has(id) || this.disposed) return;
    this.fetching.add(id);
    try {
      const detail = await this.source.proposal(id);
      if (detail === null) {
        this.detailSupported = false;
        return;
      }
      if (isFinal(detail.proposal)) this.settled.add(id);
      const known = this.items.get(id);
      if (known) {
        known.detail = detail;
        this.put(detail.proposal);
        if (detail.result?.backup_id) known.backupId = detail.result.backup_id;
      } else {
        this.items.set(id, {
          proposal: detail.proposal,
          detail,
          backupId: detail.result?.backup_id ?? null,
        });
      }
      this.changed();
    } catch {
      // not found or offline: try again on the next poll or event
    } finally {
      this.fetching.delete(id);
    }
  }
}
