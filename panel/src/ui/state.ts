/**
 * Copy-on-write updates for reactive state: Lit re-renders when a property gets a new
 * object, not when a Set or Map it already holds changes.
 */

/** A copy of `set` with `key` present or absent. */
export function withMember<K>(set: ReadonlySet<K>, key: K, present: boolean): Set<K> {
  const next = new Set(set);
  if (present) next.add(key);
  else next.delete(key);
  return next;
}

/** A copy of `map` with `key` set to `value`, or removed for null. */
export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | null): Map<K, V> {
  const next = new Map(map);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}
