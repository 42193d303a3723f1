import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Redactor, sensitiveKeyKind } from '../../src/package/redact.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const corpusText = readFileSync(join(fixtures, 'secrets-corpus.txt'), 'utf8');
const corpusJson = readFileSync(join(fixtures, 'secrets-corpus.json'), 'utf8');
const seeded = (
  JSON.parse(readFileSync(join(fixtures, 'secrets-seeded.json'), 'utf8')) as {
    values: Record<string, string>;
  }
).values;

/** Lines an HA user needs to read in an explanation: nothing in them is secret. */
const ORDINARY = [
  '2024-06-10 21:36:07.440 WARNING (MainThread) [homeassistant.helpers.entity] Update of sensor.living_room_temperature is taking over 10 seconds',
  "Config entry 'Philips Hue Bridge' for hue integration not ready yet: Error connecting; Retrying in 80 seconds",
  'Home Assistant 2024.6.1 (core-2024.6.1), Supervisor 2024.06.0, Python 3.12.3, frontend 20240610.0',
  '  File "/usr/src/homeassistant/homeassistant/components/recorder/util.py", line 364, in session_scope',
  'light.kitchen_ceiling turned on at brightness 255 (100 %), color_temp 370, transition 2.5',
  "Detected blocking call to open inside the event loop by custom integration 'places' at custom_components/places/sensor.py, line 364: with open(",
  'token_type: Bearer',
  'expires_in: 1800',
  'scan_interval: 30',
  'temperature: 21.5 humidity: 45.2',
  'unique_id: living_room_temp_1',
  'Connected to MQTT server core-mosquitto:1883 (0)',
  'Token request for home_connect failed (invalid_grant): invalid refresh_token',
  'Serving on 0.0.0.0:8123 and 127.0.0.1:8123; ::1',
  'ERROR: No matching distribution found for uuid==1000000000.0.0',
  'mapping values are not allowed here in "/config/climate.yaml", line 2, column 7',
  'config entry 01J0ABCDEFGHJKMNPQRSTVWXYZ',
  'Energy 1234.5678 kWh; power 2300 W; voltage 230.1 V',
  'entity_id: automation.morning_lights, platform: template, device_class: temperature',
  'password: !secret mqtt_password',
  'Unable to find service script.keymaster_garage_side_door_copy_from_parent_1',
  'incident inc_c6ec5484c9d74d56a77caab7ed536999 opened; proposal prp_0bea02fdba2f477cae7965abd835d9b3',
  '{"code": "invalid_grant", "status": 400}',
  "Error {'code': 'E1234', 'message': 'timeout'}",
  'Loaded /config/www/community/mushroom/mushroom.js?hacstag=4930128823',
];

describe('Redactor leak test', () => {
  it('the corpora contain every seeded value before redaction (the test can fail)', () => {
    const both = corpusText + corpusJson;
    for (const [name, value] of Object.entries(seeded)) {
      expect(both.includes(value), name).toBe(true);
    }
  });

  it('no seeded secret survives in text, in JSON text or in a redacted value', () => {
    const r = new Redactor();
    const outputs = {
      text: r.text(corpusText),
      jsonText: r.text(corpusJson),
      value: JSON.stringify(r.value(JSON.parse(corpusJson) as unknown)),
    };
    const leaks = Object.entries(outputs).flatMap(([where, out]) =>
      Object.entries(seeded)
        .filter(([, value]) => out.includes(value))
        .map(([name]) => `${name} in ${where}`),
    );
    expect(leaks).toEqual([]);
  });

  it('counts replacements by kind and never carries a value', () => {
    const r = new Redactor();
    r.text(corpusText);
    const counts = r.counts;
    for (const kind of ['token', 'password', 'api_key', 'url_credentials', 'email', 'ip', 'mac']) {
      expect(counts[kind], kind).toBeGreaterThan(0);
    }
    for (const kind of ['location', 'serial', 'private_key', 'secret', 'username']) {
      expect(counts[kind], kind).toBeGreaterThan(0);
    }
    const dump = JSON.stringify(counts);
    for (const value of Object.values(seeded)) expect(dump).not.toContain(value);
  });

  it('keeps redacted JSON text valid JSON with the structure intact', () => {
    const out = JSON.parse(new Redactor().text(corpusJson)) as {
      data: { token: { access_token: string; expires_at: number; token_type: string } };
      title: string;
    };
    expect(out.data.token.access_token).toMatch(/^\[TOKEN_\d+\]$/);
    expect(out.data.token.expires_at).toBe(1718048167.5);
    expect(out.data.token.token_type).toBe('Bearer');
    expect(out.title).toBe('Jane’s Spotify');
  });
});

