/**
 * A multi-Paxos server's disk and its learner: the chosen commands it knows, applied strictly in slot
 * order (a slot waits for every slot before it), each command executed once even if it was chosen in
 * two slots, and the chosen slots it hands to a server that missed them (catch-up).
 */
import type { NodeContext } from "../sim/context";
import { disk } from "./ticket-attempts";
import { NO_OP, recordMp } from "./multi-paxos-records";
import type { StoredEntry } from "./multi-paxos-options";

/** @internal A server's disk (it survives crashes), named as in the chapter. */
export interface ServerDisk {
  tMax: number; //                          T_max: the largest ticket issued, for every slot at once
  stored: Record<number, StoredEntry>; //   per slot: C and T_store
  chosen: Record<number, string>; //        slots known to be chosen, with their command
  applied: string[]; //                     slots applied so far, in slot order (a no-op is applied too)
  executed: Record<string, true>; //        commands executed (a command in two slots runs once)
  tried: number; maxSeen: number; //        the largest ticket tried, the largest T_max a nack reported
  elections: number; //                     phase 1 attempts so far
}
/** A new server's disk (a new object each time: servers must not share their maps). */
const freshDisk = (): ServerDisk => ({ tMax: 0, stored: {}, chosen: {}, applied: [], executed: {}, tried: 0, maxSeen: 0, elections: 0 });

/** Chosen slots a leader sends per catch-up request (the next heartbeat brings the next batch). */
const CATCH_UP_BATCH = 32;

/** @internal The server's disk, created on its first boot. */
export function serverDisk(ctx: NodeContext): ServerDisk {
  return ctx.persistent.applied === undefined ? disk(ctx, freshDisk()) : (ctx.persistent as unknown as ServerDisk);
}

/**
 * @internal Phase 3: the slot's command `c` is chosen. Applies every chosen slot in order from the
 * first one not applied yet; a server that knows the client of a command (`clients`) acknowledges it.
 */
export function applyChosen(ctx: NodeContext, slot: number, c: string, clients: Record<string, string>): void {
  const p = serverDisk(ctx);
  if (p.chosen[slot] === undefined) p.chosen[slot] = c;
  for (let next = p.applied.length; p.chosen[next] !== undefined; next = p.applied.length) {
    const v = p.chosen[next];
    p.applied.push(v);
    if (v === NO_OP || p.executed[v]) { recordMp(ctx, "skip", { slot: next, command: v }); continue; }
    p.executed[v] = true;
    recordMp(ctx, "execute", { slot: next, id: v });
    const client = clients[v];
    if (client !== undefined) ctx.send(client, { type: "ack", id: v });
  }
}

/** @internal The chosen slots from `fromSlot` on, as long as they are contiguous (one batch). */
export function chosenFrom(p: ServerDisk, fromSlot: number): [number, string][] {
  const out: [number, string][] = [];
  for (let slot = fromSlot; p.chosen[slot] !== undefined && slot < fromSlot + CATCH_UP_BATCH; slot++) out.push([slot, p.chosen[slot]]);
  return out;
}
