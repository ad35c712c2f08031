/**
 * The bad-input table: every public entry point a student calls, each bad value it may receive, and
 * the error it must throw. One row = one test (bad-input.test.ts) = one line of docs/errors.md
 * (generated from these rows by errors-doc.ts, and checked against the file so the two cannot drift).
 *
 * A row's `expect` must match the thrown message; rows built with `bad()` expect the standard shape
 * "<param> must be <range>; got <value>", so the message names the parameter, the range and the value.
 */
import * as os from "os";
import * as path from "path";
import * as lib from "../../src";
import { describeValue } from "../../src/validate";

/** One row of the table. */
export interface BadInputCase {
  /** The public entry point, as a student would call it. */
  entry: string;
  /** The parameter (or option path) that is wrong. */
  param: string;
  /** The bad value, as text. */
  value: string;
  /** What kind of mistake this is (the docs group rows by it). */
  category: Category;
  /** Calls the entry point with the bad value; may return a promise (then it must reject). */
  call: () => unknown;
  /** Must match the error message. */
  expect: RegExp;
}

export type Category =
  | "NaN" | "Infinity" | "negative time" | "probability outside [0, 1]" | "empty list" | "duplicate names"
  | "unknown node" | "run count" | "size" | "malformed rows" | "file path" | "wrong type" | "runaway";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const rows: BadInputCase[] = [];

/** Rows for one parameter, one per bad value: the message must name param, range and value. */
function bad(entry: string, param: string, range: string, values: [Category, unknown][], call: (v: any) => unknown): void {
  for (const [category, v] of values) {
    const expect = new RegExp(`${esc(param)} must be [^;]*${esc(range)}[^;]*; got ${esc(describeValue(v))}`);
    rows.push({ entry, param, value: describeValue(v), category, call: () => call(v), expect });
  }
}

/** One row with a custom message pattern. */
function row(entry: string, param: string, value: string, category: Category, call: () => unknown, expect: RegExp): void {
  rows.push({ entry, param, value, category, call, expect });
}

const NAN: [Category, unknown] = ["NaN", NaN];
const INF: [Category, unknown] = ["Infinity", Infinity];
const NEG: [Category, unknown] = ["negative time", -1];
const OVER: [Category, unknown] = ["probability outside [0, 1]", 1.5];
const UNDER: [Category, unknown] = ["probability outside [0, 1]", -0.1];
const ZERO: [Category, unknown] = ["run count", 0];
const HUGE: [Category, unknown] = ["run count", 1e12];
const STR: [Category, unknown] = ["wrong type", "10"];
const PROB = [NAN, OVER, UNDER, STR];

// ---- engine: createWorld, world.run, handler context ----
const world = (o: Partial<lib.WorldOptions>) => lib.createWorld({ seed: 1, nodes: ["A", "B"], ...o } as lib.WorldOptions);
bad("createWorld", "seed", "a finite number or a string", [NAN, INF], (v) => world({ seed: v }));
row("createWorld", "nodes", "[]", "empty list", () => world({ nodes: [] }), /nodes must be a non-empty array of names; got \[\]/);
row("createWorld", "nodes", '["A","A"]', "duplicate names", () => world({ nodes: ["A", "A"] }), /nodes must be an array of distinct names \("A" repeats\)/);
row("createWorld", "nodes", '"A,B"', "wrong type", () => world({ nodes: "A,B" as any }), /nodes must be a non-empty array of names; got "A,B"/);
row("createWorld", "nodes", "10,000 names", "size", () => world({ nodes: Array.from({ length: 10_000 }, (_, i) => `n${i}`) }),
  /nodes must be at most 2000 names[^;]*; got 10000 names/);
bad("createWorld", "network.lossRate", "[0, 1]", PROB, (v) => world({ network: { lossRate: v } }));
bad("createWorld", "network.duplicateRate", "[0, 1]", [NAN, OVER], (v) => world({ network: { duplicateRate: v } }));
bad("createWorld", "network.corruptRate", "[0, 1]", [NAN, OVER, UNDER], (v) => world({ network: { corruptRate: v } }));
bad('createWorld', 'network.links["A->B"].corruptRate', "[0, 1]", [OVER], (v) => world({ network: { links: { "A->B": { corruptRate: v } } } }));
bad("createWorld", "network.delayMs", "in [0, Infinity)", [NAN, INF, NEG], (v) => world({ network: { delayMs: v } }));
bad("createWorld", "network.delayMs.mean", "> 0", [NEG, NAN], (v) => world({ network: { delayMs: lib.exponential(v) } }));
bad("createWorld", "network.processingMs", "in [0, Infinity)", [NAN, NEG], (v) => world({ network: { processingMs: v } }));
bad('createWorld', 'network.links["A->B"].lossRate', "[0, 1]", [OVER], (v) => world({ network: { links: { "A->B": { lossRate: v } } } }));
bad('createWorld', 'network.links["A->Z"] to', 'one of the known nodes "A", "B"', [["unknown node", "Z"]], () => world({ network: { links: { "A->Z": { lossRate: 0.1 } } } }));
bad("createWorld", "speeds.A", "> 0", [["size", 0], NAN, INF], (v) => world({ speeds: { A: v } }));
bad("createWorld", "speeds key", 'one of the known nodes "A", "B"', [["unknown node", "Z"]], () => world({ speeds: { Z: 2 } }));
bad("createWorld", "faults[0].crash", 'one of the known nodes "A", "B"', [["unknown node", "Z"]], (v) => world({ faults: [{ at: 5, crash: v }] }));
bad("createWorld", "faults[0].recover", 'one of the known nodes "A", "B"', [["unknown node", "C"]], (v) => world({ faults: [{ at: 5, recover: v }] }));
bad("createWorld", "faults[0].partition[1][0]", 'one of the known nodes "A", "B"', [["unknown node", "Z"]], (v) => world({ faults: [{ at: 5, partition: [["A"], [v]] }] }));
bad("createWorld", "faults[0].block.to", 'one of the known nodes "A", "B"', [["unknown node", "Z"]], (v) => world({ faults: [{ at: 5, block: { from: "A", to: v } }] }));
bad("createWorld", "faults[0].at", "[0, Infinity)", [NEG, NAN, INF], (v) => world({ faults: [{ at: v, crash: "A" }] }));
bad("createWorld", "maxEvents", "an integer in [1,", [ZERO, NAN, ["run count", 2.5]], (v) => world({ maxEvents: v }));
row("createWorld", "network.lossrate", "(typo)", "wrong type", () => world({ network: { lossrate: 0.1 } as any }), /network has an unknown option "lossrate"; known options: delayMs, lossRate/);
bad("world.run", "untilMs", "[0, Infinity)", [NAN, NEG, INF], (v) => world({}).run({ untilMs: v }));
bad("createWorld", "handlers key", 'one of the known nodes "A", "B"', [["unknown node", "Z"]], (v) => world({ handlers: { [v]: {} } }));
bad("createWorld", "handlers.A.init", "a function", [["wrong type", "go"]], (v) => world({ handlers: { A: { init: v } } }));
const inInit = (f: (ctx: lib.NodeContext) => void) => world({ handlers: { A: { init: f } } }).run({});
bad("ctx.send", "send(to)", 'one of the known nodes "A", "B"', [["unknown node", "Z"]], (v) => inInit((ctx) => ctx.send(v, "x")));
bad("ctx.setTimer", "setTimer(delayMs)", "[0, Infinity)", [NAN, NEG, INF], (v) => inInit((ctx) => ctx.setTimer(v, "t")));
row("world.run", "(a protocol that never stops)", "ping-pong forever", "runaway", () => {
  const echo = { onMessage: (ctx: lib.NodeContext, m: lib.Message) => { ctx.send(m.from, "ping"); } };
  const w = world({ maxEvents: 10_000, handlers: { A: { ...echo, init: (ctx) => { ctx.send("B", "ping"); } }, B: echo } });
  return w.run({});
}, /exceeded its limit of maxEvents = 10000 events at t = \d+ ms \(a protocol that never stops\?\)/);
row("world.run", "(timers that never stop)", "setTimer(0) forever", "runaway", () => {
  const w = world({ maxEvents: 10_000, handlers: { A: { init: (ctx) => { ctx.setTimer(0, "t"); }, onTimer: (ctx) => { ctx.setTimer(0, "t"); } } } });
  return w.run({});
}, /exceeded its limit of maxEvents = 10000 events at t = 0 ms/);

