/** Orders of categories for legends and axes: numbers by value, text with numbers in it naturally. */
import type { Row } from "./rows";

/** Compares "5 ms" < "10 ms" < "40 ms" (digit runs by value, the rest as text); numbers by value. */
export function naturalCompare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const split = (v: unknown) => String(v).split(/(-?\d+(?:\.\d+)?)/).filter((s) => s.length > 0);
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    const numeric = /\d/.test(pa[i]) && /\d/.test(pb[i]) && Number.isFinite(na) && Number.isFinite(nb);
    const c = numeric ? na - nb : pa[i].localeCompare(pb[i]);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/**
 * The legend order of the series of a line chart. Series named by numbers (5, 10, 20 or "5 ms",
 * "10 ms") in numeric order; other names in the order of their lines at the right end of the chart,
 * top first (the y value at each series' largest x), so the legend reads like the lines.
 */
export function seriesOrder(rows: readonly Row[], color: string, x: string, y: string): (string | number)[] {
  const values = [...new Set(rows.map((r) => r[color] as string | number))];
  if (values.every((v) => typeof v === "number" || /\d/.test(String(v)))) return values.sort(naturalCompare);
  const end = new Map<string | number, { x: number; y: number }>();
  for (const row of rows) {
    const key = row[color] as string | number;
    const at = { x: row[x] as number, y: row[y] as number };
    const seen = end.get(key);
    if (!seen || at.x > seen.x) end.set(key, at);
  }
  return values.sort((a, b) => end.get(b)!.y - end.get(a)!.y || naturalCompare(a, b));
}
