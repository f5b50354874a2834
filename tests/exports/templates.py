"""An organisation's own Word template for the tests: its fonts, margins, header logo and
footer differ from the plain document the exports make without one."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Georgia"
LEFT_MARGIN = Cm(3.5)
FOOTER = "Northbridge ICB — OFFICIAL"


def logo_png() -> bytes:
    """A 40×20 blue rectangle: enough of a logo to see in the header."""
    width, height = 40, 20
    raw = b"".join(b"\x00" + b"\x1f\x38\x64" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def make_template(path: Path, *, without: tuple[str, ...] = ()) -> Path:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    document.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x5E, 0xB8)
    section = document.sections[0]
    section.left_margin = section.right_margin = LEFT_MARGIN
    section.top_margin = Cm(3.0)
    logo = path.with_suffix(".png")
    logo.write_bytes(logo_png())
    section.header.paragraphs[0].add_run().add_picture(str(logo), width=Cm(3))
    section.footer.paragraphs[0].text = FOOTER
    document.add_paragraph("Sample text the template carries: not part of any minutes.")
    for name in without:  # a template that lacks a style the exports use
        style = document.styles[name]
        style.element.getparent().remove(style.element)
    document.save(path)
    return path


def style_names(document) -> set[str]:
    return {s.name for s in document.styles}


def has_picture(part) -> bool:
    return any(True for _ in part._element.iter(qn("w:drawing")))
