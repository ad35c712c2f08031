/**
 * What long work needs from a running tslab kernel (tslab 1.0.22): a line of output that can be
 * redrawn, outputs that leave the process while a synchronous cell still runs, and a short message
 * in place of the stack trace an interrupted cell prints. Not exported from src/index.ts.
 *
 * What tslab does (node_modules/tslab/dist, checked in the real kernel by test/runner):
 * - A cell's code runs synchronously on the kernel's only thread, yet each output is sent at once:
 *   `process.stdout.write` and `display_data` go straight to the iopub socket's `send`, and zeromq's
 *   I/O thread delivers them while the cell is still running.
 * - `require("tslab").newDisplay()` (public.js) gives a display with its own `display_id`: its first
 *   call sends `display_data`, later calls `update_display_data`, which Jupyter front ends draw in place.
 * - zeromq.js 6 completes at most 512 sends in a row synchronously; the 513th waits for the event
 *   loop, and every send before that turn throws "Socket is busy writing" (the message is lost; a lost
 *   `status: idle` leaves the cell busy). A cell never yields, so {@link sendOutputsAtOnce} sets the
 *   iopub socket's `sendTimeout` to 0, which makes zeromq.js always send at once (a PUB socket never
 *   blocks).
 * - Kernel > Interrupt sends SIGINT; `vm.runInThisContext(..., { breakOnSigint: true })` then ends the
 *   cell's code where it is (no catch or finally runs) and tslab writes the error,
 *   "Error: Script execution was interrupted by `SIGINT`" and a stack into node:vm, to stderr.
 *   {@link onInterrupt} replaces that text.
 * @internal
 */

/** A display that tslab redraws in place (tslab's `Display`, the part used here). */
export interface DisplayLine {
  text(line: string): void;
}

interface TslabHook {
  require?: (id: string) => unknown;
}

/** True when running inside a tslab kernel (tslab's executor set `globalThis.__tslab__`). */
export function inKernel(): boolean {
  const hook = (globalThis as { __tslab__?: unknown }).__tslab__;
  return hook !== undefined && hook !== null;
}

/** A new display of the running cell that later calls redraw, or null outside a tslab kernel. */
export function newDisplayLine(): DisplayLine | null {
  const hook = (globalThis as { __tslab__?: TslabHook }).__tslab__;
  if (!hook || typeof hook.require !== "function") return null;
  try {
    const tslab = hook.require("tslab") as { newDisplay?: () => DisplayLine };
    return typeof tslab.newDisplay === "function" ? tslab.newDisplay() : null;
  } catch {
    return null;
  }
}

const PATCHED = Symbol.for("distsys-lab.sendsAtOnce");

/**
 * Makes every send on the kernel's zeromq PUB sockets (tslab's iopub) complete at once. The first send
 * after this call sets that socket's `sendTimeout` to 0. Idempotent; does nothing outside a kernel.
 */
export function sendOutputsAtOnce(): void {
  const cache = require.cache as Record<string, { exports?: unknown } | undefined>;
  for (const [file, mod] of Object.entries(cache)) {
    if (!/[\\/]zeromq[\\/]lib[\\/]index\.js$/.test(file)) continue;
    const publisher = (mod?.exports as { Publisher?: { prototype: object } } | undefined)?.Publisher;
    const proto = publisher?.prototype as Record<PropertyKey, unknown> | undefined;
    if (!proto || proto[PATCHED]) continue;
    const base = (proto as { send?: unknown }).send;
    if (typeof base !== "function") continue;
    Object.defineProperty(proto, "send", {
      configurable: true,
      writable: true,
      value: function send(this: { sendTimeout?: number }, ...args: unknown[]): unknown {
        try {
          if (this.sendTimeout !== 0) this.sendTimeout = 0;
        } catch {
          // a closed socket: its own send reports that
        }
        return base.apply(this, args);
      },
    });
    Object.defineProperty(proto, PATCHED, { value: true });
  }
}

const INTERRUPTED = /^Error: Script execution was interrupted by `SIGINT`/;

type Write = typeof process.stderr.write;
let guard: { write: Write; original: Write; handlers: (() => string)[] } | null = null;

/**
 * While `handler` is registered, the interrupted-cell error tslab writes to stderr is replaced by the
 * one line `handler()` returns (the first registered handler wins: the outermost work). Returns the
 * function that unregisters it; an interrupted cell never calls it, and the next cell's stderr (tslab
 * installs a new `write` for each cell) starts afresh.
 */
export function onInterrupt(handler: () => string): () => void {
  const stderr = process.stderr;
  if (guard !== null && stderr.write !== guard.write) guard = null; // a new cell: the old guard is gone
  if (guard === null) {
    const original = stderr.write;
    const handlers: (() => string)[] = [];
    const write = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
      const text = typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : "";
      if (handlers.length > 0 && INTERRUPTED.test(text)) {
        const line = handlers[0]();
        handlers.length = 0;
        restore();
        return original.call(stderr, `${line}\n`);
      }
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Write;
    const restore = () => {
      if (stderr.write === write) stderr.write = original;
      if (guard?.write === write) guard = null;
    };
    guard = { write, original, handlers };
    stderr.write = write;
  }
  const current = guard;
  current.handlers.push(handler);
  return () => {
    const i = current.handlers.indexOf(handler);
    if (i >= 0) current.handlers.splice(i, 1);
    if (current.handlers.length === 0 && guard === current) {
      if (stderr.write === current.write) stderr.write = current.original;
      guard = null;
    }
  };
}
