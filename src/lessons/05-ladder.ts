/**
 * Notebook 05's protocol ladder in words: the sentences that report what broke where, built from the
 * ladder's rows (so that the notebook's prose never types a measured result).
 */
import type { LadderRateRow, LadderRow } from "../properties/ladder";
import { fail } from "../validate";

/** A row of {@link protocolLadder} (one replay) or of {@link ladderRates} (count of n replays). */
export type LadderFindingRow = LadderRow & Partial<Pick<LadderRateRow, "count" | "n">>;

/**
 * One line per rung, in the rows' order: the properties it broke, with "in count of n" for rates
 * ("no property broke in any of the n replays" when none did), then one line naming the rungs that did
 * not terminate even without the crashes.
 * @example ladderFindings(ladderRates({ seed: 42, replays: 40 })) // ["naive client-server: lost command in 14 of 40", ...]
 */
export function ladderFindings(rows: readonly LadderFindingRow[]): string[] {
  if (!Array.isArray(rows) || rows.length === 0) fail("ladderFindings(rows): rows", rows, "the rows of protocolLadder or ladderRates");
  const n = rows[0].n;
  const how = (r: LadderFindingRow) => (r.count === undefined ? "" : ` in ${r.count} of ${r.n}`);
  const broke = (r: LadderFindingRow) => (r.count ?? r.broken) > 0;
  const lines = [...new Set(rows.map((r) => r.protocol))].map((rung) => {
    const cells = rows.filter((r) => r.protocol === rung && broke(r));
    if (cells.length > 0) return `${rung}: ${cells.map((r) => `${r.property}${how(r)}`).join(", ")}`;
    return `${rung}: no property broke${n === undefined ? "" : ` in any of the ${n} replays`}`;
  });
  const stalled = rows.filter((r) => r.property === "non-termination" && broke(r));
  lines.push(`non-termination (still waiting, and still waiting when the replay runs without its crashes): ${stalled.length === 0
    ? (n === undefined ? "no rung" : `no rung, in any of the ${n} replays`) : stalled.map((r) => `${r.protocol}${how(r)}${n === undefined ? "" : " replays"}`).join(", ")}`);
  return lines;
}
