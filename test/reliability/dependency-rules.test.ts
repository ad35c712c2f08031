import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "./repo";

// scripts/deps.mjs with the repository's own rules (.dependency-cruiser.cjs), run on small trees
// written to a temporary folder: a layered tree passes, and each rule fires on a tree that breaks it.
// (Whether src/ itself follows the rules is a step of `npm test`, not a unit test.)

/** A folder with the repository's rules and tsconfig.json, node_modules linked, and `files` under it. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-deps-"));
  for (const name of [".dependency-cruiser.cjs", "tsconfig.json", "package.json"]) {
    fs.copyFileSync(path.join(REPO, name), path.join(dir, name));
  }
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "junction");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function checkDeps(dir: string): { status: number | null; out: string } {
  const res = spawnSync(process.execPath, [path.join(REPO, "scripts", "deps.mjs"), "--project", dir], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

/** `rule: from -> to` for every violation in the output (for a cycle, `to` is the next module in it). */
function violations(out: string): string[] {
  return [...out.matchAll(/^\s*error (\S+): (\S+) →\s*(\S+)/gm)].map((m) => `${m[1]}: ${m[2]} -> ${m[3]}`).sort();
}

/** One module per layer, each importing only what its layer may. */
const LAYERED: Record<string, string> = {
  "src/validate.ts": "export function fail(msg: string): never { throw new Error(msg); }\n",
  "src/random/rng.ts": 'import { fail } from "../validate";\nexport const seed = (s: number) => (s < 0 ? fail("seed") : s);\n',
  "src/sim/world.ts": 'import { seed } from "../random/rng";\nexport const world = () => seed(1);\n',
  "src/stats/montecarlo.ts": 'import { seed } from "../random/rng";\nexport const runs = () => seed(2);\n',
  "src/protocols/paxos.ts": 'import { world } from "../sim/world";\nimport { runs } from "../stats/montecarlo";\nexport const runPaxos = () => world() + runs();\n',
  "src/properties/consensus.ts": 'import { runPaxos } from "../protocols/paxos";\nexport const safe = () => runPaxos() > 0;\n',
  "src/failures/cluster.ts": 'import { runs } from "../stats/montecarlo";\nexport const cluster = () => runs();\n',
  "src/charts/chart.ts": "export class Chart {}\n",
  "src/views/trace-diagram.ts": 'import { Chart } from "../charts/chart";\nimport { world } from "../sim/world";\nexport const diagram = () => (world(), new Chart());\n',
  "src/display/show.ts": 'import type { Chart } from "../charts/chart";\nexport const show = (c: Chart) => c;\n',
  "src/lessons/05-majority-and-paxos.ts": 'import { safe } from "../properties/consensus";\nimport { diagram } from "../views/trace-diagram";\nexport const lesson = () => (safe(), diagram());\n',
  "src/index.ts": 'export { lesson } from "./lessons/05-majority-and-paxos";\nexport { show } from "./display/show";\n',
};

