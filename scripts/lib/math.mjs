// TeX math for the slide decks, typeset with KaTeX when the deck is built (no script runs in the page
// for it). mistune's math plugin decides what is math, as nbconvert does: $...$ (not \$, not inside
// `code`, not "$5 and $6"), $`...`$, and $$...$$ display math. The deck links KaTeX's stylesheet and
// fonts, copied next to it by copyKatex(): nothing is fetched from the network.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import katex from "katex";

const require = createRequire(import.meta.url);

/**
 * KaTeX options. throwOnError: a formula KaTeX cannot parse is an error the deck build reports (see
 * TexError), not red source text on a slide. htmlAndMathml: the visible HTML plus hidden MathML with the
 * TeX as annotation, for screen readers and copy-paste. strict "ignore": accept what MathJax (which
 * JupyterLab uses) accepts, such as Unicode symbols in math, without console noise. trust false: no
 * \href, \url or \includegraphics, so a formula cannot add a link or load a file.
 */
export const KATEX_OPTIONS = Object.freeze({ throwOnError: true, output: "htmlAndMathml", strict: "ignore", trust: false });

/** A formula KaTeX cannot typeset: `tex` is the source (without delimiters), `reason` KaTeX's message. */
export class TexError extends Error {
  constructor(tex, display, reason) {
    const d = display ? "$$" : "$";
    super(`${d}${tex.trim()}${d}: ${reason}`);
    this.name = "TexError";
    this.tex = tex;
    this.display = display;
    this.reason = reason;
  }
}

/** Typesets one formula (TeX without its $ delimiters) as HTML; throws TexError if KaTeX cannot. */
export function texToHtml(tex, { display = false } = {}) {
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  } catch (error) {
    if (error instanceof katex.ParseError) {
      // KaTeX's message without its underlined copy of the source (the TeX is in TexError's message).
      const at = typeof error.position === "number" ? ` at position ${error.position + 1}` : "";
      throw new TexError(tex, display, `${error.rawMessage ?? error.message}${at}`);
    }
    throw error;
  }
}

const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

/**
 * Typesets the math that mistune's math plugin leaves in HTML: inline `<span class="math">\(...\)</span>`
 * and display `<div class="math">$$...$$</div>`. Display math becomes `<span class="math display">`
 * (KaTeX's own markup is all spans, shown as a block), which is valid also where mistune put the div
 * inside a paragraph ("text $$x$$ text"). Throws an AggregateError of every TexError in `html`.
 */
export function renderMathInHtml(html) {
  const errors = [];
  const typeset = (tex, display) => {
    try {
      return texToHtml(unescape(tex).trim(), { display });
    } catch (error) {
      if (!(error instanceof TexError)) throw error;
      errors.push(error);
      return "";
    }
  };
  // One pass, so that errors come in the order of the text.
  const out = html.replace(
    /<div class="math">\s*\$\$([\s\S]*?)\$\$\s*<\/div>|<span class="math">\\\(([\s\S]*?)\\\)<\/span>/g,
    (_, display, inline) => (display !== undefined
      ? `<span class="math display">${typeset(display, true)}</span>`
      : `<span class="math">${typeset(inline, false)}</span>`),
  );
  if (errors.length > 0) throw new AggregateError(errors, errors.map((e) => e.message).join("\n"));
  return out;
}

/** The KaTeX package folder (node_modules/katex). */
function katexDir() {
  return path.dirname(require.resolve("katex/package.json"));
}

/**
 * KaTeX's stylesheet with each @font-face reduced to its woff2 source (every browser that runs
 * reveal.js reads woff2), and the font files it then names, relative to the stylesheet ("fonts/...").
 */
export function katexCss() {
  const css = fs.readFileSync(path.join(katexDir(), "dist", "katex.min.css"), "utf8");
  const trimmed = css.replace(/@font-face\{[^}]*\}/g, (face) =>
    face.replace(/src:[^;}]*/, (src) => {
      const woff2 = /url\(([^)]+\.woff2)\)\s*format\(["']woff2["']\)/.exec(src);
      if (!woff2) throw new Error(`KaTeX's katex.min.css: an @font-face without a woff2 source: ${face.slice(0, 200)}`);
      return `src:url(${woff2[1]}) format("woff2")`;
    }));
  const fonts = [...trimmed.matchAll(/url\(\s*["']?([^)"']+)["']?\s*\)/g)].map((m) => m[1]);
  return { css: trimmed, fonts: [...new Set(fonts)].sort() };
}

/**
 * Copies KaTeX's stylesheet (katex.min.css, fonts trimmed to woff2), the fonts it names and KaTeX's
 * licence into `<outDir>/katex/`. Fails if the stylesheet names a file the package does not have.
 */
export function copyKatex(outDir) {
  const src = path.join(katexDir(), "dist");
  const dest = path.join(outDir, "katex");
  const { css, fonts } = katexCss();
  fs.mkdirSync(path.join(dest, "fonts"), { recursive: true });
  for (const font of fonts) {
    if (!/^fonts\/[\w.-]+\.woff2$/.test(font) || !fs.existsSync(path.join(src, font))) {
      throw new Error(`KaTeX's katex.min.css names ${font}, which is not a woff2 file in ${path.join(src, "fonts")}`);
    }
    fs.copyFileSync(path.join(src, font), path.join(dest, font));
  }
  fs.writeFileSync(path.join(dest, "katex.min.css"), css);
  fs.copyFileSync(path.join(katexDir(), "LICENSE"), path.join(dest, "LICENSE"));
}
