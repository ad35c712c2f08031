import { describeValue } from "../validate";
import { Chart, VegaLiteSpec } from "./chart";
import { isPlainObject } from "./_internals/json";
import { fieldTitle, Row } from "./_internals/rows";

/** A parameter bound to a precomputed sweep column; see {@link withParam}. */
export interface ChartParam {
  /** Parameter name: a JavaScript identifier, not a reserved Vega name such as "width". */
  name: string;
  /** The data column holding the swept value (present in the chart's rows). */
  field: string;
  /** The choices; each must occur in the column. @defaultValue the column's distinct values, sorted */
  values?: readonly (number | string)[];
  /** The widget. @defaultValue "slider" when every value is a number, otherwise "dropdown" */
  kind?: "slider" | "dropdown";
  /** Widget label. @defaultValue derived from the field name, e.g. "timeout (ms)" */
  label?: string;
  /** Value shown first. @defaultValue the first of `values` */
  initial?: number | string;
}

const RESERVED = new Set(["width", "height", "padding", "autosize", "background", "datum", "event", "item", "parent", "cursor", "PI", "E"]);

/**
 * Adds a widget (slider or dropdown) that filters the chart's rows to one value of a precomputed
 * sweep column, so the chart is interactive without a kernel (in JupyterLab, HTML files, VS Code).
 * Every data source holding `field` is filtered; other layers (say, a closed form without the
 * column) stay as they are. A slider snaps to the nearest value in `values`.
 * Given a builder instead of a chart, returns a builder that adds the parameter to each chart it builds.
 * @example withParam(sweepChart(rows, { x: "lossRate", y: "p" }), { name: "timeout", field: "timeoutMs" })
 */
export function withParam(chart: Chart, param: ChartParam): Chart;
export function withParam<A extends unknown[]>(builder: (...args: A) => Chart, param: ChartParam): (...args: A) => Chart;
export function withParam<A extends unknown[]>(target: Chart | ((...args: A) => Chart), param: ChartParam): Chart | ((...args: A) => Chart) {
  checkParam(param);
  if (target instanceof Chart) return addParam(target, param);
  if (typeof target === "function") return (...args: A) => addParam(target(...args), param);
  throw new TypeError(`withParam: first argument must be a Chart or a chart builder function; got ${describeValue(target)}`);
}

function checkParam(param: ChartParam): void {
  if (!isPlainObject(param)) throw new TypeError(`withParam: param must be an object { name, field, values?, kind? }; got ${describeValue(param)}`);
  const known = ["name", "field", "values", "kind", "label", "initial"];
  for (const key of Object.keys(param)) {
    if (!known.includes(key)) throw new TypeError(`withParam: unknown param option ${JSON.stringify(key)}; known options: ${known.join(", ")}`);
  }
  if (typeof param.name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(param.name) || RESERVED.has(param.name)) {
    throw new RangeError(`withParam: param.name must be an identifier that is not a reserved Vega name (width, height, datum, ...); got ${describeValue(param.name)}`);
  }
  if (typeof param.field !== "string" || param.field.length === 0) {
    throw new TypeError(`withParam: param.field must be a field name (a non-empty string); got ${describeValue(param.field)}`);
  }
  if (param.kind !== undefined && param.kind !== "slider" && param.kind !== "dropdown") {
    throw new RangeError(`withParam: param.kind must be "slider" or "dropdown"; got ${describeValue(param.kind)}`);
  }
}

function addParam(chart: Chart, param: ChartParam): Chart {
  return chart.mapSpec((spec) => {
    const sources = dataSources(spec, param.field);
    if (sources.column.length === 0) {
      throw new RangeError(`withParam: field ${JSON.stringify(param.field)} is not in the chart's data`);
    }
    const present = [...new Set(sources.column)];
    const values = param.values ? [...param.values] : sortValues(present);
    if (values.length === 0) throw new RangeError("withParam: param.values is empty; pass at least one value");
    values.forEach((v, i) => {
      if (!present.some((p) => p === v)) {
        throw new RangeError(`withParam: param.values[${i}] = ${describeValue(v)} does not occur in column ${JSON.stringify(param.field)}`);
      }
    });
    const numeric = values.every((v) => typeof v === "number");
    const kind = param.kind ?? (numeric ? "slider" : "dropdown");
    if (kind === "slider" && !numeric) throw new RangeError(`withParam: a slider needs numeric values; column ${JSON.stringify(param.field)} has ${describeValue(values.find((v) => typeof v !== "number"))}`);
    const initial = param.initial ?? values[0];
    if (!values.includes(initial)) throw new RangeError(`withParam: param.initial must be one of param.values; got ${describeValue(initial)}`);
    const label = param.label ?? fieldTitle(param.field);
    const access = `datum[${JSON.stringify(param.field)}]`;
    let bind: object;
    let test: string;
    if (kind === "slider") {
      const sorted = (values as number[]).slice().sort((a, b) => a - b);
      const min = sorted[0];
      const max = sorted[sorted.length - 1];
      const gaps = sorted.slice(1).map((v, i) => v - sorted[i]);
      const step = gaps.length === 0 ? 1 : Math.max(Math.min(...gaps), (max - min) / 200);
      bind = { input: "range", min, max: max === min ? min + 1 : max, step, name: `${label} ` };
      test = `${access} === ${nearest(param.name, sorted)}`;
    } else {
      bind = { input: "select", options: values, name: `${label} ` };
      test = `${access} == ${param.name}`;
    }
    const params = Array.isArray(spec.params) ? spec.params : [];
    if (params.some((p) => isPlainObject(p) && p.name === param.name)) throw new RangeError(`withParam: the chart already has a param named ${JSON.stringify(param.name)}`);
    spec.params = [...params, { name: param.name, value: initial, bind }];
    for (const node of sources.nodes) {
      const transform = Array.isArray(node.transform) ? node.transform : [];
      node.transform = [{ filter: test }, ...transform];
    }
    fixDomains(spec);
    if (typeof spec.description === "string") {
      spec.description = `${spec.description.replace(/\.$/, "")}; a ${kind === "slider" ? "slider" : "drop-down list"} picks the ${label}.`;
    }
    return spec;
  });
}

