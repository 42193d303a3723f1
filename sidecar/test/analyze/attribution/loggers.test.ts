/** Attributing a log by its loggers and by every clue together: the logger kept in brackets, a platform's, the frontend's. */
import { describe, expect, it } from 'vitest';
import { analyze, analyzed, at, who } from '../log-file-lines.js';

describe('attributing loggers and every clue together', () => {
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

  it('gives the kernel’s lines about a Bluetooth controller to Bluetooth, and no other kernel line', async () => {
    const incidents = await analyze(
      'Jan 08 15:37:56 homeassistant kernel: Bluetooth: hci0: Opcode 0x0c03 failed: -110',
      'Jan 08 15:38:41 homeassistant kernel: Bluetooth: hci0: Opcode 0x0c03 failed: -110',
      'Jan 08 15:40:02 homeassistant kernel: EXT4-fs error (device sda8): ext4_find_entry:1455: inode #2: comm systemd: reading directory lblock 0',
    );
    expect(incidents.map((i) => [i.integration, i.rca.signature])).toEqual(
      expect.arrayContaining([
        ['bluetooth', 'network.radio'],
        [null, expect.any(String)],
      ]),
    );
    const adapter = incidents.find((i) => i.integration === 'bluetooth');
    expect(adapter).toMatchObject({ category: 'device_unavailable', occurrences: 2 });
    expect(adapter?.title).toContain('Bluetooth adapter does not answer');
  });

  it('reads the logger a pasted line kept in brackets', async () => {
    const [only] = await analyze(
      '[pyatv.protocols.mrp] Connection lost to device, failing back to polling',
    );
    expect(only).toMatchObject({ integration: 'apple_tv' });
  });

  it('reads a logger whose device id the paste redacted as Home Assistant’s', async () => {
    // Integrations name a logger per device (`custom_components.meross_lan.mss210_<id>`);
    // users hide the id before they paste, and the line is still Home Assistant's.
    for (const id of ['mss210_###############0', 'mss210_<SERIAL>', 'mss210_xxx-xxx'])
      expect(
        await who(
          at(
            '11:14:25.033',
            'ERROR',
            `custom_components.meross_lan.${id}`,
            'HTTP ERROR GET Appliance.Config.Info (ServerDisconnectedError:Server disconnected)',
          ),
        ),
      ).toEqual(['meross_lan']);
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
    // The tailscale client's words, which only the Tailscale add-on runs.
    expect(await analyzed("FATAL: Tailscale's Funnel support is disabled")).toEqual([
      ['hassio', 'invalid_config'],
    ]);
    // Programs that run only inside add-ons (an SSH server, certbot, npm and node-gyp), their
    // lines pasted alone: the add-on's, not an integration's.
    expect(await who('certbot: error: unrecognized arguments: --null --null-credentials')).toEqual([
      'hassio',
    ]);
    expect(await who('gyp ERR! stack Error: not found: make')).toEqual(['hassio']);
    expect(
      await who('npm ERR! code ERESOLVE', 'npm ERR! ERESOLVE unable to resolve dependency tree'),
    ).toEqual(['hassio']);
    expect(
      await who(
        'sshd[412]: error: userauth_pubkey: key type ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]',
      ),
    ).toEqual(['hassio']);
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
});
