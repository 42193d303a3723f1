import { describe, expect, it } from 'vitest';
import { libraryIntegration } from '../../src/analyze/offline/libraries.js';
import { integrationOf } from '../../src/shared/attribution.js';

describe('integrationOf', () => {
  it.each([
    [{ logger: 'homeassistant.components.hue.light', message: 'x' }, 'hue'],
    // OAuth names its implementation `<domain>_<client id>`; the id may be redacted.
    [
      {
        logger: 'homeassistant.helpers.config_entry_oauth2_flow',
        message:
          'Token request for spotify_3f9d0a1b2c3d4e5f6a7b8c9d failed (invalid_grant): Refresh token revoked',
      },
      'spotify',
    ],
    [
      {
        logger: 'homeassistant.helpers.config_entry_oauth2_flow',
        message: 'Token request for home_connect_[TOKEN_1] failed (invalid_grant): x',
      },
      'home_connect',
    ],
    [
      {
        logger: 'homeassistant.helpers.config_entry_oauth2_flow',
        message: 'Token request for home_connect_x failed (invalid_grant): x',
      },
      null,
    ],
    [{ logger: 'custom_components.places.sensor', message: 'x' }, 'places'],
    // A line written through system_log.write names no integration by its source.
    [
      {
        logger: 'nameless_worker.pool',
        path: 'components/system_log/__init__.py',
        message: 'Worker pool lost its threads',
      },
      null,
    ],
    // The UI log viewer names the source relative to homeassistant/.
    [
      { logger: null, path: 'components/hue/sensor_base.py', message: 'Unable to reach bridge' },
      'hue',
    ],
    // A custom integration in a folder named after its repository and branch.
    [
      {
        logger: null,
        path: '/config/custom_components/ha-acme-pool-main/sensor.py',
        message: 'Unable to reach pump',
      },
      'acme_pool',
    ],
    [
      {
        logger: null,
        path: '/config/custom_components/acme-pool-custom-component/sensor.py',
        message: 'Unable to reach pump',
      },
      'acme_pool',
    ],
    // Framework messages that name the domain unquoted.
    [
      {
        logger: 'homeassistant.config_entries',
        message: 'Error unloading entry Pool for poolmate',
      },
      'poolmate',
    ],
    [
      {
        logger: 'homeassistant.config_entries',
        message: 'Error migrating entry Tapo-Camera-WaKue for tapo_control',
      },
      'tapo_control',
    ],
    [
      {
        logger: 'homeassistant.setup',
        message: 'Setup of poolmate is taking over 10 seconds.',
      },
      'poolmate',
    ],
    [
      {
        logger: 'homeassistant.components.sensor',
        message: 'Error adding entity sensor.pool_temp for domain sensor with platform poolmate',
      },
      'poolmate',
    ],
    // helpers/frame asks to report a custom integration to its author, in two wordings.
    [
      {
        logger: 'homeassistant.helpers.frame',
        message:
          "Detected that integration accesses hass.components.persistent_notification, please report it to the author of the 'poolmate' custom integration",
      },
      'poolmate',
    ],
    [
      {
        logger: 'homeassistant.helpers.frame',
        message:
          'Detected integration that called async_setup_platforms instead of awaiting async_forward_entry_setups; this will fail in version 2023.3. Please report issue to the custom integration author for poolmate using this method',
      },
      'poolmate',
    ],
    // The loader, when a dependency in the manifest cannot be found.
    [
      {
        logger: 'homeassistant.setup',
        message:
          'Unable to resolve dependencies for poolmate: unable to resolve (sub)dependency acme_bus',
      },
      'poolmate',
    ],
    // The Supervisor's configuration check, quoted when a restart is refused.
    [
      {
        logger: 'homeassistant.components.hassio',
        message:
          "The system cannot restart because the configuration is not valid: Platform error sensor.wundergroundpws - Integration 'wundergroundpws' not found.",
      },
      'wundergroundpws',
    ],
    [
      {
        logger: 'homeassistant.config_entries',
        message:
          "Config entry 'Kitchen' for wled integration not ready yet: timeout; Retrying in background",
      },
      'wled',
    ],
    [
      {
        logger: 'homeassistant.util.loop',
        message:
          "Detected blocking call to open inside the event loop by custom integration 'places' at custom_components/places/sensor.py, line 364",
      },
      'places',
    ],
    [
      {
        logger: 'homeassistant.setup',
        message: "Setup failed for 'frigate': Unable to import component",
      },
      'frigate',
    ],
    [
      {
        logger: 'homeassistant.setup',
        message: "Setup failed for custom integration 'frigate': Unable to import",
      },
      'frigate',
    ],
    [
      {
        logger: 'homeassistant.components.sensor',
        message: 'Error while setting up daikin platform for sensor',
      },
      'daikin',
    ],
    [
      {
        logger: 'homeassistant.config_entries',
        message: 'Error setting up entry Living room for mqtt',
      },
      'mqtt',
    ],
    [
      {
        // A ConfigEntryError's reason follows the domain.
        logger: null,
        message:
          "Error setting up entry SERVER.XYZ for minecraft_server: Server address in configuration entry is invalid: Lookup of 'SERVER.XYZ' failed",
      },
      'minecraft_server',
    ],
    [
      {
        logger: 'homeassistant.components.automation.wake_up',
        message: 'Error while executing automation',
      },
      'automation',
    ],
    [
      {
        logger: 'homeassistant.helpers.entity',
        path: 'custom_components/gree/climate.py',
        message: 'Update of climate.x is taking over 10 seconds',
      },
      'gree',
    ],
    [
      {
        // An action's error the websocket API reports without a traceback: the words of
        // zigpy's radio libraries, which only ZHA uses, say whose it is.
        logger: 'homeassistant.components.websocket_api.http.connection',
        path: 'components/websocket_api/connection.py',
        message:
          'Error during service call to light.turn_on: Failed to send request: <Status.MAC_NO_ACK: 233>',
      },
      'zha',
    ],
    [
      {
        // An action that raised in an integration's code: system_log's source is its frame.
        logger: 'homeassistant.components.websocket_api.http.connection',
        path: 'custom_components/acme_lock/lock.py',
        message: '[140336955975392] bytearray index out of range',
      },
      'acme_lock',
    ],
    [
      {
        // An action that raised in an integration: system_log names the API's frame as the
        // source and keeps the integration's in the traceback (as HA 2026.11 logs it).
        logger: 'homeassistant.components.websocket_api.http.connection',
        path: 'components/websocket_api/commands.py',
        message: '[140303223885472] Unexpected exception',
        frames: [
          'Traceback (most recent call last):',
          '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/commands.py", line 332, in handle_call_service',
          '  File "/usr/src/homeassistant/homeassistant/core.py", line 3072, in _execute_service',
          '  File "/config/custom_components/acme_cards/__init__.py", line 160, in refresh',
          "KeyError: 'scene_list'",
        ],
      },
      'acme_cards',
    ],
    [
      {
        // Nothing names another integration: the API's own error.
        logger: 'homeassistant.components.websocket_api.http.connection',
        path: 'components/websocket_api/connection.py',
        message: '[140336955975392] Received invalid command: foo/bar',
      },
      'websocket_api',
    ],
    // Entity platforms and the configuration check log on an integration's behalf and name
    // it in the message, as Home Assistant 2026.11's system_log stores the record.
    [
      {
        logger: 'homeassistant.components.sensor',
        path: 'helpers/entity_platform.py',
        message: 'Updating snmp sensor took longer than the scheduled update interval 0:01:00',
      },
      'snmp',
    ],
    [
      {
        logger: 'homeassistant.components.climate',
        path: 'helpers/entity_platform.py',
        message: 'Setup of climate platform nibe_heatpump is taking over 10 seconds.',
      },
      'nibe_heatpump',
    ],
    [
      {
        logger: 'homeassistant.config',
        path: 'config.py',
        message:
          "Invalid config for 'template' at configuration.yaml, line 12: required key 'state' not provided",
      },
      'template',
    ],
    // A platform's configuration: the culprit is whichever name is not an entity domain.
    [
      {
        logger: 'homeassistant.config',
        path: 'config.py',
        message:
          "Invalid config for 'weather' from integration 'template' at packages/weather.yaml, line 5: 'unique_id' is an invalid option for 'template.weather'",
      },
      'template',
    ],
    [
      {
        logger: 'homeassistant.config',
        path: 'config.py',
        message:
          "Invalid config for 'rest' from integration 'sensor' at sensor/bwt.yaml, line 59: 'sensor' is an invalid option for 'sensor.rest'",
      },
      'rest',
    ],
    [
      {
        logger: 'homeassistant.components.hassio',
        path: 'components/hassio/__init__.py',
        message: 'Invalid config for [nibe]: [status] is an invalid option for [nibe]',
      },
      'nibe',
    ],
    [
      {
        logger: 'homeassistant.config',
        path: 'config.py',
        message: "Platform error: sensor - Integration 'acme_pool' not found.",
      },
      'acme_pool',
    ],
  ])('%j → %s', (origin, expected) => {
    expect(integrationOf(origin)).toBe(expected);
  });

  it('maps a library logger through the manifests’ declared loggers', () => {
    const libraryLoggers = new Map([['aiohue', 'hue']]);
    expect(
      integrationOf({ logger: 'aiohue.v2.controllers', message: 'Bridge lost', libraryLoggers }),
    ).toBe('hue');
    expect(integrationOf({ logger: 'somelib.core', message: 'boom' })).toBeNull();
  });

  it('never blames the framework itself', () => {
    expect(
      integrationOf({
        logger: 'homeassistant.core',
        message: 'Error doing job: Task exception was never retrieved',
      }),
    ).toBeNull();
  });

  it('names the integration of a library that no manifest declares any more, by its naming convention', () => {
    // HA's unifiprotect moved from pyunifiprotect to uiprotect; older logs still name the old one.
    expect(libraryIntegration('pyunifiprotect.unifi_protect_server')).toBe('unifiprotect');
    expect(libraryIntegration('aiohue.v2')).toBe('hue'); // declared
    expect(libraryIntegration('asyncio.base_events')).toBeNull(); // 'io' is not a domain
    expect(libraryIntegration('python')).toBeNull();
    expect(libraryIntegration('pyfoo_unknown')).toBeNull();
  });
});
