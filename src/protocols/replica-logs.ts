/**
 * What the replication protocols (acknowledgments, serializer, two-phase) share: the chapter's names
 * (clients u1, u2, ...; servers s1, s2, ...; commands c1, c2, ...) and the servers' logs. A server's
 * state is the list of commands it executed, in order; it is read from the server's "execute"
 * records, so the trace is the only place a run's result comes from.
 */
import type { Trace } from "../sim/trace";
import { checkInteger } from "../validate";

/** Client names u1, u2, ... for `count` clients. */
export function clientNames(count: number): string[] {
  checkInteger("clientNames(count): count", count, 1, 1_000_000);
  return Array.from({ length: count }, (_, i) => `u${i + 1}`);
}

/** Server names s1, s2, ... for `count` servers. */
export function serverNames(count: number): string[] {
  checkInteger("serverNames(count): count", count, 1, 1_000_000);
  return Array.from({ length: count }, (_, i) => `s${i + 1}`);
}

/**
 * The id of command `k` (1-based) of client `client` (0-based) when every client issues `perClient`
 * commands: client u1 owns c1 .. c(perClient), u2 the next perClient, and so on (with one command
 * each, u1 sends c1 and u2 sends c2, as in the chapter).
 */
export function commandId(client: number, k: number, perClient: number): string {
  return `c${client * perClient + k}`;
}

/** Detail of an "execute" record: the command a server executed. */
export interface ExecuteDetail { id: string }

/** Each server's executed commands in execution order, read from its "execute" records. */
export function serverLogs(trace: Trace, servers: readonly string[]): Record<string, string[]> {
  const logs: Record<string, string[]> = {};
  for (const s of servers) logs[s] = [];
  for (const r of trace.records<ExecuteDetail>("execute")) logs[r.node]?.push(r.detail.id);
  return logs;
}

/** True when some two logs are not prefixes of one another (their servers executed different orders). */
export function logsDiverge(logs: readonly (readonly string[])[]): boolean {
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      const n = Math.min(logs[a].length, logs[b].length);
      for (let i = 0; i < n; i++) if (logs[a][i] !== logs[b][i]) return true;
    }
  }
  return false;
}

/** The number of distinct logs. */
export function countDistinctLogs(logs: readonly (readonly string[])[]): number {
  return new Set(logs.map((l) => l.join(" "))).size;
}
