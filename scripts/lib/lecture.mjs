// What a lecture deck shows, read from an executed notebook, for the reveal.js decks (deck.mjs) and
// the PowerPoint decks (pptx.mjs). Everything comes from the notebook's content and metadata, nothing
// is special-cased per notebook:
//   - the title slide: the notebook's # heading;
//   - each ## heading (a question) opens a section: a slide with the question and the prose that is
//     short enough to project; longer paragraphs are shortened to their first sentence, or go to the
//     speaker notes whole;
//   - each chart gets a slide of its own: the section's question as the title, the chart, and the
//     finding as the caption: the cell's metadata "distsys-lab": {"slide-caption": "..."} if it has
//     one, else the first bold sentence (**...**, three words or more, starting with a capital) in the
//     prose after the chart, else the first sentence of the prose cell just before it (not the one
//     with the question);
//   - printed output (console.log, tables) goes to the speaker notes, unless the cell's metadata has
//     "distsys-lab": {"slide-output": true}, which puts it on the slide;
//   - slide_type "skip" leaves a cell out, "notes" makes it speaker notes, "fragment" reveals it step
//     by step, "slide" / "subslide" start a new slide; the Exercises section comes last.

const TEXT = (v) => (Array.isArray(v) ? v.join("") : v ?? "");
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");

/** The slide type of a cell: slide, subslide, fragment, skip, notes or "-" (JupyterLab's slideshow metadata). */
export function slideType(cell) {
  const t = cell.metadata?.slideshow?.slide_type;
  return ["slide", "subslide", "fragment", "skip", "notes"].includes(t) ? t : "-";
}

/** Word budgets: a block shown on a slide has at most SHORT words, a slide's prose at most BODY. */
export const LIMITS = Object.freeze({ shortWords: 25, bodyWords: 40, bodyBlocks: 3, captionWords: 30, notesLines: 12 });

/** The cell's distsys-lab metadata (slide-caption, slide-output), {} if none. */
function cellOptions(cell) {
  const m = cell.metadata?.["distsys-lab"];
  return m && typeof m === "object" ? m : {};
}

function escapeText(text, escapeHtml) {
  return { html: `<p>${escapeHtml(text)}</p>`, text, words: text.split(/\s+/).filter(Boolean).length };
}

/**
 * The lecture: { title: piece, sections: [{ title: piece | null, exercises, slides: [slide] }] } where a
 * slide is { kind: "title" | "prose" | "chart", title: piece | null, body: [html], texts: [plain text
 * of each body element], words (the body's), notes: [html], notesText: [the same as plain text],
 * chart?: { name, named, spec, svg, alt }, caption?: piece, captionFrom?: "metadata" | "finding" | "prose
 * before" | null } and a piece is { html, text, words }; captionFrom says which rule gave the caption.
 * `blocks` maps a markdown cell's index to its blocks (markdown-blocks.mjs); `charts` are the
 * notebook's charts (executed.mjs notebookCharts); `alt(spec)` gives a chart's alt text.
 */
