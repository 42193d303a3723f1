/**
 * `LiveUpdates`: keeps an element current with one IncidentSource — its pushed events
 * while the subscription holds, a resync after a reconnect, and polling when the back end
 * cannot push (an older integration). Stops when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IncidentSource, OpsEvent } from './data/types.js';

export interface LiveOptions {
  /** A pushed change. */
  event: (event: OpsEvent) => void;
  /** Everything may have changed (reconnected, or a poll is due): fetch again. */
  resync: () => void;
  /** How often to poll without a subscription. */
  pollMs: number;
}

export class LiveUpdates implements ReactiveController {
  private source: IncidentSource | undefined;
  private unsubscribe: (() => void) | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  /** The source followed now, if any. */
  get running(): IncidentSource | undefined {
    return this.source;
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Follow `source` (instead of any other). */
  start(source: IncidentSource): void {
    this.stop();
    this.source = source;
    const { event, resync, pollMs } = this.options;
    source.subscribe(event, resync).then(
      (unsub) => {
        // Stopped or switched meanwhile: this subscription is no longer wanted.
        if (this.source === source) this.unsubscribe = unsub;
        else unsub();
      },
      () => {
        if (this.source === source && !this.pollTimer) {
          this.pollTimer = setInterval(resync, pollMs);
        }
      },
    );
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.source = undefined;
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }
}
