/**
 * The one text format for what a trace carries: a message or a recorded state change reads like a call,
 * `name(value, value, ...)`, as the chapter writes its messages (`ok(T_store, C)`, `propose(t, c)`).
 * Diagrams, timelines and text views all use it, so the same event reads the same everywhere.
 */

/**
 * A value as short text: null and undefined as ⊥ (the chapter's "nothing stored"), strings as they are,
 * arrays as `[a, b]`, objects as `{k: v, ...}`, both with their items formatted the same way.
 * @example valueText(null) === "⊥"; valueText(["c1", null]) === "[c1, ⊥]"; valueText({ t: 4 }) === "{t: 4}"
 */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "⊥";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(valueText).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${valueText(v)}`).join(", ")}}`;
  }
  return String(value);
}

/**
 * `name(v1, v2, ...)` from a name and the fields of a detail, in the order they were given. A field whose
 * text the name already spells out as a word is not repeated (`{ type: "cmd 0", cmd: 0 }` reads `cmd 0`),
 * so nothing is shown twice and nothing is lost. No fields: the name alone. A detail that is not a plain object
 * (a string, a number, an array) is the one value: `execute("c1")` reads `execute(c1)`.
 */
export function callText(name: string, detail: unknown): string {
  let values: unknown[];
  if (detail === null || detail === undefined) values = [];
  else if (typeof detail === "object" && !Array.isArray(detail)) values = Object.values(detail as Record<string, unknown>);
  else values = [detail];
  const words = new Set(name.split(/\s+/));
  const shown = values.map(valueText).filter((text) => !words.has(text));
  return shown.length === 0 ? name : `${name}(${shown.join(", ")})`;
}

/**
 * The default label of a message: its payload as `type(field values)`, e.g. `{ type: "ok", t: 4, tStore: 0,
 * c: null }` -> `ok(4, 0, ⊥)`, `{ type: "cmd", id: "A1" }` -> `cmd(A1)`, `{ type: "+10" }` -> `+10`. A string
 * payload is its own label; a payload without a `type` lists its values: `(1, 2)`.
 */
export function payloadLabel(payload: unknown): string {
  if (payload !== null && typeof payload === "object" && !Array.isArray(payload)) {
    const { type, ...fields } = payload as Record<string, unknown>;
    if (type !== undefined) return callText(valueText(type), fields);
    const text = callText("", fields);
    return text === "" ? "()" : text;
  }
  return valueText(payload);
}

/** The label of a state change recorded with `ctx.record(kind, detail)`: `execute {cmd: 0}` -> `execute(0)`. */
export function recordLabel(kind: string, detail: unknown): string {
  return callText(kind, detail);
}
