/**
 * The services the HTTP API calls (api/actions.ts, api/status.ts), over the
 * sidecar's parts: what the API may do, with refusals turned into HTTP errors.
 */
import { isClosed, type LlmStatus, type Status } from '@ha-llm-ops/contracts';
import { ACTIONS } from './actions/index.js';
import type { ActionService } from './api/actions.js';
import type { KnowledgeService } from './api/knowledge.js';
import type { MaintenanceService } from './api/maintenance.js';
import type { ApiContext } from './api/server.js';
import { ReadySummary } from './api/summary.js';
import type { StatusService } from './api/status.js';
import { ApiError } from './api/validate.js';
import { type Approval, DecisionError } from './approve/index.js';
import { type Maintenance, MaintenanceRefused } from './correlate/index.js';
import { type Incidents, publicProposal } from './incidents.js';
import type { IncidentLifecycle } from './incident/lifecycle.js';
import type { BundleStore } from './journal/bundles.js';
import type { Journal } from './journal/journal.js';
import type { ProposalJournal } from './journal/proposals.js';
import type { Logger } from './log.js';
import type { Pipeline } from './pipeline.js';
import type { Reporter } from './report/index.js';
import { type Planner, ProposalRefused } from './plan/index.js';
import { actionPolicy } from './policy/policy.js';
import { ModeLocked, type PolicyKeeper } from './policy/policy-keeper.js';
import { type KnowledgeBase, publicRule, RuleRefused } from './shared/knowledge.js';
import { decisiveMessage, ruleFromIncident } from './shared/knowledge-rule.js';

/** What the action service works with. */
export interface ActionDeps {
  journal: Journal;
  proposals: ProposalJournal;
  planner: Planner;
  approval: Approval;
  pipeline: Pipeline;
}

/** What the status service works with. */
export interface StatusDeps {
  journal: Journal;
  policy: PolicyKeeper;
  flags: { systemLogEvents: boolean };
  log: Logger;
  /** Home Assistant's time zone (`get_config`), null until it is known. */
  timeZone: () => string | null;
  /** The LLM analyzer's budget, null when there is no LLM. */
  llm: () => LlmStatus | null;
  maintenance: Maintenance;
  knowledge: KnowledgeBase;
}

/** What the knowledge service works with. */
export interface KnowledgeDeps {
  journal: Journal;
  bundles: BundleStore;
  knowledge: KnowledgeBase;
  log: Logger;
}

export function knowledgeService(s: KnowledgeDeps): KnowledgeService {
  return {
    knowledge: () => {
      const { file, rules, error } = s.knowledge.current();
      return { file, rules: rules.map(publicRule), error };
    },
    saveRule: (incidentId, id) => {
      const incident = s.journal.getIncident(incidentId);
      if (!incident) return undefined;
      try {
        const first = s.journal.signalsOf(incident.id, 1_000).at(-1)?.message ?? null;
        const message = decisiveMessage(incident, s.bundles.read(incident.id), first);
        const rule = ruleFromIncident(incident, s.journal.outcomes.of(incident.id), message, id);
        const added = publicRule(s.knowledge.add(rule));
        s.log.info(`rule ${added.id} learned from incident ${incident.id}: /${added.match}/i`);
        return added;
      } catch (err) {
        if (err instanceof RuleRefused) throw new ApiError(err.status, err.message);
        throw err;
      }
    },
  };
}

export function actionService(s: ActionDeps): ActionService {
  const rethrow = (err: unknown): never => {
    if (err instanceof DecisionError || err instanceof ProposalRefused) {
      throw new ApiError(
        err.status,
        err.message,
        err instanceof ProposalRefused ? err.field : undefined,
      );
    }
    throw err;
  };
  return {
    pending: () => s.proposals.pending().map(publicProposal),
    detail: (id) => {
      const p = s.proposals.proposal(id);
      if (!p) return undefined;
      const e = s.proposals.executionOf(id);
      return {
        proposal: publicProposal(p),
        execution: e
          ? {
              id: e.id,
              proposal_id: e.proposal_id,
              status: e.status,
              started_at: e.started_at,
              finished_at: e.finished_at,
              steps: e.steps,
            }
          : null,
        result: e?.result ?? null,
      };
    },
    propose: async (request) => {
      const incident = s.journal.getIncident(request.incident_id);
      if (!incident) throw new ApiError(404, `no incident ${request.incident_id}`, 'incident_id');
      if (isClosed(incident.status)) {
        throw new ApiError(409, `incident ${incident.id} is ${incident.status}`);
      }
      try {
        return publicProposal(await s.planner.propose(incident, request));
      } catch (err) {
        return rethrow(err);
      }
    },
    approve: (id, by) => {
      try {
        return publicProposal(s.pipeline.approve(id, by));
      } catch (err) {
        return rethrow(err);
      }
    },
    reject: (id, by, reason) => {
      try {
        return publicProposal(s.approval.reject(id, by, reason));
      } catch (err) {
        return rethrow(err);
      }
    },
  };
}

