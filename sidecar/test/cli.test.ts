import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

describe('ha-llm-ops CLI', () => {
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
});
