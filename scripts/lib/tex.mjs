// A small TeX-to-HTML converter for the inline math of the notebooks ($1 - p$, $q = (1-p)^2$,
// $\min(k/4d,\ 1/2d)$, $w = \sigma\sqrt{3}$, $\frac{a}{b}$ ...), so slide decks show formulas without
// MathJax or KaTeX from a CDN. Letters become italic <var>, ^ and _ become <sup> and <sub>; commands it
// does not know are shown as their name. Not a TeX engine: enough for formulas of this size.

const SYMBOLS = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", varphi: "φ",
  chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Pi: "Π", Sigma: "Σ",
  Phi: "Φ", Omega: "Ω", cdot: "·", times: "×", le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠",
  approx: "≈", sim: "∼", infty: "∞", to: "→", rightarrow: "→", leftarrow: "←", Rightarrow: "⇒", pm: "±",
  ldots: "…", dots: "…", cdots: "⋯", in: "∈", sum: "∑", prod: "∏", lceil: "⌈", rceil: "⌉", lfloor: "⌊",
  rfloor: "⌋", mid: "∣", langle: "⟨", rangle: "⟩", neg: "¬", land: "∧", lor: "∨", forall: "∀", exists: "∃",
  "{": "{", "}": "}", "%": "%", "$": "$", "&": "&amp;", "_": "_", "#": "#",
};
const SPACES = { ",": "\u2009", ":": "\u205f", ";": "\u2005", " ": " ", "!": "", quad: "\u2003", qquad: "\u2003\u2003" };
const OPERATORS = new Set(["max", "min", "log", "ln", "exp", "sin", "cos", "Pr", "lim", "sup", "inf", "det", "gcd", "arg"]);

const esc = (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c;

/** Converts TeX math (without the $ delimiters) to HTML. */
export function texToHtml(tex) {
  let i = 0;
  const src = tex;

  /** Reads one argument: a {group}, a command or one character. */
  function arg() {
    skipSpace();
    if (src[i] === "{") {
      i++;
      const html = seq("}");
      i++; // the closing brace
      return html;
    }
    return atom();
  }
  function rawGroup() {
    skipSpace();
    if (src[i] !== "{") return src[i++] ?? "";
    let depth = 0;
    const start = i;
    for (; i < src.length; i++) {
      if (src[i] === "{") depth++;
      else if (src[i] === "}" && --depth === 0) break;
    }
    return src.slice(start + 1, i++);
  }
  function skipSpace() {
    while (src[i] === " " || src[i] === "\n") i++;
  }
  function command() {
    i++; // backslash
    let name = "";
    if (/[A-Za-z]/.test(src[i] ?? "")) while (/[A-Za-z]/.test(src[i] ?? "")) name += src[i++];
    else name = src[i++] ?? "";
    if (name in SPACES) return SPACES[name];
    if (name in SYMBOLS) return SYMBOLS[name];
    if (OPERATORS.has(name)) return `<span class="op">${name}</span>`;
    switch (name) {
      case "text": case "mathrm": case "textrm": case "operatorname": case "mbox":
        return `<span class="tx">${[...rawGroup()].map(esc).join("")}</span>`;
      case "mathbf": case "textbf": case "boldsymbol":
        return `<b>${arg()}</b>`;
      case "frac": case "dfrac": case "tfrac": {
        const num = arg();
        const den = arg();
        return `<span class="frac"><span class="num">${num}</span><span class="den">${den}</span></span>`;
      }
      case "sqrt":
        return `√<span class="sqrt">${arg()}</span>`;
      case "binom":
        return `(<span class="frac"><span class="num">${arg()}</span><span class="den">${arg()}</span></span>)`;
      case "left": case "right": case "big": case "Big": case "bigl": case "bigr": case "Bigl": case "Bigr":
        return "";
      case "overline": case "bar":
        return `<span class="ovl">${arg()}</span>`;
      case "hat":
        return `${arg()}\u0302`;
      default:
        return `<span class="tx">${esc(name)}</span>`;
    }
  }
  function atom() {
    const c = src[i];
    if (c === undefined) return "";
    if (c === "\\") return command();
    if (c === "{") {
      i++;
      const html = seq("}");
      i++;
      return html;
    }
    i++;
    if (/[A-Za-z]/.test(c)) return `<var>${c}</var>`;
    if (c === "-") return "\u2212";
    if (c === "*") return "\u2217";
    if (c === "'") return "\u2032";
    if (c === "~") return "\u00a0";
    if (c === ",") return ", ";
    if (/[=<>+]/.test(c)) return ` ${esc(c)} `;
    if (c === " " || c === "\n") return "";
    return esc(c);
  }
  function seq(end) {
    let html = "";
    while (i < src.length && src[i] !== end) {
      const c = src[i];
      if (c === "^" || c === "_") {
        i++;
        const tag = c === "^" ? "sup" : "sub";
        html += `<${tag}>${arg()}</${tag}>`;
      } else if (c === "-" && /[^(\[{\s>]$|<\/(var|sup|sub|span)>$/.test(html) && !/(=|<|>|\+) $/.test(html)) {
        i++;
        html += " \u2212 "; // binary minus gets spaces, a leading minus does not
      } else html += atom();
    }
    return html;
  }
  return seq(undefined).replace(/ {2,}/g, " ").trim();
}

/**
 * Replaces the math that Python-Markdown/mistune's math plugin leaves in HTML, inline
 * `<span class="math">\(...\)</span>` and display `<div class="math">$$...$$</div>`, with HTML.
 */
export function renderMathInHtml(html) {
  const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  return html
    .replace(/<div class="math">\s*\$\$([\s\S]*?)\$\$\s*<\/div>/g, (_, tex) => `<div class="math display">${texToHtml(unescape(tex))}</div>`)
    .replace(/<span class="math">\\\(([\s\S]*?)\\\)<\/span>/g, (_, tex) => `<span class="math">${texToHtml(unescape(tex))}</span>`);
}
