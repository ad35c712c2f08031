/**
 * Pieces of the one-sentence descriptions (Vega-Lite `description`, the charts' alt text) that the
 * builders derive from their options and rows.
 */

/** A number for prose: up to 3 significant digits, thousands separated, no trailing zeros (0.0512, 1,200, 0.5). */
export function fmt(value: unknown): string {
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(1).replace("e", "×10^").replace("^+", "^");
  const rounded = Number(value.toPrecision(3));
  return Math.abs(rounded) >= 1000 ? rounded.toLocaleString("en-US") : String(rounded);
}

/** A probability as a percentage for prose: 0.425 -> "42.5%", 0.0004 -> "0.04%", 0 -> "0%". */
export function pct(p: number): string {
  if (p === 0 || p === 1) return `${p * 100}%`;
  if (Math.abs(p) < 1e-6) return "under 0.0001%";
  const digits = Math.abs(p) >= 0.1 ? 1 : Math.min(6, Math.max(1, 1 - Math.floor(Math.log10(Math.abs(p) * 100))));
  return `${Number((p * 100).toFixed(digits))}%`;
}

/** "a", "a and b", "a, b and c", or the first `max` and "N more". */
export function listOf(items: readonly unknown[], max = 6): string {
  const words = items.map((v) => fmt(v));
  if (words.length === 0) return "";
  if (words.length > max) return `${words.slice(0, max).join(", ")} and ${words.length - max} more`;
  if (words.length === 1) return words[0];
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Joins clauses into one sentence: first letter upper case, one full stop at the end. */
export function sentence(...clauses: (string | false | undefined | null)[]): string {
  const text = clauses.filter((c): c is string => typeof c === "string" && c.length > 0).join("").trim().replace(/[.\s]+$/, "");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The smallest and largest of some numbers, as "from a to b" (or "at a" when they are equal). */
export function rangeOf(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `at ${fmt(lo)}` : `from ${fmt(lo)} to ${fmt(hi)}`;
}
