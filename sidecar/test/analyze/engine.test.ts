import { CATEGORIES, type Category } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeOffline, fill, isBenign } from '../../src/analyze/offline/engine.js';
import { FAMILIES } from '../../src/analyze/offline/signatures/index.js';
import type { AnalysisInput } from '../../src/analyze/offline/types.js';
import { entry, expectWellFormed, input, line, must } from './helpers.js';

describe('benign lines', () => {
  it.each([
    [
      'the custom integration warning',
      'We found a custom integration hacs which has not been tested by Home Assistant. This component might cause stability problems, be sure to disable it if you experience issues with Home Assistant',
      'WARNING',
    ],
    [
      'skipped pip installs',
      'Skipping pip installation of required modules. This may cause issues',
      'WARNING',
    ],
    [
      'aiohttp without zlib_ng',
      'zlib_ng and isal are not available, falling back to zlib, performance will be degraded.',
      'WARNING',
    ],
    [
      'a deprecation notice',
      "Detected that custom integration 'hacs' accesses hass.components.frontend. This will stop working in Home Assistant 2024.9, please create a bug report",
      'WARNING',
    ],
    [
      'a deprecated constant',
      'TEMP_CELSIUS was used from alexa_media, this is a deprecated constant which will be removed in HA Core 2025.1',
      'WARNING',
    ],
    [
      'an unclean-shutdown note',
      'The system could not validate that the sqlite3 database at //config/home-assistant_v2.db was shutdown cleanly',
      'WARNING',
    ],
    ['a schema upgrade', 'Upgrading recorder db schema to version 45', 'WARNING'],
    ['a normal start', 'Home Assistant initialized in 9.41s', 'INFO'],
    ['any INFO line', 'Setting up mqtt', 'INFO'],
    ['any DEBUG line', 'Finished fetching shelly data in 0.052 seconds (success: False)', 'DEBUG'],
    ['an unclosed aiohttp session', 'Error doing job: Unclosed client session', 'ERROR'],
  ])('%s', (_name, text, level) => {
    expect(isBenign({ text, level, logger: null })).toBe(true);
    expect(analyzeOffline(input('foo', [line(text, level)]))).toBeNull();
  });

  it.each([
    ['a deprecation logged as an error', 'Setup failed: the deprecated option is gone', 'ERROR'],
    [
      'a thread-safety bug worded as a deprecation',
      "Detected that custom integration 'x' calls async_write_ha_state from a thread other than the event loop; this is deprecated",
      'WARNING',
    ],
    [
      'a setup retry logged at INFO',
      "Config entry 'Plug' for shelly integration not ready yet: Timeout; Retrying in 5 seconds",
      'INFO',
    ],
    [
      'an add-on service exiting with an error at INFO',
      'Service Zigbee2MQTT exited with code 1 (by signal 0)',
      'INFO',
    ],
    ['a plain error', 'Error fetching data', 'ERROR'],
  ])('%s is not benign', (_name, text, level) => {
    expect(isBenign({ text, level, logger: null })).toBe(false);
  });

  it('does not hide crash output that follows an INFO line', () => {
    const crash = {
      text: 'Started flows',
      level: 'INFO',
      logger: null,
      traceback: ['FATAL ERROR: Reached heap limit'],
    };
    expect(isBenign(crash)).toBe(false);
  });
});

