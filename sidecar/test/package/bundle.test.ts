import { describe, expect, it } from 'vitest';
import type { IncidentRecord, SignalRecord } from '../../src/journal/journal.js';
import {
  buildBundle,
  collapseTraceback,
  estimateTokens,
  type BundleSources,
} from '../../src/package/bundle.js';
import { haHttpBase } from '../../src/package/enrich.js';
import { signal } from '../helpers/pipeline.js';

const TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/usr/src/homeassistant/homeassistant/helpers/update_coordinator.py", line 380, in _async_refresh',
  '    self.data = await self._async_update_data()',
  '  File "/config/custom_components/acme/coordinator.py", line 61, in _async_update_data',
  '    return await self.api.fetch()',
  '  File "/usr/local/lib/python3.14/site-packages/aiohttp/client.py", line 700, in _request',
  '    raise ClientConnectorError(req.connection_key, exc)',
  "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host 10.1.2.3:443 ssl:default [Connect call failed ('10.1.2.3', 443)]",
].join('\n');

function sources(over: Partial<BundleSources> = {}, signals: SignalRecord[] = []): BundleSources {
  return {
    incident: { id: 'inc_test', integration: 'acme', entry_id: null } as IncidentRecord,
    signals,
    entry: undefined,
    integration: { domain: 'acme', custom: true, version: '1.2.3' },
    haVersion: '2026.11.0',
    recentChanges: [{ at: null, what: 'update available: Acme 1.2.3 → 1.2.4' }],
    ...over,
  };
}

let nextId = 1;
const rec = (over: Parameters<typeof signal>[0]): SignalRecord => ({
  ...signal(over),
  id: nextId++,
  incident_id: 'inc_test',
  fingerprint: 'f',
});

