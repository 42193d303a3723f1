/**
 * Dates in the panel follow Home Assistant's time zone, as HA's own frontend
 * does: the home's configured zone, or the browser's when the user's profile
 * asks for local time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  amount,
  dateTime,
  haTimeZone,
  milliseconds,
  showTimesIn,
} from '../src/shared/ui/format.js';

describe('dates in Home Assistant’s time zone', () => {
  afterEach(() => showTimesIn(undefined));

  it('shows an instant on the clock of the home’s zone, whatever the browser’s', () => {
    const at = '2026-11-25T10:30:00Z';
    showTimesIn(haTimeZone({ config: { time_zone: 'Pacific/Auckland' } }));
    expect(dateTime(at, 'en-GB')).toContain('23:30:00');
    showTimesIn(haTimeZone({ config: { time_zone: 'America/New_York' } }));
    expect(dateTime(at, 'en-GB')).toContain('05:30:00');
  });

  it('follows the profile’s choice of the browser’s zone, and falls back on an unknown zone', () => {
    expect(
      haTimeZone({ config: { time_zone: 'Europe/Berlin' }, locale: { time_zone: 'local' } }),
    ).toBeUndefined();
    expect(
      haTimeZone({ config: { time_zone: 'Europe/Berlin' }, locale: { time_zone: 'server' } }),
    ).toBe('Europe/Berlin');
    showTimesIn('Not/A_Zone');
    expect(dateTime('2026-11-25T10:30:00Z', 'en-GB')).toMatch(/2026/);
  });
});

describe('what a model call took', () => {
  it('shows small costs with three significant digits, larger ones to the cent', () => {
    expect(amount(0, 'en-US')).toBe('0');
    expect(amount(0.006123, 'en-US')).toBe('0.00612');
    expect(amount(0.12, 'en-US')).toBe('0.12');
    expect(amount(12.3456, 'en-US')).toBe('12.35');
    expect(amount(0.12, 'de-DE')).toBe('0,12');
  });

  it('shows latency in ms, s or min', () => {
    expect(milliseconds(850)).toBe('850 ms');
    expect(milliseconds(1234)).toBe('1.2 s');
    expect(milliseconds(42_000)).toBe('42 s');
    expect(milliseconds(180_000)).toBe('3 min');
  });
});
