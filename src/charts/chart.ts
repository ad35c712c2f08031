import { checkPositive, fail } from "../validate";
import { deepCopy, deepFreeze, deepMerge, isPlainObject, JsonObject } from "./_internals/json";
import { chartTheme } from "./theme";

/** The Vega-Lite v5 JSON schema URL every spec carries. */
export const VEGA_LITE_SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v5.json";

/** A Vega-Lite v5 top-level spec as plain JSON (validated by the renderers, not by the type). */
export type VegaLiteSpec = { [key: string]: unknown };

/**
 * An immutable chart: a Vega-Lite v5 spec plus an optional name for figure files.
 * Every method returns a new Chart; `toSpec()` gives the one spec that feeds every renderer
 * (notebook display, SVG, PNG, HTML and JSON files).
 *
 * @example
 * const c = Chart.of({ mark: "bar", data: { values: rows }, encoding: {...} }).title("Outcomes").size(400, 240);
 */
export class Chart {
  /** The spec without the theme (deep-frozen). */
  private readonly spec: VegaLiteSpec;
  /** The figure name used for file names, or undefined. */
  readonly figureName: string | undefined;

  private constructor(spec: VegaLiteSpec, figureName: string | undefined) {
    this.spec = deepFreeze(spec);
    this.figureName = figureName;
  }

  /** Wraps a Vega-Lite spec (copied, so later changes to `spec` do not affect the chart). */
  static of(spec: VegaLiteSpec, figureName?: string): Chart {
    if (!isPlainObject(spec)) fail("Chart.of(spec) spec", spec, "a Vega-Lite spec object");
    const copy = deepCopy(spec);
    delete copy.$schema;
    const chart = new Chart(copy, undefined);
    return figureName === undefined ? chart : chart.name(figureName);
  }

  /** A copy with a title (and optional subtitle). */
  title(text: string, subtitle?: string): Chart {
    if (typeof text !== "string") fail("Chart.title(text) text", text, "a string");
    if (subtitle !== undefined && typeof subtitle !== "string") fail("Chart.title(text, subtitle) subtitle", subtitle, "a string");
    const title: JsonObject = subtitle === undefined ? { text } : { text, subtitle };
    return new Chart({ ...this.spec, title }, this.figureName);
  }

  /**
   * A copy with a one-sentence description of what the chart shows (the Vega-Lite `description`),
   * used as alt text wherever the chart goes: the notebook output, the SVG's `<desc>`, saved HTML
   * pages, slide decks and the figure gallery. Every builder sets a default derived from its axes
   * and data; override it when the chart has a point to make.
   * @example chart.description("Simulated share of executed commands falls from 100% to 50% as the loss rate grows to 0.5, on the line 1 − p.")
   */
  description(text: string): Chart {
    if (typeof text !== "string" || text.trim().length === 0) fail("Chart.description(text) text", text, "a non-empty string");
    return new Chart({ ...this.spec, description: text.trim() }, this.figureName);
  }

  /** The chart's description: the one set by its builder or {@link Chart.description}, else one derived from its marks and axes. */
  descriptionText(): string {
    const own = this.spec.description;
    return typeof own === "string" && own.trim().length > 0 ? own : genericDescription(this.spec);
  }

  /**
   * The alt text of the chart's images: its title (and subtitle) followed by its description,
   * e.g. `"Outcomes of one command. Bar chart of probability for each outcome: ..."`.
   */
  altText(): string {
    const title = titleText(this.spec.title);
    const subtitle = isPlainObject(this.spec.title) ? titleLine(this.spec.title.subtitle) : "";
    const head = [title, subtitle].filter((t) => t.length > 0).map(sentence).join(" ");
    return head.length > 0 ? `${head} ${this.descriptionText()}` : this.descriptionText();
  }

  /** A copy with the plotting area set to `widthPx` x `heightPx` pixels. */
  size(widthPx: number, heightPx: number): Chart {
    checkPositive("Chart.size(widthPx, heightPx) widthPx", widthPx);
    checkPositive("Chart.size(widthPx, heightPx) heightPx", heightPx);
    return new Chart({ ...this.spec, width: widthPx, height: heightPx }, this.figureName);
  }

