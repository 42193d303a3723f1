/**
 * The app (add-on) files against the keys the Supervisor documents
 * (developers.home-assistant.io, "App configuration" and "Create an app
 * repository"): unknown keys are errors, the options must fit their schema,
 * and every option must be one the sidecar reads, with the same bounds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { LLM_OPTION_ENV, loadLlmSettings } from '../../src/shared/llm-settings.js';
import { loadSettings, SettingsError, withAddonOptions } from '../../src/config.js';
import { LOG_LEVELS } from '../../src/log.js';
import { DISCOVERY_SERVICE } from '../../src/supervisor/discovery.js';
import { readPng } from './png.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const yaml = (path: string): unknown => parseYaml(read(path));

const ARCHES = ['armhf', 'armv7', 'aarch64', 'amd64', 'i386'] as const;
const bool = v.boolean();
const str = v.string();
const strList = v.array(v.string());
const OPTION_TYPE =
  /^(?:str|int|float)(?:\((-?[\d.]*),(-?[\d.]*)\))?\??$|^(?:bool|email|url|password|port)\??$|^match\(.+\)\??$|^list\([^|()]+(?:\|[^|()]+)*\)\??$|^device(?:\(.+\))?\??$/;
const optionValue = v.union([v.string(), v.number(), v.boolean(), v.null()]);

/** config.yaml: every key of "App configuration", required and optional; nothing else. */
const AddonConfig = v.strictObject({
  name: str,
  version: str,
  slug: v.pipe(str, v.regex(/^[a-z0-9_]+$/, 'must be URI friendly')),
  description: str,
  arch: v.pipe(v.array(v.picklist(ARCHES)), v.minLength(1)),
  machine: v.optional(strList),
  url: v.optional(v.pipe(str, v.url())),
  startup: v.optional(v.picklist(['initialize', 'system', 'services', 'application', 'once'])),
  webui: v.optional(str),
  boot: v.optional(v.picklist(['auto', 'manual', 'manual_only'])),
  ports: v.optional(v.record(str, v.nullable(v.number()))),
  ports_description: v.optional(v.record(str, str)),
  host_network: v.optional(bool),
  host_ipc: v.optional(bool),
  host_dbus: v.optional(bool),
  host_pid: v.optional(bool),
  host_uts: v.optional(bool),
  devices: v.optional(strList),
  homeassistant: v.optional(v.pipe(str, v.regex(/^\d{4}\.\d{1,2}\.\d+$/))),
  hassio_role: v.optional(v.picklist(['default', 'homeassistant', 'backup', 'manager', 'admin'])),
  hassio_api: v.optional(bool),
  homeassistant_api: v.optional(bool),
  docker_api: v.optional(bool),
  privileged: v.optional(strList),
  full_access: v.optional(bool),
  apparmor: v.optional(v.union([bool, str])),
  map: v.optional(
    v.array(
      v.union([
        v.pipe(str, v.regex(/^[a-z_]+(?::rw)?$/)),
        v.strictObject({
          type: v.picklist([
            'homeassistant_config',
            'addon_config',
            'ssl',
            'addons',
            'backup',
            'share',
            'media',
            'all_addon_configs',
            'data',
          ]),
          read_only: v.optional(bool),
          path: v.optional(str),
        }),
      ]),
    ),
  ),
  environment: v.optional(v.record(str, str)),
  audio: v.optional(bool),
  video: v.optional(bool),
  gpio: v.optional(bool),
  usb: v.optional(bool),
  uart: v.optional(bool),
  udev: v.optional(bool),
  devicetree: v.optional(bool),
  kernel_modules: v.optional(bool),
  stdin: v.optional(bool),
  legacy: v.optional(bool),
  options: v.optional(v.record(str, optionValue)),
  schema: v.optional(v.union([v.literal(false), v.record(str, v.pipe(str, v.regex(OPTION_TYPE)))])),
  image: v.optional(str),
  codenotary: v.optional(str),
  timeout: v.optional(v.pipe(v.number(), v.integer())),
  tmpfs: v.optional(bool),
  discovery: v.optional(strList),
  services: v.optional(v.array(v.pipe(str, v.regex(/^\w+:(?:provide|want|need)$/)))),
  auth_api: v.optional(bool),
  ingress: v.optional(bool),
  ingress_port: v.optional(v.pipe(v.number(), v.integer())),
  ingress_entry: v.optional(str),
  ingress_stream: v.optional(bool),
  panel_icon: v.optional(v.pipe(str, v.regex(/^mdi:[a-z0-9-]+$/))),
  panel_title: v.optional(str),
  panel_admin: v.optional(bool),
  backup: v.optional(v.picklist(['hot', 'cold'])),
  backup_pre: v.optional(str),
  backup_post: v.optional(str),
  backup_exclude: v.optional(strList),
  advanced: v.optional(bool),
  stage: v.optional(v.picklist(['stable', 'experimental', 'deprecated'])),
  init: v.optional(bool),
  watchdog: v.optional(
    v.pipe(str, v.regex(/^(?:https?|tcp|\[PROTO:\w+\]):\/\/\[HOST\]:\[PORT:\d+\]/)),
  ),
  realtime: v.optional(bool),
  journald: v.optional(bool),
  breaking_versions: v.optional(strList),
  ulimits: v.optional(
    v.record(str, v.union([v.number(), v.strictObject({ soft: v.number(), hard: v.number() })])),
  ),
});
type AddonConfig = v.InferOutput<typeof AddonConfig>;

