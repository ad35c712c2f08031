/**
 * One colour per message kind (the payload type) in every sequence diagram, by the role the message
 * plays in its protocol, so that a phase looks the same in every notebook: blue asks (ticket, lock,
 * prepare, fwd), orange carries the command to act on (cmd, propose, store, execute), green answers
 * yes (ok, grant, ack, vote, executed), vermillion answers no (refuse, abort), purple ends a round
 * (success, release, decide). Other kinds get the remaining palette colours in order.
 */

const ASK = "#0072B2";
const ACT = "#E69F00";
const YES = "#009E73";
const NO = "#D55E00";
const END = "#CC79A7";

const SPARE = ["#56B4E9", "#000000", "#999999"];

/** The fixed colour of each known message kind. */
export const MESSAGE_KIND_COLORS: Readonly<Record<string, string>> = Object.freeze({
  ticket: ASK, lock: ASK, prepare: ASK, request: ASK, fwd: ASK,
  cmd: ACT, propose: ACT, store: ACT, execute: ACT, commit: ACT,
  ok: YES, grant: YES, ack: YES, vote: YES, "fwd-ack": YES, executed: YES, stored: YES,
  refuse: NO, refused: NO, abort: NO, nack: NO,
  success: END, release: END, decide: END, unlock: END,
});

/** A colour range for the given message kinds: known kinds their fixed colour, others spare colours in order. */
export function messageKindColors(kinds: readonly string[]): string[] {
  const spare = SPARE;
  let next = 0;
  return kinds.map((kind) => MESSAGE_KIND_COLORS[kind] ?? spare[next++ % spare.length]);
}
