/**
 * Notebook 00: the published failure figures of data/ turned into "a failure every X minutes" for a
 * cluster of a chosen size, and Dean's first-year list as "one every X days".
 */
import { failureIntervalAt, loadFailureData, type FailureData, type FailureFigure } from "./data";
import { checkInteger } from "../validate";

const MINUTES_PER_DAY = 1440;

/** One published per-node rate, scaled to a cluster. */
export interface PublishedIntervalRow {
  /** Short label: "<source name and year>: <item>", e.g. "Backblaze 2023: all data drives". */
  figure: string;
  sourceId: string;
  /** "Authors (year)". */
  citation: string;
  item: string;
  /** What the number measures, e.g. "annualized_failure_rate", "mttf", "annual_replacement_rate". */
  metric: string;
  /** Failures (or replacements) per node per year, as a percentage. */
  percentPerYear: number;
  clusterSize: number;
  /** Mean minutes between failures in the whole cluster. */
  minutesBetweenFailures: number;
  failuresPerDay: number;
}

/** Options of {@link publishedFailureIntervals}. */
export interface PublishedIntervalOptions {
  /** Number of nodes (drives) in the cluster, an integer in [1, 1e12]. @defaultValue 100_000 */
  clusterSize?: number;
  /** The loaded data. @defaultValue loadFailureData() */
  data?: FailureData;
}

/** A short citation of a figure's source: "Klein (Backblaze) 2024", "Schroeder & Gibson 2007", "Pinheiro et al. 2007". */
export function shortCitation(f: FailureFigure): string {
  const surname = (author: string): string => {
    const paren = author.indexOf("(");
    const name = (paren > 0 ? author.slice(0, paren) : author).trim().split(" ");
    return `${name[name.length - 1]}${paren > 0 ? ` ${author.slice(paren).trim()}` : ""}`;
  };
  const authors = f.source.authors.split(",").map((a) => a.trim()).filter((a) => a.length > 0);
  const who = authors.length === 1 ? surname(authors[0])
    : authors.length === 2 ? `${surname(authors[0])} & ${surname(authors[1])}` : `${surname(authors[0])} et al.`;
  return `${who} ${f.source.year}`;
}

/** "backblaze-2023" -> "Backblaze 2023": the id's words capitalised, dashes as spaces. */
export function sourceName(sourceId: string): string {
  return sourceId.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

/**
 * Every figure with a positive per-node yearly rate (AFRs, replacement rates, datasheet MTTFs), as
 * minutes between failures in a cluster of `clusterSize` nodes. Figures with a zero rate (a model
 * with no failures in the period) and counts are left out. Sorted from the most to the least frequent.
 *
 * @example publishedFailureIntervals({ clusterSize: 1e6 })[0].minutesBetweenFailures
 */
export function publishedFailureIntervals(options: PublishedIntervalOptions = {}): PublishedIntervalRow[] {
  const clusterSize = checkInteger("clusterSize", options.clusterSize ?? 100_000, 1, 1e12);
  const data = options.data ?? loadFailureData();
  const rows = data.figures
    .filter((f) => f.ratePerNodePerYear !== null && f.ratePerNodePerYear > 0)
    .map((f) => {
      const rate = f.ratePerNodePerYear as number;
      const minutes = failureIntervalAt(rate, clusterSize);
      return {
        figure: `${sourceName(f.sourceId)}: ${f.item}`, sourceId: f.sourceId, citation: shortCitation(f), item: f.item,
        metric: f.metric, percentPerYear: Number((rate * 100).toPrecision(6)), clusterSize,
        minutesBetweenFailures: minutes, failuresPerDay: MINUTES_PER_DAY / minutes,
      };
    });
  return rows.sort((a, b) => a.minutesBetweenFailures - b.minutesBetweenFailures);
}

/** One event type of Dean's list: how often it happens in a new cluster's first year. */
export interface DeanEventRow {
  event: string;
  perYear: number | null;
  /** 365 / perYear, or null when the talk gives only words. */
  daysBetween: number | null;
  notes: string;
}

/** Dean's first-year list (per cluster, not per machine), most frequent first; word-only entries last. */
export function deanFirstYearEvents(data: FailureData = loadFailureData()): DeanEventRow[] {
  return data.figures
    .filter((f) => f.sourceId === "dean-2009")
    .map((f) => ({
      event: f.item,
      perYear: f.eventsPerClusterYear,
      daysBetween: f.eventsPerClusterYear ? 365 / f.eventsPerClusterYear : null,
      notes: f.notes,
    }))
    .sort((a, b) => (b.perYear ?? Infinity) - (a.perYear ?? Infinity));
}
