import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

function cli(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(
    process.execPath,
    ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', ...args],
    { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
  );
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** A loopback port nobody listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

// Each case starts the CLI (a Node process with tsx): seconds apiece on a busy 2-core machine.
describe('ha-llm-ops CLI', { timeout: 60_000 }, () => {
  it('--help lists the commands and settings', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}run\s+watch Home Assistant/m);
    expect(stdout).toContain('HA_TOKEN');
  });

  it('run without settings exits non-zero naming HA_URL', () => {
    const { code, stderr } = cli(['run']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/HA_URL: is required/);
  });

  it('run with a bad port exits non-zero naming LLM_OPS_PORT', () => {
    const { code, stderr } = cli(['run'], {
      HA_URL: 'http://127.0.0.1:1',
      HA_TOKEN: 't',
      LLM_OPS_PORT: 'eighty',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/LLM_OPS_PORT: must be a whole number \(got "eighty"\)/);
  });

  it('run on a port that is taken exits non-zero with a clear error, not an API-less sidecar', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const { code, stderr } = cli(['run'], {
        HA_URL: 'http://127.0.0.1:1',
        HA_TOKEN: 't',
        LLM_OPS_HOST: '127.0.0.1',
        LLM_OPS_PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'llm-ops-port-')),
      });
      expect(code).toBe(1);
      expect(stderr).toContain(`cannot serve the API on 127.0.0.1:${port}`);
      expect(stderr).toMatch(/EADDRINUSE|address already in use/);
      expect(stderr).not.toContain('serving the API');
    } finally {
      taken.close();
    }
  });

  it('an unknown command exits 2 and points at --help', () => {
    const { code, stderr } = cli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('--help');
  });

  it('a second sidecar on the same data directory refuses to start; the first keeps running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-twice-'));
    const env = {
      HA_URL: 'http://127.0.0.1:1',
      HA_TOKEN: 't',
      LLM_OPS_HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    };
    const first = spawn(
      process.execPath,
      ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', 'run'],
      {
        cwd: repo,
        env: { PATH: process.env.PATH ?? '', ...env, LLM_OPS_PORT: String(await freePort()) },
      },
    );
    let out = '';
    first.stdout.on('data', (b: Buffer) => (out += b.toString()));
    first.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!out.includes('serving the API') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('serving the API');
      const second = cli(['run'], { ...env, LLM_OPS_PORT: String(await freePort()) });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/journal.*is in use by another sidecar/);
      expect(second.stderr).toContain('DATA_DIR');
      expect(first.exitCode).toBeNull(); // the first one is untouched
    } finally {
      if (first.exitCode === null) {
        first.kill('SIGTERM');
        await new Promise((r) => first.once('exit', r));
      }
    }
  }, 60_000);

  it('a corrupt journal is kept aside with a clear error, and the sidecar starts on a fresh one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'llm-ops-corrupt-'));
    writeFileSync(
      join(dataDir, 'journal.db'),
      'this is not a database, it is a shopping list\n'.repeat(100),
    );
    writeFileSync(join(dataDir, 'api-token'), 'a-token-that-must-survive-0123');
    const child = spawn(
      process.execPath,
      ['--conditions=@ha-llm-ops/source', '--import', 'tsx', 'sidecar/src/cli.ts', 'run'],
      {
        cwd: repo,
        env: {
          PATH: process.env.PATH ?? '',
          HA_URL: 'http://127.0.0.1:1',
          HA_TOKEN: 't',
          LLM_OPS_HOST: '127.0.0.1',
          LLM_OPS_PORT: String(await freePort()),
          DATA_DIR: dataDir,
        },
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!out.includes('serving the API') && child.exitCode === null && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('serving the API');
      const aside = readdirSync(dataDir).filter((f) => f.startsWith('journal.db.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dataDir, aside[0] ?? ''), 'utf8')).toContain('shopping list');
      expect(out).toMatch(
        /journal .*journal\.db is not a usable database.*kept as .*journal\.db\.corrupt-/,
      );
      expect(existsSync(join(dataDir, 'journal.db'))).toBe(true);
      expect(readFileSync(join(dataDir, 'api-token'), 'utf8')).toBe(
        'a-token-that-must-survive-0123',
      );
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  }, 60_000);
});