describe('Redactor placeholders', () => {
  it('gives the same secret the same placeholder everywhere within one redactor', () => {
    const r = new Redactor();
    const a = r.text('mqtt://ha:Hunter2Pass@192.168.1.20:1883 failed');
    const b = r.text('retrying 192.168.1.20; password=Hunter2Pass');
    expect(a).toBe('mqtt://[URL_CREDENTIALS_1]@[IP_1]:1883 failed');
    expect(b).toBe('retrying [IP_1]; password=[PASSWORD_1]');
    expect(r.value({ host: '192.168.1.20', password: 'Hunter2Pass' })).toEqual({
      host: '[IP_1]',
      password: '[PASSWORD_1]',
    });
  });

  it('numbers distinct secrets of one kind apart', () => {
    const r = new Redactor();
    expect(r.text('from 10.0.0.1 to 10.0.0.2 and back to 10.0.0.1')).toBe(
      'from [IP_1] to [IP_2] and back to [IP_1]',
    );
  });

  it('starts over in a new redactor', () => {
    expect(new Redactor().text('a@example.com')).toBe('[EMAIL_1]');
    expect(new Redactor().text('b@example.com')).toBe('[EMAIL_1]');
  });

  it('redacts later free-text occurrences of a secret learned from a key', () => {
    const r = new Redactor();
    expect(r.text('username: jane_smith\nDevice of jane_smith is unknown')).toBe(
      'username: [USERNAME_1]\nDevice of [USERNAME_1] is unknown',
    );
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    const r = new Redactor();
    const once = r.text(corpusText);
    expect(r.text(once)).toBe(once);
  });
});

describe('Redactor keeps what explanations need', () => {
  it.each(ORDINARY)('leaves ordinary text alone: %s', (line) => {
    const r = new Redactor();
    expect(r.text(line)).toBe(line);
    expect(r.counts).toEqual({});
  });

  it('keeps the auth scheme and the !secret reference, masks the secret', () => {
    const r = new Redactor();
    expect(r.text('Authorization: Bearer abcDEF1234567890ghiJKL')).toBe(
      'Authorization: Bearer [TOKEN_1]',
    );
    expect(r.text('  api_password: !secret api_password')).toBe(
      '  api_password: !secret api_password',
    );
  });

  it('respects the ip, mac and location options but still masks secrets', () => {
    const r = new Redactor({ ip: false, mac: false, location: false });
    const line =
      'host 192.168.1.20 mac AA:BB:CC:11:22:33 at 52.37312, 4.89201 latitude: 52.37 password=Hunter2Pass';
    expect(r.text(line)).toBe(
      'host 192.168.1.20 mac AA:BB:CC:11:22:33 at 52.37312, 4.89201 latitude: 52.37 password=[PASSWORD_1]',
    );
    expect(new Redactor().text(line)).toBe(
      'host [IP_1] mac [MAC_1] at [LOCATION_2] latitude: [LOCATION_1] password=[PASSWORD_1]',
    );
  });
});

