/**
 * What each protocol's nodes "know" after a step of a replay (`replayRows(trace, { state })`), derived
 * from what the trace shows of the node: its records and the messages it sent and received. One state
 * function per protocol of notebooks 01-05; each returns a few short lines (a lane is about 20 characters wide).
 */
import type { ReplaySeen, ReplayStateFn } from "../views/replay-rows";

type Payload = Record<string, unknown>;
const payload = (m: { payload: unknown }): Payload => (m.payload !== null && typeof m.payload === "object" ? (m.payload as Payload) : {});
const lastRecord = (seen: ReplaySeen, ...kinds: string[]) => [...seen.records].reverse().find((r) => kinds.includes(r.kind));
const detail = (r: { detail: unknown } | undefined): Payload => (r !== undefined && r.detail !== null && typeof r.detail === "object" ? (r.detail as Payload) : {});
const list = (items: readonly unknown[], none = "none") => (items.length === 0 ? none : items.join(", "));

/**
 * Notebook 01 (client-server): the server's executions in order (`executed 0, 1, 1`); the client's
 * current command, how many copies it sent, and the commands acknowledged.
 */
export const clientServerState: ReplayStateFn = (node, seen) => {
  if (node.startsWith("s")) return [`executed ${list(seen.records.filter((r) => r.kind === "execute").map((r) => detail(r).cmd), "—")}`];
  const cmds = seen.sent.map((m) => payload(m).cmd as number);
  const acked = [...new Set(seen.received.map((m) => payload(m).cmd as number))];
  if (cmds.length === 0) return ["idle"];
  const current = cmds[cmds.length - 1];
  const copies = cmds.filter((c) => c === current).length;
  return [`cmd ${current}: ${copies} cop${copies === 1 ? "y" : "ies"} sent`, `acked ${list(acked)}`];
};

/** Notebook 02 (score race): the server's score after each command it applied; a client's commands sent. */
export function scoreRaceState(initialScore = 0): ReplayStateFn {
  return (node, seen) => {
    if (node.startsWith("s")) {
      const applied = seen.records.filter((r) => r.kind === "apply");
      const last = applied[applied.length - 1];
      return [`score ${last === undefined ? initialScore : String(detail(last).score)}`, `applied ${list(applied.map((r) => detail(r).op))}`];
    }
    return [`sent ${list(seen.sent.map((m) => payload(m).type))}`];
  };
}

/**
 * Notebook 03 (state replication, acknowledgments or a serializer): each server's executed commands in
 * order (where replicas diverge); a client's command and how many acks it has.
 */
export const replicationState: ReplayStateFn = (node, seen) => {
  const executed = seen.records.filter((r) => r.kind === "execute").map((r) => detail(r).id);
  if (node.startsWith("s")) return [`executed ${list(executed, "—")}`];
  const issued = lastRecord(seen, "issue");
  if (issued === undefined) return ["idle"];
  const id = detail(issued).id;
  if (seen.records.some((r) => r.kind === "commit" && detail(r).id === id)) return [`${String(id)} committed`];
  const acks = new Set(seen.received.filter((m) => payload(m).type === "ack" && payload(m).id === id).map((m) => m.from)).size;
  return [`${String(id)}: ${acks} ack${acks === 1 ? "" : "s"}`];
};

/**
 * Notebook 04 (two-phase protocol): whom a server's lock belongs to and what it executed; a client's
 * attempt, the locks it was granted in it, and whether it committed or aborted.
 */
export const twoPhaseState: ReplayStateFn = (node, seen) => {
  if (node.startsWith("s")) {
    const lock = lastRecord(seen, "lock", "unlock");
    const holder = lock === undefined || lock.kind === "unlock" ? "free" : `locked by ${String(detail(lock).client)}`;
    return [holder, `executed ${list(seen.records.filter((r) => r.kind === "execute").map((r) => detail(r).id), "—")}`];
  }
  const last = lastRecord(seen, "attempt", "abort", "commit");
  if (last === undefined) return ["idle"];
  const d = detail(last);
  if (last.kind === "commit") return [`${String(d.id)} committed`];
  if (last.kind === "abort") return [`attempt ${String(d.attempt)} aborted`, `(${String(d.why)})`];
  const grants = seen.received.filter((m) => payload(m).type === "grant" && payload(m).attempt === d.attempt).length;
  return [`attempt ${String(d.attempt)}`, `${grants} lock${grants === 1 ? "" : "s"} granted`];
};

/**
 * Notebook 05 (Paxos): a server's T_max (the largest ticket it issued, read from its ok and nack
 * answers), C and T_store (from its store records) and its execution; a client's ticket, its oks and
 * what it proposed (its own command) or adopted (one it saw stored) or decided.
 */
export const paxosState: ReplayStateFn = (node, seen) => {
  if (node.startsWith("s")) {
    const issued = seen.sent.map((m) => payload(m)).map((p) => (p.type === "ok" ? p.t : p.type === "nack" ? p.tMax : 0) as number);
    const stored = lastRecord(seen, "store");
    const executed = lastRecord(seen, "execute");
    return [
      `T_max ${Math.max(0, ...issued)}`,
      `C ${stored === undefined ? "⊥" : String(detail(stored).command)}, T_store ${stored === undefined ? 0 : String(detail(stored).ticket)}`,
      ...(executed === undefined ? [] : [`executed ${String(detail(executed).command)}`]),
    ];
  }
  const last = lastRecord(seen, "attempt", "propose", "decide", "give-up");
  if (last === undefined) return ["idle"];
  const d = detail(last);
  if (last.kind === "decide") return [`decided ${String(d.command)}`];
  if (last.kind === "give-up") return ["gave up"];
  const adopted = d.command !== `c${node.slice(1)}`; // client uK's own command is cK
  if (last.kind === "propose") return [`ticket ${String(d.ticket)}`, `${adopted ? "adopts" : "proposes"} ${String(d.command)}`];
  const oks = seen.received.filter((m) => payload(m).type === "ok" && payload(m).t === d.ticket);
  const best = oks.map(payload).filter((p) => (p.tStore as number) > 0).sort((a, b) => (b.tStore as number) - (a.tStore as number))[0];
  return [`ticket ${String(d.ticket)}: ${oks.length} ok${oks.length === 1 ? "" : "s"}`, ...(best === undefined ? [] : [`saw ${String(best.c)} (T_store ${String(best.tStore)})`])];
};
