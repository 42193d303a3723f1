import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLog, parseLogStream, type LogRecord } from '../../src/logs/parse.js';
import { must } from '../analyze/helpers.js';

const scenarios = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/scenarios');

const one = (text: string): LogRecord => {
  const records = parseLog(text);
  expect(records).toHaveLength(1);
  return must(records[0]);
};

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* linesOf(lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

describe('parseLog: home-assistant.log', () => {
  it('reads a line with milliseconds, thread, logger and message', () => {
    expect(
      one(
        '2024-06-10 21:36:07.440 WARNING (MainThread) [homeassistant.util.loop] Detected blocking call to open',
      ),
    ).toEqual({
      timestamp: '2024-06-10T21:36:07.440',
      level: 'WARNING',
      logger: 'homeassistant.util.loop',
      message: 'Detected blocking call to open',
      traceback: null,
      source: null,
    });
  });

  it('reads lines without milliseconds and with a UTC offset, attached or spaced', () => {
    expect(one('2020-06-27 20:08:40 ERROR (SyncWorker_1) [x.y] m').timestamp).toBe(
      '2020-06-27T20:08:40',
    );
    expect(one('2026-11-25 15:39:54.098+00:00 INFO (MainThread) [x] m').timestamp).toBe(
      '2026-11-25T15:39:54.098+00:00',
    );
    expect(one('2026-11-25 15:39:54 +0100 ERROR (MainThread) [x] m').timestamp).toBe(
      '2026-11-25T15:39:54+01:00',
    );
  });

  it('reads Supervisor lines with a two-digit year', () => {
    const r = one(
      '24-06-10 03:15:22 WARNING (MainThread) [supervisor.addons.addon] Watchdog found addon Mosquitto broker is failed, restarting...',
    );
    expect(r.timestamp).toBe('2024-06-10T03:15:22');
    expect(r.logger).toBe('supervisor.addons.addon');
  });

  it('attaches traceback frames and the exception line, skipping blank lines', () => {
    const [first, second] = parseLog(
      [
        '2024-03-30 14:14:25.998 ERROR (MainThread) [homeassistant.config_entries] Error setting up entry Home for home_connect',
        'Traceback (most recent call last):',
        '  File "/usr/src/homeassistant/homeassistant/config_entries.py", line 594, in async_setup',
        '',
        'The above exception was the direct cause of the following exception:',
        'homeconnect.api.HomeConnectError: invalid_grant',
        '2024-03-30 14:14:26.000 INFO (MainThread) [homeassistant.setup] Setting up http',
      ].join('\n'),
    );
    expect(first?.message).toBe('Error setting up entry Home for home_connect');
    expect(first?.traceback).toEqual([
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/config_entries.py", line 594, in async_setup',
      'The above exception was the direct cause of the following exception:',
      'homeconnect.api.HomeConnectError: invalid_grant',
    ]);
    expect(second?.message).toBe('Setting up http');
  });

  it('keeps pip output that starts with "ERROR:" inside the record that logged it', () => {
    const r = one(
      [
        '2020-09-02 20:48:02 ERROR (SyncWorker_7) [homeassistant.util.package] Unable to install package uuid: ERROR: Could not find a version',
        'ERROR: No matching distribution found for uuid==1000000000.0.0',
      ].join('\n'),
    );
    expect(r.traceback).toEqual(['ERROR: No matching distribution found for uuid==1000000000.0.0']);
  });

  it('normalizes level spellings and strips ANSI colour codes', () => {
    expect(one('\x1b[31m2024-06-10 21:36:07 WARN (MainThread) [x] m\x1b[0m').level).toBe('WARNING');
    expect(one('2024-06-10 21:36:07 FATAL (MainThread) [x] m').level).toBe('CRITICAL');
    expect(one('\x1b[32m[14:02:11] INFO: Starting\x1b[0m').message).toBe('Starting');
  });

  it('reads a pasted line that lost its timestamp, and a truncated line', () => {
    const r = one(
      'ERROR (MainThread) [homeassistant.components.wled] Error fetching wled data: Error occurred whil...',
    );
    expect(r).toMatchObject({
      timestamp: null,
      level: 'ERROR',
      logger: 'homeassistant.components.wled',
    });
    expect(r.message).toBe('Error fetching wled data: Error occurred whil...');
  });

  it('starts a record of unknown level for text before any record', () => {
    const records = parseLog(
      'Traceback (most recent call last):\nKeyError: x\n2024-06-10 21:36:07 ERROR (MainThread) [x] m',
    );
    expect(records[0]).toMatchObject({
      level: 'UNKNOWN',
      message: 'Traceback (most recent call last):',
      traceback: ['KeyError: x'],
    });
    expect(records[1]?.level).toBe('ERROR');
  });
});

describe('parseLog: the UI log viewer', () => {
  const block = [
    'This error originated from a custom integration.',
    '',
    'Logger: custom_components.places.sensor',
    'Source: custom_components/places/sensor.py:364',
    'integration: Places (documentation, issues)',
    'First occurred: 21:36:07 (12 occurrences)',
    'Last logged: 21:40:07',
    '',
    'Error while updating places: timeout',
    'Traceback (most recent call last):',
    'TimeoutError',
    'Logger: homeassistant.components.mqtt',
    'Source: components/mqtt/client.py:812',
    'First occurred: 2024-06-10 21:36:07 (1 occurrences)',
    'Last logged: 2024-06-10 21:36:07',
    '',
    'Disconnected from MQTT server core-mosquitto:1883',
  ].join('\n');

  it('reads the logger, the source and the message of each block', () => {
    const [places, mqtt] = parseLog(block);
    expect(places).toEqual({
      timestamp: null,
      level: 'UNKNOWN',
      logger: 'custom_components.places.sensor',
      message: 'Error while updating places: timeout',
      traceback: ['Traceback (most recent call last):', 'TimeoutError'],
      source: 'custom_components/places/sensor.py:364',
      repeats: 12,
      repeatsOverS: 240,
    });
    expect(mqtt?.repeatsOverS).toBeUndefined();
    expect(mqtt).toMatchObject({
      logger: 'homeassistant.components.mqtt',
      source: 'components/mqtt/client.py:812',
      timestamp: '2024-06-10T21:36:07',
      message: 'Disconnected from MQTT server core-mosquitto:1883',
    });
  });
  it('reads a block copied from a translated UI by the values of its header', () => {
    const [record] = parseLog(
      [
        'Logger: homeassistant.setup',
        'Quelle: setup.py:278',
        'Erstmals aufgetreten: 2024-06-10 21:57:02 (1 Vorkommnis)',
        'Zuletzt protokolliert: 2024-06-10 22:01:40',
        '',
        "Setup failed for custom integration 'home_connect_alt': Requirements for home_connect_alt not found",
      ].join('\n'),
    );
    expect(record?.repeats).toBeUndefined();
    expect(record).toMatchObject({
      logger: 'homeassistant.setup',
      source: 'setup.py:278',
      timestamp: '2024-06-10T21:57:02',
      message:
        "Setup failed for custom integration 'home_connect_alt': Requirements for home_connect_alt not found",
    });
  });

  it('reads the source and level the viewer before 0.104 put under the message', () => {
    const [record] = parseLog(
      [
        'Unable to reach bridge 192.168.1.20 (Error requesting data from 192.168.1.20: None)',
        '10:47 AM components/hue/sensor_base.py (ERROR) - message first occured at October 25, 2019, 9:51 PM and shows up 4992 times',
      ].join('\n'),
    );
    expect(record).toMatchObject({
      message:
        'Unable to reach bridge 192.168.1.20 (Error requesting data from 192.168.1.20: None)',
      source: 'components/hue/sensor_base.py',
      level: 'ERROR',
      traceback: null,
    });
  });

  it('reads how long a block repeated from its first and last time of one day, in a 12-hour clock too', () => {
    const block = (first: string, last: string) =>
      parseLog(
        [
          'Logger: homeassistant.components.mqtt.mixins',
          'Source: components/mqtt/mixins.py:557',
          `First occurred: ${first}`,
          `Last logged: ${last}`,
          '',
          'Erroneous JSON: ',
        ].join('\n'),
      )[0];
    expect(block('9:06:29 AM (12 occurrences)', '9:13:32 AM')?.repeatsOverS).toBe(423);
    expect(block('11:58:00 AM (3 occurrences)', '12:01:00 PM')?.repeatsOverS).toBe(180);
    // A first occurrence on another day than the last: how many days lie between is not said.
    expect(
      block('April 20, 2026 at 22:30:41 (409 occurrences)', '08:30:37')?.repeatsOverS,
    ).toBeUndefined();
  });

  it('keeps a message that only looks like a header line', () => {
    const [record] = parseLog(
      [
        'Logger: homeassistant.components.zwave_js',
        'Source: components/zwave_js/__init__.py:505',
        'First occurred: 05:05:51 (4 occurrences)',
        '',
        'Failed to connect: Cannot connect to host core-zwave-js:3000 ssl:default',
      ].join('\n'),
    );
    expect(record?.message).toBe(
      'Failed to connect: Cannot connect to host core-zwave-js:3000 ssl:default',
    );
  });
});

describe('parseLog: the UI log list', () => {
  it('reads each message with the level and the origin of the line under it', () => {
    // Settings → System → Logs lists each message, then its time, level, where it was logged
    // (an integration's name or a file) and how often.
    const records = parseLog(
      [
        'Could not connect to Insteon modem',
        '8:26:22 PM – (ERROR) Insteon - message first occurred at 8:16:12 PM and shows up 5 times',
        "An client error occurred: Cannot connect to host <IP>:25105 ssl:default [Connect call failed ('<IP>', 25105)]",
        '8:26:22 PM – (ERROR) /usr/local/lib/python3.9/site-packages/pyinsteon/protocol/http_reader_writer.py - message first occurred at 8:16:12 PM and shows up 5 times',
        "Config entry '' for insteon integration not ready yet; Retrying in background",
        '8:16:12 PM – (WARNING) config_entries.py',
      ].join('\n'),
    );
    expect(
      records.map((r) => [r.level, r.message, r.source, r.integrationName, r.traceback]),
    ).toEqual([
      ['ERROR', 'Could not connect to Insteon modem', null, 'Insteon', null],
      [
        'ERROR',
        "An client error occurred: Cannot connect to host <IP>:25105 ssl:default [Connect call failed ('<IP>', 25105)]",
        '/usr/local/lib/python3.9/site-packages/pyinsteon/protocol/http_reader_writer.py',
        undefined,
        null,
      ],
      [
        'WARNING',
        "Config entry '' for insteon integration not ready yet; Retrying in background",
        'config_entries.py',
        undefined,
        null,
      ],
    ]);
    // How often it "shows up" spans from its first occurrence, however long ago: not a pace.
    expect(records.map((r) => r.repeats)).toEqual([undefined, undefined, undefined]);
  });
});

describe('parseLog: thread names', () => {
  it('reads a thread name with its target in parentheses (Python 3.10 and later)', () => {
    const [record] = parseLog(
      "2024-01-18 12:43:39.195 ERROR (Thread-4 (mqtt_listen_thread)) [custom_components.bambu_lab.pybambu] Exception data: name 'f' is not defined",
    );
    expect(record).toMatchObject({
      level: 'ERROR',
      logger: 'custom_components.bambu_lab.pybambu',
      message: "Exception data: name 'f' is not defined",
    });
  });
});

describe('parseLog: the UI viewer in other languages', () => {
  it('reads a localized logger label before a dotted module name', () => {
    const [record, ...rest] = parseLog(
      [
        'Enregistreur: pydaikin.daikin_base',
        'Source: components/daikin/coordinator.py:30',
        "S'est produit pour la première fois: 18:04:31 (1 occurrences)",
        'Dernier enregistrement: 18:04:31',
        'Exception in TaskGroup: Connection timeout to host http://192.168.1.9/aircon/get_sensor_info',
      ].join('\n'),
    );
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      logger: 'pydaikin.daikin_base',
      source: 'components/daikin/coordinator.py:30',
      message:
        'Exception in TaskGroup: Connection timeout to host http://192.168.1.9/aircon/get_sensor_info',
    });
  });
});

