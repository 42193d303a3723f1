/** The remedy and the actions the offline analyzer proposes are the ones that help. */
import { ACTION_IDS } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/analyze/offline/engine.js';
import { FAMILIES } from '../../src/analyze/offline/signatures/index.js';
import type { AnalysisInput } from '../../src/analyze/offline/types.js';
import { entry, input, line, must } from './helpers.js';

describe('remedies that actually help', () => {
  const withEntry = (
    integration: string,
    text: string,
    level = 'ERROR',
    extra: Partial<AnalysisInput> = {},
  ) => input(integration, [line(text, level)], { entry: entry(integration, 'loaded'), ...extra });
  const POINTLESS = new Set([
    'reload_config_entry',
    'restart_core',
    'restart_addon',
    'disable_config_entry',
  ]);

  it.each([
    [
      'a blocking call',
      withEntry(
        'places',
        "Detected blocking call to open inside the event loop by custom integration 'places' at custom_components/places/sensor.py, line 364",
        'WARNING',
      ),
    ],
    [
      'a malformed database',
      withEntry(
        'recorder',
        'Error executing query: (sqlite3.DatabaseError) database disk image is malformed',
      ),
    ],
    [
      'a slow device',
      withEntry('daikin', 'Update of climate.study is taking over 10 seconds', 'WARNING'),
    ],
    ['a rate limit', withEntry('nest', '429 Too Many Requests')],
    [
      'a failed login',
      withEntry(
        'http',
        'Login attempt or request with invalid authentication from 1.2.3.4 (1.2.3.4)',
        'WARNING',
      ),
    ],
    ['a revoked token', withEntry('spotify', 'Token request for spotify failed (invalid_grant)')],
    [
      'an MQTT broker that is down',
      withEntry(
        'mqtt',
        'Unable to connect to the MQTT broker: Connection Refused: broker unavailable.',
      ),
    ],
    [
      'an incompatible custom integration',
      withEntry('frigate', "cannot import name 'Config' from 'homeassistant.core'"),
    ],
    [
      'an unverifiable certificate',
      withEntry('pi_hole', 'SSL handshake failed on verifying the certificate'),
    ],
    ['a full disk', withEntry('recorder', 'No space left on device')],
  ])('%s gets no reload or restart', (_name, given) => {
    const finding = analyzeOffline(given);
    expect(finding).not.toBeNull();
    expect(must(finding).rca.candidate_actions.filter((a) => POINTLESS.has(a.action_id))).toEqual(
      [],
    );
  });

  it('only ever names allow-listed actions', () => {
    const ids = FAMILIES.flatMap((f) =>
      f.signatures.flatMap((s) => [
        ...s.actions.map((a) => a.action_id),
        ...(s.variants ?? []).flatMap((v) => (v.set.actions ?? []).map((a) => a.action_id)),
      ]),
    );
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(ACTION_IDS).toContain(id);
  });

  it('takes action parameters only from the input, never from log text', () => {
    const refs = FAMILIES.flatMap((f) =>
      f.signatures.flatMap((s) =>
        [...s.actions, ...(s.variants ?? []).flatMap((v) => v.set.actions ?? [])].flatMap((a) =>
          Object.values(a.params).filter(
            (p): p is string => typeof p === 'string' && p.startsWith('$'),
          ),
        ),
      ),
    );
    expect(new Set(refs)).toEqual(new Set(['$entry_id', '$automation', '$addon', '$integration']));
  });
});
