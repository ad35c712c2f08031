/**
 * Errors for states that are not plain data: which part of the state is at fault, found by a
 * second, slow walk once the fingerprint has refused the state.
 */
/** The deepest nesting accepted (deeper: almost surely a cycle). */
export const MAX_STATE_NESTING = 200;

/** A TypeError saying which part of `state` is not plain data (found by a second, slow walk). */
export function unsupported(fn: string, state: unknown, cause: unknown): Error {
  if (!(cause instanceof TypeError)) return cause as Error;
  const where = locate(state, "state", 0) ?? "state";
  return new TypeError(`${fn}: ${where} is ${cause.message}; a state must be plain data ` +
    "(null, booleans, numbers, strings, bigints, arrays, plain objects, Map, Set)");
}

/** The path of the first part of `v` that is not plain data (or nested too deep), or undefined. */
function locate(v: unknown, path: string, depth: number): string | undefined {
  if (v === null || typeof v !== "object") return typeof v === "function" || typeof v === "symbol" ? path : undefined;
  if (depth >= MAX_STATE_NESTING) return path;
  const proto = Object.getPrototypeOf(v);
  const entries: [string, unknown][] | null = Array.isArray(v) ? v.map((x, i) => [`${path}[${i}]`, x])
    : v instanceof Map ? [...v].flatMap(([k, x]): [string, unknown][] => [[`${path} (a Map key)`, k], [`${path}.get(${String(k)})`, x]])
      : v instanceof Set ? [...v].map((x): [string, unknown] => [`${path} (a Set element)`, x])
        : proto === Object.prototype || proto === null ? Object.entries(v).map(([k, x]): [string, unknown] => [`${path}.${k}`, x])
          : null;
  if (entries === null) return path;
  for (const [p, x] of entries) {
    const found = locate(x, p, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
