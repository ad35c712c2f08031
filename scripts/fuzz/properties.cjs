// Fuzz targets: for the engine and each protocol, a fast-check arbitrary of random configurations
// (network faults, fault schedules, sizes) and a check that runs one configuration and throws on the
// first broken invariant. Shared by scripts/fuzz.mjs (10,000 cases a target) and
// test/reliability/fuzz.test.ts (a few hundred in `npm test`). Configurations are plain JSON, so a
// failure can be replayed from its printed form: node scripts/fuzz.mjs --target T --replay '<json>'.
"use strict";

/** Throws an Error with `message` unless `ok`. */
function must(ok, message) {
  if (!ok) throw new Error(message);
}

/**
 * The engine's invariants on one trace:
 * - the clock is monotonic and seq numbers are dense;
 * - messages are conserved: each copy is sent once, ends at most once (deliver or drop), never before
 *   it was sent, and copies without an end are exactly those messages() reports in flight or held;
 * - crashed nodes are silent: between crash and recover a node sends nothing, receives nothing,
 *   fires no timer and records nothing;
 * - summary() agrees with the rows.
 */
function checkEngineInvariants(trace) {
  const rows = trace.rows();
  const sent = new Map(), ended = new Map(), down = new Set();
  let lastT = 0;
  rows.forEach((r, i) => {
    must(r.seq === i, `row ${i} has seq ${r.seq}`);
    must(Number.isFinite(r.t) && r.t >= lastT, `clock went back: row ${i} at t=${r.t} after t=${lastT}`);
    lastT = r.t;
    if (r.kind === "crash") down.add(r.node);
    if (r.kind === "recover") down.delete(r.node);
    if (["send", "duplicate", "timer", "record", "deliver"].includes(r.kind)) {
      must(!down.has(r.node), `crashed node ${r.node} is not silent: ${r.kind} ${r.label ?? ""} at t=${r.t}`);
    }
    if (r.kind === "send" || r.kind === "duplicate") {
      must(!sent.has(r.msgId), `message ${r.msgId} sent twice`);
      sent.set(r.msgId, r.t);
    }
    if (r.kind === "deliver" || r.kind === "drop") {
      must(sent.has(r.msgId), `message ${r.msgId} ends (${r.kind}) before it was sent`);
      must(!ended.has(r.msgId), `message ${r.msgId} ends twice`);
      must(r.t >= sent.get(r.msgId), `message ${r.msgId} ends at t=${r.t} before its send at t=${sent.get(r.msgId)}`);
      ended.set(r.msgId, r.kind);
    }
  });
  const open = trace.messages().filter((m) => m.fate === "in-flight" || m.fate === "held").map((m) => m.id).sort((a, b) => a - b);
  const unended = [...sent.keys()].filter((id) => !ended.has(id)).sort((a, b) => a - b);
  must(JSON.stringify(open) === JSON.stringify(unended), `messages not conserved: in flight per messages() ${JSON.stringify(open)}, per rows ${JSON.stringify(unended)}`);
  const s = trace.summary();
  const delivered = [...ended.values()].filter((k) => k === "deliver").length;
  must(s.sent + s.duplicated === sent.size, `summary counts ${s.sent + s.duplicated} copies, rows ${sent.size}`);
  must(s.delivered === delivered && s.dropped === ended.size - delivered, `summary delivered/dropped ${s.delivered}/${s.dropped}, rows ${delivered}/${ended.size - delivered}`);
  must(s.inFlight === unended.length, `summary inFlight ${s.inFlight}, rows ${unended.length}`);
}

/** Random fault schedules over `names` within [0, horizonMs]: every verb, known names only. */
function faultSchedule(fc, names, horizonMs, maxLength = 6) {
  const at = fc.integer({ min: 0, max: horizonMs });
  const name = fc.constantFrom(...names);
  const split = fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length })
    .map((mask) => [names.filter((_, i) => mask[i]), names.filter((_, i) => !mask[i])])
    .filter(([a, b]) => a.length > 0 && b.length > 0);
  const link = fc.record({ from: name, to: name });
  const entry = fc.oneof(
    fc.record({ at, crash: name }),
    fc.record({ at, recover: name, keepVolatile: fc.boolean() }),
    ...(names.length > 1 ? [fc.record({ at, partition: split })] : []),
    fc.record({ at, heal: fc.constant(true) }),
    fc.record({ at, block: link }), fc.record({ at, unblock: link }),
    fc.record({ at, hold: link }), fc.record({ at, release: link }),
  );
  return fc.array(entry, { maxLength });
}

