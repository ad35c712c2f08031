/**
 * Why replicate: with r independent replicas, the chance that all are down at once, and the chance
 * of losing data (every replica failing before the lost ones are re-created) within a horizon.
 * Each function simulates by Monte Carlo and returns tidy rows next to the closed form.
 */
import { createRng, type Seed } from "../random/rng";
import { wilson } from "../stats/stats";
import { checkInteger, checkKeys, checkNumber, checkOneOf, checkPositive, checkProbability, checkSeed, fail } from "../validate";
import { HOURS_PER_YEAR } from "./_units";
import { lossProbability, meanTimeToDataLoss, type RepairPolicy } from "./_markov";

/** One row per replica count: simulated probability with its Wilson interval, and the closed form. */
export interface ReplicaRow {
  r: number;
  simulated: number;
  lo: number;
  hi: number;
  closedForm: number;
  /** Number of Monte Carlo trials and how many showed the event. */
  trials: number;
  events: number;
}

/** Options of {@link replicaUnavailability}. */
export interface ReplicaUnavailabilityOptions {
  /** Replica counts to evaluate, integers in [1, 20]. @defaultValue [1, 2, 3, 4, 5] */
  replicas?: number[];
  /**
   * Probability q that one replica is down at a random instant. @defaultValue 0.1, or
   * MTTR / (MTBF + MTTR) when mtbfYears or repairHours is given
   */
  downProbability?: number;
  /** Mean up time per replica in years (used when downProbability is absent). @defaultValue 2 */
  mtbfYears?: number;
  /** Mean repair time in hours (used when downProbability is absent). @defaultValue 24 */
  repairHours?: number;
  /** Snapshots per replica count, an integer in [1, 1e8]. @defaultValue 100_000 */
  trials?: number;
  /** Confidence level of the Wilson interval. @defaultValue 0.95 */
  confidence?: number;
  /** Seed; replica count r draws from stream "failures.unavailability.r". @defaultValue 42 */
  seed?: Seed;
}

function checkReplicas(value: unknown, fallback: number[]): number[] {
  const list = value ?? fallback;
  if (!Array.isArray(list) || list.length === 0) fail("replicas", list, "a non-empty array of integers in [1, 20]");
  list.forEach((r, i) => checkInteger(`replicas[${i}]`, r, 1, 20));
  return list as number[];
}


/**
 * P(all r replicas down at once) for independent replicas each down with probability q: closed form
 * q^r (so availability is 1 - q^r), simulated as independent snapshots. Assumes independence; real
 * failures are correlated (racks, power, software), which makes the true figure larger.
 *
 * @example replicaUnavailability({ downProbability: 0.1, replicas: [1, 2, 3] })
 */
export function replicaUnavailability(options: ReplicaUnavailabilityOptions = {}): ReplicaRow[] {
  checkKeys("replicaUnavailability options", options,
    ["replicas", "downProbability", "mtbfYears", "repairHours", "trials", "confidence", "seed"]);
  const replicas = checkReplicas(options.replicas, [1, 2, 3, 4, 5]);
  let q: number;
  if (options.downProbability !== undefined) {
    if (options.mtbfYears !== undefined || options.repairHours !== undefined) {
      fail("downProbability", options.downProbability, "left out when mtbfYears or repairHours is given");
    }
    q = checkProbability("downProbability", options.downProbability);
  } else if (options.mtbfYears !== undefined || options.repairHours !== undefined) {
    const mtbfHours = checkPositive("mtbfYears", options.mtbfYears ?? 2) * HOURS_PER_YEAR;
    const mttr = checkNumber("repairHours", options.repairHours ?? 24, 0, 1e7);
    q = mttr / (mtbfHours + mttr);
  } else q = 0.1;
  const trials = checkInteger("trials", options.trials ?? 100_000, 1, 1e8);
  const confidence = options.confidence ?? 0.95;
  const seed = checkSeed("seed", options.seed ?? 42);
  return replicas.map((r) => {
    const rng = createRng(seed, `failures.unavailability.${r}`);
    let events = 0;
    for (let t = 0; t < trials; t++) {
      let down = 0;
      while (down < r && rng.next() < q) down++;
      if (down === r) events++;
    }
    const ci = wilson(events, trials, confidence);
    return { r, simulated: events / trials, lo: ci.lo, hi: ci.hi, closedForm: q ** r, trials, events };
  });
}

