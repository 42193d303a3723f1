/**
 * Docker cannot run here, so the distribution tests read sidecar/Dockerfile and
 * carry out its steps with plain shell commands: a parser for the instructions
 * the file uses, the .dockerignore rules, and a runner that builds each stage
 * into a folder of its own.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** One instruction, continuation lines joined. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  /** `FROM <image> [AS <name>]`, with build arguments substituted. */
  image: string;
  name: string | null;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Parse a Dockerfile: comments dropped, `\` continuations joined, ARG defaults substituted in FROM. */
export function parseDockerfile(text: string): Dockerfile {
  const instructions: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (pending && line.trim().startsWith('#')) return;
    if (!pending) start = i + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      return;
    }
    const full = `${pending}${line.trim()}`.trim();
    pending = '';
    const m = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(full);
    if (!m?.[1] || m[2] === undefined)
      throw new Error(`Dockerfile line ${start}: cannot parse ${full}`);
    instructions.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start });
  });
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m?.[1]) throw new Error(`Dockerfile line ${ins.line}: bad FROM`);
      const image = m[1].replace(/\$\{?(\w+)\}?/g, (_s, name: string) => globalArgs[name] ?? '');
      stages.push({ image, name: m[2] ?? null, instructions: [] });
    } else if (stages.length === 0) {
      if (ins.keyword !== 'ARG')
        throw new Error(`Dockerfile line ${ins.line}: ${ins.keyword} before FROM`);
      const [name, value = ''] = ins.args.split('=', 2);
      if (name) globalArgs[name] = value;
    } else stages.at(-1)?.instructions.push(ins);
  }
  return { globalArgs, stages };
}

/** The JSON array of an exec-form instruction (CMD, ENTRYPOINT, HEALTHCHECK's CMD). */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string'))
    throw new Error(`not an exec form: ${args}`);
  return parsed as string[];
}

/** `ENV A=1 B=2` as a record (values without spaces or quotes, as the Dockerfile writes them). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ins of stage.instructions.filter((i) => i.keyword === 'ENV'))
    for (const pair of ins.args.split(/\s+/)) {
      const [k, v] = pair.split('=', 2);
      if (k && v !== undefined) env[k] = v;
    }
  return env;
}

/** The last instruction of a kind in a stage. */
export function last(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1);
}

/** The shell commands of every RUN of a stage, split at `&&`. */
export function runCommands(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => i.keyword === 'RUN')
    .flatMap((i) => i.args.split('&&').map((c) => c.replace(/\s+/g, ' ').trim()));
}

/** .dockerignore: the last matching rule wins; a rule matching a parent folder matches its content. */
export function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      const re = pattern
        .split('')
        .map((c, i, all) => {
          if (c === '*') return all[i + 1] === '*' ? '' : all[i - 1] === '*' ? '.*' : '[^/]*';
          if (c === '?') return '[^/]';
          return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { negate, re: new RegExp(`^${re}$`) };
    });
  return (path) => {
    const parts = path.split('/');
    let excluded = false;
    for (const rule of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (rule.re.test(parts.slice(0, n).join('/'))) {
          excluded = !rule.negate;
          break;
        }
      }
    }
    return excluded;
  };
}

/** What the runner did instead of a command that needs the network or the system's package manager. */
export interface Substitution {
  stage: string;
  command: string;
  instead: string;
}

export interface BuildOptions {
  /** The build context (the sidecar folder). */
  context: string;
  /** Where the stages are built: one folder per stage. */
  workdir: string;
  /** The repository whose installed node_modules stands in for `npm ci` (same versions). */
  repo: string;
}

/** A stage built into a folder: its root stands for `/`. */
export interface BuiltStage {
  stage: Stage;
  root: string;
  /** WORKDIR inside the stage (absolute, as in the Dockerfile). */
  workdir: string;
}

const inside = (parent: string, child: string) =>
  child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

function walk(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(dir, r) : [r];
  });
}

/**
 * Stand in for `npm ci --omit=dev`: the registry is not reachable from tests and
 * compiling better-sqlite3 takes minutes. npm itself first checks the stage's
 * package.json against its package-lock.json (`npm ci --dry-run --offline`, which
 * fails on any mismatch); then every package the lock installs is linked from the
 * repository's node_modules, which must hold the locked version. A dependency the
 * lock lacks is therefore missing from the runtime stage, as in the image.
 * better-sqlite3 is copied, not linked, because the Dockerfile prunes files from it.
 */
function installLocked(repo: string, stage: string, command: string): void {
  const check = spawnSync(
    'sh',
    ['-c', `${command} --dry-run --offline --ignore-scripts --no-audit --no-fund`],
    { cwd: stage, encoding: 'utf8' },
  );
  if (check.status !== 0)
    throw new Error(`${command}: npm refuses the lock:\n${check.stdout}${check.stderr}`);
  const lock = JSON.parse(readFileSync(join(stage, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev) continue;
    const from = join(repo, path);
    const installed = existsSync(join(from, 'package.json'))
      ? (JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { version: string })
      : null;
    if (installed?.version !== entry.version)
      throw new Error(
        `${path}: the lock wants ${entry.version ?? '?'}, the repository has ${installed?.version ?? 'nothing'}`,
      );
    const to = join(stage, path);
    mkdirSync(dirname(to), { recursive: true });
    if (path === 'node_modules/better-sqlite3')
      cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    else if (!existsSync(to)) symlinkSync(from, to);
  }
}

/** `rm -rf` only inside the stage and never through a link (a link leads into the repository). */
function checkRemoval(command: string, cwd: string, root: string): void {
  for (const arg of command.split(' ').slice(2)) {
    const target = resolve(cwd, arg);
    if (!inside(root, target)) throw new Error(`${command}: ${arg} is outside the stage`);
    let p = root;
    for (const part of relative(root, target).split(sep)) {
      p = join(p, part);
      if (existsSync(p) && lstatSync(p).isSymbolicLink())
        throw new Error(`${command}: ${arg} goes through the link ${relative(root, p)}`);
    }
  }
}

/**
 * Build every stage in order: WORKDIR, COPY (from the context with .dockerignore,
 * or from an earlier stage) and RUN. `apk add` and `npm cache clean` are recorded,
 * not run; `npm ci` is substituted (see installDependencies); every other command
 * runs with `sh -c` in the stage's working directory.
 */
export function buildStages(
  file: Dockerfile,
  opts: BuildOptions,
): { stages: BuiltStage[]; substitutions: Substitution[]; apk: Record<string, string[]> } {
  const ignored = dockerignore(readFileSync(join(opts.context, '.dockerignore'), 'utf8'));
  const built: BuiltStage[] = [];
  const substitutions: Substitution[] = [];
  const apk: Record<string, string[]> = {};
  file.stages.forEach((stage, index) => {
    const label = stage.name ?? `stage${index}`;
    const root = join(opts.workdir, label);
    mkdirSync(root, { recursive: true });
    let workdir = '/';
    const at = (p: string) => join(root, isAbsolute(p) ? p : join(workdir, p));
    for (const ins of stage.instructions) {
      if (ins.keyword === 'WORKDIR') {
        workdir = ins.args;
        mkdirSync(at('.'), { recursive: true });
      } else if (ins.keyword === 'COPY') {
        const words = ins.args.split(/\s+/);
        const from = words[0]?.startsWith('--from=')
          ? words.shift()?.slice('--from='.length)
          : null;
        const dest = words.pop() ?? '';
        const intoDir = dest.endsWith('/') || words.length > 1;
        for (const src of words) {
          if (from) {
            const source = built.find((b) => b.stage.name === from);
            if (!source) throw new Error(`line ${ins.line}: no stage ${from}`);
            const path = join(source.root, src);
            if (!existsSync(path)) throw new Error(`line ${ins.line}: ${src} not found in ${from}`);
            const to =
              intoDir && !statSync(path).isDirectory() ? join(at(dest), basename(src)) : at(dest);
            cpSync(path, to, { recursive: true, verbatimSymlinks: true });
            continue;
          }
          const path = join(opts.context, src);
          if (!existsSync(path) || ignored(src))
            throw new Error(`line ${ins.line}: ${src} is not in the build context`);
          if (statSync(path).isDirectory()) {
            for (const f of walk(path)) {
              if (ignored(`${src}/${f}`)) continue;
              mkdirSync(dirname(join(at(dest), f)), { recursive: true });
              cpSync(join(path, f), join(at(dest), f));
            }
          } else {
            const to = intoDir ? join(at(dest), basename(src)) : at(dest);
            mkdirSync(dirname(to), { recursive: true });
            cpSync(path, to);
          }
        }
      } else if (ins.keyword === 'RUN') {
        for (const command of runCommands({ ...stage, instructions: [ins] })) {
          if (command.startsWith('apk add')) {
            apk[label] = [
              ...(apk[label] ?? []),
              ...command
                .split(' ')
                .filter((w) => !w.startsWith('-'))
                .slice(2),
            ];
          } else if (command.startsWith('npm cache clean')) {
            substitutions.push({ stage: label, command, instead: 'nothing (no cache here)' });
          } else if (command.startsWith('npm ci')) {
            if (!command.includes('--omit=dev'))
              throw new Error(
                `line ${ins.line}: ${command}: the image installs production packages only`,
              );
            installLocked(opts.repo, at('.'), command);
            substitutions.push({ stage: label, command, instead: 'linked the locked packages' });
          } else {
            if (command.startsWith('rm ')) checkRemoval(command, at('.'), root);
            const res = spawnSync('sh', ['-c', command], { cwd: at('.'), encoding: 'utf8' });
            if (res.status !== 0)
              throw new Error(
                `line ${ins.line}: ${command} failed (${res.status}):\n${res.stdout}${res.stderr}`,
              );
          }
        }
      }
    }
    built.push({ stage, root, workdir });
  });
  return { stages: built, substitutions, apk };
}
