/** Attributing a log by the names its messages write: an entity, a brand, a coordinator, a service's host, a port. */
import { describe, expect, it } from 'vitest';
import { who } from '../log-file-lines.js';

describe('attributing the names a message writes', () => {
  it('attributes an entity named after a core integration to it, but not an everyday word', async () => {
    const update = (entity: string) => who(`Update of ${entity} is taking over 10 seconds`);
    expect(await update('sensor.fritz_repeater_2400_device_uptime')).toEqual(['fritz']);
    expect(await update('binary_sensor.ping_<NAME>')).toEqual(['ping']);
    expect(await update('sensor.energy_today')).toEqual([null]);
  });

  it("names the conversation agent Assist's apology names by its service", async () => {
    expect(
      await who(
        'Sorry, I had a problem talking to Google Generative AI: 404 models/gemini-pro is not found for API version v1beta2',
      ),
    ).toEqual(['google_generative_ai_conversation']);
    expect(
      await who(
        'Sorry, I had a problem talking to the Ollama server: llama3 does not support tools',
      ),
    ).toEqual(['ollama']);
  });

  it('names the integration a coordinator class is named after', async () => {
    expect(
      await who(
        "Unexpected error fetching \"IP Address\" SynologyDSMSwitchUpdateCoordinator data: {'api': None, 'code': -1, 'reason': 'Unknown', 'details': 'TimeoutError'}",
      ),
    ).toEqual(['synology_dsm']);
  });

  it('names the integration a message calls by its brand, but no everyday word or protocol', async () => {
    expect(
      await who(
        'Retrying setup: Failed to initialize the Honeywell client: Connection error: maybe you have exceeded the API rate limit?',
      ),
    ).toEqual(['honeywell']);
    expect(
      await who(
        'Error connecting to the UniFi Network at <IP>: Call https://<IP>:443/api/auth/login received 404 Not Found',
      ),
    ).toEqual(['unifi']);
    // Two words: `telegram_bot`.
    expect(
      await who(
        'Telegram bot setup error Error from Telegram: httpx.UnsupportedProtocol: Request URL is missing a protocol',
      ),
    ).toEqual(['telegram_bot']);
    // A hyphenated brand, and a product's acronym after it: `zwave_js`, `synology_dsm`.
    expect(
      await who(
        'Failed setup, will retry: Invalid server version: Z-Wave JS Server version (1.31.0) is incompatible.',
      ),
    ).toEqual(['zwave_js']);
    expect(await who('Login to the Synology DSM at <IP> failed: 403 Forbidden')).toEqual([
      'synology_dsm',
    ]);
    // A brand whose integration is its cloud's: `homematicip_cloud`.
    expect(
      await who('Error connecting to HomematicIP with HAP <SERIAL>. Retrying in 256 seconds'),
    ).toEqual(['homematicip_cloud']);
    // The camera framework (WebRTC) is no culprit; the vendor's API is.
    expect(
      await who(
        'Failed to start WebRTC stream: Nest API error: Error from API: 429: RESOURCE_EXHAUSTED: Rate limited for the ExecuteDeviceCommand API for the user.: Too Many Requests',
      ),
    ).toEqual(['nest']);
    // Words that are also domains name nothing: a protocol, a file, "my".
    expect(await who('Modbus read failed: No response received after 3 retries')).not.toContain(
      'modbus',
    );
    expect(await who('File not found: /config/www/floorplan.svg')).not.toContain('file');
    expect(await who('My device stopped answering: Connection refused')).not.toContain('my');
  });

  it('names the integration the UI’s log list shows under a message, and reads it as Home Assistant’s', async () => {
    // Settings → System → Logs: the message, then its time, level and the integration's name.
    expect(
      await who(
        'Could not connect to Insteon modem',
        '8:26:22 PM – (ERROR) Insteon - message first occurred at 8:16:12 PM and shows up 5 times',
      ),
    ).toEqual(['insteon']);
    expect(
      await who(
        "Unable to contact the vendor's server. Check your network and review the vendor's status page.",
        '10:14:07 – (ERROR) evohome',
      ),
    ).toEqual(['evohome']);
  });

  it('names the integration whose config flow failed to load', async () => {
    expect(
      await who(
        "Error occurred loading flow for integration yale: cannot import name 'YaleApiError' from 'yalexs.exceptions' (/usr/local/lib/python3.12/site-packages/yalexs/exceptions.py)",
      ),
    ).toEqual(['yale']);
    expect(
      await who(
        "ERROR (MainThread) [homeassistant.config_entries] Error importing platform config_flow from integration adaptive_lighting to set up adaptive_lighting configuration entry: cannot import name 'ATTR_COLOR_TEMP_KELVIN' from 'homeassistant.components.light' (/usr/src/homeassistant/homeassistant/components/light/__init__.py)",
      ),
    ).toEqual(['adaptive_lighting']);
  });

  it('names the integration a coordinator or a slow platform names in its message', async () => {
    // DataUpdateCoordinator says "Error fetching <name> data", and most name it by the domain.
    expect(await who('Error fetching poolmate data: Timeout while talking to the pump')).toEqual([
      'poolmate',
    ]);
    expect(await who("Unexpected error fetching binday data: KeyError: 'rows'")).toEqual([
      'binday',
    ]);
    // Some name it by the domain and a device.
    expect(await who('Error fetching poolmate.Backyard data: Timeout')).toEqual(['poolmate']);
    // A name in words is no domain.
    expect(await who('Error fetching Garage Door data: Timeout')).toEqual([null]);
    // So is a platform that does not finish adding its entities.
    expect(
      await who('Timed out adding entities for domain sensor with platform poolmate after 60s'),
    ).toEqual(['poolmate']);
  });

  it('names the integration the framework names in its own checks', async () => {
    // YAML Home Assistant no longer reads, whichever logger wrote it.
    expect(
      await who(
        "The 'tplink' integration does not support YAML setup, please remove it from your configuration",
      ),
    ).toEqual(['tplink']);
    expect(
      await who(
        'Configuring the template integration under the sensor platform key is not supported, it must be configured under its own template key instead',
      ),
    ).toEqual(['template']);
    // The loader on a custom integration's code and manifest, the config entries on its setup.
    expect(
      await who('Unexpected exception importing platform custom_components.localtuya.climate'),
    ).toEqual(['localtuya']);
    expect(
      await who(
        'Error parsing manifest.json file at /config/custom_components/localtuya/manifest.json: unexpected character: line 12 column 3 (char 345)',
      ),
    ).toEqual(['localtuya']);
    expect(await who('my_heater.async_setup_entry did not return boolean')).toEqual(['my_heater']);
    expect(await who('Cannot find integration tuya_local')).toEqual(['tuya_local']);
    expect(
      await who(
        'Entity sensor.solar_energy_today from integration template has state class total_increasing, but its state is negative',
      ),
    ).toEqual(['template']);
    // A link Home Assistant writes into its own message names none.
    expect(
      await who(
        'The unit of sensor.energy_total (W) cannot be converted to the unit of previously compiled statistics (kWh). Go to https://my.home-assistant.io/redirect/developer_statistics to fix this',
      ),
    ).toEqual([null]);
    // A platform's poll still busy when the next is due, in the wording since 2026.
    expect(
      await who(
        'Updating poolmate sensor did not complete within the scheduled update interval 0:00:30 for sensor.pool_temperature; these entities are still finishing a previous update',
      ),
    ).toEqual(['poolmate']);
  });

  it('names the part of Home Assistant whose own internet service did not answer', async () => {
    // Core installs requirements from its wheels index.
    expect(
      await who(
        '  Caused by: Failed to fetch: `https://wheels.home-assistant.io/musllinux-index/pyacme/`',
        '  Caused by: HTTP status server error (502 Bad Gateway) for url (https://wheels.home-assistant.io/musllinux-index/pyacme/)',
      ),
    ).toEqual(['homeassistant']);
    // The updater integration (before 2021.4) asked its own host.
    expect(
      await who(
        'Error requesting Home Assistant update data: Cannot connect to host updater.home-assistant.io:443 ssl:default [Try again]',
      ),
    ).toEqual(['updater']);
    // The mobile app's push relay, and Home Assistant Cloud's hosts.
    expect(
      await who(
        "Error sending notification to https://mobile-apps.home-assistant.io/api/sendPush/android/v1: ClientConnectorDNSError(…, OSError(None, 'DNS server returned answer with no data'))",
      ),
    ).toEqual(['mobile_app']);
    expect(
      await who(
        "Unable to connect: 504, message='Invalid response status', url=URL('wss://remotestate.nabucasa.com/v1')",
      ),
    ).toEqual(['cloud']);
  });

  it('names the integration whose protocol port the unreachable peer listens on', async () => {
    // Python's address tuple, and host:port.
    expect(
      await who(
        "Failed setup, will retry Unable to connect to the device: <IP>:9999: [Errno 111] Connect call failed ('<IP>', 9999)",
      ),
    ).toEqual(['tplink']);
    expect(
      await who('Connection to 192.168.1.20:6053 failed: [Errno 113] Host is unreachable'),
    ).toEqual(['esphome']);
    // A port several integrations use names none, and a source line is not a port.
    expect(
      await who('Cannot connect to host 192.168.1.20:80 ssl:default [Connect call failed]'),
    ).toEqual([null]);
    expect(await who('Error in helpers/entity.py:1400: Timeout while fetching data')).toEqual([
      null,
    ]);
  });

  it("names a remote's integration from its entity id", async () => {
    expect(
      await who(
        'Unable to find referenced entities remote.broadlink_bedroom_remote or it is/they are currently not available',
      ),
    ).toEqual(['broadlink']);
  });

  it('names the one integration the start waits on', async () => {
    expect(
      await who(
        '2024-03-08 14:18:22.043 WARNING (MainThread) [homeassistant.bootstrap] Waiting on integrations to complete setup: brother',
      ),
    ).toEqual(['brother']);
    expect(
      await who(
        "2024-06-08 14:18:22.043 WARNING (MainThread) [homeassistant.bootstrap] Waiting for integrations to complete setup: {('brother', None): 1717856302.1}",
      ),
    ).toEqual(['brother']);
    // Several: none of them alone.
    expect(
      await who(
        '2024-03-08 14:18:22.043 WARNING (MainThread) [homeassistant.bootstrap] Waiting on integrations to complete setup: brother, sonos',
      ),
    ).not.toContain('brother');
  });
});