export function buildLecture(notebook, { blocks, charts, stem, escapeHtml, alt }) {
  const chartAt = new Map(charts.map((c) => [`${c.cellIndex}/${c.outputIndex}`, c]));
  const sections = [];
  let deckTitle = null;
  let section = null;
  let slide = null;
  let lastProse = null; // the last paragraph shown or noted since the last chart: { piece, hadFinding }
  let afterChart = null; // the chart slide the prose that follows belongs to, until the next chart or section

  const newSection = (title) => {
    section = { title, exercises: /^exercises?\b/i.test(title?.text ?? ""), slides: [] };
    sections.push(section);
    slide = { kind: sections.length === 1 ? "title" : "prose", title, body: [], texts: [], notes: [], notesText: [], words: 0 };
    section.slides.push(slide);
    lastProse = null;
    afterChart = null;
  };
  const newProseSlide = () => {
    slide = { kind: "prose", title: section.title, body: [], texts: [], notes: [], notesText: [], words: 0 };
    section.slides.push(slide);
    afterChart = null;
  };
  const ensureSection = () => section ?? newSection(deckTitle);
  // A piece fits on the slide if it is short, leaves the slide short, and names no parameter.
  const fits = (piece) => !piece.names && piece.words <= LIMITS.shortWords && slide.words + piece.words <= LIMITS.bodyWords && slide.body.length < LIMITS.bodyBlocks;
  const note = (target, html, text) => {
    target.notes.push(html);
    target.notesText.push(text);
  };
  const show = (piece, fragment) => {
    slide.body.push(fragment ? `<div class="fragment">${piece.html}</div>` : piece.html);
    slide.texts.push(piece.text);
    slide.words += piece.words;
  };

  notebook.cells.forEach((cell, index) => {
    const type = slideType(cell);
    if (type === "skip" || cell.cell_type === "raw") return;
    const options = cellOptions(cell);
    if (cell.cell_type === "markdown") {
      const list = blocks.get(index) ?? [];
      if (type === "notes") {
        ensureSection();
        for (const b of list) note(afterChart ?? slide, b.html, b.text);
        return;
      }
      const opensSection = list.some((b) => b.type === "heading" && b.level <= 2);
      if ((type === "slide" || type === "subslide") && section && !(list[0]?.type === "heading" && list[0].level <= 2)) newProseSlide();
      for (const block of list) {
        if (block.type === "heading" && block.level === 1) {
          deckTitle ??= block.inner;
          if (!section) newSection(deckTitle);
          continue;
        }
        if (block.type === "heading" && block.level === 2) {
          newSection(block.inner);
          continue;
        }
        ensureSection();
        if (afterChart) {
          // Prose after a chart: its finding is the chart's caption; the prose itself is for the notes.
          const finding = block.findings?.[0];
          if (!afterChart.caption && finding && !finding.names && finding.words <= LIMITS.captionWords) {
            afterChart.caption = finding;
            afterChart.captionFrom = "finding";
          }
          note(afterChart, block.html, block.text);
          lastProse = { piece: block.lead ?? block, hadFinding: Boolean(finding) };
          continue;
        }
        if (["heading", "paragraph", "list", "table", "block_math"].includes(block.type)) {
          const lead = block.type === "paragraph" ? block.lead : null;
          if (fits(block)) show(block, type === "fragment");
          else if (lead && fits(lead)) {
            show(lead, type === "fragment");
            note(slide, block.html, block.text);
          } else note(slide, block.html, block.text);
        } else note(slide, block.html, block.text);
        // A paragraph of the section's introduction (the cell with the question) is no chart's caption.
        if (block.type === "paragraph") lastProse = { piece: block.lead ?? block, hadFinding: block.findings.length > 0 || opensSection };
      }
      return;
    }
    if (cell.cell_type !== "code") return;
    (cell.outputs ?? []).forEach((output, outputIndex) => {
      const chart = chartAt.get(`${index}/${outputIndex}`);
      ensureSection();
      if (chart) {
        const before = lastProse && !lastProse.hadFinding && !lastProse.piece.names && lastProse.piece.words <= LIMITS.captionWords ? lastProse.piece : null;
        const given = typeof options["slide-caption"] === "string" && options["slide-caption"].trim();
        slide = {
          kind: "chart", title: section.title ?? deckTitle, body: [], texts: [], notes: [], notesText: [], words: 0,
          chart: { name: chart.name, named: chart.named, spec: chart.spec, svg: chart.svg, alt: alt(chart.spec) },
          caption: given ? escapeText(given, escapeHtml) : null,
          captionFrom: given ? "metadata" : null,
          captionBefore: before,
        };
        section.slides.push(slide);
        afterChart = slide;
        lastProse = null;
        return;
      }
      const text = outputText(output);
      if (!text) return;
      const pre = `<pre class="output">${escapeHtml(text)}</pre>`;
      if (options["slide-output"] === true) {
        if (afterChart) newProseSlide();
        slide.body.push(pre);
        slide.texts.push(text);
      } else {
        const lines = text.split("\n");
        const cut = lines.length > LIMITS.notesLines ? [...lines.slice(0, LIMITS.notesLines), "…"] : lines;
        note(afterChart ?? slide, `<pre class="output">${escapeHtml(cut.join("\n"))}</pre>`, cut.join("\n"));
      }
    });
  });

  for (const s of sections) {
    for (const sl of s.slides) {
      if (sl.kind === "chart") {
        if (!sl.caption && sl.captionBefore) sl.captionFrom = "prose before";
        sl.caption = sentence(sl.caption ?? sl.captionBefore);
        delete sl.captionBefore;
      }
    }
    // A section whose only slide is its question and that has charts: the charts carry the question.
    s.slides = s.slides.filter((sl) => sl.kind !== "prose" || sl.body.length > 0 || sl.notes.length > 0 || !s.slides.some((x) => x.kind === "chart"));
  }
  const filled = sections.filter((s) => s.slides.length > 0);
  return {
    title: deckTitle ?? escapeText(stem, escapeHtml),
    sections: [...filled.filter((s) => !s.exercises), ...filled.filter((s) => s.exercises)],
  };
}

/** A caption ends as a sentence does: "Neither side can tell" or "... its own:" -> "....". */
function sentence(piece) {
  if (!piece || /[.!?…]$/.test(piece.text)) return piece;
  const cut = /[:;,]$/.test(piece.text) ? 1 : 0;
  const html = piece.html.replace(/\s*<\/p>\s*$/, "").replace(cut ? /[:;,]$/ : /$/, "");
  return { ...piece, text: `${piece.text.slice(0, piece.text.length - cut)}.`, html: `${html}.</p>` };
}

/** The text an output shows (stream text, text/plain of a result), "" for none or for images. */
function outputText(output) {
  if (output.output_type === "stream") return stripAnsi(TEXT(output.text)).replace(/\s+$/, "");
  if (output.output_type === "error") return `${output.ename}: ${output.evalue}`;
  const data = output.data ?? {};
  if (data["image/svg+xml"] || data["image/png"] || data["text/markdown"] !== undefined) return "";
  return data["text/plain"] !== undefined ? stripAnsi(TEXT(data["text/plain"])).replace(/\s+$/, "") : "";
}
