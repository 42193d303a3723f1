import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionPolicy,
  DEFAULT_POLICY,
  inQuietHours,
  loadPolicy,
  parsePolicy,
  PolicyError,
} from '../../src/policy/policy.js';
import { tempDir } from '../helpers/pipeline.js';

const repo = join(import.meta.dirname, '../../..');

function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, 'policy.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('expected a PolicyError');
}

describe('parsePolicy', () => {
  it('reads a full policy and fills defaults', () => {
    const policy = parsePolicy(
      [
        'mode: auto',
        'max_actions_per_hour: 2',
        'quiet_hours: {start: "23:00", end: "07:00"}',
        'actions:',
        '  reload_config_entry:',
        '    auto: true',
        '    cooldown_s: 60',
        '    conditions:',
        '      integrations: {exclude: [zha]}',
        '      severities: [error, critical]',
        '  restart_core: {allowed: false}',
      ].join('\n'),
    );
    expect(policy.mode).toBe('auto');
    expect(actionPolicy(policy, 'reload_config_entry')).toMatchObject({
      auto: true,
      cooldownS: 60,
      allowed: true,
    });
    expect(actionPolicy(policy, 'reload_config_entry').integrations.exclude).toEqual(['zha']);
    expect(actionPolicy(policy, 'restart_core').allowed).toBe(false);
    expect(actionPolicy(policy, 'restart_addon')).toMatchObject({
      allowed: true,
      auto: false,
      cooldownS: 600,
    });
  });

  it('reads which plug powers which device', () => {
    const policy = parsePolicy(
      'power_cycle:\n  sensor.boiler_status: switch.plug_boiler\n  0123456789abcdef0123456789abcdef: switch.plug_tv\n',
    );
    expect(policy.power_cycle).toEqual({
      'sensor.boiler_status': 'switch.plug_boiler',
      '0123456789abcdef0123456789abcdef': 'switch.plug_tv',
    });
    expect(DEFAULT_POLICY.power_cycle).toEqual({});
  });

  it('an empty file is the default policy (approve, nothing automatic)', () => {
    expect(parsePolicy('')).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.mode).toBe('approve');
    expect(actionPolicy(DEFAULT_POLICY, 'restart_core').auto).toBe(false);
  });

  it.each([
    [
      'mode: auto\nactions:\n  call_service: {allowed: true}\n',
      3,
      /actions\.call_service: unknown action id "call_service"/,
    ],
    ['mode: yolo\n', 1, /mode: Invalid/],
    ['mode: approve\nmax_actions_per_hour: -1\n', 2, /max_actions_per_hour/],
    [
      'actions:\n  reload_config_entry:\n    auto: true\n    autoo: true\n',
      4,
      /unknown key "autoo"/,
    ],
    ['quiet_hours: {start: "25:00", end: "07:00"}\n', 1, /HH:MM/],
    [
      'actions:\n  reload_config_entry:\n    conditions:\n      severities:\n        - error\n        - bogus\n',
      6,
      /severities\.1/,
    ],
    ['mode: approve\nmode: auto\n', 2, /[Uu]nique|duplicate/],
    [
      'mode: approve\npower_cycle:\n  sensor.boiler_status: switch.plug_boiler\n  Boiler: switch.plug\n',
      4,
      /power_cycle\.Boiler: must be a device id \(32 hex digits\) or an entity id/,
    ],
    [
      'power_cycle:\n  sensor.boiler_status: light.plug_boiler\n',
      2,
      /power_cycle\.sensor\.boiler_status: must be the entity id of a switch/,
    ],
    [
      'power_cycle:\n  sensor.boiler_status: switch.plug_boiler\n  switch.plug_tv: switch.plug_tv\n',
      3,
      /power_cycle\.switch\.plug_tv: a plug cannot power-cycle itself/,
    ],
    ['power_cycle: [switch.plug]\n', 1, /power_cycle\.0: must be a device id/],
    ['actions: [\n', 2, /./],
  ])('names the line of %j', (text, line, message) => {
    const err = errorOf(text);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(new RegExp(`^policy\\.yaml:${line}: `));
    expect(err.message).toMatch(message);
  });
});