describe('Redactor on the secrets of a smart home', () => {
  // Each line holds one secret or personal value of a kind the generic rules missed.
  it.each([
    [
      'a Zigbee network key as a byte list',
      'zigbee: network_key: [1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]',
      '1, 3, 5, 7',
    ],
    [
      'a network key as colon-separated bytes',
      'network_key: 01:03:05:07:09:0B:0D:0F:00:02:04:06:08:0A:0C:0D',
      '01:03:05',
    ],
    [
      'a Tuya local key in JSON',
      '{"local_key": "a1b2c3d4e5f6g7h8", "dev_id": "bf123"}',
      'a1b2c3d4e5f6g7h8',
    ],
    [
      'an ESPHome API encryption key',
      'api:\n  encryption:\n    key: "W6X8dYqIg2tTfZ1a+K7wPqN0vL3sR5uE9cJ2hB4mD6o="',
      'W6X8dYqIg2tTfZ1a',
    ],
    [
      'an API key in a query string',
      'GET https://api.example.com/v1/data?key=xyzSecret42&units=metric',
      'xyzSecret42',
    ],
    [
      'auth and sig query parameters',
      'GET https://cam.example.com/snap.jpg?auth=abc123xyz&sig=ZmFrZXNpZw',
      'abc123xyz',
    ],
    ['a short OAuth code', 'Token request failed: code=4/0Aean1 and state=xyz', '4/0Aean1'],
    [
      'an OAuth code under a quoted key',
      'token request body {"grant_type": "authorization_code", "code": "Mq5x61BSkz4S44d0gYwDAKURjYm0Tn"}',
      'Mq5x61BSkz4S44d0gYwDAKURjYm0Tn',
    ],
    [
      'the password in a Wi-Fi QR payload',
      'QR code for WIFI:S:HomeNet;T:WPA;P:Juniper#Velvet5720;;',
      'Juniper#Velvet5720',
    ],
    [
      'an ESPHome key holding slashes under a plain `key:`',
      'api:\n  encryption:\n    key: "QpFnLsE/RWJwB7BqU5A0m0/okuOIe/vODl4A8V/xHCN="',
      'RWJwB7BqU5A0m0',
    ],
    [
      'a Wi-Fi name in quotes',
      'Connecting to wifi SSID "Smith Family WiFi" failed',
      'Smith Family',
    ],
    ['a Wi-Fi name after its key', 'ssid: MyHomeNet', 'MyHomeNet'],
    ['a phone number', 'SMS to +49 170 1234567 failed', '1234567'],
    ['a phone number after its key', 'phone_number: "+1-555-123-4567"', '555-123'],
    ['a person in an entity id', 'Entity person.jane_doe not found', 'jane_doe'],
    [
      'a person in a mobile app notifier',
      'Unable to find action notify.mobile_app_janes_phone',
      'janes_phone',
    ],
    ['a dynamic-DNS host name', 'Cannot connect to host smithhouse.duckdns.org:8123', 'smithhouse'],
    ['a remote UI address', 'https://abcdef0123456789.ui.nabu.casa/lovelace', 'abcdef0123456789'],
  ])('masks %s', (_what, line, secret) => {
    const r = new Redactor();
    const out = r.text(line);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/\[[A-Z_]+_\d+\]/);
    expect(r.text(out)).toBe(out);
  });

  it('keeps what a diagnosis needs around them', () => {
    const r = new Redactor();
    expect(r.text('Cannot connect to host smithhouse.duckdns.org:8123')).toBe(
      'Cannot connect to host [HOST_1].duckdns.org:8123',
    );
    expect(r.text('GET https://api.example.com/v1/data?key=xyzSecret42&units=metric')).toBe(
      'GET https://api.example.com/v1/data?key=[TOKEN_1]&units=metric',
    );
    expect(r.text('Service exited with code 1')).toBe('Service exited with code 1');
    expect(r.text('sensor.living_room_temperature is unavailable')).toBe(
      'sensor.living_room_temperature is unavailable',
    );
  });
});

