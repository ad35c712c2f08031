// The dependency rules (.dependency-cruiser.cjs): `node scripts/deps.mjs` (`npm run deps`, and a
// step of `npm test`) checks every import in src/ against them and prints each violation with the
// rule it breaks. `--project DIR` checks another folder holding .dependency-cruiser.cjs,
// tsconfig.json and src/ (the tests use small ones). Exit code: 0 clean, 1 violations, 2 it could not run.
//
// dependency-cruiser (17.x, the line that supports Node 20) is called through its API so that the
// report can name each rule's explanation next to the violation.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Checks the imports under `projectFolder`/src. Paths in the rules and in the output are relative
 * to `projectFolder`, so this changes the working directory to it while it runs.
 * Returns { violations, output }: the number of rule violations and the readable report.
 */
export async function checkDependencies({ projectFolder = REPO } = {}) {
  const cwd = process.cwd();
  process.chdir(projectFolder);
  try {
    const options = await extractDepcruiseOptions("./.dependency-cruiser.cjs");
    const tsConfigFile = options.ruleSet?.options?.tsConfig?.fileName;
    const tsConfig = tsConfigFile ? extractTSConfig(tsConfigFile) : {};
    const result = await cruise(["src"], { ...options, outputType: "err-long" }, {}, { tsConfig });
    return { violations: result.exitCode, output: String(result.output).trim() };
  } finally {
    process.chdir(cwd);
  }
}

async function main(argv) {
  const at = argv.indexOf("--project");
  const projectFolder = at >= 0 ? path.resolve(argv[at + 1]) : REPO;
  let res;
  try {
    res = await checkDependencies({ projectFolder });
  } catch (err) {
    console.error(`dependency rules: could not check: ${err.message}`);
    return 2;
  }
  console.log(res.output);
  if (res.violations > 0) {
    console.log("\nEach violation names the rule it breaks; the rules and the layers are in .dependency-cruiser.cjs.");
  }
  return res.violations > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
