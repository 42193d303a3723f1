/**
 * Learned quiet through the real correlator, lifecycle and journal: a device that goes
 * unavailable every night and comes back by itself stops opening incidents at that time of
 * day once seen three nights, still alarms at other times, and alarms again after a reset.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Correlator } from '../../src/correlate/index.js';
import { IncidentLifecycle } from '../../src/incident/lifecycle.js';
import { Journal } from '../../src/journal/journal.js';
import { ProposalJournal } from '../../src/journal/proposals.js';
import { createLogger } from '../../src/log.js';
import { Clock, signal, tempDir, THRESHOLDS } from '../helpers/pipeline.js';

const ZONE = 'Asia/Tokyo'; // UTC+9, no daylight saving
const KEY = 'device:plug1';

/** Home Assistant's clock: `day` at `hhmm` in Tokyo, as a UTC epoch. */
const tokyo = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+09:00`);

function setup() {
  const clock = new Clock(tokyo('2026-12-01', '12:00'));
  const journal = new Journal(join(tempDir(), 'journal.db'));
  const log = createLogger('error');
  const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), {
    log,
    now: clock.now,
    zone: () => ZONE,
  });
  const correlator = new Correlator(journal, lifecycle, {
    thresholds: { ...THRESHOLDS, flapWindowS: 0 },
    log,
    now: clock.now,
  });
  const outage = (active: boolean) =>
    correlator.emit(
      signal({
        source: 'entities',
        kind: 'entities_unavailable',
        condition: active ? 'active' : 'cleared',
        key: KEY,
        subject: KEY,
        integration: 'tplink',
        observed_at: clock.iso(),
        message: active ? '2 entities of Aquarium plug are unavailable' : 'available again',
        data: { entity_ids: ['switch.aquarium', 'sensor.aquarium_power'] },
      }),
    );
  /** The plug goes off at `day` `hhmm` (Tokyo) for `minutes`; the incidents opened meanwhile. */
  const night = (day: string, hhmm: string, minutes = 60) => {
    clock.t = tokyo(day, hhmm);
    const before = journal.listIncidents({}, 100, 0).total;
    outage(true);
    const opened = journal.listIncidents({}, 100, 0).total - before;
    clock.advance(minutes * 60);
    outage(false);
    return opened;
  };
  return { clock, journal, lifecycle, correlator, outage, night };
}

describe('learned quiet', () => {
  it('three nights of coming back by itself keep the fourth quiet, at that time only', () => {
    const { journal, lifecycle, night } = setup();
    expect(night('2026-12-01', '23:00')).toBe(1);
    expect(night('2026-12-02', '23:20')).toBe(1);
    expect(lifecycle.quiet.list()).toEqual([]); // two nights teach nothing yet
    expect(night('2026-12-03', '22:50')).toBe(1);
    const incidents = journal.listIncidents({}, 100, 0).items;
    expect(incidents.every((i) => i.status === 'resolved')).toBe(true);
    expect(incidents.map((i) => journal.outcomes.of(i.id)?.outcome)).toEqual(
      Array(3).fill('resolved_itself'),
    );

    const [learned] = lifecycle.quiet.list();
    expect(learned).toMatchObject({
      id: `entities:${KEY}`,
      title: '2 entities of Aquarium plug are unavailable',
      integration: 'tplink',
      windows: [{ from: '22:20', to: '23:51' }], // Tokyo's clock
      days: 3,
      kept_quiet: 0,
    });

    // The fourth night, inside the window: no incident, and it counts as kept quiet.
    expect(night('2026-12-04', '23:10')).toBe(0);
    expect(lifecycle.quiet.list()[0]).toMatchObject({ days: 4, kept_quiet: 1 });
    // The same plug at noon: an incident as usual.
    expect(night('2026-12-05', '12:00')).toBe(1);
  });

  it('an outage held quiet that lasts longer than a schedule opens its incident', () => {
    const { clock, journal, lifecycle, correlator, outage, night } = setup();
    night('2026-12-01', '23:00');
    night('2026-12-02', '23:00');
    night('2026-12-03', '23:00');
    clock.t = tokyo('2026-12-04', '23:00');
    outage(true);
    clock.advance(6 * 3600);
    correlator.releaseOverdue();
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(0);
    clock.advance(7 * 3600);
    correlator.releaseOverdue();
    const open = journal.listIncidents({ active: true }, 10, 0).items;
    expect(open.map((i) => i.subject)).toEqual([KEY]);
    // The incident says when the outage began; too long to teach, it adds no day.
    expect(open[0]?.first_seen).toBe(new Date(tokyo('2026-12-04', '23:00')).toISOString());
    outage(false);
    expect(journal.listIncidents({ active: true }, 10, 0).total).toBe(0);
    expect(lifecycle.quiet.list()[0]).toMatchObject({ days: 3, kept_quiet: 0 });
  });

  it('a reset forgets what was learned: the next outage alarms again', () => {
    const { lifecycle, night } = setup();
    night('2026-12-01', '23:00');
    night('2026-12-02', '23:00');
    night('2026-12-03', '23:00');
    expect(lifecycle.quiet.reset('entities:device:unknown')).toBe(false);
    expect(lifecycle.quiet.reset(`entities:${KEY}`)).toBe(true);
    expect(lifecycle.quiet.list()).toEqual([]);
    expect(night('2026-12-04', '23:00')).toBe(1);
  });

  it('learns on Home Assistant’s clock: the window is its local time, not UTC', () => {
    const { night, lifecycle } = setup();
    // 23:00 in Tokyo is 14:00 UTC.
    night('2026-12-01', '23:00');
    night('2026-12-02', '23:00');
    night('2026-12-03', '23:00');
    expect(lifecycle.quiet.list()[0]?.windows).toEqual([{ from: '22:00', to: '00:01' }]);
    expect(lifecycle.quiet.covers('entities', KEY, new Date('2026-12-04T14:10:00Z'))).toBe(true);
    expect(lifecycle.quiet.covers('entities', KEY, new Date('2026-12-04T23:10:00Z'))).toBe(false);
  });
});