/** A delay: a constant, exponential or uniform distribution (plain data), in ms. */
function delayArb(fc, lib) {
  return fc.oneof(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 1, max: 20 }).map((m) => lib.exponential(m)),
    fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 20 })).map(([a, w]) => lib.uniform(a, a + w)),
  );
}

const rate = (fc, max) => fc.integer({ min: 0, max: Math.round(max * 100) }).map((k) => k / 100);
const seedArb = (fc) => fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Logs that agree: every pair is prefix-consistent, and no log executes a command twice. */
function checkLogs(logs, what) {
  const list = Object.entries(logs);
  for (const [s, log] of list) must(new Set(log).size === log.length, `${what}: ${s} executed a command twice: ${log.join(" ")}`);
  for (const [a, la] of list) {
    for (const [b, lb] of list) {
      const n = Math.min(la.length, lb.length);
      for (let i = 0; i < n; i++) must(la[i] === lb[i], `${what}: ${a} and ${b} diverge at position ${i}: ${la[i]} vs ${lb[i]}`);
    }
  }
}

/**
 * A ticket run's result agrees with its trace's records: the executed map is each server's first
 * "execute" record, a server executes at most once, "decided" means a "decide" record, and no client
 * starts more than maxAttempts attempts (one "give-up" record at most, after all of them).
 */
function checkTicketRecords(r, maxAttempts) {
  const executes = r.trace.records("execute"), decisions = r.trace.records("decide");
  const seen = new Set();
  for (const e of executes) {
    must(!seen.has(e.node), `${r.protocol}: ${e.node} executed twice`);
    seen.add(e.node);
    must(r.executed[e.node] === e.detail.command, `${r.protocol}: result says ${e.node} executed ${r.executed[e.node]}, its record says ${e.detail.command}`);
  }
  for (const s of r.servers) if (!seen.has(s)) must(r.executed[s] === null, `${r.protocol}: result says ${s} executed ${r.executed[s]}, no record says so`);
  must(r.decided === decisions.length > 0, `${r.protocol}: decided is ${r.decided} with ${decisions.length} decide records`);
  must(r.firstDecisionMs === (decisions.length > 0 ? decisions[0].t : null), `${r.protocol}: firstDecisionMs ${r.firstDecisionMs}`);
  for (const c of r.clients) {
    const attempts = r.trace.records("attempt").filter((a) => a.node === c).length;
    const gaveUp = r.trace.records("give-up").filter((g) => g.node === c).length;
    must(attempts <= maxAttempts && gaveUp <= 1 && (gaveUp === 0 || attempts === maxAttempts), `${r.protocol}: ${c} started ${attempts} attempts and gave up ${gaveUp} times (maxAttempts ${maxAttempts})`);
  }
}

