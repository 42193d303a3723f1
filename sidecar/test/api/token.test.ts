import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveApiToken, tokenMatches } from '../../src/api/token.js';

describe('resolveApiToken', () => {
  it('generates a token on first start, keeps it private, and reuses it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'token-')), 'data');
    const first = resolveApiToken(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'api-token'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'api-token')).mode & 0o077).toBe(0);
    expect(resolveApiToken(undefined, dir)).toBe(first);
  });

  it('uses the configured token over a stored one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    resolveApiToken(undefined, dir);
    expect(resolveApiToken('configured-token-123456', dir)).toBe('configured-token-123456');
  });
});

describe('tokenMatches', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
  });
});
