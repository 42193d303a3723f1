import type { Category } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import type { AnalysisInput } from '../../../src/analyze/offline/types.js';
import { input, line } from '../helpers.js';

/** Lines that look like a family's failure but are not: no signature may claim them. */
const NEAR_MISSES: [string, AnalysisInput, Category | null][] = [
  [
    // A file Home Assistant reads with bytes that are not UTF-8 is the file's problem, not a device's.
    'a configuration file that is not UTF-8 is no garbled answer of a device',
    input('homeassistant', [
      line(
        "Unable to read file /config/configuration.yaml: 'utf-8' codec can't decode byte 0xe9 in position 1024: invalid continuation byte",
        'ERROR',
        'homeassistant.util.yaml.loader',
      ),
    ]),
    'invalid_config',
  ],
  [
    // system_log.write from the user's own automation: a message they wrote on purpose.
    'a message the user’s automation writes to the log is no failure',
    input('system_log', [
      line(
        'Garage door left open for 30 minutes',
        'ERROR',
        'homeassistant.components.system_log.external',
      ),
    ]),
    null,
  ],
  [
    // A client's own mistake on the WebSocket API: Home Assistant answers it and carries on.
    'a client sending binary data for a handler it never set up is no failure',
    input('websocket_api', [
      line(
        '[140245671234560] Received binary message for non-existing handler 3',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
      ),
    ]),
    null,
  ],
  [
    // aiounifi's answer while the controller still boots: no credential was rejected.
    'a controller still starting is no rejected login',
    input('unifi', [
      line(
        'Error connecting to the UniFi Network at 192.168.1.50: Login Failed: Host starting up',
        'ERROR',
        'homeassistant.components.unifi',
      ),
    ]),
    'device_unavailable',
  ],
  [
    // reolink_aio: privacy mode is the user's choice; the camera refuses the login on purpose.
    'a camera in privacy mode is no rejected password',
    input('reolink', [
      line(
        'reolink_aio.exceptions.LoginPrivacyModeError: Could not login because privacy mode is turned on for host 192.168.1.50, Baichuan login successful',
        'WARNING',
        'reolink_aio.api',
      ),
    ]),
    null,
  ],
  [
    // denonavr finds a receiver that moved its interface to another port by itself.
    'a receiver’s one 403 while denonavr looks for its interface is no revoked access',
    input('denonavr', [
      line(
        'AppCommand.xml returns HTTP status 403. Running setup again once to check if receiver interface switched ports',
        'WARNING',
        'denonavr.denonavr',
      ),
    ]),
    null,
  ],
  [
    // The Supervisor's own 5xx is no vendor's outage: Home Assistant talks to it on the host.
    'an error the Supervisor returned is no cloud service down',
    input('zwave_js', [
      line(
        'Failed to stop the Z-Wave JS add-on: Supervisor returned 502',
        'ERROR',
        'homeassistant.components.zwave_js',
      ),
    ]),
    'other',
  ],
  [
    'the push relay below its daily limit is no rate limit',
    input('mobile_app', [
      line(
        'mobile_app push notification rate limits for Pixel 7: 120 sent, 500 allowed, 0 errors, resets in 6:12:00',
        'WARNING',
        'homeassistant.components.mobile_app.notify',
      ),
    ]),
    null,
  ],
  [
    // Home Assistant drops a client whose connection did not open within ten seconds (a slow
    // network on the browser's or app's side); it connects again by itself.
    'a client that did not finish opening its connection is no device timing out',
    input('websocket_api', [
      line(
        '[140241874215632] Timeout preparing request from 192.168.1.50',
        'WARNING',
        'homeassistant.components.websocket_api.http',
      ),
    ]),
    null,
  ],
  [
    // Stopping: the wait Home Assistant gives up on is its own shutdown, not a peer.
    'a shutdown that timed out waiting is no device timing out',
    input(null, [
      line(
        'Timed out waiting for final writes to complete, the shutdown will continue',
        'WARNING',
        'homeassistant.core',
      ),
    ]),
    'slow_update',
  ],
  [
    // NetworkManager refusing what the Supervisor sent over D-Bus: no setting of the user's.
    "a program's own unknown setting name is no setting the user wrote",
    input('hassio', [
      line(
        "Can't update config on enp3s0: device: unknown setting name",
        'ERROR',
        'supervisor.host.network',
      ),
    ]),
    'other',
  ],
  [
    'a traceback line number 401 or 429 is not an HTTP status',
    input('foo', [
      line(
        'Error doing job: Task exception was never retrieved\n  File "/x/y.py", line 401, in run\n  File "/x/z.py", line 429, in step\nKeyError: \'battery\'',
        'ERROR',
        'homeassistant.core',
      ),
    ]),
    'other',
  ],
  [
    // A Pi without a real-time clock booted months in the past; the Supervisor's own fault.
    "the Supervisor's own critical line is no app refusing to start",
    input('hassio', [
      line(
        'Fatal error happening on load Task [...] supervisor.exceptions.DBusFatalError: Automatic time synchronization is enabled',
        'CRITICAL',
        'supervisor.core',
      ),
    ]),
    'other',
  ],
  [
    // SambaNas checks for MQTT once at start, with MQTT switched off in its options.
    "an add-on's one look for an MQTT service at start is no missing broker",
    input(null, [
      line('[22:59:57] ERROR: Got unexpected response from the API: Service not enabled', 'ERROR'),
      line(
        "[22:59:58] WARNING: No MQTT Server found. Homeassistant integration can't work!",
        'WARNING',
      ),
    ]),
    'other',
  ],
  [
    'a failed login to Home Assistant is not an expired integration sign-in',
    input('http', [
      line(
        'Login attempt or request with invalid authentication from 1.2.3.4 (1.2.3.4)',
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security_login',
  ],
  [
    // Google's API answered; the library could not read an event type it did not know yet.
    'an answer that fails validation is no lost connection',
    input('google', [
      line(
        "Error fetching calendar data: Error communicating with API: Failed to parse component: 1 validation error for Event\neventType\n  value is not a valid enumeration member; permitted: 'default', 'outOfOffice'",
        'ERROR',
        'homeassistant.components.google.coordinator',
      ),
    ]),
    'other',
  ],
  [
    // expat's message for a malformed answer: a device's XML, not a credential.
    'an XML parser\'s "invalid token" is not a rejected access token',
    input('denonavr', [
      line(
        'Error XMLParseError: not well-formed (invalid token): line 9, column 26 occurred in method async_update for Denon AVR receiver',
        'ERROR',
        'homeassistant.components.denonavr.media_player',
      ),
    ]),
    // A device answering garbage (network.garbled_answer), not a credential.
    'device_unavailable',
  ],
  [
    '"to avoid running out of memory" does not mean memory ran out',
    input('recorder', [
      line(
        'Database queue backlog reached more than 65000 events while waiting for backup to finish; recorder will now resume writing to avoid running out of memory',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database',
  ],
  [
    'a normal add-on stop by SIGTERM is not a crash',
    input('hassio', [line('Service NGINX exited with code 256 (by signal 15)', 'INFO')]),
    null,
  ],
  [
    'an exit code 0 is not a crash',
    input('hassio', [
      line('cont-init: info: /etc/cont-init.d/mosquitto.sh exited 0', 'INFO', 'cont-init'),
    ]),
    null,
  ],
  [
    'a single "Maximum number of runs exceeded" is not a runaway',
    input('automation', [
      line(
        'Hallway: Maximum number of runs exceeded',
        'WARNING',
        'homeassistant.components.automation.hallway',
        1,
      ),
    ]),
    null,
  ],
  [
    'an automation error is not a configuration.yaml schema error',
    input('automation', [
      line(
        "Lights: Error executing script. Invalid data for call_service at pos 1: extra keys not allowed @ data['brightnes']",
        'ERROR',
        'homeassistant.components.automation.lights',
      ),
    ]),
    'automation_error',
  ],
  [
    'an AttributeError in a core integration is not an incompatible custom component',
    input(
      'sonos',
      [
        line(
          "Error processing event\nTraceback (most recent call last):\nAttributeError: 'NoneType' object has no attribute 'uid'",
        ),
      ],
      { custom: false },
    ),
    'other',
  ],
  [
    'a process crash in Home Assistant Core is not an add-on crash',
    input('homeassistant', [
      line('Fatal Python error: Segmentation fault', 'CRITICAL', 'homeassistant.core'),
    ]),
    'other',
  ],
  [
    'one closed connection of an add-on’s client is not a reconnect loop',
    input('hassio', [
      line('Connection closed to http://supervisor/core', 'INFO', 'server:Home Assistant', 1),
    ]),
    null,
  ],
  [
    'an add-on line of unknown level is not a fatal start failure',
    input('hassio', [line('Starting the Coral detector', 'UNKNOWN')]),
    null,
  ],
  [
    '"Please try again later" is not a DNS "Try again"',
    input('foo', [line('The service is busy. Please try again later.', 'WARNING')]),
    null,
  ],
  [
    "Home Assistant's own 500 (a config flow that crashed) is not a vendor's outage",
    input('acme', [
      line(
        'Config flow could not be loaded: 500 Internal Server Error Server got itself in trouble',
        'ERROR',
        null,
      ),
    ]),
    'other',
  ],
  [
    "Docker's 500 to the Supervisor is a local fault, not a vendor's outage",
    input('hassio', [
      line(
        'Can\'t install homeassistant/raspberrypi3-homeassistant:0.96.5 -> 500 Server Error: Internal Server Error ("readlink /mnt/data/docker/overlay2/l: invalid argument").',
        'ERROR',
        'hassio.docker.interface',
      ),
    ]),
    'other',
  ],
  [
    // "ModuleNotFoundError" and "FileNotFoundError" hold the letters of Node's ENOTFOUND.
    'a module or file that is not found is no failed DNS lookup',
    input(null, [
      line('ModuleNotFoundError: import from homeassistant.helpers.aiohttp_client not allowed'),
      line("FileNotFoundError: [Errno 2] No such file or directory: '/config/www/report.txt'"),
    ]),
    'other',
  ],
  [
    // HA's words for an update that raised instead of failing: the code's fault, not the link.
    'an update that raised is no lost connection',
    input('yale_smart_alarm', [
      line(
        'Unexpected error fetching yale_smart_alarm data\nTraceback (most recent call last):\n  File "/usr/src/homeassistant/homeassistant/components/yale_smart_alarm/coordinator.py", line 58, in _async_update_data\n    for device in updates["cycle"]["device_status"]:\nKeyError: \'device_status\'',
        'ERROR',
        'homeassistant.components.yale_smart_alarm',
      ),
    ]),
    'other',
  ],
  [
    // The service was reached and refused the request as sent (Ring changed its API).
    'a client error from the service is no unreachable service',
    input('ring', [
      line(
        "Failed to perform the action light/turn_on. Error communicating with API<function RingLight._async_set_light at 0x7f743dbec0>: HTTP error with status code 422 during query of url https://api.ring.com/clients_api/doorbots/1234/floodlight_light_on: 422, message='', url='https://api.ring.com/clients_api/doorbots/1234/floodlight_light_on'",
        'ERROR',
        'homeassistant.components.ring',
      ),
    ]),
    'other',
  ],
];

describe('signatures do not over-match', () => {
  it.each(NEAR_MISSES)('%s', (_name, given, category) => {
    const finding = analyzeOffline(given);
    expect(finding?.rca.category ?? null).toBe(category);
  });
});
