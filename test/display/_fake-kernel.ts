// A fake tslab kernel for the show() tests (shared by show.test.ts and show-name.test.ts).
import * as path from "path";
import Module from "module";

/** One display_data message the fake kernel received: its content and the update flag. */
export interface SentDisplay {
  content: any;
  update: boolean;
}

/**
 * Installs a fake tslab kernel the way tslab 1.0.22 looks at run time: a dist/public.js module (what the
 * hooked require("tslab") returns) and a dist/jupyter.js module with lastWriteDisplayData (null when
 * `withWriter` is false), both in require.cache, plus globalThis.__tslab__.require. Returns the captured
 * display_data messages, the calls of tslab's display.png/svg/text, and an uninstall function.
 */
export function fakeKernel(withWriter: boolean) {
  const dir = path.join("/nonexistent-fake", "node_modules", "tslab", "dist");
  const sent: SentDisplay[] = [];
  const displayed: { type: string; value: unknown }[] = [];
  const display = {
    png: (b: Uint8Array) => displayed.push({ type: "png", value: b }),
    svg: (s: string) => displayed.push({ type: "svg", value: s }),
    text: (s: string) => displayed.push({ type: "text", value: s }),
  };
  const publicApi = { display, newDisplay: () => display, versions: {} };
  const cache = require.cache as Record<string, unknown>;
  const add = (file: string, exports: unknown) => {
    const mod = new Module(file);
    mod.filename = file;
    mod.loaded = true;
    mod.exports = exports;
    cache[file] = mod;
  };
  add(path.join(dir, "public.js"), publicApi);
  add(path.join(dir, "jupyter.js"), { lastWriteDisplayData: withWriter ? (content: unknown, update: boolean) => sent.push({ content, update }) : null });
  (globalThis as any).__tslab__ = { exports: {}, require: (id: string) => (id === "tslab" ? publicApi : require(id)) };
  const uninstall = () => {
    delete cache[path.join(dir, "public.js")];
    delete cache[path.join(dir, "jupyter.js")];
    delete (globalThis as any).__tslab__;
  };
  return { sent, displayed, uninstall };
}
