/**
 * Readings of notebook 01's single runs: which command a stale copy made the server execute again, and
 * which events of a fork are only the base run's events shifted in time.
 */
import type { TraceDiff } from "../sim/diff";
import type { TraceRow } from "../sim/trace";
import { fail } from "../validate";

/** The first command executed again after a later one, or null when no command runs twice that way. */
export interface StaleDuplicate {
  /** The command executed again. */
  command: number;
  /** The command executed just before the stale copy. */
  after: number;
  /** Position of the stale execution in the execution order (0-based). */
  position: number;
}

/**
 * Finds the first stale duplicate in an execution order: a command executed a second time after the
 * server has already executed a later command.
 * @example staleDuplicate([0, 1, 2, 1]) // { command: 1, after: 2, position: 3 }
 */
export function staleDuplicate(order: readonly number[]): StaleDuplicate | null {
  if (!Array.isArray(order)) fail("staleDuplicate(order)", order, "an array of command numbers");
  for (let i = 1; i < order.length; i++) {
    const earlier = order.slice(0, i);
    if (earlier.includes(order[i]) && Math.max(...earlier) > order[i]) return { command: order[i], after: order[i - 1], position: i };
  }
  return null;
}

/** A diff read with a time shift: events of the first run that reappear in the second, later. */
export interface ShiftedDiff {
  /** The shift in ms: each matched event happens this much later in the second run. */
  shiftMs: number;
  /** Events only in the first run that happen in the second too, shiftMs later (same kind, nodes, label, detail). */
  shifted: number;
  /** Events only in the first run with no shifted counterpart. */
  missing: TraceRow[];
  /** Events only in the second run that are not a shifted event of the first: what the intervention added. */
  added: TraceRow[];
}

const sameEvent = (a: TraceRow, b: TraceRow) => a.kind === b.kind && a.node === b.node && a.from === b.from &&
  a.to === b.to && a.label === b.label && JSON.stringify(a.detail) === JSON.stringify(b.detail);

/**
 * Re-reads diffTraces(a, b), which compares events with their times and message ids, allowing one
 * time shift: the shift is that of the first event only in `a` to its first same event only in `b`.
 * @example shiftedDiff(diffTraces(base.trace, fork.trace)).shiftMs
 */
export function shiftedDiff(diff: TraceDiff): ShiftedDiff {
  if (diff === null || typeof diff !== "object" || !Array.isArray(diff.onlyInA)) fail("shiftedDiff(diff)", diff, "the result of diffTraces(a, b)");
  const first = diff.onlyInA[0];
  const match = first === undefined ? undefined : diff.onlyInB.find((b) => sameEvent(first, b) && b.t >= first.t);
  const shiftMs = first === undefined || match === undefined ? 0 : match.t - first.t;
  const unused = new Set(diff.onlyInB);
  const missing: TraceRow[] = [];
  for (const a of diff.onlyInA) {
    const b = [...unused].find((r) => sameEvent(a, r) && Math.abs(r.t - (a.t + shiftMs)) < 1e-9);
    if (b === undefined) missing.push(a); else unused.delete(b);
  }
  return { shiftMs, shifted: diff.onlyInA.length - missing.length, missing, added: [...unused] };
}
