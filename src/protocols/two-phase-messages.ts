/**
 * The vocabulary of the two-phase protocol: the messages clients and servers exchange, and the
 * details of the events they record (the trace is the only place results come from).
 *
 * Phase 1, client -> server `lock`, answered `grant` (the lock is now the client's) or `refuse`
 * (another client holds it); a client that gives up an attempt sends `release`.
 * Phase 2, client -> server `cmd` (execute this command, then release the lock), answered `ack`.
 * Every lock message names the client's attempt, so late answers to an old attempt are recognised.
 */

/** A message of the two-phase protocol. */
export type TwoPhaseMessage =
  | { type: "lock"; attempt: number }
  | { type: "grant"; attempt: number }
  | { type: "refuse"; attempt: number }
  | { type: "release"; attempt: number }
  | { type: "cmd"; id: string; attempt: number }
  | { type: "ack"; id: string };

/**
 * What clients and servers record, by kind:
 * - client: "issue" (a new command), "attempt" (phase 1 starts), "abort" (the attempt failed:
 *   refused or timed out), "commit" (every server executed the command and acknowledged);
 * - server: "lock" (granted to a client), "unlock" (released), "execute" (ran a command under the
 *   lock of the client that sent it).
 */
export interface TwoPhaseRecordDetails {
  issue: { id: string };
  attempt: { id: string; attempt: number };
  abort: { id: string; attempt: number; why: "refused" | "timeout" };
  commit: { id: string; attempts: number };
  lock: { client: string; attempt: number };
  unlock: { client: string };
  execute: { id: string; client: string };
}
