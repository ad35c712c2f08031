"""Reads .pptx files back with python-pptx and prints what they hold as JSON, for the PowerPoint deck
test (test/scripts/pptx.test.ts): per file the slide size, and per slide its shapes (kind, position
and size in EMU, text, a picture's alt text, image type and pixel size, whether it carries an SVG)
and its speaker notes.

    .venv/bin/python scripts/pptx_report.py deck.pptx [more.pptx ...]
"""
import json
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

SVG_NS = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def picture(shape, slide):
    image = shape.image
    out = {
        "alt": shape._element.nvPicPr.cNvPr.get("descr", ""),
        "contentType": image.content_type,
        "pixels": list(image.size),
        "svg": None,
    }
    for blip in shape._element.iter(SVG_NS):
        part = slide.part.related_part(blip.get(R_EMBED))
        out["svg"] = {"contentType": part.content_type, "bytes": len(part.blob), "isSvg": part.blob.lstrip().startswith(b"<svg")}
    return out


def report(file):
    prs = Presentation(file)
    slides = []
    for slide in prs.slides:
        shapes = []
        for shape in slide.shapes:
            item = {
                "kind": "picture" if shape.shape_type == MSO_SHAPE_TYPE.PICTURE else "text" if shape.has_text_frame else str(shape.shape_type),
                "left": shape.left, "top": shape.top, "width": shape.width, "height": shape.height,
                "text": shape.text_frame.text if shape.has_text_frame else "",
            }
            if item["kind"] == "picture":
                item.update(picture(shape, slide))
            shapes.append(item)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({"shapes": shapes, "notes": notes})
    return {"file": file, "width": prs.slide_width, "height": prs.slide_height, "slides": slides}


if __name__ == "__main__":
    json.dump([report(f) for f in sys.argv[1:]], sys.stdout)
