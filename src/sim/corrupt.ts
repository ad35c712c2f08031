/**
 * Message corruption: what a corrupted payload looks like when it arrives. One primitive value of the
 * payload (a number, a string or a boolean, anywhere in it, chosen uniformly with the stream
 * "corrupt") is altered: a number changes by a whole amount in [1, 9] (up or down; a number too large for that changes sign), one character of
 * a string changes, a boolean flips. The sender's object is never touched (the copy is a JSON-like
 * deep copy of arrays and plain objects). A payload without a primitive value (null, {}) arrives as null.
 */
import type { Rng } from "../random/rng";

/** A primitive leaf: its container and key, or the root itself (container null). */
type Leaf = { box: Record<string, unknown> | unknown[] | null; key: string | number };

const isPrimitive = (v: unknown) => typeof v === "number" || typeof v === "string" || typeof v === "boolean";

function copy(v: unknown, leaves: Leaf[], box: Leaf["box"], key: string | number): unknown {
  if (isPrimitive(v)) { leaves.push({ box, key }); return v; }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    v.forEach((x, i) => out.push(copy(x, leaves, out, i)));
    return out;
  }
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copy(x, leaves, out, k);
    return out;
  }
  return v;
}

function alter(v: number | string | boolean, rng: Rng): number | string | boolean {
  if (typeof v === "boolean") return !v;
  if (typeof v === "number") {
    const by = 1 + Math.floor(rng.next() * 9);
    const r = rng.next() < 0.5 ? v - by : v + by;
    // beyond 2^53 (or for infinities) a small step changes nothing: the sign flips instead
    return r !== v && !Number.isNaN(r) ? r : Number.isNaN(v) ? 0 : -v;
  }
  if (v.length === 0) return String.fromCharCode(33 + Math.floor(rng.next() * 94));
  const i = Math.floor(rng.next() * v.length);
  const c = v.charCodeAt(i);
  const d = 1 + Math.floor(rng.next() * 25);
  return v.slice(0, i) + String.fromCharCode(c + d > 126 ? c - d : c + d) + v.slice(i + 1);
}

/** @internal The payload as it arrives after corruption (a new value; `payload` is unchanged). */
export function corruptPayload(payload: unknown, rng: Rng): unknown {
  const leaves: Leaf[] = [];
  const out = copy(payload, leaves, null, 0);
  if (leaves.length === 0) return null;
  const leaf = leaves[Math.floor(rng.next() * leaves.length)];
  if (leaf.box === null) return alter(out as number | string | boolean, rng);
  const box = leaf.box as Record<string | number, unknown>;
  box[leaf.key] = alter(box[leaf.key] as number | string | boolean, rng);
  return out;
}
