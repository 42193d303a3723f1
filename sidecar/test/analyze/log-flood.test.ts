/**
 * Log floods: Home Assistant's "logging too frequently" warning and a line repeated thousands
 * of times are explained as a flood with the quiet_logger action; a line a more specific
 * signature knows keeps that signature's explanation, and an ordinary repeat is no flood.
 */
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/analyze/offline/engine.js';
import { expectWellFormed, input, line, must } from './helpers.js';
import { analyze, at } from './log-file-lines.js';

const warning = (module: string) =>
  line(
    `Module ${module} is logging too frequently. 200 messages since last count`,
    'WARNING',
    'homeassistant.util.logging',
  );

describe('log floods', () => {
  it('names the module from HA’s warning and proposes quieting it', () => {
    const finding = must(
      analyzeOffline(
        input('fault_lab', [
          warning('custom_components.fault_lab.flood'),
          line(
            'Fault Lab hub repeated its last status update',
            'WARNING',
            'custom_components.fault_lab.flood',
            350,
          ),
        ]),
      ),
    );
    expectWellFormed(finding);
    expect(finding.rca.signature).toBe('log_flood.too_frequent');
    expect(finding.title).toBe('custom_components.fault_lab.flood floods the log');
    expect(finding.rca.root_cause).toContain('200 messages');
    expect(finding.rca.candidate_actions.map((a) => a.action_id)).toEqual(['quiet_logger']);
    // The action finds the logger in the evidence itself: nothing for a model to fill in.
    expect(finding.rca.candidate_actions[0]?.params).toEqual({});
  });

  it('a known failure repeated thousands of times keeps its own explanation', () => {
    const finding = must(
      analyzeOffline(
        input('nest', [
          line(
            'Error fetching data: 429 Too Many Requests',
            'ERROR',
            'homeassistant.components.nest',
            2500,
          ),
        ]),
      ),
    );
    expect(finding.rca.signature).toBe('rate_limit.too_many_requests');
  });

  it('a warning a log shows repeating every ten seconds is a flood at that pace', async () => {
    // pymiele logged this every ten seconds while Miele's cloud kept closing the connection.
    const times = ['20:48:02', '20:48:13', '20:48:23', '20:48:33', '20:48:43', '20:48:54'];
    const [only] = await analyze(
      ...times.map((t) => at(t, 'WARNING', 'pymiele.pymiele', 'Connection was closed, restarting')),
    );
    expect(only).toMatchObject({ category: 'log_flood', occurrences: 6 });
    expect(only?.rca.signature).toBe('log_flood.frequent_line');
    expect(only?.rca.root_cause).toContain('about every 10 s');
  });

  it('a UI viewer block that repeated every half minute is a flood at that pace', async () => {
    const block = (first: string, last: string) =>
      analyze(
        'Logger: homeassistant.components.mqtt.mixins',
        'Source: components/mqtt/mixins.py:557',
        `First occurred: ${first}`,
        `Last logged: ${last}`,
        '',
        'Erroneous JSON: {"in_progress": False}',
      );
    const [flood] = await block('9:06:29 AM (12 occurrences)', '9:13:32 AM');
    expect(flood?.rca.signature).toBe('log_flood.frequent_line');
    expect(flood?.rca.root_cause).toContain('about every 38 s');
    const slow = await block('08:58:38 (45 occurrences)', '12:28:39');
    expect(slow.map((i) => i.category)).not.toContain('log_flood');
  });

  it('an exception with its traceback at every update is explained as the error, not as noise', async () => {
    const [only] = await analyze(
      'Logger: homeassistant.helpers.entity',
      'Source: custom_components/samsungtv_smart/media_player.py:564',
      'First occurred: 09:35:39 (13 occurrences)',
      'Last logged: 09:38:24',
      '',
      'Update for media_player.samsung_tv fails',
      'Traceback (most recent call last):',
      '  File "/config/custom_components/samsungtv_smart/media_player.py", line 564, in _get_running_app',
      "UnboundLocalError: cannot access local variable 'st_running_app' where it is not associated with a value",
    );
    expect(only?.category).not.toBe('log_flood');
  });

  it("a debug capture's lines that come every ten seconds are evidence, not a flood", async () => {
    const times = ['20:48:02', '20:48:13', '20:48:23', '20:48:33', '20:48:43', '20:48:54'];
    const incidents = await analyze(
      ...times.map((t) => at(t, 'DEBUG', 'custom_components.salus', 'Polling the gateway')),
    );
    expect(incidents.map((i) => i.category)).not.toContain('log_flood');
  });

  it('a warning repeating every few minutes, or a handful at once, is no flood', async () => {
    const slow = ['10:00:00', '10:05:00', '10:10:00', '10:15:00', '10:20:00', '10:25:00'];
    const sparse = await analyze(
      ...slow.map((t) => at(t, 'WARNING', 'pymiele.pymiele', 'Connection was closed, restarting')),
    );
    expect(sparse.map((i) => i.category)).not.toContain('log_flood');
    const burst = await analyze(
      ...[1, 2, 3, 4].map((s) =>
        at(`10:00:0${s}`, 'WARNING', 'pymiele.pymiele', 'Connection was closed, restarting'),
      ),
    );
    expect(burst.map((i) => i.category)).not.toContain('log_flood');
  });

  it('an unknown line repeated a few hundred times is no flood', () => {
    const finding = analyzeOffline(
      input('tuya', [
        line('Device bf0a status payload has no dps field', 'WARNING', 'tuya_iot', 300),
      ]),
    );
    expect(finding?.rca.category).not.toBe('log_flood');
  });
});
