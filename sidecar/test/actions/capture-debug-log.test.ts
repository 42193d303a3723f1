/**
 * capture_debug_log checks every parameter in code: only the incident's integration, a window
 * of 30 to 600 whole seconds (120 by default), nothing else; it refuses where nothing could be
 * captured or kept redacted, and its window is the temporary change's lifetime.
 */
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import {
  CAPTURE_DEFAULT_S,
  captureDebugLog,
  captureSeconds,
} from '../../src/actions/capture-debug-log.js';
import type { IncidentRecord } from '../../src/journal/journal.js';

function ctx(over: Partial<ActionContext> = {}, integration: string | null = 'fault_lab') {
  return {
    incident: { id: 'inc_1', integration } as IncidentRecord,
    supervisor: null,
    haHttp: { baseUrl: 'http://127.0.0.1:1/api', token: 't' },
    redact: (t: string) => t,
    revertAfterS: 3600,
    ...over,
  } as unknown as ActionContext;
}

describe('capture_debug_log parameters', () => {
  it('fills the incident’s integration and the default window', async () => {
    expect(await captureDebugLog.resolve(ctx(), {})).toEqual({
      integration: 'fault_lab',
      seconds: CAPTURE_DEFAULT_S,
    });
    expect(CAPTURE_DEFAULT_S).toBe(120);
  });

  it('takes a window from 30 to 600 whole seconds, also written as digits', async () => {
    expect(await captureDebugLog.resolve(ctx(), { seconds: 30 })).toMatchObject({ seconds: 30 });
    expect(await captureDebugLog.resolve(ctx(), { seconds: '600' })).toMatchObject({
      seconds: 600,
    });
  });

  it.each([[29], [601], [0], [-30], [90.5], ['2 minutes'], [true], ['']])(
    'refuses seconds %j',
    async (seconds) => {
      await expect(captureDebugLog.resolve(ctx(), { seconds })).rejects.toThrow(
        'seconds must be a whole number from 30 to 600',
      );
    },
  );

  it('refuses another integration, an incident without one, and unknown parameters', async () => {
    await expect(captureDebugLog.resolve(ctx(), { integration: 'hue' })).rejects.toThrow(
      "integration must be the incident's integration (fault_lab)",
    );
    await expect(captureDebugLog.resolve(ctx({}, null), {})).rejects.toThrow(
      "integration must be the incident's integration (none)",
    );
    await expect(captureDebugLog.resolve(ctx(), { level: 'debug' })).rejects.toThrow(
      'unknown parameter level',
    );
  });

  it('refuses where the log cannot be read or what it captures cannot be redacted', async () => {
    await expect(
      captureDebugLog.resolve(ctx({ haHttp: undefined, supervisor: null }), {}),
    ).rejects.toThrow('cannot be read here');
    await expect(captureDebugLog.resolve(ctx({ redact: undefined }), {})).rejects.toThrow(
      'cannot be read here',
    );
  });

  it('lasts its window, not the general revert time, and describes itself', () => {
    expect(captureDebugLog.temporary).toBe(true);
    expect(captureDebugLog.lastsS?.({ integration: 'fault_lab', seconds: 45 })).toBe(45);
    expect(captureSeconds(undefined)).toBe(120);
    const preview = captureDebugLog.preview(ctx(), { integration: 'fault_lab', seconds: 180 });
    expect(preview.summary).toContain('fault_lab at debug level for 3 min');
    expect(preview.backup).toBeNull();
    expect(preview.verification.map((v) => v.kind)).toEqual(['log_level_set']);
    expect(captureDebugLog.risk).toBe('low');
  });

  it('undoes nothing when the level was never changed', async () => {
    expect(await captureDebugLog.rollback(ctx(), { integration: 'fault_lab' }, {})).toEqual({
      attempted: false,
      succeeded: true,
      detail: 'the level was never changed',
    });
  });
});
