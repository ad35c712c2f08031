/** Small helpers for plain JSON values: deep copy, deep freeze, deep merge. */

/** A plain JSON-like object. */
export type JsonObject = { [key: string]: unknown };

/** True for plain objects (not arrays, not null, not class instances such as Date). */
export function isPlainObject(value: unknown): value is JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Deep copy of a JSON-like value (objects and arrays copied, other values kept). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => deepCopy(item)) as unknown as T;
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = deepCopy(value[key]);
    return out as T;
  }
  return value;
}

/** Freezes a JSON-like value and everything inside it; returns the value. */
export function deepFreeze<T>(value: T): T {
  if (Array.isArray(value) || isPlainObject(value)) {
    for (const item of Object.values(value as object)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * Merges `patch` into a copy of `base`: plain objects merge key by key, any other value (arrays
 * included) replaces; a key whose patch value is `undefined` is removed.
 */
export function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = deepCopy(base);
  for (const key of Object.keys(patch)) {
    const next = patch[key];
    if (next === undefined) {
      delete out[key];
    } else if (isPlainObject(next) && isPlainObject(out[key])) {
      out[key] = deepMerge(out[key] as JsonObject, next);
    } else {
      out[key] = deepCopy(next);
    }
  }
  return out;
}
