/** MIME types used by notebook display, defined in one place. */

/** Vega-Lite v5 spec as a JSON object (JupyterLab, Notebook 7, VS Code render it interactively). */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";
/** Static SVG (classic Notebook, GitHub, nbviewer). */
export const SVG_MIME = "image/svg+xml";
/** Static PNG, base64 (everywhere else; slides). */
export const PNG_MIME = "image/png";
/** Plain-text fallback. */
export const TEXT_MIME = "text/plain";
/**
 * The same image as an HTML `<img>` with alt text, in Markdown. `jupyter nbconvert --to html` and
 * nbviewer rank text/markdown above the images (and its HTML exporter warns about every `<img>`
 * without `alt`), while JupyterLab, Notebook 7 and VS Code rank Vega-Lite above it.
 */
export const MARKDOWN_MIME = "text/markdown";
