/**
 * A fake of the frontend's `hass` object for component tests: `callWS` answers the
 * llm_ops integration's commands from fixtures shaped like the contracts (filtering and
 * paging as custom_components/llm_ops/websocket.py does), `connection.subscribeMessage`
 * takes `llm_ops/subscribe` subscribers the test can push events to.
 */
import type {
  ActionProposal,
  Incident,
  IncidentDetail,
  LearnedQuiet,
  OutcomeStats,
  Suppression,
} from '../../../panel/src/shared/data/types.js';
import type { FakeHassHandle, FakeHassOptions, Fixtures, SentMessage, WsError } from './api.js';

const ACTIVE = ['open', 'analyzing', 'awaiting_approval', 'remediating'];

const DEFAULT_STATUS = {
  mode: 'approve',
  policy: {
    valid: true,
    error: null,
    source: '/config/policy.yaml',
    max_actions_per_hour: 6,
    quiet_hours: { start: '23:00', end: '07:00' },
    auto_actions: ['reload_config_entry'],
  },
  system_log_events: true,
  last_analysis_at: '2026-11-25T10:15:00.000Z',
  counts: { open: 1, awaiting_approval: 1 },
  action_labels: { reload_config_entry: 'Reload the entry' },
  connected: true,
};

export interface FakeHass extends FakeHassHandle {
  callWS<T>(msg: SentMessage): Promise<T>;
  connection: {
    subscribeMessage<T>(cb: (msg: T) => void, msg: SentMessage): Promise<() => Promise<void>>;
    addEventListener(event: 'ready', listener: () => void): void;
    removeEventListener(event: 'ready', listener: () => void): void;
  };
  user: { id: string; name: string; is_admin: boolean; is_owner: boolean };
  language: string;
  locale: { language: string; time_zone: 'local' | 'server' };
  config: { time_zone: string };
  themes: { darkMode: boolean; default_theme: string; themes: Record<string, unknown> };
  states: Record<string, { entity_id: string; state: string; attributes: Record<string, unknown> }>;
}

const DEFAULT_OUTCOMES: OutcomeStats = {
  closed: 8,
  false_alarms: 2,
  false_alarm_rate: 0.25,
  by_outcome: {
    fixed_by_action: 3,
    fixed_by_user: 0,
    resolved_itself: 2,
    false_alarm: 2,
    ignored: 1,
    expired: 0,
  },
  by_signature: [],
};

