import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "./repo";

// scripts/api.mjs with the repository's api-extractor.json, run on a small package written to a
// temporary folder (its own dist/index.d.ts and etc/ report): the check passes while the declarations
// match the report, fails with a diff when they change, and fails on a forgotten export.
// (Whether dist/ matches the committed etc/distsys-lab.api.md is a step of `npm test`.)

const TSCONFIG = { compilerOptions: { target: "ES2022", module: "commonjs", lib: ["ES2022"], types: [], strict: true }, files: ["dist/index.d.ts"] };

/** A package folder: the repository's api-extractor.json, a tsconfig for dist/, an empty etc/. */
function project(dts: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-api-"));
  fs.copyFileSync(path.join(REPO, "api-extractor.json"), path.join(dir, "api-extractor.json"));
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "distsys-lab", version: "0.0.0" }));
  fs.mkdirSync(path.join(dir, "etc"));
  setDts(dir, dts);
  return dir;
}

function setDts(dir: string, dts: string): void {
  fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
  fs.writeFileSync(path.join(dir, "dist", "index.d.ts"), dts);
}

function api(dir: string, ...args: string[]): { status: number | null; out: string } {
  const res = spawnSync(process.execPath, [path.join(REPO, "scripts", "api.mjs"), "--project", dir, ...args], {
    encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" },
  });
  // eslint-disable-next-line no-control-regex
  return { status: res.status, out: `${res.stdout}${res.stderr}`.replace(/\x1b\[[0-9;]*m/g, "") };
}

const V1 = [
  "/** Options of {@link area}. */",
  "export interface AreaOptions {",
  "    /** Rounds to this many digits. */",
  "    digits?: number;",
  "}",
  "/** The area of a rectangle, in m^2. */",
  "export declare function area(widthM: number, heightM: number, options?: AreaOptions): number;",
  "",
].join("\n");

test("API report: unchanged declarations pass; a changed signature fails with its diff; `--update` accepts it; a forgotten export still fails", () => {
  const dir = project(V1);
  try {
    const created = api(dir, "--update");
    assert.equal(created.status, 0, created.out);
    const reportFile = path.join(dir, "etc", "distsys-lab.api.md");
    const report = fs.readFileSync(reportFile, "utf8");
    assert.match(report, /export function area\(widthM: number, heightM: number, options\?: AreaOptions\): number;/);
    // nothing but the report is written outside build/ (no doc model, no rollup, no tsdoc metadata)
    assert.deepEqual(fs.readdirSync(dir).sort(), ["api-extractor.json", "build", "dist", "etc", "package.json", "tsconfig.json"]);
    assert.deepEqual(fs.readdirSync(path.join(dir, "dist")), ["index.d.ts"]);

    const same = api(dir);
    assert.equal(same.status, 0, same.out);
    assert.match(same.out, /the exported API matches etc\/distsys-lab\.api\.md/);

    const v2 = V1.replace("heightM: number,", "heightM: number, unit: string,");
    setDts(dir, v2);
    const changed = api(dir);
    assert.equal(changed.status, 1, changed.out);
    assert.match(changed.out, /the exported API differs from etc\/distsys-lab\.api\.md/);
    assert.match(changed.out, /^\+export function area\(widthM: number, heightM: number, unit: string, options\?: AreaOptions\): number;$/m);
    assert.equal(fs.readFileSync(reportFile, "utf8"), report, "the check rewrote the committed report");

    // the options type is no longer exported: `--update` writes the report but warns; the check fails on the warning
    setDts(dir, v2.replace("export interface AreaOptions", "interface AreaOptions") + "export {};\n");
    const updated = api(dir, "--update");
    assert.equal(updated.status, 0, updated.out);
    assert.match(updated.out, /etc\/distsys-lab\.api\.md updated/);
    assert.match(fs.readFileSync(reportFile, "utf8"), /unit: string/);
    assert.match(updated.out, /\(ae-forgotten-export\) The symbol "AreaOptions" needs to be exported/);
    const forgotten = api(dir);
    assert.equal(forgotten.status, 1, forgotten.out);
    assert.match(forgotten.out, /\(ae-forgotten-export\) The symbol "AreaOptions"/);
    assert.doesNotMatch(forgotten.out, /differs from/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
