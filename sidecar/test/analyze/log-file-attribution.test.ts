/** Attributing what a log says to an integration, an add-on or the frontend, by every clue it gives. */
import { describe, expect, it } from 'vitest';
import { analyze, at } from './log-file-lines.js';

/** The integration each incident of the log names. */
const who = async (...lines: string[]) => (await analyze(...lines)).map((i) => i.integration);
/** Each incident's integration and category. */
const analyzed = async (...lines: string[]) =>
  (await analyze(...lines)).map((i) => [i.integration, i.category]);

describe('grouping a log into incidents', () => {
  it('reads configuration keys that a mis-indented YAML made integrations as no integration', async () => {
    const [only, ...rest] = await analyze(
      "Integration error: name - Integration 'name' not found.",
      "Integration error: stations - Integration 'stations' not found.",
      "Invalid config for [sensor.acme_weather]: required key not provided @ data['stations']. Got None.",
    );
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ integration: 'acme_weather', category: 'invalid_config' });
  });

  it('names the platform a duplicate unique ID comes from, on whichever line it is', async () => {
    const [only] = await analyze(
      'Logger: homeassistant.components.sensor',
      'Source: helpers/entity_platform.py:600',
      'First occurred: 10:00:00 (2 occurrences)',
      'Last logged: 10:00:00',
      '',
      ' ID abc already exists - ignoring sensor.acme_abc',
      'Platform acme does not generate unique IDs. ID def already exists - ignoring sensor.acme_def',
    );
    expect(only).toMatchObject({ integration: 'acme', category: 'other' });
  });

  it('reads the logger a pasted line kept in brackets', async () => {
    const [only] = await analyze(
      '[pyatv.protocols.mrp] Connection lost to device, failing back to polling',
    );
    expect(only).toMatchObject({ integration: 'apple_tv' });
  });

  it('attributes errors the browser reported to the frontend', async () => {
    const [only] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'frontend.js.latest.202401010',
        'https://ha.example/hacsfiles/acme-card/acme-card.js:1:2 TypeError: x is undefined',
      ),
    );
    expect(only).toMatchObject({ integration: 'frontend', category: 'other' });
  });

  it('attributes an add-on that does not answer to the add-on, not to the integration that noticed', async () => {
    const [only] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.components.acme',
        'Failed to connect: Cannot connect to host core-acme-server:3000 ssl:default [Connect call failed]',
      ),
    );
    expect(only).toMatchObject({ integration: 'hassio', category: 'addon_crash' });
  });

  it("groups an add-on's own output into one add-on incident", async () => {
    const incidents = await analyze(
      '[14:02:11] INFO: Starting Zigbee2MQTT...',
      '[2024-06-10 14:02:16] error: \tz2m: Failed to start zigbee-herdsman',
      '[14:02:17] INFO: Service Zigbee2MQTT exited with code 1 (by signal 0)',
      '[14:02:17] WARNING: Halt add-on',
    );
    expect(incidents.map((i) => [i.integration, i.category, i.occurrences])).toEqual([
      ['hassio', 'addon_crash', 3],
    ]);
  });

  it("reads a start script's failed status lines as an add-on that did not start", async () => {
    // RaspberryMatic's init prints `Starting <daemon>: …OK|ERROR`, no time, no logger.
    const incidents = await analyze(
      'Starting multimacd: ..............ERROR',
      'Starting rfd: ....................ERROR',
      'Starting crond: OK',
    );
    expect(incidents.map((i) => [i.integration, i.category])).toEqual([['hassio', 'addon_crash']]);
  });
  it("folds the bare lines an add-on's start script printed into the add-on's incident", async () => {
    // The tool's error names no logger; it is why the start script exited.
    const incidents = await analyze(
      "ERROR 2005 (HY000): Unknown server host 'core-mariadb' (-2)",
      's6-rc: warning: unable to start service init-phpmyadmin: command exited 1',
    );
    expect(incidents.map((i) => [i.integration, i.category, i.occurrences, i.rca.remedy])).toEqual([
      ['hassio', 'addon_crash', 2, 'restart_addon'],
    ]);
  });

  it("attributes the s6 lines of Home Assistant's own container to Core, not to an add-on", async () => {
    const incidents = await analyze(
      'homeassistant  | <jemalloc>: Unsupported system page size',
      'homeassistant  | Fatal Python error: _PyRuntimeState_Init: memory allocation failed',
      'homeassistant  | [15:16:11] INFO: Home Assistant Core finish process exit code 1',
    );
    expect(incidents.map((i) => i.integration)).toEqual(['homeassistant']);
  });

  it('attributes an entity named after a core integration to it, but not an everyday word', async () => {
    const update = (entity: string) => who(`Update of ${entity} is taking over 10 seconds`);
    expect(await update('sensor.fritz_repeater_2400_device_uptime')).toEqual(['fritz']);
    expect(await update('binary_sensor.ping_<NAME>')).toEqual(['ping']);
    expect(await update('sensor.energy_today')).toEqual([null]);
  });

  it('names the custom integration whose setup failed, not the core module it imports from', async () => {
    const [only] = await analyze(
      "Setup failed for custom integration nodered: Unable to import component: cannot import name 'HOME_ASSISTANT_AGENT' from 'homeassistant.components.conversation' (/usr/src/homeassistant/homeassistant/components/conversation/__init__.py)",
    );
    expect(only).toMatchObject({
      integration: 'nodered',
      category: 'incompatible_custom_component',
    });
  });

  it("attributes YAML that does not parse, naming no integration, to Home Assistant's configuration", async () => {
    expect(
      await who(
        'Error loading /config/configuration.yaml: mapping values are not allowed here',
        '  in "/config/packages/heating.yaml", line 35, column 28',
      ),
    ).toEqual(['homeassistant']);
  });

  it('attributes a container that s6 may not start as its user to Core', async () => {
    expect(await who('s6-mkdir: warning: unable to mkdir /var/run/s6: Permission denied')).toEqual([
      'homeassistant',
    ]);
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

  it('knows an integration is custom from the startup warning', async () => {
    const lines = [
      at(
        '10:00:01',
        'ERROR',
        'homeassistant.setup',
        "Setup failed for 'hue': Requirements for hue not found: ['bar==1.0'].",
      ),
      at(
        '10:00:01',
        'ERROR',
        'homeassistant.util.package',
        'Unable to install package bar==1.0: Failed building wheel for bar',
      ),
    ];
    const core = await analyze(...lines);
    const custom = await analyze(
      at(
        '10:00:00',
        'WARNING',
        'homeassistant.loader',
        'We found a custom integration hue which has not been tested by Home Assistant. This component might cause stability problems',
      ),
      ...lines,
    );
    expect(core[0]?.rca.remedy).toBe('notify_only');
    expect(custom[0]?.rca.remedy).toBe('update_or_remove_custom_component');
    expect(custom).toHaveLength(1);
  });

  it('attributes a failure by every clue the evidence gives, not only the logger', async () => {
    // Output of a runtime Home Assistant Core does not use: an add-on's.
    expect(
      await analyzed(
        'Error: Command failed: /usr/sbin/nginx -t -g "error_log off;"',
        '    at ChildProcess.exithandler (node:child_process:422:12)',
        'runtime: out of memory: cannot allocate 8192-byte block (564363264 in use)',
      ),
    ).toEqual([['hassio', 'addon_crash']]);
    // The framework names the integration in the message, in its older wordings too.
    expect(
      await analyzed(
        at(
          '01:08:41',
          'WARNING',
          'homeassistant.config_entries',
          'Config entry for hacs not ready yet. Retrying in 5 seconds',
        ),
      ),
    ).toEqual([['hacs', 'setup_retry']]);
    expect(
      await analyzed(
        at(
          '17:55:00',
          'ERROR',
          'homeassistant.components.hassio',
          "Component error: homeseer - Integration 'homeseer' not found.",
        ),
      ),
    ).toEqual([['homeseer', 'invalid_config']]);
    // A cloud integration is named by its service's host; a link to a wiki names nothing.
    expect(
      await analyzed(
        "gql.transport.exceptions.TransportServerError: 429, message='Too Many Requests', url='https://app.hydrawise.com/api/v2/graph'",
      ),
    ).toEqual([['hydrawise', 'rate_limited']]);
    // A host name runs the brand's words together: ovoenergy.com is ovo_energy's.
    expect(
      await analyzed(
        "aiohttp.client_exceptions.ClientResponseError: 429, message='Too Many Requests', url='https://smartpaym.ovoenergy.com/api/customer-and-account-ids'",
      ),
    ).toEqual([['ovo_energy', 'rate_limited']]);
    // … on whichever line of the record the host is (a 500 from it: the vendor's outage).
    expect(
      await analyzed(
        'Unexpected error while updating the home status',
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.13/site-packages/aiohttp/client_reqrep.py", line 1161, in raise_for_status',
        "aiohttp.client_exceptions.ClientResponseError: 500, message='Internal Server Error', url='https://api.netatmo.com/api/homestatus'",
      ),
    ).toEqual([['netatmo', 'network_unreachable']]);
    // A link to an integration's documentation names it.
    expect(
      (
        await analyzed(
          'Connection to the broker failed: [Errno 111] Connection refused, see https://www.home-assistant.io/integrations/mqtt/#broker-configuration',
        )
      ).map(([integration]) => integration),
    ).toEqual(['mqtt']);
    expect(
      await analyzed(
        'Error: Refresh token is not valid. See https://github.com/dgreif/ring/wiki/Refresh-Tokens',
      ),
    ).toEqual([[null, 'auth_expired']]);
    // A database driver's error as SQLAlchemy wraps it is the recorder's.
    expect(
      await analyzed(
        `(MySQLdb._exceptions.InternalError) (3, 'Error writing file (Errcode: 28 "No space left on device")')`,
      ),
    ).toEqual([['recorder', 'resource_exhaustion']]);
    // The Z-Wave JS server's version check, which only the Z-Wave JS integration runs.
    expect(
      await analyzed(
        'Retrying setup: Invalid server version: Z-Wave JS Server version is incompatible: 1.33.0 a version is required that supports at least api schema 35',
      ),
    ).toEqual([['zwave_js', 'setup_retry']]);
    // aioesphomeapi's reconnect message, on a continuation line of a pasted program output.
    expect(
      await analyzed(
        'INFO Starting log output from garage.local using esphome API',
        "WARNING Can't connect to ESPHome API for garage.local: Timeout while resolving IP address for ['garage.local'] (ResolveTimeoutAPIError)",
      ),
    ).toEqual([['esphome', 'network_unreachable']]);
    // eWeLink's cloud, which only SonoffLAN (domain sonoff) talks to.
    expect(
      await analyzed('Cannot connect to host eu-apia.coolkit.cc:443 ssl:default [Try again]'),
    ).toEqual([['sonoff', 'network_unreachable']]);
    // A traceback through the Supervisor's code is about the add-ons it manages.
    expect(
      await analyzed(
        at('20:24:50', 'ERROR', 'asyncio', 'Task exception was never retrieved'),
        "future: <Task finished name='Task-14254838' coro=<Addon.watchdog_container() done> exception=AddonsJobError('Rate limit exceeded, more than 10 calls in 0:30:00')>",
        'Traceback (most recent call last):',
        '  File "/usr/src/supervisor/supervisor/addons/addon.py", line 1505, in watchdog_container',
        'supervisor.exceptions.AddonsJobError: Rate limit exceeded, more than 10 calls in 0:30:00',
      ),
    ).toEqual([['hassio', 'addon_crash']]);
    // Only automations have trigger variables.
    expect(
      await analyzed(
        at(
          '16:12:41',
          'ERROR',
          'homeassistant.helpers.template',
          "Template variable error: 'dict object' has no attribute 'event' when rendering '{{ trigger.event.data.name }}'",
        ),
      ),
    ).toEqual([['automation', 'automation_error']]);
    // A library by its older name, which no manifest declares any more.
    expect(
      (
        await analyzed(
          at(
            '09:14:02',
            'WARNING',
            'pyunifiprotect.unifi_protect_server',
            'Unifi OS: Websocket connection not active, failing back to polling',
          ),
        )
      ).map(([integration]) => integration),
    ).toEqual(['unifiprotect']);
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

  it("names the custom integration Home Assistant's configuration check or loader names", async () => {
    // The module path names the core integration the code imported from, not the culprit.
    expect(
      await analyzed(
        "Component error: poolmate - cannot import name 'ColorMode' from 'homeassistant.components.light' (/usr/src/homeassistant/homeassistant/components/light/__init__.py)",
      ),
    ).toEqual([['poolmate', 'incompatible_custom_component']]);
    expect(
      await analyzed(
        "Platform error: sensor.poolmate - No module named 'homeassistant.helpers.reload'",
      ),
    ).toEqual([['poolmate', 'incompatible_custom_component']]);
    // The loader could not import its code at all; the traceback was not pasted.
    expect(
      await analyzed(
        "Setup failed for custom integration 'poolmate': Unable to import component: Exception importing custom_components.poolmate",
        'Unexpected exception importing component custom_components.poolmate',
      ),
    ).toEqual([['poolmate', 'incompatible_custom_component']]);
    // The configuration check's newer words for it, under the card's heading (in German here).
    expect(
      await who(
        'Konfiguration fehlerhaft!',
        "Integration error: poolmate - Requirements for poolmate not found: ['pypoolmate==0.7.5'].",
      ),
    ).toEqual(['poolmate']);
  });

  it('names no integration after a library many build on', async () => {
    // Home Assistant's manifests name dacite for one integration (gios); custom integrations
    // use it too, so its exception says nothing of whose data it could not load.
    expect(
      await who(
        'dacite.exceptions.WrongTypeError: wrong value type for field "rriot" - should be "RRiot | None" instead of value "{}" of type "dict"',
      ),
    ).toEqual([null]);
  });

  it('names the integration whose library a bare traceback runs through', async () => {
    // The outermost library Home Assistant knows the integration of; transports every
    // integration uses (anyio under httpx) name none.
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/aioesphomeapi/client.py", line 40, in connect',
        '  File "/usr/local/lib/python3.12/site-packages/anyio/_backends/_asyncio.py", line 9, in wait',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
    ).toEqual(['esphome']);
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/anyio/_backends/_asyncio.py", line 9, in wait',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
    ).toEqual([null]);
    // … or whose exception it raises, wherever the excerpt's frames are.
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "/usr/src/homeassistant/homeassistant/helpers/update_coordinator.py", line 3, in refresh',
        'aioesphomeapi.core.SocketAPIError: Error while writing data',
      ),
    ).toEqual(['esphome']);
  });

  it('reads a custom integration folder named after its repository as the domain', async () => {
    // A GitHub download unzips to `<Repository>-main`; HA imports it under that name.
    const [incident] = await analyze(
      'httpx.ConnectError: [Errno -2] Name or service not known',
      '  File "/usr/src/homeassistant/homeassistant/components/switch/__init__.py", line 90, in async_handle_turn_on',
      '  File "/config/custom_components/Acme-Pool-for-Home-Assistant-main/switch.py", line 41, in async_turn_on',
      '    await self._api.set_pump(True)',
    );
    expect(incident?.integration).toBe('acme_pool');
    // Its modules log under that name too: Home Assistant's, not an add-on's.
    const [logged] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'custom_components.ha-acme-pool-main.sensor',
        'Error fetching pump state: timed out',
      ),
    );
    expect(logged?.integration).toBe('acme_pool');
    // A folder that is a domain already stays as it is.
    const [plain] = await analyze(
      'Traceback (most recent call last):',
      '  File "/config/custom_components/hacs_acme/sensor.py", line 12, in update',
      "KeyError: 'rows'",
    );
    expect(plain?.integration).toBe('hacs_acme');
  });

  it('names no integration from an entity platform an entry was forwarded to', async () => {
    const forwarded = [
      'Logger: homeassistant.config_entries',
      'Source: helpers/entity_component.py:169',
      'First occurred: 09:37:59 (3 occurrences)',
      'Last logged: 09:37:59',
      '',
      'Error setting up entry Hallway (<HOST>) for select',
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/config_entries.py", line 383, in async_setup',
      '  File "/usr/src/homeassistant/homeassistant/components/select/__init__.py", line 115, in async_setup_entry',
      '  File "/usr/src/homeassistant/homeassistant/helpers/entity_component.py", line 169, in async_setup_entry',
      'ValueError: Config entry has already been setup!',
    ];
    expect((await analyze(...forwarded)).map((i) => i.integration)).toEqual([null]);
    // With the integration the excerpt is about named elsewhere, the line is its.
    expect(
      (
        await analyze(
          at('09:37:58', 'WARNING', 'custom_components.acme_hub', 'Reconnecting to the hub'),
          ...forwarded,
        )
      ).map((i) => i.integration),
    ).toContain('acme_hub');
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
  });

  it("names the integration whose configuration is invalid, though the Supervisor's check logged it", async () => {
    expect(
      await who(
        '2020-01-22 07:56:42 ERROR (MainThread) [homeassistant.components.hassio] Invalid config for [nibe]: [status] is an invalid option for [nibe]. Check: nibe->nibe->systems->0->units->0->status. (See /config/configuration.yaml, line 356).',
      ),
    ).toEqual(['nibe']);
  });

  it('names the integration of a configuration check pasted with typographic quotes', async () => {
    // A forum or a word processor turns the quotes curly; Home Assistant wrote straight ones.
    expect(
      await who(
        'Invalid config for ‘rest’ from integration ‘sensor’ at sensor/bwt.yaml, line 59: ‘sensor’ is an invalid option for ‘sensor.rest’, check: sensor',
      ),
    ).toEqual(['rest']);
  });

  it('names the integration a configuration check did not find for a platform entry', async () => {
    expect(
      await who(
        "2024-01-01 10:00:00.000 ERROR (MainThread) [homeassistant.config] Platform error: climate - Integration 'warmup' not found.",
      ),
    ).toEqual(['warmup']);
    expect(
      await who('    - Integration heatzy not found when trying to verify its climate platform.'),
    ).toEqual(['heatzy']);
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

  it("attributes a compiler's output to an add-on: Core never compiles", async () => {
    const incidents = await analyze(
      'xtensa-lx106-elf-g++: fatal error: Killed signal terminated program cc1plus',
      'compilation terminated.',
    );
    expect(incidents.map((i) => i.integration)).toEqual(['hassio']);
    // … unless pip is building a requirement from source for Core.
    const core = await analyze(
      'Unable to install package pyacme==1.2.0: error: subprocess-exited-with-error',
      '  Building wheel for pyacme (pyproject.toml) did not run successfully.',
      'gcc: error: unrecognized command-line option -m64',
    );
    expect(core.map((i) => i.integration)).not.toContain('hassio');
  });

  it('names the integration of a platform logger from before 0.86, not its helper modules', async () => {
    expect(
      await who(
        '16-10-11 16:07:31 ERROR (ThreadPool Worker 4) [homeassistant.components.notify.slack] Could not send slack notification. Error: channel_not_found',
      ),
    ).toEqual(['slack']);
    // light/intent.py is the light component's own module, not the intent integration.
    expect(
      await who(
        '2024-03-08 14:18:22.043 ERROR (MainThread) [homeassistant.components.light.intent] Error handling intent HassTurnOn',
      ),
    ).not.toContain('intent');
  });

  it('names the integration in an OAuth token request whose client id was redacted', async () => {
    expect(
      await who(
        '2024-06-13 22:45:13.919 ERROR (MainThread) [homeassistant.helpers.config_entry_oauth2_flow] Token request for husqvarna_automower_REDACTED failed (invalid_client): client credentials are invalid',
      ),
    ).toEqual(['husqvarna_automower']);
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

  it("gives an app's log the app's lines no one names: Core writes none of its formats", async () => {
    // The Piper app's Wyoming server, in Python's default format (Core never writes it).
    expect(
      await who(
        'INFO:wyoming_piper.handler:Ready',
        "ERROR:asyncio:Task exception was never retrieved\nfuture: <Task finished name='wyoming event handler'>\nAttributeError: 'NoneType' object has no attribute 'get'",
      ),
    ).toEqual(['hassio']);
    // The NGINX app's error log.
    expect(
      await who(
        '2020/05/09 17:41:39 [crit] 33#33: *1060 SSL_read() failed (SSL: error:14191044:SSL routines:tls1_enc:internal error) while processing HTTP/2 connection',
      ),
    ).toEqual(['hassio']);
    // An error no signature knows, in an app's log, is the app failing.
    expect(
      await analyzed(
        'INFO:wyoming_piper.handler:Ready',
        "ERROR:asyncio:Task exception was never retrieved\nfuture: <Task finished name='wyoming event handler'>\nAttributeError: 'NoneType' object has no attribute 'get'",
      ),
    ).toEqual([['hassio', 'addon_crash']]);
    // The same unnamed line in Home Assistant's log is not an app's.
    expect(
      await who(
        '2024-05-03 07:59:34.175 WARNING (MainThread) [homeassistant.setup] Setup of acme is taking over 10 seconds.',
        "ERROR:asyncio:Task exception was never retrieved\nAttributeError: 'NoneType' object has no attribute 'get'",
      ),
    ).not.toContain('hassio');
  });

  it('names the integration whose library an exception named inside a message belongs to', async () => {
    // Python names a library's exception by its module path, wherever a message quotes it.
    expect(
      await who('Bridge refresh failed, retrying: aiohue.errors.Unauthorized: Invalid username'),
    ).toEqual(['hue']);
    // The UI log viewer's source file in a library, under a logger that names nothing.
    expect(
      await who(
        'Logger: py.warnings',
        'Source: /usr/local/lib/python3.13/site-packages/pyatv/protocols/mrp/__init__.py:512',
        'First occurred: 10:00:00 (1 occurrences)',
        'Last logged: 10:00:00',
        '',
        'RuntimeWarning: coroutine was never awaited; connection to the device failed',
      ),
    ).toEqual(['apple_tv']);
    // A transport every integration uses names none.
    expect(
      await who(
        'Request failed: aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host <IP>:80',
      ),
    ).toEqual([null]);
  });

  it("reads Home Assistant's own lines in a journald export as Home Assistant's, not an add-on's", async () => {
    const [incident] = await analyze(
      '2026-05-02T07:17:05+00:00 homeassistant homeassistant: custom_components.acme_vac.dreame.exceptions.DeviceUpdateFailedError: Device update failed, cannot be reached',
    );
    expect(incident?.integration).toBe('acme_vac');
  });

  it('names the core integration whose exactly pinned requirement Core could not install', async () => {
    const installing = (line: string) =>
      who(at('10:00:00', 'ERROR', 'homeassistant.util.package', line));
    expect(
      await installing(
        'Unable to install package pyisy==3.1.14: ERROR: Could not find a version that satisfies the requirement pyisy==3.1.14',
      ),
    ).toEqual(['isy994']);
    // A range is no core manifest's requirement: a custom integration asked for it.
    expect(
      await installing(
        'Unable to install package pyisy>=3.2.0: ERROR: Could not find a version that satisfies the requirement pyisy>=3.2.0',
      ),
    ).toEqual([null]);
  });

  it('attributes a line that names an add-on by its slug or container to the add-on', async () => {
    expect(
      await who('Failed to restore data of a0d7b954_nodered from backup: unexpected end of file'),
    ).toEqual(['hassio']);
    expect(
      await who(
        'Error response from daemon: container addon_core_mosquitto failed: OCI runtime error',
      ),
    ).toEqual(['hassio']);
    // A Python name with `core_` in it is no add-on.
    expect(await who('Error in core_config migration: unexpected key')).toEqual([null]);
  });

  it('reads a logger named after a custom integration the startup warning named as that integration', async () => {
    const incidents = await analyze(
      at(
        '10:00:00',
        'WARNING',
        'homeassistant.loader',
        'We found a custom integration acme_sync which has not been tested by Home Assistant. This component might cause stability problems, be sure to disable it if you experience issues with Home Assistant',
      ),
      at(
        '10:05:00',
        'ERROR',
        'acme_sync.factory',
        'Upstream returned 503 for https://api.example.com/rate_limit',
      ),
    );
    expect(incidents.map((i) => i.integration)).toEqual(['acme_sync']);
  });

  it('attributes a command the websocket API handed to an integration to that integration', async () => {
    const [incident] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
        '[140245123456] Error handling message: Unknown error (unknown_error) Admin from <IP> (Mozilla/5.0)',
      ),
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/decorators.py", line 28, in _handle_async_response',
      '  File "/config/custom_components/acme_cards/websocket.py", line 51, in ws_get_cards',
      "KeyError: 'cards'",
    );
    expect(incident?.integration).toBe('acme_cards');
  });

  it('attributes an action the websocket API ran to the integration the log viewer names as its source', async () => {
    // The traceback is cut before the integration's frame; `Source:` is where the error was raised.
    const [incident] = await analyze(
      'Logger: homeassistant.components.websocket_api.http.connection',
      'Source: components/acme_lock/lock.py:54',
      'Integration: Home Assistant WebSocket API (documentation, issues)',
      'First occurred: 2:41:26 PM (5 occurrences)',
      'Last logged: 2:43:03 PM',
      '',
      '[140336955975392] bytearray index out of range',
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/commands.py", line 198, in handle_call_service',
      '    await hass.services.async_call(',
    );
    expect(incident?.integration).toBe('acme_lock');
  });

  it('attributes a websocket command to the integration its message names', async () => {
    // The dispatcher ran a command about another integration (the frontend asking for its
    // manifest); neither a traceback nor the source says which, the message does.
    const [incident] = await analyze(
      'Logger: homeassistant.components.websocket_api.commands',
      'Source: components/websocket_api/commands.py:670',
      'Integration: Home Assistant WebSocket API (documentation, issues)',
      'First occurred: 13:18:00 (8 occurrences)',
      'Last logged: 14:42:08',
      '',
      "Unable to get manifest for integration acme_tuya: Integration 'acme_tuya' not found.",
    );
    expect(incident?.integration).toBe('acme_tuya');
  });

  it('attributes a failed action the websocket API ran to the library that failed it', async () => {
    const incidents = await analyze(
      at(
        '08:41:39',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
        '[140732546435168] Error during service call to cover.open_cover: RPC call error occurred while calling action for cover.bedroom of Bedroom blinds',
      ),
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/commands.py", line 245, in handle_call_service',
      '  File "/usr/local/lib/python3.13/site-packages/aioshelly/rpc_device/device.py", line 331, in call_rpc',
      "aioshelly.exceptions.RpcCallError: (429, 'Too many requests')",
    );
    expect(incidents.map((i) => i.integration)).toEqual(['shelly']);
  });

  it('names the integration of an entry without a title that failed to set up', async () => {
    expect(await who('Error setting up entry for acme_hub')).toEqual(['acme_hub']);
  });

  it('attributes a platform error to the custom integration in its traceback', async () => {
    const [incident] = await analyze(
      at('18:20:00', 'ERROR', 'homeassistant.components.sensor', 'Platform error: sensor'),
      'Traceback (most recent call last):',
      '  File "/config/custom_components/pv_custom/sensor.py", line 8, in <module>',
      "ImportError: cannot import name 'DEVICE_CLASS_POWER' from 'homeassistant.const'",
    );
    expect(incident).toMatchObject({
      integration: 'pv_custom',
      category: 'incompatible_custom_component',
    });
  });
});
