// Markdown cells cut into their top-level blocks (heading, paragraph, list, table, ...) for the lecture
// decks (scripts/lib/lecture.mjs), parsed with mistune (the Markdown library nbconvert uses) in one
// Python call for all cells: mistune's AST gives the blocks, its HTML renderer renders each one, and
// the math is typeset by KaTeX here (math.mjs), as in markdown.mjs. For each paragraph it also gives
// its first sentence (the "lead", what a slide can show) and its bold phrases (the findings, which
// the notebooks write as a **bold sentence** after a chart). Texts and word counts are plain text,
// with TeX kept as written.
import { spawnSync } from "node:child_process";
import { MathError } from "./markdown.mjs";
import { renderMathInHtml } from "./math.mjs";

const PY = String.raw`
import json, re, sys
import mistune
PLUGINS = ["strikethrough", "table", "math", "url"]
ast = mistune.create_markdown(escape=False, renderer=None, plugins=PLUGINS)
html = mistune.create_markdown(escape=False, plugins=PLUGINS)
END = re.compile(r"[.!?][\"')\]]?\s+(?=[A-Z0-9(])")

def render(tokens):
    return html.renderer(tokens, mistune.BlockState())

def plain(tok):
    if "raw" in tok and tok["type"] != "block_html":
        return tok["raw"]
    if tok["type"] in ("softbreak", "linebreak"):
        return " "
    return "".join(plain(c) for c in tok.get("children", []))

def words(text):
    return len(text.split())

CONST = re.compile(r"\b[A-Z][A-Z0-9_]{3,}\b|[A-Z0-9]_[A-Z0-9]|[{}]")

def names(tokens):
    """Whether the tokens name a parameter (CONST_CASE in code, or a NAME_WITH_UNDERSCORE) or hold an object literal in code."""
    for tok in tokens:
        if tok["type"] == "codespan" and CONST.search(tok["raw"]):
            return True
        if tok["type"] == "text" and re.search(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", tok["raw"]):
            return True
        if names(tok.get("children", [])):
            return True
    return False

def piece(children, wrap="paragraph"):
    text = "".join(plain(c) for c in children).strip()
    return {"html": render([{"type": wrap, "children": children}]).strip(), "text": text, "words": words(text), "names": names(children)}

def lead(children):
    """The paragraph's first sentence (two when the first is a label such as 'Exercise 1.'), or None."""
    out = []
    for i, child in enumerate(children):
        if child["type"] == "text":
            for m in END.finditer(child["raw"]):
                cut = out + [{"type": "text", "raw": child["raw"][:m.start() + 1].rstrip()}]
                if words("".join(plain(c) for c in cut)) > 3:
                    return piece(cut) if i < len(children) - 1 or m.end() < len(child["raw"]) else None
        out.append(child)
    return None

def findings(children):
    """Bold phrases that are sentences: start with a capital letter or digit, three words or more."""
    found = []
    for child in children:
        if child["type"] == "strong":
            p = piece(child["children"])
            if p["words"] >= 3 and re.match(r"[A-Z0-9]", p["text"]):
                found.append(p)
    return found

def block(tok):
    text = plain(tok).strip()
    out = {"type": tok["type"], "html": render([tok]).strip(), "text": text, "words": words(text), "names": names([tok])}
    if tok["type"] == "heading":
        out["level"] = tok["attrs"]["level"]
        out["inner"] = piece(tok["children"])
    if tok["type"] == "paragraph":
        out["lead"] = lead(tok["children"])
        out["findings"] = findings(tok["children"])
    return out

texts = json.load(sys.stdin)
json.dump([[block(t) for t in ast(s) if t["type"] != "blank_line"] for s in texts], sys.stdout)
`;

/**
 * For each Markdown text, its blocks: [{ type, html, text, words, names, level?, inner?, lead?, findings? }];
 * `names` is true when the block names a parameter (CONST_CASE in `code`, or a NAME_WITH_UNDERSCORE).
 * `type` is mistune's ("heading", "paragraph", "list", "table", "block_code", "block_quote", ...);
 * headings have `level` and `inner` (the heading's content as a { html, text, words } piece);
 * paragraphs have `lead` (their first sentence as a piece, or null when that is the whole paragraph)
 * and `findings` (bold phrases that are sentences, as pieces). A piece's html is a `<p>` element.
 * Throws MathError (markdown.mjs) naming every formula KaTeX cannot typeset.
 */
export function markdownBlocks(python, texts, where = (i) => `text ${i}`) {
  if (texts.length === 0) return [];
  const res = spawnSync(python, ["-c", PY], { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`mistune (Markdown) failed with ${python}: ${(res.stderr || res.error?.message || "").trim()}`);
  }
  const problems = [];
  const typeset = (html, i) => {
    try {
      return renderMathInHtml(html);
    } catch (error) {
      if (!(error instanceof AggregateError)) throw error;
      for (const e of error.errors) problems.push({ where: where(i), tex: e.tex, display: e.display, reason: e.reason, message: e.message });
      return html;
    }
  };
  const typesetPiece = (p, i) => (p ? { ...p, html: typeset(p.html, i) } : p);
  const blocks = JSON.parse(res.stdout).map((list, i) => list.map((b) => ({
    ...b,
    html: typeset(b.html, i),
    ...(b.inner ? { inner: typesetPiece(b.inner, i) } : {}),
    ...(b.type === "paragraph" ? { lead: typesetPiece(b.lead, i), findings: b.findings.map((f) => typesetPiece(f, i)) } : {}),
  })));
  // Each formula once: a lead or a finding repeats part of its paragraph.
  const seen = new Set();
  const unique = problems.filter((p) => (seen.has(p.message + p.where) ? false : seen.add(p.message + p.where)));
  if (unique.length > 0) throw new MathError(unique);
  return blocks;
}