describe('analyzeOffline', () => {
  it('returns null for nothing, for INFO only, and for an unknown warning', () => {
    expect(analyzeOffline(input('foo', []))).toBeNull();
    expect(analyzeOffline(input('foo', [line('Connected to device', 'INFO')]))).toBeNull();
    expect(analyzeOffline(input('foo', [line('Something odd happened', 'WARNING')]))).toBeNull();
  });

  it('reads a pasted line that says something cannot be done as an error, though no level survived', () => {
    const finding = analyzeOffline(
      input('hassio', [
        line(
          'Image ghcr.io/hassio-addons/node-red/aarch64:14.6.1 does not exist for addon_a0d7b954_nodered',
          'UNKNOWN',
        ),
      ]),
    );
    expect(finding?.rca.signature).toBe('fallback.unexplained');
    // A shell's own words under an add-on's INFO line: its start script stopped there, at a
    // program its image lacks.
    expect(
      analyzeOffline(
        input('hassio', [line('Starting the app\n/run.sh: line 5: jq: command not found', 'INFO')]),
      )?.rca.signature,
    ).toBe('addon.program_missing');
    // A word of doubt about data is no failure.
    expect(
      analyzeOffline(input('rflink', [line('Dropping invalid data: 20;00;', 'UNKNOWN')])),
    ).toBeNull();
  });

  it('reads what a peer or the code refused, in a line without a level, as a failure', () => {
    // Words a peer refuses with, and an exception's usual words without its name.
    for (const text of [
      'MQTT connect: The connection was refused.',
      'Access denied for user homeassistant',
      'Request to the gateway timed out',
      'Bridge disconnected, reconnecting in 30 s',
      "name 'ost_event' is not defined",
      "alarmo/arm. async_service_arm_handler() missing 1 required positional argument: 'code'",
      'Firmware 04.02.02 of this device is not supported',
    ])
      expect(analyzeOffline(input('foo', [line(text, 'UNKNOWN')])), text).not.toBeNull();
    // The same words in a line its program logged at INFO are no failure.
    expect(
      analyzeOffline(input('foo', [line('Bridge disconnected, reconnecting in 30 s', 'INFO')])),
    ).toBeNull();
  });

  it("reads a pasted traceback's exception name as an error, though no level survived", () => {
    const finding = analyzeOffline(
      input('victron_mqtt', [
        line(
          'File "/usr/local/lib/python3.13/site-packages/victron_mqtt/hub.py", line 70, in __init__\n    raise TypeError("serial must be a string")\nTypeError: serial must be a string',
          'UNKNOWN',
        ),
      ]),
    );
    expect(finding?.rca.signature).toBe('fallback.unexplained');
  });

  it('explains an unknown error with low confidence and only an evidence-gathering action', () => {
    const finding = must(
      analyzeOffline(
        input('sonos', [
          line(
            "Error processing event\nTraceback (most recent call last):\nKeyError: 'CurrentTrackMetaData'",
          ),
        ]),
      ),
    );
    expect(finding.rca).toMatchObject({
      category: 'other',
      remedy: 'notify_only',
      signature: 'fallback.unexplained',
      evidence_refs: ['log:0'],
      candidate_actions: [
        {
          action_id: 'set_integration_log_level',
          params: { integration: 'sonos', level: 'debug' },
        },
      ],
    });
    expect(finding.rca.confidence).toBeLessThan(0.3);
    expect(finding.rca.root_cause).toContain("KeyError: 'CurrentTrackMetaData'");
    expectWellFormed(finding);
  });

  it("leaves an unknown error in a custom integration's code to its author's next release", () => {
    const finding = must(
      analyzeOffline(
        input('solar_sunsynk', [
          line(
            'Error doing job: Future exception was never retrieved\nTraceback (most recent call last):\n  File "/config/custom_components/solar_sunsynk/__init__.py", line 112, in update_states\n    token = responseAuth["data"]["access_token"]\nTypeError: \'NoneType\' object is not subscriptable',
            'ERROR',
            'homeassistant',
          ),
        ]),
      ),
    );
    expect(finding.rca).toMatchObject({
      category: 'other',
      remedy: 'update_or_remove_custom_component',
      signature: 'fallback.unexplained',
    });
    expect(finding.rca.confidence).toBeLessThan(0.3);
    expect(finding.rca.manual_steps.join(' ')).toContain('custom integration solar_sunsynk');
    expectWellFormed(finding);
  });

  it('titles an error HA words only as "an exception happened" by the exception itself', () => {
    // What the websocket API logs when an action raises: its connection's id and no more.
    const finding = must(
      analyzeOffline(
        input('fault_lab', [
          line(
            '[140303223885472] Unexpected exception\nTraceback (most recent call last):\n  File "/config/custom_components/fault_lab/__init__.py", line 160, in broken_action\n    raise KeyError("scene_list")\nKeyError: \'scene_list\'',
            'ERROR',
            'homeassistant.components.websocket_api.http.connection',
          ),
        ]),
      ),
    );
    expect(finding.rca.summary).toBe("fault_lab: KeyError: 'scene_list'");
    // A message that says something keeps its words, without the connection's id.
    const said = must(
      analyzeOffline(
        input('fault_lab', [
          line(
            '[140303223885472] Error handling message: Invalid entity ID (home_assistant_error) Admin from <IP> (Mozilla/5.0)',
          ),
        ]),
      ),
    );
    expect(said.rca.summary).toBe(
      'fault_lab: Error handling message: Invalid entity ID (home_assistant_error) Admin from <IP> (Mozilla/5.0)',
    );
  });

  it('leaves out an action whose parameter the input does not have', () => {
    const auth = [
      line(
        "Config entry 'Home' for tado integration could not authenticate: invalid credentials",
        'WARNING',
      ),
    ];
    const without = analyzeOffline(input('tado', auth));
    expect(without?.rca.remedy).toBe('start_reauth');
    expect(without?.rca.candidate_actions).toEqual([]);

    const withEntry = analyzeOffline(
      input('tado', auth, { entry: entry('tado', 'setup_error', 'invalid credentials') }),
    );
    expect(withEntry?.rca.candidate_actions).toEqual([
      expect.objectContaining({
        action_id: 'start_reauth',
        params: { entry_id: '01J0ENTRY0000000000000000AB' },
      }),
    ]);
    expect(withEntry?.rca.evidence_refs).toContain('log:0');
  });

  it('suggests a reload for an unreachable device only once it answers again', () => {
    const finding = analyzeOffline(
      input('wled', [], {
        entry: entry('wled', 'setup_retry', 'Timeout connecting to 192.168.1.50'),
        kind: 'entry_state',
      }),
    );
    expect(finding?.rca.category).toBe('setup_retry');
    const [reload] = must(finding).rca.candidate_actions;
    expect(reload).toMatchObject({
      action_id: 'reload_config_entry',
      params: { entry_id: '01J0ENTRY0000000000000000AB' },
    });
    expect(must(reload).rationale).toMatch(/^Only once 192\.168\.1\.50 answers again/);
    expect(must(finding).rca.evidence_refs).toEqual(['entry']);
    expectWellFormed(must(finding));
  });

  it('stops a runaway automation by the automation entity it is about', () => {
    const finding = analyzeOffline(
      input('automation', [
        line(
          'Hall: Maximum number of runs exceeded',
          'WARNING',
          'homeassistant.components.automation.hall',
          120,
        ),
      ]),
    );
    expect(finding?.rca.candidate_actions.map((a) => [a.action_id, a.params])).toEqual([
      ['disable_automation', { entity_id: 'automation.hall' }],
      ['reload_automations', {}],
    ]);
    expect(must(finding).rca.root_cause).toContain('120 times');
  });

  it('restarts an add-on by the slug the signal names', () => {
    const finding = analyzeOffline(
      input(
        'hassio',
        [
          line(
            "Can't start addon_core_mosquitto: exited with code 1",
            'ERROR',
            'supervisor.addons.addon',
          ),
        ],
        {
          kind: 'addon_state',
          subject: 'core_mosquitto',
        },
      ),
    );
    expect(finding?.rca.candidate_actions).toEqual([
      expect.objectContaining({ action_id: 'restart_addon', params: { slug: 'core_mosquitto' } }),
    ]);
    // The exit code says more than that it did not start.
    expect(must(finding).title).toBe('Add-on core_mosquitto crashed (exit code 1)');
  });

  it('reads sidecar signals without log lines', () => {
    const cases: [AnalysisInput, Category][] = [
      [
        input('tado', [], {
          kind: 'entry_state',
          entry: entry('tado', 'setup_error', 'Invalid username or password'),
        }),
        'auth_expired',
      ],
      [
        input(null, [], {
          kind: 'supervisor_issue',
          data: { type: 'free_space', context: 'system' },
        }),
        'resource_exhaustion',
      ],
      [
        input('zha', [], {
          kind: 'entities_unavailable',
          data: { entities: ['light.a', 'light.b'] },
        }),
        'device_unavailable',
      ],
      [
        input('automation', [], {
          kind: 'automation_error',
          subject: 'automation.wake_up',
          data: { error: 'Error executing script. Action light.turn_onn not found' },
        }),
        'automation_error',
      ],
      [
        input('foo', [], {
          kind: 'entry_state',
          entry: entry('foo', 'setup_error', 'Something unexpected'),
        }),
        // It did not set up (certain), for a reason no signature knows (its confidence is low).
        'setup_retry',
      ],
    ];
    for (const [given, category] of cases) {
      const finding = analyzeOffline(given);
      expect(finding?.rca.category, JSON.stringify(given)).toBe(category);
      expectWellFormed(must(finding));
    }
    expect(
      analyzeOffline(input('foo', [], { kind: 'entry_state', entry: entry('foo', 'loaded') })),
    ).toBeNull();
  });

  it('blames the hub, bridge or broker of an outage, not each device', () => {
    const outage = must(
      analyzeOffline(
        input('zha', [], {
          kind: 'entities_unavailable',
          data: { root: 'Zigbee coordinator', devices: ['Lamp', 'Motion', 'Plug'] },
        }),
      ),
    );
    expect(outage.title).toBe('Zigbee coordinator is down: 3 devices are unavailable');
    expect(outage.rca.root_cause).toContain('(Lamp, Motion, Plug)');
    expect(outage.rca.category).toBe('device_unavailable');
    expectWellFormed(outage);
    const alone = must(analyzeOffline(input('zha', [], { kind: 'entities_unavailable' })));
    expect(alone.title).toBe('Entities of zha are unavailable');
  });

  it('prefers the specific cause over the generic symptom', () => {
    const finding = analyzeOffline(
      input('roborock', [
        line(
          "Config entry 'Roborock' for roborock integration not ready yet: Timeout; Retrying in background",
          'WARNING',
        ),
        line(
          "Config entry 'Roborock' for roborock integration could not authenticate: Login expired",
          'WARNING',
        ),
      ]),
    );
    expect(finding?.rca.category).toBe('auth_expired');
    expect(finding?.rca.evidence_refs).toEqual(['log:1']);
  });

  it('takes a domain none of Home Assistant’s own integrations has for a custom integration', () => {
    const failed = (domain: string) =>
      analyzeOffline(
        input(domain, [
          line(`Setup failed for '${domain}': Requirements for ${domain} not found: ['lib==1.0']`),
          line('Unable to install package lib==1.0: Failed building wheel for lib'),
        ]),
      )?.rca.remedy;
    expect(failed('hue')).toBe('notify_only');
    expect(failed('my_heatpump')).toBe('update_or_remove_custom_component');
    // What Home Assistant itself says wins: a custom integration may reuse a core domain.
    expect(
      analyzeOffline(
        input('hue', [line('Unable to install package lib==1.0: Failed building wheel for lib')], {
          custom: true,
        }),
      )?.rca.remedy,
    ).toBe('update_or_remove_custom_component');
  });

  it('raises a YAML error that sent Home Assistant into recovery mode to critical', () => {
    const finding = analyzeOffline(
      input('homeassistant', [
        line(
          'Failed to parse configuration.yaml: mapping values are not allowed here. Activating recovery mode',
          'ERROR',
          'homeassistant.bootstrap',
        ),
      ]),
    );
    expect(finding?.severity).toBe('critical');
  });

  it('treats a failed login from the internet as more severe than one from the LAN', () => {
    const from = (ip: string) =>
      analyzeOffline(
        input('http', [
          line(
            `Login attempt or request with invalid authentication from ${ip} (${ip}). Requested URL: '/'.`,
            'WARNING',
          ),
        ]),
      )?.severity;
    expect(from('203.0.113.45')).toBe('error');
    expect(from('192.168.1.61')).toBe('warning');
  });
});

