// show() in a real tslab kernel: executing test/notebooks/show.ipynb with the strict runner must leave,
// for each show() call, ONE display_data output carrying the Vega-Lite spec as a JSON object, an SVG,
// a PNG with 1x width/height metadata, the SVG as an <img> with alt text in text/markdown, and
// text/plain, and never text/html.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");
const PYTHON = process.env.DISTSYS_PYTHON ?? path.join(REPO, ".venv", "bin", "python");

test("show(chart) in a tslab kernel sends one bundle with all five MIME types and no text/html", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "show-nb-"));
  const res = spawnSync(PYTHON, [path.join(REPO, "scripts", "run_notebooks.py"), "--output-dir", dir,
    path.join(REPO, "test", "notebooks", "show.ipynb")], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(REPO, ".jupyter") } });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "show.ipynb"), "utf8"));
  const displays = nb.cells.flatMap((c: any) => (c.outputs ?? []).filter((o: any) => o.output_type === "display_data"));
  assert.equal(displays.length, 2, "one display per show() call");
  for (const d of displays) {
    assert.deepEqual(Object.keys(d.data).sort(), ["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/markdown", "text/plain"]);
    assert.equal(typeof d.data["application/vnd.vegalite.v5+json"], "object", "the spec is a JSON object, not a string");
    assert.match(d.data["application/vnd.vegalite.v5+json"].$schema, /vega-lite\/v5/);
    const svg = Array.isArray(d.data["image/svg+xml"]) ? d.data["image/svg+xml"].join("") : d.data["image/svg+xml"];
    assert.match(svg, /^<svg/);
    const png = Buffer.from(String(d.data["image/png"]).replace(/\n/g, ""), "base64");
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
    const meta = d.metadata["image/png"];
    assert.ok(meta.width > 0 && meta.height > 0, "PNG metadata carries the 1x size");
    assert.equal(png.readUInt32BE(16), meta.width * 2, "the PNG is drawn at 2x");
  }
});
