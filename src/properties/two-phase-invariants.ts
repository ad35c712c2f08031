/**
 * The invariants of the two-phase protocol, checked on a run's trace: at most one client holds every
 * lock at a time, a lock has one holder, a server executes a command only under the lock of the
 * client that sent it, and every committed command executes exactly once on every server.
 */
import type { TwoPhaseResult } from "../protocols/two-phase";
import type { TwoPhaseRecordDetails } from "../protocols/two-phase-messages";

/** What {@link twoPhaseInvariants} found in one run. */
export interface TwoPhaseInvariantReport {
  /** Most clients that held every server's lock at the same moment (must be at most 1). */
  maxClientsHoldingAllLocks: number;
  /** Locks granted while another client held them (must be 0). */
  doubleGrants: number;
  /** Executions on a server not locked by the command's client (must be 0). */
  executionsWithoutLock: number;
  /** True when every committed command ran exactly once on every server, in the same order everywhere. */
  everyCommitOnceEverywhere: boolean;
  /** All of the above hold. */
  ok: boolean;
}

/**
 * Replays a two-phase run's lock, unlock and execute records and checks the protocol's invariants:
 * at most one client holds all locks at a time, a lock has one holder, a server executes a command
 * only under its client's lock, and every committed command executes exactly once on every server.
 */
export function twoPhaseInvariants(result: TwoPhaseResult): TwoPhaseInvariantReport {
  const { servers, clients } = result;
  const holder: Record<string, string | undefined> = {};
  let maxAll = 0, doubleGrants = 0, withoutLock = 0;
  type Detail = Partial<TwoPhaseRecordDetails["lock"] & TwoPhaseRecordDetails["execute"]>;
  for (const r of result.trace.records<Detail>("lock", "unlock", "execute")) {
    if (!servers.includes(r.node)) continue;
    if (r.kind === "lock") {
      if (holder[r.node] !== undefined) doubleGrants += 1;
      holder[r.node] = r.detail.client;
      maxAll = Math.max(maxAll, clients.filter((c) => servers.every((s) => holder[s] === c)).length);
    } else if (r.kind === "unlock") holder[r.node] = undefined;
    else if (holder[r.node] !== r.detail.client) withoutLock += 1;
  }
  const logs = servers.map((s) => result.logs[s]);
  const once = logs.every((l) => l.length === result.committed && new Set(l).size === l.length) && !result.diverged;
  return { maxClientsHoldingAllLocks: maxAll, doubleGrants, executionsWithoutLock: withoutLock, everyCommitOnceEverywhere: once,
    ok: maxAll <= 1 && doubleGrants === 0 && withoutLock === 0 && once };
}
