/** Real-world wordings of the addon family's failures (signatures/addon.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import { input, line, must } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('addon', [
  c(
    "Frigate's configuration check failing",
    input('hassio', [
      line('***    Your config file is not valid!                     ***', 'UNKNOWN', null),
    ]),
    'addon.options_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'Zigbee2MQTT refusing its configuration',
    input('hassio', [
      line(
        'Refusing to start because configuration is not valid, found the following errors:',
        'UNKNOWN',
        null,
      ),
    ]),
    'addon.options_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "Node-RED's credentials file it cannot read",
    input('hassio', [
      line(
        '9 Mar 19:29:06 - [warn] Error loading credentials: SyntaxError: Unexpected token in JSON at position 0',
        'UNKNOWN',
        null,
      ),
    ]),
    'addon.credentials_undecryptable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // NGINX proxy 4.5.0 compared an option of another type in its template; 4.5.1 fixed it.
    'an add-on whose configuration template fails on its options',
    input(null, [
      line(
        'template: tempIO:118:15: executing "tempIO" at <eq .options.client_max_body_size_megabytes 0>: error calling eq: incompatible types for comparison',
        'UNKNOWN',
      ),
    ]),
    'addon.template_failed',
    'addon_crash',
    'notify_only',
  ),
  c(
    'an add-on that checks the CPU for AVX before it starts',
    input(null, [
      line(
        'FATAL: Your CPU does not support the Advanced Vector Extensions required by Whisper.',
        'UNKNOWN',
      ),
    ]),
    'addon.cpu_unsupported',
    'addon_crash',
    'notify_only',
  ),
  c(
    'an add-on built for a newer CPU',
    input('hassio', [line('Service exited with code 256 (by signal 4)', 'INFO')]),
    'addon.exited',
    'addon_crash',
    'notify_only',
  ),
  c(
    'an add-on whose start script refuses until a setting changes',
    input('hassio', [
      line('PROTECTION MODE IS ENABLED!', 'CRITICAL'),
      line("To be able to use this add-on, you'll need to disable protection mode", 'CRITICAL'),
    ]),
    'addon.refused_to_start',
    'addon_crash',
    'fix_config_then_reload',
  ),
  c(
    'an add-on whose start script refuses for a reason no setting changes',
    input('hassio', [line('The Coral USB accelerator was not found', 'CRITICAL')]),
    'addon.refused_to_start',
    'addon_crash',
    'notify_only',
  ),
  c(
    'an add-on that does not find the accelerator it is set up to use',
    input(null, [
      line(
        'No EdgeTPU was detected. If you do not have a Coral device yet, you must configure CPU detectors.',
        'UNKNOWN',
      ),
    ]),
    'addon.device_missing',
    'addon_crash',
    'check_network_or_device',
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
    'notify_only',
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
    // A start script fails the same way at every start: a restart repeats it.
    'an s6 service that does not start',
    input('hassio', [
      line('unable to start service init-nginx: command exited 1', 'WARNING', 's6-rc'),
    ]),
    'addon.exited',
    'addon_crash',
    'notify_only',
  ),
  c(
    'a start script that fails on a line of its own',
    input('hassio', [
      line('/var/run/s6/etc/cont-init.d/12-migrate.sh: line 10: hass.log.inf: command not found'),
      line('12-migrate.sh: exited 127.', 'UNKNOWN', 'cont-init.d'),
    ]),
    'addon.exited',
    'addon_crash',
    'notify_only',
  ),
  c(
    // The add-on it needs (core-mariadb is the MariaDB add-on) was not running: once it runs, a restart helps.
    'a start script that fails because the add-on it needs is not running',
    input('hassio', [
      line("ERROR 2005 (HY000): Unknown server host 'core-mariadb' (-2)"),
      line('unable to start service init-phpmyadmin: command exited 1', 'WARNING', 's6-rc'),
    ]),
    'addon.exited',
    'addon_crash',
    'restart_addon',
  ),
  c(
    // An image for another architecture, or one whose download broke off.
    'an add-on whose program the system cannot execute',
    input(null, [line('exec /init: exec format error', 'UNKNOWN')]),
    'addon.wrong_architecture',
    'addon_crash',
    'notify_only',
  ),
  c(
    'an add-on reported in error by the sidecar',
    input(null, [], { kind: 'addon_state', subject: 'core_mosquitto', data: { state: 'error' } }),
    'addon.state_error',
    'addon_crash',
    'restart_addon',
  ),
  c(
    // The Supervisor's application watchdog (2020): the add-on's web endpoint stopped answering.
    "the Supervisor's application watchdog finding an add-on unresponsive",
    input('hassio', [
      line(
        'Watchdog missing application response from 6e66619d_room_assistant',
        'WARNING',
        'supervisor.misc.tasks',
      ),
      line(
        'Watchdog found a problem with 6e66619d_room_assistant application!',
        'WARNING',
        'supervisor.misc.tasks',
      ),
    ]),
    'addon.watchdog',
    'addon_crash',
    'notify_only',
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
    'notify_only',
  ),
  c(
    'a client in an add-on that lost the broker and does not reconnect',
    input('hassio', [
      line('z2m: MQTT error: write EPIPE', 'ERROR'),
      line('z2m: Not connected to MQTT server!', 'ERROR', null, 12),
    ]),
    'addon.client_disconnected',
    'network_unreachable',
    'restart_addon',
  ),
  c(
    'a client in an add-on whose connection to Home Assistant closes as soon as it opens',
    input('hassio', [
      line('Connecting to http://supervisor/core', 'INFO', 'server:Home Assistant', 3),
      line('Connection closed to http://supervisor/core', 'INFO', 'server:Home Assistant', 3),
    ]),
    'addon.client_disconnected',
    'network_unreachable',
    'restart_addon',
  ),
  c(
    'an add-on that started before the Supervisor could answer',
    input('hassio', [line('Unknown HTTP error occured', 'ERROR')]),
    'addon.supervisor_api_unready',
    'addon_crash',
    'restart_addon',
  ),
  c(
    // Plex's UDP 1900 was published already by another add-on; changing one port fixed it.
    'a port Docker cannot publish on the host',
    input('hassio', [
      line(
        'Can\'t start addon_core_example: 500 Server Error ("driver failed programming external connectivity on endpoint addon_core_example: Error starting userland proxy: listen tcp 0.0.0.0:8080: bind: address already in use")',
        'ERROR',
        'supervisor.docker',
      ),
    ]),
    'addon.port_in_use',
    'addon_crash',
    'fix_config_then_reload',
  ),
  c(
    'Home Assistant asking the Supervisor to start an add-on, in vain',
    input('hassio', [
      line(
        "Failed to to call /addons/core_acme/start - Can't start addon",
        'ERROR',
        'homeassistant.components.hassio',
      ),
    ]),
    'addon.start_failed',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'the Supervisor watchdog, in other words',
    input('hassio', [
      line(
        'Add-on core_acme is unhealthy, watchdog restarting it',
        'WARNING',
        'supervisor.addons.addon',
      ),
    ]),
    'addon.watchdog',
    'addon_crash',
    'notify_only',
  ),
  c(
    'a start script that reads an option it did not set (set -u)',
    input('hassio', [
      line('Selected http verification\n/run.sh: line 88: DNS_PROVIDER: unbound variable', 'INFO'),
    ]),
    'addon.script_unset_variable',
    'addon_crash',
    // The same path at every start: a release that handles it is the fix.
    'notify_only',
  ),
  c(
    'an add-on update whose image the registry does not have yet',
    input('hassio', [
      line(
        'Can\'t install ghcr.io/example/ipmi-server/amd64:2.7.2: [404] failed to resolve reference "ghcr.io/example/ipmi-server/amd64:2.7.2": ghcr.io/example/ipmi-server/amd64:2.7.2: not found',
        'ERROR',
        'supervisor.docker.interface',
      ),
    ]),
    'addon.image_not_published',
    'other',
    'notify_only',
  ),
  c(
    // Z-Wave JS 0.1.59 shipped its start scripts without the execute bit; 0.1.60 fixed it.
    'start scripts of the add-on’s image that may not be executed',
    input('hassio', [
      line(
        '/package/admin/s6-overlay-3.1.0.1/etc/s6-rc/scripts/cont-init: line 14: /etc/cont-init.d/config.sh: Permission denied',
        'UNKNOWN',
      ),
      line('cont-init: info: /etc/cont-init.d/config.sh exited 126', 'INFO'),
      line('s6-rc: warning: unable to start service legacy-cont-init: command exited 1', 'INFO'),
    ]),
    'addon.exited',
    'addon_crash',
    // Nothing in the user's configuration: the image's release must be fixed.
    'notify_only',
  ),
  c(
    // bashio add-ons name the option at fault in their FATAL lines.
    'an add-on that stops because a file its option names is missing',
    input('hassio', [
      line(
        "FATAL: SSL has been enabled using the 'ssl' option,\nFATAL: this requires a SSL certificate file which is\nFATAL: configured using the 'certfile' option in the\nFATAL: add-on configuration.",
        'UNKNOWN',
      ),
      line('s6-rc: warning: unable to start service init-nginx: command exited 1', 'INFO'),
    ]),
    'addon.exited',
    'addon_crash',
    'fix_config_then_reload',
  ),
  c(
    // The same failure, with only the end of tempio's message pasted.
    "the end of an add-on's failing template",
    input(null, [
      line(
        'executing "tempIO" at <eq .options.client_max_body_size_megabytes 0>: error calling eq: incompatible types for comparison',
        'UNKNOWN',
      ),
    ]),
    'addon.template_failed',
    'addon_crash',
    'notify_only',
  ),
  c(
    // Cloudflared 4.1.3 shipped an image without its program; 4.1.4 went back.
    'an add-on whose run script cannot find its program',
    input('hassio', [
      line(
        '[23:06:50] INFO: Connecting Cloudflare Tunnel...\n./run: line 33: exec: cloudflared: not found',
        'INFO',
      ),
      line('[23:06:50] WARNING: cloudflared crashed, halting add-on', 'WARNING'),
    ]),
    'addon.program_missing',
    'addon_crash',
    'notify_only',
  ),
  c(
    // AirSonos 0.3.0 shipped /usr/bin/airsonos as -rw-rw-r--; 0.3.1 set the bit again.
    'an add-on whose run script may not execute its own program',
    input(null, [
      line(
        'INFO: Starting the AirSonos server\n./run: line 49: /usr/bin/airsonos: Permission denied',
        'INFO',
      ),
    ]),
    'addon.program_not_executable',
    'addon_crash',
    'notify_only',
  ),
  c(
    // Mi Scale 0.1.13 published an entrypoint tini could not execute; 0.1.14 fixed it.
    'an add-on whose init may not execute its entrypoint',
    input(null, [
      line('[FATAL tini (7)] exec /entrypoint.sh failed: Permission denied', 'UNKNOWN'),
    ]),
    'addon.program_not_executable',
    'addon_crash',
    'notify_only',
  ),
  c(
    // xComfort asked for the MQTT service again and again; setting its broker option fixed it.
    'an add-on that keeps asking the Supervisor for an MQTT service no add-on provides',
    input(null, [
      line(
        '[21:15:41] ERROR: Got unexpected response from the API: Service not enabled',
        'ERROR',
        null,
        2,
      ),
      line('[21:15:41] ERROR: Failed to get services from Supervisor API', 'ERROR', null, 2),
    ]),
    'addon.service_not_provided',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The user changed credential_secret after Home Assistant called it weak.
    'Node-RED reading credentials encrypted with another secret',
    input(null, [
      line(
        '9 Mar 19:29:06 - [warn] Error loading flows: Error: Failed to decrypt credentials',
        'WARNING',
      ),
    ]),
    'addon.credentials_undecryptable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // NGINX proxy 3.10.0 added an option without a default.
    "an add-on's options the Supervisor's schema check refuses",
    input('hassio', [
      line(
        "Missing option 'real_ip_from' in root in NGINX Home Assistant SSL proxy (core_nginx_proxy).",
        'ERROR',
        'supervisor.addons.options',
      ),
    ]),
    'addon.options_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // Older Supervisors said it without the root.
    "an add-on's options refused in an older Supervisor's words",
    input('hassio', [
      line(
        "Missing required option 'mqtt_user' in Example Bridge (abcd1234_example_bridge).",
        'ERROR',
        'supervisor.addons.options',
      ),
    ]),
    'addon.options_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    "an add-on's options refused as a whole",
    input('hassio', [
      line(
        "Add-on local_example has invalid options: expected str for dictionary value @ data['topic']",
        'ERROR',
        'supervisor.addons.addon',
      ),
    ]),
    'addon.options_invalid',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // A release whose image lacks a Python module its program imports: every start stops there.
    'an add-on that halts because its image lacks a module',
    input('hassio', [
      line(
        'Traceback (most recent call last):\n  File "./main.py", line 1, in <module>\nModuleNotFoundError: No module named \'example_lib\'',
        'ERROR',
      ),
      line('[12:17:24] WARNING: Halt add-on with exit code 1', 'WARNING'),
    ]),
    'addon.fatal',
    'addon_crash',
    'notify_only',
  ),
  c(
    // bashio's check of a required option (bashio::config.require), as the add-on logs it.
    'a start script that finds a required setting empty',
    input('hassio', [
      line('A required add-on configuration option is missing!', 'CRITICAL'),
      line("Please set a value for the 'password' option.", 'CRITICAL'),
    ]),
    'addon.refused_to_start',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The Samba share add-on's init script.
    'the Samba add-on started without a user name and password',
    input('hassio', [line('Setting a username and password is required!', 'CRITICAL')]),
    'addon.refused_to_start',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The Tailscale add-on: two options that exclude each other.
    'an add-on given two options that exclude each other',
    input('hassio', [
      line(
        "You can't advertise this device as an exit node and at the same time specify an exit node to use",
        'CRITICAL',
      ),
    ]),
    'addon.refused_to_start',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The SSH add-ons install the packages their options list at every start.
    'a start script that cannot install a package its options name',
    input('hassio', [line('Failed installing nano-extra', 'CRITICAL')]),
    'addon.refused_to_start',
    'dependency_install',
    'fix_config_then_reload',
  ),
  c(
    // smbd in the Samba add-on (Alpine: musl words EADDRINUSE "Address in use").
    'an add-on program whose port is taken, in musl’s words',
    input('hassio', [
      line('Service smbd exited with code 1 (by signal 0)', 'INFO'),
      line('smbd_open_one_socket: open_socket_in failed: Address in use', 'UNKNOWN'),
    ]),
    'addon.port_in_use',
    'addon_crash',
    'fix_config_then_reload',
  ),
  c(
    // govee2mqtt: the LAN API's UDP port is taken on the host network.
    'a bridge add-on whose UDP port another program holds',
    input('hassio', [
      line(
        'Error: Cannot bind to UDP Port 4002, which is required for the Govee LAN API to function. Most likely cause is that you already have another Govee integration running on this same machine.',
        'UNKNOWN',
      ),
    ]),
    'addon.port_in_use',
    'addon_crash',
    'fix_config_then_reload',
  ),
  c(
    // alexbelgium's add-ons mount network shares their options name.
    'an add-on that cannot mount the share its options name',
    input('hassio', [
      line(
        'Error, unable to mount //192.168.1.50/media to /mnt/media with username hauser. Please check your remote share path, username, password, domain, try putting 0 in UID and GID',
        'CRITICAL',
      ),
    ]),
    'addon.refused_to_start',
    'invalid_config',
    'fix_config_then_reload',
  ),
]);

describe('an exit code outside an add-on', () => {
  it('is not said with confidence to be an add-on crash', () => {
    // Docker Compose's words for any container, Home Assistant's own included.
    const inAddon = must(
      analyzeOffline(input('hassio', [line('Service mosquitto exited with code 1', 'INFO')])),
    );
    const outside = must(
      analyzeOffline(input(null, [line('homeassistant exited with code 137', 'INFO')])),
    );
    expect(outside.rca.signature).toBe('addon.exited');
    expect(outside.rca.confidence).toBeLessThan(0.8);
    expect(inAddon.rca.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
