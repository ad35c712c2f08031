/**
 * Adapters for the protocol ladder: run one protocol of the project with the ladder's network and
 * fault entries, and reduce the run to what the ladder judges (servers' execution logs, the commands
 * their clients consider done, and whether a live client is still waiting when the run stops). Every
 * outcome is read from the run's trace records, one function per family; nothing is assumed about a
 * protocol's limits.
 *
 * The job is the same on every rung: every client wants its own commands executed (one client with 3
 * commands on the one-server rungs; 2 clients with one command each on the 3-server rungs), and a
 * command counts as done only when its own client was told so. The Paxos rung is the replicated log
 * (runMultiPaxos, one Paxos instance per slot), which must execute both clients' commands: a client
 * whose command lost the race is not done until its command is in the log. The naive-ticket rung stays
 * runNaiveTicket, one ticket instance that both clients contend for: a naive client never learns what a
 * server stored (a server answers with a ticket only), so it cannot tell that another command holds
 * the slot and move on to the next one; one ticket instance per command reduces, for one command per
 * client, to that single instance. Its clients never adopt, so each is done with its own command.
 */
import type { FaultEvent, LinkOptions } from "../sim/options";
import type { Trace } from "../sim/trace";
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { runClientServer } from "../protocols/client-server";
import { runNaiveTicket } from "../protocols/naive-ticket";
import { runMultiPaxos, type MultiPaxosResult } from "../protocols/multi-paxos";
import type { ChooseStored } from "../protocols/multi-paxos-options";
import { NO_OP } from "../protocols/multi-paxos-records";
import { runAckReplication } from "../protocols/ack-replication";
import { runSerializer } from "../protocols/serializer";
import type { TicketRunResult } from "../protocols/ticket-runs";
import { runTwoPhase } from "../protocols/two-phase";

