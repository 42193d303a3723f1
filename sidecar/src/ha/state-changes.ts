/**
 * The state changes the sidecar's detectors need, as `state_changed` events.
 *
 * With the llm_ops integration loaded, HA filters them in-process
 * (`llm_ops/subscribe_state_changes`, custom_components/llm_ops/state_changes.py) and sends
 * only: every change into or out of `unavailable`/`unknown`, the first change of an entity
 * after it left `unavailable`, every change of an `update.*` entity, and removals. Without
 * the integration the sidecar takes every `state_changed` event, as it always did, which
 * costs HA more CPU (docs/adr/0006-filtered-state-changes.md). Consumers must only rely on
 * the filtered set. The choice is made again after every reconnect, and when llm_ops loads.
 * The sidecar holds one such subscription (`StateChangeFeed`) for all its consumers: each
 * subscription costs HA one filter call (or one message) per change.
 */
import type {
  Connection,
  HassEvent,
  MessageBase,
  UnsubscribeFunc,
} from 'home-assistant-js-websocket';
import { guarded, type Logger } from '../log.js';

export const FILTERED_STATE_CHANGES = 'llm_ops/subscribe_state_changes';

/** An entity's state as HA sends it (the fields consumers use). */
export interface StateLike {
  entity_id: string;
  state: string;
  last_changed: string;
  attributes?: Record<string, unknown>;
}

/** A `state_changed` event. */
export type StateChangedEvent = HassEvent & {
  data: { entity_id: string; old_state: StateLike | null; new_state: StateLike | null };
};

/** Which subscription delivers the changes: HA's filter in llm_ops, or every change. */
export type StateChangePath = 'filtered' | 'all';

export interface StateChangeSubscription {
  /** The path in use now (null while disconnected). */
  path(): StateChangePath | null;
  stop(): Promise<void>;
}

/** Resolves with the subscription, or rejects if the connection drops first. */
function beforeDisconnect<T>(conn: Connection, pending: Promise<T>): Promise<T> {
  let onLost = () => {};
  const lost = new Promise<never>((_, reject) => {
    onLost = () => reject(new Error('connection lost while subscribing'));
    conn.addEventListener('disconnected', onLost);
  });
  return Promise.race([pending, lost]).finally(() =>
    conn.removeEventListener('disconnected', onLost),
  );
}

/**
 * Subscribe, and again after every reconnect. `onSubscribed` runs each time a subscription is
 * in place (a snapshot taken then misses no change); its first run is awaited.
 */
export async function subscribeStateChanges(
  conn: Connection,
  onEvent: (ev: StateChangedEvent) => void,
  log: Logger,
  onSubscribed: () => Promise<void> = async () => {},
): Promise<StateChangeSubscription> {
  let current: UnsubscribeFunc | null = null;
  let path: StateChangePath | null = null;
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();

  const subscribe = (message: MessageBase) =>
    beforeDisconnect(
      conn,
      conn.subscribeMessage<StateChangedEvent>(onEvent, message, { resubscribe: false }),
    );

  const filtered = async (): Promise<boolean> => {
    try {
      const unsub = await subscribe({ type: FILTERED_STATE_CHANGES });
      const previous = current;
      current = unsub;
      path = 'filtered';
      log.info('state changes: filtered in Home Assistant by the llm_ops integration');
      // Subscribed before letting go of the broad one, so no change falls between.
      if (previous)
        await Promise.resolve()
          .then(previous)
          .catch(() => undefined);
      return true;
    } catch (err) {
      log.debug(`state changes: no llm_ops filter (${String(err)})`);
      return false;
    }
  };
  const choose = async () => {
    if (stopped || path === 'filtered') return;
    if (!(await filtered())) {
      if (current) return; // keep the broad subscription
      current = await subscribe({ type: 'subscribe_events', event_type: 'state_changed' });
      path = 'all';
      log.info('state changes: every state_changed event (the llm_ops integration is not loaded)');
    }
    await onSubscribed();
  };
  const again = () => {
    queue = queue
      .then(choose)
      .catch((err: unknown) => log.warning(`state changes: subscribing failed: ${String(err)}`));
    return queue;
  };
  // After a reconnect the old subscription is gone with the old socket: never unsubscribe it
  // (its id may belong to another command on the new one).
  const onDisconnected = () => {
    current = null;
    path = null;
  };
  const onReady = () => void again();
  conn.addEventListener('disconnected', onDisconnected);
  conn.addEventListener('ready', onReady);
  const unsubLoaded = await conn.subscribeEvents<HassEvent & { data: { component?: string } }>(
    (ev) => {
      if (ev.data.component === 'llm_ops' && path === 'all') void again();
    },
    'component_loaded',
  );
  const pathNow = () => path;
  await again();
  if (!pathNow()) throw new Error('could not subscribe to state changes');
  return {
    path: pathNow,
    async stop() {
      stopped = true;
      conn.removeEventListener('disconnected', onDisconnected);
      conn.removeEventListener('ready', onReady);
      await queue;
      await Promise.resolve()
        .then(unsubLoaded)
        .catch(() => undefined);
      if (current)
        await Promise.resolve()
          .then(current)
          .catch(() => undefined);
      current = null;
      path = null;
    },
  };
}

interface Consumer {
  onEvent(ev: StateChangedEvent): void;
  onSubscribed(): Promise<void>;
}

/**
 * The sidecar's one state-change subscription, shared by every consumer (the entities
 * collector, the update follower). Subscribes at the first `listen` and lets go at `stop`.
 */
export class StateChangeFeed {
  private readonly consumers = new Set<Consumer>();
  private subscription: Promise<StateChangeSubscription> | null = null;

  constructor(
    private readonly conn: Connection,
    private readonly log: Logger,
  ) {}

  /**
   * Take the state changes. `onSubscribed` runs once the subscription is in place (awaited
   * here; a snapshot taken then misses no change) and again after every resubscription.
   * Rejects, taking nothing, when no subscription can be made.
   */
  async listen(
    onEvent: (ev: StateChangedEvent) => void,
    onSubscribed: () => Promise<void> = async () => {},
  ): Promise<StateChangeSubscription> {
    // One consumer's failure must not keep the change from the others.
    const consumer: Consumer = {
      onEvent: guarded(this.log, 'a state change', onEvent),
      onSubscribed,
    };
    const fresh = !this.subscription;
    this.consumers.add(consumer);
    try {
      this.subscription ??= this.subscribe();
      const subscription = await this.subscription;
      // A fresh subscription ran every consumer's `onSubscribed`, this one's included.
      if (!fresh) await onSubscribed();
      return {
        path: () => subscription.path(),
        stop: async () => void this.consumers.delete(consumer),
      };
    } catch (err) {
      this.consumers.delete(consumer);
      throw err;
    }
  }

  async stop(): Promise<void> {
    const pending = this.subscription;
    this.subscription = null;
    this.consumers.clear();
    await pending?.then((s) => s.stop()).catch(() => undefined);
  }

  private subscribe(): Promise<StateChangeSubscription> {
    const dispatch = (ev: StateChangedEvent) => {
      for (const consumer of this.consumers) consumer.onEvent(ev);
    };
    const subscribed = async () => {
      for (const consumer of [...this.consumers])
        await consumer
          .onSubscribed()
          .catch((err: unknown) =>
            this.log.warning(`state changes: a snapshot after subscribing failed: ${String(err)}`),
          );
    };
    const pending = subscribeStateChanges(this.conn, dispatch, this.log, subscribed);
    // A failed subscription is tried again at the next `listen`.
    pending.catch(() => {
      if (this.subscription === pending) this.subscription = null;
    });
    return pending;
  }
}