// ---- random: distributions are validated when sampled or summarised ----
bad("sampler(exponential(mean))", "delayMs.mean", "> 0", [NEG, NAN, ["size", 0]], (v) => lib.sampler(lib.exponential(v), "delayMs"));
bad("sampler(uniform(min, max))", "delayMs.max", "[5, Infinity)", [["size", 1]], (v) => lib.sampler(lib.uniform(5, v), "delayMs"));
bad("sampler(bernoulli(p))", "lost.p", "[0, 1]", [OVER, NAN], (v) => lib.sampler(lib.bernoulli(v), "lost"));
bad("distMean(normal(mean, sd))", "distribution.sd", "[0, Infinity)", [NEG], (v) => lib.distMean(lib.normal(0, v)));
bad("createRng", "seed", "a finite number or a string", [NAN, INF], (v) => lib.createRng(v));

// ---- protocols ----
bad("runClientServer", "lossRate", "[0, 1]", PROB, (v) => lib.runClientServer({ seed: 1, lossRate: v }));
bad("runClientServer", "commands", "[1, 100000]", [ZERO, HUGE, NAN], (v) => lib.runClientServer({ seed: 1, commands: v }));
bad("runClientServer", "timeoutMs", "> 0", [NAN, NEG, INF], (v) => lib.runClientServer({ seed: 1, timeoutMs: v }));
bad("runClientServer", "network.delayMs", "in [0, Infinity)", [NEG], (v) => lib.runClientServer({ seed: 1, delayMs: v }));
bad("runClientServer", "protocol", 'one of "naive"', [["wrong type", "acks"]], (v) => lib.runClientServer({ seed: 1, protocol: v }));
bad("runClientServer", "seed", "a finite number or a string", [NAN], (v) => lib.runClientServer({ seed: v }));
bad("runTwoGenerals", "lossRate", "[0, 1]", [OVER, NAN], (v) => lib.runTwoGenerals({ seed: 1, rounds: 3, lossRate: v }));
bad("runTwoGenerals", "rounds", "an integer in [1,", [ZERO, NAN], (v) => lib.runTwoGenerals({ seed: 1, rounds: v }));
bad("runScoreRace", "lossRate", "[0, 1]", [OVER], (v) => lib.runScoreRace({ seed: 1, lossRate: v }));
bad("runClientServer", "ackLossRate", "[0, 1]", [OVER], (v) => lib.runClientServer({ seed: 1, ackLossRate: v }));
bad("runClientServer", "maxTransmissions", "[1, 1000000]", [ZERO, NAN], (v) => lib.runClientServer({ seed: 1, maxTransmissions: v }));
bad("runClientServer", "untilMs", "[0, Infinity)", [NEG, NAN], (v) => lib.runClientServer({ seed: 1, untilMs: v }));
bad("runClientServer", "faults[0].crash", 'one of the known nodes "u1", "s1"', [["unknown node", "server"]], (v) => lib.runClientServer({ seed: 1, faults: [{ at: 5, crash: v }] }));
row("runClientServer", "lossrate", "(typo)", "wrong type", () => lib.runClientServer({ seed: 1, lossrate: 0.1 } as never),
  /runClientServer options has an unknown option "lossrate"/);
bad("runScoreRace", "initialScore", "a finite number", [NAN, INF], (v) => lib.runScoreRace({ seed: 1, initialScore: v }));
bad("runScoreRace", "clients[1][0]", 'an operation such as "+10"', [["wrong type", "x5"]], (v) => lib.runScoreRace({ seed: 1, clients: [["+10"], [v]] }));
bad("runScoreRace", "clients", "an array of 1 to 26 lists", [["empty list", []]], (v) => lib.runScoreRace({ seed: 1, clients: v }));
bad("runScoreRace", "delayMs", "one delay per client (2)", [["size", [10]]], (v) => lib.runScoreRace({ seed: 1, delayMs: v }));
for (const [name, fn] of [["runAckReplication", lib.runAckReplication], ["runSerializer", lib.runSerializer]] as const) {
  bad(name, `${name}: seed`, "a finite number or a string", [NAN, ["wrong type", undefined]], (v) => fn({ seed: v }));
  bad(name, `${name}: clients`, "[1, 1000]", [ZERO, ["size", 1001], NAN], (v) => fn({ seed: 1, clients: v }));
  bad(name, `${name}: servers`, "[1, 1000]", [ZERO, NAN], (v) => fn({ seed: 1, servers: v }));
  bad(name, `${name}: lossRate`, "[0, 1]", [OVER, NAN], (v) => fn({ seed: 1, lossRate: v }));
  bad(name, `${name}: untilMs`, "> 0", [NEG, NAN], (v) => fn({ seed: 1, untilMs: v }));
  bad(name, "faults[0].crash", 'one of the known nodes "u1", "u2", "s1"', [["unknown node", "S1"]], (v) => fn({ seed: 1, faults: [{ at: 5, crash: v }] }));
}
bad("runTwoPhase", "runTwoPhase: seed", "a finite number or a string", [NAN, ["wrong type", undefined]], (v) => lib.runTwoPhase({ seed: v }));
bad("runTwoPhase", "clients", "[1,", [ZERO, NAN], (v) => lib.runTwoPhase({ seed: 1, clients: v }));
bad("runTwoPhase", "untilMs", "> 0", [NEG, NAN], (v) => lib.runTwoPhase({ seed: 1, untilMs: v }));
bad("runTwoPhase", "faults[0].crash", 'one of the known nodes "u1", "u2", "s1"', [["unknown node", "S1"]], (v) => lib.runTwoPhase({ seed: 1, faults: [{ at: 5, crash: v }] }));
bad("runTwoPhaseCommit", "runTwoPhaseCommit: seed", "a finite number or a string", [NAN, ["wrong type", undefined]], (v) => lib.runTwoPhaseCommit({ seed: v }));
bad("runTwoPhaseCommit", "participants", "[1,", [ZERO, NAN], (v) => lib.runTwoPhaseCommit({ seed: 1, participants: v }));
bad("runTwoPhaseCommit", "noVoteRate", "[0, 1]", [OVER], (v) => lib.runTwoPhaseCommit({ seed: 1, noVoteRate: v }));
bad("runTwoPhaseCommit", "faults[0].crash", 'one of the known nodes "u1", "s1"', [["unknown node", "C"]], (v) => lib.runTwoPhaseCommit({ seed: 1, faults: [{ at: 1, crash: v }] }));
row("runTwoPhaseCommit", "crashCoordinatorAtMs", "1", "wrong type", () => lib.runTwoPhaseCommit({ seed: 1, crashCoordinatorAtMs: 1 } as never),
  /unknown option "crashCoordinatorAtMs"/);
