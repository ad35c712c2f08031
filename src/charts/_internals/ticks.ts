/** Tick values for axes over whole numbers. */

/**
 * Whole-number tick values covering `values` (a count such as servers or replicas): every integer
 * from the smallest to the largest when there are at most `maxTicks`, else multiples of 2, 5, 10, 20, ...
 * Vega's own `tickMinStep` can still give 1, 1.5, 2, 2.5, 3 (printed "1 2 2 3 3" with format "d").
 */
export function integerTicks(values: readonly number[], maxTicks = 12): number[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  const lo = Math.floor(Math.min(...finite));
  const hi = Math.ceil(Math.max(...finite));
  const stepOf = (k: number) => [1, 2, 5][k % 3] * 10 ** Math.floor(k / 3);
  let k = 0;
  while ((hi - lo) / stepOf(k) > maxTicks - 1) k++;
  const step = stepOf(k);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}

/**
 * A log-axis range covering `values` (all > 0) that ends at the nearest 1, 2 or 5 times a power of
 * ten outside the data: [5, 320] -> [5, 500], [0.0016, 0.86] -> [0.001, 1]. Vega's own "nice" log
 * range runs to whole decades (1 to 1000 for data from 5 to 320).
 */
export function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  const steps = (v: number) => {
    const k = Math.floor(Math.log10(v));
    return [-1, 0, 1].flatMap((d) => [1, 2, 5].map((m) => Number(`${m}e${k + d}`)));
  };
  const below = Math.max(...steps(lo).filter((s) => s <= lo * (1 + 1e-12)));
  const above = Math.min(...steps(hi).filter((s) => s >= hi * (1 - 1e-12)));
  return below < above ? [below, above] : [below, below * 10];
}
