#!/usr/bin/env python3
"""Copies the descriptions of the charts in a .fodt source into the DOCX that
LibreOffice made from it: LibreOffice 7.4 drops a chart's description (svg:desc)
when it saves DOCX, and the description is where a chart's data template lives
(docs/templates.md, «Диаграммы»). Sets wp:docPr/@descr of the drawing with the
same name. Run by make.sh; does nothing for a source without charts.

python3 gen/chart-descr.py src/NAME.fodt docx/NAME.docx
"""
import sys
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import quoteattr

DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"


def descriptions(source):
    found = {}
    for frame in ET.parse(source).iter(f"{{{DRAW}}}frame"):
        desc = frame.find(f"{{{SVG}}}desc")
        if frame.find(f"{{{DRAW}}}object") is not None and desc is not None and desc.text:
            found[frame.get(f"{{{DRAW}}}name")] = desc.text
    return found


def main(source, docx):
    wanted = descriptions(source)
    if not wanted:
        return
    with zipfile.ZipFile(docx) as z:
        entries = [(info, z.read(info.filename)) for info in z.infolist()]
    done = set()
    out = []
    for info, data in entries:
        if info.filename == "word/document.xml":
            text = data.decode("utf-8")
            for name, desc in wanted.items():
                tag = f' name={quoteattr(name)}'
                at = text.find(tag)
                while at >= 0 and text.rfind("<wp:docPr", 0, at) < text.rfind(">", 0, at):
                    at = text.find(tag, at + 1)  # the name of something else
                if at < 0:
                    continue
                # newlines and tabs survive in an attribute only as character references
                value = quoteattr(desc, {"\n": "&#10;", "\t": "&#9;", "\r": "&#13;"})
                text = text[: at + len(tag)] + " descr=" + value + text[at + len(tag):]
                done.add(name)
            data = text.encode("utf-8")
        out.append((info, data))
    missing = set(wanted) - done
    if missing:
        sys.exit(f"chart-descr: no drawing named {', '.join(sorted(missing))} in {docx}")
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            z.writestr(info, data, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
