/**
 * Fork-and-diff: re-run the same world with one intervention (`world.fork(intervention)`) and compare
 * the two traces.
 *
 * @example
 * const base = world.run({ untilMs: 500 });
 * const alt = world.fork({ dropMessage: 3 }).run({ untilMs: 500 });
 * diffTraces(base, alt).firstDivergence;
 */
import type { Trace, TraceRow } from "./trace";

/** How two traces differ. */
export interface TraceDiff {
  /** True when both traces have the same events in the same order. */
  identical: boolean;
  /** The first position where the traces differ, with the event each has there (null past its end). */
  firstDivergence: { seq: number; tMs: number; a: TraceRow | null; b: TraceRow | null } | null;
  /** Events (from the divergence on) that have no identical counterpart in b: same kind, time, nodes, message, label. */
  onlyInA: TraceRow[];
  /** Events (from the divergence on) that have no identical counterpart in a. */
  onlyInB: TraceRow[];
}

const key = (r: TraceRow) =>
  `${r.t}|${r.kind}|${r.node}|${r.from}|${r.to}|${r.msgId}|${r.label}|${r.reason}|${JSON.stringify(r.detail)}`;

/** Lists how trace `b` differs from trace `a`: first divergence, then events only in one of them. */
export function diffTraces(a: Trace, b: Trace): TraceDiff {
  const ra = a.rows(), rb = b.rows();
  let i = 0;
  while (i < ra.length && i < rb.length && key(ra[i]) === key(rb[i])) i++;
  if (i === ra.length && i === rb.length) return { identical: true, firstDivergence: null, onlyInA: [], onlyInB: [] };
  const ea = ra[i] ?? null, eb = rb[i] ?? null;
  const tMs = Math.min(ea ? ea.t : Infinity, eb ? eb.t : Infinity);
  const count = new Map<string, number>();
  for (let j = i; j < rb.length; j++) { const k = key(rb[j]); count.set(k, (count.get(k) ?? 0) + 1); }
  const onlyInA: TraceRow[] = [];
  for (let j = i; j < ra.length; j++) {
    const k = key(ra[j]), c = count.get(k) ?? 0;
    if (c > 0) count.set(k, c - 1); else onlyInA.push(ra[j]);
  }
  const back = new Map<string, number>();
  for (let j = i; j < ra.length; j++) { const k = key(ra[j]); back.set(k, (back.get(k) ?? 0) + 1); }
  const onlyInB: TraceRow[] = [];
  for (let j = i; j < rb.length; j++) {
    const k = key(rb[j]), c = back.get(k) ?? 0;
    if (c > 0) back.set(k, c - 1); else onlyInB.push(rb[j]);
  }
  return { identical: false, firstDivergence: { seq: i, tMs, a: ea, b: eb }, onlyInA, onlyInB };
}