/** A Vega expression mapping the slider's value to the nearest of the sorted values. */
function nearest(name: string, sorted: number[]): string {
  let expr = String(sorted[sorted.length - 1]);
  for (let i = sorted.length - 2; i >= 0; i--) {
    const mid = (sorted[i] + sorted[i + 1]) / 2;
    expr = `(${name} < ${mid} ? ${sorted[i]} : ${expr})`;
  }
  return expr;
}

function sortValues(values: unknown[]): (number | string)[] {
  const kept = values.filter((v): v is number | string => typeof v === "number" || typeof v === "string");
  return kept.every((v) => typeof v === "number") ? (kept as number[]).sort((a, b) => a - b) : kept.map(String).sort();
}

/** The spec nodes whose own data holds `field` (top level and layers), and that column's values. */
function dataSources(spec: VegaLiteSpec, field: string): { nodes: Record<string, unknown>[]; column: unknown[] } {
  const datasets = isPlainObject(spec.datasets) ? spec.datasets : {};
  const rowsOf = (node: Record<string, unknown>): Row[] | undefined => {
    const data = node.data;
    if (!isPlainObject(data)) return undefined;
    if (Array.isArray(data.values)) return data.values as Row[];
    if (typeof data.name === "string" && Array.isArray(datasets[data.name])) return datasets[data.name] as Row[];
    return undefined;
  };
  const nodes: Record<string, unknown>[] = [];
  const column: unknown[] = [];
  const visit = (node: Record<string, unknown>) => {
    const rows = rowsOf(node);
    if (rows && rows.some((r) => isPlainObject(r) && field in r)) {
      nodes.push(node);
      for (const r of rows) if (isPlainObject(r) && r[field] !== undefined) column.push(r[field]);
    }
    if (Array.isArray(node.layer)) for (const child of node.layer) if (isPlainObject(child)) visit(child);
  };
  visit(spec);
  return { nodes, column };
}

/**
 * Fixes the x and y domains of quantitative scales to the extent of all rows, so the axes stay put
 * while the widget filters. Skipped for a channel when some layer already sets a domain.
 */
function fixDomains(spec: VegaLiteSpec): void {
  const datasets = isPlainObject(spec.datasets) ? spec.datasets : {};
  // [encoding, rows it reads] for every unit, walking layers (children inherit their parent's rows).
  const units: [Record<string, unknown>, Row[]][] = [];
  const visit = (node: Record<string, unknown>, inherited: Row[]) => {
    const data = node.data;
    let rows = inherited;
    if (isPlainObject(data) && Array.isArray(data.values)) rows = data.values as Row[];
    else if (isPlainObject(data) && typeof data.name === "string" && Array.isArray(datasets[data.name])) rows = datasets[data.name] as Row[];
    if (isPlainObject(node.encoding)) units.push([node.encoding, rows]);
    if (Array.isArray(node.layer)) for (const child of node.layer) if (isPlainObject(child)) visit(child, rows);
  };
  visit(spec, []);
  for (const channel of ["x", "y"]) {
    const defs = units.filter(([enc]) => isPlainObject(enc[channel]) && (enc[channel] as Row).type === "quantitative");
    if (defs.length === 0) continue;
    const scales = defs.map(([enc]) => (enc[channel] as Row).scale);
    if (scales.some((sc) => isPlainObject(sc) && sc.domain !== undefined)) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const [enc, rows] of defs) {
      const fields = [(enc[channel] as Row).field, isPlainObject(enc[`${channel}2`]) ? (enc[`${channel}2`] as Row).field : undefined];
      for (const field of fields) {
        if (typeof field !== "string") continue;
        for (const row of rows) {
          const v = row[field];
          if (typeof v === "number" && Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
        }
      }
    }
    if (!(lo <= hi)) continue;
    const log = scales.some((sc) => isPlainObject(sc) && sc.type === "log");
    const zero = !log && scales.every((sc) => !(isPlainObject(sc) && sc.zero === false));
    const domain = zero ? [Math.min(0, lo), Math.max(0, hi)] : [lo, hi];
    for (const [enc] of defs) {
      const def = enc[channel] as Row;
      def.scale = { ...(isPlainObject(def.scale) ? def.scale : {}), domain };
    }
  }
}
