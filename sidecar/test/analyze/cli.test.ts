import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { RcaResult } from '@ha-llm-ops/contracts';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from './helpers.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function cli(args: string[], input?: string | Buffer) {
  const res = spawnSync(
    process.execPath,
    ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', ...args],
    { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, input, timeout: 60_000 },
  );
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

let dir: string;
let wled: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
  const scenario = JSON.parse(
    readFileSync(join(repo, 'tests/scenarios/15-wled-offline-config-entry-not-ready.json'), 'utf8'),
  ) as { log: string };
  wled = join(dir, 'wled.log');
  writeFileSync(wled, scenario.log);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Output {
  incidents: {
    fingerprint: string;
    integration: string | null;
    category: string;
    severity: string;
    title: string;
    occurrences: number;
    rca: unknown;
  }[];
}

// Each case starts the CLI (a Node process with tsx): seconds apiece on a busy 2-core machine.
describe('ha-llm-ops analyze', { timeout: 60_000 }, () => {
  it('--json prints only JSON: the incidents with their explanation', () => {
    const { code, stdout, stderr } = cli(['analyze', '--json', wled]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(stdout) as Output;
    expect(Object.keys(out)).toEqual(['incidents', 'redacted']);
    expect(out.incidents).toHaveLength(1);
    const [incident] = out.incidents;
    expect(Object.keys(must(incident))).toEqual([
      'fingerprint',
      'integration',
      'category',
      'severity',
      'title',
      'occurrences',
      'rca',
    ]);
    expect(incident).toMatchObject({
      integration: 'wled',
      category: 'setup_retry',
      severity: 'warning',
      occurrences: 3,
    });
    expect(must(incident).fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(() => v.parse(RcaResult, must(incident).rca)).not.toThrow();
  });

  it('reads standard input for -', () => {
    const fromFile = cli(['analyze', '--json', wled]).stdout;
    const fromStdin = cli(['analyze', '--json', '-'], readFileSync(wled));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile);
  });

  it('prints {"incidents": []} for a log with nothing wrong', () => {
    const { code, stdout } = cli([
      'analyze',
      '--json',
      join(repo, 'tests/scenarios/no-fault/normal-startup.log'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ incidents: [], redacted: true });
  });

  it('prints a readable report without --json', () => {
    const { code, stdout } = cli(['analyze', wled]);
    expect(code).toBe(0);
    expect(stdout).toContain('1 incident(s) in');
    expect(stdout).toMatch(/\[WARNING\] wled cannot reach <WLED_IP> and keeps retrying setup/);
    expect(stdout).toContain('What helps: check network or device');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.log'), /cannot read .*nope\.log: no such file/],
    ['a directory', () => dir, /is a directory, not a log file/],
    [
      'binary garbage',
      () => {
        const file = join(dir, 'garbage.bin');
        writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
        return file;
      },
      /garbage\.bin is not a text log/,
    ],
    [
      'a compressed log',
      () => {
        const file = join(dir, 'home-assistant.log.gz');
        writeFileSync(file, gzipSync(readFileSync(wled)));
        return file;
      },
      /home-assistant\.log\.gz is gzip-compressed; decompress it first/,
    ],
  ])('exits 2 naming %s', (_name, path, message) => {
    const file = path();
    const { code, stdout, stderr } = cli(['analyze', '--json', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain(file);
  });

  it('redacts its output by default (people paste it into public issues); --no-redact opts out', () => {
    const log = join(dir, 'secrets.log');
    writeFileSync(
      log,
      [
        '2024-06-10 21:36:07.440 ERROR (MainThread) [homeassistant.components.mqtt.client] Failed to connect to MQTT server mqtt://homeuser:Sup3rS3cret@192.168.1.20:1883: [Errno 111] Connection refused',
        '2024-06-10 21:36:08.440 ERROR (MainThread) [homeassistant.components.mqtt.client] Login of jane.doe@example.com at 192.168.1.20 failed',
      ].join('\n'),
    );
    for (const args of [
      ['analyze', log],
      ['analyze', '--json', log],
    ]) {
      const { code, stdout } = cli(args);
      expect(code).toBe(0);
      for (const secret of ['Sup3rS3cret', '192.168.1.20', 'jane.doe@example.com', 'homeuser'])
        expect(stdout, `${args.join(' ')} leaks ${secret}`).not.toContain(secret);
      expect(stdout).toMatch(/\[IP_1\]/);
    }
    expect(cli(['analyze', log]).stdout).toContain('--no-redact shows them');
    const raw = cli(['analyze', '--no-redact', '--json', log]);
    expect(raw.stdout).toContain('192.168.1.20');
    expect((JSON.parse(raw.stdout) as { redacted: boolean }).redacted).toBe(false);
  });

  it('keeps what is its own, not the log’s: the signature it names, and no notice when nothing was replaced', () => {
    const log = join(dir, 'clean.log');
    writeFileSync(
      log,
      '2026-01-01 10:00:02.000 ERROR (MainThread) [homeassistant.components.sensor] Configuring the template integration under the sensor platform key is not supported, it must be configured under its own template key instead\n',
    );
    const json = cli(['analyze', '--json', log]);
    expect(json.code).toBe(0);
    const [only] = (JSON.parse(json.stdout) as { incidents: { rca: { signature: string } }[] })
      .incidents;
    expect(only?.rca.signature).toBe('config.yaml_not_read');
    expect(cli(['analyze', log]).stdout).not.toContain('replaced by placeholders');
  });

  it("--knowledge FILE applies the user's own rules, as the running sidecar does", () => {
    const rules = join(dir, 'knowledge.yaml');
    writeFileSync(
      rules,
      [
        'rules:',
        '  - id: wled-nightly-power',
        '    match: communicating with WLED device',
        '    integration: wled',
        '    category: device_unavailable',
        '    remedy: notify_only',
        '    title: The WLED strip is switched off at night',
        '',
      ].join('\n'),
    );
    const without = JSON.parse(cli(['analyze', '--json', wled]).stdout) as Output;
    expect(without.incidents[0]?.category).toBe('setup_retry');
    const { code, stdout, stderr } = cli(['analyze', '--json', '--knowledge', rules, wled]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [incident] = (JSON.parse(stdout) as Output).incidents;
    expect(incident).toMatchObject({
      category: 'device_unavailable',
      title: 'The WLED strip is switched off at night',
    });
  });

  it('exits 2 naming the line of a bad knowledge file, or a missing one', () => {
    const bad = join(dir, 'bad-knowledge.yaml');
    writeFileSync(bad, 'rules:\n  - id: x\n    match: "(unclosed"\n    category: nope\n');
    const broken = cli(['analyze', '--json', '--knowledge', bad, wled]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(
      /bad-knowledge\.yaml:3: rules\.0\.match: is not a valid regular expression/,
    );
    const missing = cli(['analyze', '--knowledge', join(dir, 'none.yaml'), wled]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*none\.yaml: no such file/);
    expect(cli(['analyze', '--knowledge']).stderr).toContain('--knowledge needs a FILE');
  });

  it('exits 2 with the usage for a missing FILE or an unknown option', () => {
    for (const args of [['analyze'], ['analyze', '--yaml', wled], ['analyze', wled, wled]]) {
      const { code, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(
        'Usage: ha-llm-ops analyze [--json] [--no-redact] [--knowledge RULES] FILE',
      );
    }
  });

  it('is listed in --help', () => {
    expect(cli(['--help']).stdout).toMatch(
      /^ {2}analyze\s+explain the failures in a Home Assistant log/m,
    );
  });
});
