import WebSocket from 'ws';

/** Error returned by Home Assistant for a WebSocket command. */
export class HaCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
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