  /**
   * A copy with a figure name, used to derive file names (letters, digits, `.`, `_`, `-`;
   * starting with a letter or digit), e.g. `"loss-sweep"`.
   */
  name(figureName: string): Chart {
    if (typeof figureName !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(figureName)) {
      fail("Chart.name(figureName) figureName", figureName, "1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return new Chart(this.spec, figureName);
  }

  /**
   * A copy with `partialSpec` deep-merged into the spec: plain objects merge key by key, arrays and
   * other values replace, and a key set to `undefined` is removed.
   * @example chart.props({ encoding: { y: { scale: { type: "log" } } } })
   */
  props(partialSpec: VegaLiteSpec): Chart {
    if (!isPlainObject(partialSpec)) fail("Chart.props(partialSpec) partialSpec", partialSpec, "a plain object");
    return new Chart(deepMerge(this.spec, partialSpec), this.figureName);
  }

  /**
   * A copy whose spec is `fn(spec)`, where `spec` is a private copy of the chart's own spec (without
   * `$schema` and theme) that `fn` may change in place or replace. For building new kinds of chart.
   */
  mapSpec(fn: (spec: VegaLiteSpec) => VegaLiteSpec | void): Chart {
    const copy = deepCopy(this.spec) as VegaLiteSpec;
    const result = fn(copy);
    const next = result === undefined ? copy : result;
    if (!isPlainObject(next)) fail("Chart.mapSpec(fn) result", next, "a plain spec object");
    delete next.$schema;
    return new Chart(deepCopy(next), this.figureName);
  }

  /** The full Vega-Lite v5 spec: `$schema`, the theme config (under the chart's own config) and the chart. */
  toSpec(): VegaLiteSpec {
    const own = deepCopy(this.spec) as JsonObject;
    const config = isPlainObject(own.config) ? deepMerge(chartTheme(), own.config) : chartTheme();
    delete own.config;
    own.description = this.descriptionText();
    return { $schema: VEGA_LITE_SCHEMA_URL, ...own, config };
  }

  /** Same as {@link Chart.toSpec}, so `JSON.stringify(chart)` gives the spec. */
  toJSON(): VegaLiteSpec {
    return this.toSpec();
  }

  /** A one-line description, e.g. `Chart "loss-sweep": Success rate vs loss rate (layer of 3 marks, 40 rows)`. */
  describe(): string {
    const spec = this.spec;
    const named = this.figureName === undefined ? "Chart" : `Chart ${JSON.stringify(this.figureName)}`;
    const title = titleText(spec.title);
    const parts: string[] = [];
    if (Array.isArray(spec.layer)) parts.push(`layer of ${spec.layer.length} marks`);
    else if (spec.mark !== undefined) parts.push(`${markType(spec.mark)} mark`);
    else if (spec.hconcat || spec.vconcat || spec.concat) parts.push("concatenated views");
    else if (spec.facet || spec.repeat) parts.push("faceted views");
    const rows = countRows(spec);
    if (rows > 0) parts.push(`${rows} rows`);
    const detail = parts.length > 0 ? ` (${parts.join(", ")})` : "";
    return `${named}${title ? `: ${title}` : ""}${detail}`;
  }
}

function titleText(title: unknown): string {
  return isPlainObject(title) ? titleLine(title.text) : titleLine(title);
}

function titleLine(text: unknown): string {
  if (typeof text === "string") return text.trim();
  if (Array.isArray(text)) return text.map(String).join(" ").trim();
  return "";
}

/** Ends a title with a full stop unless it ends with punctuation already. */
function sentence(text: string): string {
  return /[.!?:;…]$/.test(text) ? text : `${text}.`;
}

/** A description from the marks and axis titles, for charts made with Chart.of and no description. */
function genericDescription(spec: JsonObject): string {
  const marks: string[] = [];
  let xTitle = "";
  let yTitle = "";
  const visit = (node: unknown): void => {
    if (!isPlainObject(node)) return;
    if (node.mark !== undefined) {
      const type = markType(node.mark);
      if (!marks.includes(type)) marks.push(type);
    }
    const enc = isPlainObject(node.encoding) ? node.encoding : {};
    const axisTitle = (def: unknown) => (isPlainObject(def) ? (typeof def.title === "string" ? def.title : typeof def.field === "string" ? def.field : "") : "");
    xTitle ||= axisTitle(enc.x);
    yTitle ||= axisTitle(enc.y);
    for (const key of ["layer", "hconcat", "vconcat", "concat"]) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach(visit);
    if (isPlainObject(node.spec)) visit(node.spec);
  };
  visit(spec);
  const kind = marks.length > 0 ? `${marks.join(" and ")} chart` : "Chart";
  const of = yTitle ? ` of ${yTitle}` : "";
  const against = xTitle ? `${of ? " against" : " over"} ${xTitle}` : "";
  const text = `${kind}${of}${against}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function markType(mark: unknown): string {
  if (typeof mark === "string") return mark;
  if (isPlainObject(mark) && typeof mark.type === "string") return mark.type;
  return "unknown";
}

function countRows(spec: JsonObject): number {
  let total = 0;
  if (isPlainObject(spec.datasets)) {
    for (const rows of Object.values(spec.datasets)) if (Array.isArray(rows)) total += rows.length;
  }
  const visit = (node: unknown): void => {
    if (!isPlainObject(node)) return;
    if (isPlainObject(node.data) && Array.isArray(node.data.values)) total += node.data.values.length;
    for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
      const children = node[key];
      if (Array.isArray(children)) children.forEach(visit);
    }
    if (isPlainObject(node.spec)) visit(node.spec);
  };
  visit(spec);
  return total;
}
