// Shared by the browser tests that run Chromium (playwright-core) against the project's own scripts:
// finding Chromium, a fresh browser profile, polling with a deadline, recording requests that leave
// file://, running a script, and a Jupyter server started with `npm start`'s script (JupyterLab, or
// Notebook 7 with --notebook), isolated from the user's settings and never saving into notebooks/.
import { ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";

function findRepo(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "start.mjs"))) return dir;
  }
  return process.cwd();
}
export const REPO = findRepo();
export const RESULTS = path.join(REPO, "test-results", "browser");

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
  .filter((p): p is string => typeof p === "string" && p.length > 0);
export const CHROMIUM = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
export const NO_CHROMIUM = `Chromium not found (looked at ${CHROMIUM_CANDIDATES.join(", ")}): install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome`;
/** Skip without Chromium, except in CI, where the test runs and fails with the reason. */
export const SKIP: string | false = CHROMIUM || process.env.CI === "true" ? false : NO_CHROMIUM;

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export interface Browser { context: BrowserContext; close: () => Promise<void> }

/** Chromium with a fresh profile; `javaScript: false` opens pages as a reader who blocks scripts. */
export async function launchBrowser({ javaScript = true } = {}): Promise<Browser> {
  if (!CHROMIUM) throw new Error(NO_CHROMIUM);
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, timeout: 60_000,
    javaScriptEnabled: javaScript,
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    close: async () => {
      await withTimeout(context.close(), 15_000, "closing Chromium").catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); }),
  ]);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `check` every `everyMs` until it is true; rejects after `timeoutMs`, naming `what`. */
export async function poll(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Records every request a page makes that `local` does not accept (default: anything but file:, data:, blob:, about:). */
export function recordRequests(page: Page, local: (url: string) => boolean = (u) => /^(file|data|blob|about):/.test(u)): string[] {
  const remote: string[] = [];
  page.on("request", (req) => {
    if (!local(req.url())) remote.push(req.url());
  });
  return remote;
}

/** Runs `node scripts/<script> args`, bounded by a timeout; resolves with its output, rejects on a non-zero exit. */
export function runScript(script: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, "scripts", script), ...args], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (out += b));
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`${script} timed out:\n${out}`)); }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${script} ${args.join(" ")} exited with ${code}:\n${out}`));
    });
  });
}

/**
 * A Jupyter server through `node scripts/start.mjs [args]` (`["--notebook"]` for Notebook 7), on a free
 * port with a fresh token and settings of its own: no autosave (notebooks/ is never written), every
 * cell in the DOM, no news. stop() shuts down its kernels and then its whole process group.
 */
export class JupyterServer {
  readonly token = randomBytes(16).toString("hex");
  port = 0;
  child: ChildProcess | null = null;
  log = "";
  private readonly home = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-lab-jupyter-"));

  constructor(private readonly args: string[] = []) {}

  async start(timeoutMs: number): Promise<void> {
    this.port = await freePort();
    const settings = path.join(this.home, "settings");
    const put = (plugin: string, value: object) => {
      const file = path.join(settings, `${plugin.replace(":", "/")}.jupyterlab-settings`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(value));
    };
    put("@jupyterlab/docmanager-extension:plugin", { autosave: false });
    put("@jupyterlab/notebook-extension:tracker", { windowingMode: "none" });
    put("@jupyterlab/apputils-extension:notification", { fetchNews: "false", checkForUpdates: false });
    this.child = spawn(process.execPath, [path.join(REPO, "scripts", "start.mjs"), ...this.args], {
      cwd: REPO,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env, PORT: String(this.port), JUPYTER_TOKEN: this.token,
        JUPYTERLAB_SETTINGS_DIR: settings, JUPYTERLAB_WORKSPACES_DIR: path.join(this.home, "workspaces"),
      },
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (b: Buffer) => {
        this.log += b.toString();
        if (/\[distsys-lab\] .* is running at/.test(this.log)) resolve();
      };
      this.child!.stdout!.on("data", onData);
      this.child!.stderr!.on("data", (b: Buffer) => { this.log += b.toString(); });
      this.child!.on("exit", (code) => reject(new Error(`npm start exited with ${code} before Jupyter was ready:\n${this.log.slice(-3000)}`)));
    });
    await withTimeout(ready, timeoutMs, `starting Jupyter with scripts/start.mjs ${this.args.join(" ")}`);
  }

  url(p: string): string {
    return `http://127.0.0.1:${this.port}${p}${p.includes("?") ? "&" : "?"}token=${this.token}`;
  }

  async api(method: string, p: string): Promise<any> {
    const res = await withTimeout(fetch(`http://127.0.0.1:${this.port}${p}`, { method, headers: { Authorization: `token ${this.token}` } }), 15_000, `${method} ${p}`);
    return res.status === 204 ? null : res.json();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.pid) {
      try {
        for (const s of (await this.api("GET", "/api/sessions")) ?? []) await this.api("DELETE", `/api/sessions/${s.id}`);
      } catch {
        // the server may already be gone
      }
      const exited = new Promise((r) => child.once("exit", r));
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
      const ok = await withTimeout(exited, 15_000, "stopping Jupyter").then(() => true, () => false);
      if (!ok) try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
    }
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

