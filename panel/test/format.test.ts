/**
 * Dates in the panel follow Home Assistant's time zone, as HA's own frontend
 * does: the home's configured zone, or the browser's when the user's profile
 * asks for local time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dateTime, haTimeZone, showTimesIn } from '../src/shared/ui/format.js';

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
