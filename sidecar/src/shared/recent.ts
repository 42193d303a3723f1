/** Bounded in-memory holds: what was used last stays, the least recently used goes first. */

/** Put `key` in `map` as its most recently used entry, and drop the oldest beyond `max`. */
export function holdRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