export function createFakeHass(fixtures: Fixtures, initial: FakeHassOptions): FakeHass {
  let opts: FakeHassOptions = { ...initial };
  const calls: SentMessage[] = [];
  const subs = new Set<(e: unknown) => void>();
  const readyListeners = new Set<() => void>();
  // Proposal states change as decisions come in.
  const decided = new Map<string, ActionProposal>();
  // What is kept quiet, as marking false alarms and undoing change it.
  let quiet: Suppression[] = [...(initial.suppressions ?? [])];
  // What was learned quiet, as resets change it.
  let schedules: LearnedQuiet[] = [...(initial.learnedQuiet ?? [])];
  const notFound = (id: unknown) => ({
    code: 'home_assistant_error',
    message: `No incident ${String(id)}`,
    translation_key: 'incident_not_found',
  });

  const incidents = (): Incident[] =>
    opts.incidents ?? [fixtures.incidentOpen, fixtures.incidentResolved];
  const proposals = (): ActionProposal[] =>
    (opts.proposals ?? [fixtures.proposal]).filter((p) => !decided.has(p.id));

  function detail(id: string): IncidentDetail {
    const incident = incidents().find((i) => i.id === id);
    if (!incident)
      throw {
        code: 'home_assistant_error',
        message: `No incident ${id}`,
        translation_key: 'incident_not_found',
      };
    const isGolden = id === fixtures.incidentOpen.id;
    return {
      incident,
      signals: isGolden ? fixtures.signals : [],
      bundle: isGolden ? fixtures.bundle : null,
      analysis: isGolden ? fixtures.analysis : null,
      proposals: proposals().filter((p) => p.incident_id === id),
      llm_usage: null,
      not_proposed: opts.notProposed ?? [],
      debug_captures: [],
      after_update: null,
    };
  }

  function answer(msg: SentMessage): unknown {
    const failure: WsError | undefined = opts.fail?.[msg.type];
    if (failure) throw failure;
    switch (msg.type) {
      case 'llm_ops/incidents': {
        let items = incidents();
        if (msg.active === true) items = items.filter((i) => ACTIVE.includes(i.status));
        if (msg.active === false) items = items.filter((i) => !ACTIVE.includes(i.status));
        if (Array.isArray(msg.status))
          items = items.filter((i) => (msg.status as string[]).includes(i.status));
        if (Array.isArray(msg.severity))
          items = items.filter((i) => (msg.severity as string[]).includes(i.severity));
        if (typeof msg.integration === 'string')
          items = items.filter((i) => i.integration === msg.integration);
        const limit = typeof msg.limit === 'number' ? msg.limit : 50;
        const offset = typeof msg.offset === 'number' ? msg.offset : 0;
        return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
      }
      case 'llm_ops/incident':
        return detail(String(msg.incident_id));
      case 'llm_ops/proposals':
        return { proposals: proposals() };
      case 'llm_ops/proposal': {
        if (opts.proposalDetail === 'unknown_command') {
          throw { code: 'unknown_command', message: 'Unknown command.' };
        }
        const id = String(msg.proposal_id);
        const p =
          decided.get(id) ?? (opts.proposals ?? [fixtures.proposal]).find((x) => x.id === id);
        if (!p)
          throw {
            code: 'home_assistant_error',
            message: 'not found',
            translation_key: 'proposal_not_found',
          };
        if (p.status === 'proposed' || p.status === 'rejected')
          return { proposal: p, execution: null, result: null };
        const rolledBack = opts.proposalDetail === 'rolled_back';
        const result = rolledBack ? fixtures.resultRolledBack : fixtures.resultSucceeded;
        const final = { ...p, status: result.outcome };
        decided.set(id, final);
        return {
          proposal: final,
          execution: { ...fixtures.execution, proposal_id: id, status: result.outcome },
          result: { ...result, proposal_id: id },
        };
      }
      case 'llm_ops/status':
        if (opts.status === 'unknown_command')
          throw { code: 'unknown_command', message: 'Unknown command.' };
        return opts.status ?? DEFAULT_STATUS;
      case 'llm_ops/approve':
      case 'llm_ops/reject': {
        if (!opts.admin && opts.admin !== undefined)
          throw { code: 'unauthorized', message: 'Unauthorized' };
        const id = String(msg.proposal_id);
        const p = proposals().find((x) => x.id === id);
        if (!p)
          throw {
            code: 'service_validation_error',
            message: 'The proposal is no longer pending',
            translation_key: 'rejected_request',
          };
        const approved = msg.type === 'llm_ops/approve';
        const updated: ActionProposal = {
          ...p,
          status: approved ? 'approved' : 'rejected',
          decided_at: '2026-11-25T10:19:59.000Z',
          decided_by: 'Test Admin',
        };
        decided.set(id, updated);
        return { proposal: updated };
      }
      case 'llm_ops/dismiss': {
        const i = incidents().find((x) => x.id === msg.incident_id);
        if (!i)
          throw {
            code: 'home_assistant_error',
            message: 'not found',
            translation_key: 'incident_not_found',
          };
        return { incident: { ...i, status: 'dismissed' } };
      }
      case 'llm_ops/mark_false_alarm': {
        const i = incidents().find((x) => x.id === msg.incident_id);
        if (!i) throw notFound(msg.incident_id);
        const at = '2026-11-25T10:20:00.000Z';
        quiet = [
          {
            incident_id: i.id,
            kind: 'false_alarm',
            title: i.title,
            integration: i.integration,
            fingerprints: 1,
            created_at: at,
            expires_at: '2027-02-23T10:20:00.000Z',
            reason: typeof msg.reason === 'string' ? msg.reason : null,
          },
          ...quiet.filter((q) => q.incident_id !== i.id),
        ];
        const outcome = {
          outcome: 'false_alarm' as const,
          closed_at: at,
          signature: null,
          integration: i.integration,
          action_id: null,
          decided_by: 'Test Admin',
        };
        return { incident: { ...i, status: 'dismissed', resolved_at: at, outcome } };
      }
      case 'llm_ops/suppressions':
        return { items: quiet };
      case 'llm_ops/undo_suppression': {
        if (!quiet.some((q) => q.incident_id === msg.incident_id))
          throw {
            code: 'service_validation_error',
            message: `Nothing is kept quiet for incident ${String(msg.incident_id)}.`,
            translation_key: 'nothing_kept_quiet',
          };
        quiet = quiet.filter((q) => q.incident_id !== msg.incident_id);
        return { items: quiet };
      }
      case 'llm_ops/learned_quiet':
        return { items: schedules };
      case 'llm_ops/reset_learned_quiet': {
        const id = msg.learned_id;
        if (id !== undefined && !schedules.some((l) => l.id === id))
          throw {
            code: 'service_validation_error',
            message: `Nothing was learned quiet for ${String(id)}.`,
            translation_key: 'nothing_learned',
          };
        schedules = id === undefined ? [] : schedules.filter((l) => l.id !== id);
        return { items: schedules };
      }
      case 'llm_ops/outcomes':
        return opts.outcomes ?? DEFAULT_OUTCOMES;
      default:
        throw { code: 'unknown_command', message: 'Unknown command.' };
    }
  }

  const admin = initial.admin ?? true;
  return {
    calls,
    push(event) {
      for (const s of subs) s(event);
    },
    set(next) {
      opts = { ...opts, ...next };
    },
    subscribers: () => subs.size,
    reconnect() {
      for (const l of readyListeners) l();
    },
    async callWS<T>(msg: SentMessage): Promise<T> {
      calls.push(msg);
      if (opts.hang?.includes(msg.type)) return new Promise<T>(() => undefined);
      // As HA's WebSocket does: the answer comes in a message event, a task of its own.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return answer(msg) as T;
    },
    connection: {
      async subscribeMessage<T>(cb: (msg: T) => void, msg: SentMessage) {
        calls.push(msg);
        if (opts.noSubscribe) throw { code: 'unknown_command', message: 'Unknown command.' };
        const s = cb as (e: unknown) => void;
        subs.add(s);
        return async () => {
          subs.delete(s);
        };
      },
      addEventListener(_event, listener) {
        readyListeners.add(listener);
      },
      removeEventListener(_event, listener) {
        readyListeners.delete(listener);
      },
    },
    user: { id: 'u1', name: admin ? 'Test Admin' : 'Test User', is_admin: admin, is_owner: admin },
    language: 'en',
    locale: { language: 'en', time_zone: initial.localTime ? 'local' : 'server' },
    config: { time_zone: initial.timeZone ?? 'UTC' },
    themes: { darkMode: initial.dark ?? false, default_theme: 'default', themes: {} },
    states: {
      'sensor.llm_ops_open_incidents': {
        entity_id: 'sensor.llm_ops_open_incidents',
        state: '1',
        attributes: {},
      },
    },
  };
}
