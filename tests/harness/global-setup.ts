/**
 * Vitest global setup of the end-to-end and browser suites: make sure the dev
 * HA runs, and stop it afterwards only if this run started it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_DIR, haDown, haUp } from './ha-dev.js';

export default async function setup(): Promise<() => Promise<void>> {
  const wasRunning = existsSync(join(DEV_DIR, 'state.json'));
  await haUp();
  return async () => {
    if (!wasRunning) await haDown();
  };
}
