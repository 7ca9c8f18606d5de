#!/usr/bin/env python3
"""Writes the .docx fixtures of Tests/DocxReaderTests/Fixtures/ with python-docx.

    pip install python-docx          # 1.2.0 was used
    apt-get install libreoffice-writer   # optional: for libreoffice-saved.docx
    python3 scripts/make-docx-fixtures.py

One fully correct Decree 30/2020 document (nd30-correct.docx) and variants that each differ in one
way, plus layouts the reader must tolerate. The output is byte-stable: core properties are fixed
and the zip entries carry a fixed date. The LibreOffice copy is only as stable as LibreOffice.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "DocxReaderTests", "Fixtures")
FIXED_TIME = datetime.datetime(2022, 1, 14, 8, 0, 0, tzinfo=datetime.timezone.utc)
ZIP_TIME = (2022, 1, 14, 8, 0, 0)

# Where the body font and size are set.
STYLE, RUN, DEFAULTS = "style", "run", "defaults"


@dataclass
class Variant:
    name: str
    body_font: str = "Times New Roman"
    body_size: float = 14
    font_in: str = STYLE
    margins_mm: tuple = (20, 20, 30, 15)  # top, bottom, left, right
    paper_twips: tuple = (11906, 16838)  # A4
    header_in_table: bool = True
    authority: list = field(default_factory=lambda: [("ỦY BAN NHÂN DÂN", True), ("XÃ TIÊN SƠN", True)])
    number: str = "05/KH-UBND"
    place_date: str = "Tiên Sơn, ngày 14 tháng 01 năm 2022"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    type_line: str = "KẾ HOẠCH"
    summary: str = "Cải cách hành chính năm 2022"
    recipients: list = field(default_factory=lambda: ["- UBND huyện Tiên Phước;", "- Lưu: VT, VP."])
    signature: list = field(default_factory=lambda: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
    signer: str = "Trần Văn B"
    page_number_on_first_page: bool = False
    decomposed: bool = False  # write the text in NFD, as some Vietnamese input methods do


CORRECT = Variant("nd30-correct")
VARIANTS = [
    CORRECT,
    replace(CORRECT, name="font-arial", body_font="Arial", font_in=RUN),
    replace(CORRECT, name="body-12pt", body_size=12),
    replace(CORRECT, name="margin-left-25", margins_mm=(20, 20, 25, 15)),
    replace(CORRECT, name="paper-letter", paper_twips=(12240, 15840), page_number_on_first_page=True),
    replace(CORRECT, name="date-no-leading-zero", place_date="Tiên Sơn, ngày 5 tháng 3 năm 2022", decomposed=True),
    replace(CORRECT, name="number-no-leading-zero", number="5/QĐ-UBND", type_line="QUYẾT ĐỊNH",
            summary="Về việc ban hành Quy chế làm việc của Ủy ban nhân dân xã"),
    # The type line with the other tone placement (uỶ), which the report may write ủy.
    replace(CORRECT, name="giay-uy-quyen", number="05/GUQ-UBND", type_line="GIẤY UỶ QUYỀN"),
    replace(CORRECT, name="no-archive-copy", recipients=["- UBND huyện Tiên Phước;", "- Như trên."]),
    replace(CORRECT, name="docdefaults-only", font_in=DEFAULTS),
    replace(CORRECT, name="header-no-table", header_in_table=False, motto="Độc lập – Tự do – Hạnh phúc",
            authority=[("UBND HUYỆN TIÊN PHƯỚC", False), ("ỦY BAN NHÂN DÂN XÃ TIÊN SƠN", True)]),
    replace(CORRECT, name="cong-van", number="112/UBND-VP", type_line=None,
            summary="V/v tuyên truyền dịch vụ công trực tuyến", place_date="Tiên Sơn, ngày 03 tháng 3 năm 2022",
            signature=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer="Lê Thị C"),
]

BODY = [
    ["Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân huyện ",
     "Tiên Phước về cải cách hành chính năm 2022, Ủy ban nhân dân xã ban hành Kế hoạch ",
     "với các nội dung sau:"],
    ["Mục tiêu: nâng cao chất lượng giải quyết thủ tục hành chính theo cơ chế “một cửa”, ",
     "“một cửa liên thông”; 100% hồ sơ được tiếp nhận và trả kết quả đúng hạn."],
    ["Giao Văn phòng - Thống kê theo dõi, tổng hợp, báo cáo kết quả thực hiện về Ủy ban ",
     "nhân dân huyện trước ngày 10 tháng 12 năm 2022."],
]


def text(variant, s):
    return unicodedata.normalize("NFD", s) if variant.decomposed else s


def set_fonts(rpr_parent, font):
    """w:rFonts with explicit ascii/hAnsi/cs/eastAsia names, replacing theme attributes."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def add_run(paragraph, variant, s, size=None, bold=False, italic=False, font=None):
    run = paragraph.add_run(text(variant, s))
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    if font is not None:
        set_fonts(run._r, font)
    return run


def add_break(paragraph):
    paragraph.add_run().add_break()


def line(container, variant, pieces, align=WD_ALIGN_PARAGRAPH.CENTER, first=False, **run_format):
    """One paragraph; `pieces` are written as separate runs (tolerance of split runs)."""
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    for piece in ([pieces] if isinstance(pieces, str) else pieces):
        add_run(paragraph, variant, piece, **run_format)
    return paragraph


