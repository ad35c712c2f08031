/**
 * The replica Markov chain (internal). State k = number of live replicas, 0 is absorbing (data lost).
 * k -> k-1 at rate k * lambda (each live replica fails independently);
 * k -> k+1 at rate (r - k) * mu ("parallel": every failed replica is re-created independently)
 * or mu ("serial": one re-creation at a time), for 0 < k < r.
 */

export type RepairPolicy = "parallel" | "serial";

/** The generator matrix Q (row-major, (r+1) x (r+1)). */
export function replicaGenerator(r: number, lambda: number, mu: number, policy: RepairPolicy): Float64Array[] {
  const q = Array.from({ length: r + 1 }, () => new Float64Array(r + 1));
  for (let k = 1; k <= r; k++) {
    q[k][k - 1] = k * lambda;
    if (k < r) q[k][k + 1] = policy === "parallel" ? (r - k) * mu : mu;
    q[k][k] = -(q[k][k - 1] + (k < r ? q[k][k + 1] : 0));
  }
  return q;
}

function multiply(a: Float64Array[], b: Float64Array[]): Float64Array[] {
  const n = a.length;
  const out = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) out[i][j] += aik * b[k][j];
    }
  }
  return out;
}

/**
 * P(data lost by time t | all r replicas live at 0) = [exp(Q t)]_{r,0}, computed by a Taylor series
 * for a small step dt = t / 2^m (with |Q| dt <= 0.5) followed by m squarings.
 */
export function lossProbability(r: number, lambda: number, mu: number, policy: RepairPolicy, t: number): number {
  const q = replicaGenerator(r, lambda, mu, policy);
  let maxRate = 0;
  for (let k = 0; k <= r; k++) maxRate = Math.max(maxRate, -q[k][k]);
  let m = 0;
  while ((maxRate * t) / 2 ** m > 0.5) m++;
  const dt = t / 2 ** m;
  const n = r + 1;
  let p = Array.from({ length: n }, (_, i) => { const row = new Float64Array(n); row[i] = 1; return row; });
  let term = p.map((row) => row.slice());
  const qdt = q.map((row) => row.map((x) => x * dt));
  for (let order = 1; order <= 40; order++) {
    term = multiply(term, qdt).map((row) => row.map((x) => x / order));
    let size = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { p[i][j] += term[i][j]; size = Math.max(size, Math.abs(term[i][j])); }
    if (size < 1e-300) break;
  }
  for (let s = 0; s < m; s++) p = multiply(p, p);
  return Math.min(1, Math.max(0, p[r][0]));
}

/** Mean time to data loss from all-live (same unit as 1/lambda): solves -Q_T tau = 1 on states 1..r. */
export function meanTimeToDataLoss(r: number, lambda: number, mu: number, policy: RepairPolicy): number {
  const q = replicaGenerator(r, lambda, mu, policy);
  // Augmented system A x = 1 with A = -Q restricted to states 1..r (Gaussian elimination, r is small).
  const a = Array.from({ length: r }, (_, i) => {
    const row = new Float64Array(r + 1);
    for (let j = 0; j < r; j++) row[j] = -q[i + 1][j + 1];
    row[r] = 1;
    return row;
  });
  for (let col = 0; col < r; col++) {
    let pivot = col;
    for (let i = col + 1; i < r; i++) if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) pivot = i;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let i = 0; i < r; i++) {
      if (i === col) continue;
      const f = a[i][col] / a[col][col];
      for (let j = col; j <= r; j++) a[i][j] -= f * a[col][j];
    }
  }
  return a[r - 1][r] / a[r - 1][r - 1];
}
