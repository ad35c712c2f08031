// Shared by `npm run figures` and `npm run slides`: the command line (notebook names, --out, --saved),
// executing the notebooks with the strict runner into a scratch folder, and finding the charts in the
// executed notebooks' outputs (the Vega-Lite spec of each show(), named by its display_data metadata).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO, UserError } from "./bootstrap.mjs";
import { lessonNotebooks, runNotebooks } from "../notebooks.mjs";

export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";
/** The display_data metadata key show() writes the chart name under (src/display/show.ts). */
export const METADATA_KEY = "distsys-lab";
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Parses `[--out DIR] [--saved] [--keep-going] [NAME...]`. NAME is a notebook file, a path or a prefix
 * ("01"); none means every notebook in notebooks/.
 */
export function parseArgs(argv, defaultOut) {
  const opts = { out: path.join(REPO, defaultOut), saved: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") {
      if (!argv[i + 1]) throw new UserError("--out needs a folder, e.g. --out /tmp/figures");
      opts.out = path.resolve(argv[++i]);
    } else if (arg === "--saved") opts.saved = true;
    else if (arg === "--help" || arg === "-h") opts.help = true;
    else if (arg.startsWith("--")) throw new UserError(`unknown option ${arg}; use --out DIR, --saved, or notebook names`);
    else opts.names.push(arg);
  }
  opts.files = lessonNotebooks(opts.names);
  if (opts.files.length === 0) throw new UserError("notebooks/ holds no notebooks.");
  return opts;
}

/** The notebook's name without folder and extension: "01-one-client-one-server". */
export function notebookStem(file) {
  return path.basename(file).replace(/\.ipynb$/, "");
}

/**
 * Executes `files` with scripts/run_notebooks.py into a temporary folder (the notebooks themselves are
 * not touched) and returns [{ file, stem, ok, notebook }] in the order of `files`; a failing notebook
 * has ok false and notebook null. With `saved`, reads the outputs already saved in the files instead.
 */
export function loadExecuted(python, files, { saved = false } = {}) {
  if (saved) {
    return files.map((file) => ({ file, stem: notebookStem(file), ok: true, notebook: readJson(file) }));
  }
  // A private scratch folder, so that two runs at once (or npm test) never share files.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-lab-executed-"));
  try {
    const json = path.join(scratch, "results.json");
    runNotebooks(python, files, ["--output-dir", scratch, "--json", json]);
    const results = fs.existsSync(json) ? readJson(json) : [];
    return files.map((file, i) => {
      const executed = path.join(scratch, path.basename(file));
      const ok = results[i]?.ok === true && fs.existsSync(executed);
      return { file, stem: notebookStem(file), ok, notebook: ok ? readJson(executed) : null };
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Outputs of a code cell that carry a Vega-Lite spec. */
function chartOutputsOf(cell) {
  return (cell.outputs ?? []).filter((o) => (o.output_type === "display_data" || o.output_type === "execute_result") && o.data?.[VEGALITE_MIME]);
}

/**
 * The charts of an executed notebook in output order: { name, spec, svg, cellIndex, outputIndex, named }.
 * The name is the one given with Chart.name(...) (display_data metadata "distsys-lab".name), else
 * `<stem>-<n>` with n the chart's 1-based position in the notebook. A name used twice gets "-2", "-3"...
 * appended (and a warning), so no file is overwritten.
 */
export function notebookCharts(notebook, stem, warn = (msg) => console.warn(`[figures] ${msg}`)) {
  const charts = [];
  const used = new Set();
  notebook.cells.forEach((cell, cellIndex) => {
    if (cell.cell_type !== "code") return;
    for (const [outputIndex, output] of (cell.outputs ?? []).entries()) {
      if (!chartOutputsOf({ outputs: [output] }).length) continue;
      const given = output.metadata?.[METADATA_KEY]?.name;
      const named = typeof given === "string" && NAME_RE.test(given);
      let name = named ? given : `${stem}-${charts.length + 1}`;
      if (used.has(name)) {
        let k = 2;
        while (used.has(`${name}-${k}`)) k++;
        warn(`${stem}: the chart name ${JSON.stringify(name)} is used twice; the second is saved as ${name}-${k}`);
        name = `${name}-${k}`;
      }
      used.add(name);
      const svg = output.data["image/svg+xml"];
      charts.push({ name, named, spec: output.data[VEGALITE_MIME], svg: Array.isArray(svg) ? svg.join("") : svg, cellIndex, outputIndex });
    }
  });
  return charts;
}

/** The compiled project (dist/), for Chart and save(); bootstrap() has just built it. */
export async function loadDist() {
  const mod = await import(pathToFileURL(path.join(REPO, "dist", "index.js")).href);
  return mod.default ?? mod;
}
