/**
 * A replay server for the ingest benchmark: it speaks the parts of HA's
 * WebSocket protocol the sidecar uses (auth, the initial fetches, event
 * subscriptions) and then replays a recorded-shape stream of `state_changed`
 * and `system_log_event` events as fast as the socket takes them, coalesced
 * into batches the way HA sends them. The same stream can be replayed to a
 * bare client to measure the ceiling of receiving and parsing it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface StreamSpec {
  events: number;
  entities: number;
  /** One in this many events is a log error (the rest are state changes). */
  logEvery: number;
  /** Distinct log messages (fingerprints) cycled through. */
  logKinds: number;
  /** Events per coalesced WebSocket message. */
  batch: number;
  /** Events a second, paced; as fast as the socket takes them when not given. */
  rate?: number;
}

interface Subscriptions {
  stateChanged?: number;
  systemLog?: number;
}

/** Pre-serialized batches of the stream (built once, so the server is never the bottleneck). */
export function buildStream(spec: StreamSpec, subs: Subscriptions): string[] {
  const batches: string[] = [];
  let batch: unknown[] = [];
  const t0 = Date.now() / 1000;
  for (let i = 0; i < spec.events; i++) {
    const isLog = i % spec.logEvery === spec.logEvery - 1;
    if (isLog && subs.systemLog !== undefined) {
      const k = ((i / spec.logEvery) % spec.logKinds) | 0;
      batch.push({
        id: subs.systemLog,
        type: 'event',
        event: {
          event_type: 'system_log_event',
          data: {
            name: `custom_components.bench_${k % 50}.sensor`,
            message: [
              `Failure kind ${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + (((k / 26) % 26) | 0))} while polling device at 192.0.2.${k % 250}`,
            ],
            level: 'ERROR',
            source: [`custom_components/bench_${k % 50}/sensor.py`, 100 + (k % 7)],
            timestamp: t0 + i / 1e6,
            exception: '',
            count: 1,
            first_occurred: t0,
          },
          origin: 'LOCAL',
          time_fired: new Date().toISOString(),
          context: { id: `c${i}`, parent_id: null, user_id: null },
        },
      });
    } else if (subs.stateChanged !== undefined) {
      const n = i % spec.entities;
      const entityId = `sensor.bench_${n}`;
      // Now and then an entity drops out (and comes back): real churn for the outage tracker.
      const state = i % 997 === 0 ? 'unavailable' : String(((i * 7) % 1000) / 10);
      const newState = {
        entity_id: entityId,
        state,
        attributes: {
          unit_of_measurement: '°C',
          friendly_name: `Bench ${n}`,
          device_class: 'temperature',
        },
        last_changed: new Date().toISOString(),
        last_updated: new Date().toISOString(),
        context: { id: `c${i}`, parent_id: null, user_id: null },
      };
      batch.push({
        id: subs.stateChanged,
        type: 'event',
        event: {
          event_type: 'state_changed',
          data: { entity_id: entityId, old_state: null, new_state: newState },
          origin: 'LOCAL',
          time_fired: newState.last_updated,
          context: newState.context,
        },
      });
    } else {
      continue;
    }
    if (batch.length >= spec.batch) {
      batches.push(JSON.stringify(batch));
      batch = [];
    }
  }
  // The last event marks the end of the stream: a log error of its own kind.
  if (subs.systemLog !== undefined) {
    batch.push({
      id: subs.systemLog,
      type: 'event',
      event: {
        event_type: 'system_log_event',
        data: {
          name: 'custom_components.bench_end.sensor',
          message: ['Bench stream ended here'],
          level: 'ERROR',
          source: ['custom_components/bench_end/sensor.py', 1],
          timestamp: t0 + spec.events / 1e6 + 1,
          exception: '',
          count: 1,
          first_occurred: t0,
        },
        origin: 'LOCAL',
        time_fired: new Date().toISOString(),
        context: { id: 'end', parent_id: null, user_id: null },
      },
    });
  }
  if (batch.length) batches.push(JSON.stringify(batch));
  return batches;
}

