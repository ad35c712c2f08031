import * as fs from "fs";
import * as path from "path";

/**
 * The repository root, whether the tests run from the source tree or a compiled out dir (which
 * mirrors test/ but has no scripts/ or docs/): the first candidate holding package.json and scripts/.
 */
export const REPO = [path.resolve(__dirname, "../.."), path.resolve(__dirname, "../../.."), process.cwd()]
  .find((d) => fs.existsSync(path.join(d, "scripts", "fuzz", "properties.cjs")) && fs.existsSync(path.join(d, "package.json"))) ?? process.cwd();
