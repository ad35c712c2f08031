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
