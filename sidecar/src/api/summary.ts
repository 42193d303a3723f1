/**
 * `GET /api/summary`: everything the integration shows, in one answer: the
 * sidecar itself, its status, the active incidents and what their Repairs issues
 * say (so the integration asks for no analysis apart), the last incident, the
 * proposals waiting and how incidents ended. Home Assistant's start waits on the
 * integration's first refresh, so this is one round trip, answered from a
 * summary kept ready: what it needs of the journal is rebuilt shortly after each
 * change, not per request. What lives in memory (mode, policy, maintenance, HA's
 * connection) is read fresh.
 */
import type {
  ActionProposal,
  Explanation,
  Incident,
  OutcomeStats,
  Summary,
} from '@ha-llm-ops/contracts';
import { Router } from 'express';
import type { ActionService } from './actions.js';
import type { IncidentService } from './incidents.js';
import type { LearningService } from './learning.js';
import type { StatusService } from './status.js';

/** The most active incidents a summary lists (the integration's entities and Repairs). */
export const SUMMARY_ACTIVE_LIMIT = 500;

export interface SummaryService {
  summary(): Summary;
  /** Something the summary shows may have changed (a request that changes state). */
  changed(): void;
}

export function summaryRoutes(service: SummaryService): Router {
  const router = Router();
  router.get('/summary', (_req, res) => {
    res.json(service.summary());
  });
  // Whatever a request changes (mode, maintenance, decisions), the next summary shows.
  router.use((req, res, next) => {
    if (req.method !== 'GET') res.on('finish', () => service.changed());
    next();
  });
  return router;
}

/** How long after a change the summary is rebuilt: a burst of changes costs one rebuild. */
const REBUILD_AFTER_MS = 1_000;
/** The longest a ready summary is served unchanged (a safety net for changes nobody announces). */
const MAX_AGE_MS = 60_000;

/** The part of the summary that comes from the journal. */
export interface ReadyParts {
  active: { items: Incident[]; total: number };
  explanations: Record<string, Explanation>;
  awaiting_approval: number;
  last_incident: Incident | null;
  proposals: ActionProposal[];
  outcomes: OutcomeStats;
}

export interface ReadySummaryDeps {
  incidents: Pick<IncidentService, 'list' | 'explained'>;
  learning: Pick<LearningService, 'outcomeStats'>;
  actions: Pick<ActionService, 'pending'>;
  status: StatusService;
  version: string;
  haStatus(): { connected: boolean; version: string | null };
  /** Subscriptions to what changes the journal's part: incidents, proposals. */
  changes: ((listener: () => void) => unknown)[];
  now?: () => number;
}

export class ReadySummary implements SummaryService {
  private ready: { parts: ReadyParts; at: number } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: ReadySummaryDeps) {
    this.now = deps.now ?? Date.now;
    for (const subscribe of deps.changes) subscribe(() => this.changed());
  }

  summary(): Summary {
    const { active, explanations, awaiting_approval, last_incident, proposals, outcomes } =
      this.parts();
    const status = this.deps.status.status({ open: active.total, awaiting_approval });
    return {
      service: 'ha-llm-ops',
      version: this.deps.version,
      ha: this.deps.haStatus(),
      status,
      active,
      last_incident,
      proposals,
      outcomes,
      explanations,
    };
  }

  /** The journal's part: ready, or built now when a change has not been rebuilt yet. */
  parts(): ReadyParts {
    if (this.ready && this.now() - this.ready.at <= MAX_AGE_MS) return this.ready.parts;
    this.ready = { parts: this.build(), at: this.now() };
    return this.ready.parts;
  }

  /** Something the summary shows changed: forget it, and rebuild it once the burst is over. */
  changed(): void {
    this.ready = null;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.parts();
      } catch {
        // Stopping (the journal closed) or a failing read: the next request builds it and says so.
      }
    }, REBUILD_AFTER_MS);
    this.timer.unref();
  }

  private build(): ReadyParts {
    const { incidents, learning, actions } = this.deps;
    const { explanations, ...active } = incidents.explained(
      { active: true },
      SUMMARY_ACTIVE_LIMIT,
      0,
    );
    return {
      active,
      explanations,
      awaiting_approval: incidents.list({ status: ['awaiting_approval'] }, 1, 0).total,
      last_incident: incidents.list({}, 1, 0).items[0] ?? null,
      proposals: actions.pending(),
      outcomes: learning.outcomeStats(),
    };
  }
}
