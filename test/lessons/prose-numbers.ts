/**
 * Reads the numbers in a notebook's Markdown and finds where each comes from, so that prose and
 * results cannot drift apart: a number that reports a result must be printed by a code cell above it.
 *
 * What counts as a number: digits with optional thousands commas, decimals and a percent sign, outside
 * math (`$...$`), inline code, link targets and HTML tags. Not checked: integers from 0 to 10 (counts
 * of things in the setup, "phase 2"), four-digit years, and numbers in the Exercises section, which
 * state an exercise's givens (they are matched against every code cell of the notebook instead).
 *
 * A prose number matches a value printed by a cell when it is that value rounded as the prose rounds
 * it: to its decimals ("0.86" matches 0.8612), to its trailing zeros for round integers ("1,400"
 * matches 1,391 to 1,450), and a percentage either as percent or as a fraction ("47%" matches 0.47).
 */

/** One number as written in Markdown. */
export interface ProseNumber {
  readonly raw: string;
  readonly value: number;
  readonly decimals: number;
  readonly percent: boolean;
}

const NUMBER = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\s?%)?(?![\w])/g;
const SCIENTIFIC = /\d+(?:\.\d+)?e[-+]?\d+/gi;

/** The Markdown with math, code, link targets and tags removed: what a reader sees as prose. */
export function proseText(markdown: string): string {
  return markdown
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]*\$/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/<[^>]+>/g, " ");
}

/** Every number in a text, as written. */
export function numbersIn(text: string): ProseNumber[] {
  const out: ProseNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const whole = m[1].replace(/,/g, "");
    const fraction = m[2] ?? "";
    out.push({ raw: m[0].trim(), value: Number(fraction ? `${whole}.${fraction}` : whole), decimals: fraction.length, percent: m[3] !== undefined });
  }
  return out;
}

/** Every numeric value in a text printed by a cell (plain, with commas, or in scientific notation). */
export function valuesIn(text: string): number[] {
  const values = numbersIn(text).map((n) => n.value);
  for (const m of text.matchAll(SCIENTIFIC)) values.push(Number(m[0]));
  return values;
}

/** True when `n` is checked at all (see the module comment). */
export function isChecked(n: ProseNumber): boolean {
  if (!n.percent && n.decimals === 0 && n.value <= 10) return false;
  if (!n.percent && n.decimals === 0 && /^\d{4}$/.test(n.raw) && n.value >= 1900 && n.value <= 2100) return false;
  return true;
}

/** Half the last unit the prose states: the rounding a printed value may have been through. */
function tolerance(raw: string, decimals: number, value: number): number {
  if (decimals > 0) return 0.5 * 10 ** -decimals;
  const digits = raw.replace(/[^\d]/g, "");
  const zeros = value >= 100 ? digits.length - digits.replace(/0+$/, "").length : 0;
  return 0.5 * 10 ** zeros;
}

/** True when some printed value rounds to the prose number. */
export function matches(n: ProseNumber, values: readonly number[]): boolean {
  const candidates = [{ x: n.value, tol: tolerance(n.raw, n.decimals, n.value) }];
  if (n.percent) candidates.push({ x: n.value / 100, tol: 0.5 * 10 ** -(n.decimals + 2) });
  return candidates.some(({ x, tol }) => values.some((y) => Math.abs(x - y) <= tol + 1e-12));
}
