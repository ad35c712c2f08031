// What the script tests share: the repository (the folder above the compiled test that has scripts/),
// the fixture notebook, and running `node scripts/<script> args` as a user would.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

function findRepo(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "slides.mjs"))) return dir;
  }
  return process.cwd();
}

/** The repository root. */
export const REPO = findRepo();
/** The fixture notebook: named and unnamed charts, math, slide metadata, saved outputs. */
export const FIXTURE = path.join(REPO, "test", "notebooks", "figures.ipynb");

/** Runs `node scripts/<script> args`, resolving with its exit code and output (bounded by timeoutMs). */
export function runScript(script: string, args: string[], timeoutMs = 300_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, "scripts", script), ...args], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b) => (output += b));
    child.stderr.on("data", (b) => (output += b));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} ${args.join(" ")} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
