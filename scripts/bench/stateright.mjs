// The stateright case of scripts/bench.mjs: Stateright's own `2pc` example (two-phase commit, the
// model our checker's TwoPhase is compared with), built from the stateright crate's package as
// published on crates.io, never copied into this repository.
//
// Build (once; cached under the system's temp folder, so a second bench run does not rebuild):
// a throwaway cargo project depending on stateright =VERSION, `cargo fetch`, the unpacked crate
// copied from $CARGO_HOME/registry/src/*/stateright-VERSION, `cargo build --release --example 2pc`.
// Run: `2pc check N` (depth first, one thread per core: num_cpus::get()), under GNU time when it is
// there (peak RSS, CPU seconds).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const STATERIGHT_VERSION = "0.31.0";
const CACHE = path.join(os.tmpdir(), `distsys-bench-stateright-${STATERIGHT_VERSION}`);
const EXE = process.platform === "win32" ? ".exe" : "";
const BINARY = path.join(CACHE, `stateright-${STATERIGHT_VERSION}`, "target", "release", "examples", `2pc${EXE}`);

const has = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

/** The built `2pc` binary (building it when it is not cached), or { skipped: why }. */
export function stateright2pc(log) {
  if (fs.existsSync(BINARY)) return { binary: BINARY, cached: true };
  if (!has("cargo", ["--version"])) return { skipped: "cargo not found" };
  const fetchDir = path.join(CACHE, "fetch");
  fs.mkdirSync(path.join(fetchDir, "src"), { recursive: true });
  fs.writeFileSync(path.join(fetchDir, "Cargo.toml"),
    `[package]\nname = "fetch-stateright"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\nstateright = "=${STATERIGHT_VERSION}"\n`);
  fs.writeFileSync(path.join(fetchDir, "src", "main.rs"), "fn main() {}\n");
  log(`stateright: cargo fetch of stateright ${STATERIGHT_VERSION} (in ${CACHE}) ...`);
  const fetched = spawnSync("cargo", ["fetch"], { cwd: fetchDir, stdio: ["ignore", "ignore", "inherit"] });
  if (fetched.status !== 0) return { skipped: "cargo fetch failed" };
  const home = process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo");
  const registry = path.join(home, "registry", "src");
  const crate = fs.existsSync(registry)
    ? fs.readdirSync(registry).map((d) => path.join(registry, d, `stateright-${STATERIGHT_VERSION}`)).find((d) => fs.existsSync(d))
    : undefined;
  if (!crate) return { skipped: `stateright-${STATERIGHT_VERSION} not found under ${registry}` };
  const work = path.join(CACHE, `stateright-${STATERIGHT_VERSION}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(crate, work, { recursive: true });
  log("stateright: cargo build --release --example 2pc (a minute or two, once) ...");
  const built = spawnSync("cargo", ["build", "--release", "--example", "2pc"], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0 || !fs.existsSync(BINARY)) return { skipped: "cargo build --release --example 2pc failed" };
  return { binary: BINARY, cached: false };
}

/**
 * Runs `2pc check rms` once. Stateright's reporter prints a progress line once a second and notices
 * the end only at the next one, so its "sec=" and the process's wall time are rounded up to whole
 * seconds; the search's own end is estimated from the timestamped progress lines instead: after the
 * last progress line (time t, u unique states), the rest (U - u) at the rate of the last interval,
 * clamped to [t, the "Done" line] (null when the search ended before a second progress line). Returns { distinctStates, generatedStates, seconds, processSeconds,
 * cpuSeconds, peakRssMB, statesPerS, threads } or { error }.
 */
export function runStateright(binary, rms) {
  const timeFile = path.join(CACHE, `time-${process.pid}.txt`);
  const gnuTime = process.platform === "linux" && fs.existsSync("/usr/bin/time");
  const [cmd, args] = gnuTime
    ? ["/usr/bin/time", ["-f", "%M %U %S", "-o", timeFile, binary, "check", String(rms)]]
    : [binary, ["check", String(rms)]];
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const at = () => Number(process.hrtime.bigint() - t0) / 1e9;
    const progress = []; // [seconds, unique]
    let done = null;
    let buffered = "";
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: "warn" } });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      const t = at();
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop();
      for (const line of lines) {
        const m = /^(Checking|Done)\. states=(\d+), unique=(\d+), depth=(\d+)/.exec(line);
        if (!m) continue;
        if (m[1] === "Checking") progress.push([t, Number(m[3])]);
        else done = { t, generated: Number(m[2]), unique: Number(m[3]), depth: Number(m[4]) };
      }
    });
    let stderr = "";
    child.stderr.on("data", (d) => { stderr += d; });
    child.on("close", (code) => {
      const processSeconds = at();
      if (code !== 0 || !done) return resolve({ error: `2pc check ${rms} exited ${code}: ${stderr.trim().split("\n").pop() ?? ""}` });
      // A search that ends before the second progress line (under about a second) gives no rate:
      // its time is not resolved (null; processSeconds is an upper bound).
      let seconds = null;
      const [last, prev] = [progress.at(-1), progress.at(-2)];
      if (last && prev && last[1] > prev[1]) {
        const rate = (last[1] - prev[1]) / (last[0] - prev[0]);
        seconds = Math.min(done.t, Math.max(last[0], last[0] + (done.unique - last[1]) / rate));
      }
      let peakRssMB = null, cpuSeconds = null;
      if (gnuTime && fs.existsSync(timeFile)) {
        const [kb, user, sys] = fs.readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
        peakRssMB = kb / 1024;
        cpuSeconds = user + sys;
        fs.rmSync(timeFile, { force: true });
      }
      resolve({ rms, distinctStates: done.unique, generatedStates: done.generated, depth: done.depth, seconds, processSeconds,
        cpuSeconds, peakRssMB, statesPerS: seconds ? done.unique / seconds : null, threads: os.availableParallelism() });
    });
  });
}