describe('parseLog: Supervisor and add-on logs', () => {
  it('reads bashio, Zigbee2MQTT, s6 and Node-RED lines', () => {
    const records = parseLog(
      [
        '[14:02:11] INFO: Starting Zigbee2MQTT...',
        '[2024-06-10 14:02:16] error: \tz2m: Failed to start zigbee-herdsman',
        'Zigbee2MQTT:error 2022-09-24 01:42:26: MQTT failed to connect: Connection refused: Not authorized',
        's6-rc: warning: unable to start service init-nginx: command exited 1',
        '[cont-init.d] 10-requirements.sh: exited 1.',
        '10 Jun 21:36:07 - [error] [mqtt-broker:broker] Connection failed to broker: mqtt://core-mosquitto:1883',
        'ERROR:root:Unhandled exception',
        '1718048167: New connection from 172.30.32.1:45678 on port 1883.',
      ].join('\n'),
    );
    expect(records.map((r) => [r.level, r.logger, r.message])).toEqual([
      ['INFO', null, 'Starting Zigbee2MQTT...'],
      ['ERROR', null, 'z2m: Failed to start zigbee-herdsman'],
      ['ERROR', null, 'MQTT failed to connect: Connection refused: Not authorized'],
      ['WARNING', 's6-rc', 'unable to start service init-nginx: command exited 1'],
      ['UNKNOWN', 'cont-init.d', '10-requirements.sh: exited 1.'],
      ['ERROR', 'mqtt-broker:broker', 'Connection failed to broker: mqtt://core-mosquitto:1883'],
      ['ERROR', 'root', 'Unhandled exception'],
      ['UNKNOWN', null, 'New connection from 172.30.32.1:45678 on port 1883.'],
    ]);
    // Each in a format Core never writes: an app's.
    expect(records.map((r) => r.app)).toEqual(Array(8).fill(true));
    expect(records[1]?.timestamp).toBe('2024-06-10T14:02:16');
    expect(records[2]?.timestamp).toBe('2022-09-24T01:42:26');
    expect(records[7]?.timestamp).toBe('2024-06-10T19:36:07.000Z');
  });

  it("reads an add-on program's lines after s6's own as records of their own, not continuations", () => {
    const records = parseLog(
      [
        '[services.d] done.',
        'ifelse: fatal: unable to exec /run.sh: Exec format error',
        '[cmd] /run.sh exited 126',
        '[cont-init.d] 12-migrate.sh: executing...',
        '/var/run/s6/etc/cont-init.d/12-migrate.sh: line 10: hass.log.inf: command not found',
      ].join('\n'),
    );
    expect(records.map((r) => [r.logger, r.message, r.traceback])).toEqual([
      ['services.d', 'done.', null],
      [
        null,
        'ifelse: fatal: unable to exec /run.sh: Exec format error',
        ['[cmd] /run.sh exited 126'],
      ],
      ['cont-init.d', '12-migrate.sh: executing...', null],
      [
        null,
        '/var/run/s6/etc/cont-init.d/12-migrate.sh: line 10: hass.log.inf: command not found',
        null,
      ],
    ]);
  });

  it("reads an error an add-on's start script survived (it exited 0) as a warning", () => {
    // s6-overlay stops the add-on when a start script fails; one that exits 0 handled
    // what it logged (an optional service missing, say).
    const text = [
      'cont-init: info: running /etc/cont-init.d/mqtt.sh',
      '[22:59:57] ERROR: Got unexpected response from the API: Service not enabled',
      'cont-init: info: /etc/cont-init.d/mqtt.sh exited 0',
      'cont-init: info: running /etc/cont-init.d/nginx.sh',
      '[23:00:01] ERROR: Unable to write the nginx configuration',
      'cont-init: info: /etc/cont-init.d/nginx.sh exited 1',
      '[cont-init.d] 10-requirements.sh: executing...',
      '[23:00:02] ERROR: Could not read the options',
      '[cont-init.d] 10-requirements.sh: exited 0.',
      '[23:00:03] ERROR: Service stopped',
    ].join('\n');
    const errors = (records: LogRecord[]) =>
      records.filter((r) => r.logger === null).map((r) => [r.level, r.message]);
    const expected = [
      ['WARNING', 'Got unexpected response from the API: Service not enabled'],
      ['ERROR', 'Unable to write the nginx configuration'],
      ['WARNING', 'Could not read the options'],
      ['ERROR', 'Service stopped'],
    ];
    expect(errors(parseLog(text))).toEqual(expected);
  });

  it("reads Go's log and nginx's error log by their levels; Core's own loggers are no app's", () => {
    const records = parseLog(
      [
        '2023/06/19 12:01:21.885054 [fatal] listen tcp :53: bind: address already in use',
        '2020/05/09 17:41:39 [crit] 33#33: *1060 SSL_read() failed while processing HTTP/2 connection',
        '2020/05/09 17:41:40 [emerg] 1#1: bind() to 0.0.0.0:443 failed (98: Address already in use)',
        'ERROR:homeassistant.bootstrap:Error setting up integration',
      ].join('\n'),
    );
    expect(records.map((r) => [r.level, r.app ?? false])).toEqual([
      ['CRITICAL', true],
      // nginx goes on after `crit` (one connection failed); `emerg` stops it.
      ['ERROR', true],
      ['CRITICAL', true],
      ['ERROR', false],
    ]);
  });

  it('reads the other formats add-ons write as theirs: zerolog, plain Go, start-script status, a time and a level', () => {
    const records = parseLog(
      [
        '2023-03-21T13:00:22Z ERR Failed to create new quic connection error="timeout"',
        'FTL [api] listen error="listen tcp :1984: bind: address already in use"',
        '2024/05/31 08:59:36 health("overall"): ok',
        '5/27/2020, 6:10:34 AM - error - BluetoothClassicService: Command failed: hcitool',
        'Starting rfd: ....................ERROR',
        'Starting crond: OK',
        '2026-02-07 18:20:24.048 ERROR AppDaemon: Unknown field: appdaemon.plugins.HASS.hass.domain',
        '2024-06-10 21:36:07.440 ERROR (MainThread) [homeassistant.setup] Setup failed for hue',
      ].join('\n'),
    );
    expect(records.map((r) => [r.level, r.message, r.app ?? false])).toEqual([
      ['ERROR', 'Failed to create new quic connection error="timeout"', true],
      ['CRITICAL', '[api] listen error="listen tcp :1984: bind: address already in use"', true],
      ['UNKNOWN', 'health("overall"): ok', true],
      ['ERROR', 'BluetoothClassicService: Command failed: hcitool', true],
      ['ERROR', 'Starting rfd: ....................ERROR', true],
      ['INFO', 'Starting crond: OK', true],
      // A time and a level but no thread or logger: not a line Home Assistant writes.
      ['ERROR', 'AppDaemon: Unknown field: appdaemon.plugins.HASS.hass.domain', true],
      ['ERROR', 'Setup failed for hue', false],
    ]);
    expect(records[0]?.timestamp).toBe('2023-03-21T13:00:22Z');
    expect(records[2]?.timestamp).toBe('2024-05-31T08:59:36');
  });

  it('reads the Python servers add-ons run, whose thread comes before the level', () => {
    // python-matter-server's format: `%(asctime)s.%(msecs)03d (%(threadName)s) %(levelname)s [%(name)s] %(message)s`.
    const [server, node] = parseLog(
      [
        '2024-05-01 10:00:00.123 (MainThread) ERROR [matter_server.server.device_controller] Unable to subscribe to Node 5',
        '2024-05-01 10:00:01.456 (Dummy-2) WARNING [matter_server.server.device_controller] <Node:5> Subscription failed with Error: 3',
      ].join('\n'),
    );
    expect(server).toMatchObject({
      timestamp: '2024-05-01T10:00:00.123',
      level: 'ERROR',
      logger: 'matter_server.server.device_controller',
      message: 'Unable to subscribe to Node 5',
      app: true,
    });
    expect(node).toMatchObject({
      level: 'WARNING',
      message: '<Node:5> Subscription failed with Error: 3',
    });
  });

  it('reads a streamed start script the same way', async () => {
    async function* lines() {
      yield 'cont-init: info: running /etc/cont-init.d/mqtt.sh';
      yield '[22:59:57] ERROR: Got unexpected response from the API: Service not enabled';
      yield 'cont-init: info: /etc/cont-init.d/mqtt.sh exited 0';
    }
    const records: LogRecord[] = [];
    for await (const r of parseLogStream(lines())) records.push(r);
    expect(records.map((r) => r.level)).toEqual(['INFO', 'WARNING', 'INFO']);
  });

  it('unwraps journald and docker compose prefixes, traceback lines included', () => {
    const [journald] = parseLog(
      [
        'Mar 02 10:00:01 pi hass[812]: 2024-03-02 10:00:01.100 ERROR (MainThread) [homeassistant.components.mqtt.client] Failed to connect',
        'Mar 02 10:00:01 pi hass[812]: Traceback (most recent call last):',
        'Mar 02 10:00:01 pi hass[812]: OSError: [Errno -2] Name or service not known',
      ].join('\n'),
    );
    expect(journald).toMatchObject({
      logger: 'homeassistant.components.mqtt.client',
      traceback: [
        'Traceback (most recent call last):',
        'OSError: [Errno -2] Name or service not known',
      ],
    });
    const [compose] = parseLog(
      'homeassistant  | 2024-03-02 10:00:01 ERROR (MainThread) [x] boom\nhomeassistant  | ValueError: bad',
    );
    expect(compose).toMatchObject({ logger: 'x', message: 'boom', traceback: ['ValueError: bad'] });
  });

  it("unwraps the time `docker logs --timestamps` puts before each line, not an app's own time", () => {
    const [docker] = parseLog(
      [
        '2024-12-24T23:12:07.275324629Z 2024-12-25 07:12:07.273 ERROR (db5e1b30f36fb7b7) [custom_components.xiaomi_home.miot.miot_client] mips try reconnect after 60000ms',
        '2024-12-24T23:12:07.2753246Z ValueError: bad',
      ].join('\n'),
    );
    expect(docker).toMatchObject({
      timestamp: '2024-12-25T07:12:07.273',
      level: 'ERROR',
      logger: 'custom_components.xiaomi_home.miot.miot_client',
      message: 'mips try reconnect after 60000ms',
      traceback: ['ValueError: bad'],
    });
    // zerolog's line starts with the same kind of time: it is the line's own.
    const [zerolog] = parseLog('2024-12-24T23:12:07.275324629Z ERR failed to dial edge');
    expect(zerolog?.timestamp).toBe('2024-12-24T23:12:07.275324629Z');
  });

  it('reads syslog lines that carry no Home Assistant record as their own records', () => {
    const records = parseLog(
      'Jun 10 21:36:07 nuc kernel: Out of memory: Killed process 812 (python3)\nJun 10 21:36:08 nuc systemd[1]: home-assistant.service: Main process exited',
    );
    expect(records.map((r) => [r.logger, r.message])).toEqual([
      ['kernel', 'Out of memory: Killed process 812 (python3)'],
      ['systemd', 'home-assistant.service: Main process exited'],
    ]);
  });
  it('reads syslog lines with an RFC 3339 time (journalctl -o short-iso) the same way', () => {
    const [wrapped] = parseLog(
      [
        '2026-05-02T07:17:05+0000 pi homeassistant[579]: 2026-05-02 07:17:05.100 ERROR (MainThread) [custom_components.acme] Update failed',
        '2026-05-02T07:17:05+0000 pi homeassistant[579]: TimeoutError',
      ].join('\n'),
    );
    expect(wrapped).toMatchObject({
      logger: 'custom_components.acme',
      message: 'Update failed',
      traceback: ['TimeoutError'],
    });
    const records = parseLog(
      '2026-05-02T07:17:05+00:00 homeassistant homeassistant: custom_components.acme.exceptions.DeviceUpdateFailedException: Device cannot be reached',
    );
    expect(records.map((r) => [r.timestamp, r.logger, r.message])).toEqual([
      [
        '2026-05-02T07:17:05+00:00',
        'homeassistant',
        'custom_components.acme.exceptions.DeviceUpdateFailedException: Device cannot be reached',
      ],
    ]);
  });
});

