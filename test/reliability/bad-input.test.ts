import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { BAD_INPUT_CASES } from "./bad-input.cases";
import { errorsTable, thrownBy, withTable } from "./errors-doc";
import { REPO } from "./repo";

const DOC = path.join(REPO, "docs", "errors.md");

for (const [i, c] of BAD_INPUT_CASES.entries()) {
  test(`#${i + 1} ${c.entry}(${c.param} = ${c.value}) throws an error naming ${c.param}`, async () => {
    const e = await thrownBy(c);
    assert.ok(e, `${c.entry} accepted ${c.param} = ${c.value} without an error`);
    assert.ok(e instanceof Error, `${c.entry} threw a non-Error: ${String(e)}`);
    assert.match(e.message, c.expect);
  });
}

test("docs/errors.md has exactly the table of test/reliability/bad-input.cases.ts (ERRORS_DOC=write rewrites it)", async () => {
  const table = await errorsTable(BAD_INPUT_CASES);
  const doc = fs.readFileSync(DOC, "utf8");
  const wanted = withTable(doc, table);
  if (process.env.ERRORS_DOC === "write" && wanted !== doc) fs.writeFileSync(DOC, wanted);
  else assert.equal(doc, wanted, "docs/errors.md is out of date: run the bad-input test with ERRORS_DOC=write");
});
