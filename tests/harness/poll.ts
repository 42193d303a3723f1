/** Waiting in the real HA's pages: retry an assertion until it holds (or `timeout` ms pass). */
import { expect } from 'vitest';

export function poll<T>(
  fn: () => Promise<T> | T,
  timeout = 60_000,
): ReturnType<typeof expect.poll<T>> {
  return expect.poll(fn, { timeout, interval: 500 });
}
