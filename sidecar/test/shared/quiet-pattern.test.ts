import { describe, expect, it } from 'vitest';
import {
  learnedAt,
  learnedWindows,
  localTime,
  teachingDays,
  type Recovery,
} from '../../src/shared/quiet-pattern.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** An outage that started on `day` at `hhmm` (already on HA's clock) and lasted `hours`. */
function recovery(day: string, hhmm: string, hours = 1): Recovery {
  const started = new Date(`${day}T${hhmm}:00Z`);
  return {
    started_at: started.toISOString(),
    ended_at: new Date(started.getTime() + hours * 3_600_000).toISOString(),
    local_day: day,
    local_minute: at(hhmm),
  };
}

const nightly = [
  recovery('2026-12-01', '23:00'),
  recovery('2026-12-02', '23:20'),
  recovery('2026-12-03', '22:40'),
];

describe('learned quiet: the rule', () => {
  it('three days of recovering by itself at about the same time teach that time ±1 h', () => {
    expect(learnedAt(at('23:10'), nightly, NOW)).toBe(true);
    expect(learnedAt(at('22:20'), nightly, NOW)).toBe(true); // within 1 h of each start
    expect(learnedAt(at('21:30'), nightly, NOW)).toBe(false); // 90 min before 23:00
    expect(learnedAt(at('12:00'), nightly, NOW)).toBe(false);
    expect(learnedWindows(nightly, NOW)).toEqual([{ from: '22:20', to: '23:41' }]);
  });

  it('needs different days: three recoveries on one day, or two days, teach nothing', () => {
    const oneDay = [
      recovery('2026-12-03', '23:00'),
      recovery('2026-12-03', '23:10'),
      recovery('2026-12-03', '23:20'),
    ];
    expect(learnedAt(at('23:10'), oneDay, NOW)).toBe(false);
    expect(learnedAt(at('23:10'), nightly.slice(1), NOW)).toBe(false);
    expect(learnedWindows(oneDay, NOW)).toEqual([]);
  });

  it('needs the same time of day: three days at scattered times teach nothing', () => {
    const scattered = [
      recovery('2026-12-01', '08:00'),
      recovery('2026-12-02', '14:00'),
      recovery('2026-12-03', '23:00'),
    ];
    for (const t of ['08:00', '14:00', '23:00'])
      expect(learnedAt(at(t), scattered, NOW)).toBe(false);
  });

  it('a window may span midnight, and a night across midnight is one day', () => {
    const sameNight = [
      recovery('2026-12-01', '23:50'),
      recovery('2026-12-02', '00:10'),
      recovery('2026-12-02', '23:30'),
    ];
    expect(learnedAt(at('00:00'), sameNight, NOW)).toBe(false);
    expect(teachingDays(sameNight, NOW)).toBe(2);
    const late = [
      recovery('2026-11-30', '23:50'),
      recovery('2026-12-02', '00:10'),
      recovery('2026-12-02', '23:30'),
    ];
    expect(learnedAt(at('00:20'), late, NOW)).toBe(true);
    expect(learnedAt(at('23:15'), late, NOW)).toBe(true);
    expect(learnedAt(at('01:00'), late, NOW)).toBe(false);
    expect(learnedWindows(late, NOW)).toEqual([{ from: '23:10', to: '00:31' }]);
    expect(teachingDays(late, NOW)).toBe(3);
  });

  it('long outages and old ones do not teach', () => {
    const long = nightly.map((r, i) => (i === 0 ? recovery(r.local_day, '23:00', 13) : r));
    expect(learnedAt(at('23:00'), long, NOW)).toBe(false);
    const old = [recovery('2026-10-01', '23:00'), ...nightly.slice(1)];
    expect(learnedAt(at('23:00'), old, NOW)).toBe(false);
  });

  it('reads the day and time of day on the given time zone', () => {
    const t = new Date('2026-12-01T14:30:00Z');
    expect(localTime(t, 'Asia/Tokyo')).toEqual({ day: '2026-12-01', minute: at('23:30') });
    expect(localTime(t, 'America/New_York')).toEqual({ day: '2026-12-01', minute: at('09:30') });
    expect(localTime(new Date('2026-12-01T16:00:00Z'), 'Asia/Tokyo')).toEqual({
      day: '2026-12-02',
      minute: at('01:00'),
    });
    // Daylight saving: 22:00 on the wall clock is 02:00 UTC in summer, 03:00 UTC in winter.
    expect(localTime(new Date('2026-10-30T02:00:00Z'), 'America/New_York').minute).toBe(
      at('22:00'),
    );
    expect(localTime(new Date('2026-11-02T03:00:00Z'), 'America/New_York').minute).toBe(
      at('22:00'),
    );
  });
});
