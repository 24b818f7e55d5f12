"""The font a PDF form's filled-in values are typed in: one of the guide's
TrueType faces, embedded as a simple, WinAnsi-encoded TrueType font.

Viewers and form-filling libraries (pypdf, pikepdf/qpdf, poppler) type a
field's value with the font its default appearance names, from the form's
resources. ReportLab offers only the unembedded standard 14 there. A
simple font with WinAnsiEncoding is what every filler can encode text
for; the embedded program is the face cut down to the Windows-1252
repertoire with its Unicode cmap kept (fontTools' subsetter), so any value
a filler can encode prints with the guide's own face, about 20 KB a file.
"""
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

#: The characters of WinAnsiEncoding (Windows-1252), by code.
WINANSI = {code: char for code in range(32, 256)
           if (char := bytes([code]).decode('cp1252', errors='ignore'))}
#: Font descriptor flag: the font uses the standard Latin character set.
NONSYMBOLIC = 1 << 5


@dataclass(frozen=True)
class FormFont:
    """What a PDF needs to embed the face: its subset program and metrics
    (in the 1000-unit glyph space of PDF fonts)."""
    name: str
    program: bytes
    widths: tuple[int, ...]     # codes 32..255
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float


@cache
def form_font(path: Path) -> FormFont:
    """The TrueType face at *path*, cut to WinAnsi's characters."""
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    scale = 1000 / font['head'].unitsPerEm
    cmap = font.getBestCmap()
    metrics = font['hmtx'].metrics
    widths = tuple(round(metrics[cmap[ord(WINANSI[code])]][0] * scale)
                   if code in WINANSI and ord(WINANSI[code]) in cmap else 0
                   for code in range(32, 256))
    options = Options()
    options.layout_features = []      # no shaping in a form field: no GSUB/GPOS
    options.hinting = False
    options.drop_tables += ['FFTM']  # FontForge's timestamp: nothing to subset
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]   # copyright and names the licence asks to keep
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in WINANSI.values()])
    subsetter.subset(font)
    program = BytesIO()
    font.save(program)
    head, os2 = font['head'], font['OS/2']
    return FormFont(
        name=font['name'].getDebugName(6) or path.stem,
        program=program.getvalue(), widths=widths,
        ascent=round(font['hhea'].ascent * scale), descent=round(font['hhea'].descent * scale),
        cap_height=round(getattr(os2, 'sCapHeight', 0) * scale or font['hhea'].ascent * scale),
        bbox=tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
        italic_angle=float(font['post'].italicAngle))


def to_unicode_cmap() -> bytes:
    """A ToUnicode CMap of WinAnsiEncoding: text typed in the font can be
    copied and read aloud (PDF/UA), like the pages' own fonts'."""
    pairs = [f'<{code:02X}> <{ord(char):04X}>' for code, char in sorted(WINANSI.items())]
    chunks = [pairs[i:i + 100] for i in range(0, len(pairs), 100)]
    body = '\n'.join(f'{len(chunk)} beginbfchar\n' + '\n'.join(chunk) + '\nendbfchar'
                     for chunk in chunks)
    return ('/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n'
            '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
            '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n'
            '1 begincodespacerange\n<00> <FF>\nendcodespacerange\n'
            f'{body}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n'
            ).encode('ascii')


def line_height(face: FormFont, size: float) -> float:
    """The distance between the baselines of a multi-line field typed in
    *face* at *size*, as pypdf lays it out: the height of the FontBBox."""
    return (face.bbox[3] - face.bbox[1]) * size / 1000


def font_objects(face: FormFont, reference, leading: float = 0) -> object:
    """The font dictionary of *face* for a ReportLab document; *reference*
    turns a PDF object into an indirect reference of that document.
    The subset tag is fixed, so a build is byte-for-byte repeatable.

    *leading*, the line height of the form's multi-line fields in points,
    is the descriptor's /Leading: pikepdf (10) spaces typed lines by it as
    it stands, where pypdf takes the FontBBox's height (:func:`line_height`).
    """
    from reportlab.pdfbase.pdfdoc import (PDFArray, PDFDictionary, PDFName, PDFStream,
                                          PDFZCompress)

    base_font = PDFName(f'HGFORM+{face.name}')
    program = PDFStream(PDFDictionary({'Length1': len(face.program)}), face.program,
                        filters=[PDFZCompress])
    descriptor = PDFDictionary({
        'Type': PDFName('FontDescriptor'), 'FontName': base_font,
        'Flags': NONSYMBOLIC, 'FontBBox': PDFArray(list(face.bbox)),
        'ItalicAngle': face.italic_angle, 'Ascent': face.ascent, 'Descent': face.descent,
        'CapHeight': face.cap_height, 'StemV': 80, 'FontFile2': reference(program),
        **({'Leading': round(leading, 3)} if leading else {})})
    return PDFDictionary({
        'Type': PDFName('Font'), 'Subtype': PDFName('TrueType'), 'BaseFont': base_font,
        'FirstChar': 32, 'LastChar': 255, 'Widths': PDFArray(list(face.widths)),
        'Encoding': PDFName('WinAnsiEncoding'), 'FontDescriptor': reference(descriptor),
        'ToUnicode': reference(PDFStream(PDFDictionary({}), to_unicode_cmap(),
                                         filters=[PDFZCompress]))})
