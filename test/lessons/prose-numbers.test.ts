import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../reliability/repo";
import { isChecked, matches, numbersIn, proseText, valuesIn } from "./prose-numbers";

// Prose numbers come from outputs (issue 17): every number in a notebook's Markdown must be printed by
// a code cell above it (in its source, such as a parameter, or in its text output), rounded as the
// prose rounds it; a setting may also come from the source of a code cell of the same section (prose
// that introduces the cell below it). The Exercises section is not checked: it states givens. So when a seed, a parameter or the code changes a result, the sentence that quotes
// the old result fails here instead of going stale. The rules are in prose-numbers.ts.
//
// ALLOWED lists the few numbers that are not results of the notebook: definitions, confidence levels
// and settings that live in src/. Each has its reason; keep the list short.
const ALLOWED: Record<string, Record<string, string>> = {
  "00-why-distribute.ipynb": {
    "525,600": "the number of minutes in a year, a definition",
  },
  "01-one-client-one-server.ipynb": { "95%": "the confidence level of the intervals" },
  "02-two-clients-score-race.ipynb": {
    "50": "the title's example (+10 then ×5 gives 50), the chapter's numbers",
    "10,000": "a size in a thought experiment (10,000 clients), not a result",
  },
  "03-state-replication.ipynb": { "95%": "the confidence level of the intervals" },
  "04-two-phase-protocol.ipynb": {
    "50": "the lock timeout of twoPhaseAvailabilitySweep (src/lessons/04-two-phase-protocol.ts), a setting",
  },
  "05-majority-and-paxos.ipynb": {
    "30%": "fuzzPaxos's largest loss rate (src/properties/consensus.ts), a setting",
    "480": "fuzzPaxos's last fault time, a setting",
    "20": "fuzzPaxos's shortest timeout, a setting",
    "120": "a setting: fuzzPaxos's longest timeout, and the ladder schedule's client crash time",
    "110": "the ladder schedule's server crash time (DEFAULT_LADDER_SCHEDULE), a setting",
  },
  "06-replicated-log.ipynb": { "20%": "findLeaderCrashRun's loss rate (src/lessons/06-replicated-log.ts), a setting" },
};

interface Cell { cell_type: string; source: string | string[]; outputs?: { text?: string | string[]; data?: Record<string, unknown> }[] }
const join = (s: unknown) => (Array.isArray(s) ? s.join("") : typeof s === "string" ? s : "");

/** Code with numeric separators removed (50_000 reads as 50000). */
const codeText = (code: string) => code.replace(/(\d)_(?=\d)/g, "$1");

/** The values a code cell shows a reader: its source and its text outputs (not chart specs). */
function cellValues(cell: Cell): number[] {
  if (cell.cell_type !== "code") return [];
  const texts = [codeText(join(cell.source))];
  for (const o of cell.outputs ?? []) {
    texts.push(join(o.text));
    for (const mime of ["text/plain", "text/markdown"]) texts.push(join(o.data?.[mime]));
  }
  return valuesIn(texts.join("\n"));
}

const dir = path.join(REPO, "notebooks");
const notebooks = fs.readdirSync(dir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();

test("every notebook of the course is covered by the prose-number check", () => {
  assert.ok(notebooks.length >= 6, `found ${notebooks.length} lesson notebooks`);
  for (const name of Object.keys(ALLOWED)) assert.ok(notebooks.includes(name), `ALLOWED names ${name}, which is not a notebook`);
});

for (const file of notebooks) {
  test(`${file}: every number in the prose is printed by a cell above it`, () => {
    const cells: Cell[] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")).cells;
    const allowed = ALLOWED[file] ?? {};
    const above: number[] = [];
    const unmatched: string[] = [];
    const usedAllowances = new Set<string>();
    const sectionSources = (from: number): number[] => {
      const values: number[] = [];
      for (let j = from + 1; j < cells.length && !(cells[j].cell_type === "markdown" && /^#+\s/m.test(join(cells[j].source))); j++) {
        if (cells[j].cell_type === "code") values.push(...valuesIn(codeText(join(cells[j].source))));
      }
      return values;
    };
    for (const [i, cell] of cells.entries()) {
      if (cell.cell_type === "code") { above.push(...cellValues(cell)); continue; }
      if (cell.cell_type !== "markdown") continue;
      const text = join(cell.source);
      if (/^#+\s*Exercises\b/m.test(text)) break;
      const below = sectionSources(i);
      for (const n of numbersIn(proseText(text)).filter(isChecked)) {
        if (matches(n, above) || matches(n, below)) continue;
        if (allowed[n.raw] !== undefined) { usedAllowances.add(n.raw); continue; }
        const at = text.indexOf(n.raw);
        unmatched.push(`markdown cell ${i}: "${n.raw}" in "…${text.slice(Math.max(0, at - 50), at + 30).replace(/\s+/g, " ")}…"`);
      }
    }
    assert.deepEqual(unmatched, [], `numbers in the prose that no cell above prints:\n${unmatched.join("\n")}`);
    const stale = Object.keys(allowed).filter((raw) => !usedAllowances.has(raw));
    assert.deepEqual(stale, [], "ALLOWED lists numbers the notebook no longer needs: remove them");
  });
}

test("the prose-number rules: rounding, percentages, thousands and what is not checked", () => {
  const [n] = numbersIn("about 0.86 of runs");
  assert.equal(matches(n, [0.8612]), true);
  assert.equal(matches(n, [0.8549]), false);
  const [k] = numbersIn("about 1,400 a day");
  assert.equal(matches(k, [1391]), true);
  assert.equal(matches(k, [1460]), false);
  const [p] = numbersIn("47% of runs");
  assert.equal(matches(p, [0.4712]), true);
  assert.equal(matches(p, [46]), false);
  assert.deepEqual(numbersIn(proseText("$p^2 = 0.04$ and `runs: 200` and [x](a/300.md) and 17.5 ms")).map((x) => x.raw), ["17.5"]);
  assert.deepEqual(numbersIn("phase 2 of 3 in 2023, 2,023 runs").filter(isChecked).map((x) => x.raw), ["2,023"]);
});