describe('loadPolicy', () => {
  it('falls back to observe-only and says why when the file is bad', () => {
    const file = join(tempDir(), 'policy.yaml');
    writeFileSync(file, 'mode: auto\nactions:\n  reboot_everything: {}\n');
    const state = loadPolicy(file);
    expect(state.policy.mode).toBe('observe');
    expect(state.error).toMatch(/policy\.yaml:3: .*reboot_everything/);
  });

  it('stays observe-only and names the file when it cannot be read', () => {
    const dir = tempDir(); // a directory where the file should be
    const state = loadPolicy(dir);
    expect(state.policy.mode).toBe('observe');
    expect(state.source).toBe(dir);
    expect(state.error).toMatch(/cannot read: .*EISDIR/);
  });

  it('uses the default policy when there is no file', () => {
    expect(loadPolicy(join(tempDir(), 'missing.yaml'))).toEqual({
      policy: DEFAULT_POLICY,
      source: 'default',
      error: null,
    });
    expect(loadPolicy(null).error).toBeNull();
  });
});

describe('quiet hours', () => {
  const policy = parsePolicy('quiet_hours: {start: "23:00", end: "07:00"}');
  it.each([
    ['22:59', false],
    ['23:00', true],
    ['03:00', true],
    ['06:59', true],
    ['07:00', false],
  ])('%s → %s (spanning midnight)', (hhmm, quiet) => {
    const [h, m] = hhmm.split(':').map(Number);
    const d = new Date(2026, 10, 25, h, m);
    expect(inQuietHours(policy, d)).toBe(quiet);
  });

  // The sidecar may run in UTC while the home is elsewhere: Home Assistant's zone decides.
  it.each([
    // 23:30 in Auckland (UTC+13 in November) is 10:30 UTC: quiet at home, not in UTC.
    ['2026-11-25T10:30:00Z', 'Pacific/Auckland', true],
    // 08:00 in Auckland is 19:00 UTC the day before: awake at home.
    ['2026-11-24T19:00:00Z', 'Pacific/Auckland', false],
    // 02:00 in New York (UTC-5) is 07:00 UTC: still quiet at home, past the end in UTC.
    ['2026-11-25T07:00:00Z', 'America/New_York', true],
    // 07:00 in Berlin (UTC+1) is 06:00 UTC: over at home, although UTC says quiet.
    ['2026-11-25T06:00:00Z', 'Europe/Berlin', false],
  ])('%s in %s → %s (Home Assistant’s time zone)', (iso, zone, quiet) => {
    expect(inQuietHours(policy, new Date(iso), zone)).toBe(quiet);
  });
});

describe('ha-llm-ops policy check', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--conditions=@ha-llm-ops/source',
        '--import',
        'tsx',
        'sidecar/src/cli.ts',
        'policy',
        ...args,
      ],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );

  it('exits 0 and summarizes a valid file', () => {
    const file = join(tempDir(), 'policy.yaml');
    writeFileSync(
      file,
      'mode: auto\nactions:\n  reload_config_entry: {auto: true}\n  restart_core: {allowed: false}\n',
    );
    const res = cli('check', file);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('valid. mode auto');
    expect(res.stdout).toContain('automatic: reload_config_entry');
    expect(res.stdout).toContain('not allowed: restart_core');
    expect(res.stdout).not.toContain('power cycle');
  });

  it('names which plug powers which device', () => {
    const file = join(tempDir(), 'policy.yaml');
    writeFileSync(file, 'power_cycle:\n  sensor.boiler_status: switch.plug_boiler\n');
    const res = cli('check', file);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('; power cycle: sensor.boiler_status → switch.plug_boiler');
  });

  it('exits non-zero with file:line for an invalid file', () => {
    const file = join(tempDir(), 'policy.yaml');
    writeFileSync(file, 'mode: approve\nactions:\n  call_service: {allowed: true}\n');
    const res = cli('check', file);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/policy\.yaml:3: actions\.call_service: unknown action id/);
  });

  it('exits 2 for a missing file and for bad usage', () => {
    expect(cli('check', '/nonexistent/policy.yaml').status).toBe(2);
    expect(cli('lint').status).toBe(2);
  });
});
