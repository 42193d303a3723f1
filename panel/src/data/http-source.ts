/**
 * The IncidentSource over the sidecar's own HTTP API (docs/openapi.json), for the add-on's
 * ingress page. Paths are relative: ingress serves the page under a per-session prefix.
 * The sidecar pushes nothing over HTTP, so `subscribe` polls and turns differences into
 * the same events `llm_ops/subscribe` would push.
 */
// The shared types alone, not the shared entry: this module stays free of Lit.
import {
  SourceError,
  type ActionEvent,
  type ActionProposal,
  type Incident,
  type IncidentDetail,
  type IncidentEvent,
  type IncidentPage,
  type IncidentQuery,
  type PanelSource,
  type MaintenanceState,
  type MaintenanceSummary,
  type OpsEvent,
  type OpsStatus,
  type LearnedQuiet,
  type OutcomeStats,
  type ProposalDetail,
  type SourceErrorKind,
  type KnowledgeRule,
  type Suppression,
  type UpstreamReport,
} from '../shared/data/types.js';
import { localize } from '../i18n/index.js';

export interface HttpSourceOptions {
  /** Base URL of the API; default `api/` relative to the page. */
  base?: string | URL;
  /** How often `subscribe` looks for changes (ms). */
  pollMs?: number;
  /** Only for tests: the fetch to use. */
  fetch?: typeof fetch;
}

const KIND_BY_STATUS: Record<number, SourceErrorKind> = {
  401: 'forbidden',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  503: 'offline',
};

/** The incident fields a change event reports, to tell whether anything changed. */
const eventKey = (i: Incident) => `${i.status}|${i.severity}|${i.occurrences}|${i.title}`;

export class HttpIncidentSource implements PanelSource {
  /** HA authenticated the ingress user; the add-on's panel is admin-only by default. */
  readonly canDecide = true;
  private readonly base: URL;
  private readonly pollMs: number;
  private readonly fetcher: typeof fetch;

  constructor(opts: HttpSourceOptions = {}) {
    const base = opts.base ?? 'api/';
    this.base = typeof base === 'string' ? new URL(base, globalThis.document?.baseURI) : base;
    this.pollMs = opts.pollMs ?? 5000;
    this.fetcher = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await this.fetcher(new URL(path, this.base), {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new SourceError('offline', localize('http.offline'));
    }
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: an error page of a proxy in between
    }
    if (!res.ok) {
      const message =
        (data as { error?: string } | null)?.error ?? `HTTP ${res.status} ${res.statusText}`;
      throw new SourceError(KIND_BY_STATUS[res.status] ?? 'failed', message, String(res.status));
    }
    return data as T;
  }

