/**
 * Student's t distribution: CDF and quantile, used by {@link meanCI}. Written in-house (regularized
 * incomplete beta by continued fraction, inverted by safeguarded Newton iteration).
 */
import { checkPositive, fail } from "../validate";
import { normalQuantile } from "./normal";

/**
 * P(T <= t) for Student's t with `df` degrees of freedom (df may be fractional).
 *
 * @param t - any number (+-Infinity allowed)
 * @param df - degrees of freedom, a finite number > 0
 */
export function studentTCdf(t: number, df: number): number {
  checkPositive("studentTCdf(t, df): df", df);
  if (typeof t !== "number" || Number.isNaN(t)) fail("studentTCdf(t, df): t", t, "a number");
  return tCdf(t, df);
}

/**
 * The t such that P(T <= t) = p for Student's t with `df` degrees of freedom. Exact closed forms
 * for df = 1 and df = 2; otherwise Newton iteration on {@link studentTCdf}, accurate to about 1e-12.
 * For example `studentTQuantile(0.975, 10)` is 2.228138851986...
 *
 * @param p - a probability in [0, 1]; 0 and 1 give -Infinity and Infinity
 * @param df - degrees of freedom, a finite number > 0
 */
export function studentTQuantile(p: number, df: number): number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) fail("studentTQuantile(p, df): p", p, "a number in [0, 1]");
  checkPositive("studentTQuantile(p, df): df", df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  // Start from the Cornish-Fisher expansion around the normal quantile, then Newton with bisection
  // fallback on the bracket [0, hi].
  const z = normalQuantile(p);
  const z2 = z * z;
  let t = z + (z * (z2 + 1)) / (4 * df) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df);
  let lo = 0;
  let hi = Math.max(2 * t, 1);
  while (tCdf(hi, df) < p) hi *= 2;
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = tCdf(t, df) - p;
    if (f < 0) lo = t; else hi = t;
    let next = t - f / tPdf(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

function tPdf(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

function tCdf(t: number, df: number): number {
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Regularized incomplete beta I_x(a, b) (continued fraction, Numerical Recipes 6.4). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c; c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c; c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** log Gamma(x) for x > 0 (Lanczos, g = 7, about 15 significant digits). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
