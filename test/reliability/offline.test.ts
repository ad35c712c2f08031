import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createWorld } from "../../src/sim/world";
import { outcomeChart } from "../../src/charts/outcome";
import { save } from "../../src/display/save";
import { sequenceDiagram } from "../../src/charts/sequence";
import { traceDiagram } from "../../src/views/trace-diagram";
import { REPO } from "./repo";

/**
 * Places where text would make a browser or Node fetch a URL: script/img/iframe src, link href,
 * CSS url() and @import, fetch/import()/WebSocket with a literal URL, and Node's network modules.
 * Documentation links (<a href>, comments, strings) and xmlns namespaces are not fetched, so allowed.
 */
const FETCHING = [
  /<(?:script|img|iframe|audio|video|source|embed|track|input)\b[^>]*?\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /<link\b[^>]*?\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /<image\b[^>]*?\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /url\(\s*["']?(?:https?:)?\/\/[^)"']+/gi,
  /@import\s+["'](?:https?:)?\/\/[^"']+/gi,
  /\b(?:fetch|import|WebSocket|EventSource)\(\s*["'`](?:https?|wss?):\/\/[^"'`]+/g,
  /\brequire\(\s*["'](?:node:)?(?:http|https|net|dgram|http2|tls)["']\s*\)/g,
];

/** Every fetching URL in `text`. */
function fetchedUrls(text: string): string[] {
  return FETCHING.flatMap((re) => [...text.matchAll(re)].map((m) => m[0].slice(0, 120)));
}

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", ".venv", ".git", "build"].includes(e.name) ? [] : filesUnder(p, ext);
    return ext.test(e.name) ? [p] : [];
  });
}

test("fetchedUrls() finds script src, link href, CSS url(), fetch() and require('https') but not <a href> or xmlns", () => {
  const bad = '<script src="https://cdn.example/x.js"></script><link rel=stylesheet href="//cdn.example/y.css"><style>a{background:url(https://e/p.png)}</style>fetch("https://api.example/q");require("https")';
  assert.equal(fetchedUrls(bad).length, 5);
  assert.deepEqual(fetchedUrls('<a href="https://vega.github.io/vega-lite/">docs</a><svg xmlns="http://www.w3.org/2000/svg"></svg>// see https://example.org'), []);
});

test("nothing in the package (compiled src), the notebooks or saved HTML/slides in the repository requests the network", () => {
  const files = [
    ...filesUnder(path.resolve(__dirname, "../../src"), /\.js$/),
    ...filesUnder(path.join(REPO, "dist"), /\.js$/),
    ...filesUnder(path.join(REPO, "notebooks"), /\.(ipynb|html)$/),
    ...filesUnder(path.join(REPO, "figures"), /\.(html|svg)$/),
    ...filesUnder(path.join(REPO, "slides"), /\.(html|css)$/),
  ];
  assert.ok(files.length > 20, `only ${files.length} files found to check`);
  const hits = files.flatMap((f) => fetchedUrls(fs.readFileSync(f, "utf8")).map((u) => `${path.relative(REPO, f)}: ${u}`));
  assert.deepEqual(hits, []);
});

test("KaTeX's stylesheet, which the slide decks link (slides/katex/), names only fonts beside it, no URL on the network", () => {
  const css = fs.readFileSync(require.resolve("katex/dist/katex.min.css"), "utf8");
  assert.deepEqual(fetchedUrls(css), []);
  const urls = [...css.matchAll(/url\(\s*["']?([^)"']+)["']?\s*\)/g)].map((m) => m[1]);
  assert.ok(urls.length > 0);
  for (const url of urls) assert.match(url, /^fonts\/[\w-]+\.(woff2|woff|ttf)$/, "a relative font file");
  assert.ok(!/@import/.test(css), "no @import");
});

const HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>';

test("save(chart, *.html) makes no network request and escapes titles, labels and node names", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-offline-"));
  const w = createWorld({ seed: 1, nodes: [HOSTILE, "B"], handlers: { [HOSTILE]: { init: (ctx) => { ctx.send("B", { type: HOSTILE }); } } } });
  const charts = [
    outcomeChart([{ outcome: HOSTILE, p: 0.5, lo: 0.4, hi: 0.6 }]).title(HOSTILE, HOSTILE),
    traceDiagram(w.run()).title(HOSTILE),
    sequenceDiagram([{ id: 1, from: HOSTILE, to: "B", sendMs: 0, deliverMs: 1, fate: "delivered", label: HOSTILE }]),
  ];
  for (const [i, chart] of charts.entries()) {
    const html = fs.readFileSync(await save(chart, path.join(dir, `c${i}.html`)), "utf8");
    assert.deepEqual(fetchedUrls(html), [], `chart ${i}`);
    assert.ok(!html.includes(HOSTILE), `chart ${i}: the hostile string reached the page unescaped`);
    assert.ok(!/<script>alert|<img src=x/i.test(html), `chart ${i}: markup from data became markup in the page`);
    assert.equal((html.match(/<script\b/gi) ?? []).length, 6, `chart ${i}: the page has extra script elements`); // 3 libraries, spec, options, embed
  }
  fs.rmSync(dir, { recursive: true });
});

test("save() writes only the file it was given: ../ segments resolved, no temp files left, nothing else touched", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-save-only-"));
  fs.mkdirSync(path.join(dir, "sub"));
  const chart = outcomeChart([{ outcome: "done", p: 0.5, lo: 0.4, hi: 0.6 }]);
  const written = [];
  for (const ext of ["svg", "png", "html", "vl.json", "json"]) written.push(await save(chart, path.join(dir, "sub", "..", `fig.${ext}`)));
  assert.deepEqual(written, ["svg", "png", "html", "vl.json", "json"].map((e) => path.join(dir, `fig.${e}`)));
  assert.deepEqual(fs.readdirSync(dir).sort(), ["fig.html", "fig.json", "fig.png", "fig.svg", "fig.vl.json", "sub"]);
  assert.deepEqual(fs.readdirSync(path.join(dir, "sub")), []);
  await assert.rejects(save(chart, path.join(dir, "sub")), /cannot tell the format/);
  await assert.rejects(save(chart, path.join(dir, "missing", "..", "..", "nowhere", "x.svg")), /does not exist/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ["fig.html", "fig.json", "fig.png", "fig.svg", "fig.vl.json", "sub"]);
  fs.rmSync(dir, { recursive: true });
});
