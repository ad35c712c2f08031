/**
 * A small subset of d3-format, for sizing charts around labels that Vega formats itself (the
 * text drawn always comes from Vega's own `format`): ".2f", ".3~g", ".3g", "d", ",", "~%", ".1%".
 * Other specifiers fall back to 4 significant digits, which is close enough for a width.
 */
export function d3Format(specifier: string, value: number): string {
  const m = /^(,)?(?:\.(\d+))?(~)?([fgd%])?$/.exec(specifier);
  if (!m || !Number.isFinite(value)) return String(Number(value.toPrecision(4)));
  const [, comma, digits, trim, type] = m;
  const precision = digits === undefined ? undefined : Number(digits);
  let text: string;
  switch (type) {
    case "f":
      text = value.toFixed(precision ?? 6);
      break;
    case "%":
      text = `${(value * 100).toFixed(precision ?? 0)}`;
      break;
    case "d":
      text = Math.round(value).toString();
      break;
    default:
      text = precision === undefined ? String(value) : value.toPrecision(Math.max(1, precision));
      if (/e/.test(text)) text = String(Number(text));
  }
  if (trim && text.includes(".")) text = text.replace(/\.?0+$/, "");
  if (comma) text = text.replace(/^(-?\d+)/, (i) => i.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  return type === "%" ? `${text}%` : text;
}