test("dependency rules: a tree that keeps to the layers passes", () => {
  const { status, out } = checkDeps(project(LAYERED));
  assert.equal(status, 0, out);
  assert.match(out, /no dependency violations found \(12 modules/);
});

test("dependency rules: cycles (type-only imports included) and each upward import fail, naming the rule", () => {
  const bad: Record<string, string> = {
    ...LAYERED,
    // a cycle inside sim/, one direction type-only (like world.ts <-> faults.ts)
    "src/sim/faults.ts": 'import type { World } from "./world-class";\nexport const crash = (w: World) => w;\n',
    "src/sim/world-class.ts": 'import { crash } from "./faults";\nexport class World { crash() { return crash(this); } }\n',
    // upward: sim imports a protocol; random imports sim; stats imports sim
    "src/sim/world.ts": 'import { seed } from "../random/rng";\nimport { runPaxos } from "../protocols/paxos";\nexport const world = () => seed(1) + runPaxos();\n',
    "src/random/rng.ts": 'import { fail } from "../validate";\nimport type { World } from "../sim/world-class";\nexport type W = World;\nexport const seed = (s: number) => (s < 0 ? fail("seed") : s);\n',
    "src/stats/montecarlo.ts": 'import { seed } from "../random/rng";\nimport { world } from "../sim/world";\nexport const runs = () => seed(2) + world();\n',
    // validate imports something; protocols import properties; failures import sim
    "src/validate.ts": 'import type { W } from "./random/rng";\nexport type V = W;\nexport function fail(msg: string): never { throw new Error(msg); }\n',
    "src/protocols/two-phase.ts": 'import { safe } from "../properties/consensus";\nexport const runTwoPhase = () => safe();\n',
    "src/failures/cluster.ts": 'import { runs } from "../stats/montecarlo";\nimport { world } from "../sim/world";\nexport const cluster = () => runs() + world();\n',
    // charts import views and sim; views import a protocol; display imports sim
    "src/charts/sequence.ts": 'import { diagram } from "../views/trace-diagram";\nimport { world } from "../sim/world";\nexport const seq = () => (diagram(), world());\n',
    "src/views/replication-views.ts": 'import { runPaxos } from "../protocols/paxos";\nexport const rows = () => runPaxos();\n',
    "src/display/save.ts": 'import { world } from "../sim/world";\nexport const save = () => world();\n',
    // a lesson shows a chart; a view imports a lesson; a module imports the index; src imports a devDependency
    "src/lessons/04-two-phase-protocol.ts": 'import { show } from "../display/show";\nexport const lesson4 = () => show;\n',
    "src/views/lesson-view.ts": 'import { lesson } from "../lessons/05-majority-and-paxos";\nexport const v = () => lesson();\n',
    "src/properties/ladder.ts": 'import { show } from "../index";\nimport fc from "fast-check";\nexport const l = () => [show, fc];\n',
  };
  const { status, out } = checkDeps(project(bad));
  assert.equal(status, 1, out);
  const found = violations(out);
  const expected = [
    "charts-import-nothing-of-the-simulator: src/charts/sequence.ts -> src/sim/world.ts",
    "charts-import-nothing-of-the-simulator: src/charts/sequence.ts -> src/views/trace-diagram.ts",
    "display-imports-charts: src/display/save.ts -> src/sim/world.ts",
    "failures-import-stats-random-validate: src/failures/cluster.ts -> src/sim/world.ts",
    "lessons-do-not-import-display: src/lessons/04-two-phase-protocol.ts -> src/display/show.ts",
    "nothing-imports-the-index: src/properties/ladder.ts -> src/index.ts",
    "only-the-index-imports-lessons: src/views/lesson-view.ts -> src/lessons/05-majority-and-paxos.ts",
    "protocols-import-sim-stats-random-validate: src/protocols/two-phase.ts -> src/properties/consensus.ts",
    "random-imports-only-validate: src/random/rng.ts -> src/sim/world-class.ts",
    "sim-imports-random-validate: src/sim/world.ts -> src/protocols/paxos.ts",
    "stats-imports-random-validate: src/stats/montecarlo.ts -> src/sim/world.ts",
    "validate-imports-nothing: src/validate.ts -> src/random/rng.ts",
    "views-import-sim-charts: src/views/lesson-view.ts -> src/lessons/05-majority-and-paxos.ts",
    "views-import-sim-charts: src/views/replication-views.ts -> src/protocols/paxos.ts",
  ];
  for (const v of expected) assert.ok(found.includes(v), `missing violation ${v}; found:\n${found.join("\n")}`);
  assert.ok(found.some((v) => /^src-does-not-import-dev-dependencies: src\/properties\/ladder\.ts -> \S*node_modules\/fast-check\//.test(v)),
    `importing fast-check (a devDependency) is not reported; found:\n${found.join("\n")}`);
  const rules = new Set(found.map((v) => v.split(":")[0]));
  assert.ok(rules.has("no-circular"), `no cycle reported; found:\n${found.join("\n")}`);
  const cycles = found.filter((v) => v.startsWith("no-circular:"));
  assert.ok(cycles.some((v) => /src\/sim\/(faults|world-class)\.ts -> src\/sim\/(faults|world-class)\.ts/.test(v)),
    `the type-only cycle faults.ts <-> world-class.ts is not reported: ${cycles.join("\n")}`);
  // every rule of the configuration fired at least once
  const configured: { name: string }[] = require(path.join(REPO, ".dependency-cruiser.cjs")).forbidden;
  assert.deepEqual(configured.map((r) => r.name).filter((n) => !rules.has(n)), []);
});