describe('parseLog: bounds', () => {
  it('keeps the head and the tail of a runaway continuation, with the exception line', () => {
    const lines = ['2024-06-10 21:36:07 ERROR (MainThread) [x] boom'];
    for (let i = 0; i < 10_000; i++) lines.push(`  frame ${i}`);
    lines.push('RuntimeError: the end');
    const r = one(lines.join('\n'));
    expect(must(r.traceback).length).toBeLessThan(200);
    expect(must(r.traceback)[0]).toBe('  frame 0');
    expect(must(r.traceback).at(-1)).toBe('RuntimeError: the end');
    expect(must(r.traceback).some((l) => /lines omitted/.test(l))).toBe(true);
  });

  it('caps a huge line', () => {
    const r = one(`2024-06-10 21:36:07 ERROR (MainThread) [x] ${'y'.repeat(100_000)}`);
    expect(r.message.length).toBeLessThan(5000);
  });
});

describe('parseLogStream', () => {
  const text = [
    '2024-06-10 21:36:07 ERROR (MainThread) [a] one',
    'Traceback (most recent call last):',
    'ValueError: x',
    'Logger: b',
    'Source: b.py:1',
    '',
    'two',
    '[14:02:11] INFO: three',
  ].join('\n');

  it('yields the same records as parseLog, line by line or in blocks', async () => {
    const expected = parseLog(text);
    expect(await collect(parseLogStream(linesOf(text.split('\n'))))).toEqual(expected);
    const [a, b] = [
      text.slice(0, text.indexOf('\nLogger')),
      text.slice(text.indexOf('\nLogger') + 1),
    ];
    expect(await collect(parseLogStream(linesOf([a, b])))).toEqual(expected);
  });

  it('hands out a record as soon as the next one starts, without reading ahead', async () => {
    let pulled = 0;
    async function* endless(): AsyncIterable<string> {
      for (;;) {
        pulled++;
        yield `2024-06-10 21:36:07 ERROR (MainThread) [x] record ${pulled}`;
      }
    }
    const it = parseLogStream(endless())[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value?.message).toBe('record 1');
    expect(pulled).toBe(2);
  });
});

describe('every scenario log', () => {
  const files = readdirSync(scenarios).filter((f) => f.endsWith('.json'));

  it.each(files)('%s parses into records that start with a real message', (file) => {
    const { log } = JSON.parse(readFileSync(join(scenarios, file), 'utf8')) as { log: string };
    const records = parseLog(log);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.message).not.toMatch(/^\s*(?:File "|Traceback \(most recent|\^+$)/);
      expect(r.level).not.toBe('UNKNOWN');
    }
    // Every line of the log is kept somewhere.
    const kept = records.flatMap((r) => [r.message, ...(r.traceback ?? [])]).join('\n');
    for (const line of log.split('\n').filter((l) => l.trim())) {
      expect(kept).toContain(line.trim().slice(-20));
    }
  });
});
