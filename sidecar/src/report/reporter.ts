/**
 * The reporter tells HA about incidents: an `llm_ops_incident` event on HA's bus
 * for every opened, updated, resolved and dismissed incident. Events go through
 * the journal's outbox first, so none is lost while HA or the sidecar restarts;
 * `updated` events of one incident are coalesced to one per interval. When a
 * maintenance window ends, one `llm_ops_maintenance` event carries its summary.
 */
import {
  ACTION_EVENT,
  INCIDENT_EVENT,
  MAINTENANCE_EVENT,
  type ActionEvent,
  type ActionProposal,
  type IncidentEvent,
  type MaintenanceSummary,
  type OutcomeKind,
} from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import type { IncidentChange } from '../shared/interfaces.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { Logger } from '../log.js';

/** The small event payload of an incident (HA records events: never a bundle). */
export function incidentEvent(
  incident: IncidentRecord,
  change: IncidentChange,
  outcome: OutcomeKind | null = null,
): IncidentEvent {
  return {
    incident_id: incident.id,
    change,
    status: incident.status,
    integration: incident.integration,
    category: incident.category,
    severity: incident.severity,
    title: incident.title.slice(0, 255),
    occurrences: incident.occurrences,
    remedy: incident.remedy,
    confidence: incident.confidence,
    outcome,
  };
}

export interface ReporterOptions {
  journal: Journal;
  log: Logger;
  /** Least seconds between two `updated` events of one incident. */
  updateIntervalS: number;
  now?: () => Date;
}

export class Reporter {
  private conn: Connection | undefined;
  private flushing = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** Set by stop(): the journal may be closed next, so nothing touches it any more. */
  private stopped = false;
  /** When each incident's last `updated` event went out (epoch ms). */
  private readonly lastUpdate = new Map<string, number>();
  private readonly pendingUpdates = new Map<
    string,
    { payload: IncidentEvent; timer: NodeJS.Timeout }
  >();
  private readonly now: () => Date;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: ReporterOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Be told of every incident change announced to HA (the ready summary: HA refreshes on the
   * event, so the summary must already show it); returns the unsubscribe.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Start sending queued events over `conn` (and again after every reconnect). */
  attach(conn: Connection): void {
    this.conn = conn;
    conn.addEventListener('ready', () => this.flush());
    this.flush();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const { timer } of this.pendingUpdates.values()) clearTimeout(timer);
    this.pendingUpdates.clear();
    this.conn = undefined;
  }

  /** Queue the event of an incident change and send it as soon as possible. */
  incidentChanged(incident: IncidentRecord, change: IncidentChange): void {
    for (const l of this.listeners) l();
    const now = this.now().getTime();
    const closed = change === 'resolved' || change === 'dismissed';
    const outcome = closed ? (this.opts.journal.outcomes.of(incident.id)?.outcome ?? null) : null;
    const payload = incidentEvent(incident, change, outcome);
    if (change === 'updated') {
      const last = this.lastUpdate.get(incident.id);
      const due = last === undefined ? now : Math.max(now, last + this.opts.updateIntervalS * 1000);
      if (due > now) {
        // Coalesce in memory: a noisy incident becomes one event per interval, not a write per repeat.
        const pending = this.pendingUpdates.get(incident.id);
        if (pending) pending.payload = payload;
        else {
          const timer = setTimeout(() => this.releaseUpdate(incident.id), due - now);
          this.pendingUpdates.set(incident.id, { payload, timer });
        }
        return;
      }
      this.lastUpdate.set(incident.id, now);
    } else {
      // A newer change supersedes an update still waiting.
      const pending = this.pendingUpdates.get(incident.id);
      if (pending) clearTimeout(pending.timer);
      this.pendingUpdates.delete(incident.id);
      if (change === 'resolved' || change === 'dismissed') this.lastUpdate.delete(incident.id);
      else this.lastUpdate.set(incident.id, now);
    }
    this.enqueue(incident.id, change, payload, now);
  }

  private releaseUpdate(incidentId: string): void {
    const pending = this.pendingUpdates.get(incidentId);
    if (!pending) return;
    this.pendingUpdates.delete(incidentId);
    const now = this.now().getTime();
    this.lastUpdate.set(incidentId, now);
    this.enqueue(incidentId, 'updated', pending.payload, now);
  }

  private enqueue(
    incidentId: string,
    change: IncidentChange,
    payload: IncidentEvent,
    now: number,
  ): void {
    const at = new Date(now).toISOString();
    this.opts.journal.outbox.enqueueEvent(INCIDENT_EVENT, incidentId, change, payload, at, at);
    this.flush();
  }

  /** Queue the `llm_ops_action` event of a proposal's new status. */
  actionChanged(proposal: ActionProposal, backupId: string | null): void {
    const now = this.now().toISOString();
    const payload: ActionEvent = {
      proposal_id: proposal.id,
      incident_id: proposal.incident_id,
      action_id: proposal.action_id,
      status: proposal.status,
      backup_id: backupId,
    };
    this.opts.journal.outbox.enqueueEvent(ACTION_EVENT, null, proposal.status, payload, now, now);
    this.flush();
  }

  /** Queue the one `llm_ops_maintenance` event of an ended maintenance window. */
  maintenanceEnded(summary: MaintenanceSummary): void {
    const at = summary.ended_at;
    this.opts.journal.outbox.enqueueEvent(MAINTENANCE_EVENT, null, 'ended', summary, at, at);
    this.flush();
  }

  /** Send every due event, oldest first; stops at the first failure and retries on reconnect. */
  flush(): void {
    if (this.stopped) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    this.send()
      .catch((err: unknown) => this.opts.log.debug(`events wait for HA: ${String(err)}`))
      .finally(() => {
        this.flushing = false;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.flush();
        } else {
          this.schedule();
        }
      });
  }

  private async send(): Promise<void> {
    for (;;) {
      const conn = this.conn;
      if (this.stopped || !conn?.connected) return;
      const due = this.opts.journal.outbox.dueEvents(this.now().toISOString());
      if (due.length === 0) return;
      for (const row of due) {
        await conn.sendMessagePromise({
          type: 'fire_event',
          event_type: row.event_type,
          event_data: row.payload,
        });
        if (this.stopped) return; // sent; the next start sends it once more, rather than crash
        this.opts.journal.outbox.removeEvent(row.id);
      }
    }
  }

  /** Wake up when the next delayed event is due. */
  private schedule(): void {
    clearTimeout(this.timer);
    const next = this.opts.journal.outbox.nextEventDue();
    if (!next || !this.conn?.connected) return; // a reconnect flushes again
    const delay = Math.max(0, Date.parse(next) - this.now().getTime());
    this.timer = setTimeout(() => this.flush(), delay + 10);
  }
}
