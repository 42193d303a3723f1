import type { Signal } from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import { isNoise } from '../../src/analyze/noise.js';

/** A system log record as the system-log collector signals it. */
function record(logger: string, message: string, level = 'ERROR'): Signal {
  return {
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: '2026-12-07T10:00:00.000Z',
    integration: null,
    entry_id: null,
    subject: null,
    severity: 'error',
    message,
    count: 1,
    data: { logger, level, messages: [message], exception: null },
    sensitive: [],
  };
}

describe('which live log records open no incident', () => {
  it("drops what the user's own automation writes with system_log.write", () => {
    expect(
      isNoise(record('homeassistant.components.system_log.external', 'Garage door left open')),
    ).toBe(true);
  });

  it('keeps the same words from an integration', () => {
    expect(isNoise(record('homeassistant.components.zha', 'Garage door left open'))).toBe(false);
  });
});
