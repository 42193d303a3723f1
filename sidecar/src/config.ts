/**
 * Settings from the environment (and, under Supervisor, /data/options.json).
 * Every value is validated; a bad one is reported by its setting name.
 */
import * as v from 'valibot';
import { join } from 'node:path';
import { LLM_OPTION_ENV } from './shared/llm-options.js';
import { parseSetting, SettingsError } from './shared/settings-parse.js';
import { loadLlmSettings, type LlmSettings } from './shared/llm-settings.js';
import { LOG_LEVELS, type LogLevel } from './log.js';

export { SettingsError };

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
  /** Where evidence bundles are written, one folder per incident. */
  incidentDir: string;
  /** The policy file; null means the built-in default policy. */
  policyFile: string | null;
  /** The knowledge file: the user's own rules for the offline analyzer (default DATA_DIR/knowledge.yaml). */
  knowledgeFile: string;
  /** The mode chosen in the settings (add-on option), over the policy file's; null to follow the file. */
  mode: 'observe' | 'approve' | 'auto' | null;
  /** The Supervisor's ingress proxy address (add-on mode), whose requests need no token; null standalone. */
  ingressPeer: string | null;
  /** What redaction masks beyond secrets (IP and MAC addresses are on unless turned off). */
  redact: { ip: boolean; mac: boolean };
  /** The Supervisor's REST API, when running under Supervisor. */
  supervisor: { url: string; token: string } | null;
  thresholds: Thresholds;
  /** The optional LLM analyzer (backend none when not configured). */
  llm: LlmSettings;
}

/** Tunables of detection and retention, in seconds unless named otherwise. */
export interface Thresholds {
  /** An entity counts as an outage once unavailable this long. */
  unavailableAfterS: number;
  /** Related signals within this window join the same incident. */
  groupingWindowS: number;
  /** A log-only incident resolves after this long without repeats. */
  quietPeriodS: number;
  /** A failure that recurs within this long after resolving reopens its incident. */
  flapWindowS: number;
  /** Least time between two `updated` events of one incident. */
  eventUpdateIntervalS: number;
  /** How often the system log is polled (a safety net beside its events). */
  logPollS: number;
  /** How often the Supervisor is polled. */
  supervisorPollS: number;
  /** Signals kept per incident. */
  signalsPerIncident: number;
  /** Days a resolved or dismissed incident is kept. */
  retentionDays: number;
  /** Resolved or dismissed incidents kept at most. */
  maxClosedIncidents: number;
  /** Longest wait for the backup before an action. */
  backupTimeoutS: number;
  /** How many of its own backups LLM Ops keeps; older ones are deleted (never anyone else's). */
  keepBackups: number;
  /** Upper bound on any single verification check's wait. */
  verifyMaxWaitS: number;
  /** How long a proposal waits for a decision before it expires. */
  proposalTtlS: number;
  /** How long a temporary change (a quieted logger) lasts before it is undone by itself. */
  revertAfterS: number;
  /** Token budget of an evidence bundle. */
  bundleTokens: number;
}

/** Each threshold: its environment variable, its add-on option, default and bounds. */
const THRESHOLDS: {
  key: keyof Thresholds;
  env: string;
  option: string;
  def: number;
  min: number;
  max: number;
}[] = [
  {
    key: 'unavailableAfterS',
    env: 'LLM_OPS_UNAVAILABLE_AFTER_S',
    option: 'unavailable_after_s',
    def: 120,
    min: 1,
    max: 86_400,
  },
  {
    key: 'groupingWindowS',
    env: 'LLM_OPS_GROUPING_WINDOW_S',
    option: 'grouping_window_s',
    def: 300,
    min: 0,
    max: 86_400,
  },
  {
    key: 'quietPeriodS',
    env: 'LLM_OPS_QUIET_PERIOD_S',
    option: 'quiet_period_s',
    def: 1800,
    min: 1,
    max: 604_800,
  },
  {
    key: 'flapWindowS',
    env: 'LLM_OPS_FLAP_WINDOW_S',
    option: 'flap_window_s',
    def: 900,
    min: 0,
    max: 604_800,
  },
  {
    key: 'eventUpdateIntervalS',
    env: 'LLM_OPS_EVENT_UPDATE_INTERVAL_S',
    option: 'event_update_interval_s',
    def: 60,
    min: 0,
    max: 86_400,
  },
  { key: 'logPollS', env: 'LLM_OPS_LOG_POLL_S', option: 'log_poll_s', def: 10, min: 1, max: 3600 },
  {
    key: 'supervisorPollS',
    env: 'LLM_OPS_SUPERVISOR_POLL_S',
    option: 'supervisor_poll_s',
    def: 60,
    min: 1,
    max: 3600,
  },
  {
    key: 'signalsPerIncident',
    env: 'LLM_OPS_SIGNALS_PER_INCIDENT',
    option: 'signals_per_incident',
    def: 200,
    min: 1,
    max: 100_000,
  },
  {
    key: 'retentionDays',
    env: 'LLM_OPS_RETENTION_DAYS',
    option: 'retention_days',
    def: 30,
    min: 1,
    max: 3650,
  },
  {
    key: 'backupTimeoutS',
    env: 'LLM_OPS_BACKUP_TIMEOUT_S',
    option: 'backup_timeout_s',
    def: 600,
    min: 1,
    max: 7200,
  },
  {
    key: 'keepBackups',
    env: 'LLM_OPS_KEEP_BACKUPS',
    option: 'keep_backups',
    def: 5,
    min: 1,
    max: 100,
  },
  {
    key: 'verifyMaxWaitS',
    env: 'LLM_OPS_VERIFY_MAX_WAIT_S',
    option: 'verify_max_wait_s',
    def: 300,
    min: 1,
    max: 3600,
  },
  {
    key: 'bundleTokens',
    env: 'LLM_OPS_BUNDLE_TOKENS',
    option: 'bundle_tokens',
    def: 3000,
    min: 200,
    max: 100_000,
  },
  {
    key: 'proposalTtlS',
    env: 'LLM_OPS_PROPOSAL_TTL_S',
    option: 'proposal_ttl_s',
    def: 86_400,
    min: 60,
    max: 2_592_000,
  },
  {
    key: 'revertAfterS',
    env: 'LLM_OPS_REVERT_AFTER_S',
    option: 'revert_after_s',
    def: 86_400,
    min: 10,
    max: 604_800,
  },
  {
    key: 'maxClosedIncidents',
    env: 'LLM_OPS_MAX_CLOSED_INCIDENTS',
    option: 'max_closed_incidents',
    def: 5000,
    min: 10,
    max: 1_000_000,
  },
];

