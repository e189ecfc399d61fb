"""Write tests/docx/E_ESCWA_EDID_2017_IG.3_INF.1-AR.docx (run once; the file is committed).

The Word file holds a real document: the title lines and the ten numbered paragraphs of
E/ESCWA/EDID/2017/IG.3/INF.1 (Arabic) as unkg reads them from the UN's PDF
(tests/pdf/E_ESCWA_EDID_2017_IG.3_INF.1-AR.pdf), numbered by a Word list ("%1-"), the symbol
in the page header and the job number in the footer, as the UN's Word files have them, and a
table of two rows of the participants list of E/ESCWA/EDID/2017/IG.1/9/Report (annex I).
"""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from unkg.ingest.files import read_source
from unkg.structure.layout import parse

HERE = Path(__file__).resolve().parent
PDF = HERE.parent / "pdf" / "E_ESCWA_EDID_2017_IG.3_INF.1-AR.pdf"
ROWS = [
    ("اإلمارات العربية المتحدة", "السيد هيثم طبش", "باحث اقتصادي"),
    ("المملكة األردنية الهاشمية", "السيد فارس أبو دية", "وزارة النقل"),
]


def numbered_list(document: docx.document.Document) -> str:
    """Add a one-level decimal list printed "%1-" to the numbering part; its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for name, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1-")):
        child = OxmlElement(name)
        child.set(qn("w:val"), value)
        level.append(child)
    abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def main() -> None:
    document = parse(read_source(PDF))
    word = docx.Document()
    num_id = numbered_list(word)
    section = word.sections[0]
    section.header.paragraphs[0].text = document.metadata.symbol or ""
    section.footer.paragraphs[0].text = document.metadata.job_number or ""
    for block in document.blocks:
        word.add_paragraph(block.text)
    for paragraph in document.paragraphs:
        p = word.add_paragraph(paragraph.text)
        props = p._p.get_or_add_pPr()
        numbering = OxmlElement("w:numPr")
        for name, value in (("w:ilvl", "0"), ("w:numId", num_id)):
            child = OxmlElement(name)
            child.set(qn("w:val"), value)
            numbering.append(child)
        props.append(copy.deepcopy(numbering))
    table = word.add_table(rows=0, cols=3)
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    word.core_properties.created = datetime.datetime(2017, 10, 30)
    word.save(HERE / "E_ESCWA_EDID_2017_IG.3_INF.1-AR.docx")


if __name__ == "__main__":
    main()
