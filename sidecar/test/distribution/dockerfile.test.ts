/**
 * The image without Docker: sidecar/Dockerfile is parsed and its stages are
 * carried out as plain shell steps in a temporary folder per stage (see
 * dockerfile.ts for the two substitutions: `npm ci` and `apk add`). The built
 * runtime stage must then answer `--help`, start, pass its own HEALTHCHECK, and
 * drop root outside the Supervisor. The npm package is checked the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { freePort } from '../../../tests/harness/ha-dev.js';
import {
  type BuiltStage,
  buildStages,
  dockerignore,
  envOf,
  execForm,
  last,
  parseDockerfile,
  runCommands,
  type Substitution,
} from './dockerfile.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The build context: the add-on's own folder, as the Supervisor builds it. */
const CONTEXT = join(REPO, 'sidecar');
const dockerfile = parseDockerfile(readFileSync(join(REPO, 'sidecar/Dockerfile'), 'utf8'));
const addon = parseYaml(readFileSync(join(REPO, 'sidecar/config.yaml'), 'utf8')) as {
  ingress_port?: number;
};

/** The value, or a failed test naming what was missing. */
function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`);
  return value;
}

const deps = must(dockerfile.stages[0], 'the deps stage');
const runtime = must(dockerfile.stages[1], 'the runtime stage');
const instruction = (keyword: string) => must(last(runtime, keyword), keyword).args;

describe('sidecar/Dockerfile', () => {
  it('builds in stages from a small Node 24 LTS Alpine base, the Node every part runs on', () => {
    expect(dockerfile.globalArgs.BUILD_FROM).toBe('node:24-alpine');
    expect(dockerfile.stages.map((s) => [s.image, s.name])).toEqual([
      ['node:24-alpine', 'deps'],
      ['node:24-alpine', null],
    ]);
    const major = (range: string) => /(\d+)/.exec(range)?.[1];
    const engines = (path: string) =>
      (JSON.parse(readFileSync(join(REPO, path), 'utf8')) as { engines: { node: string } }).engines
        .node;
    expect(major(engines('sidecar/package.json'))).toBe('24');
    expect(major(engines('package.json'))).toBe('24');
    expect(readFileSync(join(REPO, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it('installs the production dependencies from the lock with no compiler (prebuilt binaries)', () => {
    expect(runCommands(deps).slice(0, 3)).toEqual([
      'npm pkg delete devDependencies scripts',
      'mv runtime-lock.json package-lock.json',
      'npm ci --omit=dev --no-audit --no-fund',
    ]);
    expect(runCommands(deps).some((c) => c.startsWith('apk add'))).toBe(false);
  });

  it('keeps compilers out of the runtime stage', () => {
    expect(runCommands(runtime)).toEqual(['apk add --no-cache su-exec']);
    const copied = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copied).toContain('--from=deps /app/node_modules node_modules');
    expect(copied.some((c) => c.includes('/src'))).toBe(false);
  });

  it('starts `node bundle/ha-llm-ops.js run`, on the ingress port, with a health check', () => {
    expect(execForm(instruction('CMD'))).toEqual([
      'node',
      '--max-old-space-size=64',
      '--max-semi-space-size=4',
      'bundle/ha-llm-ops.js',
      'run',
    ]);
    const env = envOf(runtime);
    expect(env).toMatchObject({ DATA_DIR: '/data', NODE_ENV: 'production' });
    // The Supervisor's default ingress port, which config.yaml leaves unsaid.
    const ingressPort = addon.ingress_port ?? 8099;
    expect(Number(env.LLM_OPS_PORT)).toBe(ingressPort);
    expect(instruction('EXPOSE')).toBe(String(ingressPort));
    const health = instruction('HEALTHCHECK');
    expect(health).toMatch(/^--interval=\S+ --timeout=\S+ --start-period=\S+ --retries=\d+ CMD \[/);
    expect(execForm(health).join(' ')).toContain('/api/health');
  });

  it('sends only what the image needs as build context', () => {
    const ignored = dockerignore(readFileSync(join(CONTEXT, '.dockerignore'), 'utf8'));
    for (const secret of ['.env', 'data/api-token', 'node_modules/yaml/package.json'])
      expect(ignored(secret), secret).toBe(true);
    for (const source of ['src/cli.ts', 'test/cli.test.ts', 'dist/cli.js', 'scripts/bundle.ts'])
      expect(ignored(source), source).toBe(true);
    for (const needed of [
      'package.json',
      'runtime-lock.json',
      'bundle/ha-llm-ops.js',
      'public/index.html',
    ])
      expect(ignored(needed), needed).toBe(false);
  });
});

describe('the Dockerfile steps run as shell commands', () => {
  let work: string;
  let stages: BuiltStage[];
  let substitutions: Substitution[];
  let apk: Record<string, string[]>;
  let app: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'llm-ops-docker-'));
    ({ stages, substitutions, apk } = buildStages(dockerfile, {
      context: CONTEXT,
      workdir: work,
      repo: REPO,
    }));
    const final = must(stages.at(-1), 'the built runtime stage');
    app = join(final.root, final.workdir);
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('substitutes only the package installs', () => {
    expect(substitutions.map((s) => [s.stage, s.command.split(' ').slice(0, 2).join(' ')])).toEqual(
      [
        ['deps', 'npm ci'],
        ['deps', 'npm cache'],
      ],
    );
    // better-sqlite3 ships its musl binaries: no compiler anywhere.
    expect(apk).toEqual({ stage1: ['su-exec'] });
  });

  it('leaves the bundle, the ingress page and a production manifest, and no sources, in the runtime stage', () => {
    const cli = readFileSync(join(app, 'bundle/ha-llm-ops.js'), 'utf8');
    expect(cli.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(() => readFileSync(join(app, 'public/index.html'))).not.toThrow();
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.name).toBe('ha-llm-ops');
    expect(manifest).not.toHaveProperty('devDependencies');
    for (const gone of ['src/cli.ts', 'dist/cli.js', 'runtime-lock.json', 'scripts/bundle.ts'])
      expect(() => readFileSync(join(app, gone)), gone).toThrow();
    // Only Linux binaries of better-sqlite3 are left (musl for the image), and it still loads.
    expect(readdirSync(join(app, 'node_modules/better-sqlite3/prebuilds')).sort()).toEqual([
      'linux-arm64.node',
      'linux-x64.node',
      'linuxmusl-arm64.node',
      'linuxmusl-x64.node',
    ]);
    const sqlite = spawnSync(
      process.execPath,
      ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(sqlite.stderr).toBe('');
    expect(sqlite.status).toBe(0);
  });

  it('answers `node bundle/ha-llm-ops.js --help`', () => {
    const cmd = execForm(instruction('CMD')).map((a) => (a === 'run' ? '--help' : a));
    const res = spawnSync(must(cmd[0], 'CMD'), cmd.slice(1), { cwd: app, encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Usage: ha-llm-ops <command>');
  });

  it('runs as root under the Supervisor and as `node` standalone (ENTRYPOINT)', () => {
    const entrypoint = execForm(instruction('ENTRYPOINT'));
    const shims = join(work, 'shims');
    const calls = join(work, 'calls.log');
    const shim = (name: string, body: string) => {
      writeFileSync(join(shims, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(shims, name), 0o755);
    };
    mkdirSync(shims, { recursive: true });
    shim('id', 'echo 0'); // as root, whoever runs the tests
    shim('chown', `echo "chown $*" >> "${calls}"`);
    shim('su-exec', `echo "su-exec $1" >> "${calls}"; shift; exec "$@"`);
    const cmd = ['node', 'bundle/ha-llm-ops.js', '--help'];
    const run = (extra: Record<string, string>) => {
      writeFileSync(calls, '');
      const res = spawnSync(must(entrypoint[0], 'ENTRYPOINT'), [...entrypoint.slice(1), ...cmd], {
        cwd: app,
        encoding: 'utf8',
        env: {
          PATH: `${shims}:${process.env.PATH ?? ''}`,
          DATA_DIR: join(work, 'data'),
          ...extra,
        },
      });
      expect(res.stdout).toContain('Usage: ha-llm-ops');
      return readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean);
    };
    expect(run({})).toEqual([`chown -R node:node ${join(work, 'data')}`, 'su-exec node']);
    expect(run({ SUPERVISOR_TOKEN: 'supervisor-token' })).toEqual([]);
  });

  it('starts the sidecar, which passes the HEALTHCHECK', async () => {
    const port = await freePort();
    const closed = await freePort();
    const child = spawn(process.execPath, ['bundle/ha-llm-ops.js', 'run'], {
      cwd: app,
      env: {
        PATH: process.env.PATH ?? '',
        ...envOf(runtime),
        DATA_DIR: join(work, 'run-data'),
        LLM_OPS_PORT: String(port),
        LLM_OPS_HOST: '127.0.0.1',
        HA_URL: `http://127.0.0.1:${closed}`,
        HA_TOKEN: 'not-checked-ha-never-answers',
        // Loopback stands in for the Supervisor's ingress proxy, to fetch the ingress page.
        LLM_OPS_INGRESS_PEER: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    const health = execForm(instruction('HEALTHCHECK'));
    const check = () =>
      spawnSync(must(health[0], 'HEALTHCHECK'), health.slice(1), {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', LLM_OPS_PORT: String(port) },
      }).status;
    try {
      const deadline = Date.now() + 30_000;
      while (check() !== 0) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`the built sidecar never became healthy:\n${log}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      // The log line follows the listening socket by a moment.
      for (let i = 0; i < 50 && !/serving the API/.test(log); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(log).toMatch(/serving the API on 127\.0\.0\.1:\d+/);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>LLM Ops</title>');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(check()).toBe(1);
  }, 60_000);

  it('packs an npx-runnable npm package with registry dependencies only', () => {
    const res = spawnSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: CONTEXT,
      encoding: 'utf8',
    });
    expect(res.status, res.stderr).toBe(0);
    const [first] = JSON.parse(res.stdout) as { files: { path: string }[]; name: string }[];
    const pack = must(first, 'the pack report');
    const files = pack.files.map((f) => f.path).sort();
    const manifest = JSON.parse(readFileSync(join(CONTEXT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pack.name).toBe('ha-llm-ops');
    expect(manifest.bin).toEqual({ 'ha-llm-ops': 'bundle/ha-llm-ops.js' });
    expect(files).toEqual([
      'bundle/ha-llm-ops.js',
      'package.json',
      'public/index.html',
      'public/llm-ops-ingress.js',
    ]);
    // The workspace's contracts are inlined: everything npm installs comes from the registry.
    expect(Object.keys(manifest.dependencies).filter((d) => d.startsWith('@ha-llm-ops/'))).toEqual(
      [],
    );
  }, 120_000);
});