/** Add-on options (/data/options.json) and the environment variables they stand for. */
const OPTION_ENV: Record<string, string> = {
  log_level: 'LOG_LEVEL',
  api_token: 'LLM_OPS_API_TOKEN',
  policy_file: 'LLM_OPS_POLICY',
  knowledge_file: 'LLM_OPS_KNOWLEDGE',
  mode: 'LLM_OPS_MODE',
  redact_ips: 'LLM_OPS_REDACT_IPS',
  redact_macs: 'LLM_OPS_REDACT_MACS',
  ...LLM_OPTION_ENV,
  ...Object.fromEntries(THRESHOLDS.map((t) => [t.option, t.env])),
};

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
const flag = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.picklist(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], 'must be true or false'),
  v.transform((s) => ['true', '1', 'yes', 'on'].includes(s)),
);
const modeSetting = v.picklist(['observe', 'approve', 'auto'], 'must be observe, approve or auto');
const logLevel = v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`);
const apiToken = v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'));

const parse = parseSetting;

type Env = Record<string, string | undefined>;

/**
 * Merge add-on options into the environment: an option fills the variable it
 * stands for unless the environment sets it. Options of other parts (the LLM,
 * the policy) are read where they are used.
 */
export function withAddonOptions(env: Env, options: unknown, file = '/data/options.json'): Env {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SettingsError(file, 'must hold a JSON object');
  }
  const merged: Env = { ...env };
  for (const [name, value] of Object.entries(options)) {
    const target = OPTION_ENV[name];
    if (!target || value === null || value === '') continue;
    if (merged[target] === undefined || merged[target] === '') merged[target] = String(value);
  }
  return merged;
}

function thresholds(set: (name: string) => string | undefined): Thresholds {
  const out = {} as Thresholds;
  for (const t of THRESHOLDS) {
    const raw = set(t.env);
    if (raw === undefined) {
      out[t.key] = t.def;
      continue;
    }
    const n = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || n < t.min || n > t.max) {
      throw new SettingsError(
        t.env,
        `must be a whole number between ${t.min} and ${t.max} (got ${JSON.stringify(raw)})`,
      );
    }
    out[t.key] = n;
  }
  return out;
}

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

  const dataDir =
    set('DATA_DIR') ?? (viaSupervisor ? '/data' : join(process.cwd(), 'llm-ops-data'));
  const rawApiToken = set('LLM_OPS_API_TOKEN');
  return {
    haWsUrl,
    haToken,
    viaSupervisor,
    port: parse('LLM_OPS_PORT', port, set('LLM_OPS_PORT') ?? '8099'),
    host: set('LLM_OPS_HOST') ?? '0.0.0.0',
    logLevel: parse('LOG_LEVEL', logLevel, (set('LOG_LEVEL') ?? 'info').toLowerCase()),
    dataDir,
    apiToken:
      rawApiToken === undefined ? undefined : parse('LLM_OPS_API_TOKEN', apiToken, rawApiToken),
    incidentDir: set('INCIDENT_DIR') ?? join(dataDir, 'incidents'),
    // The add-on's own config folder (`addon_config` map) holds the user's policy.yaml.
    policyFile: set('LLM_OPS_POLICY') ?? (viaSupervisor ? '/config/policy.yaml' : null),
    knowledgeFile: set('LLM_OPS_KNOWLEDGE') ?? join(dataDir, 'knowledge.yaml'),
    mode:
      set('LLM_OPS_MODE') === undefined
        ? null
        : parse('LLM_OPS_MODE', modeSetting, set('LLM_OPS_MODE') as string),
    ingressPeer: set('LLM_OPS_INGRESS_PEER') ?? (viaSupervisor ? '172.30.32.2' : null),
    redact: {
      ip: parse('LLM_OPS_REDACT_IPS', flag, set('LLM_OPS_REDACT_IPS') ?? 'true'),
      mac: parse('LLM_OPS_REDACT_MACS', flag, set('LLM_OPS_REDACT_MACS') ?? 'true'),
    },
    supervisor:
      supervisorToken === undefined
        ? null
        : {
            url: parse(
              'SUPERVISOR_URL',
              httpUrl,
              set('SUPERVISOR_URL') ?? 'http://supervisor',
            ).replace(/\/+$/, ''),
            token: parse('SUPERVISOR_TOKEN', token, supervisorToken),
          },
    thresholds: thresholds(set),
    llm: loadLlmSettings(env),
  };
}
