// npm test: bootstrap, type-check and compile (src + test), check the dependency rules and the API
// report, run the unit tests with node's test runner, then execute every lesson notebook headlessly
// with the strict runner (into build/, so the committed notebooks are not rewritten). Each check
// counts as one test. Ends with one line `N passed, N failed`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bootstrap, jupyterEnv, REPO, runMain } from "./lib/bootstrap.mjs";
import { lessonNotebooks, runNotebooks } from "./notebooks.mjs";

function step(title) {
  console.log(`\n=== ${title}`);
}

function unitTests(python) {
  const tap = path.join(REPO, "build", "unit.tap");
  fs.mkdirSync(path.dirname(tap), { recursive: true });
  const args = ["--test", "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=tap", `--test-reporter-destination=${tap}`, "build/test/"];
  const res = spawnSync(process.execPath, args, {
    cwd: REPO, stdio: "inherit", env: jupyterEnv({ DISTSYS_PYTHON: python }),
  });
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
  const count = (key) => Number((text.match(new RegExp(`^# ${key} (\\d+)$`, "m")) ?? [])[1] ?? 0);
  const passed = count("pass");
  let failed = count("fail") + count("cancelled");
  if (res.status !== 0 && failed === 0) failed = 1; // the runner itself failed (a crash, or no TAP)
  return { passed, failed };
}

runMain(() => {
  step("bootstrap");
  const { python } = bootstrap();

  step("type-check and compile tests (tsc -p tsconfig.test.json)");
  fs.rmSync(path.join(REPO, "build"), { recursive: true, force: true });
  const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
  const typecheck = spawnSync(process.execPath, [tsc, "-p", "tsconfig.test.json"], { cwd: REPO, stdio: "inherit" });
  let passed = 0;
  let failed = 0;
  const count = (ok) => (ok ? (passed += 1) : (failed += 1));
  count(typecheck.status === 0);

  step("dependency rules (.dependency-cruiser.cjs; npm run deps)");
  count(spawnSync(process.execPath, ["scripts/deps.mjs"], { cwd: REPO, stdio: "inherit" }).status === 0);

  step("API report (dist/index.d.ts against etc/distsys-lab.api.md; npm run api updates it)");
  count(spawnSync(process.execPath, ["scripts/api.mjs"], { cwd: REPO, stdio: "inherit" }).status === 0);

  step("unit tests (node --test build/test/)");
  const unit = unitTests(python);
  passed += unit.passed;
  failed += unit.failed;

  step("notebooks (strict headless runner)");
  const files = lessonNotebooks();
  if (files.length > 0) {
    const json = path.join(REPO, "build", "notebooks.json");
    runNotebooks(python, files, ["--output-dir", path.join(REPO, "build", "notebooks"), "--json", json]);
    const results = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : [];
    const ok = results.filter((r) => r.ok).length;
    passed += ok;
    failed += files.length - ok;
  } else {
    console.log("notebooks/ holds no notebooks yet");
  }

  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
});
