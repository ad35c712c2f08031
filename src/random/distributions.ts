/**
 * Probability distributions as plain data (`{ kind: "exponential", mean: 10 }`), so options stay
 * serializable and printable. {@link sampler} validates a distribution once and returns a fast
 * closure that draws from any {@link Rng}.
 */
import type { Rng } from "./rng";
import { checkNumber, checkPositive, checkProbability, fail } from "../validate";

/** Always `value`. */
export interface ConstantDist { kind: "constant"; value: number }
/** Uniform on [min, max). */
export interface UniformDist { kind: "uniform"; min: number; max: number }
/** Exponential with the given mean (rate 1/mean). */
export interface ExponentialDist { kind: "exponential"; mean: number }
/** Normal (Gaussian) with mean and standard deviation `sd`. */
export interface NormalDist { kind: "normal"; mean: number; sd: number }
/** Lognormal: exp(N(mu, sigma^2)). See {@link lognormalFromMean} to give mean and sd instead. */
export interface LognormalDist { kind: "lognormal"; mu: number; sigma: number }
/** Weibull with `shape` k and `scale` lambda: P(X > x) = exp(-(x/lambda)^k). */
export interface WeibullDist { kind: "weibull"; shape: number; scale: number }
/** Pareto (type I): P(X > x) = (scale/x)^shape for x >= scale. */
export interface ParetoDist { kind: "pareto"; scale: number; shape: number }
/** 1 with probability p, else 0. */
export interface BernoulliDist { kind: "bernoulli"; p: number }
/** An index i in [0, weights.length) with probability weights[i] / sum(weights). */
export interface CategoricalDist { kind: "categorical"; weights: number[] }

/** Any distribution. Every field is plain data. */
export type Distribution =
  | ConstantDist | UniformDist | ExponentialDist | NormalDist | LognormalDist
  | WeibullDist | ParetoDist | BernoulliDist | CategoricalDist;

/** A distribution, or a plain number meaning a constant. */
export type DistributionLike = Distribution | number;

/** A validated sampling function. */
export type Sampler = (rng: Rng) => number;

/** Always `value`. */
export const constant = (value: number): ConstantDist => ({ kind: "constant", value });
/** Uniform on [min, max). */
export const uniform = (min: number, max: number): UniformDist => ({ kind: "uniform", min, max });
/** Exponential with the given mean. */
export const exponential = (mean: number): ExponentialDist => ({ kind: "exponential", mean });
/** Normal with mean and standard deviation. */
export const normal = (mean: number, sd: number): NormalDist => ({ kind: "normal", mean, sd });
/** Lognormal with log-scale parameters mu and sigma. */
export const lognormal = (mu: number, sigma: number): LognormalDist => ({ kind: "lognormal", mu, sigma });
/** Weibull with shape and scale. */
export const weibull = (shape: number, scale: number): WeibullDist => ({ kind: "weibull", shape, scale });
/** Pareto with minimum `scale` and tail index `shape`. */
export const pareto = (scale: number, shape: number): ParetoDist => ({ kind: "pareto", scale, shape });
/** 1 with probability p, else 0. */
export const bernoulli = (p: number): BernoulliDist => ({ kind: "bernoulli", p });
/** Index i with probability proportional to weights[i]. */
export const categorical = (weights: number[]): CategoricalDist => ({ kind: "categorical", weights: weights.slice() });

/** A lognormal with the given (linear-scale) mean and standard deviation. */
export function lognormalFromMean(mean: number, sd: number): LognormalDist {
  checkPositive("lognormalFromMean(mean)", mean);
  checkNumber("lognormalFromMean(sd)", sd, 0);
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { kind: "lognormal", mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** @internal A number means a constant; anything else is returned as it is (validated by sampler). */
export function toDist(dist: DistributionLike, name: string): Distribution {
  if (typeof dist === "number") {
    checkNumber(name, dist);
    return { kind: "constant", value: dist };
  }
  if (dist === null || typeof dist !== "object") fail(name, dist, "a number or a distribution such as exponential(10)");
  return dist;
}

/**
 * Validates `dist` once and returns a fast sampling closure. Error messages name the parameter:
 * `sampler({kind:"exponential", mean:-3}, "delayMs")` throws
 * `delayMs.mean must be a finite number > 0; got -3`.
 */
export function sampler(dist: DistributionLike, name = "distribution"): Sampler {
  const d = toDist(dist, name);
  const p = (field: string) => `${name}.${field}`;
  switch (d.kind) {
    case "constant": {
      const v = checkNumber(p("value"), d.value);
      return () => v;
    }
    case "uniform": {
      const a = checkNumber(p("min"), d.min);
      const b = checkNumber(p("max"), d.max, a);
      const w = b - a;
      return (rng) => a + w * rng.next();
    }
    case "exponential": {
      const m = checkPositive(p("mean"), d.mean);
      return (rng) => -m * Math.log(1 - rng.next());
    }
    case "normal": {
      const m = checkNumber(p("mean"), d.mean);
      const s = checkNumber(p("sd"), d.sd, 0);
      return (rng) => m + s * gauss(rng);
    }
    case "lognormal": {
      const mu = checkNumber(p("mu"), d.mu);
      const s = checkNumber(p("sigma"), d.sigma, 0);
      return (rng) => Math.exp(mu + s * gauss(rng));
    }
    case "weibull": {
      const inv = 1 / checkPositive(p("shape"), d.shape);
      const sc = checkPositive(p("scale"), d.scale);
      return (rng) => sc * Math.pow(-Math.log(1 - rng.next()), inv);
    }
    case "pareto": {
      const sc = checkPositive(p("scale"), d.scale);
      const inv = 1 / checkPositive(p("shape"), d.shape);
      return (rng) => sc / Math.pow(1 - rng.next(), inv);
    }
    case "bernoulli": {
      const pr = checkProbability(p("p"), d.p);
      return (rng) => (rng.next() < pr ? 1 : 0);
    }
    case "categorical": {
      const cum = cumulative(d.weights, p("weights"));
      const total = cum[cum.length - 1];
      return (rng) => {
        const u = rng.next() * total;
        let lo = 0, hi = cum.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cum[mid] > u) hi = mid; else lo = mid + 1;
        }
        return lo;
      };
    }
    default:
      return fail(`${name}.kind`, (d as { kind?: unknown }).kind,
        "one of constant, uniform, exponential, normal, lognormal, weibull, pareto, bernoulli, categorical");
  }
}

/** A standard normal draw (Box-Muller, two uniforms, no cached state so samplers stay pure). */
function gauss(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function cumulative(weights: unknown, name: string): Float64Array {
  if (!Array.isArray(weights) || weights.length === 0) fail(name, weights, "a non-empty array of weights >= 0");
  const cum = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += checkNumber(`${name}[${i}]`, weights[i], 0);
    cum[i] = sum;
  }
  if (!(sum > 0)) fail(name, weights, "weights with a positive sum");
  return cum;
}