/** Options of {@link dataLossProbability}. */
export interface DataLossOptions {
  /** Replica counts to evaluate, integers in [1, 20]. @defaultValue [1, 2, 3] */
  replicas?: number[];
  /** Mean time to failure of one replica, in years (failure rate lambda = 1 / mtbfYears). @defaultValue 2 */
  mtbfYears?: number;
  /** Mean time to re-create a lost replica, in hours (repair rate mu = 1 / repairHours). @defaultValue 24 */
  repairHours?: number;
  /** Repair-time law: "exponential" matches the Markov closed form exactly; "constant" is approximated by it. @defaultValue "exponential" */
  repairDistribution?: "exponential" | "constant";
  /** "parallel": every lost replica is re-created at once; "serial": one at a time. @defaultValue "parallel" */
  repairPolicy?: RepairPolicy;
  /** Time span, in years. @defaultValue 1 */
  horizonYears?: number;
  /** Replica groups simulated per replica count, an integer in [1, 1e7]. @defaultValue 100_000 */
  trials?: number;
  /** Confidence level of the Wilson interval. @defaultValue 0.95 */
  confidence?: number;
  /** Seed; replica count r draws from stream "failures.dataloss.r". @defaultValue 42 */
  seed?: Seed;
}

/** A data-loss row: the ReplicaRow fields plus the MTTDL and a one-line approximation. */
export interface DataLossRow extends ReplicaRow {
  /** Exact mean time to data loss of the Markov chain, in years. */
  mttdlYears: number;
  /** 1 - exp(-T / MTTDL_approx) with MTTDL_approx = mu^(r-1) / (r lambda^r) (parallel) or mu^(r-1) / (r! lambda^r) (serial). */
  approximation: number;
}

/**
 * P(data lost within the horizon): a group of r replicas starts all live; each live replica fails
 * after an exponential time (rate lambda); each failed one is re-created after repairHours; data is
 * lost when all r are failed at once. Closed form: the absorbing Markov chain on the number of live
 * replicas (see _markov.ts), exact for exponential repairs. The approximation assumes mu >> lambda:
 * losses then form a Poisson process with rate 1 / MTTDL.
 *
 * @example dataLossProbability({ mtbfYears: 0.5, repairHours: 72, replicas: [1, 2, 3] })
 */
export function dataLossProbability(options: DataLossOptions = {}): DataLossRow[] {
  checkKeys("dataLossProbability options", options, ["replicas", "mtbfYears", "repairHours", "repairDistribution",
    "repairPolicy", "horizonYears", "trials", "confidence", "seed"]);
  const replicas = checkReplicas(options.replicas, [1, 2, 3]);
  const mtbfHours = checkPositive("mtbfYears", options.mtbfYears ?? 2) * HOURS_PER_YEAR;
  const repairHours = checkNumber("repairHours", options.repairHours ?? 24, 1e-9, 1e7);
  const law = checkOneOf("repairDistribution", options.repairDistribution ?? "exponential", ["exponential", "constant"]);
  const policy = checkOneOf("repairPolicy", options.repairPolicy ?? "parallel", ["parallel", "serial"]);
  const T = checkNumber("horizonYears", options.horizonYears ?? 1, 1e-9, 1000) * HOURS_PER_YEAR;
  const trials = checkInteger("trials", options.trials ?? 100_000, 1, 1e7);
  const confidence = options.confidence ?? 0.95;
  const seed = checkSeed("seed", options.seed ?? 42);
  const lambda = 1 / mtbfHours;
  const mu = 1 / repairHours;
  return replicas.map((r) => {
    const rng = createRng(seed, `failures.dataloss.${r}`);
    const exp = (rate: number) => -Math.log(1 - rng.next()) / rate;
    const repair = law === "constant" ? () => repairHours : () => exp(mu);
    const pending = new Float64Array(r); // repair finish times of failed replicas (parallel), or queue (serial)
    let events = 0;
    for (let trial = 0; trial < trials; trial++) {
      let live = r;
      let count = 0; // pending repairs
      let t = 0;
      for (;;) {
        // Next repair completion: the earliest pending finish time (serial: only the head is running).
        let next = Infinity, at = -1;
        for (let i = 0; i < count; i++) if (pending[i] < next) { next = pending[i]; at = i; }
        const nextFailure = t + exp(live * lambda);
        if (next <= nextFailure) {
          if (next >= T) break;
          t = next;
          live++;
          pending[at] = pending[--count];
          // Serial: the next queued repair starts now.
          if (policy === "serial") for (let i = 0; i < count; i++) if (pending[i] === Infinity) { pending[i] = t + repair(); break; }
          continue;
        }
        if (nextFailure >= T) break;
        t = nextFailure;
        live--;
        if (live === 0) { events++; break; }
        const busy = policy === "serial" && count > 0;
        pending[count++] = busy ? Infinity : t + repair();
      }
    }
    const ci = wilson(events, trials, confidence);
    const mttdl = meanTimeToDataLoss(r, lambda, mu, policy);
    let approx = mu ** (r - 1) / (r * lambda ** r);
    if (policy === "serial") for (let j = 2; j < r; j++) approx /= j; // r! = r * (r-1)!
    return {
      r, simulated: events / trials, lo: ci.lo, hi: ci.hi,
      closedForm: lossProbability(r, lambda, mu, policy, T), trials, events,
      mttdlYears: mttdl / HOURS_PER_YEAR, approximation: -Math.expm1(-T / approx),
    };
  });
}
