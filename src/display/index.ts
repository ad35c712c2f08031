// Display: show() for notebooks, save() for files, and the Node renderers behind them.
export * from "./mime";
export * from "./render";
export { chartHtml } from "./html";
export * from "./save";
export * from "./show";
export { findTslab } from "./kernel";
export type { TslabContext, DisplayWriter, TslabDisplay } from "./kernel";