describe('Redactor.value', () => {
  it('returns a deep copy and leaves the input untouched', () => {
    const input = { data: { password: 'Hunter2Pass', list: ['jane@example.com'] } };
    const out = new Redactor().value(input);
    expect(out).toEqual({ data: { password: '[PASSWORD_1]', list: ['[EMAIL_1]'] } });
    expect(input.data.password).toBe('Hunter2Pass');
    expect(out.data).not.toBe(input.data);
  });

  it('masks numbers and arrays under sensitive keys, keeps ordinary numbers', () => {
    const out = new Redactor().value({
      latitude: 52.1093,
      gps: [52.1, 4.2],
      pin: 4821,
      scan_interval: 30,
      enabled: true,
      password: null,
    });
    expect(out).toEqual({
      latitude: '[LOCATION_1]',
      gps: ['[LOCATION_2]', '[LOCATION_3]'],
      pin: '[PASSWORD_1]',
      scan_interval: 30,
      enabled: true,
      password: null,
    });
  });

  it('masks strings inside an object under a sensitive key, but not its metadata', () => {
    const out = new Redactor().value({
      token: { value: 'opaque-secret-1', expires_at: 1718048167, token_type: 'Bearer' },
    });
    expect(out).toEqual({
      token: { value: '[TOKEN_1]', expires_at: 1718048167, token_type: 'Bearer' },
    });
  });

  it('handles maps, sets and cycles', () => {
    type Node = { password: string; self?: Node };
    const node: Node = { password: 'Hunter2Pass' };
    node.self = node;
    const out = new Redactor().value({
      map: new Map([['api_key', 'k3y-For-Weather-77']]),
      set: new Set(['10.1.2.3']),
      node,
    });
    expect(out.map.get('api_key')).toBe('[API_KEY_1]');
    expect([...out.set]).toEqual(['[IP_1]']);
    expect(out.node.password).toBe('[PASSWORD_1]');
    expect(out.node.self).toBe(out.node);
  });
});

describe('sensitiveKeyKind', () => {
  it.each([
    ['password', 'password'],
    ['mqtt_password', 'password'],
    ['access_token', 'token'],
    ['refreshToken', 'token'],
    ['X-Api-Key', 'api_key'],
    ['client_secret', 'secret'],
    ['Authorization', 'token'],
    ['serial_number', 'serial'],
    ['latitude', 'location'],
    ['webhook_id', 'token'],
  ])('%s holds a %s', (key, kind) => expect(sensitiveKeyKind(key)).toBe(kind));

  it.each(['token_type', 'expires_in', 'entity_id', 'unique_id', 'host', 'name', 'passed'])(
    '%s is an ordinary key',
    (key) => expect(sensitiveKeyKind(key)).toBeNull(),
  );
});

describe('Redactor on any input', () => {
  // A log line can hold anything: a pasted key file, a base64 blob, a runaway
  // value. Redaction must finish and must not throw, whatever the line holds.
  const huge = 'A'.repeat(40_000);

  it('masks a very long secret after a key and finds it again in free text', () => {
    const r = new Redactor();
    const first = r.text(`password: ${huge}`);
    expect(first).toBe('password: [PASSWORD_1]');
    expect(r.text(`login failed for ${huge} at the door`)).toBe(
      'login failed for [PASSWORD_1] at the door',
    );
  });

  it('learns many long values without throwing', () => {
    const r = new Redactor();
    for (let i = 0; i < 40; i++)
      r.text(`token=${String.fromCharCode(65 + (i % 26)).repeat(33_000)}${i}`);
    expect(() => r.text(`nothing learned here ${'b'.repeat(1000)}`)).not.toThrow();
  });

  it('masks quoted and JSON long values', () => {
    const r = new Redactor();
    expect(r.text(`{"api_key": "${huge}"}`)).toBe('{"api_key": "[API_KEY_1]"}');
  });

  it('handles pathological shapes and leaves no seeded run behind', () => {
    const inputs = [
      'a'.repeat(200_000),
      'a_'.repeat(100_000),
      `${'x@'.repeat(50_000)}`,
      `key=${'v'.repeat(100_000)}`,
      `"password": "${'\\"'.repeat(50_000)}`,
      '1.'.repeat(100_000),
      ':'.repeat(100_000),
      `secret: a${' '.repeat(50_000)}b`,
      `api_key: ${'Ab1+/'.repeat(20_000)}`,
      'a-'.repeat(100_000),
      'a.'.repeat(100_000),
      'Ab1-'.repeat(50_000),
      `${'a.'.repeat(100_000)}@`,
      'password=x '.repeat(20_000),
    ];
    for (const input of inputs) expect(() => new Redactor().text(input)).not.toThrow();
    expect(new Redactor().text(`api_key: ${'Ab1+/'.repeat(20_000)}`)).toBe('api_key: [API_KEY_1]');
  });
});
