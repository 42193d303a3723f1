/**
 * Build sidecar/bundle/ha-llm-ops.js: the sidecar and the contracts in one ES module, every
 * npm dependency left external. The add-on image (built by the Supervisor from sidecar/
 * alone) and the npm package both run this file, so neither needs the workspace.
 *
 *   npm run bundle            write the bundle and sidecar/runtime-lock.json
 *   npm run bundle -- --check fail if the committed bundle differs from a fresh build
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const SIDECAR = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(SIDECAR, '..');
export const BUNDLE = join(SIDECAR, 'bundle/ha-llm-ops.js');
const LOCK = join(SIDECAR, 'runtime-lock.json');

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(SIDECAR, 'package.json'), 'utf8')) as Manifest;
const external = Object.keys(manifest.dependencies);
const isExternal = (id: string) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  external.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** The bundle's text, built in memory. */
export async function buildBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root: SIDECAR,
    // Contracts from their TypeScript sources: no `tsc -b` needed first.
    resolve: { conditions: ['@ha-llm-ops/source'] },
    ssr: { noExternal: true, resolve: { conditions: ['@ha-llm-ops/source', 'node'] } },
    build: {
      ssr: 'src/cli.ts',
      write: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        external: isExternal,
        output: { format: 'es', entryFileNames: 'ha-llm-ops.js', codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  if (chunks.length !== 1 || !chunks[0])
    throw new Error(`expected one chunk, got ${chunks.length}`);
  // Rolldown heads each module with its path relative to the working directory; make it
  // relative to the repository, so the bundle is the same wherever it is built from.
  const code = chunks[0].code.replace(
    /^\/\/ (\S+\.ts)$/gm,
    (_line, path: string) => `// ${relative(REPO, resolve(path))}`,
  );
  return code.startsWith('#!') ? code : `#!/usr/bin/env node\n${code}`;
}

/**
 * Lock the production dependencies. The image installs them with `npm ci` after
 * `npm pkg delete devDependencies scripts`, so the lock is resolved for that manifest.
 */
function writeRuntimeLock(): void {
  const { devDependencies: _d, scripts: _s, ...runtime } = manifest;
  const dir = mkdtempSync(join(tmpdir(), 'llm-ops-runtime-lock-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify(runtime, null, 2));
    execFileSync(
      'npm',
      [
        'install',
        '--package-lock-only',
        '--ignore-scripts',
        '--no-audit',
        '--omit-lockfile-registry-resolved',
      ],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
    writeFileSync(LOCK, readFileSync(join(dir, 'package-lock.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await buildBundle();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(BUNDLE, 'utf8');
    if (committed !== code) {
      console.error('sidecar/bundle/ha-llm-ops.js is stale: run `npm run bundle` and commit it');
      process.exit(1);
    }
    // stderr: `npm pack --json` runs this as prepack and owns stdout.
    console.error('sidecar/bundle/ha-llm-ops.js is current');
  } else {
    mkdirSync(dirname(BUNDLE), { recursive: true });
    writeFileSync(BUNDLE, code, { mode: 0o755 });
    console.log(`wrote ${BUNDLE} (${Math.round(code.length / 1024)} KiB)`);
    writeRuntimeLock();
    console.log(`wrote ${LOCK}`);
  }
}
