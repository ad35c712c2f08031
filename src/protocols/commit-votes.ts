/**
 * The options two-phase and three-phase commit share: how many participants there are and how they
 * vote (fixed votes, or a no-vote rate drawn from the run's seeded stream), and how long the
 * coordinator waits for the votes. Validated once, with the caller's function name in every message.
 */
import { checkInteger, checkOneOf, checkPositive, checkProbability, fail } from "../validate";
import type { TwoPhaseCommitVote } from "./two-phase-commit-nodes";

/** The vote options of both commit protocols (runTwoPhaseCommit, runThreePhaseCommit). */
export interface CommitVoteOptions {
  /** Number of participants, named s1, s2, ... @defaultValue 3 (or the number of votes) */
  participants?: number;
  /** Each participant's vote, in order; overrides noVoteRate. @defaultValue every vote drawn with noVoteRate */
  votes?: TwoPhaseCommitVote[];
  /** Probability that a participant votes no (each independently). @defaultValue 0 */
  noVoteRate?: number;
  /** The coordinator decides abort if votes are missing this many ms after prepare. @defaultValue 100 */
  voteTimeoutMs?: number;
}

/** @internal Validated vote options: participants (default: as many as `votes`, else 3), votes, noVoteRate (0), voteTimeoutMs (100). */
export function checkCommitVotes(fn: string, options: CommitVoteOptions): { n: number; votes: TwoPhaseCommitVote[] | undefined; noVoteRate: number; voteTimeoutMs: number } {
  const n = checkInteger(`${fn}: participants`, options.participants ?? options.votes?.length ?? 3, 1, 10000);
  const votes = options.votes;
  if (votes !== undefined) {
    if (!Array.isArray(votes) || votes.length !== n) fail(`${fn}: votes`, votes, `an array of ${n} "yes"/"no" votes`);
    votes.forEach((v, i) => checkOneOf(`${fn}: votes[${i}]`, v, ["yes", "no"]));
  }
  const noVoteRate = checkProbability(`${fn}: noVoteRate`, options.noVoteRate ?? 0);
  const voteTimeoutMs = checkPositive(`${fn}: voteTimeoutMs`, options.voteTimeoutMs ?? 100);
  return { n, votes, noVoteRate, voteTimeoutMs };
}
