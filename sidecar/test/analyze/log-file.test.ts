import { describe, expect, it } from 'vitest';
import { LogIncidentBuilder } from '../../src/analyze/log-file.js';
import { fingerprint, messageTemplate } from '../../src/shared/fingerprint.js';
import { parseLog } from '../../src/logs/parse.js';
import { analyze, at } from './log-file-lines.js';

describe('grouping a log into incidents', () => {
  it('groups the records of one integration into one incident and counts them', async () => {
    const incidents = await analyze(
      at('10:00:00', 'ERROR', 'homeassistant.components.wled', 'Error fetching wled data: Timeout'),
      at('10:01:00', 'ERROR', 'homeassistant.components.wled', 'Error fetching wled data: Timeout'),
      at(
        '10:02:00',
        'WARNING',
        'homeassistant.config_entries',
        "Config entry 'Desk' for wled integration not ready yet: Timeout; Retrying in background",
      ),
      at(
        '10:03:00',
        'ERROR',
        'homeassistant.components.recorder.util',
        'Error executing query: (sqlite3.DatabaseError) database disk image is malformed',
      ),
    );
    expect(incidents.map((i) => [i.integration, i.category, i.occurrences])).toEqual([
      ['recorder', 'database', 1],
      ['wled', 'setup_retry', 3],
    ]);
  });

  it("opens no incident for what the user's own automation writes with system_log.write", async () => {
    const incidents = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.components.system_log.external',
        'Garage door left open for 30 minutes',
      ),
    );
    expect(incidents).toEqual([]);
  });

  it('counts a UI viewer block as often as its header says it occurred', async () => {
    const [only] = await analyze(
      'Logger: homeassistant.components.automation.nspanel_update',
      'Source: helpers/script.py:1805',
      'First occurred: 16:00:33 (22 occurrences)',
      'Last logged: 16:30:22',
      '',
      'NSPanel Update: Maximum number of runs exceeded',
    );
    expect(only).toMatchObject({ occurrences: 22, category: 'automation_error' });
  });

  it('fingerprints an incident by its integration and the template of its first line', async () => {
    const [a] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.components.wled',
        'Error fetching wled data: Timeout at 192.168.1.5',
      ),
    );
    const [b] = await analyze(
      at(
        '23:59:59',
        'ERROR',
        'homeassistant.components.wled',
        'Error fetching wled data: Timeout at 192.168.1.6',
      ),
    );
    expect(a?.fingerprint).toBe(
      fingerprint(
        'wled',
        null,
        messageTemplate('Error fetching wled data: Timeout at 192.168.1.5'),
      ),
    );
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('groups lines that name no integration by their template, across entities', async () => {
    const incidents = await analyze(
      at(
        '10:00:00',
        'WARNING',
        'homeassistant.helpers.entity',
        'Update of sensor.a is taking over 10 seconds',
      ),
      at(
        '10:00:01',
        'WARNING',
        'homeassistant.helpers.entity',
        'Update of climate.b is taking over 10 seconds',
      ),
      at('10:00:02', 'ERROR', 'homeassistant.helpers.template', "Template error: 'x' is undefined"),
    );
    expect(incidents.map((i) => [i.integration, i.category, i.occurrences])).toEqual([
      [null, 'slow_update', 2],
      [null, 'invalid_config', 1],
    ]);
  });

  it('folds framework lines into the one integration an excerpt is about', async () => {
    const [only, ...rest] = await analyze(
      at(
        '14:14:25',
        'ERROR',
        'homeassistant.helpers.config_entry_oauth2_flow',
        'Token request for home_connect_x failed (invalid_grant): invalid refresh_token',
      ),
      at(
        '14:14:26',
        'ERROR',
        'homeassistant.config_entries',
        'Error setting up entry Home for home_connect',
      ),
    );
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      integration: 'home_connect',
      category: 'auth_expired',
      occurrences: 2,
    });
  });

  it('does not fold framework lines when the log is about several integrations', async () => {
    const incidents = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.helpers.config_entry_oauth2_flow',
        'Token request failed (invalid_grant)',
      ),
      at('10:00:01', 'ERROR', 'homeassistant.components.wled', 'Error fetching wled data: Timeout'),
      at('10:00:02', 'ERROR', 'homeassistant.components.hue', 'Error fetching hue data: Timeout'),
    );
    expect(incidents.map((i) => String(i.integration)).sort()).toEqual(['hue', 'null', 'wled']);
  });

  it('puts the most important incident first: severity, then confidence, then occurrences', async () => {
    const incidents = await analyze(
      at(
        '10:00:00',
        'WARNING',
        'homeassistant.helpers.entity',
        'Update of sensor.a is taking over 10 seconds',
      ),
      at('10:00:01', 'ERROR', 'homeassistant.components.sonos', 'Error processing event: KeyError'),
      at(
        '10:00:02',
        'ERROR',
        'homeassistant.components.backup',
        'Backup failed: No space left on device',
      ),
      at(
        '10:00:03',
        'ERROR',
        'homeassistant.components.nest',
        'Error communicating with API: 401 Unauthorized',
      ),
    );
    expect(incidents.map((i) => [i.severity, i.category])).toEqual([
      ['critical', 'resource_exhaustion'],
      ['error', 'auth_expired'],
      ['error', 'other'],
      ['warning', 'slow_update'],
    ]);
  });

  it('reads a recovery as context of a failure, never as an incident of its own', async () => {
    const coordinator = 'homeassistant.components.tplink.coordinator';
    const [only, ...rest] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        coordinator,
        'Error fetching 10.0.0.5 data: Unable to connect to the device: 10.0.0.5:9999: ',
      ),
      at('10:00:07', 'INFO', coordinator, 'Fetching 10.0.0.5 data recovered'),
    );
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ integration: 'tplink', rca: { remedy: 'notify_only' } });
    expect(
      await analyze(at('10:00:07', 'INFO', coordinator, 'Fetching 10.0.0.5 data recovered')),
    ).toEqual([]);
  });

  it('reports nothing for a normal start', async () => {
    expect(
      await analyze(
        at(
          '08:00:00',
          'WARNING',
          'homeassistant.bootstrap',
          'Skipping pip installation of required modules. This may cause issues',
        ),
        at('08:00:01', 'INFO', 'homeassistant.setup', 'Setting up http'),
        at('08:00:09', 'INFO', 'homeassistant.bootstrap', 'Home Assistant initialized in 9.41s'),
      ),
    ).toEqual([]);
  });

  describe('a debug capture (DEBUG lines, nothing at WARNING or above)', () => {
    const blocking = (level: string) =>
      at(
        '13:51:00',
        level,
        'homeassistant.util.loop',
        "Detected blocking call to listdir with args ('/data',) inside the event loop by custom integration 'feeder' at custom_components/feeder/__init__.py, line 24: x = await y()",
      );

    it('reads its DEBUG lines as the evidence', async () => {
      const incidents = await analyze(
        at('13:50:59', 'DEBUG', 'custom_components.feeder', 'Polling 2 feeders'),
        blocking('DEBUG'),
      );
      expect(incidents.map((i) => [i.integration, i.category])).toEqual([
        ['feeder', 'blocking_io'],
      ]);
    });

    it('does not when the log has lines at WARNING or above: then DEBUG lines stay quiet', async () => {
      const incidents = await analyze(
        blocking('DEBUG'),
        at(
          '13:52:00',
          'WARNING',
          'homeassistant.bootstrap',
          'Skipping pip installation of required modules. This may cause issues',
        ),
      );
      expect(incidents).toEqual([]);
    });

    it('reads what a debug line calls an error as the error the capture was taken for', async () => {
      const incidents = await analyze(
        at(
          '22:28:49',
          'DEBUG',
          'homeassistant.components.shelly',
          'Setting up online RPC device kitchen',
        ),
        at(
          '22:28:50',
          'DEBUG',
          'aioshelly.common',
          "host 192.168.1.7:80: error: MacAddressMismatchError('Input MAC: A, Shelly MAC: B')",
        ),
      );
      expect(incidents.map((i) => i.integration)).toEqual(['shelly']);
    });

    it('reports nothing for healthy debug chatter', async () => {
      const incidents = await analyze(
        at('13:50:59', 'DEBUG', 'custom_components.feeder', 'Polling 2 feeders'),
        at(
          '13:51:00',
          'DEBUG',
          'custom_components.feeder',
          'Finished fetching feeder data in 0.21 seconds (success: True)',
        ),
        at('13:51:01', 'INFO', 'homeassistant.setup', 'Setting up feeder'),
      );
      expect(incidents).toEqual([]);
    });
  });

  it('gives the same answer when asked twice', () => {
    const builder = new LogIncidentBuilder();
    for (const r of parseLog(
      [
        at(
          '14:14:25',
          'ERROR',
          'homeassistant.core',
          'Error doing job: SSL handshake failed on verifying the certificate',
        ),
        at(
          '14:14:26',
          'ERROR',
          'homeassistant.components.pi_hole',
          'Unable to fetch data from Pi-hole',
        ),
      ].join('\n'),
    ))
      builder.add(r);
    const first = builder.incidents();
    expect(builder.incidents()).toEqual(first);
    expect(first[0]?.occurrences).toBe(2);
  });

  it('counts every occurrence of a flood of distinct lines while keeping a bounded sample', () => {
    const builder = new LogIncidentBuilder();
    for (let i = 0; i < 20_000; i++) {
      builder.add({
        timestamp: null,
        level: 'ERROR',
        logger: 'homeassistant.components.foo',
        message: `Unexpected payload variant ${'x'.repeat(i % 500)}${i}`,
        traceback: null,
        source: null,
      });
    }
    const [incident] = builder.incidents();
    expect(incident?.occurrences).toBe(20_000);
    expect(incident?.rca.category).toBe('other');
  });

  it('reads a logger of many dotted parts that ends in a bracket', async () => {
    // A device's name in a logger (`….[a.b.c]`) once made the test for a Python logger
    // backtrack once per way of splitting its dots: some forty dots took longer than anyone
    // waits for `ha-llm-ops analyze`.
    const line = (logger: string) =>
      `2024-06-10 21:36:07.440 ERROR (MainThread) [${logger}] Error updating the device: timed out`;
    const [stalled] = await analyze(line(`custom_components.acme.${'a.b.'.repeat(20)}c[0`));
    expect(stalled?.integration).toBe('acme');
    // A bracket in the device's part is still Home Assistant's logger, not an add-on's.
    const [bracketed] = await analyze(line(`custom_components.acme.device.[${'a.b.'.repeat(20)}c`));
    expect(bracketed?.integration).toBe('acme');
  });
});
