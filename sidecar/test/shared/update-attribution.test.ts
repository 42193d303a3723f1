/** Which update an incident started after, and how that is said. */
import { describe, expect, it } from 'vitest';
import {
  attributeUpdate,
  updateSentence,
  type InstalledUpdate,
} from '../../src/shared/update-attribution.js';

const START = '2026-12-04T12:00:00.000Z';
const minutesBefore = (m: number) => new Date(Date.parse(START) - m * 60_000).toISOString();

const update = (over: Partial<InstalledUpdate>): InstalledUpdate => ({
  entity_id: 'update.fault_lab',
  kind: 'integration',
  integration: 'fault_lab',
  addon: null,
  title: 'Fault Lab',
  from_version: '0.1.0',
  to_version: '0.2.0',
  release_url: 'https://example.org/fault-lab/0.2.0',
  updated_at: minutesBefore(3),
  backup: { id: 'b1', name: 'Before Fault Lab 0.2.0', date: minutesBefore(5) },
  ...over,
});

const core = (over: Partial<InstalledUpdate> = {}) =>
  update({
    entity_id: 'update.home_assistant_core_update',
    kind: 'core',
    integration: null,
    title: 'Home Assistant Core',
    from_version: '2026.11.3',
    to_version: '2026.12.0',
    ...over,
  });

const hub = { integration: 'fault_lab', subject: null, first_seen: START };

describe('attributeUpdate', () => {
  it('names an update of the failing integration itself, with versions, notes and backup', () => {
    expect(attributeUpdate(hub, [update({})])).toEqual({
      kind: 'integration',
      link: 'same',
      title: 'Fault Lab',
      entity_id: 'update.fault_lab',
      from_version: '0.1.0',
      to_version: '0.2.0',
      updated_at: minutesBefore(3),
      minutes_before: 3,
      release_url: 'https://example.org/fault-lab/0.2.0',
      backup: { id: 'b1', name: 'Before Fault Lab 0.2.0', date: minutesBefore(5) },
    });
  });

  it('an update of another integration explains nothing', () => {
    expect(attributeUpdate(hub, [update({ integration: 'hue', title: 'Hue' })])).toBeNull();
  });

  it('an update after the failure started explains nothing', () => {
    expect(attributeUpdate(hub, [update({ updated_at: minutesBefore(-30) })])).toBeNull();
  });

  it('an update of the same integration counts for a day, not longer', () => {
    expect(attributeUpdate(hub, [update({ updated_at: minutesBefore(23 * 60) })])?.link).toBe(
      'same',
    );
    expect(attributeUpdate(hub, [update({ updated_at: minutesBefore(25 * 60) })])).toBeNull();
  });

  it('a Core update links any failure within two hours', () => {
    const hue = { integration: 'hue', subject: null, first_seen: START };
    expect(attributeUpdate(hue, [core({ updated_at: minutesBefore(90) })])).toMatchObject({
      kind: 'core',
      link: 'core',
      minutes_before: 90,
    });
    expect(attributeUpdate(hue, [core({ updated_at: minutesBefore(150) })])).toBeNull();
  });

  it('a Core update noticed when HA came back still counts for the errors of its start', () => {
    // HA logs while starting; the sidecar notices the new version once it reconnects.
    expect(attributeUpdate(hub, [core({ updated_at: minutesBefore(-2) })])).toMatchObject({
      link: 'core',
      minutes_before: 0,
    });
  });

  it('the failing integration’s own update wins over a newer Core update', () => {
    const found = attributeUpdate(hub, [core({ updated_at: minutesBefore(1) }), update({})]);
    expect(found?.title).toBe('Fault Lab');
  });

  it('of two updates of the same integration, the newer one', () => {
    const older = update({
      from_version: '0.0.9',
      to_version: '0.1.0',
      updated_at: minutesBefore(60),
    });
    expect(attributeUpdate(hub, [older, update({})])?.to_version).toBe('0.2.0');
  });

  it('an add-on’s update links its add-on’s incidents', () => {
    const addon = update({
      entity_id: 'update.mosquitto_broker_update',
      kind: 'addon',
      integration: null,
      addon: 'core_mosquitto',
      title: 'Mosquitto broker',
    });
    const crash = { integration: 'hassio', subject: 'addon:core_mosquitto', first_seen: START };
    expect(attributeUpdate(crash, [addon])).toMatchObject({ kind: 'addon', link: 'same' });
    const other = { integration: 'hassio', subject: 'addon:zigbee2mqtt', first_seen: START };
    expect(attributeUpdate(other, [addon])).toBeNull();
  });
});

describe('updateSentence', () => {
  it('says what was updated, from and to, the release notes and the backup', () => {
    const a = attributeUpdate(hub, [update({})]);
    expect(a && updateSentence(a)).toBe(
      `Started 3 min after Fault Lab was updated from 0.1.0 to 0.2.0 (release notes: https://example.org/fault-lab/0.2.0). The backup "Before Fault Lab 0.2.0" is from before the update.`,
    );
  });

  it('speaks Home Assistant’s language', () => {
    const a = attributeUpdate(hub, [update({})]);
    expect(a && updateSentence(a, 'de')).toBe(
      `Begann 3 min nachdem Fault Lab von 0.1.0 auf 0.2.0 aktualisiert wurde (Versionshinweise: https://example.org/fault-lab/0.2.0). Die Sicherung „Before Fault Lab 0.2.0“ ist von vor dem Update.`,
    );
  });

  it('says "less than a minute" rather than "0 min"', () => {
    const a = attributeUpdate(hub, [update({ updated_at: minutesBefore(0.5) })]);
    expect(a && updateSentence(a)).toMatch(/^Started less than a minute after Fault Lab/);
  });

  it('says when no backup from before it was found', () => {
    const a = attributeUpdate(hub, [update({ backup: null, release_url: null })]);
    expect(a && updateSentence(a)).toBe(
      'Started 3 min after Fault Lab was updated from 0.1.0 to 0.2.0. No backup from before the update was found.',
    );
  });
});
