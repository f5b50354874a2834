"""What a reader of an exported file can see, as plain text, for the export tests."""

from __future__ import annotations

import html
import io
import re
import zipfile


def docx_text(data: bytes) -> str:
    """Every word in the Word file: body, headers, footers and properties, tags removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return squash(html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</w:p>|<w:br/>|<w:tab/>", "\n", xml))))


def html_text(data: bytes) -> str:
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8"))))


def md_text(data: bytes) -> str:
    return squash(re.sub(r"\\(.)", r"\1", data.decode("utf-8-sig")))


def squash(text: str) -> str:
    return " ".join(text.split())


READERS = {"docx": docx_text, "html": html_text, "md": md_text, "csv": md_text}