/** The fuzz targets over the library `lib` (the compiled package) and fast-check `fc`. */
function fuzzTargets(lib, fc) {
  const targets = [];

  // The engine alone: a gossip protocol with bounded hops, timers and records on every node.
  targets.push({
    name: "engine",
    arbitrary: fc.integer({ min: 2, max: 5 }).chain((n) => {
      const names = Array.from({ length: n }, (_, i) => `N${i}`);
      return fc.record({
        seed: seedArb(fc), nodes: fc.constant(names), hops: fc.integer({ min: 0, max: 6 }),
        network: fc.record({ delayMs: delayArb(fc, lib), lossRate: rate(fc, 0.5), duplicateRate: rate(fc, 0.3), corruptRate: rate(fc, 0.3), processingMs: fc.integer({ min: 0, max: 3 }) }),
        speeds: fc.constantFrom({}, { [names[0]]: 2 }, { [names[n - 1]]: 0.5 }),
        faults: faultSchedule(fc, names, 100),
      });
    }),
    check(cfg) {
      const { hops, ...options } = cfg;
      const handlers = {
        init(ctx) { ctx.broadcast({ type: "gossip", hops }); ctx.setTimer(5 + ctx.rng.next() * 20, "tick"); },
        onMessage(ctx, m) {
          ctx.record("got", { from: m.from, hops: m.payload.hops });
          // (corruption can raise a hop count above the configured one; the cap keeps the gossip finite)
          if (m.payload.hops > 0) ctx.send(ctx.nodes[Math.floor(ctx.rng.next() * ctx.nodes.length)], { type: "gossip", hops: Math.min(m.payload.hops, hops) - 1 });
        },
        onTimer(ctx) { if (ctx.now < 150) { ctx.broadcast({ type: "tick", hops: 1 }); ctx.setTimer(25, "tick"); } },
      };
      const all = { ...options, maxEvents: 200_000, handlers: Object.fromEntries(cfg.nodes.map((name) => [name, handlers])) };
      const build = () => lib.createWorld(all).run({ untilMs: 400 });
      const trace = build();
      checkEngineInvariants(trace);
      must(build().hash() === trace.hash(), "the same configuration gave two different traces");
      // A fork without interventions replays its world; a fork that drops message 1 is the world
      // built with that intervention in its options, and keeps the engine's invariants.
      const world = lib.createWorld(all);
      must(world.run({ untilMs: 400 }).hash() === trace.hash(), "createWorld(options).run() differs from run to run");
      must(world.fork().run({ untilMs: 400 }).hash() === trace.hash(), "world.fork() differs from the world it forks");
      const dropped = world.fork({ dropMessage: 1 }).run({ untilMs: 400 });
      checkEngineInvariants(dropped);
      must(dropped.hash() === lib.createWorld({ ...all, interventions: [{ dropMessage: 1 }] }).run({ untilMs: 400 }).hash(),
        "world.fork({ dropMessage: 1 }) differs from the world built with that intervention");
    },
  });

  // Client-server (naive, ack, seq) under loss, duplication and random delays.
  targets.push({
    name: "client-server",
    arbitrary: fc.record({
      seed: seedArb(fc), protocol: fc.constantFrom("naive", "ack", "seq"), commands: fc.integer({ min: 1, max: 8 }),
      lossRate: rate(fc, 0.6), ackLossRate: rate(fc, 0.6), duplicateRate: rate(fc, 0.3), delayMs: delayArb(fc, lib),
      timeoutMs: fc.integer({ min: 5, max: 100 }),
    }),
    check(cfg) {
      const r = lib.runClientServer(cfg);
      checkEngineInvariants(r.trace);
      must(r.delivered <= r.commands, `delivered ${r.delivered} of ${r.commands} commands`);
      must(r.executions >= r.delivered, `executions ${r.executions} < delivered ${r.delivered}`);
      if (cfg.protocol !== "naive") must(r.delivered === r.commands, `${cfg.protocol}: only ${r.delivered} of ${r.commands} commands executed although the client retransmits`);
      if (cfg.protocol === "seq") must(r.executions === r.delivered, `seq: ${r.executions - r.delivered} duplicate executions despite sequence numbers`);
      if (cfg.protocol === "seq") must(r.order.every((c, i) => c === i), `seq: executed out of order: ${r.order.join(",")}`);
      if (cfg.protocol === "naive" && cfg.duplicateRate === 0) must(r.executions === r.delivered, "naive without duplication executed a command twice");
    },
  });

  // Client-server under every fault verb: the result is what the trace shows, and a fork is read the same way.
  targets.push({
    name: "client-server-faults",
    arbitrary: fc.record({
      seed: seedArb(fc), protocol: fc.constantFrom("naive", "ack", "seq"), commands: fc.integer({ min: 1, max: 5 }),
      lossRate: rate(fc, 0.3), delayMs: delayArb(fc, lib), timeoutMs: fc.integer({ min: 5, max: 60 }),
      faults: faultSchedule(fc, ["u1", "s1"], 300), untilMs: fc.constant(3000),
    }),
    check(cfg) {
      const r = lib.runClientServer(cfg);
      checkEngineInvariants(r.trace);
      const executed = r.trace.records("execute").map((e) => e.detail.cmd);
      must(executed.join(",") === r.order.join(","), `order ${r.order.join(",")} is not the execute records ${executed.join(",")}`);
      must(r.executions === executed.length && r.delivered <= r.commands, `executions ${r.executions}, delivered ${r.delivered}`);
      const sends = r.trace.rows().filter((row) => row.kind === "send" && row.from === "u1").length;
      must(sends === r.transmissions.reduce((a, b) => a + b, 0), `${sends} sends but transmissions ${r.transmissions.join(",")}`);
      must(r.endMs === 3000, `the run ended at ${r.endMs} ms, not at untilMs`);
      if (r.trace.messages().length > 0) {
        const f = r.fork({ dropMessage: 1 });
        checkEngineInvariants(f.trace);
        must(f.trace.messages()[0].fate !== "delivered", "fork({ dropMessage: 1 }) delivered message 1");
      }
    },
  });

  // The two generals: the exchange stops at the first lost message; whoever spoke last is left uncertain.
  targets.push({
    name: "two-generals",
    arbitrary: fc.record({ seed: seedArb(fc), rounds: fc.integer({ min: 1, max: 12 }), lossRate: rate(fc, 0.6), delayMs: delayArb(fc, lib) }),
    check(cfg) {
      const r = lib.runTwoGenerals(cfg);
      checkEngineInvariants(r.trace);
      must(r.sent >= 1 && r.sent <= cfg.rounds, `sent ${r.sent} of ${cfg.rounds}`);
      must(r.delivered === r.sent || (r.delivered === r.sent - 1 && r.lastLost), `sent ${r.sent}, delivered ${r.delivered}, lastLost ${r.lastLost}`);
      must(r.completed === (r.delivered === cfg.rounds), `completed ${r.completed} with ${r.delivered} of ${cfg.rounds} delivered`);
      must(r.uncertain === (r.sent % 2 === 1 ? "A" : "B"), `${r.uncertain} sent the last of ${r.sent} messages?`);
      if (cfg.lossRate === 0) must(r.completed, "no loss, yet the exchange broke off");
    },
  });

  // The score race: the final score is the applied order; nothing is applied that was not sent.
  const op = fc.constantFrom("+1", "+10", "-3", "*2", "*5", "=7");
  targets.push({
    name: "score-race",
    arbitrary: fc.record({
      seed: seedArb(fc), clients: fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      lossRate: rate(fc, 0.5), initialScore: fc.integer({ min: -5, max: 5 }), delayMs: delayArb(fc, lib),
    }),
    check(cfg) {
      const r = lib.runScoreRace(cfg);
      checkEngineInvariants(r.trace);
      must(r.final === r.order.reduce(lib.applyScoreOp, cfg.initialScore), `final ${r.final} is not the applied order ${r.order.join(" ")}`);
      const pool = cfg.clients.flat();
      for (const o of r.order) {
        const i = pool.indexOf(o);
        must(i >= 0, `applied ${o}, which no client sent (or more often than sent)`);
        pool.splice(i, 1);
      }
      if (cfg.lossRate === 0) must(pool.length === 0, `no loss, yet ${pool.join(" ")} never applied`);
    },
  });

  // Replication: client-server with ACKs (may diverge, by design) and the serializer (must not).
  const replication = (fuzzName, fn, mustAgree) => ({
    name: fuzzName,
    arbitrary: fc.record({ clients: fc.integer({ min: 1, max: 3 }), servers: fc.integer({ min: 1, max: 4 }) }).chain(({ clients, servers }) => {
      const serverNames = Array.from({ length: servers }, (_, i) => `s${i + 1}`);
      return fc.record({
        seed: seedArb(fc), clients: fc.constant(clients), servers: fc.constant(servers), commandsPerClient: fc.integer({ min: 1, max: 3 }),
        lossRate: rate(fc, 0.3), delayMs: delayArb(fc, lib), untilMs: fc.constant(5000),
        faults: fc.array(fc.oneof(
          fc.record({ at: fc.integer({ min: 0, max: 300 }), crash: fc.constantFrom(...serverNames) }),
          fc.record({ at: fc.integer({ min: 0, max: 600 }), recover: fc.constantFrom(...serverNames) }),
        ), { maxLength: 3 }),
      });
    }),
    check(cfg) {
      const r = fn(cfg);
      checkEngineInvariants(r.trace);
      must(r.committed <= r.issued, `committed ${r.committed} of ${r.issued}`);
      if (mustAgree) checkLogs(r.logs, fuzzName);
    },
  });
  targets.push(replication("client-server-replication", lib.runAckReplication, false));
  targets.push(replication("serializer", lib.runSerializer, true));

  // The two-phase protocol: one holder per lock, execution under the lock, logs never diverge.
  targets.push({
    name: "two-phase",
    arbitrary: fc.record({ clients: fc.integer({ min: 1, max: 4 }), servers: fc.integer({ min: 1, max: 4 }) }).chain(({ clients, servers }) => {
      const serverNames = Array.from({ length: servers }, (_, i) => `s${i + 1}`);
      return fc.record({
        seed: seedArb(fc), clients: fc.constant(clients), servers: fc.constant(servers), commandsPerClient: fc.integer({ min: 1, max: 3 }),
        backoff: fc.constantFrom("fixed", "random"), onConflict: fc.constantFrom("refuse", "wait"), lockTimeoutMs: fc.constant(60),
        delayMs: delayArb(fc, lib), untilMs: fc.constant(5000),
        faults: fc.array(fc.oneof(
          fc.record({ at: fc.integer({ min: 0, max: 300 }), crash: fc.constantFrom(...serverNames) }),
          fc.record({ at: fc.integer({ min: 0, max: 600 }), recover: fc.constantFrom(...serverNames) }),
        ), { maxLength: 2 }),
      });
    }).map((c) => ({ ...c, untilMs: c.faults.length === 0 ? 60_000 : 5000 })), // time to finish when nothing fails
    check(cfg) {
      const r = lib.runTwoPhase(cfg);
      checkEngineInvariants(r.trace);
      const locks = lib.twoPhaseInvariants(r); // one holder per lock, execution only under the sender's lock
      must(locks.doubleGrants === 0 && locks.executionsWithoutLock === 0 && locks.maxClientsHoldingAllLocks <= 1, `lock invariants broken: ${JSON.stringify(locks)}`);
      checkLogs(r.logs, "two-phase");
      // Fixed backoff may livelock (the notebook shows it), so liveness is only required with random backoff.
      if (cfg.faults.length === 0 && cfg.backoff === "random") must(r.outcome === "done", `no faults and random backoff, yet outcome ${r.outcome}`);
    },
  });

  // Two-phase commit: atomicity (never one participant committed while another aborted).
  targets.push({
    name: "two-phase-commit",
    arbitrary: fc.integer({ min: 1, max: 5 }).chain((participants) => fc.record({
      seed: seedArb(fc), participants: fc.constant(participants), noVoteRate: rate(fc, 0.5), delayMs: delayArb(fc, lib),
      // the coordinator u1 crashes and recovers like any participant (before or after it decides)
      faults: faultSchedule(fc, ["u1", ...Array.from({ length: participants }, (_, i) => `s${i + 1}`)], 100, 4),
      untilMs: fc.constant(3000),
    })).map((c) => JSON.parse(JSON.stringify(c))),
    check(cfg) {
      const r = lib.runTwoPhaseCommit(cfg);
      checkEngineInvariants(r.trace);
      const states = Object.values(r.states);
      must(!(states.includes("committed") && states.includes("aborted")), `not atomic: ${JSON.stringify(r.states)}`);
      must(r.atomic, `result says not atomic: ${JSON.stringify(r.states)}`);
    },
  });

  // Three-phase commit: atomicity under crashes and recoveries of any node (the coordinator too), with
  // every delay below the participants' timeout (3PC's timing assumption) and no partition or loss:
  // those break it by design (test/protocols/three-phase-commit.test.ts shows how).
  targets.push({
    name: "three-phase-commit",
    arbitrary: fc.integer({ min: 1, max: 5 }).chain((participants) => {
      const names = ["u1", ...Array.from({ length: participants }, (_, i) => `s${i + 1}`)];
      const at = fc.integer({ min: 0, max: 300 }), node = fc.constantFrom(...names);
      return fc.record({
        seed: seedArb(fc), participants: fc.constant(participants), noVoteRate: rate(fc, 0.3),
        delayMs: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([a, w]) => lib.uniform(a, a + w)),
        timeoutMs: fc.integer({ min: 25, max: 80 }),
        faults: fc.array(fc.oneof(fc.record({ at, crash: node }), fc.record({ at, recover: node })), { maxLength: 5 }),
        untilMs: fc.constant(3000),
      });
    }).map((c) => JSON.parse(JSON.stringify(c))),
    check(cfg) {
      const r = lib.runThreePhaseCommit(cfg);
      checkEngineInvariants(r.trace);
      const states = Object.values(r.states);
      must(!(states.includes("committed") && states.includes("aborted")), `not atomic: ${JSON.stringify(r.states)}`);
      must(!(r.decision === "commit" && states.includes("aborted")) && !(r.decision === "abort" && states.includes("committed")),
        `a participant ended against the coordinator's ${r.decision}: ${JSON.stringify(r.states)}`);
      must(r.atomic, `result says not atomic: ${JSON.stringify(r.states)}`);
    },
  });

  // Tickets: Paxos must stay safe under any schedule; the naive ticket protocol only keeps the engine's
  // invariants and its own bookkeeping. For both, the result is what the trace's records derive.
  const tickets = (fuzzName, fn, safe) => ({
    name: fuzzName,
    arbitrary: fc.record({ clients: fc.integer({ min: 1, max: 3 }), servers: fc.constantFrom(1, 3, 5) }).chain(({ clients, servers }) => {
      const names = [...Array.from({ length: clients }, (_, i) => `u${i + 1}`), ...Array.from({ length: servers }, (_, i) => `s${i + 1}`)];
      return fc.record({
        seed: seedArb(fc), clients: fc.constant(clients), servers: fc.constant(servers), lossRate: rate(fc, 0.3), duplicateRate: rate(fc, 0.1),
        delayMs: delayArb(fc, lib), untilMs: fc.constant(1000), maxAttempts: fc.constant(10), faults: faultSchedule(fc, names, 300, 5),
        ...(safe ? { nacks: fc.boolean() } : {}),
      });
    }),
    check(cfg) {
      const r = fn(cfg);
      checkEngineInvariants(r.trace);
      checkTicketRecords(r, cfg.maxAttempts);
      if (safe) {
        const s = lib.checkConsensusSafety(r.log, r.servers.length);
        must(s.ok, `Paxos agreement broken: ${s.violation}`);
        const decided = new Set(r.log.decisions.map((d) => d.command));
        for (const e of r.log.executes) must(decided.has(e.command), `Paxos: ${e.server} executed ${e.command}, which no client decided`);
      }
    },
  });
  targets.push(tickets("paxos", lib.runPaxos, true));
  targets.push(tickets("naive-ticket", lib.runNaiveTicket, false));

  // The replicated log (multi-Paxos): under any schedule, one command per slot on every server (the
  // executed logs are prefixes of one another), no command executed twice, and the result is what the
  // trace's records say; without faults every command commits.
  targets.push({
    name: "multi-paxos",
    arbitrary: fc.record({ clients: fc.integer({ min: 1, max: 3 }), servers: fc.constantFrom(1, 3, 5) }).chain(({ clients, servers }) => {
      const names = [...Array.from({ length: clients }, (_, i) => `u${i + 1}`), ...Array.from({ length: servers }, (_, i) => `s${i + 1}`)];
      return fc.record({
        seed: seedArb(fc), clients: fc.constant(clients), servers: fc.constant(servers), commandsPerClient: fc.integer({ min: 1, max: 4 }),
        lossRate: rate(fc, 0.3), duplicateRate: rate(fc, 0.1), delayMs: delayArb(fc, lib), untilMs: fc.constant(1500),
        heartbeatMs: fc.integer({ min: 5, max: 40 }), electionTimeoutMs: fc.integer({ min: 20, max: 120 }), faults: faultSchedule(fc, names, 400, 5),
      });
    }),
    check(cfg) {
      const r = lib.runMultiPaxos(cfg);
      checkEngineInvariants(r.trace);
      checkLogs(r.logs, "multi-paxos");
      must(r.agreement.ok, `multi-Paxos agreement broken: ${r.agreement.violation}`);
      const executes = r.trace.records("execute");
      for (const s of r.servers) {
        const mine = executes.filter((e) => e.node === s).map((e) => e.detail.id);
        must(mine.join(" ") === r.logs[s].join(" "), `multi-paxos: ${s}'s log is not its execute records`);
      }
      const executed = new Set(executes.map((e) => e.detail.id));
      for (const c of r.trace.records("commit")) must(executed.has(c.detail.id), `multi-paxos: ${c.node} committed ${c.detail.id}, which no server executed`);
      if (cfg.faults.length === 0 && cfg.lossRate === 0 && cfg.duplicateRate === 0 && typeof cfg.delayMs === "number" && cfg.delayMs <= 5) {
        must(r.committed === cfg.clients * cfg.commandsPerClient, `multi-paxos: no faults, yet ${r.committed} of ${cfg.clients * cfg.commandsPerClient} committed`);
      }
    },
  });

  // The ladder: random loss, delay and any fault entries on u1 and s1, replayed through every rung;
  // every cell is 0 or 1, and multi-Paxos never duplicates, diverges or conflicts. ("lost command" is left
  // out: a decision just before the run stops may still have its execute messages in flight.)
  targets.push({
    name: "ladder",
    arbitrary: fc.record({
      seed: seedArb(fc), lossRate: rate(fc, 0.2), meanDelayMs: fc.integer({ min: 1, max: 20 }), faults: faultSchedule(fc, ["u1", "s1"], 150, 4),
    }),
    check(cfg) {
      const { seed, ...schedule } = cfg;
      const rows = lib.protocolLadder({ seed, schedule, untilMs: 1500 });
      must(rows.length === lib.LADDER_PROTOCOLS.length * lib.LADDER_PROPERTIES.length, `ladder: ${rows.length} rows`);
      for (const r of rows) {
        must(r.broken === 0 || r.broken === 1, `ladder: ${r.protocol} / ${r.property} is ${r.broken}`);
        if (r.protocol === "multi-Paxos" && ["duplicate execution", "divergence", "conflicting execution"].includes(r.property)) {
          must(r.broken === 0, `ladder: multi-Paxos broke "${r.property}"`);
        }
      }
    },
  });

  // The model checker on random small models (a graph; a state is built with its keys in an order
  // that depends on the edge taken, so only the canonical fingerprint makes two of them one state):
  // BFS and DFS reach the same set of fingerprints, every counterexample replays to a violating
  // state, and BFS counterexamples are no longer than DFS ones. The first PARALLEL_RUNS models
  // also on 2 worker threads (the model from checker-graph-model.cjs): same verdicts, same BFS path
  // lengths, same state counts.
  const { graphModel } = require("./checker-graph-model.cjs");
  const PARALLEL_RUNS = 5;
  let parallelRuns = 0;
  targets.push({
    name: "checker",
    arbitrary: fc.integer({ min: 1, max: 14 }).chain((n) => fc.record({
      edges: fc.array(fc.array(fc.integer({ min: -1, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
      bad: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      goal: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      maxStates: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
    })).map((c) => JSON.parse(JSON.stringify(c))),
    check(cfg) {
      const { edges, bad, goal } = cfg;
      const { init, actions, next } = graphModel(cfg);
      const model = { init, actions, next };
      const reachable = new Set([0]);
      for (const queue = [0]; queue.length > 0;) for (const t of edges[queue.shift()]) if (t >= 0 && !reachable.has(t)) { reachable.add(t); queue.push(t); }
      const seenBy = (strategy) => {
        const seen = new Set();
        const props = [{ name: "record", always: (s) => { seen.add(lib.fingerprint(s)); return true; } }];
        const r = lib.checkModel({ ...model, strategy, properties: props });
        must(r.verdict === "holds" && r.distinctStates === seen.size, `${strategy}: ${r.distinctStates} distinct states but ${seen.size} recorded`);
        return seen;
      };
      const [bfsSeen, dfsSeen] = [seenBy("bfs"), seenBy("dfs")];
      must(bfsSeen.size === reachable.size, `BFS found ${bfsSeen.size} states, the graph has ${reachable.size} reachable nodes`);
      must([...bfsSeen].every((f) => dfsSeen.has(f)) && dfsSeen.size === bfsSeen.size, "BFS and DFS reached different fingerprints");
      const properties = [
        { name: "never bad", always: (s) => !bad[s.node] }, { name: "some goal", sometimes: (s) => goal[s.node] },
        { name: "goal at last", eventually: (s) => goal[s.node] },
      ];
      const replayEnd = (path) => {
        let s = model.init;
        path.actions.forEach((a, i) => {
          must(lib.fingerprint(s) === lib.fingerprint(path.states[i]), `path state ${i} is not where its actions lead`);
          s = model.next(s, a);
          must(s !== undefined, `action ${i} of a path is not enabled`);
        });
        return s;
      };
      const results = {};
      for (const strategy of ["bfs", "dfs"]) {
        const r = lib.checkModel({ ...model, strategy, properties, maxStates: cfg.maxStates });
        results[strategy] = r;
        must(r.distinctStates <= (cfg.maxStates ?? Infinity), `${strategy}: ${r.distinctStates} states above maxStates ${cfg.maxStates}`);
        const [never, some, ev] = r.properties;
        if (never.path) must(bad[replayEnd(never.path).node], `${strategy}: the "always" counterexample does not end in a bad state`);
        if (some.path) must(goal[replayEnd(some.path).node], `${strategy}: the "sometimes" example does not end in a goal state`);
        if (ev.path) {
          const end = replayEnd(ev.path);
          must(ev.path.states.every((s) => !goal[s.node]), `${strategy}: the "eventually" counterexample passes a goal state`);
          if (ev.path.loopsBackTo === undefined) must(model.actions(end).every((a) => model.next(end, a) === undefined), `${strategy}: the "eventually" counterexample ends where an action is enabled`);
          else must(lib.fingerprint(end) === lib.fingerprint(ev.path.states[ev.path.loopsBackTo]), `${strategy}: the "eventually" loop does not close`);
        }
        if (cfg.maxStates === undefined) {
          must(never.status === ([...reachable].some((k) => bad[k]) ? "violated" : "holds"), `${strategy}: "never bad" is ${never.status}`);
          must(some.status === ([...reachable].some((k) => goal[k]) ? "holds" : "violated"), `${strategy}: "some goal" is ${some.status}`);
        }
      }
      for (const i of [0, 1]) {
        const [b, d] = [results.bfs.properties[i].path, results.dfs.properties[i].path];
        if (b && d) must(b.actions.length <= d.actions.length, `BFS path for ${properties[i].name} (${b.actions.length}) is longer than DFS's (${d.actions.length})`);
      }
      // The first few models also on 2 worker threads (each check starts two threads: slow for a
      // fuzz, so a few): the same verdicts and, breadth first, paths of the same lengths; complete
      // searches count the same states.
      if (parallelRuns++ < PARALLEL_RUNS) {
        for (const strategy of ["bfs", "dfs"]) {
          const one = lib.checkModel({ ...graphModel(cfg), strategy, threads: 1 });
          const two = lib.checkModel({ ...graphModel(cfg), strategy, threads: 2 });
          must(two.threads === 2, `threads 2: the search ran on ${two.threads}`);
          one.properties.forEach((p, i) => {
            const q = two.properties[i];
            must(q.status === p.status, `${strategy}, threads 2: ${p.name} is ${q.status}, on one thread ${p.status}`);
            if (q.path) must((i === 0 ? bad : goal)[replayEnd(q.path).node], `${strategy}, threads 2: the path for ${p.name} does not end where it should`);
            if (strategy === "bfs") must((q.path?.actions.length ?? -1) === (p.path?.actions.length ?? -1), `bfs, threads 2: the path for ${p.name} has ${q.path?.actions.length} actions, on one thread ${p.path?.actions.length}`);
          });
          // "never bad" holds: nothing stopped the search early, so both counted every state.
          if (one.properties[0].status === "holds") must(two.distinctStates === one.distinctStates, `${strategy}, threads 2: ${two.distinctStates} states, on one thread ${one.distinctStates}`);
        }
      }
    },
  });


  return targets.filter((t) => t.check);
}

module.exports = { fuzzTargets, checkEngineInvariants, faultSchedule };
