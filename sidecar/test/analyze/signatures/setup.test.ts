/** Real-world wordings of the setup family's failures (signatures/setup.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('setup', [
  c(
    // Two Shellys swapped their addresses: the one at the stored address has another MAC.
    'another device answering at the address an entry stored',
    input('shelly', [
      line(
        "host 192.168.1.31:80: error: MacAddressMismatchError('Input MAC: C4D8D5001122, Shelly MAC: C4D8D5003344')",
        'ERROR',
        'aioshelly.rpc_device.device',
      ),
    ]),
    'setup.other_device_at_address',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    "ESPHome's words for the same",
    input('esphome', [
      line(
        'Unexpected device found at 192.168.1.20; expected `kitchen-sensor` with mac address `aa:bb:cc:dd:ee:ff`, found `garage-door` with mac address `11:22:33:44:55:66`',
        'ERROR',
        'homeassistant.components.esphome.manager',
      ),
    ]),
    'setup.other_device_at_address',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    // Python's own words for a bug: the integration's code, not the device, fails each retry.
    'a retry whose reason is a programming error in a core integration',
    input('enphase_envoy', [
      line(
        "Config entry 'Envoy 1234' for enphase_envoy integration not ready yet: list index out of range; Retrying in background",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'notify_only',
  ),
  c(
    'a retry whose reason is a programming error in a custom integration',
    input('bmw_connected_drive', [
      line(
        "Config entry 'Car' for bmw_connected_drive integration not ready yet: cannot access local variable 'response' where it is not associated with a value; Retrying in background",
        'WARNING',
        'custom_components.bmw_connected_drive',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'update_or_remove_custom_component',
  ),
  c(
    'a retry in the 2025 INFO format with a timeout',
    input('shelly', [
      line(
        "Config entry 'Plug' for shelly integration not ready yet: Timeout connecting to 192.168.1.51; Retrying in 20 seconds",
        'INFO',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.retry_unreachable',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    // The service answered, and rejected the request: retrying sends the same one.
    'a retry because the service rejects the request',
    input('ovo_energy', [
      line(
        "Config entry 'Home' for ovo_energy integration not ready yet: 400 Client Error: Bad Request for url: https://api.example.com/devices; Retrying in 80 seconds",
        'INFO',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'notify_only',
  ),
  c(
    'a custom integration retrying because the service sent a field it calls invalid',
    input('frank_energie', [
      line(
        "Config entry 'Home' for frank_energie integration not ready yet: Invalid expectedCosts; Retrying in 80 seconds",
        'INFO',
        'custom_components.frank_energie',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'update_or_remove_custom_component',
  ),
  c(
    'a retry without a connection error',
    input('sonos', [
      line(
        "Config entry 'Sonos' for sonos integration not ready yet: No speakers found; Retrying in background",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    'a setup that let a timeout escape instead of retrying',
    input(
      'lookin',
      [
        line(
          'Error setting up entry Living room for lookin\nTraceback (most recent call last):\n  File "/usr/src/homeassistant/homeassistant/components/lookin/__init__.py", line 38, in async_setup_entry\nasyncio.exceptions.TimeoutError',
          'ERROR',
          'homeassistant.config_entries',
        ),
      ],
      { custom: false },
    ),
    'setup.failed_unreachable',
    'setup_retry',
    'notify_only',
  ),
  c(
    // A.O. Smith's API answered with a status the library did not know; a release followed it.
    'a retry because its service on the internet does not answer as it should',
    input(null, [
      line(
        'Failed setup, will retry: Error communicating with API: Unknown hot water status',
        'UNKNOWN',
      ),
    ]),
    'setup.retry_unreachable',
    'setup_retry',
    'notify_only',
  ),
  c(
    "a cloud integration's retry: the vendor's side, and it retries by itself",
    input('homematicip_cloud', [
      line(
        'Error connecting to HomematicIP with HAP XYZ. Retrying in 16 seconds',
        'ERROR',
        'homeassistant.components.homematicip_cloud.hap',
      ),
    ]),
    'setup.retry_unreachable',
    'setup_retry',
    'notify_only',
  ),
  c(
    'the UI\'s "Failed setup, will retry" is a setup retry',
    input('tplink', [
      line(
        "Failed setup, will retry Unable to connect to the device: <IP>:9999: [Errno 111] Connect call failed ('<IP>', 9999)",
      ),
    ]),
    'setup.retry_unreachable',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    'a setup retrying against a server of another version: waiting or updating the server helps',
    input('zwave_js', [
      line(
        'Retrying setup: Invalid server version: Z-Wave JS Server version is incompatible: 1.21.0 a version is required that supports at least api schema 22',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'notify_only',
  ),
  c(
    'an entry Home Assistant believes is already set up',
    input('acme', [
      line(
        'Error setting up entry Home for sensor\nTraceback (most recent call last):\nValueError: Config entry has already been setup!',
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.already_set_up',
    'setup_retry',
    'restart_core',
  ),
  c(
    'a custom integration asking for a retry from a forwarded platform',
    input(
      'acme',
      [
        line(
          'acme raises exception ConfigEntryNotReady in forwarded platform sensor; Instead raise ConfigEntryNotReady before calling async_forward_entry_setups',
          'WARNING',
          'homeassistant.config_entries',
        ),
      ],
      { custom: true },
    ),
    'setup.retry',
    'setup_retry',
    'update_or_remove_custom_component',
  ),
  c(
    'a server speaking another version, which the integration retries without saying so',
    input('acme_hub', [
      line(
        'Invalid server version: server version is incompatible: 2.1.0, a version that supports at least api schema 9 is required',
        'ERROR',
        'homeassistant.components.acme_hub',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'notify_only',
  ),
  c(
    'a setup that failed for a reason the log does not show (the traceback cut short)',
    input(
      'ollama',
      [
        line(
          'Error setting up entry http://<IP>:11434 for ollama\nTraceback (most recent call last):\n  File "/usr/src/homeassistant/homeassistant/components/ollama/__init__.py", line 84, in async_setup_entry\n    await client.list()\n  ...',
          'ERROR',
          'homeassistant.config_entries',
        ),
      ],
      { custom: false },
    ),
    'setup.failed',
    'setup_retry',
    'notify_only',
  ),
  c(
    // The integrations page's state, copied in the user's language (es: "Failed setup, will retry").
    'an entry the integrations page shows retrying, in Spanish',
    input(null, [
      line(
        'Error de configuración, se volverá a intentar: Request Failed. 500, {"message":null}.',
        'UNKNOWN',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    "an integration's own words for a setup it will retry",
    input('emporia_vue', [
      line(
        'Exception while setting up Emporia Vue. Will retry. 400 Client Error: Bad Request for url: https://api.emporiaenergy.com/customers/devices',
        'ERROR',
        'custom_components.emporia_vue',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'update_or_remove_custom_component',
  ),
  c(
    'an entry the integrations page shows failed, in Dutch',
    input('hue', [line('Instellen mislukt: Unexpected error', 'UNKNOWN')]),
    'setup.failed',
    'setup_retry',
    'notify_only',
  ),
  c(
    // An entry without a title: Home Assistant logs nothing between "entry" and "for".
    'an entry without a title that failed to set up',
    input('insteon', [line('Error setting up entry for insteon', 'ERROR')]),
    'setup.failed',
    'setup_retry',
    'notify_only',
  ),
  c(
    // The user sees a failed setup, and only a release of Home Assistant fixes it.
    "a core integration's setup that failed on a bug of its code",
    input('hue', [
      line(
        "Error setting up entry Philips hue for hue\nTraceback (most recent call last):\n  File \"/usr/src/homeassistant/homeassistant/components/hue/__init__.py\", line 110, in async_setup_entry\n    allow_unreachable=entry.data['allow_unreachable'],\nKeyError: 'allow_unreachable'",
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.failed',
    'setup_retry',
    'notify_only',
  ),
  c(
    'a setup that failed on a bug of its own code',
    input(
      'landroid_cloud',
      [
        line(
          "Error setting up entry Mower for landroid_cloud\nTraceback (most recent call last):\n  File \"/config/custom_components/landroid_cloud/__init__.py\", line 40, in async_setup_entry\n    status = payload['dat']\nKeyError: 'dat'",
          'ERROR',
          'homeassistant.config_entries',
        ),
      ],
      { custom: true },
    ),
    'setup.failed',
    'other',
    'update_or_remove_custom_component',
  ),
  c(
    // Lucid Motors 1.0.6 read a region its older releases never stored in the entry.
    "a custom integration's release that reads what its older releases never stored",
    input(
      'lucidmotors',
      [
        line(
          'Error setting up entry Lucid for lucidmotors\nTraceback (most recent call last):\n  File "/config/custom_components/lucidmotors/__init__.py", line 52, in async_setup_entry\n    region = Region(entry.data[CONF_REGION])\n                    ~~~~~~~~~~^^^^^^^^^^^^^\nKeyError: \'region\'',
          'ERROR',
          'homeassistant.config_entries',
        ),
      ],
      { custom: true },
    ),
    'setup.failed',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    "a custom integration's setup that let a connection failure escape in its own words",
    input('meross_cloud', [
      line(
        'Your Meross login credentials are invalid or the network could not be reached at the moment.\nTraceback (most recent call last):\n  File "/config/custom_components/meross_cloud/__init__.py", line 55, in async_setup_entry\n    manager = MerossManager(meross_email=email, meross_password=password)\nmeross_iot.api.UnauthorizedException',
        'ERROR',
        'custom_components.meross_cloud',
      ),
    ]),
    'setup.failed_unreachable',
    'setup_retry',
    'update_or_remove_custom_component',
  ),
  c(
    "an exception that escaped an integration's setup, logged in its own words",
    input(
      'acme',
      [
        line(
          'Unexpected error while loading the acme account\nTraceback (most recent call last):\n  File "/usr/src/homeassistant/homeassistant/components/acme/__init__.py", line 41, in async_setup_entry\n    await account.load()\nacme.exceptions.AcmeProtocolError: unexpected response',
          'ERROR',
          'homeassistant.components.acme',
        ),
      ],
      { custom: false },
    ),
    'setup.failed',
    'setup_retry',
    'notify_only',
  ),
  c(
    'a setup that retries on a device whose firmware is not supported',
    input(
      'homewizard',
      [
        line(
          "Config entry 'P1 meter (5c2faf03ed6e)' for homewizard integration not ready yet: system is not supported; Retrying in background",
          'WARNING',
          'homeassistant.config_entries',
        ),
      ],
      { custom: false },
    ),
    'setup.retry',
    'setup_retry',
    'notify_only',
  ),
  c(
    'a retry whose reason is a library call that changed (pymodbus renamed slave)',
    // As the integration's card shows it, without naming the integration.
    input(null, [
      line(
        "Failed setup, will retry: ModbusClientMixin.read_holding_registers() got an unexpected keyword argument 'slave'",
        'UNKNOWN',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    // Retrying runs the same code: an integration not known to be Home Assistant's own needs a
    // release that fits (known custom ones are custom_component.code_error's).
    'update_or_remove_custom_component',
  ),
  c(
    'a camera that could not be reached and will be retried',
    input('onvif', [
      line(
        "Couldn't connect to camera 'Comedor', but will retry later. Error: Unsupported URL protocol 'urn'",
        'WARNING',
        'homeassistant.components.onvif',
      ),
    ]),
    'setup.retry_unreachable',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    // Pirate Weather's own deploy broke its forecast endpoint for a day.
    "a cloud service's server error behind a retried setup",
    input('pirateweather', [
      line(
        "Config entry 'PirateWeather' for pirateweather integration not ready yet: 502, message='Bad Gateway', url=URL('https://api.pirateweather.net/forecast/<TOKEN>/52.1,4.3?units=si'); Retrying in background",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'setup.retry',
    'setup_retry',
    'notify_only',
  ),
]);
