// The PowerPoint decks of `npm run slides -- --saved --pptx`, for every notebook: read back with
// python-pptx (scripts/pptx_report.py), each has a title slide (the notebook's # heading) and one slide
// per named chart, with a title, one picture (an SVG with its 2x PNG) whose alt text is the chart's,
// and nothing off the slide. Then LibreOffice Impress renders them (headless, to PDF; poppler's pdftoppm
// makes the pages images): no page is empty and every chart is visible (ink and colour where its
// picture is). Without LibreOffice or pdftoppm that part is skipped with a message, except in CI
// (CI=true), where it fails: .ci/run installs them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO } from "./_scripts";

const PYTHON = process.env.DISTSYS_PYTHON ?? path.join(REPO, ".venv", "bin", "python");
const EMU_PER_IN = 914400;
const has = (cmd: string) => spawnSync(cmd, [cmd === "pdftoppm" ? "-v" : "--version"], { encoding: "utf8" }).status === 0;
const MISSING = ["soffice", "pdftoppm"].filter((c) => !has(c));
const RENDER_SKIP = MISSING.length === 0 || process.env.CI === "true" ? false
  : `${MISSING.join(" and ")} not found: install them (Debian: apt-get install libreoffice-impress poppler-utils) to render the decks`;

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (out += b));
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`${cmd} ${args.join(" ")} timed out:\n${out}`)); }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}:\n${out}`));
    });
  });
}

interface Shape { kind: string; left: number; top: number; width: number; height: number; text: string; alt?: string; contentType?: string; pixels?: [number, number]; svg?: { isSvg: boolean } | null }
interface Report { file: string; width: number; height: number; slides: { shapes: Shape[]; notes: string }[] }

/** The notebook's # heading and its named charts' alt-text descriptions, from its saved outputs. */
function expected(file: string): { title: string; charts: { name: string; description: string }[] } {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  const text = (v: unknown) => ([] as string[]).concat(v as string[]).join("");
  const h1 = nb.cells.filter((c: any) => c.cell_type === "markdown").map((c: any) => /^#\s+(.+)$/m.exec(text(c.source))?.[1]).find(Boolean) ?? "";
  const charts = nb.cells.flatMap((c: any) => (c.outputs ?? []))
    // A valid Chart.name() (scripts/lib/executed.mjs takes no other as a name).
    .filter((o: any) => o.data?.["application/vnd.vegalite.v5+json"] && /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(String(o.metadata?.["distsys-lab"]?.name ?? "")))
    .map((o: any) => ({ name: o.metadata["distsys-lab"].name, description: String(o.data["application/vnd.vegalite.v5+json"].description ?? "") }));
  return { title: h1.replace(/[*_`$]/g, "").trim(), charts };
}

/** A binary PPM (P6) as width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const buf = fs.readFileSync(file);
  const head: string[] = [];
  let i = 0;
  while (head.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    let token = "";
    while (!/\s/.test(String.fromCharCode(buf[i]))) token += String.fromCharCode(buf[i++]);
    head.push(token);
  }
  assert.equal(head[0], "P6");
  return { width: Number(head[1]), height: Number(head[2]), rgb: buf.subarray(i + 1) };
}

/** Share of pixels in a rectangle (fractions of the page) that are not near-white, and that are coloured. */
function ink(page: ReturnType<typeof readPpm>, box = { x: 0, y: 0, w: 1, h: 1 }): { ink: number; colour: number } {
  const x0 = Math.floor(box.x * page.width), x1 = Math.ceil((box.x + box.w) * page.width);
  const y0 = Math.floor(box.y * page.height), y1 = Math.ceil((box.y + box.h) * page.height);
  let dark = 0, colour = 0, n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const k = (y * page.width + x) * 3;
      const [r, g, b] = [page.rgb[k], page.rgb[k + 1], page.rgb[k + 2]];
      n++;
      if (Math.min(r, g, b) < 200) dark++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
    }
  }
  return { ink: dark / n, colour: colour / n };
}

