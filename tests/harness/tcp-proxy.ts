/**
 * A TCP proxy between the sidecar and the dev HA that tests control, to cut the
 * connection the way a network does: `down` resets every connection and refuses
 * new ones; `frozen` keeps connections open but passes nothing (HA seems alive
 * and never answers); `up` forwards again.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'frozen';

export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: use as the sidecar's HA_URL. */
  url: string;
  mode(): ProxyMode;
  set(mode: ProxyMode): void;
  /** Connections accepted so far (a reconnect adds one). */
  accepted(): number;
  close(): Promise<void>;
}

/** Start a proxy to `target` (`http://host:port`) in the given mode. */
export async function startTcpProxy(target: string, initial: ProxyMode = 'up'): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  let mode = initial;
  let accepted = 0;
  const pairs = new Set<[Socket, Socket]>();

  const reset = () => {
    for (const [a, b] of pairs) {
      a.resetAndDestroy();
      b.destroy();
    }
    pairs.clear();
  };

  const server: Server = createServer((client) => {
    accepted++;
    if (mode === 'down') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        // Frozen: what is sent is swallowed, as on a link that stopped carrying packets.
        if (mode === 'up') to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    mode: () => mode,
    set(next) {
      if (next === 'down') reset();
      mode = next;
    },
    accepted: () => accepted,
    close: () =>
      new Promise((resolve) => {
        reset();
        server.close(() => resolve());
      }),
  };
}