describe('collapseTraceback', () => {
  it('keeps the integration’s own frames, the last frame and the exception', () => {
    const lines = collapseTraceback(TRACEBACK, 'acme');
    expect(lines[0]).toBe('… 1 framework frames omitted');
    expect(lines.some((l) => l.includes('custom_components/acme/coordinator.py'))).toBe(true);
    expect(lines.some((l) => l.includes('aiohttp/client.py'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^aiohttp\.client_exceptions\.ClientConnectorError/);
    expect(lines.some((l) => l.includes('update_coordinator.py'))).toBe(false);
  });
});

describe('buildBundle', () => {
  it('counts distinct lines, collapses tracebacks, redacts and records what it masked', () => {
    const signals = [
      rec({
        message: 'Error fetching acme data from 10.1.2.3',
        data: { logger: 'custom_components.acme', level: 'ERROR', exception: TRACEBACK },
      }),
      rec({
        message: 'Error fetching acme data from 10.1.2.3',
        data: { logger: 'custom_components.acme', level: 'ERROR', exception: TRACEBACK },
      }),
      rec({
        message: 'Login for user bob@example.com with api_key=abcd1234efgh5678ijkl',
        severity: 'warning',
        data: { logger: 'custom_components.acme' },
      }),
    ].reverse();
    const bundle = buildBundle(sources({}, signals), { budgetTokens: 3000 });
    expect(bundle.log_lines).toHaveLength(2);
    const error = bundle.log_lines.find((l) => l.level === 'ERROR');
    expect(error?.count).toBe(2);
    expect(error?.text).toBe('Error fetching acme data from [IP_1]');
    expect(error?.traceback?.at(-1)).toContain('[IP_1]');
    const text = JSON.stringify(bundle);
    for (const secret of ['10.1.2.3', 'bob@example.com', 'abcd1234efgh5678ijkl'])
      expect(text).not.toContain(secret);
    expect(bundle.redactions.ip).toBeGreaterThan(0);
    expect(bundle.integration).toEqual({ domain: 'acme', custom: true, version: '1.2.3' });
    expect(bundle.recent_changes[0]?.what).toMatch(/update available/);
  });

  it('never exceeds the budget, and keeps the line that opened the incident', () => {
    const founding = rec({
      message: 'The one line that names the failure: acme hub rejected the token',
    });
    // Distinct templates: words differ, not only numbers (numbers are stripped from templates).
    const word = (i: number) => String.fromCharCode(97 + (i % 26), 97 + (((i / 26) % 26) | 0));
    const noise = Array.from({ length: 400 }, (_, i) =>
      rec({
        message: `Unrelated warning about ${word(i)} ${'padding '.repeat(20)}`,
        severity: 'warning',
      }),
    );
    const signals = [...noise.reverse(), founding]; // newest first; the founding one is the oldest
    const bundle = buildBundle(sources({}, signals), { budgetTokens: 800 });
    expect(bundle.token_estimate).toBeLessThanOrEqual(800);
    expect(estimateTokens(JSON.stringify(bundle))).toBeLessThanOrEqual(800);
    expect(bundle.log_lines[0]?.text).toContain('names the failure');
    expect(bundle.truncated).toBeGreaterThan(0);
  });

  it('gives diagnostics at most half the budget', () => {
    const diagnostics = {
      entry: { data: { token: 'sekrit-token-value-123456', host: '10.9.9.9' } },
      huge: 'y'.repeat(20_000),
    };
    const small = buildBundle(
      sources({ diagnostics: { entry: { data: { token: 'sekrit-token-value-123456' } } } }),
      { budgetTokens: 3000 },
    );
    expect(JSON.stringify(small.configuration)).not.toContain('sekrit-token-value-123456');
    expect((small.configuration as { diagnostics: unknown }).diagnostics).toBeTypeOf('object');
    const big = buildBundle(sources({ diagnostics }), { budgetTokens: 3000 });
    expect((big.configuration as { diagnostics: unknown }).diagnostics).toMatch(/omitted/);
    expect(big.token_estimate).toBeLessThanOrEqual(3000);
  });
});

describe('captured debug lines', () => {
  it('are evidence of their own: once each with a count, with their logger, redacted again', () => {
    const line = (t: string, msg: string) =>
      `2026-12-04T09:00:${t} DEBUG [custom_components.acme.api] ${msg}`;
    const bundle = buildBundle(
      sources({
        captures: [
          {
            id: 'acme@2026-12-04T09:00:00.000Z',
            integration: 'acme',
            started_at: '2026-12-04T09:00:00.000Z',
            ended_at: '2026-12-04T09:02:00.000Z',
            lines: [
              line('01.000', 'GET /status answered 500 (poll 1)'),
              line('11.000', 'GET /status answered 500 (poll 2)'),
              line('12.000', 'Requesting http://admin:hunter2@10.1.2.3/status'),
            ],
            dropped: 0,
          },
        ],
      }),
      { budgetTokens: 4000 },
    );
    const debug = bundle.log_lines.filter((l) => l.level === 'DEBUG');
    expect(debug.map((l) => [l.logger, l.count])).toEqual([
      ['custom_components.acme.api', 2],
      ['custom_components.acme.api', 1],
    ]);
    expect(JSON.stringify(bundle)).not.toContain('hunter2');
  });
});

describe('haHttpBase', () => {
  it.each([
    ['ws://192.0.2.1:8123/api/websocket', 'http://192.0.2.1:8123/api'],
    ['wss://ha.example/api/websocket', 'https://ha.example/api'],
    ['ws://supervisor/core/websocket', 'http://supervisor/core/api'],
  ])('%s → %s', (ws, http) => {
    expect(haHttpBase(ws)).toBe(http);
  });
});

describe('keyed placeholders', () => {
  it('name the same secret the same everywhere, and differ between homes', async () => {
    const { Redactor } = await import('../../src/package/redact.js');
    const { keyedLabel, redactionKey } = await import('../../src/package/redaction-key.js');
    const { tempDir } = await import('../helpers/pipeline.js');
    const dir = tempDir();
    const key = redactionKey(dir);
    expect(redactionKey(dir).equals(key)).toBe(true); // kept in the data dir
    const a = new Redactor({ label: keyedLabel(key) }).text('hub at 10.0.0.5 down');
    const b = new Redactor({ label: keyedLabel(key) }).text('again 10.0.0.5, and 10.0.0.6');
    const ip5 = /\[IP_[0-9a-f]{6}\]/.exec(a)?.[0];
    expect(ip5).toBeDefined();
    expect(b.startsWith(`again ${ip5}, and [IP_`)).toBe(true);
    expect(b).not.toContain(`and ${ip5}`);
    const elsewhere = new Redactor({ label: keyedLabel(redactionKey(tempDir())) }).text(
      'hub at 10.0.0.5 down',
    );
    expect(elsewhere).not.toBe(a);
  });
});

describe('buildBundle: an outage', () => {
  it('names the root and the affected devices of the latest entities signal', () => {
    const signals = [
      rec({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: 'active',
        message: 'Bridge is down: 3 devices are unavailable',
        data: {
          entity_ids: ['sensor.a', 'sensor.b', 'sensor.c'],
          root: 'Bridge',
          devices: ['Bridge', 'Sensor 1', 'Sensor 2'],
          integrations: ['zha'],
        },
      }),
    ];
    const b = buildBundle(sources({}, signals), { budgetTokens: 4000 });
    expect(b.outage).toEqual({
      root: 'Bridge',
      devices: ['Bridge', 'Sensor 1', 'Sensor 2'],
      integrations: ['zha'],
    });
  });

  it('has none for a device failing alone', () => {
    const signals = [
      rec({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: 'active',
        message: 'sensor.a is unavailable',
        data: { entity_ids: ['sensor.a'] },
      }),
    ];
    expect(buildBundle(sources({}, signals), { budgetTokens: 4000 }).outage).toBeNull();
  });
});
