/**
 * Which entities still count as failing. An entity fails while it is `unavailable`, and
 * after that until its device reports again: a hub that comes back "available" with its
 * devices' last readings has not recovered yet. A device reports again when one of its
 * entities comes back with a reading other than its last one before the outage, or changes
 * once more after it came back, or (seen at a reconnect) HA's `last_reported` moved on; a
 * device reporting again tells for the hub it is connected through too, and a config entry
 * set up again (a reload, a retry that succeeded) has read its devices afresh. Only changes into
 * and out of `unavailable` and the first change after are needed, as `state_changed`
 * carries them. A device that stays silent counts as recovered after a grace period (some
 * report only when a reading changes).
 */
import { ancestorsOf, type RegistryView } from './outage.js';

/** An entity's state, as `get_states` and `state_changed` carry it. */
export interface StateLike {
  entity_id: string;
  state: string;
  last_changed: string;
  last_updated?: string;
  last_reported?: string;
}

/** How long an entity available again may stay silent before it counts as recovered anyway. */
export const REPORT_GRACE_MS = 60 * 60_000;

const UNAVAILABLE = 'unavailable';
const UNKNOWN = 'unknown';

interface Silent {
  /** When it became unavailable (epoch ms). */
  since: number;
  /** When it became available again, on HA's clock (epoch ms). */
  back: number;
}

/** The failing entities, kept current from state changes. */
export class FailingEntities {
  /** When each unavailable entity became unavailable (epoch ms). */
  private readonly down = new Map<string, number>();
  /** Entities available again whose device has not reported since. */
  private readonly silent = new Map<string, Silent>();
  /** Each unavailable entity's last reading before the outage. */
  private readonly before = new Map<string, string>();
  /** When each device last reported after an outage (epoch ms), itself or a device behind it. */
  private readonly deviceReported = new Map<string, number>();
  /** When each config entry was last set up again (epoch ms). */
  private readonly entryLoaded = new Map<string, number>();
  /** Entities that turned silent since the last `takeSilenced`. */
  private silenced: string[] = [];

  constructor(
    private readonly view: RegistryView,
    private readonly thresholdMs: number,
    private readonly now: () => number,
  ) {}

  /** A state change: `next` null when the entity was removed. */
  change(entityId: string, next: StateLike | null, prev: StateLike | null): void {
    if (!next) {
      this.forget(entityId);
    } else if (next.state === UNAVAILABLE) {
      if (this.down.has(entityId)) return;
      const silent = this.silent.get(entityId);
      this.silent.delete(entityId);
      // Down again before it reported: the same outage goes on.
      this.down.set(entityId, silent?.since ?? (Date.parse(next.last_changed) || this.now()));
      if (!silent && prev && prev.state !== UNAVAILABLE && prev.state !== UNKNOWN)
        this.before.set(entityId, prev.state);
    } else if (this.down.has(entityId)) {
      const since = this.down.get(entityId) ?? this.now();
      this.down.delete(entityId);
      const before = this.before.get(entityId);
      const reading = next.state !== UNKNOWN && before !== undefined && before !== next.state;
      if (
        this.now() - since < this.thresholdMs ||
        reading ||
        this.deviceBack(entityId, since) ||
        this.entryBack(entityId, since)
      )
        this.reported(entityId);
      else {
        this.silent.set(entityId, { since, back: Date.parse(next.last_changed) || this.now() });
        this.silenced.push(entityId);
      }
    } else if (this.silent.has(entityId) && next.state !== UNKNOWN) {
      this.reported(entityId);
    }
  }

  /** All states, after a (re)connect: what changed meanwhile. */
  resync(states: readonly StateLike[]): void {
    const present = new Set<string>();
    for (const s of states) {
      present.add(s.entity_id);
      const silent = this.silent.get(s.entity_id);
      if (s.state === UNAVAILABLE || this.down.has(s.entity_id)) {
        this.change(s.entity_id, s, null);
      } else if (silent) {
        const seen = Date.parse(s.last_reported ?? s.last_updated ?? '');
        if (seen > silent.back) this.reported(s.entity_id);
      }
    }
    for (const id of [...this.down.keys(), ...this.silent.keys()])
      if (!present.has(id)) this.forget(id);
  }

  /** Every failing entity with when it began failing (silent ones until their grace ends). */
  failing(): Map<string, number> {
    const now = this.now();
    const out = new Map(this.down);
    for (const [id, s] of this.silent) {
      if (now - s.back >= REPORT_GRACE_MS) this.forget(id);
      else out.set(id, s.since);
    }
    return out;
  }

  /** The entities that turned silent since last asked. */
  takeSilenced(): string[] {
    const out = this.silenced.filter((id) => this.silent.has(id));
    this.silenced = [];
    return out;
  }

  /**
   * A config entry was set up again: its entities were added afresh with what the
   * integration read on setup, so those available again have reported.
   */
  entrySetUp(entryId: string): void {
    this.entryLoaded.set(entryId, this.now());
    for (const id of [...this.silent.keys()])
      if (this.view.entity(id)?.config_entry_id === entryId) this.reported(id);
  }

  /** Whether the entity's config entry was set up again since `since`. */
  private entryBack(entityId: string, since: number): boolean {
    const entryId = this.view.entity(entityId)?.config_entry_id;
    return !!entryId && (this.entryLoaded.get(entryId) ?? -Infinity) >= since;
  }

  /** Whether the entity's device reported (through another entity) since `since`. */
  private deviceBack(entityId: string, since: number): boolean {
    const deviceId = this.view.entity(entityId)?.device_id;
    return !!deviceId && (this.deviceReported.get(deviceId) ?? -Infinity) >= since;
  }

  /** Its device reports again: so do the device's entities and the hub it connects through. */
  private reported(entityId: string): void {
    this.forget(entityId);
    const deviceId = this.view.entity(entityId)?.device_id;
    if (!deviceId) return;
    const devices = new Set([deviceId, ...ancestorsOf(this.view, deviceId)]);
    const now = this.now();
    for (const d of devices) this.deviceReported.set(d, now);
    for (const id of [...this.silent.keys()]) {
      const d = this.view.entity(id)?.device_id;
      if (d && devices.has(d)) this.forget(id);
    }
  }

  private forget(entityId: string): void {
    this.down.delete(entityId);
    this.silent.delete(entityId);
    this.before.delete(entityId);
  }
}
