import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedLabel } from '../../src/package/redaction-key.js';
import { signalRedaction } from '../../src/package/signal-redaction.js';
import { signal } from '../helpers/pipeline.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlMTIzNDU2Nzg5MA';

describe('signalRedaction', () => {
  const failing = () =>
    signal({
      message: `Login to 192.0.2.10 failed with token ${TOKEN}`,
      data: { host: '192.0.2.10', headers: { authorization: `Bearer ${TOKEN}` } },
    });

  it('redacts the message and the data before the journal sees them', () => {
    const redact = signalRedaction({ label: keyedLabel(randomBytes(32)) });
    const out = redact(failing());
    const stored = JSON.stringify(out);
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain('192.0.2.10');
    expect(out.message).toMatch(
      /^Login to \[IP_[0-9a-f]{6}\] failed with token \[TOKEN_[0-9a-f]{6}\]$/,
    );
    expect(out).toMatchObject({ source: 'system_log', integration: 'fault_lab', count: 1 });
  });

  it('gives a repeat the same placeholders and data, which nothing downstream can change', () => {
    const redact = signalRedaction({ label: keyedLabel(randomBytes(32)) });
    const first = redact(failing());
    expect(() => {
      (first.data.headers as Record<string, string>).authorization = 'changed downstream';
    }).toThrow(TypeError);
    const again = redact({ ...failing(), observed_at: '2026-11-25T11:00:00.000Z' });
    expect(again.message).toBe(first.message);
    expect(again.observed_at).toBe('2026-11-25T11:00:00.000Z');
    expect((again.data.headers as Record<string, string>).authorization).toMatch(
      /^\[TOKEN_[0-9a-f]{6}\]$/,
    );
  });

  it('tells apart signals whose data differ under the same message', () => {
    const redact = signalRedaction({ label: keyedLabel(randomBytes(32)), ip: false });
    const a = redact(signal({ message: 'Timeout', data: { host: '192.0.2.10' } }));
    const b = redact(signal({ message: 'Timeout', data: { host: '192.0.2.11' } }));
    expect([a.data.host, b.data.host]).toEqual(['192.0.2.10', '192.0.2.11']);
  });
});