  incidents(query: IncidentQuery): Promise<IncidentPage> {
    const params = new URLSearchParams();
    if (query.status?.length) params.set('status', query.status.join(','));
    if (query.severity?.length) params.set('severity', query.severity.join(','));
    if (query.integration) params.set('integration', query.integration);
    if (query.category) params.set('category', query.category);
    if (query.active !== undefined) params.set('active', String(query.active));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.offset !== undefined) params.set('offset', String(query.offset));
    const qs = params.toString();
    return this.request('GET', `incidents${qs ? `?${qs}` : ''}`);
  }

  async incident(id: string): Promise<IncidentDetail> {
    const detail = await this.request<IncidentDetail>('GET', `incidents/${encodeURIComponent(id)}`);
    return {
      ...detail,
      proposals: detail.proposals ?? [],
      llm_usage: detail.llm_usage ?? null,
      not_proposed: detail.not_proposed ?? [],
      debug_captures: detail.debug_captures ?? [],
      after_update: detail.after_update ?? null,
    };
  }

  upstreamReport(incidentId: string): Promise<UpstreamReport> {
    return this.request('GET', `incidents/${encodeURIComponent(incidentId)}/upstream-report`);
  }

  proposals(): Promise<ActionProposal[]> {
    return this.request('GET', 'actions/pending');
  }

  proposal(id: string): Promise<ProposalDetail | null> {
    return this.request('GET', `actions/${encodeURIComponent(id)}`);
  }

  async status(): Promise<OpsStatus | null> {
    const status = await this.request<OpsStatus>('GET', 'status');
    return { ...status, connected: true };
  }

  startMaintenance(minutes: number): Promise<MaintenanceState> {
    return this.request('PUT', 'maintenance', { minutes, surface: 'panel' });
  }

  endMaintenance(): Promise<MaintenanceSummary> {
    return this.request('DELETE', 'maintenance');
  }

  async approve(proposalId: string): Promise<ActionProposal> {
    const { proposal } = await this.request<{ proposal: ActionProposal }>(
      'POST',
      `actions/${encodeURIComponent(proposalId)}/approve`,
      {},
    );
    return proposal;
  }

  async reject(proposalId: string, reason?: string): Promise<ActionProposal> {
    const { proposal } = await this.request<{ proposal: ActionProposal }>(
      'POST',
      `actions/${encodeURIComponent(proposalId)}/reject`,
      reason ? { reason } : {},
    );
    return proposal;
  }

  async dismiss(
    incidentId: string,
    opts: { ignoreSimilar: boolean; reason?: string },
  ): Promise<Incident> {
    const { incident } = await this.request<{ incident: Incident }>(
      'POST',
      `incidents/${encodeURIComponent(incidentId)}/dismiss`,
      { ignore_similar: opts.ignoreSimilar, ...(opts.reason ? { reason: opts.reason } : {}) },
    );
    return incident;
  }

  async markFalseAlarm(incidentId: string, reason?: string): Promise<Incident> {
    const { incident } = await this.request<{ incident: Incident }>(
      'POST',
      `incidents/${encodeURIComponent(incidentId)}/false-alarm`,
      reason ? { reason } : {},
    );
    return incident;
  }

  async saveRule(incidentId: string, ruleId?: string): Promise<KnowledgeRule> {
    const { rule } = await this.request<{ rule: KnowledgeRule }>(
      'POST',
      `incidents/${encodeURIComponent(incidentId)}/rule`,
      ruleId ? { id: ruleId } : {},
    );
    return rule;
  }

  async suppressions(): Promise<Suppression[]> {
    return (await this.request<{ items: Suppression[] }>('GET', 'suppressions')).items;
  }

  async undoSuppression(incidentId: string): Promise<Suppression[]> {
    const path = `suppressions/${encodeURIComponent(incidentId)}`;
    return (await this.request<{ items: Suppression[] }>('DELETE', path)).items;
  }

  outcomes(): Promise<OutcomeStats | null> {
    return this.request('GET', 'outcomes');
  }

  async learnedQuiet(): Promise<LearnedQuiet[]> {
    return (await this.request<{ items: LearnedQuiet[] }>('GET', 'learned-quiet')).items;
  }

  async resetLearnedQuiet(id: string | null): Promise<LearnedQuiet[]> {
    const path = id === null ? 'learned-quiet' : `learned-quiet/${encodeURIComponent(id)}`;
    return (await this.request<{ items: LearnedQuiet[] }>('DELETE', path)).items;
  }

  async subscribe(onEvent: (event: OpsEvent) => void): Promise<() => void> {
    let incidents = await this.snapshotIncidents();
    let proposals = await this.snapshotProposals();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const nextIncidents = await this.snapshotIncidents();
        const nextProposals = await this.snapshotProposals();
        if (stopped) return;
        for (const event of incidentChanges(incidents, nextIncidents)) onEvent(event);
        for (const event of await this.proposalChanges(proposals, nextProposals)) onEvent(event);
        incidents = nextIncidents;
        proposals = nextProposals;
      } catch {
        // offline for now: the views show it on their next request; keep polling
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), this.pollMs);
      }
    };
    timer = setTimeout(() => void poll(), this.pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  private async snapshotIncidents(): Promise<Map<string, Incident>> {
    const page = await this.incidents({ limit: 100 });
    return new Map(page.items.map((i) => [i.id, i]));
  }

  private async snapshotProposals(): Promise<Map<string, ActionProposal>> {
    return new Map((await this.proposals()).map((p) => [p.id, p]));
  }

  /** Events for proposals that appeared, or left the pending list (decided, expired, run). */
  private async proposalChanges(
    before: Map<string, ActionProposal>,
    after: Map<string, ActionProposal>,
  ): Promise<OpsEvent[]> {
    const events: OpsEvent[] = [];
    for (const p of after.values()) {
      if (!before.has(p.id)) events.push({ kind: 'action', data: actionEvent(p, null) });
    }
    for (const p of before.values()) {
      if (after.has(p.id)) continue;
      const detail = await this.proposal(p.id).catch(() => null);
      const now = detail?.proposal ?? p;
      events.push({ kind: 'action', data: actionEvent(now, detail?.result?.backup_id ?? null) });
    }
    return events;
  }
}

function actionEvent(p: ActionProposal, backupId: string | null): ActionEvent {
  return {
    proposal_id: p.id,
    incident_id: p.incident_id,
    action_id: p.action_id,
    status: p.status,
    backup_id: backupId,
  };
}

/** The incident events between two snapshots of the most recently seen incidents. */
export function incidentChanges(
  before: Map<string, Incident>,
  after: Map<string, Incident>,
): OpsEvent[] {
  const events: OpsEvent[] = [];
  for (const incident of after.values()) {
    const old = before.get(incident.id);
    if (old && eventKey(old) === eventKey(incident)) continue;
    let change: IncidentEvent['change'] = old ? 'updated' : 'opened';
    if (incident.status === 'resolved' && old?.status !== 'resolved') change = 'resolved';
    if (incident.status === 'dismissed' && old?.status !== 'dismissed') change = 'dismissed';
    events.push({
      kind: 'incident',
      data: {
        incident_id: incident.id,
        change,
        status: incident.status,
        integration: incident.integration,
        category: incident.category,
        severity: incident.severity,
        title: incident.title,
        occurrences: incident.occurrences,
        remedy: incident.remedy,
        confidence: incident.confidence,
      },
    });
  }
  return events;
}
