/**
 * Renders the bad-input table (bad-input.cases.ts) as the Markdown table of docs/errors.md, from the
 * messages the entry points really throw. bad-input.test.ts checks the file against it; to rewrite
 * the file after changing a row or a message, run the test with ERRORS_DOC=write.
 */
import * as os from "os";
import type { BadInputCase } from "./bad-input.cases";

export const TABLE_START = "<!-- bad-input table: generated from test/reliability/bad-input.cases.ts -->";
export const TABLE_END = "<!-- end of bad-input table -->";

/** Runs a row's call and returns what it threw (or null when it did not throw). */
export async function thrownBy(c: BadInputCase): Promise<Error | null> {
  try {
    await c.call();
  } catch (e) {
    return e as Error;
  }
  return null;
}

/** A message made machine-independent: the temp folder and random folder suffixes replaced. */
export function portableMessage(message: string): string {
  return message.split(os.tmpdir()).join("$TMP").replace(/distsys-save-[A-Za-z0-9]+/g, "distsys-save-XXXXXX");
}

const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown table, one line per row, between the start and end markers. */
export async function errorsTable(cases: readonly BadInputCase[]): Promise<string> {
  const lines = [TABLE_START, "", "| # | entry point | parameter | bad value | kind | error |", "| --- | --- | --- | --- | --- | --- |"];
  let i = 0;
  for (const c of cases) {
    const e = await thrownBy(c);
    const text = e ? `${e.name}: ${portableMessage(e.message)}` : "(no error: BUG)";
    lines.push(`| ${++i} | \`${cell(c.entry)}\` | \`${cell(c.param)}\` | ${cell(c.value)} | ${c.category} | ${cell(text)} |`);
  }
  lines.push("", TABLE_END);
  return lines.join("\n");
}

/** The doc with its table region replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const a = doc.indexOf(TABLE_START);
  const b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error(`docs/errors.md has no table markers (${TABLE_START} ... ${TABLE_END})`);
  return doc.slice(0, a) + table + doc.slice(b + TABLE_END.length);
}
