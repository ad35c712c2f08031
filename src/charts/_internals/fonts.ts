/** The bundled DejaVu font files (dejavu-fonts-ttf), used for PNG rasterizing and text measurement. */
import * as fs from "fs";
import * as path from "path";

let fontFiles: string[] | undefined;

/** Absolute paths of the DejaVu Sans (regular, bold, oblique) and Mono TTFs from the dejavu-fonts-ttf package. */
export function dejaVuFontFiles(): string[] {
  if (fontFiles === undefined) {
    const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const names = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf", "DejaVuSansMono.ttf"];
    const files = names.map((name) => path.join(dir, name));
    const missing = files.filter((file) => !fs.existsSync(file));
    if (missing.length > 0) throw new Error(`DejaVu fonts missing (is dejavu-fonts-ttf installed?): ${missing.join(", ")}`);
    fontFiles = files;
  }
  return fontFiles;
}
