/** The IncidentSource over Home Assistant's WebSocket API: the llm_ops integration's commands. */
import {
  SourceError,
  type ActionProposal,
  type Incident,
  type IncidentDetail,
  type IncidentPage,
  type IncidentQuery,
  type IncidentSource,
  type OpsEvent,
  type OpsStatus,
  type ProposalDetail,
  type SourceErrorKind,
} from './types.js';
import { localize } from '../i18n/index.js';

/** A WebSocket message to HA. */
export interface HassMessage {
  type: string;
  [key: string]: unknown;
}

/** The part of the frontend's `hass` object the panel and the cards use. */
export interface HassLike {
  callWS<T>(msg: HassMessage): Promise<T>;
  connection: {
    subscribeMessage<T>(
      callback: (msg: T) => void,
      msg: HassMessage,
      options?: { resubscribe?: boolean },
    ): Promise<() => Promise<void>>;
    /** home-assistant-js-websocket's connection events ("ready" after a reconnect). */
    addEventListener?(event: 'ready', listener: () => void): void;
    removeEventListener?(event: 'ready', listener: () => void): void;
  };
  user?: { is_admin: boolean; name?: string };
}

/** The integration's translation keys that mean "the sidecar cannot be reached now". */
const OFFLINE_KEYS = new Set([
  'cannot_connect',
  'sidecar_unavailable',
  'invalid_auth',
  'unexpected_response',
]);
const NOT_FOUND_KEYS = new Set(['not_found', 'incident_not_found', 'proposal_not_found']);

/** home-assistant-js-websocket's code for a connection lost mid-request. */
const ERR_CONNECTION_LOST = 3;

/** Turn what `callWS` rejects with into a SourceError. */
export function wsError(err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    message?: unknown;
    translation_key?: unknown;
  };
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : '';
  const key = typeof e.translation_key === 'string' ? e.translation_key : '';
  const message =
    typeof e.message === 'string' && e.message
      ? e.message
      : String(err ?? localize('error.unknown'));
  let kind: SourceErrorKind = 'failed';
  if (code === 'unknown_command') kind = 'unsupported';
  else if (code === 'unauthorized') kind = 'forbidden';
  else if (code === String(ERR_CONNECTION_LOST)) kind = 'offline';
  else if (key === 'not_loaded' || /not set up or not loaded/i.test(message)) kind = 'not_loaded';
  else if (OFFLINE_KEYS.has(key) || /cannot reach/i.test(message)) kind = 'offline';
  else if (NOT_FOUND_KEYS.has(key) || code === 'not_found') kind = 'not_found';
  else if (key === 'rejected_request') kind = 'conflict';
  return new SourceError(kind, message, code || undefined);
}

export class HaIncidentSource implements IncidentSource {
  /** The owner hands over each new `hass` object (the frontend replaces it often). */
  constructor(public hass: HassLike) {}

  get canDecide(): boolean {
    return this.hass.user?.is_admin === true;
  }

  protected async call<T>(msg: HassMessage): Promise<T> {
    try {
      return await this.hass.callWS<T>(msg);
    } catch (err) {
      throw wsError(err);
    }
  }

  incidents(query: IncidentQuery): Promise<IncidentPage> {
    return this.call<IncidentPage>({ type: 'llm_ops/incidents', ...withoutEmpty(query) });
  }

  /** The incident's detail as the sidecar answers it (the integration passes it through). */
  incident(id: string): Promise<IncidentDetail> {
    return this.call<IncidentDetail>({ type: 'llm_ops/incident', incident_id: id });
  }

  async proposals(): Promise<ActionProposal[]> {
    const { proposals } = await this.call<{ proposals: ActionProposal[] }>({
      type: 'llm_ops/proposals',
    });
    return proposals;
  }

  async proposal(id: string): Promise<ProposalDetail | null> {
    try {
      return await this.call<ProposalDetail>({ type: 'llm_ops/proposal', proposal_id: id });
    } catch (err) {
      if (err instanceof SourceError && err.kind === 'unsupported') return null;
      throw err;
    }
  }

  async status(): Promise<OpsStatus | null> {
    try {
      return await this.call<OpsStatus>({ type: 'llm_ops/status' });
    } catch (err) {
      if (err instanceof SourceError && err.kind === 'unsupported') return null;
      throw err;
    }
  }

  async approve(proposalId: string): Promise<ActionProposal> {
    const { proposal } = await this.call<{ proposal: ActionProposal }>({
      type: 'llm_ops/approve',
      proposal_id: proposalId,
    });
    return proposal;
  }

  async reject(proposalId: string, reason?: string): Promise<ActionProposal> {
    const { proposal } = await this.call<{ proposal: ActionProposal }>({
      type: 'llm_ops/reject',
      proposal_id: proposalId,
      ...(reason ? { reason } : {}),
    });
    return proposal;
  }

  async dismiss(
    incidentId: string,
    opts: { ignoreSimilar: boolean; reason?: string },
  ): Promise<Incident> {
    const { incident } = await this.call<{ incident: Incident }>({
      type: 'llm_ops/dismiss',
      incident_id: incidentId,
      ignore_similar: opts.ignoreSimilar,
      ...(opts.reason ? { reason: opts.reason } : {}),
    });
    return incident;
  }

  async markFalseAlarm(incidentId: string, reason?: string): Promise<Incident> {
    const { incident } = await this.call<{ incident: Incident }>({
      type: 'llm_ops/mark_false_alarm',
      incident_id: incidentId,
      ...(reason ? { reason } : {}),
    });
    return incident;
  }

  async subscribe(onEvent: (event: OpsEvent) => void, onResync?: () => void): Promise<() => void> {
    const connection = this.hass.connection;
    let unsub: () => Promise<void>;
    try {
      // Resubscribed by home-assistant-js-websocket after a reconnect.
      unsub = await connection.subscribeMessage<OpsEvent>(onEvent, { type: 'llm_ops/subscribe' });
    } catch (err) {
      throw wsError(err);
    }
    // Whatever happened while disconnected was not pushed: load again.
    const ready = () => onResync?.();
    connection.addEventListener?.('ready', ready);
    return () => {
      connection.removeEventListener?.('ready', ready);
      unsub().catch(() => undefined); // the connection may be gone already
    };
  }
}

/** The query without unset or empty filters (the integration rejects empty lists). */
function withoutEmpty(query: IncidentQuery): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}
