/**
 * The fault schedule's entries (`{ at: 40, crash: "S" }`, `{ at: 10, partition: [["A"], ["B"]] }`,
 * ...) and their validation into node indices, as the world applies them.
 */
import { checkKeys, checkKnownName, checkNumber, fail } from "../validate";

/** A pair of node sets naming directed links: every (from, to) pair. */
export interface LinkSelector {
  from: string | string[];
  to: string | string[];
}

/** One entry of the fault schedule. `at` is the virtual time in ms. */
export type FaultEvent =
  | { at: number; crash: string }
  | { at: number; recover: string; keepVolatile?: boolean }
  | { at: number; partition: string[][] }
  | { at: number; heal: true }
  | { at: number; block: LinkSelector }
  | { at: number; unblock: LinkSelector }
  | { at: number; hold: LinkSelector }
  | { at: number; release: LinkSelector };

/** Fault verbs, in code order. */
export const FAULT_VERBS = ["crash", "recover", "partition", "heal", "block", "unblock", "hold", "release"] as const;
/** A fault verb. */
export type FaultVerb = (typeof FAULT_VERBS)[number];

/** @internal A validated fault: node indices instead of names. */
export interface NormalFault {
  at: number;
  verb: FaultVerb;
  node: number;
  keepVolatile: boolean;
  groups: number[][];
  from: number[];
  to: number[];
}

/** Validates one schedule entry; `name` locates it in messages, e.g. "faults[2]". */
export function normalizeFault(name: string, f: unknown, nodes: readonly string[]): NormalFault {
  if (f === null || typeof f !== "object") fail(name, f, "an object such as { at: 50, crash: \"S\" }");
  const e = f as Record<string, unknown>;
  const verbs = FAULT_VERBS.filter((v) => v in e);
  if (verbs.length !== 1) fail(name, f, `an object with exactly one of ${FAULT_VERBS.join(", ")} and a time "at"`);
  const verb = verbs[0];
  checkKeys(name, e, ["at", verb, ...(verb === "recover" ? ["keepVolatile"] : [])]);
  const at = checkNumber(`${name}.at`, e.at, 0);
  const out: NormalFault = { at, verb, node: -1, keepVolatile: false, groups: [], from: [], to: [] };
  const idx = (n: string, v: unknown) => nodes.indexOf(checkKnownName(n, v, nodes));
  if (verb === "crash" || verb === "recover") out.node = idx(`${name}.${verb}`, e[verb]);
  if (verb === "recover" && e.keepVolatile !== undefined) {
    if (typeof e.keepVolatile !== "boolean") fail(`${name}.keepVolatile`, e.keepVolatile, "true or false");
    out.keepVolatile = e.keepVolatile;
  }
  if (verb === "heal" && e.heal !== true) fail(`${name}.heal`, e.heal, "true");
  if (verb === "partition") {
    const groups = e.partition;
    if (!Array.isArray(groups) || groups.length < 2) fail(`${name}.partition`, groups, "an array of at least two groups of node names");
    const seen = new Set<number>();
    out.groups = groups.map((g, gi) => {
      if (!Array.isArray(g) || g.length === 0) fail(`${name}.partition[${gi}]`, g, "a non-empty array of node names");
      return g.map((n, ni) => {
        const i = idx(`${name}.partition[${gi}][${ni}]`, n);
        if (seen.has(i)) fail(`${name}.partition`, groups, `groups without repeated nodes (${JSON.stringify(n)} repeats)`);
        seen.add(i);
        return i;
      });
    });
  }
  if (verb === "block" || verb === "unblock" || verb === "hold" || verb === "release") {
    const sel = e[verb] as LinkSelector;
    if (sel === null || typeof sel !== "object") fail(`${name}.${verb}`, sel, "{ from, to } with node names or arrays of them");
    checkKeys(`${name}.${verb}`, sel, ["from", "to"]);
    const list = (k: "from" | "to") => {
      const v = sel[k];
      const arr = Array.isArray(v) ? v : [v];
      if (arr.length === 0) fail(`${name}.${verb}.${k}`, v, "a node name or a non-empty array of names");
      return arr.map((n, i) => idx(`${name}.${verb}.${k}${Array.isArray(v) ? `[${i}]` : ""}`, n));
    };
    out.from = list("from");
    out.to = list("to");
  }
  return out;
}
