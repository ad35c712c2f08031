import { test } from "node:test";
import assert from "node:assert/strict";
import { checkModel } from "../../src/check/check-model";
import { twoPhaseModel } from "../../src/check/models/two-phase-tla";
import type { TwoPhaseState } from "../../src/check/models/two-phase-tla";

// An independent enumeration of TwoPhase (Gray and Lamport, "Consensus on Transaction Commit"),
// written again from the TLA+ spec with its own representation: a state is a JSON string, the set
// of visited states a Set<string>, the search a plain breadth-first loop. Every disjunct of TPNext
// counts as a generated state, as TLC counts them.
function naiveTwoPhase(n: number): { distinct: number; generated: number } {
  interface S { rm: string[]; tm: string; tmPrepared: number[]; msgs: string[] }
  const key = (s: S) => JSON.stringify([s.rm, s.tm, [...s.tmPrepared].sort(), [...s.msgs].sort()]);
  const add = (set: readonly string[], m: string) => (set.includes(m) ? [...set] : [...set, m]);
  const init: S = { rm: Array(n).fill("working"), tm: "init", tmPrepared: [], msgs: [] };
  const seen = new Set([key(init)]);
  const queue = [init];
  let generated = 0;
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    const out: S[] = [];
    const setRm = (r: number, v: string) => s.rm.map((x, j) => (j === r ? v : x));
    if (s.tm === "init" && s.tmPrepared.length === n) out.push({ ...s, tm: "committed", msgs: add(s.msgs, "Commit") });
    if (s.tm === "init") out.push({ ...s, tm: "aborted", msgs: add(s.msgs, "Abort") });
    for (let r = 0; r < n; r++) {
      if (s.tm === "init" && s.msgs.includes(`Prepared ${r}`)) out.push({ ...s, tmPrepared: s.tmPrepared.includes(r) ? s.tmPrepared : [...s.tmPrepared, r] });
      if (s.rm[r] === "working") out.push({ ...s, rm: setRm(r, "prepared"), msgs: add(s.msgs, `Prepared ${r}`) });
      if (s.rm[r] === "working") out.push({ ...s, rm: setRm(r, "aborted") });
      if (s.msgs.includes("Commit")) out.push({ ...s, rm: setRm(r, "committed") });
      if (s.msgs.includes("Abort")) out.push({ ...s, rm: setRm(r, "aborted") });
    }
    for (const t of out) {
      generated++;
      const k = key(t);
      if (!seen.has(k)) { seen.add(k); queue.push(t); }
    }
  }
  return { distinct: seen.size, generated };
}

/** The closed form: TM in "init": 4 choices per RM; TM aborted: 6; TM committed: 2. */
const closedForm = (n: number) => 6 ** n + 4 ** n + 2 ** n;

test("TwoPhase with 3 RMs has 288 distinct states, as TLC and Stateright report; consistent holds, all committed and all aborted are reachable", () => {
  const r = checkModel(twoPhaseModel(3));
  assert.equal(r.distinctStates, 288);
  assert.equal(r.generatedStates, 1145);
  assert.equal(r.verdict, "holds");
  assert.deepEqual(r.properties.map((p) => [p.name, p.status]), [["consistent", "holds"], ["all committed", "holds"], ["all aborted", "holds"]]);
  // Shortest examples: 3 prepares, 3 receipts by the TM, the commit, 3 receipts by the RMs; or 3 aborts.
  assert.equal(r.properties[1].path?.actions.length, 10);
  assert.deepEqual(r.properties[2].path?.actions, [{ type: "RMChooseToAbort", rm: 0 }, { type: "RMChooseToAbort", rm: 1 }, { type: "RMChooseToAbort", rm: 2 }]);
  assert.equal(r.properties[0].path, undefined);
});

test("TwoPhase: 8,832 states with 5 RMs (Stateright's count) and 296,448 with 7, the closed form 6^n + 4^n + 2^n, and the naive enumeration's counts", () => {
  for (const n of [1, 2, 3, 4, 5]) {
    const r = checkModel(twoPhaseModel(n));
    const naive = naiveTwoPhase(n);
    assert.equal(r.distinctStates, naive.distinct, `${n} RMs`);
    assert.equal(r.generatedStates, naive.generated, `${n} RMs: generated`);
    assert.equal(r.distinctStates, closedForm(n), `${n} RMs: closed form`);
  }
  assert.equal(closedForm(5), 8_832);
  const seven = checkModel({ ...twoPhaseModel(7), properties: [] });
  assert.equal(seven.distinctStates, 296_448);
  assert.equal(seven.generatedStates, 2_744_705);
  assert.equal(closedForm(8), 1_745_408); // the bench's size: also the count Stateright's 2pc example prints
});

test("TwoPhase depth first finds the same states; its examples are valid but may be longer", () => {
  const bfs = checkModel(twoPhaseModel(4));
  const dfs = checkModel({ ...twoPhaseModel(4), strategy: "dfs" });
  assert.equal(dfs.distinctStates, bfs.distinctStates);
  assert.equal(dfs.generatedStates, bfs.generatedStates);
  assert.equal(dfs.verdict, "holds");
  for (const [i, p] of dfs.properties.entries()) {
    if (p.path) assert.ok(p.path.actions.length >= (bfs.properties[i].path?.actions.length ?? 0));
  }
});

test("TwoPhase broken (the TM commits without waiting for every Prepared): consistent is violated, shortest counterexample", () => {
  const m = twoPhaseModel(2);
  const r = checkModel({
    ...m,
    next: (s, a): TwoPhaseState | undefined => (a.type === "TMCommit" ? (s.tmState === "init" ? { ...s, tmState: "committed", msgs: { ...s.msgs, commit: true } } : undefined) : m.next(s, a)),
  });
  assert.equal(r.verdict, "violated");
  const c = r.properties[0];
  assert.equal(c.status, "violated");
  // RM 0 aborts, the TM commits, RM 1 receives Commit: 3 actions.
  assert.equal(c.path?.actions.length, 3);
  const last = c.path!.states[c.path!.states.length - 1];
  assert.ok(last.rmState.includes("committed") && last.rmState.includes("aborted"));
});