/** The rungs of the ladder, in order. */
export const LADDER_PROTOCOLS = [
  "naive client-server", "client-server + ACKs", "ACKs, 3 servers", "serializer", "two-phase", "naive tickets", "multi-Paxos",
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

/** The network and faults of one run; the fault entries name u1 (the first client) and s1 (the first server). */
export interface LadderRun {
  seed: Seed; untilMs: number; delayMs: DistributionLike; lossRate: number; faults: FaultEvent[];
  /** How the multi-Paxos rung's new leaders pick a slot's command from what is stored (default: the chapter's rule). */
  chooseStored?: ChooseStored;
}

/** Runs one rung with the run's network and faults. */
export function runLadderProtocol(protocol: LadderProtocol, run: LadderRun): LadderRunView {
  switch (protocol) {
    case "naive client-server":
    case "client-server + ACKs": {
      const commands = 3;
      const { trace } = runClientServer({ seed: run.seed, protocol: protocol === "naive client-server" ? "naive" : "ack", commands, lossRate: run.lossRate,
        delayMs: run.delayMs, faults: run.faults, untilMs: run.untilMs });
      const cmd = (k: number) => `cmd ${k}`;
      const logs = { s1: trace.records<{ cmd: number }>("execute").filter((r) => r.node === "s1").map((r) => cmd(r.detail.cmd)) };
      const sent = new Set<string>(), acked = new Set<string>();
      for (const m of trace.messages()) {
        const p = m.payload as { kind: string; cmd: number };
        if (p.kind === "cmd") sent.add(cmd(p.cmd));
        if (p.kind === "ack" && m.fate === "delivered") acked.add(cmd(p.cmd));
      }
      for (const r of trace.records<{ cmd: number }>("give-up")) acked.add(cmd(r.detail.cmd)); // the client stopped waiting for it
      if (protocol === "naive client-server") return { logs, done: [...sent], waiting: false };
      return { logs, done: [...acked], waiting: !downAtEnd(trace).has("u1") && acked.size < commands };
    }
    case "ACKs, 3 servers":
    case "serializer": {
      const replicate = protocol === "serializer" ? runSerializer : runAckReplication;
      const r = replicate({ seed: run.seed, clients: 2, servers: 3, delayMs: run.delayMs, lossRate: run.lossRate, untilMs: run.untilMs, faults: run.faults });
      return { logs: r.logs, ...clientProgress(r.trace, r.clients) };
    }
    case "two-phase": {
      const links: Record<string, LinkOptions> = {};
      for (const c of ["u1", "u2"]) for (const s of ["s1", "s2", "s3"]) links[`${c}<->${s}`] = { lossRate: run.lossRate };
      const r = runTwoPhase({ seed: run.seed, clients: 2, servers: 3, delayMs: run.delayMs, lockTimeoutMs: 100, untilMs: run.untilMs, faults: run.faults, links });
      return { logs: r.logs, ...clientProgress(r.trace, r.clients) };
    }
    case "naive tickets":
      return ticketView(runNaiveTicket({ seed: run.seed, clients: 2, servers: 3, delayMs: run.delayMs, lossRate: run.lossRate, timeoutMs: 150, untilMs: run.untilMs, faults: run.faults }));
    case "multi-Paxos": // heartbeats every 50 ms, challenges after 150 ms (+ up to 150) of silence: the defaults' 1 : 3, at a
      // pace that takes fewer events to simulate over the run; every command still has the whole run to be committed.
      return logView(runMultiPaxos({ seed: run.seed, clients: 2, servers: 3, commandsPerClient: 1, delayMs: run.delayMs, lossRate: run.lossRate,
        heartbeatMs: 50, electionTimeoutMs: 150, untilMs: run.untilMs, faults: run.faults, ...(run.chooseStored ? { chooseStored: run.chooseStored } : {}) }));
  }
}

/** The nodes that are down when the run stops (from the trace's crash and recover events). */
function downAtEnd(trace: Trace): Set<string> {
  const down = new Set<string>();
  for (const r of trace.rows()) {
    if (r.node === null) continue;
    if (r.kind === "crash") down.add(r.node);
    else if (r.kind === "recover") down.delete(r.node);
  }
  return down;
}

/** Commands committed (from "commit" records) and whether a live client has not committed all it issued. */
function clientProgress(trace: Trace, clients: string[]): { done: string[]; waiting: boolean } {
  const done: string[] = [];
  const open = new Map<string, Set<string>>(clients.map((c) => [c, new Set<string>()]));
  const started = new Set<string>();
  for (const r of trace.records<{ id: string }>("issue", "attempt", "commit")) {
    if (!open.has(r.node)) continue;
    const id = String(r.detail.id);
    if (r.kind === "issue" || r.kind === "attempt") { open.get(r.node)!.add(id); started.add(r.node); }
    if (r.kind === "commit") { open.get(r.node)!.delete(id); done.push(id); started.add(r.node); }
  }
  const down = downAtEnd(trace);
  const waiting = clients.some((c) => !down.has(c) && (open.get(c)!.size > 0 || !started.has(c)));
  return { done, waiting };
}

/**
 * The replicated log: each server's log in slot order from its "execute" records, and from its "skip"
 * records the no-ops it applied, as "no-op in slot k" (a no-op in place of a command is a different
 * command executed in its place; a repeated command skipped is no execution). Done from the clients'
 * "commit" records (a server told the client its own command was executed); a live client waits while
 * one of its commands is open.
 */
function logView(r: MultiPaxosResult): LadderRunView {
  const logs: Record<string, string[]> = {};
  for (const s of r.servers) logs[s] = [];
  for (const e of r.trace.records<{ slot: number; id?: string; command?: string }>("execute", "skip")) {
    if (!(e.node in logs)) continue;
    if (e.kind === "execute") logs[e.node].push(String(e.detail.id));
    else if (e.detail.command === NO_OP) logs[e.node].push(`${NO_OP} in slot ${e.detail.slot}`);
  }
  return { logs, ...clientProgress(r.trace, r.clients) };
}

/** Executions and decisions from the run's log; a live client waits unless it decided or gave up (a naive client decides its own command). */
function ticketView(r: TicketRunResult): LadderRunView {
  const logs: Record<string, string[]> = {};
  for (const s of r.servers) logs[s] = [];
  for (const e of r.log.executes) logs[e.server].push(e.command);
  const decided = new Set(r.log.decisions.map((d) => d.client));
  const gaveUp = new Set(r.trace.records("give-up").map((g) => g.node));
  const down = downAtEnd(r.trace);
  const waiting = r.clients.some((c) => !down.has(c) && !decided.has(c) && !gaveUp.has(c));
  return { logs, done: r.log.decisions.map((d) => d.command), waiting };
}
