/**
 * Published failure figures (data/failure-figures.csv, data/failure-sources.csv; see data/README.md)
 * and the arithmetic that turns a per-node rate into "minutes between failures" for a whole cluster.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkInteger, checkKeys, checkPositive, fail } from "../validate";
import { DAYS_PER_YEAR, HOURS_PER_YEAR, MINUTES_PER_YEAR } from "./_units";

/** Where a figure comes from. */
export interface FailureSource {
  sourceId: string;
  authors: string;
  title: string;
  venue: string;
  year: number;
  url: string;
  /** What the numbers were checked against (primary text, or which secondary report). */
  checkedAgainst: string;
}

/** One published figure, plus its value converted to failures per node per year where that makes sense. */
export interface FailureFigure {
  sourceId: string;
  item: string;
  metric: string;
  /** The published number; null when the source gives only words ("thousands"). */
  value: number | null;
  unit: string;
  period: string;
  notes: string;
  /**
   * Failures (or replacements) per node per year: percent_per_year / 100; 8760 / MTTF in hours;
   * null for counts (drives, drive days, failures) and for per-cluster event counts.
   */
  ratePerNodePerYear: number | null;
  /** Events per cluster per year for Dean's list (unit events_per_cluster_year), else null. */
  eventsPerClusterYear: number | null;
  /** The source record (every figure has one; the loader throws otherwise). */
  source: FailureSource;
}

/** Everything in data/: the figures and their sources. */
export interface FailureData {
  figures: FailureFigure[];
  sources: FailureSource[];
}

/** Options for {@link loadFailureData}. */
export interface LoadFailureDataOptions {
  /**
   * Folder holding failure-figures.csv and failure-sources.csv.
   * @defaultValue the package's data/ folder (two levels up from dist/failures/ or build/src/failures/)
   */
  dataDir?: string;
}

/**
 * The package's data/ folder: the nearest `data/failure-figures.csv` walking up from this file
 * (dist/failures -> ../../data; build/src/failures -> ../../../data), else ./data under the working directory.
 */
function defaultDataDir(): string {
  const candidates: string[] = [];
  for (let up = 2; up <= 4; up++) candidates.push(join(__dirname, ...Array<string>(up).fill(".."), "data"));
  candidates.push(join(process.cwd(), "data"));
  for (const dir of candidates) {
    if (existsSync(join(dir, "failure-figures.csv"))) return dir;
  }
  return candidates[0];
}

/**
 * Reads the published failure figures with their sources and converts rates to failures per node
 * per year. Throws if a figure names a source that is not in failure-sources.csv.
 *
 * @example
 * const { figures } = loadFailureData();
 * figures.filter((f) => f.ratePerNodePerYear !== null).map((f) => [f.item, f.ratePerNodePerYear]);
 */
export function loadFailureData(options: LoadFailureDataOptions = {}): FailureData {
  checkKeys("loadFailureData options", options, ["dataDir"]);
  const dir = options.dataDir ?? defaultDataDir();
  if (typeof dir !== "string" || dir.length === 0) fail("dataDir", dir, "a non-empty path");
  const sources = parseCsv(readFileSync(join(dir, "failure-sources.csv"), "utf8")).map((r) => ({
    sourceId: r.source_id,
    authors: r.authors,
    title: r.title,
    venue: r.venue,
    year: Number(r.year),
    url: r.url,
    checkedAgainst: r.checked_against,
  }));
  const byId = new Map(sources.map((s) => [s.sourceId, s]));
  const figures = parseCsv(readFileSync(join(dir, "failure-figures.csv"), "utf8")).map((r, i) => {
    const source = byId.get(r.source_id);
    if (!source) fail(`failure-figures.csv row ${i + 1} source_id`, r.source_id, "an id listed in failure-sources.csv");
    const value = r.value === "" ? null : Number(r.value);
    if (value !== null && !Number.isFinite(value)) fail(`failure-figures.csv row ${i + 1} value`, r.value, "a number or empty");
    return {
      sourceId: r.source_id, item: r.item, metric: r.metric, value, unit: r.unit, period: r.period, notes: r.notes,
      ratePerNodePerYear: toRatePerNodePerYear(value, r.unit),
      eventsPerClusterYear: r.unit === "events_per_cluster_year" ? value : null,
      source,
    };
  });
  return { figures, sources };
}

/** Converts a published value to failures per node per year, or null when it is not a per-node rate. */
function toRatePerNodePerYear(value: number | null, unit: string): number | null {
  if (value === null) return null;
  if (unit === "percent_per_year") return round12(value / 100);
  if (unit === "hours") return round12(HOURS_PER_YEAR / value); // an MTTF
  return null;
}

/** Rounds away float noise such as 0.011200000000000002. */
const round12 = (x: number): number => Number(x.toPrecision(12));

/**
 * An annualized failure rate from a drive-days count, as Backblaze computes it:
 * failures / (driveDays / 365), in failures per drive per year (multiply by 100 for percent).
 */
export function annualizedFailureRate(failures: number, driveDays: number): number {
  checkInteger("failures", failures, 0);
  checkPositive("driveDays", driveDays);
  return failures / (driveDays / DAYS_PER_YEAR);
}

/**
 * Mean minutes between failures in a cluster of `clusterSize` nodes that each fail at
 * `ratePerNodePerYear` (independent nodes, so the cluster rate is the sum):
 * 525,600 / (rate * clusterSize). With MTBF 2 years (rate 0.5) and a million nodes: about 1.05 minutes,
 * i.e. about 0.95 failures per minute.
 */
export function failureIntervalAt(ratePerNodePerYear: number, clusterSize: number): number {
  checkPositive("ratePerNodePerYear", ratePerNodePerYear);
  checkInteger("clusterSize", clusterSize, 1, 1e12);
  return MINUTES_PER_YEAR / (ratePerNodePerYear * clusterSize);
}

/** Minimal CSV reader: a header row, comma separators, double-quoted fields with "" escapes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); field = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""])));
}
