/**
 * The one table of the trace's codes: event kinds, drop reasons and message fates, each a list of
 * names whose position is the number the engine stores, with a named constant per code. Every file
 * that writes or reads a code imports it from here. The positions are part of `trace.hash()`
 * (kinds and reasons are hashed as numbers): reordering a list changes every hash.
 */

/** Kinds of trace events, in the order of their numeric codes. */
export const TRACE_KINDS = ["send", "deliver", "drop", "duplicate", "held", "timer", "crash", "recover",
  "record", "partition", "heal", "block", "unblock", "hold", "release", "corrupt"] as const;
/**
 * A trace event kind. `held`: a message reached a held link and was queued; `hold`: a link was put on
 * hold; `corrupt`: a copy was corrupted as it left (logged right after its send; it arrives altered).
 */
export type TraceKind = (typeof TRACE_KINDS)[number];

const kind = (k: TraceKind): number => TRACE_KINDS.indexOf(k);
/** @internal Event kind codes (indices into TRACE_KINDS). */
export const K_SEND = kind("send"), K_DELIVER = kind("deliver"), K_DROP = kind("drop"), K_DUPLICATE = kind("duplicate"),
  K_HELD = kind("held"), K_TIMER = kind("timer"), K_CRASH = kind("crash"), K_RECOVER = kind("recover"),
  K_RECORD = kind("record"), K_PARTITION = kind("partition"), K_HEAL = kind("heal"), K_BLOCK = kind("block"),
  K_UNBLOCK = kind("unblock"), K_HOLD = kind("hold"), K_RELEASE = kind("release"), K_CORRUPT = kind("corrupt");

/** Why a message was dropped. `held-then-*`: it was queued on a held link and dropped at release. */
export const DROP_REASONS = ["loss", "partition", "crashed", "held-then-partition", "held-then-crashed", "intervention"] as const;
/** A drop reason. */
export type DropReason = (typeof DROP_REASONS)[number];

const reason = (r: DropReason): number => DROP_REASONS.indexOf(r);
/** @internal Drop reason codes (indices into DROP_REASONS). */
export const R_LOSS = reason("loss"), R_PARTITION = reason("partition"), R_CRASHED = reason("crashed"),
  R_HELD_PARTITION = reason("held-then-partition"), R_HELD_CRASHED = reason("held-then-crashed"),
  R_INTERVENTION = reason("intervention");

/**
 * What finally happened to one message copy, in the order of the fate codes: in flight, held,
 * delivered, then one fate per drop reason in DROP_REASONS order ("lost" is a drop with reason
 * "loss"; the others are named as their reason).
 */
export const MESSAGE_FATES = ["in-flight", "held", "delivered", "lost", "partition", "crashed",
  "held-then-partition", "held-then-crashed", "intervention"] as const;
/** What finally happened to one message copy (`lost` is a drop with reason "loss"). */
export type MessageFate = (typeof MESSAGE_FATES)[number];

/** @internal Fate codes (indices into MESSAGE_FATES); a dropped copy has fate FATE_DROPPED + its reason code. */
export const FATE_IN_FLIGHT = MESSAGE_FATES.indexOf("in-flight"), FATE_HELD = MESSAGE_FATES.indexOf("held"),
  FATE_DELIVERED = MESSAGE_FATES.indexOf("delivered"), FATE_DROPPED = MESSAGE_FATES.indexOf("lost");