describe('the knowledge base', () => {
  it('covers every category of DESIGN.md §4 with signatures', () => {
    const produced = new Set<string>(
      FAMILIES.flatMap((f) =>
        f.signatures.flatMap((s) => [
          s.category,
          ...(s.variants ?? []).map((v) => v.set.category ?? s.category),
        ]),
      ),
    );
    for (const category of CATEGORIES) expect(produced, category).toContain(category);
  });

  it('names every signature uniquely within its family', () => {
    for (const f of FAMILIES) {
      const ids = f.signatures.map((s) => s.id);
      expect(new Set(ids).size, f.family).toBe(ids.length);
    }
  });

  it('uses no global regexes (they would carry state between incidents)', () => {
    const regexes = FAMILIES.flatMap((f) =>
      f.signatures.flatMap((s) =>
        [s.match]
          .flat()
          .flatMap((p) => [p.text ?? [], p.logger ?? [], p.with ?? [], p.unless ?? []].flat()),
      ),
    );
    expect(regexes.length).toBeGreaterThan(50);
    for (const re of regexes) expect(re.global, re.source).toBe(false);
  });
});

describe('fill', () => {
  it('drops optional parts whose names are unknown and uses defaults elsewhere', () => {
    expect(fill('{integration} failed[[ at {location}]].', { integration: 'wled' })).toBe(
      'wled failed.',
    );
    expect(
      fill('{integration} failed[[ at {location}]].', { integration: 'wled', location: 'a.py:3' }),
    ).toBe('wled failed at a.py:3.');
    expect(fill('Check {host}.', {})).toBe('Check the device.');
    expect(fill('Add-on {addon} crashed', {})).toBe('The add-on crashed');
    expect(fill('Add-on {addon} crashed', {}, 'de')).toBe('Das Add-on ist abgestürzt');
  });
});
