// npm run notebooks [-- NAME...]: executes the lesson notebooks headlessly, in place (outputs saved so
// they render on GitHub), with the strict runner. NAME may be a file name, a path or a prefix ("01").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bootstrap, jupyterEnv, REPO, runMain, UserError } from "./lib/bootstrap.mjs";

export function lessonNotebooks(names = []) {
  const dir = path.join(REPO, "notebooks");
  const all = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort() : [];
  if (names.length === 0) return all.map((f) => path.join(dir, f));
  return names.map((name) => {
    if (fs.existsSync(name) && name.endsWith(".ipynb")) return path.resolve(name);
    const hits = all.filter((f) => f === name || f === `${name}.ipynb` || f.startsWith(name));
    if (hits.length !== 1) {
      throw new UserError(`${JSON.stringify(name)} matches ${hits.length === 0 ? "no" : hits.length} notebooks; known: ${all.join(", ")}`);
    }
    return path.join(dir, hits[0]);
  });
}

/** Runs the strict runner; returns its exit status. */
export function runNotebooks(python, files, extraArgs = []) {
  const runner = path.join(REPO, "scripts", "run_notebooks.py");
  const res = spawnSync(python, [runner, ...extraArgs, ...files], { cwd: REPO, stdio: "inherit", env: jupyterEnv() });
  return res.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(() => {
    const files = lessonNotebooks(process.argv.slice(2));
    if (files.length === 0) throw new UserError("notebooks/ holds no notebooks.");
    const { python } = bootstrap();
    return runNotebooks(python, files, ["--in-place"]);
  });
}
