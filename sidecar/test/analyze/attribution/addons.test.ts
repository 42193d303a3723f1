/** Attributing a log to an add-on or an app: its name, its slug, its container, its own formats. */
import { describe, expect, it } from 'vitest';
import { analyze, analyzed, at, who } from '../log-file-lines.js';

describe("attributing a log's add-ons and apps", () => {
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

  it('attributes a container that s6 may not start as its user to Core', async () => {
    expect(await who('s6-mkdir: warning: unable to mkdir /var/run/s6: Permission denied')).toEqual([
      'homeassistant',
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

  it("reads Home Assistant's own lines in a journald export as Home Assistant's, not an add-on's", async () => {
    const [incident] = await analyze(
      '2026-05-02T07:17:05+00:00 homeassistant homeassistant: custom_components.acme_vac.dreame.exceptions.DeviceUpdateFailedError: Device update failed, cannot be reached',
    );
    expect(incident?.integration).toBe('acme_vac');
  });

  it('attributes a server add-on running an integration’s own library to that integration', async () => {
    // The Matter Server add-on is python-matter-server, the library of Home Assistant's Matter
    // integration: its loggers are the library's, and what fails there fails Matter.
    expect(
      await who(
        '2024-05-01 10:00:00.123 (MainThread) ERROR [matter_server.server.device_controller] Unable to subscribe to Node 5',
      ),
    ).toEqual(['matter']);
    // An add-on program whose logger no integration declares stays the add-on's.
    expect(
      await who(
        '2024-05-01 10:00:00.123 (MainThread) ERROR [wyoming_piper.handler] Voice not found',
      ),
    ).toEqual(['hassio']);
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
});