export interface ReplayServer {
  url: string;
  /** Resolves when a client subscribed to everything and the stream was sent; with the send duration. */
  sent: Promise<{ ms: number; messages: number }>;
  close(): Promise<void>;
}

/** Serve HA's handshake and initial data, then replay the stream to the first full subscriber. */
export async function startReplayServer(
  spec: StreamSpec,
  opts: { bare?: boolean; onStart?: () => void } = {},
): Promise<ReplayServer> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http, path: '/api/websocket' });
  let resolveSent: (v: { ms: number; messages: number }) => void = () => undefined;
  const sent = new Promise<{ ms: number; messages: number }>((r) => (resolveSent = r));

  wss.on('connection', (ws: WebSocket) => {
    const subs: Subscriptions = {};
    let started = false;
    ws.send(JSON.stringify({ type: 'auth_required', ha_version: '2026.11.0' }));
    const result = (id: number, value: unknown) =>
      ws.send(JSON.stringify({ id, type: 'result', success: true, result: value }));
    const replay = () => {
      if (started) return;
      started = true;
      const batches = buildStream(spec, subs);
      opts.onStart?.();
      const t = performance.now();
      let i = 0;
      // Respect backpressure so the measure is the receiver's pace, not a buffer's size.
      // Paced, a batch goes only once its events are due.
      const due = (n: number) =>
        spec.rate ? t + ((n * spec.batch) / spec.rate) * 1000 : Number.NEGATIVE_INFINITY;
      const pump = () => {
        while (i < batches.length) {
          if (due(i) > performance.now()) {
            setTimeout(pump, Math.max(1, due(i) - performance.now()));
            return;
          }
          ws.send(batches[i++] as string);
          if (ws.bufferedAmount > 4 * 1024 * 1024) {
            setImmediate(pump);
            return;
          }
        }
        resolveSent({ ms: performance.now() - t, messages: batches.length });
      };
      pump();
    };
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as { type: string; id: number; event_type?: string };
      switch (msg.type) {
        case 'auth':
          ws.send(JSON.stringify({ type: 'auth_ok', ha_version: '2026.11.0' }));
          if (opts.bare) {
            subs.stateChanged = 1;
            subs.systemLog = 2;
            replay();
          }
          return;
        case 'supported_features':
          return result(msg.id, null);
        case 'subscribe_events':
          result(msg.id, null);
          if (msg.event_type === 'state_changed') subs.stateChanged = msg.id;
          if (msg.event_type === 'system_log_event') subs.systemLog = msg.id;
          if (subs.stateChanged !== undefined && subs.systemLog !== undefined)
            setTimeout(replay, 200);
          return;
        case 'config_entries/subscribe':
          result(msg.id, null);
          ws.send(JSON.stringify({ id: msg.id, type: 'event', event: [] }));
          return;
        case 'get_states':
          return result(
            msg.id,
            Array.from({ length: spec.entities }, (_, n) => ({
              entity_id: `sensor.bench_${n}`,
              state: '20.0',
              attributes: {},
              last_changed: new Date().toISOString(),
              last_updated: new Date().toISOString(),
              context: { id: 'x', parent_id: null, user_id: null },
            })),
          );
        case 'repairs/list_issues':
          return result(msg.id, { issues: [] });
        case 'ping':
          ws.send(JSON.stringify({ id: msg.id, type: 'pong' }));
          return;
        default:
          // Without the llm_ops integration HA knows none of its commands (the filtered state
          // changes among them): the sidecar then takes every state_changed event.
          if (msg.type.startsWith('llm_ops/'))
            return ws.send(
              JSON.stringify({
                id: msg.id,
                type: 'result',
                success: false,
                error: { code: 'unknown_command', message: 'Unknown command.' },
              }),
            );
          // system_log/list, trace/list, registries, manifests, backup state: empty.
          return result(msg.id, []);
      }
    });
  });

  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => http.close(() => r()));
      }),
  };
}
