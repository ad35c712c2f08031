/**
 * Finding the running tslab kernel's display writer, so one display_data message can carry several
 * MIME types (tslab's public `display.*` functions send one type per message).
 *
 * How (tslab 1.0.22, node_modules/tslab/dist):
 * - jupyter.js line 48 declares `exports.lastWriteDisplayData = null`, and `handleExecuteImpl`
 *   (line 248) sets it to the current execute request's `writeDisplayData(data, update)` before each
 *   cell runs; `writeDisplayData` (line 400) sends `data` as the content of a display_data message.
 * - executor.js `createExecutor` (line 82) sets `globalThis.__tslab__ = { exports, require }`, where
 *   `require` is wrapped by `wrapRequire` (line 53): `require("tslab")` returns the kernel's own tslab
 *   package (`require("..")`, i.e. dist/public.js), which loaded `./jupyter` from the same folder.
 * So: ask the hooked require for "tslab", find that module's file in `require.cache`, and read
 * `lastWriteDisplayData` from the `jupyter.js` beside it. If that fails (another tslab layout), scan
 * `require.cache` for any `tslab/dist/jupyter.js` holding a writer.
 */
import * as path from "path";

/** tslab's writer: sends `{ data, metadata, transient }` as a display_data (or update_display_data) message. */
export type DisplayWriter = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient?: Record<string, unknown> }, update: boolean) => void;

/** The part of tslab's public display API used as a fallback. */
export interface TslabDisplay {
  png(bytes: Uint8Array): void;
  svg(text: string): void;
  text(text: string): void;
}

/** What {@link findTslab} found. */
export interface TslabContext {
  /** True when running inside a tslab kernel (tslab's executor set `globalThis.__tslab__`). */
  inKernel: boolean;
  /** The current cell's display writer, or null when it cannot be reached. */
  writer: DisplayWriter | null;
  /** tslab's public `display` object, or null. */
  display: TslabDisplay | null;
  /** The jupyter.js file the writer came from (for diagnostics), or null. */
  jupyterFile: string | null;
}

interface ModuleLike {
  exports: unknown;
}

/** Looks for the running tslab kernel. Read the writer at call time: tslab replaces it for every cell. */
export function findTslab(): TslabContext {
  const hook = (globalThis as { __tslab__?: { require?: unknown } }).__tslab__;
  const inKernel = hook !== undefined && hook !== null;
  let publicApi: Record<string, unknown> | null = null;
  if (inKernel && typeof hook.require === "function") {
    try {
      publicApi = (hook.require as (id: string) => Record<string, unknown>)("tslab");
    } catch {
      publicApi = null;
    }
  }
  const cache = require.cache as Record<string, ModuleLike | undefined>;
  let jupyterFile: string | null = null;
  if (publicApi) {
    for (const [file, mod] of Object.entries(cache)) {
      if (mod && mod.exports === publicApi) {
        const candidate = path.join(path.dirname(file), "jupyter.js");
        if (writerOf(cache[candidate])) jupyterFile = candidate;
        break;
      }
    }
  }
  if (jupyterFile === null) {
    for (const [file, mod] of Object.entries(cache)) {
      if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file) && writerOf(mod)) {
        jupyterFile = file;
        break;
      }
    }
  }
  const writer = jupyterFile ? writerOf(cache[jupyterFile]) : null;
  const display = publicApi && isDisplay(publicApi.display) ? publicApi.display : null;
  return { inKernel: inKernel || writer !== null, writer, display, jupyterFile: writer ? jupyterFile : null };
}

function writerOf(mod: ModuleLike | undefined): DisplayWriter | null {
  const exportsObj = mod?.exports as { lastWriteDisplayData?: unknown } | undefined;
  return typeof exportsObj?.lastWriteDisplayData === "function" ? (exportsObj.lastWriteDisplayData as DisplayWriter) : null;
}

function isDisplay(value: unknown): value is TslabDisplay {
  const d = value as Partial<TslabDisplay> | null;
  return !!d && typeof d.png === "function" && typeof d.text === "function" && typeof d.svg === "function";
}
