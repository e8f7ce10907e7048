"""Render ە (U+06D5) against heh's forms, shaped and cell by cell: docs/sorani-ae-forms.png.

The evidence for app mode's choice (workbench/tui/shaping.py): ە has no presentation
forms of its own. A terminal that does no shaping draws each cell alone, so the columns
compare a real shaper's کە and ە (HarfBuzz, through Pillow's raqm layout) with the cells
kaf INITIAL + 06D5 and kaf INITIAL + heh FINAL (FEEA), and 06D5 alone with FEE9 alone.
Needs Pillow built with raqm and the fonts named below (Debian: fonts-dejavu-core,
fonts-noto-core); a tool for the record, not part of the app.

    python tools/render_ae_forms.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "docs" / "sorani-ae-forms.png"
FONTS = [
    ("DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ("Noto Sans Arabic", "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
    ("Noto Naskh Arabic", "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
]
#: (label, text, shaped?); cell-by-cell texts are in visual order (left to right)
CASES = [
    ("shaped کە", "\u06a9\u06d5", True),
    ("cells FB90+06D5", "\u06d5\ufb90", False),
    ("cells FB90+FEEA", "\ufeea\ufb90", False),
    ("shaped ە", "\u06d5", True),
    ("cell 06D5", "\u06d5", False),
    ("cell FEE9", "\ufee9", False),
]


def main() -> None:
    """Draw the comparison table and save it."""
    label_font = ImageFont.truetype(FONTS[0][1], 16)
    w, h, size = 200, 110, 56
    img = Image.new("L", (w * len(CASES) + 170, h * len(FONTS) + 30), 255)
    d = ImageDraw.Draw(img)
    for c, (label, *_) in enumerate(CASES):
        d.text((170 + c * w + 5, 5), label, font=label_font, fill=0)
    for r, (name, path) in enumerate(FONTS):
        d.text((5, 30 + r * h + 40), name, font=label_font, fill=0)
        raqm = ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)
        basic = ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
        for c, (_, text, shaped) in enumerate(CASES):
            x, y = 170 + c * w + 40, 30 + r * h + 10
            if shaped:
                d.text((x, y), text, font=raqm, fill=0, direction="rtl")
                continue
            for ch in text:  # one glyph at a time, as a terminal draws its cells
                d.text((x, y), ch, font=basic, fill=0)
                x += basic.getlength(ch)
    img.save(OUT, optimize=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
