/** Real-world wordings of the config family's failures (signatures/config.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('config', [
  c(
    'a Modbus device answering that it has no such register',
    input('modbus', [
      line(
        'Pymodbus: modbus_hub: Error: device: 1 address: 40525 -> Exception Response(131, 3, IllegalAddress)',
        'ERROR',
        'homeassistant.components.modbus',
      ),
    ]),
    'config.register_refused',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a Mosquitto setting that does not exist',
    input('hassio', [
      line('1714557600: Error: Unknown configuration variable "listner".', 'UNKNOWN', null),
    ]),
    'config.setting_refused',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an ESPHome device not allowed to call actions',
    input('esphome', [
      line(
        "Living Room Sensor: Service call light.turn_on: with data {'entity_id': 'light.living_room'} rejected; If you trust this device and want to allow access for it to make Home Assistant service calls, you can enable this functionality in the options flow",
        'ERROR',
        'homeassistant.components.esphome.manager',
      ),
    ]),
    'config.device_actions_not_allowed',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "an integration's repository added to the add-on store",
    input('hassio', [
      line(
        'https://github.com/PovilJ/adaptive-heating is not a valid add-on repository',
        'ERROR',
        'supervisor.store',
      ),
    ]),
    'config.addon_repository_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a template sensor rendering a timestamp without a time zone',
    input('template', [
      line(
        'sensor.next_alarm rendered timestamp without timezone: 2024-05-01 07:00:00',
        'WARNING',
        'homeassistant.components.template.sensor',
      ),
    ]),
    'config.template',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an ip_bans.yaml entry that cannot be read',
    input('http', [
      line(
        "Failed to load IP ban {'banned_at': 'yesterday'}: Invalid datetime specified: yesterday for dictionary value @ data['banned_at']",
        'ERROR',
        'homeassistant.components.http.ban',
      ),
    ]),
    'config.ip_bans_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a YAML platform whose integration does not exist any more',
    input('darksky', [
      line(
        "Unable to prepare setup for platform 'darksky.weather': Integration not found",
        'ERROR',
        'homeassistant.config',
      ),
    ]),
    'config.integration_not_found',
    'invalid_config',
    'restart_core',
  ),
  c(
    'statistics compiled in a unit the sensor no longer reports',
    input(null, [
      line(
        'The unit of sensor.energy_total (W) cannot be converted to the unit of previously compiled statistics (kWh). Generation of long term statistics will be suppressed unless the unit changes back to kWh or a compatible unit. Go to https://my.home-assistant.io/redirect/developer_statistics to fix this',
        'WARNING',
        'homeassistant.components.sensor.recorder',
      ),
    ]),
    'config.entity_state_or_unit',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'Home Assistant starting in recovery mode',
    input('homeassistant', [
      line(
        'Unable to set up core integrations. Activating recovery mode',
        'CRITICAL',
        'homeassistant.bootstrap',
      ),
    ]),
    'config.recovery_mode',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'YAML for an integration set up from the UI only',
    input('tplink', [
      line(
        "The 'tplink' integration does not support YAML setup, please remove it from your configuration",
        'ERROR',
        'homeassistant.setup',
      ),
    ]),
    'config.yaml_not_read',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // template sensors moved from `sensor: - platform: template` to their own key.
    'an integration configured under a platform key instead of its own',
    input('template', [
      line(
        'Configuring the template integration under the sensor platform key is not supported, it must be configured under its own template key instead',
        'ERROR',
        'homeassistant.components.sensor',
      ),
    ]),
    'config.yaml_not_read',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a package that cannot be merged',
    input('homeassistant', [
      line(
        "Package lights setup failed. Integration input_boolean has duplicate key 'guest_mode' (See /config/packages/lights.yaml:7).",
        'ERROR',
        'homeassistant.config',
      ),
    ]),
    'config.package_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an external URL with a path',
    input('homeassistant', [
      line(
        "Invalid external_url set. It's not allowed to have a path (/ha)",
        'WARNING',
        'homeassistant.core_config',
      ),
    ]),
    'config.url_with_path',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // AppDaemon 4.5 dropped a field its older configuration files had.
    'a program refusing a field of its configuration file',
    input('hassio', [line('Unknown field: appdaemon.plugins.HASS.hass.domain', 'ERROR', null)]),
    'config.setting_refused',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "a command line built from an add-on's options that its program refuses",
    input('hassio', [
      line(
        'certbot: error: unrecognized arguments: --null --null-credentials /data/dnsapikey',
        'UNKNOWN',
        null,
      ),
    ]),
    'config.setting_refused',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // A bridge announced a template Home Assistant cannot parse; the bridge's release fixed it.
    'a template in an MQTT discovery message',
    input('mqtt', [
      line(
        "Error 'invalid template (TemplateSyntaxError: expected token 'end of print statement', got 'A2') for dictionary value @ data['value_template']' when processing MQTT discovery message topic: 'homeassistant/device/x/config', message: '{'value_template': '{{ value_json.nodes.1A2.gateway_address }}'}'",
        'ERROR',
        'homeassistant.components.mqtt.entity',
      ),
    ]),
    'config.template',
    'invalid_config',
    'notify_only',
  ),
  c(
    // The publisher sent a key the update entity does not take; its release fixed it.
    'a payload an MQTT entity rejects',
    input('mqtt', [
      line(
        "Schema violation after processing payload '{\"release_notes\":null}' on topic 'mqdockerup/esphome/update' for entity 'update.esphome_update': extra keys not allowed @ data['release_notes']",
        'WARNING',
        'homeassistant.components.mqtt.update',
      ),
    ]),
    'config.schema',
    'invalid_config',
    'notify_only',
  ),
  c(
    'an automation configuration the validator trips over',
    input(null, [
      line(
        "Unknown error calling automation config validator - string indices must be integers, not 'str'",
        'ERROR',
        'homeassistant.config',
      ),
    ]),
    'config.validator_error',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a custom integration configured before Home Assistant restarted to find it',
    input('wundergroundpws', [
      line(
        "Platform error sensor.wundergroundpws - Integration 'wundergroundpws' not found.",
        'ERROR',
        'homeassistant.config',
      ),
    ]),
    'config.integration_not_found',
    'invalid_config',
    'restart_core',
  ),
  c(
    'a misspelled integration in configuration.yaml',
    input('sensors', [line("Integration 'sensors' not found.", 'ERROR', 'homeassistant.config')]),
    'config.integration_not_found',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an option indented as if it were an integration',
    input('kiosks', [
      line("Integration error: kiosks - Integration 'kiosks' not found."),
      line(
        "Invalid config for [sensor.fusion_solar_kiosk]: required key not provided @ data['kiosks']. Got None.",
      ),
    ]),
    'config.integration_not_found',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a YAML syntax error',
    input('homeassistant', [
      line(
        'Failed to parse configuration.yaml: found character \'\\t\' that cannot start any token\n  in "/config/configuration.yaml", line 12, column 1. Activating recovery mode',
        'ERROR',
        'homeassistant.bootstrap',
      ),
    ]),
    'config.yaml_syntax',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an invalid option',
    input('template', [
      line(
        "Invalid config for 'template' at configuration.yaml, line 84: 'value_tempate' is an invalid option for 'template'",
        'ERROR',
        'homeassistant.config',
      ),
    ]),
    'config.schema',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a configured integration that is not installed',
    input('smartir', [
      line("Setup failed for 'smartir': Integration not found.", 'ERROR', 'homeassistant.setup'),
    ]),
    'config.integration_not_found',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // Kia Uvo 1.3.0 from HACS was not found at start; downloading it again fixed it.
    'a custom integration Home Assistant did not find when it started',
    input('kia_uvo', [
      line('Setup failed for kia_uvo: Integration not found.', 'ERROR', 'homeassistant.setup'),
    ]),
    'config.integration_not_found',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // The Google Drive Backup add-on repository added to HACS as a custom repository.
    'an add-on repository added to HACS',
    input('hacs', [
      line('Repostitory structure for v0.98.1 is not compliant', 'ERROR', 'custom_components.hacs'),
    ]),
    'config.hacs_repository_not_compliant',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a template sensor that does not render',
    input('template', [
      line(
        "TemplateError('ValueError: Template error: float got invalid input 'unknown' when rendering template') while processing template",
        'ERROR',
        'homeassistant.components.template.template_entity',
      ),
    ]),
    'config.template',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a sensor state that does not fit its unit',
    input('template', [
      line(
        "Sensor sensor.energy has device class 'energy', state class 'total_increasing' unit 'kWh' and suggested precision 'None' thus indicating it has a numeric value; however, it has the non-numeric value: 'unavailable'",
      ),
    ]),
    'config.entity_state_or_unit',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an integration the configuration names but Home Assistant cannot find',
    input('hacs', [line('Integration not found: hacs', 'UNKNOWN')]),
    'config.integration_not_found',
    'invalid_config',
    'restart_core',
  ),
  c(
    'an integration that calls its own configuration wrong',
    input('nest', [
      line(
        "Subscriber error: Subscription misconfigured. Expected subscriber_id to match 'projects/.*/subscriptions/.*' but was 'projects/sdm-prod/topics/enterprise-x'",
        'ERROR',
        'homeassistant.components.nest',
      ),
    ]),
    'config.misconfigured',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'an integration configured as a platform instead of its own section',
    input('acme_monitor', [
      line(
        "Error during setup of component acme_monitor\nTraceback (most recent call last):\n    for item in config[DOMAIN]:\nKeyError: 'acme_monitor'",
        'ERROR',
        'homeassistant.setup',
      ),
    ]),
    'config.section_missing',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "a camera that cannot subscribe to Home Assistant's webhook",
    input('reolink_dev', [
      line(
        'Host 192.168.1.40 subscription failed to its webhook, base object state will be set to NotAvailable',
        'ERROR',
        'custom_components.reolink_dev.base',
      ),
    ]),
    'config.webhook_unreachable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a cloud service that rejects the webhook URL',
    input('acme', [
      line(
        'Failed to register webhook with the cloud: invalid webhook url http://localhost:8123/api/webhook/abc',
      ),
    ]),
    'config.webhook_unreachable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a Modbus data type wider than the registers read',
    input('modbus', [
      line(
        'Received 2 bytes, unpack error unpack requires a buffer of 4 bytes',
        'ERROR',
        'homeassistant.components.modbus.base_platform',
        12,
      ),
    ]),
    'config.register_size',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a cast device that cannot reach the internal URL',
    input('cast', [
      line(
        'Failed to cast media http://192.168.1.10:8123/api/tts_proxy/43aa.mp3 from internal_url (http://192.168.1.10:8123). Please make sure the URL is: Reachable from the cast device and either a publicly resolvable hostname or an IP address',
        'ERROR',
        'homeassistant.components.cast.media_player',
      ),
    ]),
    'config.media_url_unreachable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a dashboard card whose JavaScript is not loaded',
    input(null, [line("Custom element doesn't exist: button-card.", 'UNKNOWN')]),
    'config.card_not_loaded',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // lovelace's check of a YAML dashboard resource under /local/ (Home Assistant 2026.11).
    'a dashboard resource whose file is gone',
    input('lovelace', [
      line(
        'Lovelace resource /local/community/mini-graph-card/mini-graph-card-bundle.js was not found at /config/www/community/mini-graph-card/mini-graph-card-bundle.js (file and folder names are case sensitive)',
        'WARNING',
        'homeassistant.components.lovelace.resources',
      ),
    ]),
    'config.dashboard_resource_missing',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'two dashboards at the same address',
    input('lovelace', [
      line(
        'Panel url path dashboard-home is not unique',
        'WARNING',
        'homeassistant.components.lovelace',
      ),
    ]),
    'config.dashboard_path_taken',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The energy dashboard's check of an ESPHome external component's sensor.
    "an energy sensor without the 'last_reset' its state class needs",
    input('esphome', [
      line(
        "The following entities have state class 'measurement' but 'last_reset' is missing:\nsensor.powerpal_daily_energy",
        'UNKNOWN',
      ),
    ]),
    'config.entity_state_or_unit',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // A paste that kept Markdown's backticks around the values.
    'a state class impossible for the device class, in backticks',
    input('mqtt', [
      line(
        "`Entity sensor.watermeter_raw (<class 'homeassistant.components.mqtt.sensor.MqttSensor'>)` is using state class '`measurement`' which is impossible considering device class ('`water`') it is using",
        'WARNING',
        'homeassistant.components.sensor',
      ),
    ]),
    'config.entity_state_or_unit',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // rct_power is no integration of Home Assistant's own: its author fixes the unit.
    'a unit that no longer matches the statistics compiled so far',
    input('rct_power', [
      line(
        'The unit of sensor.rct_power_energy_production_day (Wh) does not match the unit of already compiled statistics (kWh). Generation of long term statistics will be suppressed unless the unit changes back to kWh',
        'WARNING',
        'homeassistant.components.sensor.recorder',
      ),
    ]),
    'config.entity_state_or_unit',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    // ConnectLife declared 'hWh'; its author fixed the unit in a release.
    "a custom integration's sensor with a unit its device class does not have",
    input('connectlife', [
      line(
        "Entity sensor.dishwasher_energy (<class 'custom_components.connectlife.sensor.ConnectLifeStatusSensor'>) is using native unit of measurement 'hWh' which is not a valid unit for the device class ('energy') it is using",
        'WARNING',
        'homeassistant.components.sensor',
      ),
    ]),
    'config.entity_state_or_unit',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    // Two phones registered under one name: only one of them gets a notify action.
    'two Companion app registrations with the same device name',
    input('mobile_app', [
      line(
        'Found duplicate device name ONEPLUS A6003',
        'WARNING',
        'homeassistant.components.mobile_app.notify',
      ),
    ]),
    'config.duplicate_app_name',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // A power sensor a template declares total_increasing: the user's state_class is wrong.
    "a template sensor's total that goes down",
    input('template', [
      line(
        'Entity sensor.realtime_power_wasmachine from integration template has state class total_increasing, but its state is not strictly increasing. Triggered by state 0.19 with last_updated set to 2021-11-11T15:04:11.326083+00:00. Please create a bug report at https://github.com/home-assistant/core/issues?q=is%3Aopen+is%3Aissue+label%3A%22integration%3A+template%22',
        'WARNING',
        'homeassistant.components.sensor.recorder',
      ),
    ]),
    'config.entity_state_or_unit',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The custom integration's entity description is wrong: its author fixes it in a release.
    "a custom integration's total that goes down",
    input('acme_solar', [
      line(
        'Entity sensor.lifetime_power from integration acme_solar has state class total_increasing, but its state is not strictly increasing. Triggered by state 5294.0 (5448.0) with last_updated set to 2023-03-03T10:07:18.977591+00:00. Please report it to the custom integration author.',
        'WARNING',
        'homeassistant.components.sensor.recorder',
      ),
    ]),
    'config.entity_state_or_unit',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    // Zigbee2MQTT 2.0 no longer guesses a network coordinator's adapter type.
    'a program that names the settings it needs',
    input('hassio', [
      line(
        "[2025-03-18 10:01:12] error: z2m: Error: Cannot discover TCP adapters at this time. Specify valid 'adapter' and 'port' in your configuration.",
        'ERROR',
      ),
    ]),
    'config.setting_requested',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // alexa_media_player's own notice.
    'a custom integration that no longer reads its YAML',
    input('alexa_media', [
      line(
        'YAML configuration of Alexa Media Player is no longer supported. Please remove `alexa_media` from your configuration, restart Home Assistant and use the UI to configure it.',
        'ERROR',
        'custom_components.alexa_media',
      ),
    ]),
    'config.yaml_not_read',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // Home Assistant's translated error for a reload that finds invalid YAML.
    'a reload that finds an integration’s YAML invalid',
    input('template', [
      line(
        "Invalid config for integration template at configuration.yaml, line 42: required key 'state' not provided.",
        'ERROR',
        'homeassistant.components.homeassistant',
      ),
    ]),
    'config.schema',
    'invalid_config',
    'fix_config_then_reload',
  ),
]);

describe('how sure "integration not found" is', () => {
  const notFound = (domain: string) =>
    analyzeOffline(
      input(domain, [
        line(
          `Platform error: climate - Integration '${domain}' not found.`,
          'ERROR',
          'homeassistant.config',
        ),
      ]),
    );

  it('is less sure for a custom integration, which may also be a release that no longer loads', () => {
    const custom = notFound('warmup');
    const misspelled = notFound('sensors');
    expect(custom?.rca.confidence).toBeLessThan(0.8);
    expect(misspelled?.rca.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
