/**
 * The collector interface: one module per source of trouble (system log,
 * config entries, Repairs, entities, automations, Supervisor), each turning raw
 * HA data into Signals. Adding one is one file plus one line in index.ts.
 */
import type { SignalSource } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import type { Thresholds } from '../config.js';
import type { Inventory } from '../ha/inventory.js';
import type { StateChangeFeed } from '../ha/state-changes.js';
import type { Logger } from '../log.js';
import type { SupervisorClient } from '../supervisor/client.js';
import type { CursorStore, SignalSink } from '../shared/interfaces.js';

export type { CursorStore, SignalSink };

/** What a collector gets to work with. */
export interface CollectorContext {
  conn: Connection;
  inventory: Inventory;
  /** The sidecar's one state-change subscription (every consumer listens to it). */
  stateChanges: StateChangeFeed;
  supervisor: SupervisorClient | null;
  cursors: CursorStore;
  /**
   * How many times the journal dropped writes so far (a full disk): what a collector took
   * since it last read its source may be lost and is read again.
   */
  dropped(): number;
  sink: SignalSink;
  thresholds: Thresholds;
  log: Logger;
  now(): Date;
  /** Facts about collection the sidecar reports (e.g. whether the system log is evented). */
  flags: { systemLogEvents: boolean };
}

/** Stops a running collector. */
export type StopCollector = () => void | Promise<void>;

export interface Collector {
  readonly source: SignalSource;
  /** Whether the collector applies here (the Supervisor one needs a Supervisor). */
  enabled(ctx: CollectorContext): boolean;
  /** Fetch what is broken now, then follow changes; resolves once started. */
  start(ctx: CollectorContext): Promise<StopCollector>;
}

/** Run `resync` now and again after every reconnect; returns the unsubscribe. */
export async function onEveryConnect(
  conn: Connection,
  resync: () => Promise<void>,
  log: Logger,
  what: string,
): Promise<StopCollector> {
  const run = () =>
    resync().catch((err: unknown) => log.warning(`${what}: resync failed: ${String(err)}`));
  conn.addEventListener('ready', run);
  await run();
  return () => conn.removeEventListener('ready', run);
}
