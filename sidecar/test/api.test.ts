import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as v from 'valibot';
import { Health } from '@ha-llm-ops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/server.js';

const TOKEN = 'test-token-0123456789abcdef';
let server: Server;
let base: string;
let haConnected = false;

beforeAll(async () => {
  const app = createApi({
    version: '9.9.9',
    apiToken: TOKEN,
    haStatus: () => ({ connected: haConnected, version: haConnected ? '2026.11.0' : null }),
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GET /api/health', () => {
  it('answers without a token (for the Supervisor watchdog), matching the contract', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const body = v.parse(Health, await res.json());
    expect(body).toEqual({
      status: 'ok',
      service: 'ha-llm-ops',
      version: '9.9.9',
      authenticated: false,
      ha: { connected: false, version: null },
    });
  });

  it('confirms a valid token and reports the HA link', async () => {
    haConnected = true;
    const res = await fetch(`${base}/api/health`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = v.parse(Health, await res.json());
    expect(body.authenticated).toBe(true);
    expect(body.ha).toEqual({ connected: true, version: '2026.11.0' });
  });

  it('rejects a wrong token with 401', async () => {
    const res = await fetch(`${base}/api/health`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid API token' });
  });
});

it('answers unknown API paths with a JSON 404', async () => {
  const res = await fetch(`${base}/api/nothing-here`);
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: 'no such endpoint' });
});
