/**
 * Validation helpers shared by every entry point. Each throws an error whose message names the
 * parameter, the value it got and the valid range, e.g.
 * `lossRate must be a number in [0, 1]; got 1.5`.
 *
 * Entry points validate their options once, up front; inner loops trust validated values.
 */

/** Formats a value for an error message: strings quoted, arrays and objects as short JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    return String(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Throws a RangeError with the standard message shape. */
export function fail(name: string, value: unknown, expected: string): never {
  throw new RangeError(`${name} must be ${expected}; got ${describeValue(value)}`);
}

/** A seed: a finite number or a string (any string). Returns it unchanged. */
export function checkSeed(name: string, value: unknown): string | number {
  if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
  return fail(name, value, "a finite number or a string");
}

/** A finite number in [min, max] (inclusive bounds; pass Infinity for an open-ended range). */
export function checkNumber(name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    fail(name, value, `a finite number in ${range(min, max)}`);
  }
  return value;
}

/** A probability: a number in [0, 1]. */
export function checkProbability(name: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    fail(name, value, "a number in [0, 1]");
  }
  return value;
}

/** A finite number strictly greater than zero. */
export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    fail(name, value, "a finite number > 0");
  }
  return value;
}

/** A finite number greater than or equal to zero (times, delays, durations). */
export function checkNonNegative(name: string, value: unknown): number {
  return checkNumber(name, value, 0, Infinity);
}

/** An integer in [min, max]. */
export function checkInteger(name: string, value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(name, value, `an integer in ${range(min, max)}`);
  }
  return value;
}

/** One of a fixed set of strings. */
export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(name, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
  return value as T;
}

/** A non-empty list of distinct, non-empty strings (node names, for example). */
export function checkNames(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(name, value, "a non-empty array of names");
  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item !== "string" || item.length === 0) fail(name, value, "an array of non-empty strings");
    if (seen.has(item)) fail(name, value, `an array of distinct names (${JSON.stringify(item)} repeats)`);
    seen.add(item);
  }
  return value as string[];
}

/** A name that must be one of the known names. */
export function checkKnownName(name: string, value: unknown, known: readonly string[]): string {
  if (typeof value !== "string" || !known.includes(value)) {
    fail(name, value, `one of the known nodes ${known.map((k) => JSON.stringify(k)).join(", ")}`);
  }
  return value;
}

/** Rejects option keys that are not in the allowed list (catches typos such as `lossrate`). */
export function checkKeys(name: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${name} has an unknown option ${JSON.stringify(key)}; known options: ${allowed.join(", ")}`);
    }
  }
}

function range(min: number, max: number): string {
  const lo = min === -Infinity ? "(-Infinity" : `[${min}`;
  const hi = max === Infinity ? "Infinity)" : `${max}]`;
  return `${lo}, ${hi}`;
}

/**
 * A value or a non-empty list of values, each checked by `checkItem` (which receives the item's name,
 * e.g. `clients[2]`). Returns the list. Used by sweeps that take one value or a grid of values.
 */
export function checkList<T>(name: string, value: unknown, checkItem: (itemName: string, item: unknown) => T): T[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) fail(name, value, "a value or a non-empty array of values");
  return list.map((item, i) => checkItem(Array.isArray(value) ? `${name}[${i}]` : name, item));
}
