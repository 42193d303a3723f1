/**
 * The journal's placeholders are keyed hashes of the secrets they stand for:
 * the same IP or token reads the same everywhere (signals, titles, bundles),
 * and, keyed, a placeholder cannot be traced back by trying candidate values.
 * The key is generated on first start and never leaves the data dir.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The data dir's redaction key (created on first use, readable by the owner only). */
export function redactionKey(dataDir: string): Buffer {
  const file = join(dataDir, 'redaction-key');
  try {
    const stored = readFileSync(file);
    if (stored.length >= 32) return stored;
  } catch {
    // first start
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** A placeholder label: six hex digits of the keyed hash of kind and value. */
export function keyedLabel(key: Buffer): (kind: string, value: string) => string {
  return (kind, value) =>
    createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex').slice(0, 6);
}
