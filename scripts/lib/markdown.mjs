// Markdown to HTML for slide decks with mistune (the Markdown library nbconvert uses, in the project
// .venv), all cells in one Python call; $math$ is kept by mistune's math plugin and turned into HTML
// by tex.mjs. Raw HTML in the Markdown passes through, as in JupyterLab.
import { spawnSync } from "node:child_process";
import { renderMathInHtml } from "./tex.mjs";

const PY = `
import json, sys
import mistune
md = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "math", "url"])
texts = json.load(sys.stdin)
json.dump([md(t) for t in texts], sys.stdout)
`;

/** Renders each Markdown text to HTML (same order) with `python` (one that has mistune 3). */
export function markdownToHtml(python, texts) {
  if (texts.length === 0) return [];
  const res = spawnSync(python, ["-c", PY], { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`mistune (Markdown) failed with ${python}: ${(res.stderr || res.error?.message || "").trim()}`);
  }
  return JSON.parse(res.stdout).map(renderMathInHtml);
}
