/**
 * Adapters for the protocol ladder: run one protocol of the project under a protocol-neutral fault
 * schedule and reduce the run to what the ladder judges (servers' execution logs, the commands their
 * clients consider done, and whether a live client is still waiting when the run stops).
 */
import type { FaultEvent, LinkOptions } from "../sim/options";
import type { Trace } from "../sim/trace";
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { clientServerWorld } from "../protocols/client-server";
import { runNaiveTicket } from "../protocols/naive-ticket";
import { runPaxos } from "../protocols/paxos";
import { clientServerReplication } from "../protocols/ack-replication";
import { serializerReplication } from "../protocols/serializer";
import type { TicketRunResult } from "../protocols/ticket-runs";
import { twoPhaseProtocol } from "../protocols/two-phase";

/** The rungs of the ladder, in order. */
export const LADDER_PROTOCOLS = [
  "naive client-server", "client-server + ACKs", "ACKs, 3 servers", "serializer", "two-phase", "naive tickets", "Paxos",
] as const;
/** One rung of the ladder. */
export type LadderProtocol = (typeof LADDER_PROTOCOLS)[number];

/** What the ladder needs from one run. */
export interface LadderRunView {
  /** Each server's executed commands, in order. */
  logs: Record<string, string[]>;
  /** Commands some client considers done (sent, acknowledged, committed or decided). */
  done: string[];
  /** True when a client that is still up is still waiting for its command when the run stops. */
  waiting: boolean;
}

interface Schedule { lossRate: number; crashes: { node: "client" | "server"; atMs: number }[] }
interface RunContext { seed: Seed; untilMs: number; delayMs: DistributionLike }

/** Runs one rung under the schedule (the first client and first server are the ones that crash). */
export function runLadderProtocol(protocol: LadderProtocol, schedule: Schedule, ctx: RunContext): LadderRunView {
  const crashed = (role: "client" | "server") => schedule.crashes.some((c) => c.node === role && c.atMs <= ctx.untilMs);
  const faults = (client: string, server: string): FaultEvent[] =>
    schedule.crashes.map((c) => ({ at: c.atMs, crash: c.node === "client" ? client : server }));
  switch (protocol) {
    case "naive client-server":
    case "client-server + ACKs": {
      const world = clientServerWorld({ seed: ctx.seed, protocol: protocol === "naive client-server" ? "naive" : "ack", commands: 3, lossRate: schedule.lossRate, delayMs: ctx.delayMs })
        .fork(...faults("client", "server"));
      const trace = world.run({ untilMs: ctx.untilMs });
      const logs = logsFromRecords(trace, ["server"], (d) => `cmd ${d.cmd}`);
      const sent = new Set<string>(), acked = new Set<string>();
      for (const m of trace.messages()) {
        const p = m.payload as { kind: string; cmd: number };
        if (p.kind === "cmd") sent.add(`cmd ${p.cmd}`);
        if (p.kind === "ack" && m.fate === "delivered") acked.add(`cmd ${p.cmd}`);
      }
      for (const r of trace.rows()) if (r.kind === "record" && r.label === "give-up") acked.add(`cmd ${(r.detail as { cmd: number }).cmd}`);
      if (protocol === "naive client-server") return { logs, done: [...sent], waiting: false };
      return { logs, done: [...acked], waiting: !crashed("client") && acked.size < 3 };
    }
    case "ACKs, 3 servers":
    case "serializer": {
      const run = protocol === "serializer" ? serializerReplication : clientServerReplication;
      const r = run({ seed: ctx.seed, clients: 2, servers: 3, delayMs: ctx.delayMs, lossRate: schedule.lossRate, untilMs: ctx.untilMs, faults: faults("A", "S1") });
      return { logs: r.logs, ...clientProgress(r.trace, r.clients, crashed("client") ? "A" : null) };
    }
    case "two-phase": {
      const links: Record<string, LinkOptions> = {};
      for (const c of ["A", "B"]) for (const s of ["S1", "S2", "S3"]) links[`${c}<->${s}`] = { lossRate: schedule.lossRate };
      const r = twoPhaseProtocol({ seed: ctx.seed, clients: 2, servers: 3, delayMs: ctx.delayMs, lockTimeoutMs: 100, untilMs: ctx.untilMs, faults: faults("A", "S1"), links });
      return { logs: r.logs, ...clientProgress(r.trace, r.clients, crashed("client") ? "A" : null) };
    }
    case "naive tickets":
    case "Paxos": {
      const opts = { seed: ctx.seed, clients: 2, servers: 3, delayMs: ctx.delayMs, lossRate: schedule.lossRate, timeoutMs: 150, untilMs: ctx.untilMs, faults: faults("u1", "s1") };
      return ticketView(protocol === "Paxos" ? runPaxos(opts) : runNaiveTicket(opts), crashed("client") ? "u1" : null);
    }
  }
}

function logsFromRecords(trace: Trace, servers: string[], id: (detail: any) => string): Record<string, string[]> {
  const logs: Record<string, string[]> = {};
  for (const s of servers) logs[s] = [];
  for (const r of trace.rows()) if (r.kind === "record" && r.label === "execute" && r.node !== null && logs[r.node]) logs[r.node].push(id(r.detail));
  return logs;
}

/** Commands committed (from "commit" records) and whether a live client has not committed all it issued. */
function clientProgress(trace: Trace, clients: string[], crashedClient: string | null): { done: string[]; waiting: boolean } {
  const done: string[] = [];
  const open = new Map<string, Set<string>>(clients.map((c) => [c, new Set<string>()]));
  const started = new Set<string>();
  for (const r of trace.rows()) {
    if (r.kind !== "record" || r.node === null || !open.has(r.node)) continue;
    const id = String((r.detail as { id: string }).id);
    if (r.label === "issue" || r.label === "attempt") { open.get(r.node)!.add(id); started.add(r.node); }
    if (r.label === "commit") { open.get(r.node)!.delete(id); done.push(id); started.add(r.node); }
  }
  const waiting = clients.some((c) => c !== crashedClient && (open.get(c)!.size > 0 || !started.has(c)));
  return { done, waiting };
}

function ticketView(r: TicketRunResult, crashedClient: string | null): LadderRunView {
  const logs: Record<string, string[]> = {};
  for (const s of r.servers) logs[s] = [];
  for (const e of r.log.executes) logs[e.server].push(e.command);
  const decided = new Set(r.log.decisions.map((d) => d.client));
  const attempts = new Map<string, number>();
  for (const a of r.log.attempts) attempts.set(a.client, (attempts.get(a.client) ?? 0) + 1);
  const waiting = r.clients.some((c) => c !== crashedClient && !decided.has(c) && (attempts.get(c) ?? 0) < 50);
  return { logs, done: r.log.decisions.map((d) => d.command), waiting };
}