/** repository.yaml: "Repository configuration". */
const RepositoryConfig = v.strictObject({
  name: str,
  url: v.optional(v.pipe(str, v.url())),
  maintainer: v.optional(str),
});

/** Translations: `configuration` (one entry per schema key) and `network` (per port). */
const Translations = v.strictObject({
  configuration: v.record(
    str,
    v.strictObject({ name: str, description: str, fields: v.optional(v.record(str, v.any())) }),
  ),
  network: v.optional(v.record(str, str)),
});

function valid<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  file: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issues = result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    throw new Error(`${file}:\n  ${issues.join('\n  ')}`);
  }
  return result.output;
}

const config: AddonConfig = valid(AddonConfig, yaml('sidecar/config.yaml'), 'sidecar/config.yaml');
const schema = (config.schema || {}) as Record<string, string>;
const options = config.options ?? {};

/** Whether `value` passes the Supervisor's check for option type `type` (optional marker ignored). */
function fitsOption(type: string, value: unknown): boolean {
  const t = type.replace(/\?$/, '');
  const range = /^(str|int|float)(?:\((-?[\d.]*),(-?[\d.]*)\))?$/.exec(t);
  if (range) {
    const [, kind, lo, hi] = range;
    const n = kind === 'str' ? (typeof value === 'string' ? value.length : NaN) : Number(value);
    if (kind === 'str' && typeof value !== 'string') return false;
    if (kind !== 'str' && typeof value !== 'number') return false;
    if (kind === 'int' && !Number.isInteger(value)) return false;
    return (!lo || n >= Number(lo)) && (!hi || n <= Number(hi));
  }
  const list = /^list\((.+)\)$/.exec(t);
  if (list?.[1]) return list[1].split('|').includes(String(value));
  const match = /^match\((.+)\)$/.exec(t);
  if (match?.[1]) return typeof value === 'string' && new RegExp(`^(?:${match[1]})$`).test(value);
  switch (t) {
    case 'bool':
      return typeof value === 'boolean';
    case 'port':
      return Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 65535;
    case 'url':
      return typeof value === 'string' && URL.canParse(value);
    case 'email':
      return typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value);
    default:
      return typeof value === 'string';
  }
}

/**
 * The environment the sidecar sees for options (what /data/options.json turns into):
 * config.ts maps its own options, the LLM analyzer's settings map theirs.
 */
function envFor(options: Record<string, unknown>): Record<string, string | undefined> {
  const env = withAddonOptions({ SUPERVISOR_TOKEN: 'supervisor-token' }, options);
  for (const [name, value] of Object.entries(options)) {
    const target = LLM_OPTION_ENV[name];
    if (target && value !== null && value !== '') env[target] ??= String(value);
  }
  return env;
}

/** Load every settings group the sidecar reads from the environment. */
function loadAll(env: Record<string, string | undefined>) {
  return { ...loadSettings(env), llm: loadLlmSettings(env) };
}

/**
 * An option the add-on offers for a setting the sidecar does not read yet: the
 * mode override (the policy file sets the mode). Validated by the Supervisor and
 * documented as not read yet.
 */
const NOT_YET_READ = new Set(['mode']);

