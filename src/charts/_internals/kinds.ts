/** Fixed colours for event kinds that recur across charts, so a crash is the same colour everywhere. */
import { CHART_COLORS, OKABE_ITO } from "../theme";

const KNOWN: Record<string, string> = {
  crash: "#D55E00",
  down: CHART_COLORS.down,
  failure: "#E69F00",
  fail: "#E69F00",
  recover: "#009E73",
  recovery: "#009E73",
  repair: "#009E73",
  up: "#009E73",
  execute: "#000000",
  partition: "#CC79A7",
  heal: "#56B4E9",
};

/** A colour range for the given kinds: known kinds get their fixed colour, others the unused palette colours in order. */
export function kindColors(kinds: readonly string[]): string[] {
  const used = new Set(kinds.map((k) => KNOWN[k]).filter((c): c is string => c !== undefined));
  const spare = OKABE_ITO.filter((c) => !used.has(c));
  let next = 0;
  return kinds.map((kind) => KNOWN[kind] ?? spare[next++ % spare.length]);
}
