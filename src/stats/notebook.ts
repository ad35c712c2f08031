/**
 * What long work needs from a running tslab kernel (tslab 1.0.22): a line of output that can be
 * redrawn, outputs that leave the process while a synchronous cell still runs, and an interrupt it
 * can catch, to say how far it got instead of a stack trace. Not exported from src/index.ts.
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
 *   blocks). On a quiet machine a cell's 1,500 outputs then all arrive; on a loaded one (load about 8)
 *   some are still dropped (842 of 1,500 in one CI run), so this makes the drops rarer, not impossible.
 * - Kernel > Interrupt sends SIGINT. tslab runs a cell with `vm.runInThisContext(code, { breakOnSigint:
 *   true })`: SIGINT ends the cell's code where it is (no catch or finally in it runs) and tslab writes
 *   "Error: Script execution was interrupted by `SIGINT`" and a stack into node:vm to stderr. After a
 *   top-level `await` the rest of a cell runs outside that call, and a synchronous loop there cannot be
 *   interrupted at all. {@link runInterruptibly} runs work inside its own `breakOnSigint` script: Node
 *   gives SIGINT to the innermost such script, and turns the termination into an ordinary exception
 *   (code ERR_SCRIPT_EXECUTION_INTERRUPTED) where that script was started, so the work's caller can
 *   catch it, in a plain cell or after an await alike.
 * @internal
 */

import { inspect } from "util";
import { Script } from "vm";

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

let sendsAtOnce = false;

/**
 * Makes every send on the kernel's zeromq PUB sockets (tslab's iopub) complete at once. The first send
 * after this call sets that socket's `sendTimeout` to 0. Does its work once; nothing outside a kernel.
 */
export function sendOutputsAtOnce(): void {
  if (sendsAtOnce || !inKernel()) return;
  sendsAtOnce = true;
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

const WORK = Symbol.for("distsys-lab.interruptible-work");
let script: Script | null = null;

/**
 * Runs `work` (synchronous) so that SIGINT, which Kernel > Interrupt sends, stops it with an exception
 * its caller can catch ({@link isInterrupt}); other exceptions pass through unchanged. Nests.
 */
export function runInterruptibly<T>(work: () => T): T {
  const slot = globalThis as unknown as Record<symbol, (() => void) | undefined>;
  const outer = slot[WORK];
  let value: T | undefined;
  slot[WORK] = () => { value = work(); };
  try {
    script ??= new Script(`globalThis[Symbol.for(${JSON.stringify(WORK.description)})]();`, { filename: "distsys-lab-interruptible.js" });
    script.runInThisContext({ breakOnSigint: true });
  } finally {
    slot[WORK] = outer;
  }
  return value as T;
}

const INTERRUPTED = "ERR_SCRIPT_EXECUTION_INTERRUPTED";

/** True for the exception that SIGINT raises in {@link runInterruptibly}, and for {@link interruptedError}'s. */
export function isInterrupt(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === INTERRUPTED;
}

/** Work stopped by an interrupt. It prints as its message alone (tslab prints a failed cell's error with console.error). */
class Interrupted extends Error {
  readonly code = INTERRUPTED;
  [inspect.custom](): string {
    return this.message;
  }
}

/** The error to throw for interrupted work: `message` is all a notebook shows of it (one line). */
export function interruptedError(message: string): Error {
  const error = new Interrupted(message);
  error.name = "Interrupted";
  return error;
}
