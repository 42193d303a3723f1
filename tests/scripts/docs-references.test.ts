/**
 * Documents cite only what is in the repository: every relative link and every
 * file path written in backticks (`sidecar/src/…`, `docs/…`) names a file or
 * folder that exists. A moved or deleted file fails here until its mentions follow.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');

/** The repository's own documents (not vendored, not generated). */
const DOCUMENTS = execFileSync('git', ['ls-files', '*.md'], { cwd: REPO, encoding: 'utf8' })
  .split('\n')
  .filter(
    (f) => f && !f.startsWith('tests/corpus/cases/') && !f.startsWith('tests/corpus/no-fault/'),
  );

/** Top-level folders and files a path in backticks may start with. */
const ROOTS = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => f.split('/')[0] ?? '');
const TOP = new Set(ROOTS.filter((r) => r.length > 0));

/** What a document cites: relative link targets and backticked repository paths. */
function citations(file: string): { target: string; from: string }[] {
  const text = readFileSync(join(REPO, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const found: { target: string; from: string }[] = [];
  for (const m of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
    const link = m[1] ?? '';
    if (/^[a-z]+:/i.test(link) || link.startsWith('/')) continue; // URLs, absolute paths
    found.push({ target: normalize(join(dirname(file), decodeURI(link))), from: link });
  }
  for (const m of text.matchAll(/`([A-Za-z0-9_.-]+\/[A-Za-z0-9_./<>*-]+)`/g)) {
    const path = m[1] ?? '';
    const top = path.split('/')[0] ?? '';
    // Only paths into this repository, and only concrete ones (no <placeholders> or globs).
    if (!TOP.has(top) || /[<>*]/.test(path)) continue;
    found.push({ target: normalize(path.replace(/\/$/, '')), from: path });
  }
  return found;
}

describe('documents', () => {
  it('are found', () => {
    expect(DOCUMENTS).toContain('README.md');
    expect(DOCUMENTS).toContain('CONTRIBUTING.md');
  });

  it.each(DOCUMENTS)('%s cites only files in the repository', (file) => {
    const missing = citations(file)
      .filter(({ target }) => !existsSync(join(REPO, target)))
      .map(({ from }) => from);
    expect(missing).toEqual([]);
  });
});