/** What the API's services work with, all together. */
export interface ApiServiceDeps extends ActionDeps, StatusDeps, KnowledgeDeps {
  lifecycle: IncidentLifecycle;
  incidents: Incidents;
  reporter: Pick<Reporter, 'onChange'>;
  version: string;
  haStatus(): { connected: boolean; version: string | null };
}

/** The services of the HTTP API, with the summary the integration fetches kept ready. */
export function apiServices(
  s: ApiServiceDeps,
): Omit<ApiContext, 'apiToken' | 'ingressPeer' | 'publicDir'> {
  const actions = actionService(s);
  // The status's counts are the summary's, so /api/status is as cheap as the summary.
  const status = statusService({
    ...s,
    counts: () => {
      const { active, awaiting_approval } = summary.parts();
      return { open: active.total, awaiting_approval };
    },
  });
  const summary = new ReadySummary({
    incidents: s.incidents,
    learning: s.incidents,
    actions,
    status,
    version: s.version,
    haStatus: () => s.haStatus(),
    // What is announced to HA too: an analysis that arrives later (the model's) is recorded
    // outside the lifecycle's changes, and HA refreshes as soon as it hears of it.
    changes: [
      (l) => s.lifecycle.onChange(l),
      (l) => s.proposals.onChange(l),
      (l) => s.reporter.onChange(l),
    ],
  });
  return {
    version: s.version,
    haStatus: () => s.haStatus(),
    incidents: s.incidents,
    learning: s.incidents,
    knowledge: knowledgeService(s),
    actions,
    status,
    maintenance: maintenanceService(s.maintenance),
    summary,
  };
}

export function statusService(s: StatusDeps & { counts?: () => Status['counts'] }): StatusService {
  const counts =
    s.counts ??
    (() => ({
      open: s.journal.listIncidents({ active: true }, 1, 0).total,
      awaiting_approval: s.journal.listIncidents({ status: ['awaiting_approval'] }, 1, 0).total,
    }));
  return {
    status: (known?: Status['counts']): Status => {
      const { policy, mode, error, source } = s.policy.current();
      return {
        mode,
        policy: {
          valid: error === null,
          error,
          source,
          max_actions_per_hour: policy.max_actions_per_hour,
          quiet_hours: policy.quiet_hours ?? null,
          auto_actions: Object.keys(policy.actions ?? {}).filter(
            (id) =>
              actionPolicy(policy, id as never).auto && actionPolicy(policy, id as never).allowed,
          ),
        },
        system_log_events: s.flags.systemLogEvents,
        last_analysis_at: s.journal.lastAnalysisAt(),
        counts: known ?? counts(),
        time_zone: s.timeZone(),
        knowledge: (({ file, rules, error }) => ({ file, rules: rules.length, error }))(
          s.knowledge.current(),
        ),
        action_labels: Object.fromEntries(Object.values(ACTIONS).map((a) => [a.id, a.label])),
        llm: s.llm(),
        maintenance: s.maintenance.state(),
      };
    },
    setMode: (mode) => {
      try {
        s.policy.setMode(mode);
        s.log.info(`mode set to ${mode}`);
      } catch (err) {
        if (err instanceof ModeLocked) throw new ApiError(409, err.message);
        throw err;
      }
    },
  };
}

/** Maintenance over the API: what the state refuses is a 409. */
export function maintenanceService(m: Maintenance): MaintenanceService {
  const refused = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof MaintenanceRefused) throw new ApiError(409, err.message);
      throw err;
    }
  };
  return {
    state: () => m.state(),
    start: (minutes, by, surface) => refused(() => m.start(minutes, by, surface)),
    extend: (minutes) => refused(() => m.extend(minutes)),
    end: () => refused(() => m.end('user')),
  };
}
