/**
 * Probability distributions as plain data (`{ kind: "exponential", mean: 10 }`), so options stay
 * serializable and printable. {@link sampler} validates a distribution once and returns a fast
 * closure that draws from any {@link Rng}.
 */
import type { Rng } from "./rng";
import { checkNumber, checkPositive, checkProbability, describeValue, fail } from "../validate";

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

function toDist(dist: DistributionLike, name: string): Distribution {
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

/** Closed-form mean; Infinity where it is undefined (Pareto with shape <= 1). Validates `dist`. */
export function distMean(dist: DistributionLike): number {
  sampler(dist);
  const d = toDist(dist, "distribution");
  switch (d.kind) {
    case "constant": return d.value;
    case "uniform": return (d.min + d.max) / 2;
    case "exponential": return d.mean;
    case "normal": return d.mean;
    case "lognormal": return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case "weibull": return d.scale * gammaFn(1 + 1 / d.shape);
    case "pareto": return d.shape <= 1 ? Infinity : (d.shape * d.scale) / (d.shape - 1);
    case "bernoulli": return d.p;
    case "categorical": {
      let s = 0, w = 0;
      d.weights.forEach((x, i) => { s += i * x; w += x; });
      return s / w;
    }
  }
}

/** Closed-form variance; Infinity where it is undefined (Pareto with shape <= 2). Validates `dist`. */
export function distVariance(dist: DistributionLike): number {
  sampler(dist);
  const d = toDist(dist, "distribution");
  switch (d.kind) {
    case "constant": return 0;
    case "uniform": return ((d.max - d.min) ** 2) / 12;
    case "exponential": return d.mean * d.mean;
    case "normal": return d.sd * d.sd;
    case "lognormal": {
      const s2 = d.sigma * d.sigma;
      return (Math.exp(s2) - 1) * Math.exp(2 * d.mu + s2);
    }
    case "weibull": {
      const g1 = gammaFn(1 + 1 / d.shape);
      return d.scale * d.scale * (gammaFn(1 + 2 / d.shape) - g1 * g1);
    }
    case "pareto":
      return d.shape <= 2 ? Infinity : (d.scale * d.scale * d.shape) / ((d.shape - 1) ** 2 * (d.shape - 2));
    case "bernoulli": return d.p * (1 - d.p);
    case "categorical": {
      const m = distMean(d);
      let s = 0, w = 0;
      d.weights.forEach((x, i) => { s += (i - m) ** 2 * x; w += x; });
      return s / w;
    }
  }
}

/** A short label such as `Exp(mean 10)` or `Lognormal(mu 1, sigma 0.5)`, for chart legends. */
export function describeDistribution(dist: DistributionLike): string {
  const d = toDist(dist, "distribution");
  const n = (x: number) => describeValue(typeof x === "number" ? +x.toPrecision(4) : x);
  switch (d.kind) {
    case "constant": return `Constant(${n(d.value)})`;
    case "uniform": return `Uniform(${n(d.min)}, ${n(d.max)})`;
    case "exponential": return `Exp(mean ${n(d.mean)})`;
    case "normal": return `Normal(mean ${n(d.mean)}, sd ${n(d.sd)})`;
    case "lognormal": return `Lognormal(mu ${n(d.mu)}, sigma ${n(d.sigma)})`;
    case "weibull": return `Weibull(shape ${n(d.shape)}, scale ${n(d.scale)})`;
    case "pareto": return `Pareto(scale ${n(d.scale)}, shape ${n(d.shape)})`;
    case "bernoulli": return `Bernoulli(p ${n(d.p)})`;
    case "categorical": return `Categorical(${d.weights.map(n).join(", ")})`;
    default: return `Unknown(${describeValue(d)})`;
  }
}

/** The gamma function (Lanczos approximation, about 15 significant digits for x > 0). */
function gammaFn(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}
