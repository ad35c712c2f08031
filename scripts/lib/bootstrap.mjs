// Brings a fresh clone (or a stale one) to a runnable state, skipping every step already done:
// npm dependencies, the package linked into node_modules under its own name, dist/ compiled,
// the project .venv with JupyterLab, Notebook 7, nbclient and nbconvert (requirements.txt), and the
// project-local tslab kernelspec.
// Used by `npm start`, `npm test`, `npm run notebooks` and the benchmarks.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const JUPYTER_PATH = path.join(REPO, ".jupyter");
const VENV = path.join(REPO, ".venv");
const BIN = process.platform === "win32" ? "Scripts" : "bin";
const EXE = process.platform === "win32" ? ".exe" : "";

/** An error whose message is meant for the user as it is (no stack trace needed). */
export class UserError extends Error {}

const say = (msg) => console.log(`[distsys-lab] ${msg}`);

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: REPO, stdio: "inherit", ...opts });
  if (res.error && res.error.code === "ENOENT") return { status: 127, missing: true };
  return res;
}

function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new UserError(`Node.js ${process.versions.node} is too old: distsys-lab needs Node.js >= 20.19.`);
  }
}

function ensureNpmDeps() {
  const marker = path.join(REPO, "node_modules", ".package-lock.json");
  const lock = path.join(REPO, "package-lock.json");
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh && fs.existsSync(path.join(REPO, "node_modules", "tslab"))) return;
  say("installing npm dependencies (npm ci) ...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const res = run(npm, ["ci", "--no-audit", "--no-fund"]);
  if (res.status !== 0) {
    throw new UserError("npm ci failed (see above). Check that the npm registry is reachable, then run the command again.");
  }
}

/** node_modules/distsys-lab -> the repository, so notebooks can `import ... from "distsys-lab"`. */
function ensureLink() {
  const link = path.join(REPO, "node_modules", "distsys-lab");
  try {
    if (fs.realpathSync(link) === fs.realpathSync(REPO)) return;
    fs.rmSync(link, { recursive: true, force: true });
  } catch {
    // missing: create it below
  }
  fs.symlinkSync(process.platform === "win32" ? REPO : "..", link, "junction");
}

function ensureBuild() {
  const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
  const res = run(process.execPath, [tsc, "-p", "tsconfig.json"]);
  if (res.status !== 0) throw new UserError("TypeScript compilation of src/ failed (errors above).");
}

function findPython() {
  const candidates = [process.env.PYTHON, "python3", "python"].filter(Boolean);
  for (const cmd of candidates) {
    const res = spawnSync(cmd, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (res.status !== 0 || !res.stdout) continue;
    const [maj, min] = res.stdout.trim().split(".").map(Number);
    if (maj === 3 && min >= 9) return cmd;
  }
  throw new UserError(
    "No Python >= 3.9 found (tried " + candidates.join(", ") + ").\n" +
      "  Install Python 3.9 or newer (Debian/Ubuntu: apt-get install python3 python3-venv),\n" +
      "  or set PYTHON=/path/to/python3, or point JUPYTER at an existing Jupyter that has nbclient:\n" +
      "  JUPYTER=/path/to/bin/jupyter npm start",
  );
}

function requirementsHash() {
  return createHash("sha256").update(fs.readFileSync(path.join(REPO, "requirements.txt"))).digest("hex");
}

function ensureVenv() {
  const python = path.join(VENV, BIN, "python" + EXE);
  const stamp = path.join(VENV, ".distsys-lab-requirements");
  const want = requirementsHash();
  if (fs.existsSync(python) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want) return python;
  if (!fs.existsSync(python)) {
    const system = findPython();
    say(`creating the project .venv with ${system} ...`);
    const res = run(system, ["-m", "venv", VENV]);
    if (res.status !== 0) {
      throw new UserError(
        `${system} -m venv failed. On Debian/Ubuntu install the venv module (apt-get install python3-venv),\n` +
          "  or point JUPYTER at an existing Jupyter: JUPYTER=/path/to/bin/jupyter npm start",
      );
    }
  }
  say("installing JupyterLab, Notebook 7, nbclient and nbconvert into .venv (pip, about a minute) ...");
  const pip = run(python, ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", "requirements.txt"]);
  if (pip.status !== 0) {
    throw new UserError(
      "pip could not install requirements.txt into .venv (see above).\n" +
        "  If the package index is unreachable, set PIP_INDEX_URL to a mirror you can reach, or\n" +
        "  point JUPYTER at an existing Jupyter that has jupyterlab and nbclient: JUPYTER=/path/to/bin/jupyter npm start",
    );
  }
  fs.writeFileSync(stamp, want);
  return python;
}

/** Python and jupyter of an existing installation named by JUPYTER=/path/to/bin/jupyter. */
function externalJupyter(jupyter) {
  if (!fs.existsSync(jupyter)) throw new UserError(`JUPYTER=${jupyter} does not exist.`);
  const python = [path.join(path.dirname(jupyter), "python" + EXE), path.join(path.dirname(jupyter), "python3" + EXE)]
    .find((p) => fs.existsSync(p));
  return { jupyter, python: python ?? findPython() };
}

function checkKernel() {
  const tslab = path.join(REPO, "node_modules", "tslab", "bin", "tslab");
  if (!fs.existsSync(tslab)) throw new UserError("node_modules/tslab is missing: run `npm ci` and try again.");
  const spec = path.join(JUPYTER_PATH, "kernels", "distsys-lab", "kernel.json");
  if (!fs.existsSync(spec)) throw new UserError(`The kernelspec ${spec} is missing from the checkout.`);
}

/** An existing Jupyter's Python must have what the runner needs (the .venv has it by construction). */
function checkExternalPython(python) {
  const res = spawnSync(python, ["-c", "import nbclient, nbformat"], { env: jupyterEnv() });
  if (res.status !== 0) throw new UserError(`${python} cannot import nbclient and nbformat; install requirements.txt into it.`);
}

/** The environment every Jupyter process of the project runs with: the repo's kernelspec first. */
export function jupyterEnv(extra = {}) {
  const sep = path.delimiter;
  const existing = process.env.JUPYTER_PATH ? sep + process.env.JUPYTER_PATH : "";
  const nodeBin = path.dirname(process.execPath);
  return {
    ...process.env,
    JUPYTER_PATH: JUPYTER_PATH + existing,
    PATH: nodeBin + sep + (process.env.PATH ?? ""), // the kernelspec runs `node`: make it this node
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
    ...extra,
  };
}

/**
 * Runs every step that is not done yet and returns the Python and Jupyter to use.
 * @param {{ python?: boolean, build?: boolean }} opts python: false skips the Python side (unit tests
 *   only); build: false skips compiling dist/ (npm start compiles with tsc --watch instead).
 */
export function bootstrap({ python: wantPython = true, build = true } = {}) {
  checkNode();
  ensureNpmDeps();
  ensureLink();
  if (build) ensureBuild();
  if (!wantPython) return {};
  const ext = process.env.JUPYTER ? externalJupyter(process.env.JUPYTER) : null;
  const python = ext ? ext.python : ensureVenv();
  const jupyter = ext ? ext.jupyter : path.join(VENV, BIN, "jupyter" + EXE);
  checkKernel();
  if (ext) checkExternalPython(python); // importing nbclient takes seconds: only when the .venv is not ours
  return { python, jupyter };
}

/** Runs main(), printing a UserError's message without a stack trace. */
export async function runMain(main) {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`[distsys-lab] ${err.message}`);
      process.exitCode = 1;
    } else {
      throw err;
    }
  }
}
