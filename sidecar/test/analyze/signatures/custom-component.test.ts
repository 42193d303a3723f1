/** Real-world wordings of the custom_component family's failures (signatures/custom-component.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('custom_component', [
  c(
    'a repository HACS removed that is still installed',
    input('hacs', [
      line(
        "You have 'someone/ha-foo' installed with HACS this repository has been removed from HACS, please consider removing it. Removal reason (Repository is archived)",
        'WARNING',
        'custom_components.hacs',
      ),
    ]),
    'custom_component.removed_from_hacs',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'an entity whose poll fails, in the wording since 2024',
    input('my_meter', [
      line(
        'Error updating entity sensor.meter_power during poll\nTraceback (most recent call last):\n  File "/config/custom_components/my_meter/sensor.py", line 88, in async_update\nKeyError: \'power\'',
        'ERROR',
        'homeassistant.components.sensor',
      ),
    ]),
    'custom_component.entity_update_failed',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration whose dependencies cannot be resolved',
    input('alexa_media', [
      line(
        'Unable to resolve dependencies for alexa_media:  we are unable to resolve (sub)dependency media_extractor_x',
        'ERROR',
        'homeassistant.loader',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration the loader fails to load',
    input('my_heater', [
      line('Failed to load integration: my_heater', 'ERROR', 'homeassistant.helpers.service'),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // A release installed half-way: the loader cannot read its manifest.
    'a custom integration whose manifest cannot be parsed',
    input('localtuya', [
      line(
        'Error parsing manifest.json file at /config/custom_components/localtuya/manifest.json: unexpected character: line 12 column 3 (char 345)',
        'ERROR',
        'homeassistant.loader',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration whose version key is not valid',
    input('my_widget', [
      line(
        "The custom integration 'my_widget' does not have a valid version key (v1.0-beta!) in the manifest file and was blocked from loading. See https://developers.home-assistant.io/blog/2021/01/29/custom-integration-changes#versions for more details",
        'ERROR',
        'homeassistant.loader',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a platform of a custom integration that cannot be imported',
    input('localtuya', [
      line(
        'Unexpected exception importing platform custom_components.localtuya.climate',
        'ERROR',
        'homeassistant.loader',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration whose setup does not say whether it worked',
    input('my_heater', [
      line(
        'my_heater.async_setup_entry did not return boolean',
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // The Frigate integration checks its server's version; the add-on needed an update.
    "an integration refusing its server's version",
    input('frigate', [
      line(
        'Using a Frigate server (http://127.0.0.1:5000) with version 0.8.4-5043040 <= 0.8.4 which is not compatible -- you must upgrade: https://github.com/blakeblackshear/frigate/releases',
        'ERROR',
        'custom_components.frigate',
      ),
    ]),
    'custom_component.server_version_refused',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // pymodbus 3.8 made the slave argument keyword-only; the integration's release followed.
    'a library call with arguments the library no longer takes',
    input('saj_modbus', [
      line(
        'Error reading modbus data: ModbusClientMixin.read_holding_registers() takes 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given',
        'ERROR',
        'custom_components.saj_modbus.hub',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'an entity update that fails in a custom integration',
    input(
      'alarmdotcom',
      [
        line(
          'Update for alarm_control_panel.alarm_com fails',
          'ERROR',
          'homeassistant.helpers.entity',
        ),
      ],
      { custom: true },
    ),
    'custom_component.entity_update_failed',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration that shares a core domain, named custom by the setup line',
    input('plugwise', [
      line(
        "Setup failed for custom integration plugwise: Unable to import component: cannot import name 'EntityCategory' from 'homeassistant.const' (/usr/src/homeassistant/homeassistant/const.py)",
        'ERROR',
        'homeassistant.setup',
      ),
    ]),
    'custom_component.removed_core_api',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a removed core API',
    input('frigate', [
      line(
        "Setup failed for custom integration 'frigate': Unable to import component: cannot import name 'Config' from 'homeassistant.core'",
      ),
    ]),
    'custom_component.removed_core_api',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // Core integrations ship with Home Assistant's own code: one that lacks a name it imports
    // from homeassistant is a custom integration of the same name (SmartThings' old one).
    'a custom integration named like a core one, importing a removed name',
    input('smartthings', [
      line(
        "Error occurred loading flow for integration smartthings: cannot import name 'ELECTRIC_POTENTIAL_VOLT' from 'homeassistant.const' (/usr/src/homeassistant/homeassistant/const.py)",
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'custom_component.removed_core_api',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // A core integration meets another version of its library: something else installed it.
    'a core integration that cannot import a name from its own library',
    input(null, [
      line(
        "Error occurred loading flow for integration yale: cannot import name 'YaleApiError' from 'yalexs.exceptions' (/usr/local/lib/python3.12/site-packages/yalexs/exceptions.py)",
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'custom_component.library_replaced',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration making entity IDs with spaces',
    input('entsoe', [
      line(
        'Error adding entity entsoe.Entso_Average electricity price for domain sensor with platform entsoe\nTraceback (most recent call last):\n  File "/usr/src/homeassistant/homeassistant/helpers/entity_platform.py", line 826, in _async_add_entity\n    raise HomeAssistantError(f"Invalid entity ID: {entity.entity_id}")\nhomeassistant.exceptions.HomeAssistantError: Invalid entity ID: entsoe.',
        'ERROR',
        'homeassistant.components.sensor',
      ),
    ]),
    'custom_component.invalid_entity_id',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // localtuya reconnecting through an object it had not created: a bug its next commit fixed.
    'a custom integration quoting an exception in a warning, without its name',
    input('localtuya', [
      line(
        "[866...abe] Connect to <IP> failed: 'NoneType' object has no attribute 'heartbeater'",
        'WARNING',
        'custom_components.localtuya.common',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration crashing with a TypeError about arguments',
    input('foo', [
      line(
        'Error setting up entry Foo for foo\nTraceback (most recent call last):\n  File "/config/custom_components/foo/__init__.py", line 20, in async_setup_entry\nTypeError: DataUpdateCoordinator.__init__() got an unexpected keyword argument \'update_method\'',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration assigning to a now frozen entity description',
    input(
      'rd200_ble',
      [
        line(
          [
            'Error while setting up rd200_ble platform for sensor',
            '  File "/config/custom_components/rd200_ble/sensor.py", line 132, in async_setup_entry',
            "dataclasses.FrozenInstanceError: cannot assign to field 'native_unit_of_measurement'",
          ].join('\n'),
        ),
      ],
      { custom: true },
    ),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a library that moved a module under a custom integration (not a missing requirement)',
    input(
      'spotcast',
      [
        line(
          "Setup failed for custom integration 'spotcast': Unable to import component: cannot import name 'LaunchError' from 'pychromecast.error'",
          'ERROR',
          'homeassistant.setup',
        ),
      ],
      { custom: true },
    ),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration without a version in its manifest',
    input('acme', [
      line(
        "No 'version' key in the manifest file for custom integration 'acme'.",
        'WARNING',
        'homeassistant.loader',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration importing a module its library dropped',
    input(
      'acme',
      [
        line(
          "Setup failed for acme: Unable to import component: No module named 'acmelib.const'",
          'ERROR',
          'homeassistant.setup',
        ),
      ],
      { custom: true },
    ),
    'custom_component.library_api_changed',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    'a custom integration giving two entities one unique ID',
    input(
      'acme',
      [
        line(
          'Platform acme does not generate unique IDs. ID abc already exists - ignoring sensor.acme_abc',
          'ERROR',
          'homeassistant.components.sensor',
        ),
      ],
      { custom: true },
    ),
    'custom_component.duplicate_unique_id',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    'a core integration giving two entities one unique ID',
    input('template', [
      line(
        'Platform template does not generate unique IDs. ID t1 already exists - ignoring sensor.t1',
        'ERROR',
        'homeassistant.components.sensor',
      ),
    ]),
    'custom_component.duplicate_unique_id',
    'other',
    'notify_only',
  ),
  c(
    'a custom dashboard card failing in the browser',
    input('frontend', [
      line(
        'https://ha.example/hacsfiles/acme-card/acme-card.js:12:34 TypeError: this.x is null',
        'ERROR',
        'frontend.js.latest.202401010',
      ),
    ]),
    'custom_component.custom_card_error',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    'a manifest without a version, in the older wording',
    input('acme', [
      line(
        "The 'version' key in the manifest file was not found for the custom integration 'acme'",
        'ERROR',
        'homeassistant.loader',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // Home Assistant 0.103 made supported_features abstract for alarm panels.
    'an entity class missing a method Home Assistant made abstract',
    input('aarlo', [
      line(
        [
          'Error while setting up platform aarlo',
          'Traceback (most recent call last):',
          '  File "/config/custom_components/aarlo/alarm_control_panel.py", line 100, in async_setup_platform',
          '    base_stations.append(ArloBaseStation(base_station, config))',
          "TypeError: Can't instantiate abstract class ArloBaseStation with abstract methods supported_features",
        ].join('\n'),
        'ERROR',
        'homeassistant.components.alarm_control_panel',
      ),
    ]),
    'custom_component.code_error',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // powercalc checks Home Assistant's version before it sets up.
    'a custom integration that needs a newer Home Assistant',
    input('powercalc', [
      line(
        'This integration requires at least HomeAssistant version  2026.4.0, you are running version 2025.12.3. Please upgrade HomeAssistant to continue use this integration.',
        'CRITICAL',
        'custom_components.powercalc',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // hass-opnsense refuses a router firmware older than it supports.
    'a custom integration refusing the firmware of the device it manages',
    input('opnsense', [
      line(
        'OPNsense Firmware of 24.7.12 is below the minimum supported version of 25.1',
        'ERROR',
        'custom_components.opnsense.config_flow',
      ),
    ]),
    'custom_component.server_version_refused',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // reolink_aio's LoginFirmwareError: the camera is fine, its firmware too old for the API.
    'a camera that refuses the login until its firmware is updated',
    input('reolink', [
      line(
        "reolink_aio.exceptions.LoginFirmwareError: Failed to login to host '192.168.1.50', please update the firmware to version v3.1.0.2368 using the Reolink Download Center",
        'ERROR',
        'reolink_aio.api',
      ),
    ]),
    'custom_component.server_version_refused',
    'other',
    'notify_only',
  ),
  c(
    // smartthinq_sensors checks Home Assistant's version (its own grammar).
    'a custom integration that says it require a newer Home Assistant',
    input('smartthinq_sensors', [
      line(
        'This integration require at least HomeAssistant version  2024.11.0, you are running version 2024.6.4. Please upgrade HomeAssistant to continue use this integration.',
        'CRITICAL',
        'custom_components.smartthinq_sensors',
      ),
    ]),
    'custom_component.blocked_or_invalid_manifest',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
]);
