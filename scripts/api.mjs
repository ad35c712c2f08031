// The API report (api-extractor.json): `node scripts/api.mjs` checks that the API exported by
// dist/index.d.ts is the one recorded in etc/distsys-lab.api.md (as `npm test` does) and prints
// the difference when it is not; `--update` (`npm run api`) rewrites the report instead.
// `--project DIR` runs on another folder holding api-extractor.json, tsconfig.json, package.json and
// dist/ (the tests use a small one). Exit code: 0 clean, 1 the check failed, 2 it could not run.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { Extractor, ExtractorConfig } = require("@microsoft/api-extractor");

/**
 * Runs the check (or, with `update`, rewrites the report) for the project in `projectFolder`.
 * Returns { ok, changed, warnings, errors, report } (`report`: the committed report's path).
 */
export function apiReport({ projectFolder = REPO, update = false } = {}) {
  const configFile = path.join(projectFolder, "api-extractor.json");
  const config = ExtractorConfig.loadFileAndPrepare(configFile);
  if (!fs.existsSync(config.mainEntryPointFilePath)) {
    throw new Error(`${path.relative(projectFolder, config.mainEntryPointFilePath)} is missing: run \`npm run build\` first.`);
  }
  const result = Extractor.invoke(config, { localBuild: update, printApiReportDiff: !update });
  const report = path.join(config.reportFolder, config.reportConfigs[0].fileName);
  // A changed (or created) report is itself one warning ("You have changed the API signature ...").
  const warnings = result.warningCount - (result.apiReportChanged ? 1 : 0);
  const ok = update ? result.errorCount === 0 : result.succeeded;
  return { ok, changed: result.apiReportChanged, warnings, errors: result.errorCount, report };
}

function main(argv) {
  const update = argv.includes("--update");
  const at = argv.indexOf("--project");
  const projectFolder = at >= 0 ? path.resolve(argv[at + 1]) : REPO;
  let res;
  try {
    res = apiReport({ projectFolder, update });
  } catch (err) {
    console.error(`API report: ${err.message}`);
    if (/Internal Error/.test(err.message)) {
      console.error("API report: a declaration in dist/ names something that cannot be found (a stale or broken dist/, or node_modules missing): run `npm run build` and try again.");
    }
    return 2;
  }
  const report = path.relative(projectFolder, res.report);
  const warned = res.warnings > 0
    ? `${res.warnings} warning(s) above: fix them in src/ (an ae-forgotten-export names a type that a public signature uses: export it from src/index.ts)`
    : "";
  if (update) {
    console.log(res.changed ? `API report: ${report} updated; review the diff and commit it.` : `API report: ${report} is up to date.`);
    if (warned) console.log(`API report: ${warned}. The check in \`npm test\` fails until they are fixed.`);
  } else if (res.ok) {
    console.log(`API report: the exported API matches ${report}.`);
  } else {
    if (res.changed) console.log(`API report: the exported API differs from ${report} (diff above). If the change is meant, run \`npm run api\` and commit ${report}.`);
    if (warned) console.log(`API report: ${warned}.`);
    if (res.errors > 0) console.log(`API report: ${res.errors} error(s) above.`);
  }
  return res.ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
