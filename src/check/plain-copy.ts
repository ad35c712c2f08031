/**
 * Copies and freezes of plain data (null, booleans, numbers, strings, bigints, arrays, plain
 * objects, Map, Set), for the protocol checker: a node's state is copied before a handler runs on
 * it (so the parent state stays as it was), and a message payload or timer tag is frozen so that a
 * handler that changes one is caught at once.
 */

/** A deep copy of plain data; anything else (functions, class instances) is kept by reference. */
export function plainCopy<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = plainCopy(v[i]);
    return out as T;
  }
  if (v instanceof Map) {
    const out = new Map();
    for (const [k, x] of v) out.set(k, plainCopy(x));
    return out as T;
  }
  if (v instanceof Set) {
    const out = new Set();
    for (const x of v) out.add(plainCopy(x));
    return out as T;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) out[k] = plainCopy((v as Record<string, unknown>)[k]);
  return out as T;
}

/** Freezes plain data deeply (Map and Set contents cannot be frozen; their elements are). Returns v. */
export function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== "object" || Object.isFrozen(v)) return v;
  Object.freeze(v);
  if (v instanceof Map) for (const [k, x] of v) { deepFreeze(k); deepFreeze(x); }
  else if (v instanceof Set) for (const x of v) deepFreeze(x);
  else for (const k in v as Record<string, unknown>) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}