bad("runThreePhaseCommit", "runThreePhaseCommit: seed", "a finite number or a string", [NAN], (v) => lib.runThreePhaseCommit({ seed: v }));
bad("runThreePhaseCommit", "participants", "[1,", [ZERO, NAN], (v) => lib.runThreePhaseCommit({ seed: 1, participants: v }));
bad("runThreePhaseCommit", "noVoteRate", "[0, 1]", [OVER], (v) => lib.runThreePhaseCommit({ seed: 1, noVoteRate: v }));
bad("runThreePhaseCommit", "timeoutMs", "> 0", [NEG, NAN], (v) => lib.runThreePhaseCommit({ seed: 1, timeoutMs: v }));
bad("runThreePhaseCommit", "ackTimeoutMs", "> 0", [NEG], (v) => lib.runThreePhaseCommit({ seed: 1, ackTimeoutMs: v }));
bad("runThreePhaseCommit", "voteTimeoutMs", "> 0", [NEG], (v) => lib.runThreePhaseCommit({ seed: 1, voteTimeoutMs: v }));
bad("runThreePhaseCommit", "untilMs", "> 0", [NEG], (v) => lib.runThreePhaseCommit({ seed: 1, untilMs: v }));
bad("runThreePhaseCommit", "speeds.u1", "> 0", [NEG], (v) => lib.runThreePhaseCommit({ seed: 1, speeds: { u1: v } }));
bad("runThreePhaseCommit", "network.processingMs", "in [0, Infinity)", [NEG], (v) => lib.runThreePhaseCommit({ seed: 1, processingMs: v }));
bad("runThreePhaseCommit", "faults[0].crash", 'one of the known nodes "u1", "s1"', [["unknown node", "C"]], (v) => lib.runThreePhaseCommit({ seed: 1, faults: [{ at: 1, crash: v }] }));
row("runThreePhaseCommit", "votes", '["yes"]', "size", () => lib.runThreePhaseCommit({ seed: 1, participants: 2, votes: ["yes"] }),
  /runThreePhaseCommit: votes must be an array of 2 "yes"\/"no" votes/);
row("runThreePhaseCommit", "lossRate", "0.1", "wrong type", () => lib.runThreePhaseCommit({ seed: 1, lossRate: 0.1 } as never), /unknown option "lossRate"/);
bad("runClientServer", "corruptRate", "[0, 1]", [OVER, NAN], (v) => lib.runClientServer({ seed: 1, corruptRate: v }));
row("runClientServer", "checksum", '"yes"', "wrong type", () => lib.runClientServer({ seed: 1, checksum: "yes" as never }), /checksum must be true or false; got "yes"/);
bad("runClientServer", "serverMemory", 'one of "volatile", "persistent"', [["wrong type", "disk"]], (v) => lib.runClientServer({ seed: 1, serverMemory: v }));
row("runClientServer", "serverMemory", '"persistent" with server', "wrong type", () => lib.runClientServer({ seed: 1, serverMemory: "persistent", server: {} }),
  /serverMemory must be left out when `server` is given/);
bad("serverMemoryRuns", "serverMemoryRuns: runs", "[1,", [ZERO, NAN], (v) => lib.serverMemoryRuns({ seed: 1, runs: v }));
bad("serverMemoryRuns", "serverMemoryRuns: recoverAtMs", "more than crashAtMs", [["negative time", 100]], (v) => lib.serverMemoryRuns({ seed: 1, runs: 1, crashAtMs: 100, recoverAtMs: v }));
bad("serverMemoryRuns", "serverMemoryRuns: lossRate", "[0, 1]", [OVER], (v) => lib.serverMemoryRuns({ seed: 1, runs: 1, lossRate: v }));
row("forgottenExecution", "trace", "{}", "wrong type", () => lib.forgottenExecution({} as never), /forgottenExecution\(trace\) must be the trace of a run/);
bad("corruptionSweep", "corruptRates[0]", "[0, 1]", [OVER], (v) => lib.corruptionSweep({ seed: 1, runs: 1, corruptRates: [v] }));
row("corruptionSweep", "corruptRates", "[1]", "probability outside [0, 1]", () => lib.corruptionSweep({ seed: 1, runs: 1, corruptRates: [1] }), /corruptRates must be below 1/);
bad("coordinatorCrashRuns", "crashWindowMs", "> 0", [NEG, NAN], (v) => lib.coordinatorCrashRuns({ seed: 1, runs: 1, crashWindowMs: v }));
bad("coordinatorCrashRuns", "recoverAtMs", "more than crashWindowMs", [["negative time", 10]], (v) => lib.coordinatorCrashRuns({ seed: 1, runs: 1, recoverAtMs: v }));
bad("coordinatorCrashRuns", "runs", "[1,", [ZERO], (v) => lib.coordinatorCrashRuns({ seed: 1, runs: v }));
bad("coordinatorCrashBlocking", "binMs", "> 0", [NEG], (v) => lib.coordinatorCrashBlocking([], v));
for (const [name, fn] of [["runPaxos", lib.runPaxos], ["runNaiveTicket", lib.runNaiveTicket]] as const) {
  bad(name, `${name}: lossRate`, "[0, 1]", [OVER, NAN], (v) => fn({ seed: 1, lossRate: v }));
  bad(name, `${name}: timeoutMs`, "> 0", [NEG, NAN], (v) => fn({ seed: 1, timeoutMs: v }));
  bad(name, `${name}: clients`, "[1,", [ZERO], (v) => fn({ seed: 1, clients: v }));
  bad(name, "faults[0].crash", "one of the known nodes", [["unknown node", "s9"]], (v) => fn({ seed: 1, faults: [{ at: 5, crash: v }] }));
}
bad("runMultiPaxos", "runMultiPaxos: seed", "a finite number or a string", [NAN], (v) => lib.runMultiPaxos({ seed: v }));
bad("runMultiPaxos", "runMultiPaxos: servers", "[1, 15]", [["size", 0], ["size", 16]], (v) => lib.runMultiPaxos({ seed: 1, servers: v }));
bad("runMultiPaxos", "runMultiPaxos: clients", "[1, 50]", [ZERO], (v) => lib.runMultiPaxos({ seed: 1, clients: v }));
bad("runMultiPaxos", "runMultiPaxos: commandsPerClient", "[1,", [ZERO], (v) => lib.runMultiPaxos({ seed: 1, commandsPerClient: v }));
bad("runMultiPaxos", "runMultiPaxos: lossRate", "[0, 1]", [OVER, NAN], (v) => lib.runMultiPaxos({ seed: 1, lossRate: v }));
bad("runMultiPaxos", "runMultiPaxos: heartbeatMs", "> 0", [NEG, ["size", 0]], (v) => lib.runMultiPaxos({ seed: 1, heartbeatMs: v }));
bad("runMultiPaxos", "runMultiPaxos: electionTimeoutMs", "> 0", [NEG, NAN], (v) => lib.runMultiPaxos({ seed: 1, electionTimeoutMs: v }));
bad("runMultiPaxos", "runMultiPaxos: timeoutMs", "> 0", [NEG], (v) => lib.runMultiPaxos({ seed: 1, timeoutMs: v }));
bad("runMultiPaxos", "faults[0].crash", "one of the known nodes", [["unknown node", "s9"]], (v) => lib.runMultiPaxos({ seed: 1, faults: [{ at: 5, crash: v }] }));
row("runMultiPaxos", "chooseStored", '"largest"', "wrong type", () => lib.runMultiPaxos({ seed: 1, chooseStored: "largest" as any }),
  /runMultiPaxos: chooseStored must be a function \(stored\) => command; got "largest"/);
