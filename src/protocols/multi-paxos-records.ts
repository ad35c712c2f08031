/**
 * What multi-Paxos records with `ctx.record`, and the replicated log derived from those records: the
 * trace's records are the one result channel of the protocol.
 *
 * | kind      | node   | detail                        | when                                                           |
 * | --------- | ------ | ----------------------------- | -------------------------------------------------------------- |
 * | `issue`   | client | `{ id }`                      | the client sends a new command                                 |
 * | `commit`  | client | `{ id }`                      | a server told the client that its command was executed         |
 * | `prepare` | server | `{ ticket }`                  | the server challenges the leader: phase 1 with ticket t        |
 * | `lead`    | server | `{ ticket, fromSlot, slots }` | a majority answered ok: the server leads; `slots` re-proposed  |
 * | `store`   | server | `{ slot, ticket, command }`   | the server stores the command of a slot under a ticket         |
 * | `decide`  | server | `{ slot, ticket, command }`   | (leader) a majority stored it: the slot is chosen              |
 * | `execute` | server | `{ slot, id }`                | the server executes the command of the slot                    |
 * | `skip`    | server | `{ slot, command }`           | a no-op slot (a gap filled), or a command it executed already  |
 */
import type { NodeContext } from "../sim/context";
import type { Trace } from "../sim/trace";

/** The no-op a new leader proposes for a slot that no answer carries a command for (a gap). */
export const NO_OP = "no-op";

/** The detail of each record kind of multi-Paxos. */
export interface MultiPaxosRecords {
  issue: { id: string };
  commit: { id: string };
  prepare: { ticket: number };
  lead: { ticket: number; fromSlot: number; slots: number };
  store: { slot: number; ticket: number; command: string };
  decide: { slot: number; ticket: number; command: string };
  execute: { slot: number; id: string };
  skip: { slot: number; command: string };
}

/** @internal `ctx.record(kind, detail)` with the detail type of {@link MultiPaxosRecords}. */
export function recordMp<K extends keyof MultiPaxosRecords>(ctx: NodeContext, kind: K, detail: MultiPaxosRecords[K]): void {
  ctx.record(kind, detail);
}

/** The replicated log of a run, read from its trace's records. */
export interface ReplicatedLog {
  /** Each server's executed commands, in execution order (no-ops and repeats left out). */
  logs: Record<string, string[]>;
  /** Each server's applied slots in slot order: the command, or "no-op", or the repeated command. */
  slots: Record<string, string[]>;
  /** Who led from when, with which ticket. */
  leaders: { server: string; ticket: number; atMs: number }[];
  /** Slots filled with a no-op by a new leader (each counted once). */
  noOps: number[];
  /** Commands issued and committed by clients, with times. */
  issued: { client: string; id: string; atMs: number }[];
  committed: { client: string; id: string; atMs: number }[];
}

/**
 * The replicated log of a run on `servers`, from `trace.records(...)`.
 * @example replicatedLog(runMultiPaxos({ seed: 42 }).trace, ["s1", "s2", "s3"]).logs.s1
 */
export function replicatedLog(trace: Trace, servers: readonly string[]): ReplicatedLog {
  const out: ReplicatedLog = { logs: {}, slots: {}, leaders: [], noOps: [], issued: [], committed: [] };
  for (const s of servers) { out.logs[s] = []; out.slots[s] = []; }
  const noOps = new Set<number>();
  for (const r of trace.records("issue", "commit", "lead", "execute", "skip")) {
    const d = r.detail as Record<string, unknown>;
    if (r.kind === "issue") out.issued.push({ client: r.node, id: d.id as string, atMs: r.t });
    else if (r.kind === "commit") out.committed.push({ client: r.node, id: d.id as string, atMs: r.t });
    else if (r.kind === "lead") out.leaders.push({ server: r.node, ticket: d.ticket as number, atMs: r.t });
    else if (r.kind === "execute") { out.logs[r.node]?.push(d.id as string); out.slots[r.node]?.push(d.id as string); }
    else {
      out.slots[r.node]?.push(d.command as string);
      if (d.command === NO_OP) noOps.add(d.slot as number);
    }
  }
  out.noOps = [...noOps].sort((a, b) => a - b);
  return out;
}

/** What {@link checkLogAgreement} found. */
export interface LogAgreement {
  /** Every two servers' applied slots are prefixes of one another (one value per slot). */
  slotsAgree: boolean;
  /** No server executed a command twice. */
  noDuplicates: boolean;
  /** Every command a client was told is committed is in the longest executed log. */
  noneLost: boolean;
  /** All three hold. */
  ok: boolean;
  /** The first violation in words, or null. */
  violation: string | null;
}

/**
 * The replicated log's safety: the servers' slot logs are prefixes of one another, no command is
 * executed twice, and no committed command is missing from the longest log.
 */
export function checkLogAgreement(log: ReplicatedLog): LogAgreement {
  let violation: string | null = null;
  const entries = Object.entries(log.slots);
  let slotsAgree = true;
  for (const [a, la] of entries) for (const [b, lb] of entries) {
    const n = Math.min(la.length, lb.length);
    for (let i = 0; i < n && slotsAgree; i++) if (la[i] !== lb[i]) {
      slotsAgree = false;
      violation = `${a} and ${b} applied different commands in slot ${i}: ${la[i]} and ${lb[i]}`;
    }
  }
  let noDuplicates = true;
  for (const [s, l] of Object.entries(log.logs)) if (new Set(l).size !== l.length) {
    noDuplicates = false;
    violation ??= `${s} executed a command twice: ${l.join(" ")}`;
  }
  const longest = Object.values(log.logs).reduce((a, b) => (b.length > a.length ? b : a), [] as string[]);
  const known = new Set(longest);
  const lost = log.committed.find((c) => !known.has(c.id));
  if (lost) violation ??= `${lost.client} was told ${lost.id} is committed, but no server executed it`;
  return { slotsAgree, noDuplicates, noneLost: lost === undefined, ok: violation === null, violation };
}
