/**
 * Settings from the environment (and, under Supervisor, /data/options.json).
 * Every value is validated; a bad one is reported by its setting name.
 */
import * as v from 'valibot';
import { join } from 'node:path';
import { LOG_LEVELS, type LogLevel } from './log.js';

/** The validated settings the sidecar runs with. */
export interface Settings {
  /** WebSocket URL of Home Assistant's API. */
  haWsUrl: string;
  /** Token for that WebSocket: a long-lived token, or the Supervisor token. */
  haToken: string;
  /** True when running as an add-on (talking to HA through the Supervisor proxy). */
  viaSupervisor: boolean;
  port: number;
  host: string;
  logLevel: LogLevel;
  dataDir: string;
  /** Bearer token for the sidecar's HTTP API; generated into dataDir when unset. */
  apiToken: string | undefined;
}

/** A setting is missing or invalid; `setting` names it for the user. */
export class SettingsError extends Error {
  constructor(
    readonly setting: string,
    detail: string,
  ) {
    super(`${setting}: ${detail}`);
  }
}

export const SUPERVISOR_WS_URL = 'ws://supervisor/core/websocket';

const httpUrl = v.pipe(
  v.string(),
  v.url('must be a URL such as http://homeassistant.local:8123'),
  v.regex(/^https?:\/\//, 'must start with http:// or https://'),
);
const wsUrl = v.pipe(
  v.string(),
  v.url('must be a URL such as ws://homeassistant.local:8123/api/websocket'),
  v.regex(/^wss?:\/\//, 'must start with ws:// or wss://'),
);
const port = v.pipe(
  v.string(),
  v.regex(/^\d+$/, 'must be a whole number'),
  v.transform(Number),
  v.minValue(1, 'must be between 1 and 65535'),
  v.maxValue(65535, 'must be between 1 and 65535'),
);
const token = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const logLevel = v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`);
const apiToken = v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'));

function parse<S extends v.GenericSchema<string, unknown>>(
  name: string,
  schema: S,
  raw: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    throw new SettingsError(
      name,
      `${result.issues[0]?.message ?? 'is invalid'} (got ${JSON.stringify(raw)})`,
    );
  }
  return result.output;
}

type Env = Record<string, string | undefined>;

/** Read and validate the settings; throws SettingsError naming the first bad one. */
export function loadSettings(env: Env = process.env): Settings {
  const set = (name: string) =>
    env[name] === undefined || env[name] === '' ? undefined : env[name];
  const supervisorToken = set('SUPERVISOR_TOKEN');
  const haUrl = set('HA_URL');
  const haWs = set('HA_WS_URL');

  let haWsUrl: string;
  let haToken: string;
  let viaSupervisor = false;
  if (haUrl !== undefined || haWs !== undefined) {
    if (haWs !== undefined) haWsUrl = parse('HA_WS_URL', wsUrl, haWs);
    else
      haWsUrl = `${parse('HA_URL', httpUrl, haUrl as string)
        .replace(/\/+$/, '')
        .replace(/^http/, 'ws')}/api/websocket`;
    const raw = set('HA_TOKEN');
    if (raw === undefined)
      throw new SettingsError(
        'HA_TOKEN',
        'is required with HA_URL (a long-lived access token of an admin user)',
      );
    haToken = parse('HA_TOKEN', token, raw);
  } else if (supervisorToken !== undefined) {
    haWsUrl = SUPERVISOR_WS_URL;
    haToken = parse('SUPERVISOR_TOKEN', token, supervisorToken);
    viaSupervisor = true;
  } else {
    throw new SettingsError(
      'HA_URL',
      'is required (or run as an add-on, where SUPERVISOR_TOKEN is set)',
    );
  }

  return {
    haWsUrl,
    haToken,
    viaSupervisor,
    port: parse('LLM_OPS_PORT', port, set('LLM_OPS_PORT') ?? '8099'),
    host: set('LLM_OPS_HOST') ?? '0.0.0.0',
    logLevel: parse('LOG_LEVEL', logLevel, (set('LOG_LEVEL') ?? 'info').toLowerCase()),
    dataDir: set('DATA_DIR') ?? (viaSupervisor ? '/data' : join(process.cwd(), 'llm-ops-data')),
    apiToken:
      set('LLM_OPS_API_TOKEN') === undefined
        ? undefined
        : parse('LLM_OPS_API_TOKEN', apiToken, set('LLM_OPS_API_TOKEN') as string),
  };
}