row("runMultiPaxos", "heartbeat", "(typo)", "wrong type", () => lib.runMultiPaxos({ seed: 1, heartbeat: 5 } as any), /runMultiPaxos options has an unknown option "heartbeat"/);
bad("multiPaxosNodes", "maxElections", "an integer in [0, 1000000]", [NEG], (v) => lib.multiPaxosNodes({ maxElections: v }));
bad("fuzzMultiPaxos", "fuzzMultiPaxos: runs", "[1,", [ZERO, HUGE], (v) => lib.fuzzMultiPaxos({ seed: 1, runs: v }));
bad("logCostSweep", "logCostSweep: delayMs", "> 0", [NEG], (v) => lib.logCostSweep({ seed: 1, clients: [1], delayMs: v }));
bad("logCostSweep", "logCostSweep: clients[0]", "[1, 50]", [ZERO], (v) => lib.logCostSweep({ seed: 1, clients: [v] }));
bad("findLeaderCrashRun", "findLeaderCrashRun: crashAtMs", "> 0", [NEG], (v) => lib.findLeaderCrashRun({ seed: 1, crashAtMs: v }));
bad("forkRows", "forkRows: intervalsOverDelay[0]", "> 0", [["size", 0]], (v) => lib.forkRows({ seed: 1, trials: 10, intervalsOverDelay: [v] }));
bad("forkRows", "forkRows: trials", "[1,", [ZERO], (v) => lib.forkRows({ seed: 1, trials: v, intervalsOverDelay: [1] }));
bad("paxosRuns", "runs", "[1,", [ZERO, HUGE], (v) => lib.paxosRuns({ seed: 1, runs: v }));
bad("paxosRuns", "paxosRuns: lossRate", "[0, 1]", [OVER, NAN], (v) => lib.paxosRuns({ seed: 1, runs: 5, lossRate: v }));
bad("paxosRuns", "paxosRuns: timeoutMs", "> 0", [NEG], (v) => lib.paxosRuns({ seed: 1, runs: 5, timeoutMs: v }));
bad("paxosRuns", "paxosRuns: faults[0].crash", "one of the known nodes", [["unknown node", "s9"]], (v) => lib.paxosRuns({ seed: 1, runs: 5, faults: [{ at: 5, crash: v }] }));
row("paxosRuns", "nacks", '"yes"', "wrong type", () => lib.paxosRuns({ seed: 1, runs: 5, nacks: "yes" as any }), /paxosRuns: nacks must be true or false; got "yes"/);
row("paxosRuns", "timeout", "(typo)", "wrong type", () => lib.paxosRuns({ seed: 1, runs: 5, timeout: 5 } as any), /paxosRuns options has an unknown option "timeout"/);
bad("paxosProgressByDown", "paxosProgressByDown: runs", "[1,", [ZERO], (v) => lib.paxosProgressByDown({ seed: 1, runs: v }));
bad("paxosProgressByDown", "paxosProgressByDown: servers", "[1, 15]", [["size", 0]], (v) => lib.paxosProgressByDown({ seed: 1, servers: v }));
bad("duelingProposers", "duelingProposers: backoffsMs[0]", "[0, Infinity)", [NEG, NAN], (v) => lib.duelingProposers({ seed: 1, runs: 5, backoffsMs: [v] }));
bad("duelingProposers", "duelingProposers: clients", "[1, 10]", [["size", 0]], (v) => lib.duelingProposers({ seed: 1, runs: 5, clients: v }));
bad("ticketConflictSweep", "ticketConflictSweep: startSpreadsMs[0]", "[0, Infinity)", [NEG], (v) => lib.ticketConflictSweep({ seed: 1, runs: 5, startSpreadsMs: [v] }));
bad("ticketConflictSweep", "ticketConflictSweep: startSpreadsMs", "a non-empty array", [["empty list", []]], (v) => lib.ticketConflictSweep({ seed: 1, runs: 5, startSpreadsMs: v }));
bad("ticketConflictSweep", "ticketConflictSweep: runs", "[1,", [ZERO], (v) => lib.ticketConflictSweep({ seed: 1, runs: v }));
bad("naiveTicketConflicts", "runs", "[1,", [ZERO, HUGE], (v) => lib.naiveTicketConflicts({ seed: 1, runs: v }));
bad("protocolLadder", "protocolLadder: seed", "a finite number or a string", [NAN], (v) => lib.protocolLadder({ seed: v }));
bad("ladderRates", "ladderRates: seed", "a finite number or a string", [NAN], (v) => lib.ladderRates({ seed: v, replays: 1 }));
bad("protocolLadder", "schedule.faults[0].crash", 'one of the known nodes "u1", "s1"', [["unknown node", "s2"]], (v) => lib.protocolLadder({ seed: 1, schedule: { lossRate: 0, meanDelayMs: 5, faults: [{ at: 5, crash: v }] } }));
bad("protocolLadder", "schedule.lossRate", "[0, 1]", [OVER], (v) => lib.protocolLadder({ seed: 1, schedule: { lossRate: v, meanDelayMs: 5, faults: [] } }));
bad("protocolLadder", "protocolLadder: adopt", "true or false", [["wrong type", "no"]], (v) => lib.protocolLadder({ seed: 1, adopt: v }));
bad("ladderRates", "ladderRates: adopt", "true or false", [["wrong type", 0]], (v) => lib.ladderRates({ seed: 1, replays: 1, adopt: v }));
bad("ladderRates", "ladderRates: untilMs", "[0, Infinity)", [NEG], (v) => lib.ladderRates({ seed: 1, replays: 1, untilMs: v }));
bad("ladderFindings", "ladderFindings(rows): rows", "the rows of protocolLadder or ladderRates", [["empty list", []], ["wrong type", "rates"]], (v) => lib.ladderFindings(v));
bad("quorumAvailability", "downProbabilities[0]", "[0, 1]", [OVER], (v) => lib.quorumAvailability({ seed: 1, servers: [3], downProbabilities: [v] }));
bad("quorumAvailability", "trials", "[1,", [ZERO, HUGE], (v) => lib.quorumAvailability({ seed: 1, servers: [3], downProbabilities: [0.1], trials: v }));
bad("divergenceSweep", "runs", "[1,", [ZERO, HUGE], (v) => lib.divergenceSweep({ seed: 1, runs: v, clients: 2, servers: 3 }));
bad("divergenceSweep", "options.clients", "an integer in [1, 1000]", [ZERO, NAN], (v) => lib.divergenceSweep({ seed: 1, runs: 2, clients: v }));
bad("divergenceSweep", "options.delaySdMs", "[0, Infinity)", [NEG, NAN], (v) => lib.divergenceSweep({ seed: 1, runs: 2, delaySdMs: v }));
bad("divergenceSweep", "options.protocol", 'one of "acks", "serializer"', [["wrong type", "paxos"]], (v) => lib.divergenceSweep({ seed: 1, runs: 2, protocol: v }));
bad("twoPhaseContentionSweep", "options.clients[0]", "an integer in [1, 1000]", [ZERO, NAN], (v) => lib.twoPhaseContentionSweep({ seed: 1, runs: 2, clients: [v] }));
bad("twoPhaseContentionSweep", "options.backoffs", "one of \"fixed\", \"random\"", [["wrong type", "exponential"]], (v) => lib.twoPhaseContentionSweep({ seed: 1, runs: 2, clients: [2], backoffs: v }));

// ---- failures at scale ----
bad("simulateClusterFailures", "nodes", "an integer in [1,", [ZERO, HUGE, NAN, ["size", 2.5]], (v) => lib.simulateClusterFailures({ nodes: v }));
bad("simulateClusterFailures", "mtbfYears", "> 0", [NEG, NAN, ["size", 0]], (v) => lib.simulateClusterFailures({ nodes: 10, mtbfYears: v }));
bad("simulateClusterFailures", "horizonYears", "[1e-9, 1000]", [NEG, INF, ["size", 1e6]], (v) => lib.simulateClusterFailures({ nodes: 10, horizonYears: v }));
bad("simulateClusterFailures", "repairHours", "[0, 10000000]", [NEG, NAN], (v) => lib.simulateClusterFailures({ nodes: 10, repairHours: v }));
bad("clusterTimeline", "nodes", "[1, 1000]", [["size", 5000]], (v) => lib.clusterTimeline({ nodes: v }));
bad("replicaUnavailability", "downProbability", "[0, 1]", [OVER, NAN], (v) => lib.replicaUnavailability({ downProbability: v }));
bad("dataLossProbability", "trials", "[1,", [ZERO, HUGE], (v) => lib.dataLossProbability({ trials: v }));
bad("failureScalingSweep", "nodeCounts", "non-empty", [["empty list", []]], (v) => lib.failureScalingSweep({ nodeCounts: v }));
bad("expectedClusterFailures", "mtbfYears", "> 0", [NEG, NAN], (v) => lib.expectedClusterFailures({ mtbfYears: v }));
bad("publishedFailureIntervals", "clusterSize", "[1,", [ZERO, NAN], (v) => lib.publishedFailureIntervals({ clusterSize: v }));