test("npm run slides -- --pptx: a .pptx per notebook, a title slide and one slide per named chart (SVG + 2x PNG, alt text), rendered by LibreOffice", { timeout: 600_000 }, async (t) => {
  const notebooks = fs.readdirSync(path.join(REPO, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  if (notebooks.length === 0) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-pptx-"));
  try {
    await run(process.execPath, [path.join(REPO, "scripts", "slides.mjs"), "--saved", "--pptx", "--out", tmp], 300_000);
    const files = notebooks.map((nb) => path.join(tmp, "pptx", nb.replace(/\.ipynb$/, ".pptx")));
    for (const f of files) assert.ok(fs.existsSync(f), `${f} written`);
    const reports: Report[] = JSON.parse(await run(PYTHON, [path.join(REPO, "scripts", "pptx_report.py"), ...files], 120_000));

    reports.forEach((report, d) => {
      const want = expected(path.join(REPO, "notebooks", notebooks[d]));
      const name = path.basename(report.file);
      assert.equal(report.slides.length, 1 + want.charts.length, `${name}: a title slide and one per named chart`);
      assert.equal(report.slides[0].shapes[0]?.text, want.title, `${name}: the title slide shows the notebook's title`);
      report.slides.forEach((slide, s) => {
        const where = `${name} slide ${s + 1}`;
        assert.ok(slide.shapes.length > 0, `${where} is empty`);
        for (const shape of slide.shapes) {
          assert.ok(shape.left >= 0 && shape.top >= 0 && shape.left + shape.width <= report.width && shape.top + shape.height <= report.height, `${where}: a ${shape.kind} off the slide`);
        }
        if (s === 0) return;
        const pictures = slide.shapes.filter((x) => x.kind === "picture");
        assert.equal(pictures.length, 1, `${where}: one picture`);
        const [pic] = pictures;
        const chart = want.charts[s - 1];
        assert.ok(pic.alt && pic.alt.includes(chart.description), `${where}: the alt text is the chart's (${chart.name}): ${pic.alt}`);
        assert.equal(pic.contentType, "image/png");
        assert.ok(pic.svg?.isSvg, `${where}: the picture carries the SVG`);
        const widthPx = (pic.width / EMU_PER_IN) * 96;
        assert.ok(Math.abs(pic.pixels![0] / widthPx - 2) < 0.05, `${where}: the PNG is 2x (${pic.pixels![0]} px for ${widthPx.toFixed(0)} px)`);
        assert.ok(slide.shapes.some((x) => x.kind === "text" && x.text.trim() && x.top < pic.top), `${where}: a title above the chart`);
      });
    });

    await t.test("LibreOffice Impress renders every slide, every chart visible", { skip: RENDER_SKIP }, async () => {
      assert.deepEqual(MISSING, [], "LibreOffice (soffice) and pdftoppm are needed to render the decks (apt-get install libreoffice-impress poppler-utils)");
      const profile = path.join(tmp, "lo-profile");
      await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", path.join(tmp, "pdf"), ...files], 400_000);
      for (const report of reports) {
        const stem = path.basename(report.file, ".pptx");
        const pdf = path.join(tmp, "pdf", `${stem}.pdf`);
        await run("pdftoppm", ["-r", "36", pdf, path.join(tmp, "pdf", stem)], 120_000);
        const pages = fs.readdirSync(path.join(tmp, "pdf")).filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".ppm")).sort();
        assert.equal(pages.length, report.slides.length, `${stem}: one PDF page per slide`);
        pages.forEach((file, s) => {
          const page = readPpm(path.join(tmp, "pdf", file));
          assert.ok(ink(page).ink > 0.005, `${stem} page ${s + 1} is blank`);
          for (const pic of report.slides[s].shapes.filter((x) => x.kind === "picture")) {
            const box = { x: pic.left / report.width, y: pic.top / report.height, w: pic.width / report.width, h: pic.height / report.height };
            const seen = ink(page, box);
            assert.ok(seen.ink > 0.02 && seen.colour > 0.002, `${stem} page ${s + 1}: the chart is not visible (ink ${(seen.ink * 100).toFixed(1)}%, colour ${(seen.colour * 100).toFixed(2)}%)`);
          }
        });
      }
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
