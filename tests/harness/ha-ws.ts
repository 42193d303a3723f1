import WebSocket from 'ws';

/** Error returned by Home Assistant for a WebSocket command. */
export class HaCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The integration's translation key, when HA's error names one. */
    readonly translationKey?: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * Open an authenticated WebSocket to HA, run one command and close.
 * The test harness uses this for setup steps that have no REST form
 * (e.g. minting a long-lived token); product code uses home-assistant-js-websocket.
 */
export async function haWsCommand<T>(
  haUrl: string,
  accessToken: string,
  message: Record<string, unknown>,
): Promise<T> {
  const ws = new WebSocket(haUrl.replace(/^http/, 'ws') + '/api/websocket');
  try {
    return await new Promise<T>((resolve, reject) => {
      ws.on('error', reject);
      ws.on('close', () => reject(new Error('Home Assistant closed the WebSocket')));
      ws.on('message', (raw) => {
        const msg = JSON.parse(raw.toString()) as {
          type: string;
          id?: number;
          success?: boolean;
          result?: T;
          error?: { code: string; message: string };
        };
        if (msg.type === 'auth_required') {
          ws.send(JSON.stringify({ type: 'auth', access_token: accessToken }));
        } else if (msg.type === 'auth_invalid') {
          reject(new Error('Home Assistant rejected the access token'));
        } else if (msg.type === 'auth_ok') {
          ws.send(JSON.stringify({ ...message, id: 1 }));
        } else if (msg.type === 'result' && msg.id === 1) {
          if (msg.success) resolve(msg.result as T);
          else reject(new HaCommandError(msg.error?.code ?? 'unknown', msg.error?.message ?? ''));
        }
      });
    });
  } finally {
    ws.removeAllListeners('close');
    ws.close();
  }
}

/** An open, authenticated WebSocket to HA for tests that listen to events. */
export class HaSocket {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private readonly eventHandlers = new Map<number, (event: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as {
        type: string;
        id: number;
        success?: boolean;
        result?: unknown;
        error?: { code: string; message: string; translation_key?: string };
        event?: unknown;
      };
      if (msg.type === 'event') this.eventHandlers.get(msg.id)?.(msg.event);
      else if (msg.type === 'pong') {
        this.pending.get(msg.id)?.resolve(null);
        this.pending.delete(msg.id);
      } else if (msg.type === 'result') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.success) p?.resolve(msg.result);
        else
          p?.reject(
            new HaCommandError(
              msg.error?.code ?? 'unknown',
              msg.error?.message ?? '',
              msg.error?.translation_key,
            ),
          );
      }
    });
  }

  static async open(haUrl: string, accessToken: string): Promise<HaSocket> {
    const ws = new WebSocket(haUrl.replace(/^http/, 'ws') + '/api/websocket');
    await new Promise<void>((resolve, reject) => {
      const onMessage = (raw: WebSocket.RawData) => {
        const msg = JSON.parse(raw.toString()) as { type: string };
        if (msg.type === 'auth_required')
          ws.send(JSON.stringify({ type: 'auth', access_token: accessToken }));
        else if (msg.type === 'auth_ok') {
          ws.off('message', onMessage);
          resolve();
        } else if (msg.type === 'auth_invalid')
          reject(new Error('Home Assistant rejected the access token'));
      };
      ws.on('message', onMessage);
      ws.once('error', reject);
    });
    return new HaSocket(ws);
  }

  command<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ ...message, id }));
    });
  }

  /** HA's heartbeat (`ping`, answered by `pong`): resolves when HA answers. */
  async ping(): Promise<void> {
    await this.command<null>({ type: 'ping' });
  }

  /** Collect events of one type into the returned array as they arrive. */
  async collect<T = { event_type: string; data: Record<string, unknown>; time_fired: string }>(
    eventType: string,
  ): Promise<T[]> {
    const events: T[] = [];
    const id = this.nextId;
    this.eventHandlers.set(id, (e) => events.push(e as T));
    await this.command({ type: 'subscribe_events', event_type: eventType });
    return events;
  }

  /** Start a subscription (`subscribe_events`, `subscribe_entities`, …); `onEvent` gets each event. */
  async subscribe<T = unknown>(
    message: Record<string, unknown>,
    onEvent: (event: T) => void,
  ): Promise<void> {
    const id = this.nextId;
    this.eventHandlers.set(id, (e) => onEvent(e as T));
    await this.command(message);
  }

  close(): void {
    this.ws.close();
  }
}