// ---- experiments and statistics ----
bad("monteCarlo", "runs", "[1, 10000000]", [ZERO, HUGE, NAN, ["run count", 2.5]], (v) => lib.monteCarlo({ runs: v, seed: 1, run: () => 1 }));
bad("monteCarlo", "run", "a function", [["wrong type", undefined]], (v) => lib.monteCarlo({ runs: 2, seed: 1, run: v }));
bad("monteCarlo", "progress", 'true, false or "auto"', [["wrong type", "on"]], (v) => lib.monteCarlo({ runs: 2, seed: 1, run: () => 1, progress: v }));
bad("monteCarlo", "maxSeconds", "> 0", [["size", 0], NEG, NAN], (v) => lib.monteCarlo({ runs: 2, seed: 1, run: () => 1, maxSeconds: v }));
bad("sweep", "runs", "[1, 10000000]", [ZERO, HUGE], (v) => lib.sweep({ grid: { a: [1] }, runs: v, seed: 1, run: () => 1 }));
bad("sweep", "progress", 'true, false or "auto"', [["wrong type", 1]], (v) => lib.sweep({ grid: { a: [1] }, runs: 1, seed: 1, run: () => 1, progress: v }));
bad("sweep", "grid.lossRate", "non-empty array", [["empty list", []]], (v) => lib.sweep({ grid: { lossRate: v }, runs: 1, seed: 1, run: () => 1 }));
bad("sweep", "grid.lossRate", "distinct values", [["duplicate names", [0.1, 0.1]]], (v) => lib.sweep({ grid: { lossRate: v }, runs: 1, seed: 1, run: () => 1 }));
bad("startProgress", "label", "a string", [["wrong type", undefined]], (v) => lib.startProgress({ label: v }));
bad("startProgress", "total", "an integer in [0,", [["size", -1], NAN], (v) => lib.startProgress({ label: "x", total: v }));
bad("startProgress", "maxSeconds", "> 0", [NEG, INF], (v) => lib.startProgress({ label: "x", maxSeconds: v }));
bad("findRunSeed", "maxTries", "[1,", [ZERO, NAN], (v) => lib.findRunSeed({ seed: 1, run: () => 1, where: () => true, maxTries: v }));
row("findRunSeed", "where", "never true", "runaway", () => lib.findRunSeed({ seed: 1, run: () => 1, where: () => false, maxTries: 50 }),
  /no run among the first maxTries = 50 matched/);
bad("wilson", "n", "[1,", [ZERO, NAN], (v) => lib.wilson(0, v));
bad("wilson", "confidence", "(0, 1)", [OVER], (v) => lib.wilson(1, 2, v));
bad("meanCI", "meanCI(values)", "non-empty array of finite numbers", [["empty list", []]], (v) => lib.meanCI(v));
bad("quantile", "q", "[0, 1]", [OVER, NAN], (v) => lib.quantile([1, 2, 3], v));
bad("histogram", "values[1]", "a finite number", [NAN, INF], (v) => lib.histogram([1, v]));
bad("ecdf", "values[0]", "a finite number", [NAN], (v) => lib.ecdf([v]));
bad("normalQuantile", "p", "[0, 1]", [OVER, NAN], (v) => lib.normalQuantile(v));
bad("studentTQuantile", "df", "> 0", [ZERO, NAN], (v) => lib.studentTQuantile(0.9, v));

// ---- charts: malformed rows never give a blank chart ----
const okRow = { outcome: "done", p: 0.5, lo: 0.4, hi: 0.6 };
row("outcomeChart", "rows", "[]", "empty list", () => lib.outcomeChart([]), /outcomeChart: rows is empty; pass at least one row/);
row("outcomeChart", "rows", "null", "malformed rows", () => lib.outcomeChart(null as any), /outcomeChart: rows must be an array of row objects; got null/);
row("outcomeChart", "rows[0]", "null", "malformed rows", () => lib.outcomeChart([null as any]), /outcomeChart: rows\[0\] must be a row object; got null/);
bad("outcomeChart", "rows[0].p", "[0, 1]", [NAN, OVER], (v) => lib.outcomeChart([{ ...okRow, p: v }]));
row("outcomeChart", "rows[0]", "lo > hi", "malformed rows", () => lib.outcomeChart([{ ...okRow, lo: 0.9, hi: 0.1 }]), /rows\[0\] must have lo <= p <= hi; got lo=0.9, p=0.5, hi=0.1/);
row("outcomeChart", "rows[0].hi", "(missing)", "malformed rows", () => lib.outcomeChart([{ outcome: "a", p: 0.5, lo: 0.1 }]), /rows\[0\] has no field "hi"; its fields are: outcome, p, lo/);
bad("sweepChart", "rows[1].y", "a finite number", [NAN, INF], (v) => lib.sweepChart([{ x: 1, y: 2 }, { x: 2, y: v }], { x: "x", y: "y" }));
row("sweepChart", "x", '"lossrate"', "malformed rows", () => lib.sweepChart([{ lossRate: 1, y: 2 }], { x: "lossrate", y: "y" }), /sweepChart: rows\[0\] has no field "lossrate"; its fields are: lossRate, y/);
bad("sweepChart", "rows[0].x", "> 0", [["size", 0]], (v) => lib.sweepChart([{ x: v, y: 1 }], { x: "x", y: "y", logX: true }));
row("histogramChart", "rows[0]", "x0 > x1", "malformed rows", () => lib.histogramChart([{ x0: 2, x1: 1, count: 1, density: 1 }]), /rows\[0\] must have x0 < x1; got x0=2, x1=1/);
bad("ecdfChart", "rows[0].p", "[0, 1]", [OVER], (v) => lib.ecdfChart([{ x: 1, p: v }]));
row("heatmapChart", "rows", "[]", "empty list", () => lib.heatmapChart([], { x: "a", y: "b", color: "c" }), /heatmapChart: rows is empty/);
bad("timelineChart", "rows[0].t", "a finite number", [NAN], (v) => lib.timelineChart([{ node: "A", kind: "crash", t: v }]));
bad("sequenceDiagram", "messages[0].sendMs", "a finite number", [NAN, INF], (v) => lib.sequenceDiagram([{ id: 1, from: "A", to: "B", sendMs: v, deliverMs: 2, fate: "delivered" }]));
bad("sequenceDiagram", "messages[0].fate", 'one of "delivered"', [["malformed rows", "arrived"]], (v) => lib.sequenceDiagram([{ id: 1, from: "A", to: "B", sendMs: 1, deliverMs: 2, fate: v }]));
row("sweepChart", "closedForm", "(p) => NaN", "NaN", () => lib.sweepChart([{ x: 1, y: 2 }, { x: 2, y: 3 }], { x: "x", y: "y", closedForm: () => NaN }),
  /sweepChart: options\.closedForm\(1\) must return a finite number; got NaN/);
bad("sweepChart", "closedFormSamples", "an integer in [2, 5000]", [["size", 1e6]], (v) => lib.sweepChart([{ x: 1, y: 2 }], { x: "x", y: "y", closedForm: (x: number) => x, closedFormSamples: v }));
row("heatmapChart", "lo", '"lo" without hi', "malformed rows", () => lib.heatmapChart([{ a: 1, b: 1, c: 0.5, lo: 0.4 }], { x: "a", y: "b", color: "c", lo: "lo" }),
  /heatmapChart: options\.lo and options\.hi go together; got only lo/);
row("heatmapChart", "intervalLabel", '"both"', "wrong type",
  () => lib.heatmapChart([{ a: 1, b: 1, c: 0.5, lo: 0.4, hi: 0.6 }], { x: "a", y: "b", color: "c", lo: "lo", hi: "hi", intervalLabel: "both" as never }),
  /heatmapChart: options\.intervalLabel must be one of "halfWidth", "range"; got "both"/);
