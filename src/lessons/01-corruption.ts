/**
 * Experiments of notebook 01's corruption section: the client-server protocol with sequence numbers
 * ("seq") when messages arrive corrupted, with and without a checksum. With a checksum a corrupted
 * message is discarded, so it is a lost message: a command needs 1 / (1 - c)^2 transmissions on
 * average (the command and its ACK must both arrive intact). Without one, the server executes
 * command numbers nobody sent.
 */
import type { Seed } from "../random/rng";
import { meanCI } from "../stats/stats";
import { monteCarlo } from "../stats/montecarlo";
import { checkKeys, checkList, checkProbability, checkInteger, fail } from "../validate";
import { runClientServer } from "../protocols/client-server";

/** One row of {@link corruptionSweep}: one corruption rate, with or without a checksum. */
export interface CorruptionRow {
  corruptRate: number;
  checksum: "with checksum" | "without checksum";
  /** Mean transmissions per command, with a 95% Student-t interval over the runs' means. */
  transmissions: number; lo: number; hi: number;
  /** 1 / (1 - corruptRate)^2: corruption turned into loss, both ways. */
  closedForm: number;
  /** Executions of a made-up command number, per 1,000 commands. */
  wrongPer1000: number;
  /** Commands the server never executed, per 1,000 commands. */
  missingPer1000: number;
  runs: number;
}

/**
 * Runs `runs` seeded client-server runs ("seq", no loss, `commands` commands each) at every
 * corruption rate, with and without a checksum.
 * @example corruptionSweep({ seed: 42, runs: 20, corruptRates: [0.2] })[1].wrongPer1000 // 0 (with checksum)
 */
export function corruptionSweep(options: { seed: Seed; runs: number; corruptRates: number[]; commands?: number }): CorruptionRow[] {
  const fn = "corruptionSweep";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["seed", "runs", "corruptRates", "commands"]);
  const rates = checkList(`${fn}: corruptRates`, options.corruptRates, (n, v) => checkProbability(n, v));
  const commands = checkInteger(`${fn}: commands`, options.commands ?? 20, 1, 100_000);
  const rows: CorruptionRow[] = [];
  for (const corruptRate of rates) {
    if (corruptRate >= 1) fail(`${fn}: corruptRates`, corruptRate, "below 1 (at 1 no command ever arrives intact)");
    for (const checksum of [false, true]) {
      const results = monteCarlo({ runs: options.runs, seed: `${options.seed}/corrupt/${corruptRate}/${checksum}`,
        run: (seed) => runClientServer({ seed, protocol: "seq", commands, corruptRate, checksum }) });
      const m = meanCI(results.map((r) => r.transmissions.reduce((a, b) => a + b, 0) / commands));
      const [lo, hi] = results.length > 1 ? [m.lo, m.hi] : [m.mean, m.mean];
      const total = results.length * commands;
      rows.push({
        corruptRate, checksum: checksum ? "with checksum" : "without checksum", transmissions: m.mean, lo, hi,
        closedForm: 1 / (1 - corruptRate) ** 2,
        wrongPer1000: (1000 * results.reduce((a, r) => a + r.wrongExecutions, 0)) / total,
        missingPer1000: (1000 * (total - results.reduce((a, r) => a + r.delivered, 0))) / total,
        runs: results.length,
      });
    }
  }
  return rows;
}
