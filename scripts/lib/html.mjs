// The HTML helpers of src/display/html.ts (the one source of truth), loaded from the compiled dist/
// that bootstrap() builds: escaping, JSON for <script> elements and the inlined vega builds. Loaded
// on first use, so importing this module before bootstrap() has compiled dist/ is fine.
import { createRequire } from "node:module";
import path from "node:path";
import { REPO } from "./bootstrap.mjs";

const require = createRequire(import.meta.url);
const html = () => require(path.join(REPO, "dist", "display", "html.js"));

/** Escapes text for HTML content and attribute values (src/display/html.ts escapeHtml). */
export const escapeHtml = (text) => html().escapeHtml(text);

/** JSON safe inside a <script> element (src/display/html.ts jsonForScript). */
export const jsonForScript = (value) => html().jsonForScript(value);

/** vega, vega-lite and vega-embed as inline <script> elements, as save()'s HTML pages have them. */
export const vegaScriptElements = () => html().vegaScriptElements();

/** The doctype, <html>, <head> with charset, viewport and the escaped title (src/display/html.ts htmlPageStart). */
export const htmlPageStart = (title) => html().htmlPageStart(title);