row("ladderMatrixChart", "zeroColumns", '"hide"', "wrong type",
  () => lib.ladderMatrixChart([{ protocol: "Paxos", property: "divergence", broken: 0 }], { zeroColumns: "hide" as never }),
  /ladderMatrixChart: options\.zeroColumns must be one of "note", "drop", "keep"; got "hide"/);
row("outcomeChart", "rows[1]", "a second row of one (outcome, series)", "malformed rows",
  () => lib.outcomeChart([{ outcome: "a", p: 0.5, lo: 0.4, hi: 0.6, v: "x" }, { outcome: "a", p: 0.5, lo: 0.4, hi: 0.6, v: "x" }], { series: "v" }),
  /outcomeChart: rows\[0\] and rows\[1\] are both outcome "a" of series "x"; give each \(outcome, series\) one row/);
row("summarizeOutcomes", "outcomes", '["x", "x"]', "duplicate names", () => lib.summarizeOutcomes(["a"], undefined, { outcomes: ["x", "x"] }),
  /summarizeOutcomes\(results, key, options\): options\.outcomes\[1\] must be distinct from the outcomes before it; got "x"/);
bad("proportionRows", "proportionRows(labels, options): options.confidence", "a number in (0, 1)", [OVER], (v) => lib.proportionRows(["a"], { confidence: v }));
row("timelineChart", "domain", "[10, 0]", "malformed rows", () => lib.timelineChart([{ node: "A", kind: "crash", t: 1 }], { domain: [10, 0] }),
  /timelineChart: options\.domain must be \[from, to\] with finite numbers from < to; got \[10,0\]/);
row("sequenceDiagram", "timeRangeMs", "[0, 1]", "malformed rows",
  () => lib.sequenceDiagram([{ id: 1, from: "A", to: "B", sendMs: 0, deliverMs: 5, fate: "delivered" }], [], { timeRangeMs: [0, 1] }),
  /sequenceDiagram: options\.timeRangeMs must be \[from, to\] covering the rows \(0 to 5 ms\); got \[0,1\]/);
row("sequenceDiagram", "color", '"phase"', "malformed rows",
  () => lib.sequenceDiagram([{ id: 1, from: "A", to: "B", sendMs: 0, deliverMs: 5, fate: "delivered" }], [], { color: "phase" as never }),
  /sequenceDiagram: options\.color must be "fate" or "kind"; got "phase"/);
row("sequenceDiagram", "highlight", '"ack"', "wrong type",
  () => lib.sequenceDiagram([{ id: 1, from: "A", to: "B", sendMs: 0, deliverMs: 5, fate: "delivered" }], [], { highlight: "ack" as never }),
  /sequenceDiagram: options\.highlight must be an array of message or event labels or kinds; got "ack"/);
row("Chart.description", "text", '""', "wrong type", () => lib.outcomeChart([okRow]).description(""), /Chart\.description\(text\) text must be a non-empty string; got ""/);
bad("Chart.size", "widthPx", "> 0", [NEG, NAN], (v) => lib.outcomeChart([okRow]).size(v, 200));
bad("Chart.name", "figureName", "letters, digits", [["file path", "../x"]], (v) => lib.outcomeChart([okRow]).name(v));
bad("traceDiagram", "trace", "a Trace", [["wrong type", null]], (v) => lib.traceDiagram(v));
const aTrace = () => world({}).run();
bad("sequenceRows", "untilMs", "in [0, Infinity)", [NEG, NAN], (v) => lib.sequenceRows(aTrace(), { untilMs: v }));
row("sequenceRows", "timers", '"yes"', "wrong type", () => lib.sequenceRows(aTrace(), { timers: "yes" as never }),
  /sequenceRows\(trace, options\): timers must be true or false; got "yes"/);
row("sequenceRows", "onlyNodes", '["x9"]', "malformed rows", () => lib.sequenceRows(aTrace(), { onlyNodes: ["x9"] }),
  /sequenceRows\(trace, options\): onlyNodes must be a non-empty array of node names of the trace/);
bad("sequenceRows", "trace", "a Trace", [["wrong type", {}]], (v) => lib.sequenceRows(v));
bad("timelineRows", "trace", "a Trace", [["wrong type", null]], (v) => lib.timelineRows(v, {}));
bad("replayRows", "trace", "a Trace", [["wrong type", {}]], (v) => lib.replayRows(v));
bad("replayRows", "untilMs", "in [0, Infinity)", [NEG, NAN], (v) => lib.replayRows(aTrace(), { untilMs: v }));
row("replayRows", "onlyNodes", '["x9"]', "malformed rows", () => lib.replayRows(aTrace(), { onlyNodes: ["x9"] }),
  /replayRows\(trace, options\): onlyNodes must be a non-empty array of node names of the trace/);
row("replayRows", "trace", "a run of more than 60 steps", "malformed rows", () => lib.replayRows(lib.runPaxos({ seed: 42 }).trace),
  /replayRows\(trace, options\): the run must be at most 60 steps: cut it with untilMs \(step 60 is at [\d.]+ ms\) or onlyNodes/);
row("replayChart", "rows", "{}", "wrong type", () => lib.replayChart({} as never), /replayChart: rows\.nodes must be an array; got undefined/);

