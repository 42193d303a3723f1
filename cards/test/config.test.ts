/** The cards' configuration checks: what setConfig accepts and the errors HA shows. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@ha-llm-ops/panel/shared';
import { checkApprovalConfig, checkIncidentsConfig, severitiesFrom } from '../src/config.js';

describe('the incidents card’s configuration', () => {
  it('accepts the defaults, every option and the keys HA adds', () => {
    const config = {
      type: 'custom:llm-ops-incidents-card',
      title: 'Problems',
      max_items: 10,
      show_counts: false,
      min_severity: 'warning',
      integration: 'zha',
      entity: 'sensor.llm_ops_open_incidents',
      grid_options: { columns: 12 },
      visibility: [],
    };
    expect(checkIncidentsConfig(config)).toBe(config);
    expect(checkIncidentsConfig({ type: 'custom:llm-ops-incidents-card' })).toBeTruthy();
  });

  it.each([
    [null, /expected a mapping/],
    [[], /expected a mapping/],
    [{ max_items: 0 }, /max_items must be a whole number from 1 to 50/],
    [{ max_items: 2.5 }, /max_items/],
    [{ max_items: '5' }, /max_items/],
    [{ show_counts: 'no' }, /show_counts must be true or false/],
    [{ min_severity: 'fatal' }, /min_severity must be one of critical, error, warning, info/],
    [{ integration: 'Z-Wave JS' }, /integration must be an integration domain/],
    [{ entity: 'llm_ops' }, /entity must be an entity id/],
    [{ title: ['x'] }, /title must be text/],
  ])('rejects %j', (config, message) => {
    expect(() => checkIncidentsConfig(config)).toThrow(message);
  });
});

describe('the approval card’s configuration', () => {
  it('accepts its options and rejects bad ones', () => {
    expect(checkApprovalConfig({ type: 'x', max_items: 20, show_preview: false })).toBeTruthy();
    expect(() => checkApprovalConfig({ max_items: 21 })).toThrow(/from 1 to 20/);
    expect(() => checkApprovalConfig({ show_preview: 1 })).toThrow(/true or false/);
  });
});

describe('in German', () => {
  afterEach(() => setLanguage('en'));

  it('says what is wrong in the user’s language', () => {
    setLanguage('de');
    expect(() => checkIncidentsConfig({ max_items: 0 })).toThrow(
      'max_items muss eine ganze Zahl von 1 bis 50 sein',
    );
    expect(() => checkIncidentsConfig({ integration: 'Z-Wave JS' })).toThrow(
      'integration muss eine Integrationsdomäne wie zha sein, nicht „Z-Wave JS“',
    );
    expect(() => checkApprovalConfig(null)).toThrow(/^Ungültige Konfiguration/);
  });
});

it('lists the severities at least as severe as the minimum', () => {
  expect(severitiesFrom(undefined)).toEqual(['critical', 'error', 'warning', 'info']);
  expect(severitiesFrom('error')).toEqual(['critical', 'error']);
  expect(severitiesFrom('critical')).toEqual(['critical']);
});
