/**
 * How `npm run eval` decides what a label expects and whether a log names it at all.
 */
import { describe, expect, it } from 'vitest';
import { expectedDomain, namesIntegration, partScore } from '../../scripts/eval/score.js';

describe('the corpus scoring', () => {
  it('counts an add-on or the Supervisor as hassio', () => {
    expect(expectedDomain('addon:core_mosquitto')).toBe('hassio');
    expect(expectedDomain('supervisor')).toBe('hassio');
    expect(expectedDomain('tuya_local')).toBe('tuya_local');
  });

  it('sees the domain in any of the ways a log writes it', () => {
    expect(namesIntegration('Logger: custom_components.tuya_local.device', 'tuya_local')).toBe(
      true,
    );
    expect(namesIntegration('Error setting up Tuya Local device', 'tuya_local')).toBe(true);
    expect(namesIntegration('waste-collection-schedule failed', 'waste_collection_schedule')).toBe(
      true,
    );
    expect(namesIntegration('[core_mosquitto] Add-on is not running', 'hassio')).toBe(true);
    expect(namesIntegration('OSError: [Errno 113] Host is unreachable', 'tuya_local')).toBe(false);
  });

  it('scores attribution on the named cases apart', () => {
    const row = (named: boolean, integration: boolean) =>
      ({
        named,
        integration,
        category: true,
        remedy: true,
        expected: { category: 'other' },
        got: null,
      }) as never;
    const score = partScore([row(true, true), row(true, false), row(false, false)]);
    expect(score.integration).toBe(0.333);
    expect(score.named).toEqual({ cases: 2, integration: 0.5 });
  });

  it('tells remedies mistaken apart, and how often the remedy is right once the category is', () => {
    const row = (category: boolean, remedy: string, got: string | null) =>
      ({
        named: true,
        integration: true,
        category,
        remedy: remedy === got,
        expected: { category: 'setup_retry', remedy },
        got: got === null ? null : { category: 'setup_retry', remedy: got, confidence: 0.5 },
      }) as never;
    const score = partScore([
      row(true, 'reload_config_entry', 'check_network_or_device'),
      row(true, 'reload_config_entry', 'reload_config_entry'),
      row(false, 'notify_only', null),
    ]);
    expect(score.remedy_confusion).toEqual({
      reload_config_entry: { check_network_or_device: 1, reload_config_entry: 1 },
      notify_only: { '(none)': 1 },
    });
    expect(score.remedy_where_category_right).toBe(0.5);
  });

  it('scores each log shape apart, the most frequent first', () => {
    const row = (shape: string, right: boolean) =>
      ({
        shape,
        named: true,
        integration: right,
        category: right,
        remedy: false,
        expected: { category: 'other', remedy: 'notify_only' },
        got: null,
      }) as never;
    const score = partScore([
      row('bare-line', true),
      row('ui-log-viewer', true),
      row('ui-log-viewer', false),
      row('ui-log-viewer', false),
    ]);
    expect(Object.keys(score.by_shape)).toEqual(['ui-log-viewer', 'bare-line']);
    expect(score.by_shape['ui-log-viewer']).toEqual({
      cases: 3,
      category: 0.333,
      remedy: 0,
      integration: 0.333,
    });
    expect(score.by_shape['bare-line']).toEqual({
      cases: 1,
      category: 1,
      remedy: 0,
      integration: 1,
    });
  });
});
