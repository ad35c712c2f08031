// Markdown to HTML for slide decks with mistune (the Markdown library nbconvert uses, in the project
// .venv), all cells in one Python call; $math$ is kept by mistune's math plugin and typeset with KaTeX
// by math.mjs. Raw HTML in the Markdown passes through, as in JupyterLab.
import { spawnSync } from "node:child_process";
import { renderMathInHtml } from "./math.mjs";

const PY = `
import json, sys
import mistune
md = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "math", "url"])
texts = json.load(sys.stdin)
json.dump([md(t) for t in texts], sys.stdout)
`;

/** Formulas KaTeX cannot typeset, in Markdown texts: `problems` is [{ where, tex, display, reason, message }]. */
export class MathError extends Error {
  constructor(problems) {
    const n = problems.length;
    super(`${n} formula${n === 1 ? "" : "s"} KaTeX cannot typeset:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}`);
    this.name = "MathError";
    this.problems = problems;
  }
}

/**
 * Renders each Markdown text to HTML (same order) with `python` (one that has mistune 3), math typeset
 * by KaTeX. `where(i)` names text i in error messages ("cell 4"). If any formula cannot be typeset,
 * throws one MathError that lists all of them.
 */
export function markdownToHtml(python, texts, where = (i) => `text ${i}`) {
  if (texts.length === 0) return [];
  const res = spawnSync(python, ["-c", PY], { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`mistune (Markdown) failed with ${python}: ${(res.stderr || res.error?.message || "").trim()}`);
  }
  const problems = [];
  const html = JSON.parse(res.stdout).map((h, i) => {
    try {
      return renderMathInHtml(h);
    } catch (error) {
      if (!(error instanceof AggregateError)) throw error;
      for (const e of error.errors) problems.push({ where: where(i), tex: e.tex, display: e.display, reason: e.reason, message: e.message });
      return h;
    }
  });
  if (problems.length > 0) throw new MathError(problems);
  return html;
}
