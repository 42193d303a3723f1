/**
 * The log window under Supervisor: what the core log gained after the line last seen when the
 * window opened, as whole records — not what was there before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeSupervisor,
  type FakeSupervisor,
} from '../../../tests/harness/fake-supervisor.js';
import { markLog, recordsSince, recordText } from '../../src/ha/log-window.js';
import { SupervisorClient } from '../../src/supervisor/client.js';

let fake: FakeSupervisor;
let supervisor: SupervisorClient;

const line = (t: string, level: string, logger: string, msg: string) =>
  `2026-12-04 09:00:${t} ${level} (MainThread) [${logger}] ${msg}`;

beforeAll(async () => {
  fake = await startFakeSupervisor({
    coreLog: [
      line('01.000', 'INFO', 'homeassistant.core', 'Starting Home Assistant'),
      line('02.000', 'DEBUG', 'custom_components.fault_lab', 'before the window'),
    ],
  });
  supervisor = new SupervisorClient(fake.url, fake.token);
});

afterAll(() => fake.close());

describe('the log window under Supervisor', () => {
  it('holds only what was logged after it opened, tracebacks included', async () => {
    const mark = await markLog({ supervisor });
    expect(mark).toEqual({
      source: 'supervisor',
      anchor: expect.stringContaining('before the window'),
    });
    fake.state.coreLog.push(
      line('03.000', 'DEBUG', 'custom_components.fault_lab.coordinator', 'Polling hub'),
      line('04.000', 'ERROR', 'custom_components.fault_lab', 'Error parsing reading'),
      'Traceback (most recent call last):',
      '  File "/config/custom_components/fault_lab/coordinator.py", line 60, in _parse',
      'TypeError: boom',
    );
    const records = await recordsSince({ supervisor }, mark);
    expect(records.map((r) => r.message)).toEqual(['Polling hub', 'Error parsing reading']);
    const [, error] = records;
    expect(error && recordText(error)).toMatch(
      /Error parsing reading\nTraceback[\s\S]*TypeError: boom$/,
    );
  });

  it('cannot be read without a Supervisor or Home Assistant’s address', async () => {
    await expect(markLog({ supervisor: null })).rejects.toThrow('cannot be reached');
  });
});
