import type { Category, Remedy } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/analyze/offline/engine.js';
import type { AnalysisInput } from '../../src/analyze/offline/types.js';
import { expectWellFormed, input, line, must } from './helpers.js';

interface Case {
  name: string;
  given: AnalysisInput;
  signature: string;
  category: Category;
  remedy: Remedy;
}

const c = (
  name: string,
  given: AnalysisInput,
  signature: string,
  category: Category,
  remedy: Remedy,
): Case => ({ name, given, signature, category, remedy });

/** Each family recognises its failure in wordings beyond the scenarios. */
const MATCHES: Case[] = [
  c(
    'ConfigEntryAuthFailed',
    input('spotify', [
      line(
        "Config entry 'Jane' for spotify integration could not authenticate: Refresh token has been revoked",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'auth.config_entry_auth_failed',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'OAuth invalid_grant',
    input('tado', [
      line(
        'Token request for tado failed (invalid_grant): Token is expired',
        'ERROR',
        'homeassistant.helpers.config_entry_oauth2_flow',
      ),
    ]),
    'auth.oauth_invalid_grant',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'HTTP 401',
    input('ring', [
      line(
        'Error fetching devices data: 401 Unauthorized',
        'ERROR',
        'homeassistant.components.ring.coordinator',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'an authentication exception in a traceback',
    input('smtp', [
      line(
        "Login not possible\nTraceback (most recent call last):\nsmtplib.SMTPAuthenticationError: (535, b'Username and Password not accepted.')",
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    '429 from a cloud API',
    input('nest', [line('Error communicating with Google Nest API: 429 Too Many Requests')]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a used-up quota',
    input('openai_conversation', [
      line("Error code: 429 - {'error': {'message': 'You exceeded your current quota'}}"),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a 403 that is a rate limit',
    input('hacs', [
      line(
        'GitHub returned 403 for https://api.github.com/x: API rate limit exceeded for 203.0.113.7.',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a blocking call by a custom integration',
    input('localtuya', [
      line(
        "Detected blocking call to sleep with args (1,) inside the event loop by custom integration 'localtuya' at custom_components/localtuya/pytuya/__init__.py, line 812: time.sleep(1)",
        'WARNING',
        'homeassistant.util.loop',
      ),
    ]),
    'blocking_io.blocking_call',
    'blocking_io',
    'update_or_remove_custom_component',
  ),
  c(
    'a blocking call by a core integration',
    input('zha', [
      line(
        "Detected blocking call to import_module with args ('x',) inside the event loop by integration 'zha' at homeassistant/components/zha/radio_manager.py, line 152: x",
        'WARNING',
        'homeassistant.util.loop',
      ),
    ]),
    'blocking_io.blocking_call',
    'blocking_io',
    'notify_only',
  ),
  c(
    'a thread-safety violation',
    input('foo', [
      line(
        "Detected that custom integration 'foo' calls async_write_ha_state from a thread other than the event loop, which may cause Home Assistant to crash or data to corrupt",
        'ERROR',
        'homeassistant.helpers.frame',
      ),
    ]),
    'blocking_io.wrong_thread',
    'blocking_io',
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
    'a local host name that does not resolve',
    input('octoprint', [
      line(
        'Error fetching octoprint data: Cannot connect to host octopi.lan:80 ssl:default [Name or service not known]',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'fix_config_then_reload',
  ),
  c(
    'a public host name that does not resolve',
    input('met', [
      line(
        'Error fetching met data: Cannot connect to host api.met.no:443 ssl:default [Temporary failure in name resolution]',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    "an add-on's host name that does not resolve",
    input('influxdb', [
      line(
        "Cannot connect to InfluxDB due to HTTPConnectionPool(host='a0d7b954-influxdb', port=8086): [Errno -2] Name or service not known",
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'no route out of the host',
    input('solaredge', [
      line(
        "Failed to establish a new connection: [Errno 101] Network is unreachable (host='monitoringapi.solaredge.com')",
      ),
    ]),
    'network.no_route',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'a LAN device that does not answer',
    input('tplink', [
      line('Unable to query the device: 192.168.1.30: [Errno 113] Host is unreachable', 'WARNING'),
    ]),
    'network.host_unreachable',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a cloud host that does not answer',
    input('tibber', [
      line('Cannot connect to host api.tibber.com:443 ssl:default [Connect call failed]'),
    ]),
    'network.host_unreachable',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'an MQTT broker that refuses',
    input('mqtt', [
      line(
        'Failed to connect to MQTT server due to exception: [Errno 111] Connection refused',
        'ERROR',
        'homeassistant.components.mqtt.client',
      ),
    ]),
    'network.mqtt_broker',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device API that refuses',
    input('roku', [line('Error connecting to 192.168.1.40:8060: [Errno 111] Connection refused')]),
    'network.refused',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a timeout on a LAN device',
    input('denonavr', [
      line('Timeout connecting to Denon AVR receiver at host 192.168.1.120. Device is unavailable'),
    ]),
    'network.timeout',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a USB radio that is gone',
    input('zha', [
      line(
        "Failed to connect to the radio: [Errno 2] could not open port /dev/ttyUSB0: [Errno 2] No such file or directory: '/dev/ttyUSB0'",
      ),
    ]),
    'network.radio',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a device the integration marks unavailable',
    input('sonos', [
      line('Subscription renewals for Living Room failed, marking unavailable', 'WARNING'),
    ]),
    'network.communication',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a certificate for another name',
    input('unifi', [
      line(
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, certificate is not valid for '192.168.1.1'",
      ),
    ]),
    'certificate.name_mismatch',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'an expired certificate',
    input('rest', [
      line(
        '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)',
      ),
    ]),
    'certificate.expired',
    'certificate',
    'check_network_or_device',
  ),
  c(
    'a self-signed certificate',
    input('synology_dsm', [
      line(
        '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)',
      ),
    ]),
    'certificate.self_signed',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'HTTPS against a plain HTTP port',
    input('nut', [line('[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)')]),
    'certificate.wrong_protocol',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'an unverifiable certificate',
    input('pi_hole', [
      line(
        'Error doing job: SSL handshake failed on verifying the certificate',
        'ERROR',
        'homeassistant.core',
      ),
    ]),
    'certificate.verification_failed',
    'certificate',
    'notify_only',
  ),
  c(
    "Home Assistant's own certificate file",
    input('http', [
      line(
        'Could not read SSL certificate from /ssl/fullchain.pem: [Errno 2] No such file or directory',
      ),
    ]),
    'certificate.own_certificate_unreadable',
    'certificate',
    'fix_config_then_reload',
  ),
  c(
    'a malformed database',
    input('recorder', [
      line(
        'Error executing query: (sqlite3.DatabaseError) database disk image is malformed',
        'ERROR',
        'homeassistant.components.recorder.util',
      ),
    ]),
    'database.corrupt',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'an external database that is down',
    input('recorder', [
      line(
        "Error during connection setup: (MySQLdb.OperationalError) (2002, \"Can't connect to server on 'core-mariadb' (115)\")",
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.server_unreachable',
    'database',
    'check_network_or_device',
  ),
  c(
    'a recorder that cannot keep up',
    input('recorder', [
      line(
        'The recorder backlog queue reached the maximum size of 40000 events; usually, the system is CPU bound, I/O bound, or the database is corrupt due to a disk problem; The recorder will stop recording events to avoid running out of memory',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.backlog',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a locked database',
    input('recorder', [
      line(
        'Error saving events: (sqlite3.OperationalError) database is locked',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.locked',
    'database',
    'free_disk_or_repair_db',
  ),
  c(
    'a database written by a newer version',
    input('recorder', [
      line(
        'The database schema version 48 is newer than 45 which is the maximum database schema version supported by the installed version of Home Assistant Core',
        'ERROR',
        'homeassistant.components.recorder.core',
      ),
    ]),
    'database.schema_too_new',
    'database',
    'notify_only',
  ),
  c(
    'a full disk',
    input('backup', [line('Backup failed: [Errno 28] No space left on device')]),
    'resources.disk_full',
    'resource_exhaustion',
    'free_disk_or_repair_db',
  ),
  c(
    'memory exhaustion in core',
    input('camera', [
      line('Error handling request\nTraceback (most recent call last):\nMemoryError'),
    ]),
    'resources.out_of_memory',
    'resource_exhaustion',
    'restart_core',
  ),
  c(
    'memory exhaustion in an add-on',
    input(
      'hassio',
      [
        line(
          'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
          'UNKNOWN',
        ),
      ],
      { subject: 'a0d7b954_nodered', kind: 'addon_state' },
    ),
    'resources.out_of_memory',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'file descriptors',
    input('camera', [line('OSError: [Errno 24] Too many open files')]),
    'resources.open_files',
    'resource_exhaustion',
    'restart_core',
  ),
  c(
    'a requirement Home Assistant blocks',
    input('anniversaries', [
      line(
        'Unable to install package uuid: ERROR: Could not find a version that satisfies the requirement uuid==1000000000.0.0 (from -c /usr/src/homeassistant/homeassistant/package_constraints.txt (line 51))',
      ),
    ]),
    'dependency.blocked_by_constraints',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    'a requirement without network',
    input('met', [
      line(
        "Setup failed for 'met': Requirements for met not found: ['PyMetno==0.12.0'].\nFailed to establish a new connection: [Errno -3] Try again",
      ),
    ]),
    'dependency.index_unreachable',
    'dependency_install',
    'check_network_or_device',
  ),
  c(
    'a custom requirement that does not build',
    input('mitemp_bt', [
      line(
        "Setup failed for custom integration 'mitemp_bt': Requirements for mitemp_bt not found: ['bluepy==1.3.0'].",
      ),
    ]),
    'dependency.install_failed',
    'dependency_install',
    'update_or_remove_custom_component',
  ),
  c(
    'a core requirement that does not build',
    input(
      'bluetooth',
      [
        line(
          "Setup failed for 'bluetooth': Requirements for bluetooth not found: ['dbus-fast==2.21.0'].",
        ),
      ],
      { custom: false },
    ),
    'dependency.install_failed',
    'dependency_install',
    'notify_only',
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
    'an automation calling a missing script',
    input(
      'automation',
      [
        line(
          'Porch: Error executing script. Service not found for call_service at pos 1: Unable to find service script.porch_blink',
          'ERROR',
          'homeassistant.components.automation.porch',
        ),
      ],
      { subject: 'automation.porch' },
    ),
    'automation.missing_target',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'an automation whose config is invalid',
    input('automation', [
      line(
        "Automation with alias 'Night lights' could not be validated and has been disabled: extra keys not allowed @ data['action'][0]['servce']",
        'ERROR',
        'homeassistant.components.automation',
      ),
    ]),
    'automation.invalid_config',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'an automation failing on a template',
    input('automation', [
      line(
        "Error evaluating condition in 'Xyz':\n  In 'template' condition: UndefinedError: 'None' has no attribute 'attributes'",
        'WARNING',
        'homeassistant.components.automation.xyz',
      ),
    ]),
    'automation.template',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a script passing invalid data',
    input('script', [
      line(
        "Wake up: Error executing script. Invalid data for call_service at pos 2: expected int for dictionary value @ data['brightness']",
        'ERROR',
        'homeassistant.components.script.wake_up',
      ),
    ]),
    'automation.invalid_action_data',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'a runaway automation',
    input(
      'automation',
      [
        line(
          'Hallway: Maximum number of runs exceeded',
          'WARNING',
          'homeassistant.components.automation.hallway',
          40,
        ),
      ],
      { subject: 'automation.hallway' },
    ),
    'automation.runaway',
    'automation_error',
    'fix_config_then_reload',
  ),
  c(
    'the Supervisor watchdog',
    input('hassio', [
      line(
        'Watchdog found addon Zigbee2MQTT is unhealthy, restarting...',
        'WARNING',
        'supervisor.addons.addon',
      ),
    ]),
    'addon.watchdog',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'an add-on service that exits with an error',
    input('hassio', [line('Service ser2net exited with code 139 (by signal 11)', 'INFO')]),
    'addon.exited',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'an add-on that exits on its own bad configuration',
    input('hassio', [
      line('Service mosquitto exited with code 1 (by signal 0)', 'INFO'),
      line('Error: Address already in use', 'UNKNOWN'),
    ]),
    'addon.port_in_use',
    'addon_crash',
    'fix_config_then_reload',
  ),
  c(
    'an s6 service that does not start',
    input('hassio', [
      line('unable to start service init-nginx: command exited 1', 'WARNING', 's6-rc'),
    ]),
    'addon.exited',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'an add-on reported in error by the sidecar',
    input(null, [], { kind: 'addon_state', subject: 'core_mosquitto', data: { state: 'error' } }),
    'addon.state_error',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'a brute-force ban',
    input('http', [
      line(
        'Banned IP 203.0.113.45 for too many login attempts',
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security.ip_banned',
    'security_login',
    'notify_only',
  ),
  c(
    'a failed login',
    input('http', [
      line(
        "Login attempt or request with invalid authentication from tablet.lan (192.168.1.61). Requested URL: '/api/websocket'. (Mozilla/5.0)",
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security.invalid_authentication',
    'security_login',
    // From the home network: one of the user's own devices holds an old token.
    'fix_config_then_reload',
  ),
  c(
    'a failed login from the internet',
    input('http', [
      line(
        "Login attempt or request with invalid authentication from 203.0.113.7 (203.0.113.7). Requested URL: '/auth/login_flow'.",
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security.invalid_authentication',
    'security_login',
    // Someone probing: nothing of the user's to reconfigure.
    'notify_only',
  ),
  c(
    'a reverse proxy that is not set up',
    input('http', [
      line(
        'A request from a reverse proxy was received from 172.30.33.4, but your HTTP integration is not set-up for reverse proxies',
        'ERROR',
        'homeassistant.components.http.forwarded',
      ),
    ]),
    'proxy.not_set_up',
    'proxy_misconfig',
    'fix_config_then_reload',
  ),
  c(
    'an untrusted proxy',
    input('http', [
      line(
        'Received X-Forwarded-For header from an untrusted proxy 172.18.0.5',
        'ERROR',
        'homeassistant.components.http.forwarded',
      ),
    ]),
    'proxy.untrusted_proxy',
    'proxy_misconfig',
    'fix_config_then_reload',
  ),
  c(
    'an entity that updates slowly',
    input('daikin', [
      line(
        'Update of climate.study is taking over 10 seconds',
        'WARNING',
        'homeassistant.helpers.entity',
      ),
    ]),
    'slow_update.entity_update',
    'slow_update',
    'notify_only',
  ),
  c(
    'polling slower than its interval',
    input('samsungtv', [
      line(
        'Updating samsungtv media_player took longer than the scheduled update interval 0:00:10',
        'WARNING',
        'homeassistant.helpers.entity_platform',
      ),
    ]),
    'slow_update.update_interval',
    'slow_update',
    'notify_only',
  ),
  c(
    'a slow setup',
    input('speedtestdotnet', [
      line(
        'Setup of sensor platform speedtestdotnet is taking over 10 seconds.',
        'WARNING',
        'homeassistant.helpers.entity_platform',
      ),
    ]),
    'slow_update.setup',
    'slow_update',
    'notify_only',
  ),
  c(
    'a DNS failure as aiohttp names it',
    input('sonoff', [
      line(
        "ClientConnectorDNSError(ConnectionKey(host='eu-api.example.com', port=443), OSError(None, 'DNS server returned general failure'))",
        'ERROR',
      ),
    ]),
    'network.dns',
    'network_unreachable',
    'check_network_or_device',
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
    'a live connection that dropped to polling',
    input('unifiprotect', [
      line(
        'Unifi OS: Websocket connection not active, failing back to polling',
        'WARNING',
        'uiprotect.api',
      ),
    ]),
    'network.push_channel_lost',
    'device_unavailable',
    'reload_config_entry',
  ),
  c(
    'an integration the configuration names but Home Assistant cannot find',
    input('hacs', [line('Integration not found: hacs', 'UNKNOWN')]),
    'config.integration_not_found',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a watchdog that gave up restarting an add-on',
    input('hassio', [
      line(
        "Task exception was never retrieved\nfuture: <Task finished coro=<Addon.watchdog_container() done> exception=AddonsJobError('Rate limit exceeded, more than 10 calls in 0:30:00')>",
        'ERROR',
        'asyncio',
      ),
    ]),
    'addon.watchdog',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'Home Assistant’s own warning about a module logging too often',
    input('zha', [
      line(
        'Module homeassistant.components.zha.core.cluster_handlers is logging too frequently. 200 messages since last count',
        'WARNING',
        'homeassistant.util.logging',
      ),
    ]),
    'log_flood.too_frequent',
    'log_flood',
    'notify_only',
  ),
  c(
    'a custom integration logging too often',
    input(
      'places',
      [
        line(
          'Module custom_components.places.sensor is logging too frequently. 200 messages since last count',
          'WARNING',
          'homeassistant.util.logging',
        ),
      ],
      { custom: true },
    ),
    'log_flood.too_frequent',
    'log_flood',
    'update_or_remove_custom_component',
  ),
  c(
    'one warning repeated thousands of times',
    input('tuya', [
      line(
        'Device bf0a1c2d3e4f5a6b7c8d status payload has no dps field',
        'WARNING',
        'homeassistant.components.tuya',
        4812,
      ),
    ]),
    'log_flood.repeated_line',
    'log_flood',
    'notify_only',
  ),
];

describe('signatures recognise their failure', () => {
  it.each(MATCHES.map((m) => [m.name, m] as const))('%s', (_name, m) => {
    const finding = analyzeOffline(m.given);
    expect(finding).not.toBeNull();
    expect({
      signature: must(finding).rca.signature,
      category: must(finding).rca.category,
      remedy: must(finding).rca.remedy,
    }).toEqual({ signature: m.signature, category: m.category, remedy: m.remedy });
    expectWellFormed(must(finding));
  });
});

/** Lines that look like a family's failure but are not: no signature may claim them. */
const NEAR_MISSES: [string, AnalysisInput, Category | null][] = [
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
    '"Please try again later" is not a DNS "Try again"',
    input('foo', [line('The service is busy. Please try again later.', 'WARNING')]),
    null,
  ],
];

describe('signatures do not over-match', () => {
  it.each(NEAR_MISSES)('%s', (_name, given, category) => {
    const finding = analyzeOffline(given);
    expect(finding?.rca.category ?? null).toBe(category);
  });
});
