/**
 * `npm run bench -- --compare`: this run's figures against the ones committed in
 * docs/benchmarks.md, each flagged when it is more than 10 % worse. Which way is
 * worse comes from the figure's target (a floor or a ceiling).
 */

/** A figure and which way it improves. */
export interface Compared {
  figure: string;
  better: 'higher' | 'lower';
}

/** One figure, before and now. */
export interface Comparison {
  figure: string;
  before: number | null;
  now: number | null;
  /** Relative change in the figure's bad direction (0.12 = 12 % worse); null when either is missing. */
  worse_by: number | null;
  regressed: boolean;
}

/** The figures of the table in docs/benchmarks.md (`| \`ingest.events_per_s\` | 35480 | …`). */
export function committedFigures(markdown: string): Map<string, number> {
  const figures = new Map<string, number>();
  for (const m of markdown.matchAll(/^\| `([\w.]+)` \| (-?[\d.]+) \|/gm)) {
    const value = Number(m[2]);
    if (m[1] && Number.isFinite(value)) figures.set(m[1], value);
  }
  return figures;
}

/** Compare each figure with its committed value; more than `tolerance` worse is a regression. */
export function compare(
  before: ReadonlyMap<string, number>,
  now: (figure: string) => number | undefined,
  figures: readonly Compared[],
  tolerance = 0.1,
): Comparison[] {
  return figures.map(({ figure, better }) => {
    const was = before.get(figure) ?? null;
    const is = now(figure) ?? null;
    if (was === null || is === null)
      return { figure, before: was, now: is, worse_by: null, regressed: false };
    const change = was === 0 ? (is === 0 ? 0 : Infinity) : (is - was) / Math.abs(was);
    const worseBy = better === 'higher' ? -change : change;
    return {
      figure,
      before: was,
      now: is,
      worse_by: Math.round(worseBy * 1000) / 1000,
      regressed: worseBy > tolerance,
    };
  });
}
