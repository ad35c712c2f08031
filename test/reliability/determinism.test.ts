import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as path from "path";
import { fingerprints } from "./fixtures/scenarios";

const FIXTURE = path.join(__dirname, "fixtures", "scenarios.js");

/** The fingerprints computed in a fresh Node process. */
function fingerprintsInChild(): Record<string, string> {
  const r = spawnSync(process.execPath, ["-e", `process.stdout.write(JSON.stringify(require(${JSON.stringify(FIXTURE)}).fingerprints()))`], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("fingerprints() of every scenario are identical in two separate processes and in this one", () => {
  const a = fingerprintsInChild();
  const b = fingerprintsInChild();
  assert.ok(Object.keys(a).length >= 20);
  assert.deepEqual(b, a);
  assert.deepEqual(fingerprints(), a);
});

test("fingerprints() are identical when computed twice in one process (no hidden state between runs)", () => {
  assert.deepEqual(fingerprints(), fingerprints());
});