// ---- display: save and show ----
const chart = () => lib.outcomeChart([okRow]);
const tmp = os.tmpdir();
row("save", "path", '"figure.txt"', "file path", () => lib.save(chart(), path.join(tmp, "figure.txt")), /save: cannot tell the format of ".*figure\.txt" from its extension; use one of \.svg, \.png, \.html, \.vl\.json, \.json/);
row("save", "path", '"figure"', "file path", () => lib.save(chart(), path.join(tmp, "figure")), /save: cannot tell the format of ".*figure" from its extension/);
row("save", "path", "<missing folder>/x.svg", "file path", () => lib.save(chart(), path.join(tmp, "no-such-folder-distsys", "x.svg")), /save: folder ".*no-such-folder-distsys" does not exist \(saving .*\); create it first/);
row("save", "path", "<a folder named x.svg>", "file path", () => lib.save(chart(), dirNamed("x.svg")), /save: path ".*x\.svg" is a folder; pass a file name such as .*\.svg/);
row("save", "path", '""', "file path", () => lib.save(chart(), ""), /save: path must be a non-empty string; got ""/);
row("save", "chart", "a spec object", "wrong type", () => lib.save(chart().toSpec() as any, path.join(tmp, "x.svg")), /save: chart must be a Chart; got \{/);
row("show", "chart", "null", "wrong type", () => lib.show(null as any), /show: chart must be a Chart \(from a chart builder or Chart\.of\); got null/);

// ---- the model checker ----
const model = (o: object) => lib.checkModel({ init: 0, actions: () => [1], next: (n: number) => (n < 3 ? n + 1 : undefined), ...o } as lib.CheckModelOptions<number, number>);
row("checkModel", "options", "null", "wrong type", () => lib.checkModel(null as any), /checkModel\(options\): options must be an object; got null/);
row("checkModel", "maxstates", "1000", "wrong type", () => model({ maxstates: 1000 }), /checkModel options has an unknown option "maxstates"; known options: init, actions, next/);
bad("checkModel", "init", "the initial state", [["wrong type", undefined]], (v) => model({ init: v }));
bad("checkModel", "actions", "a function", [["wrong type", [1, 2]]], (v) => model({ actions: v }));
bad("checkModel", "next", "a function", [["wrong type", null]], (v) => model({ next: v }));
bad("checkModel", "strategy", 'one of "bfs", "dfs"', [["wrong type", "random"]], (v) => model({ strategy: v }));
bad("checkModel", "maxStates", "an integer in [1, 134217728]", [ZERO, NAN, HUGE, ["size", 2.5]], (v) => model({ maxStates: v }));
bad("checkModel", "maxDepth", "an integer in [0, 1000000000]", [["size", -1], NAN, INF], (v) => model({ maxDepth: v }));
bad("checkModel", "onProgress", "a function", [["wrong type", 1000]], (v) => model({ onProgress: v }));
bad("checkModel", "progress", 'true, false or "auto"', [["wrong type", "yes"]], (v) => model({ progress: v }));
bad("checkModel", "threads", 'an integer in [1, 256] or "auto"', [["run count", 0], ["size", 2.5], ["wrong type", "all"]], (v) => model({ threads: v }));
bad("checkModel", "threads", '1 or "auto" unless modelModule is given', [["wrong type", 2]], (v) => model({ threads: v }));
bad("checkModel", "modelModule", "an object { path, export, args }", [["wrong type", "two-phase.js"]], (v) => model({ modelModule: v }));
bad("checkModel", "modelModule.path", "the absolute path of an existing module file", [["file path", "models/two-phase.js"]], (v) => model({ modelModule: { path: v, export: "m" } }));
bad("checkModel", "modelModule.export", "the name of an exported function", [["empty list", ""]], (v) => model({ modelModule: { path: __filename, export: v } }));
bad("checkModel", "modelModule.args", "an array of arguments", [["wrong type", 3]], (v) => model({ modelModule: { path: __filename, export: "m", args: v } }));
row("checkModel", "properties", "other than the module's, threads 2", "wrong type", () => lib.checkModel({ ...lib.twoPhaseModel(3), properties: [], threads: 2 }),
  /checkModel: with threads > 1 the workers check the properties of the model that modelModule returns/);
bad("checkModel", "properties", "an array of properties", [["wrong type", { safe: () => true }]], (v) => model({ properties: v }));
bad("checkModel", "properties[0]", "exactly one of always, sometimes, eventually", [["wrong type", { name: "p" }]], (v) => model({ properties: [v] }));
row("checkModel", "properties[0]", "{ name, always, sometimes }", "wrong type", () => model({ properties: [{ name: "p", always: () => true, sometimes: () => true }] }),
  /checkModel: properties\[0\] must be a property with exactly one of always, sometimes, eventually/);
bad("checkModel", "properties[0].name", "a non-empty string", [["empty list", ""]], (v) => model({ properties: [{ name: v, always: () => true }] }));
bad("checkModel", "properties[1].name", "a name not used by another property", [["duplicate names", "p"]],
  (v) => model({ properties: [{ name: "p", always: () => true }, { name: v, sometimes: () => true }] }));
bad("checkModel", "properties[0].always", "a function (state) => boolean", [["wrong type", true]], (v) => model({ properties: [{ name: "p", always: v }] }));
row("checkModel", "properties[0].eventualy", "a function", "wrong type", () => model({ properties: [{ name: "p", eventualy: () => true }] }),
  /checkModel: properties\[0\] has an unknown option "eventualy"; known options: name, always, sometimes, eventually/);
row("checkModel", "next(state)", "a Date in the state", "wrong type", () => model({ next: () => new Date(0) }),
  /checkModel \(next\(state, action\)\): state is a Date instance; a state must be plain data/);
bad("twoPhaseModel", "rms", "an integer in [1, 20]", [ZERO, ["size", 21], NAN], (v) => lib.twoPhaseModel(v));
bad("staleDuplicate", "staleDuplicate(order)", "an array of command numbers", [["wrong type", "0,1"]], (v) => lib.staleDuplicate(v));
bad("shiftedDiff", "shiftedDiff(diff)", "the result of diffTraces(a, b)", [["wrong type", null]], (v) => lib.shiftedDiff(v));
bad("widestExecutionGap", "widestExecutionGap(trace)", "a Trace", [["wrong type", {}]], (v) => lib.widestExecutionGap(v));

// ---- the protocol checker ----
const proto = (o: object) => lib.checkProtocol({ nodes: ["u1", "s1"], handlers: {}, ...o } as lib.CheckProtocolOptions);
row("checkProtocol", "options", "null", "wrong type", () => lib.checkProtocol(null as any), /checkProtocol\(options\): options must be an object; got null/);
row("checkProtocol", "invariant", "{ ... }", "wrong type", () => proto({ invariant: {} }), /checkProtocol options has an unknown option "invariant"; known options: nodes, handlers/);
row("checkProtocol", "nodes", "[]", "empty list", () => proto({ nodes: [] }), /checkProtocol: nodes must be a non-empty array of names; got \[\]/);
row("checkProtocol", "nodes", '["u1","u1"]', "duplicate names", () => proto({ nodes: ["u1", "u1"] }), /checkProtocol: nodes must be an array of distinct names \("u1" repeats\)/);
bad("checkProtocol", "handlers", "an object mapping node names to handlers", [["wrong type", null]], (v) => proto({ handlers: v }));
bad("checkProtocol", "handlers key", 'one of the known nodes "u1", "s1"', [["unknown node", "s2"]], (v) => proto({ handlers: { [v]: {} } }));
bad("checkProtocol", "handlers.s1.onMessage", "a function", [["wrong type", "reply"]], (v) => proto({ handlers: { s1: { onMessage: v } } }));
row("checkProtocol", "handlers.s1.onMesage", "a function", "wrong type", () => proto({ handlers: { s1: { onMesage: () => {} } } }),
  /checkProtocol: handlers.s1 has an unknown option "onMesage"; known options: init, onMessage, onTimer, onRecover/);
bad("checkProtocol", "network", 'one of "unordered", "fifo"', [["wrong type", "ordered"]], (v) => proto({ network: v }));
bad("checkProtocol", "faults", "a fault budget", [["wrong type", [{ at: 10, crash: "s1" }]]], (v) => proto({ faults: v }));
bad("checkProtocol", "faults.drops", "an integer in [0, 100]", [["size", -1], ["size", 1.5], NAN, INF], (v) => proto({ faults: { drops: v } }));
bad("checkProtocol", "faults.crashes", "an integer in [0, 100]", [["size", 101]], (v) => proto({ faults: { crashes: v } }));
bad("checkProtocol", "faults.timeouts", "an integer in [0, 100]", [["size", -2]], (v) => proto({ faults: { timeouts: v } }));
bad("checkProtocol", "faults.crashable[0]", 'one of the known nodes "u1", "s1"', [["unknown node", "s9"]], (v) => proto({ faults: { crashable: [v] } }));
row("checkProtocol", "faults.loss", "1", "wrong type", () => proto({ faults: { loss: 1 } }),
  /checkProtocol: faults has an unknown option "loss"; known options: drops, duplicates, crashes, recoveries, timeouts, crashable/);
bad("checkProtocol", "invariants", "an object of named predicates", [["wrong type", [() => true]]], (v) => proto({ invariants: v }));
bad("checkProtocol", 'invariants["safe"]', "a function (view) => boolean", [["wrong type", true]], (v) => proto({ invariants: { safe: v } }));
bad("checkProtocol", "sometimes name", "a name not used by another property", [["duplicate names", "safe"]],
  (v) => proto({ invariants: { safe: () => true }, sometimes: { [v]: () => true } }));
bad("checkProtocol", "invariants name", "a name not used by another property", [["duplicate names", "not stuck"]], (v) => proto({ invariants: { [v]: () => true } }));
bad("checkProtocol", "done", "a function (view) => boolean", [["wrong type", true]], (v) => proto({ done: v }));
bad("checkProtocol", "history", "an array of record kinds", [["wrong type", "execute"]], (v) => proto({ history: v }));
bad("checkProtocol", "allowRandom", "true or false", [["wrong type", "yes"]], (v) => proto({ allowRandom: v }));
bad("checkProtocol", "stopAtViolation", "true or false", [["wrong type", 1]], (v) => proto({ stopAtViolation: v }));
bad("checkProtocol", "strategy", 'one of "bfs", "dfs"', [["wrong type", "random"]], (v) => proto({ strategy: v }));
bad("checkProtocol", "maxStates", "an integer in [1, 134217728]", [ZERO, NAN, HUGE], (v) => proto({ maxStates: v }));
bad("checkProtocol", "maxDepth", "an integer in [0, 1000000000]", [["size", -1], INF], (v) => proto({ maxDepth: v }));
row("checkProtocol", "view.records(kind)", '"execute" (not in history)', "wrong type",
  () => proto({ invariants: { p: (v: lib.ProtocolView) => v.records("execute").length === 0 } }),
  /checkProtocol: view.records\("execute"\): records of kind "execute" are not kept; add it to the history option/);
row("checkProtocol", "handler", "draws from ctx.rng", "wrong type",
  () => proto({ handlers: { u1: { init(ctx: lib.NodeContext) { ctx.setTimer(ctx.rng.next(), "t"); } } } }),
  /checkProtocol: u1's init\(\): u1 used ctx.rng; a check explores every schedule/);
bad("paxosNodes", "maxAttempts", "an integer in [1, 1000000]", [ZERO], (v) => lib.paxosNodes({ maxAttempts: v }));
bad("twoPhaseCommitNodes", "votes[1]", 'one of "yes", "no"', [["wrong type", "maybe"]], (v) => lib.twoPhaseCommitNodes({ votes: ["yes", v] }));
bad("threePhaseCommitNodes", "votes[1]", 'one of "yes", "no"', [["wrong type", "maybe"]], (v) => lib.threePhaseCommitNodes({ votes: ["yes", v] }));
bad("threePhaseCommitNodes", "timeoutMs", "> 0", [NEG], (v) => lib.threePhaseCommitNodes({ timeoutMs: v }));
row("scoreRaceNodes", "clients[0][0]", '"add 10"', "wrong type", () => lib.scoreRaceNodes({ clients: [["add 10"]] }), /clients\[0\]\[0\] must be an operation such as "\+10"/);

// ---- your own handlers for one role, and your own lock order ----
const HANDLERS = "an object of handlers { init?, onMessage?, onTimer?, onRecover? }";
bad("runClientServer", "server", HANDLERS, [["wrong type", 5], ["wrong type", [1]]], (v) => lib.runClientServer({ seed: 1, server: v }));
bad("clientServerNodes", "server.onMessage", "a function", [["wrong type", 1]], (v) => lib.clientServerNodes({ server: { onMessage: v } }));
row("clientServerNodes", "server.onmessage", "(typo)", "wrong type", () => lib.clientServerNodes({ server: { onmessage() {} } as never }),
  /server has an unknown option "onmessage"; known options: init, onMessage, onTimer, onRecover/);
bad("runSerializer", "runSerializer: serializer", HANDLERS, [["wrong type", "s1"]], (v) => lib.runSerializer({ seed: 1, serializer: v }));
bad("serializerNodes", "serializerNodes: serializer.init", "a function", [["wrong type", {}]], (v) => lib.serializerNodes({ serializer: { init: v } }));
row("runAckReplication", "serializer", "{}", "wrong type", () => lib.runAckReplication({ seed: 1, serializer: {} } as never),
  /runAckReplication options has an unknown option "serializer"/);
bad("runPaxos", "runPaxos: server", HANDLERS, [["wrong type", null]], (v) => lib.runPaxos({ seed: 1, server: v }));
bad("paxosNodes", "paxosNodes: server.onTimer", "a function", [["wrong type", "later"]], (v) => lib.paxosNodes({ server: { onTimer: v } }));
bad("runTwoPhase", "runTwoPhase: lockOrder", 'one of "same", "rotated"', [["wrong type", "sorted"]], (v) => lib.runTwoPhase({ seed: 1, lockOrder: v }));
bad("twoPhaseNodes", 'twoPhaseNodes: lockOrder("u1", ["s1","s2"])', "an array with every server once (s1, s2 in some order)",
  [["malformed rows", ["s1"]], ["duplicate names", ["s1", "s1"]], ["unknown node", ["s1", "s3"]], ["wrong type", "s1,s2"]],
  (v) => lib.twoPhaseNodes({ clients: 1, servers: 2, lockOrder: () => v }));
row("twoPhaseNodes", "lockOrder", "a function that throws", "wrong type",
  () => lib.twoPhaseNodes({ clients: 1, servers: 2, lockOrder: () => { throw new Error("not written yet"); } }),
  /twoPhaseNodes: lockOrder\("u1", \["s1","s2"\]\) threw: not written yet/);

// notebook 07 (partitions) and 05 (the never-ending duel)
bad("runPaxos", "runPaxos: quorum", "an integer in [1, 3]", [ZERO, ["size", 4]], (v) => lib.runPaxos({ seed: 1, quorum: v }));
bad("perpetualDuel", "perpetualDuel: backoffMs", "[0, Infinity)", [NEG, NAN], (v) => lib.perpetualDuel({ seed: 1, backoffMs: v }));
bad("perpetualDuel", "perpetualDuel: untilMs", "> 0", [["negative time", 0]], (v) => lib.perpetualDuel({ seed: 1, untilMs: v }));
bad("perpetualDuelRuns", "perpetualDuelRuns: runs", "[1,", [ZERO, HUGE], (v) => lib.perpetualDuelRuns({ seed: 1, runs: v }));
row("perpetualDuel", "runs", "5", "wrong type", () => lib.perpetualDuel({ seed: 1, runs: 5 } as never), /perpetualDuel options has an unknown option "runs"/);
bad("partitionRun", "partitionRun: protocol", 'one of "serializer"', [["wrong type", "raft"]], (v) => lib.partitionRun({ seed: 1, protocol: v, schedule: "no partition" }));
bad("partitionRun", "partitionRun: schedule", 'one of "no partition"', [["wrong type", "split"]], (v) => lib.partitionRun({ seed: 1, protocol: "Paxos", schedule: v }));
bad("partitionRun", "partitionRun: healMs", "a time after splitMs", [["negative time", 0]], (v) => lib.partitionRun({ seed: 1, protocol: "Paxos", schedule: "no partition", splitMs: 100, healMs: v }));
bad("partitionRun", "partitionRun: splitMs", "[0, Infinity)", [NEG, NAN], (v) => lib.partitionRun({ seed: 1, protocol: "Paxos", schedule: "no partition", splitMs: v }));
bad("partitionMatrix", "partitionMatrix: runs", "[1,", [ZERO, HUGE], (v) => lib.partitionMatrix({ seed: 1, runs: v }));
bad("partitionMatrix", "partitionMatrix: protocols[1]", 'one of "serializer"', [["wrong type", "raft"]], (v) => lib.partitionMatrix({ seed: 1, runs: 1, protocols: ["Paxos", v] }));
bad("partitionMatrix", "partitionMatrix: untilMs", "> 0", [NEG], (v) => lib.partitionMatrix({ seed: 1, runs: 1, untilMs: v }));
bad("partitionFaults", "partitionFaults: schedule", 'one of "no partition"', [["wrong type", "heal"]], (v) => lib.partitionFaults(v, ["u1", "s1"]));
bad("partitionedNodes", "partitionedNodes: groups[1][0]", "one of the known nodes", [["unknown node", "s9"]], (v) => lib.partitionedNodes(lib.paxosNodes(), [["u1"], [v]]));
bad("partitionedNodes", "partitionedNodes: groups", "at least two groups", [["size", [["u1"]]]], (v) => lib.partitionedNodes(lib.paxosNodes(), v));

/** A fresh folder whose name ends in `name` (to check that save refuses to write over a folder). */
function dirNamed(name: string): string {
  const fs = require("fs") as typeof import("fs");
  const base = fs.mkdtempSync(path.join(tmp, "distsys-save-"));
  const dir = path.join(base, name);
  fs.mkdirSync(dir);
  return dir;
}

/** Every row of the table. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = rows;