/** The add-on options config.ts knows (its OPTION_ENV map and the thresholds' `option` fields). */
function sidecarOptions(): string[] {
  const source = read('sidecar/src/config.ts');
  const fromThresholds = [...source.matchAll(/\boption: '(\w+)'/g)].map((m) => m[1] ?? '');
  const block = /const OPTION_ENV[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
  const direct = [...block.matchAll(/^\s*(\w+): '/gm)].map((m) => m[1] ?? '');
  return [...fromThresholds, ...direct, ...Object.keys(LLM_OPTION_ENV)];
}

describe('repository.yaml', () => {
  it('makes the repository an app repository', () => {
    const repo = valid(RepositoryConfig, yaml('repository.yaml'), 'repository.yaml');
    expect(repo.name).toBe('HA LLM Ops');
    expect(repo.url).toBe(
      (JSON.parse(read('custom_components/llm_ops/manifest.json')) as { documentation: string })
        .documentation,
    );
  });

  it('holds exactly one app configuration (the Supervisor searches the whole tree)', () => {
    const found: string[] = [];
    const skip = new Set(['node_modules', '.git', '.ha-dev', 'test-results', 'dist', 'coverage']);
    const walk = (rel: string) => {
      for (const name of readdirSync(join(REPO, rel))) {
        if (skip.has(name)) continue;
        const path = rel ? `${rel}/${name}` : name;
        if (statSync(join(REPO, path)).isDirectory()) walk(path);
        else if (/^config\.(?:json|ya?ml)$/.test(name)) found.push(path);
      }
    };
    walk('');
    expect(found).toEqual(['sidecar/config.yaml']);
  });
});

describe('sidecar/config.yaml', () => {
  it('uses only documented keys with valid values', () => {
    // `valid` above already threw on an unknown key or a bad value; these are the product's choices.
    expect(config).toMatchObject({
      name: 'HA LLM Ops',
      slug: 'ha_llm_ops',
      arch: ['amd64', 'aarch64'],
      init: false,
      ingress: true,
      panel_icon: 'mdi:stethoscope',
      homeassistant_api: true,
      hassio_api: true,
      hassio_role: 'manager',
    });
  });

  it('carries the version of the sidecar package and the HA version HACS requires', () => {
    const pkg = JSON.parse(read('sidecar/package.json')) as { version: string };
    const hacs = JSON.parse(read('hacs.json')) as { homeassistant: string };
    expect(config.version).toBe(pkg.version);
    expect(config.homeassistant).toBe(hacs.homeassistant);
  });

  it('serves ingress and Core on the port the sidecar listens on (the default ingress port)', () => {
    const settings = loadSettings({ SUPERVISOR_TOKEN: 'supervisor-token' });
    expect(config.ingress_port ?? 8099).toBe(settings.port);
  });

  it('may announce itself for the integration (discovery)', () => {
    expect(config.discovery).toEqual([DISCOVERY_SERVICE]);
    const manifest = JSON.parse(read('custom_components/llm_ops/manifest.json')) as {
      domain: string;
    };
    expect(DISCOVERY_SERVICE).toBe(manifest.domain);
  });

  it('maps its config folder because the default policy file lives there', () => {
    const settings = loadSettings({ SUPERVISOR_TOKEN: 'supervisor-token' });
    expect(settings.policyFile).toMatch(/^\/config\//);
    expect(options.policy_file).toBe(settings.policyFile);
    expect(config.map).toEqual(['addon_config']);
  });

  it('has a schema for every option, and every default fits its schema', () => {
    for (const [name, value] of Object.entries(options)) {
      const type = schema[name];
      expect(type, `schema of ${name}`).toBeDefined();
      expect(fitsOption(type ?? '', value), `${name}: ${JSON.stringify(value)} vs ${type}`).toBe(
        true,
      );
    }
    // An option without a default is required unless its type ends in `?`.
    for (const [name, type] of Object.entries(schema))
      if (!(name in options)) expect(type, `${name} has no default`).toMatch(/\?$/);
  });

  it('offers every option the sidecar reads', () => {
    const known = sidecarOptions();
    expect(known.length).toBeGreaterThan(10);
    expect(known.filter((o) => !(o in schema))).toEqual([]);
  });

  it('offers only options the sidecar reads (apart from the documented pending ones)', () => {
    for (const name of Object.keys(schema)) {
      if (NOT_YET_READ.has(name)) continue;
      const sample = options[name] ?? (schema[name]?.startsWith('bool') ? false : 'sample');
      const set = Object.keys(envFor({ [name]: sample })).filter((k) => k !== 'SUPERVISOR_TOKEN');
      expect(set, `${name} is not read by the sidecar`).toHaveLength(1);
    }
  });

  it('bounds every number option as the sidecar does', () => {
    for (const [name, type] of Object.entries(schema)) {
      const m = /^int\((-?\d+),(-?\d+)\)\??$/.exec(type);
      if (!m) continue;
      const [lo, hi] = [Number(m[1]), Number(m[2])];
      const load = (n: number) => () => loadAll(envFor({ [name]: n }));
      expect(load(lo), `${name}=${lo}`).not.toThrow();
      expect(load(hi), `${name}=${hi}`).not.toThrow();
      expect(load(hi + 1), `${name}=${hi + 1}`).toThrow(SettingsError);
      if (lo > 0) expect(load(lo - 1), `${name}=${lo - 1}`).toThrow(SettingsError);
    }
  });

  it('offers exactly the sidecar log levels, and defaults match the sidecar defaults', () => {
    expect(schema.log_level).toBe(`list(${LOG_LEVELS.join('|')})`);
    for (const level of LOG_LEVELS)
      expect(loadSettings(envFor({ log_level: level })).logLevel).toBe(level);
    const defaults = loadAll({ SUPERVISOR_TOKEN: 'supervisor-token' });
    expect(loadAll(envFor(options))).toEqual(defaults);
  });

  it('offers the LLM backends the analyzer knows, and its settings validate', () => {
    expect(schema.llm_backend).toBe('list(none|openai|ai_task)');
    const ollama = loadLlmSettings(
      envFor({
        llm_backend: 'openai',
        llm_base_url: 'http://homeassistant.local:11434/v1',
        llm_model: 'llama3.1',
        llm_calls_per_hour: 5,
      }),
    );
    expect(ollama).toMatchObject({ backend: 'openai', model: 'llama3.1', callsPerHour: 5 });
    const entity = 'ai_task.openai_ai_task';
    expect(fitsOption(schema.llm_ai_task_entity ?? '', entity)).toBe(true);
    expect(fitsOption(schema.llm_ai_task_entity ?? '', 'sensor.x')).toBe(false);
    expect(
      loadLlmSettings(envFor({ llm_backend: 'ai_task', llm_ai_task_entity: entity })).aiTaskEntity,
    ).toBe(entity);
  });

  it('offers the model timeout, the JSON output mode, the prices and the cost cap as options', () => {
    const chosen = {
      llm_timeout_s: 90,
      llm_json_mode: 'json_object',
      llm_cost_input_per_mtok: 0.15,
      llm_cost_output_per_mtok: 0.6,
      llm_monthly_cost_cap: 2.5,
    };
    for (const [name, value] of Object.entries(chosen))
      expect(fitsOption(schema[name] ?? '', value), name).toBe(true);
    expect(fitsOption(schema.llm_json_mode ?? '', 'yaml')).toBe(false);
    expect(fitsOption(schema.llm_timeout_s ?? '', 0)).toBe(false);
    expect(loadLlmSettings(envFor(chosen))).toMatchObject({
      timeoutS: 90,
      jsonMode: 'json_object',
      costPerMtok: { input: 0.15, output: 0.6 },
      monthlyCostCap: 2.5,
    });
    expect(fitsOption(schema.llm_monthly_cost_cap ?? '', -1)).toBe(false);
  });

  it('passes the API token option through, and the sidecar checks its length', () => {
    expect(loadSettings(envFor({ api_token: 'a-token-of-sixteen-chars' })).apiToken).toBe(
      'a-token-of-sixteen-chars',
    );
    expect(() => loadSettings(envFor({ api_token: 'short' }))).toThrow(/LLM_OPS_API_TOKEN/);
  });

  it('names and describes every option in translations/en.yaml', () => {
    const t = valid(Translations, yaml('sidecar/translations/en.yaml'), 'translations/en.yaml');
    expect(Object.keys(t.configuration).sort()).toEqual(Object.keys(schema).sort());
  });

  it('documents every option, the role and discovery in DOCS.md; CHANGELOG.md has this version', () => {
    const docs = read('sidecar/DOCS.md');
    for (const name of Object.keys(schema)) expect(docs, name).toContain(`\`${name}\``);
    expect(docs).toContain('manager');
    expect(docs).toContain('HOSTNAME');
    expect(read('sidecar/CHANGELOG.md')).toContain(`## ${config.version}`);
  });

  it('has a square icon and a landscape logo', () => {
    const icon = readPng(join(REPO, 'sidecar/icon.png'));
    expect([icon.width, icon.height]).toEqual([128, 128]);
    const logo = readPng(join(REPO, 'sidecar/logo.png'));
    expect(logo.width).toBeGreaterThan(logo.height);
  });
});
