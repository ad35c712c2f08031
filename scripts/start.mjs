// npm start: the main job. Installs what is missing, then serves JupyterLab on notebooks/ with the
// project's tslab kernel, and rebuilds src/ -> dist/ on every change (restart the kernel to see it).
//
//   npm start                      port 8888, or the next free one
//   PORT=9000 npm start            exactly this port (an error if it is taken)
//   npm start -- --port 9000       the same
//   JUPYTER=/path/to/bin/jupyter npm start   use an existing Jupyter instead of .venv
//   npm start -- --notebook        Jupyter Notebook 7 instead of JupyterLab (same kernel, same port rules)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { bootstrap, jupyterEnv, REPO, runMain, UserError } from "./lib/bootstrap.mjs";

function parsePort() {
  const i = process.argv.indexOf("--port");
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  if (raw === undefined || raw === "") return { port: 8888, explicit: false };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`port must be an integer in [1, 65535]; got ${JSON.stringify(raw)}`);
  }
  return { port, explicit: true };
}

function isFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function choosePort() {
  const { port, explicit } = parsePort();
  if (await isFree(port)) return port;
  if (explicit) {
    throw new UserError(
      `Port ${port} is in use (another Jupyter or program is listening there).\n` +
        `  Stop that program, or choose another port: PORT=${port + 1} npm start`,
    );
  }
  for (let p = port + 1; p < port + 50; p++) {
    if (await isFree(p)) {
      console.log(`[distsys-lab] port ${port} is in use; using ${p} instead (set PORT to choose one)`);
      return p;
    }
  }
  throw new UserError(`Ports ${port} to ${port + 49} are all in use. Choose a free one: PORT=... npm start`);
}

function waitForPort(port, child, timeoutMs = 60_000) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new UserError(`JupyterLab exited with code ${child.exitCode} (see above).`));
      const sock = net.connect(port, "127.0.0.1");
      sock.once("connect", () => { sock.destroy(); resolve(); });
      sock.once("error", () => {
        sock.destroy();
        if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) {
          reject(new UserError(`JupyterLab did not open port ${port} within ${timeoutMs / 1000} s.`));
        } else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

runMain(async () => {
  // A first start compiles dist/ before anything else; later starts leave it to tsc --watch below,
  // whose first pass runs while JupyterLab starts (the URL is printed once both are done).
  const { jupyter } = bootstrap({ build: !fs.existsSync(path.join(REPO, "dist", "index.js")) });
  const port = await choosePort();
  const token = process.env.JUPYTER_TOKEN || randomBytes(16).toString("hex");
  const headless = !process.env.DISPLAY && process.platform === "linux";

  const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
  const watcher = spawn(process.execPath, [tsc, "-p", "tsconfig.json", "--watch", "--preserveWatchOutput"], {
    cwd: REPO, stdio: ["ignore", "pipe", "inherit"],
  });
  let compiled;
  const firstCompile = new Promise((resolve) => { compiled = resolve; });
  watcher.stdout.on("data", (buf) => {
    for (const line of buf.toString().split("\n")) {
      if (line.trim()) console.log(`[tsc --watch] ${line.replace(/^\S+ \S+ - /, "")}`);
      if (/Watching for file changes/.test(line)) compiled();
    }
  });
  watcher.on("exit", () => compiled()); // never wait for a watcher that is gone

  const root = path.join(REPO, "notebooks");
  fs.mkdirSync(root, { recursive: true });
  const notebook = process.argv.includes("--notebook");
  const app = notebook ? "Jupyter Notebook" : "JupyterLab";
  const args = [notebook ? "notebook" : "lab", `--port=${port}`, "--ip=127.0.0.1", `--ServerApp.root_dir=${root}`,
    `--IdentityProvider.token=${token}`, "--ServerApp.port_retries=0"];
  if (headless) args.push("--no-browser");
  if (process.getuid?.() === 0) args.push("--allow-root"); // CI and containers run as root
  const lab = spawn(jupyter, args, { cwd: REPO, stdio: ["ignore", "inherit", "pipe"], env: jupyterEnv() });
  lab.on("error", (err) => {
    console.error(`[distsys-lab] could not start ${jupyter}: ${err.message}`);
    process.exit(1);
  });
  // Jupyter logs to stderr; pass it through but keep our URL line easy to find.
  lab.stderr.on("data", (buf) => process.stderr.write(buf));

  const stop = () => {
    watcher.kill();
    lab.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  await Promise.all([waitForPort(port, lab), firstCompile]);
  console.log(`\n[distsys-lab] ${app} is running at http://127.0.0.1:${port}/${notebook ? "tree" : "lab"}?token=${token}`);
  console.log("[distsys-lab] src/ is rebuilt on change; restart the kernel to pick it up. Ctrl+C stops.\n");
  const code = await new Promise((resolve) => lab.on("exit", (c) => resolve(c ?? 0)));
  watcher.kill();
  return code;
});
