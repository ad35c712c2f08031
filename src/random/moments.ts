/**
 * Closed-form moments and short labels of the distributions in ./distributions: what the notebooks
 * plot next to simulated means and variances.
 */
import { sampler, toDist, type DistributionLike } from "./distributions";
import { describeValue } from "../validate";

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
