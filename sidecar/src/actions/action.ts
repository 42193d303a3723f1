/**
 * The allow-listed action interface (DESIGN.md §3): one module per action, each
 * able to resolve and check its parameters against live HA state, describe
 * itself before anyone approves, apply, verify and roll back. Nothing outside
 * the registry (actions/index.ts) can run; there is no generic service call.
 */
import type {
  ActionId,
  ActionParams,
  ActionPreview,
  Risk,
  VerificationTest,
} from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import type { Inventory } from '../ha/inventory.js';
import type { HaHttp } from '../ha/log-window.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { Logger } from '../log.js';
import type { SupervisorClient } from '../supervisor/client.js';

/** The action's parameters do not fit the incident or the home; the reason says why. */
export class ActionRejected extends Error {}

/** What an action gets to work with. */
export interface ActionContext {
  conn: Connection;
  inventory: Inventory;
  supervisor: SupervisorClient | null;
  incident: IncidentRecord;
  journal: Journal;
  log: Logger;
  now(): Date;
  /** How long a temporary change (a quieted logger) lasts before it is undone by itself, in s. */
  revertAfterS: number;
  /** The policy's power_cycle map: which plug (a switch) powers which device or entity. */
  powerCycle?: Readonly<Record<string, string>>;
  /** Aborted when the sidecar stops: an action waiting in the middle of a change ends it early. */
  signal?: AbortSignal;
  /** Home Assistant's REST API (its log file is read there); absent where the sidecar has none. */
  haHttp?: HaHttp;
  /** The redaction everything the journal keeps passes; actions that store text need it. */
  redact?: (text: string) => string;
}

/** What a backup before the action must cover; null when the action changes nothing worth one. */
export interface BackupScope {
  homeassistant: boolean;
  includeDatabase: boolean;
  addons: string[];
  /** In words, for the preview. */
  description: string;
  /** The backup is what the user asked for: kept, never deleted to make room. */
  kept?: boolean;
}

/** Whatever apply() needs to remember for verify() and rollback(). */
export type Applied = Record<string, unknown>;

export interface RollbackOutcome {
  attempted: boolean;
  succeeded: boolean;
  detail: string;
}

/**
 * An allow-listed action, describing itself: what people see (label), what the
 * model is told (guide, params), how it is checked, previewed, applied, verified
 * and undone. Adding one is this object in one file plus one line in index.ts.
 */
export interface ActionDefinition {
  id: ActionId;
  /** What people see: "Reload the integration entry". */
  label: string;
  /** What the model is told it does and when it helps (after "<id>: "). */
  guide: string;
  /** Every parameter it takes, with what it is (the model's answer schema is built from these). */
  params: Readonly<Record<string, string>>;
  risk: Risk;
  /**
   * A verified success fixes the incident: true; false for evidence and backups;
   * 'by_user' for a step the user completes (the incident is then fixed by the user
   * when its failure clears).
   */
  fixes: boolean | 'by_user';
  /**
   * The change lasts `revertAfterS` only: after a verified success the executor journals it
   * and rollback() undoes it then, also across restarts of the sidecar.
   */
  temporary?: boolean;
  /** How long this temporary change lasts, in s, when its parameters say (else `revertAfterS`). */
  lastsS?(params: ActionParams): number;
  /**
   * Complete and check parameters: fill what the incident implies (its entry,
   * its automation, its add-on) and refuse anything that does not belong to the
   * incident. Throws ActionRejected.
   */
  resolve(ctx: ActionContext, params: ActionParams): Promise<ActionParams>;
  /** The cooldown key: the action and its target. */
  target(params: ActionParams): string;
  preview(
    ctx: ActionContext,
    params: ActionParams,
  ): Omit<ActionPreview, 'backup' | 'label' | 'track_record'> & { backup: BackupScope | null };
  /** The checks run after apply (the preview shows the same list). */
  verification(ctx: ActionContext, params: ActionParams): VerificationTest[];
  apply(ctx: ActionContext, params: ActionParams): Promise<Applied>;
  rollback(ctx: ActionContext, params: ActionParams, applied: Applied): Promise<RollbackOutcome>;
}

/** Rollback of an action that leaves nothing to undo. */
export function nothingToUndo(detail: string): Promise<RollbackOutcome> {
  return Promise.resolve({ attempted: false, succeeded: true, detail });
}

/** Refuse parameters the action does not know (a model cannot smuggle extras through). */
export function onlyParams(params: ActionParams, allowed: readonly string[]): void {
  const extra = Object.keys(params).filter((k) => !allowed.includes(k));
  if (extra.length) throw new ActionRejected(`unknown parameter ${extra.join(', ')}`);
}

/** Call an HA action (service) over the WebSocket; only action modules use this, each for its own service. */
export async function callHaService(
  conn: Connection,
  domain: string,
  service: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await conn.sendMessagePromise({ type: 'call_service', domain, service, service_data: data });
}

/**
 * Ask `check` until it is satisfied or about two seconds have passed: what HA
 * reports right after a command can lag it. Returns the last answer.
 */
export async function settled<T>(check: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let last = await check();
  for (let i = 0; i < 10 && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 200));
    last = await check();
  }
  return last;
}

export const CONFIG_BACKUP: BackupScope = {
  homeassistant: true,
  includeDatabase: false,
  addons: [],
  description: 'Home Assistant configuration (partial backup, without the database)',
};
