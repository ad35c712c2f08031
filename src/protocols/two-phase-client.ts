/**
 * The client of the two-phase protocol (Wattenhofer, "Fault-Tolerance & Paxos"), for
 * each of its commands:
 * Phase 1: ask every server for its lock (all at once, or one at a time with lockRequests
 *   "sequential").
 * Phase 2: if every server granted its lock, send the command to every server (resent until each
 *   acknowledged; a server executes it and releases its lock); otherwise release the locks, wait
 *   (the backoff) and start a new attempt.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import { commandId } from "./replica-logs";
import type { CheckedTwoPhaseOptions } from "./two-phase-options";
import type { TwoPhaseMessage, TwoPhaseRecordDetails } from "./two-phase-messages";

/** A client's volatile state. */
interface ClientState {
  /** Commands issued so far (the current one included). */
  issued: number;
  /** The current command. */
  id: string;
  /** Attempts started so far; attempt numbers never repeat, so late replies are recognised. */
  attempt: number;
  /** The attempt number of the current command's first attempt. */
  firstAttempt: number;
  phase: "idle" | "locking" | "backoff" | "commit";
  /** Servers asked for their lock in this attempt. */
  asked: string[];
  /** Servers that granted their lock in this attempt. */
  granted: Set<string>;
  /** Servers that acknowledged the command (phase 2). */
  acked: Set<string>;
  lockTimer: number | undefined;
  resendTimer: number;
}

type TimerTag = { kind: "start" } | { kind: "retry" } | { kind: "resend" } | { kind: "lock-timeout"; attempt: number };
type Ctx = NodeContext<ClientState, TwoPhaseMessage>;
const record = <K extends keyof TwoPhaseRecordDetails>(ctx: Ctx, kind: K, detail: TwoPhaseRecordDetails[K]) => ctx.record(kind, detail);

/** @internal The handlers of client number `index` (0-based) of the two-phase protocol. */
export function twoPhaseClient(o: CheckedTwoPhaseOptions, index: number, servers: readonly string[]): NodeHandlers<ClientState, TwoPhaseMessage> {
  const n = servers.length;
  const order = o.lockOrders[index];

  // Phase 1: ask for the locks (every server, or the first one of this client's order).
  const attempt = (ctx: Ctx) => {
    const st = ctx.state;
    st.attempt += 1;
    st.phase = "locking";
    st.granted = new Set<string>();
    st.asked = o.sequential ? [order[0]] : order.slice();
    record(ctx, "attempt", { id: st.id, attempt: st.attempt });
    for (const s of st.asked) ctx.send(s, { type: "lock", attempt: st.attempt });
    if (o.lockTimeoutMs !== Infinity) st.lockTimer = ctx.setTimer(o.lockTimeoutMs, { kind: "lock-timeout", attempt: st.attempt });
  };
  const nextCommand = (ctx: Ctx) => {
    const st = ctx.state;
    st.issued += 1;
    st.id = commandId(index, st.issued, o.commandsPerClient);
    st.firstAttempt = st.attempt + 1;
    record(ctx, "issue", { id: st.id });
    attempt(ctx);
  };
  // Phase 2, some lock refused (or not granted in time): release every lock asked for, back off, retry.
  const abort = (ctx: Ctx, why: "refused" | "timeout") => {
    const st = ctx.state;
    st.phase = "backoff";
    if (st.lockTimer !== undefined) ctx.cancelTimer(st.lockTimer);
    record(ctx, "abort", { id: st.id, attempt: st.attempt, why });
    for (const s of st.asked) ctx.send(s, { type: "release", attempt: st.attempt });
    const wait = o.backoff === "fixed" ? o.backoffMs : 2 * o.backoffMs * ctx.rng.next();
    ctx.setTimer(wait, { kind: "retry" });
  };
  // Phase 2, every lock granted: send the command (reliably: resend to the servers that did not acknowledge).
  const sendCommand = (ctx: Ctx, to: Iterable<string>) => {
    for (const s of to) ctx.send(s, { type: "cmd", id: ctx.state.id, attempt: ctx.state.attempt });
    ctx.state.resendTimer = ctx.setTimer(o.resendMs, { kind: "resend" });
  };

  return {
    init(ctx) {
      ctx.state = {
        issued: 0, id: "", attempt: 0, firstAttempt: 0, phase: "idle", asked: [], granted: new Set(), acked: new Set(),
        lockTimer: undefined, resendTimer: -1,
      };
      if (index * o.clientGapMs > 0) ctx.setTimer(index * o.clientGapMs, { kind: "start" });
      else nextCommand(ctx);
    },
    onMessage(ctx, msg) {
      const st = ctx.state, m = msg.payload;
      if (m.type === "grant") {
        if (m.attempt !== st.attempt || st.phase !== "locking") {
          ctx.send(msg.from, { type: "release", attempt: m.attempt }); // a late grant: give it back
          return;
        }
        st.granted.add(msg.from);
        if (st.granted.size === n) {
          if (st.lockTimer !== undefined) ctx.cancelTimer(st.lockTimer);
          st.phase = "commit";
          st.acked = new Set<string>();
          sendCommand(ctx, servers);
        } else if (o.sequential) {
          const s = order[st.granted.size];
          st.asked.push(s);
          ctx.send(s, { type: "lock", attempt: st.attempt });
        }
      } else if (m.type === "refuse") {
        if (m.attempt === st.attempt && st.phase === "locking") abort(ctx, "refused");
      } else if (m.type === "ack" && st.phase === "commit" && m.id === st.id) {
        st.acked.add(msg.from);
        if (st.acked.size < n) return;
        // Every server executed the command and released its lock: committed.
        ctx.cancelTimer(st.resendTimer);
        record(ctx, "commit", { id: st.id, attempts: st.attempt - st.firstAttempt + 1 });
        st.phase = "idle";
        if (st.issued < o.commandsPerClient) nextCommand(ctx);
      }
    },
    onTimer(ctx, tag: TimerTag) {
      const st = ctx.state;
      if (tag.kind === "start") nextCommand(ctx);
      else if (tag.kind === "retry") attempt(ctx);
      else if (tag.kind === "lock-timeout" && st.phase === "locking" && tag.attempt === st.attempt) abort(ctx, "timeout");
      else if (tag.kind === "resend" && st.phase === "commit") sendCommand(ctx, servers.filter((s) => !st.acked.has(s)));
    },
  };
}