/** What Run All left in a notebook page (JupyterLab's or Notebook 7's: the same widgets). */
export interface RunAllReport {
  /** The kernel the notebook's session runs. */
  kernel: string | undefined;
  codeCells: number;
  executed: number;
  /** Chart outputs (drawn by the Vega 5 renderer) and how many of them have a vega-embed svg or canvas. */
  charts: number;
  drawn: number;
  /** stderr and error outputs, as text. */
  stderr: string[];
  /** The notebook's session id, to shut it down. */
  sessionId: string | undefined;
}

/**
 * In a page that has opened notebook `name` from `server`: waits for its kernel, runs Run > Run All
 * Cells, waits until the kernel is idle and no prompt shows [*] three polls in a row, then counts the
 * cells that ran, the charts drawn and the stderr outputs; screenshots the first chart to `screenshot`.
 */
export async function runAllCells(server: JupyterServer, page: Page, name: string, screenshot: string): Promise<RunAllReport> {
  const session = async () => ((await server.api("GET", "/api/sessions")) as any[]).find((s) => s.path === name || s.path?.endsWith(`/${name}`));
  await poll(async () => (await session())?.kernel?.execution_state === "idle", 90_000, `the kernel of ${name} to start`);
  const kernel: string | undefined = (await session())?.kernel?.name;
  await page.locator(".lm-MenuBar-item", { hasText: /^Run$/ }).click();
  await page.locator(".lm-Menu-item:visible", { hasText: "Run All Cells" }).first().click();
  const codeCells = await page.locator(".jp-Notebook .jp-CodeCell").count();
  // Done when the kernel is idle and no prompt shows [*] (queued or running), three polls in a row.
  let calm = 0;
  await poll(async () => {
    const busy = (await session())?.kernel?.execution_state !== "idle";
    const running = await page.locator(".jp-CodeCell .jp-InputPrompt", { hasText: "[*]" }).count();
    calm = !busy && running === 0 ? calm + 1 : 0;
    return calm >= 3;
  }, 240_000, `${name} to finish running`, 500);
  // A cell that did not run shows "[ ]:"; a run cell "[n]:"; a cell with hidden input (solutions) shows no prompt.
  const notRun = await page.locator(".jp-CodeCell .jp-InputPrompt").evaluateAll((els) => els.filter((e) => /\[\s*\]/.test(e.textContent ?? "")).length);
  // The Vega 5 renderer (rank 57, ahead of SVG and PNG) marks its output with these classes.
  const chartAreas = page.locator(".jp-OutputArea-output.jp-RenderedVegaLite, .jp-OutputArea-output.jp-RenderedVega5");
  const charts = await chartAreas.count();
  // vega-embed draws after the output arrives: wait (bounded) until every chart has its svg or canvas.
  const drawnCount = () => chartAreas.evaluateAll((els) => els.filter((e) => e.querySelector(".vega-embed svg.marks, .vega-embed canvas.marks")).length);
  await poll(async () => (await drawnCount()) === charts, 30_000, `the charts of ${name} to draw`).catch(() => undefined);
  const drawn = await drawnCount();
  const stderr = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    .allTextContents();
  if (charts > 0) {
    await chartAreas.first().scrollIntoViewIfNeeded();
    await chartAreas.first().screenshot({ path: screenshot });
  }
  return { kernel, codeCells, executed: codeCells - notRun, charts, drawn, stderr, sessionId: (await session())?.id };
}
