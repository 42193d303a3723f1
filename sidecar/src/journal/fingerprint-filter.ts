/**
 * The fingerprints the journal may hold, an incident's or one of its signals', kept in
 * memory so that the first sight of a failure (a fingerprint the journal has never held)
 * finds no open incident and no flap without reading SQLite.
 *
 * A Bloom filter of fixed size (2^20 bits, 128 KiB, whatever the journal holds): it never
 * answers "no" for a fingerprint added or loaded, and answers "maybe" for some it never held
 * (about 1 in 30 once 100,000 are in it), which are then looked up as before. Fingerprints
 * deleted from the journal stay in it until it is built again from the rows (`forget`).
 */
const BITS = 1 << 20;
const MASK = BITS - 1;

/** Two positions for a fingerprint, from two FNV-1a hashes of it (double hashing, k = 2). */
function positions(fp: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < fp.length; i++) {
    const c = fp.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5);
  }
  return [(a >>> 0) & MASK, ((a >>> 0) + (b >>> 0)) & MASK];
}

export class FingerprintFilter {
  private bits: Uint32Array | undefined;

  /** `load`: every fingerprint the journal holds, read when the filter is first needed. */
  constructor(private readonly load: () => Iterable<string>) {}

  /** Whether the journal may hold the fingerprint: false only when it surely does not. */
  mayHold(fp: string): boolean {
    const bits = this.built();
    return positions(fp).every((p) => ((bits[p >>> 5] ?? 0) & (1 << (p & 31))) !== 0);
  }

  /** A fingerprint the journal now holds (a new incident's, a signal's). */
  add(fp: string): void {
    const bits = this.built();
    for (const p of positions(fp)) bits[p >>> 5] = (bits[p >>> 5] ?? 0) | (1 << (p & 31));
  }

  /** Build it again from the rows at its next use (rows were deleted, or rolled back). */
  forget(): void {
    this.bits = undefined;
  }

  private built(): Uint32Array {
    if (this.bits) return this.bits;
    this.bits = new Uint32Array(BITS >>> 5);
    for (const fp of this.load()) this.add(fp);
    return this.bits;
  }
}
