// Chart specs: pure functions from tidy rows to an immutable Chart (a Vega-Lite v5 spec).
export * from "./chart";
export * from "./theme";
export * from "./outcome";
export * from "./sweep";
export * from "./histogram";
export * from "./ecdf";
export * from "./heatmap";
export * from "./timeline";
export * from "./sequence";
export * from "./param";
export { fieldTitle } from "./_internals/rows";
export type { Row as ChartRow } from "./_internals/rows";
export * from "./axes";
export * from "./dot-plot";
export * from "./closed-form-ticks";
export * from "./ladder-matrix";
export * from "./pmf";
