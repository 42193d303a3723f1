/**
 * The leak corpus through production's per-signal redaction: every record is a
 * system_log signal, redacted by its own fresh Redactor (signalRedaction, with
 * keyed placeholders as the journal uses), and no seeded value may survive in
 * the message or anywhere in the data.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/package/redact.js';
import { keyedLabel } from '../../src/package/redaction-key.js';
import { signalRedaction } from '../../src/package/signal-redaction.js';
import { LEAK_KINDS, leakCorpus, leakSample, type LeakRecord } from '../fixtures/leak-corpus.js';

const corpus = leakCorpus();

/** A record as the system_log collector turns it into a signal. */
function signalOf(r: LeakRecord, i: number): Signal {
  const [first = '', ...rest] = r.message.split('\n');
  const isTrace = rest[0]?.startsWith('Traceback') ?? false;
  return {
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: new Date(Date.UTC(2026, 3, 15, 0, 0, i)).toISOString(),
    integration: null,
    entry_id: null,
    subject: null,
    severity: 'error',
    message: isTrace ? first : r.message,
    count: 1,
    data: {
      logger: r.logger,
      level: 'ERROR',
      source: ['components/x/__init__.py', 42],
      messages: [isTrace ? first : r.message],
      exception: isTrace ? rest.join('\n') : null,
      first_occurred: '2026-04-15T00:00:00.000Z',
    },
    sensitive: [],
  };
}

const leaksIn = (r: LeakRecord, out: string): string[] => r.secrets.filter((s) => out.includes(s));

describe('leak corpus', () => {
  const secrets = corpus.flatMap((r) => r.secrets);

  it('is large and varied: at least 1,000 seeded values of at least 12 kinds in many shapes', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(corpus.map((r) => r.kind)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(corpus.map((r) => r.shape)).size).toBeGreaterThanOrEqual(9);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('is deterministic: the same seed gives the same corpus, another seed another', () => {
    expect(leakCorpus()).toEqual(corpus);
    expect(leakCorpus(7)[0]?.secrets).not.toEqual(corpus[0]?.secrets);
  });

  it('holds every seeded value before redaction (the test can fail)', () => {
    const missing = corpus.filter((r) => leaksIn(r, r.message).length !== r.secrets.length);
    expect(missing).toEqual([]);
    for (const r of corpus) {
      const s = signalOf(r, 0);
      expect(leaksIn(r, JSON.stringify(s))).toEqual(r.secrets);
    }
  });

  it('the sample covers every kind in every shape', () => {
    const shapes = (rs: LeakRecord[]) => new Set(rs.map((r) => `${r.kind}/${r.shape}`));
    expect(shapes(leakSample())).toEqual(shapes(corpus));
    expect(new Set(leakSample().map((r) => r.kind)).size).toBe(LEAK_KINDS.length);
  });
});

describe('per-signal redaction of the leak corpus', () => {
  it('leaves 0 seeded values in any signal, message or data', () => {
    const redact = signalRedaction({ label: keyedLabel(Buffer.alloc(32, 7)) });
    const leaks = corpus.flatMap((r, i) => {
      const out = JSON.stringify(redact(signalOf(r, i)));
      return leaksIn(r, out).map((s) => `${r.kind}/${r.shape}: ${s} in ${out}`);
    });
    expect(leaks).toEqual([]);
  });

  it('leaves 0 seeded values when the record is redacted as one text (bundle, CLI)', () => {
    const leaks = corpus.flatMap((r) => {
      const out = new Redactor().text(r.message);
      return leaksIn(r, out).map((s) => `${r.kind}/${r.shape}: ${s} in ${out}`);
    });
    expect(leaks).toEqual([]);
  });

  it('leaves 0 seeded values when a JSON record is redacted as a value (config entries, diagnostics)', () => {
    const json = corpus.filter((r) => r.message.startsWith('{'));
    expect(json.length).toBeGreaterThan(100);
    const leaks = json.flatMap((r) => {
      const out = JSON.stringify(new Redactor().value(JSON.parse(r.message) as unknown));
      return leaksIn(r, out).map((s) => `${r.kind}/${r.shape}: ${s} in ${out}`);
    });
    expect(leaks).toEqual([]);
  });

  it('keeps the diagnostic words around a secret: the logger and the error survive', () => {
    const r = corpus.find((x) => x.kind === 'mqtt_password' && x.shape === 'key_value');
    const out = new Redactor().text(r?.message ?? '');
    expect(out).toContain('MQTT settings: server=mqtt://core-mosquitto:1883');
    expect(out).toMatch(/mqtt_password=\[PASSWORD_\d+\]/);
  });
});
