/**
 * `LoadController`: one fetch's state for an element — the value, whether it is loading,
 * whether it ever loaded, and why it failed — with debounced reloads, answers applied in
 * order (a slow older fetch never overwrites a newer one) and a retry while the back end
 * is offline or not set up. The panel's views and the cards all load through it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SourceError } from './data/types.js';

export interface LoadOptions<T> {
  /** Start a fetch; undefined when there is nothing to fetch yet (no source, no id). */
  fetch: () => Promise<T> | undefined;
  /** What was fetched, before the host renders it (`previous`: the value shown until now). */
  loaded?: (value: T, previous: T | undefined) => void;
  /** Try again after this long when the back end is offline or LLM Ops is not set up. */
  retryMs?: number;
  /** What trying again does; by default this fetch, on the same timer as `reload`. */
  retry?: () => void;
}

/** Any failure as a SourceError, so views can tell offline from not set up. */
function asSourceError(err: unknown): SourceError {
  return err instanceof SourceError ? err : new SourceError('failed', String(err));
}

export class LoadController<T> implements ReactiveController {
  /** The last value fetched; undefined until the first answer (or after `reset`). */
  value: T | undefined;
  /** Why the last fetch failed; cleared by the next answer. */
  error: SourceError | undefined;
  /** A fetch is under way. */
  loading = false;
  /** The first answer came (an empty list vs. nothing known yet). */
  loaded = false;

  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LoadOptions<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }

  /** Fetch now, or after `delayMs`: events come in bursts, so reloads coalesce. */
  reload(delayMs = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), delayMs);
  }

  /** Replace the value between fetches (a pushed change shown before the refetch). */
  set(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }

  /**
   * Forget the value and ignore answers still on their way (a new source or subject);
   * `keepError` leaves the last failure shown until the next answer.
   */
  reset({ keepError = false } = {}): void {
    this.seq++;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.value = undefined;
    if (!keepError) this.error = undefined;
    this.loading = false;
    this.loaded = false;
    this.host.requestUpdate();
  }

  /** Fetch now; resolves once the answer (or the failure) is applied. */
  async load(): Promise<void> {
    const pending = this.options.fetch();
    if (!pending) return;
    const seq = ++this.seq;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const value = await pending;
      if (seq !== this.seq) return;
      const previous = this.value;
      this.value = value;
      this.error = undefined;
      this.loaded = true;
      this.options.loaded?.(value, previous);
    } catch (err) {
      if (seq !== this.seq) return;
      this.error = asSourceError(err);
      if (this.error.kind === 'offline' || this.error.kind === 'not_loaded') this.scheduleRetry();
    } finally {
      if (seq === this.seq) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  private scheduleRetry(): void {
    const { retryMs, retry } = this.options;
    if (retryMs === undefined) return;
    if (!retry) {
      this.reload(retryMs);
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(retry, retryMs);
  }
}
