/**
 * The score race explored exhaustively: every order in which the server can receive the commands,
 * and with allowLoss every subset of them lost, with the outcome each leads to (no randomness).
 */
import { explore, type ExploreResult } from "../check/explore";
import { checkKeys, checkNumber, checkOneOf, fail } from "../validate";
import { applyScoreOp, checkRaceClients, scoreRaceLabel, type ScoreOp } from "../protocols/score-race";

/** Options for {@link exploreScoreRace}. */
export interface ScoreRaceExploreOptions {
  /** The operations of each client (all in flight at once). @defaultValue [["+10"], ["*5"]] */
  clients?: ScoreOp[][];
  /** Also explore losing any subset of the commands. @defaultValue false */
  allowLoss?: boolean;
  /** Label outcomes by final score ("50") or by order and score ("+10 then *5 → 50"). @defaultValue "score" */
  outcome?: "score" | "order";
  /** The score before any command. @defaultValue 0 */
  initialScore?: number;
}

/** One command in flight during exploration. */
export interface ScoreRaceMessage { client: number; index: number; op: ScoreOp }

interface RaceState { score: number; order: ScoreOp[]; inFlight: ScoreRaceMessage[] }

/**
 * Every order in which the server can receive the commands (each client's commands may overtake each
 * other), and with allowLoss every subset that can be lost, with the outcome each leads to. Uses
 * {@link explore}; `schedules` counts delivery orders, which are not equally likely in general.
 * @example exploreScoreRace({ allowLoss: true }).outcomes.map((o) => o.outcome) // ["0", "10", "50"]
 */
export function exploreScoreRace(options: ScoreRaceExploreOptions = {}): ExploreResult<ScoreRaceMessage> {
  if (options === null || typeof options !== "object") fail("exploreScoreRace options", options, "an object");
  checkKeys("exploreScoreRace options", options, ["clients", "allowLoss", "outcome", "initialScore"]);
  const ops = checkRaceClients(options.clients);
  const initialScore = checkNumber("initialScore", options.initialScore ?? 0);
  const mode = checkOneOf("outcome", options.outcome ?? "score", ["score", "order"] as const);
  const total = ops.reduce((n, l) => n + l.length, 0);
  const initial: RaceState = {
    score: initialScore, order: [],
    inFlight: ops.flatMap((list, client) => list.map((op, index) => ({ client, index, op }))),
  };
  return explore<RaceState, ScoreRaceMessage>({
    initial,
    allowLoss: options.allowLoss ?? false,
    pending: (s) => s.inFlight,
    deliver: (s, m) => ({ score: applyScoreOp(s.score, m.op), order: [...s.order, m.op], inFlight: s.inFlight.filter((x) => x !== m) }),
    outcome: (s) => (mode === "score" ? String(s.score) : scoreRaceLabel(s.order, total, s.score)),
    // With score labels, states with the same score and the same commands left have the same future.
    key: mode === "score" ? (s) => `${s.score}|${s.inFlight.map((m) => `${m.client}.${m.index}`).join(",")}` : undefined,
  });
}
