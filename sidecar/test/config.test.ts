import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError, SUPERVISOR_WS_URL } from '../src/config.js';

const base = { HA_URL: 'http://127.0.0.1:8123', HA_TOKEN: 'abc' };

function errorOf(env: Record<string, string>): SettingsError {
  try {
    loadSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err;
    throw err;
  }
  throw new Error('expected a SettingsError');
}

describe('loadSettings', () => {
  it('derives the WebSocket URL from HA_URL and applies defaults', () => {
    const s = loadSettings({ ...base, HA_URL: 'https://ha.example:8123/' });
    expect(s.haWsUrl).toBe('wss://ha.example:8123/api/websocket');
    expect(s.haToken).toBe('abc');
    expect(s.viaSupervisor).toBe(false);
    expect(s.port).toBe(8099);
    expect(s.logLevel).toBe('info');
    expect(s.apiToken).toBeUndefined();
  });

  it('prefers HA_WS_URL when given', () => {
    const s = loadSettings({ HA_WS_URL: 'ws://10.0.0.2:8123/api/websocket', HA_TOKEN: 't' });
    expect(s.haWsUrl).toBe('ws://10.0.0.2:8123/api/websocket');
  });

  it('uses the Supervisor proxy when only SUPERVISOR_TOKEN is set', () => {
    const s = loadSettings({ SUPERVISOR_TOKEN: 'sup' });
    expect(s).toMatchObject({
      haWsUrl: SUPERVISOR_WS_URL,
      haToken: 'sup',
      viaSupervisor: true,
      dataDir: '/data',
    });
  });

  it.each([
    [{}, 'HA_URL', /required/],
    [{ HA_URL: 'http://x:1' }, 'HA_TOKEN', /required/],
    [{ ...base, HA_URL: 'homeassistant.local' }, 'HA_URL', /URL/],
    [{ ...base, HA_URL: 'ftp://x' }, 'HA_URL', /http/],
    [{ HA_WS_URL: 'http://x/api/websocket', HA_TOKEN: 't' }, 'HA_WS_URL', /ws:\/\//],
    [{ ...base, LLM_OPS_PORT: 'abc' }, 'LLM_OPS_PORT', /whole number/],
    [{ ...base, LLM_OPS_PORT: '70000' }, 'LLM_OPS_PORT', /65535/],
    [{ ...base, LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /debug, info, warning, error/],
    [{ ...base, LLM_OPS_API_TOKEN: 'short' }, 'LLM_OPS_API_TOKEN', /16 characters/],
    [{ ...base, HA_TOKEN: '   ' }, 'HA_TOKEN', /empty/],
  ])('names the bad setting in %j', (env, setting, detail) => {
    const err = errorOf(env as Record<string, string>);
    expect(err.setting).toBe(setting);
    expect(err.message).toMatch(new RegExp(`^${setting}: `));
    expect(err.message).toMatch(detail);
  });
});

describe('more settings', () => {
  it('reads the mode, redaction switches and thresholds, naming a bad one', () => {
    const s = loadSettings({
      ...base,
      LLM_OPS_MODE: 'auto',
      LLM_OPS_REDACT_IPS: 'off',
      LLM_OPS_UNAVAILABLE_AFTER_S: '30',
    });
    expect(s.mode).toBe('auto');
    expect(s.redact).toEqual({ ip: false, mac: true });
    expect(s.thresholds.unavailableAfterS).toBe(30);
    expect(loadSettings(base).mode).toBeNull();
    expect(errorOf({ ...base, LLM_OPS_MODE: 'yolo' }).setting).toBe('LLM_OPS_MODE');
    expect(errorOf({ ...base, LLM_OPS_REDACT_MACS: 'maybe' }).setting).toBe('LLM_OPS_REDACT_MACS');
    const bad = errorOf({ ...base, LLM_OPS_QUIET_PERIOD_S: '0' });
    expect(bad.setting).toBe('LLM_OPS_QUIET_PERIOD_S');
    expect(bad.message).toMatch(/between 1 and/);
  });

  it('merges add-on options under the environment, which wins', async () => {
    const { withAddonOptions } = await import('../src/config.js');
    const env = withAddonOptions(
      { ...base, LOG_LEVEL: 'debug' },
      { log_level: 'error', mode: 'observe', quiet_period_s: 60, unknown_option: 1 },
    );
    const s = loadSettings(env);
    expect(s.logLevel).toBe('debug');
    expect(s.mode).toBe('observe');
    expect(s.thresholds.quietPeriodS).toBe(60);
    expect(() => withAddonOptions(base, [1, 2])).toThrow(/must hold a JSON object/);
  });
});
