/** A Home Assistant connection as the system log collector uses it, with the log's records. */
import type { Connection } from 'home-assistant-js-websocket';
import type { SystemLogRecord } from '../../src/collect/system-log.js';

/** One fault_lab record as HA holds it: its first occurrence, its latest, and how many. */
export function linkLost(count: number, first: number, latest: number): SystemLogRecord {
  return {
    name: 'custom_components.fault_lab.link',
    message: ['Lost the link to the bridge'],
    level: 'ERROR',
    source: ['custom_components/fault_lab/link.py', 10],
    timestamp: latest,
    exception: '',
    count,
    first_occurred: first,
  };
}

export interface FakeSystemLog {
  conn: Connection;
  /** How often `system_log/list` was read. */
  listed: () => number;
  /** HA fires a `system_log_event`. */
  fire: (record: SystemLogRecord) => void;
  /** The connection (re)connects: what the collector registered for `ready` runs. */
  reconnect: () => Promise<void>;
}

/** A connection whose `system_log/list` answers `list` (read each time it is asked). */
export function fakeSystemLog(list: () => SystemLogRecord[]): FakeSystemLog {
  let listed = 0;
  let onEvent: (ev: { data: SystemLogRecord }) => void = () => undefined;
  const ready: (() => Promise<void>)[] = [];
  const conn = {
    sendMessagePromise: () => {
      listed++;
      return Promise.resolve(list());
    },
    subscribeEvents: (cb: typeof onEvent) => {
      onEvent = cb;
      return Promise.resolve(() => Promise.resolve());
    },
    addEventListener: (_type: string, cb: () => Promise<void>) => ready.push(cb),
    removeEventListener: () => undefined,
  } as unknown as Connection;
  return {
    conn,
    listed: () => listed,
    fire: (record) => onEvent({ data: record }),
    reconnect: async () => {
      for (const run of ready) await run();
    },
  };
}