def no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def header_table(document, variant):
    table = document.add_table(rows=2, cols=2)
    no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    authority = line(left, variant, [], first=True)
    for i, (name, bold) in enumerate(variant.authority):
        if i:
            add_break(authority)
        add_run(authority, variant, name, size=13, bold=bold)
    line(right, variant, ["CỘNG HÒA XÃ HỘI ", "CHỦ NGHĨA VIỆT NAM"], first=True, size=13, bold=True)
    line(right, variant, variant.motto, size=14, bold=True)
    number = line(table.cell(1, 0), variant, ["Số", ": "], first=True, size=13)
    for piece in split_number(variant.number):
        add_run(number, variant, piece, size=13)
    if variant.type_line is None:
        line(table.cell(1, 0), variant, variant.summary, size=12)
    place, rest = variant.place_date.split(", ", 1)
    line(table.cell(1, 1), variant, [place + ", ", rest], first=True, size=14, italic=True)


def split_number(number):
    sequence, symbol = number.split("/", 1)
    return [sequence, "/" + symbol[:3], symbol[3:]]


def header_paragraphs(document, variant):
    """The same header laid out with tab stops instead of a table, as some offices type it."""
    def tabbed(left_pieces, right_pieces, left_format, right_format):
        paragraph = line(document, variant, [], align=WD_ALIGN_PARAGRAPH.LEFT)
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(Cm(11.5), alignment=1)  # centre of the right column
        for piece in left_pieces:
            add_run(paragraph, variant, piece, **left_format)
        paragraph.add_run("\t")
        for piece in right_pieces:
            add_run(paragraph, variant, piece, **right_format)
        return paragraph

    (parent, parent_bold), (name, name_bold) = variant.authority
    tabbed([parent], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], dict(size=13, bold=parent_bold), dict(size=13, bold=True))
    tabbed([name], [variant.motto], dict(size=13, bold=name_bold), dict(size=14, bold=True))
    line(document, variant, "")
    tabbed(["Số: "] + split_number(variant.number), [variant.place_date], dict(size=13), dict(size=14, italic=True))


def closing_table(document, variant):
    table = document.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    line(left, variant, "Nơi nhận:", align=WD_ALIGN_PARAGRAPH.LEFT, first=True, size=12, bold=True, italic=True)
    for recipient in variant.recipients:
        line(left, variant, recipient, align=WD_ALIGN_PARAGRAPH.LEFT, size=11)
    first = True
    for title in variant.signature:
        line(right, variant, title, first=first, size=14, bold=True)
        first = False
    for _ in range(3):
        line(right, variant, "")
    line(right, variant, variant.signer, size=14, bold=True)


def page_number_field(paragraph):
    def fld_char(kind):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    fld_char("separate")
    paragraph.add_run("2")
    fld_char("end")


def setup_styles(document, variant):
    styles = document.styles
    normal = styles["Normal"]
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    if variant.font_in == DEFAULTS:
        fonts = defaults.find(qn("w:rFonts"))
        for key in list(fonts.attrib):
            del fonts.attrib[key]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), variant.body_font)
        for tag in ("w:sz", "w:szCs"):
            defaults.find(qn(tag)).set(qn("w:val"), str(int(variant.body_size * 2)))
    else:
        set_fonts(normal.element, "Times New Roman")
        normal.font.size = Pt(14)
    body = styles.add_style("Nội dung", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1.27)
    body.paragraph_format.line_spacing = 1.15
    body.paragraph_format.space_before = Pt(0)
    body.paragraph_format.space_after = Pt(6)
    if variant.font_in == STYLE and variant.body_size != 14:
        body.font.size = Pt(variant.body_size)
    return body


def build(variant):
    document = Document()
    body_style = setup_styles(document, variant)
    section = document.sections[0]
    section.page_width, section.page_height = Twips(variant.paper_twips[0]), Twips(variant.paper_twips[1])
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Mm(m) for m in variant.margins_mm)
    section.header_distance = section.footer_distance = Mm(10)

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number_field(header)
    if not variant.page_number_on_first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False

    if variant.header_in_table:
        header_table(document, variant)
    else:
        header_paragraphs(document, variant)
        if variant.type_line is None:
            line(document, variant, variant.summary, align=WD_ALIGN_PARAGRAPH.LEFT, size=12)
    line(document, variant, "")
    if variant.type_line is not None:
        line(document, variant, variant.type_line, size=14, bold=True)
        line(document, variant, variant.summary, size=14, bold=True)
        line(document, variant, "")
    for pieces in BODY:
        paragraph = document.add_paragraph(style=body_style)
        for piece in pieces:
            add_run(paragraph, variant, piece, font=variant.body_font if variant.font_in == RUN else None)
    line(document, variant, "")
    closing_table(document, variant)

    core = document.core_properties
    core.author = core.last_modified_by = "cchc fixtures"
    core.title = variant.name
    core.revision = 1
    core.created = core.modified = core.last_printed = FIXED_TIME
    return document


def restamp(path):
    """Rewrites the zip with a fixed date on every entry, so the bytes depend only on the content."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def libreoffice_copy(source):
    """Round-trips the correct document through LibreOffice Writer's .docx filter."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("libreoffice-saved.docx skipped: soffice not found (apt-get install libreoffice-writer)", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        profile = os.path.join(work, "profile")
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        converted = os.path.join(work, os.path.basename(source))
        target = os.path.join(OUT, "libreoffice-saved.docx")
        shutil.copyfile(converted, target)
    restamp(target)
    print("wrote", os.path.relpath(target))


def main():
    os.makedirs(OUT, exist_ok=True)
    for variant in VARIANTS:
        path = os.path.join(OUT, variant.name + ".docx")
        build(variant).save(path)
        restamp(path)
        print("wrote", os.path.relpath(path))
    libreoffice_copy(os.path.join(OUT, CORRECT.name + ".docx"))


if __name__ == "__main__":
    main()
