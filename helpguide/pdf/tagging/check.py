"""Check PDFs for the machine-checkable conditions of PDF/UA-1 and PDF/A-2
that apply to the files helpguide writes.

``python -m helpguide.pdf.tagging.check FILE...`` (``make check-pdf``) prints
each problem as ``FILE: error: message`` and exits with status 1 if there is
any. veraPDF (Java) and PAC (Windows) are not at hand where the tests run;
this reads the files with pikepdf. :data:`CONDITIONS` lists what it checks
(the README repeats it).
"""
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from pikepdf import Name

CONDITIONS = [
    'the catalog has a structure tree, /MarkInfo /Marked true and a /Lang',
    'the document has a title (Info and XMP) and the viewer shows it (DisplayDocTitle)',
    'every text, path, image or shading on a page is marked content that '
    'the structure tree owns, or an Artifact',
    'every Figure has alternate text (/Alt)',
    'headings start at H1 and never skip a level',
    'every link annotation has a structure parent that is a Link element, '
    'and a /Contents description; every form field\'s parent is a Form element',
    'pages with annotations have /Tabs /S',
    'every Note has an /ID',
    'every font used on a page or by a form field is embedded, with a ToUnicode map',
    'XMP metadata: PDF/A-2 (pdfaid) and PDF/UA-1 (pdfuaid) identification, '
    'title, author, subject, keywords, producer, creator and dates matching the Info dictionary',
    'an sRGB PDF/A output intent with its ICC profile',
    'no encryption, JavaScript or embedded files; link annotations printable',
    'every stream\'s data is followed by an end-of-line before endstream',
]

PAINTING = frozenset({'Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*',
                      'sh', 'Do', 'INLINE IMAGE', 'EI'})
HEADING = re.compile(r'/H([1-6])$')
XMP_INFO = [('dc:title', '/Title'), ('dc:creator', '/Author'), ('dc:description', '/Subject'),
            ('pdf:Keywords', '/Keywords'), ('pdf:Producer', '/Producer'),
            ('xmp:CreatorTool', '/Creator')]


class Checker:

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.problems: list[str] = []

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def run(self) -> list[str]:
        root = self.pdf.Root
        tree = root.get('/StructTreeRoot')
        if tree is None:
            self.problem('no structure tree (the PDF is not tagged)')
        if not bool(root.get('/MarkInfo', {}).get('/Marked', False)):
            self.problem('/MarkInfo /Marked is not true')
        if not str(root.get('/Lang', '')).strip():
            self.problem('no /Lang (document language) in the catalog')
        self.check_title()
        self.check_metadata()
        self.check_output_intent()
        self.check_forbidden()
        if tree is not None:
            parents = self.parent_tree(tree)
            self.check_pages(parents)
            self.check_elements(tree)
        self.check_fonts()
        return self.problems

    # -- document level ----------------------------------------------------
    def check_title(self) -> None:
        if not str(self.pdf.docinfo.get('/Title', '')).strip():
            self.problem('no document title (Info /Title)')
        prefs = self.pdf.Root.get('/ViewerPreferences', {})
        if not bool(prefs.get('/DisplayDocTitle', False)):
            self.problem('ViewerPreferences /DisplayDocTitle is not true')

    def check_metadata(self) -> None:
        if '/Metadata' not in self.pdf.Root:
            self.problem('no XMP metadata')
            return
        meta = self.pdf.open_metadata()
        if meta.get('pdfuaid:part') != '1':
            self.problem('XMP metadata does not declare PDF/UA-1 (pdfuaid:part 1)')
        if meta.get('pdfaid:part') != '2' or meta.get('pdfaid:conformance') not in ('A', 'B',
                                                                                    'U'):
            self.problem('XMP metadata does not declare PDF/A-2 (pdfaid:part 2 and '
                         'pdfaid:conformance)')
        info = self.pdf.docinfo
        for prop, key in XMP_INFO:
            want = str(info.get(key, ''))
            got = meta.get(prop, '')
            if isinstance(got, (list, set)):
                got = ', '.join(sorted(got))
            if str(got or '') != want:
                self.problem(f'XMP {prop} {str(got or "")!r} does not match Info {key} {want!r}')
        for prop, key in (('xmp:CreateDate', '/CreationDate'), ('xmp:ModifyDate', '/ModDate')):
            want = info.get(key)
            if want is not None and not same_date(meta.get(prop, ''), str(want)):
                self.problem(f'XMP {prop} {meta.get(prop, "")!r} does not match Info {key} '
                             f'{str(want)!r}')

    def check_output_intent(self) -> None:
        for intent in self.pdf.Root.get('/OutputIntents', []):
            if intent.get('/S') == Name.GTS_PDFA1 and '/DestOutputProfile' in intent:
                profile = intent.DestOutputProfile
                if int(profile.get('/N', 0)) == 3 and profile.read_bytes()[16:20] == b'RGB ':
                    return
        self.problem('no PDF/A output intent with an RGB ICC profile')

    def check_forbidden(self) -> None:
        if self.pdf.is_encrypted:
            self.problem('the file is encrypted')
        names = self.pdf.Root.get('/Names', {})
        if '/JavaScript' in names or '/JS' in self.pdf.Root.get('/OpenAction', {}):
            self.problem('the file holds JavaScript')
        if '/EmbeddedFiles' in names:
            self.problem('the file holds embedded files')

    # -- structure -----------------------------------------------------------
    def parent_tree(self, tree) -> dict[int, object]:
        """The ParentTree's number tree, flattened."""
        out: dict[int, object] = {}

        def walk(node):
            nums = node.get('/Nums', [])
            for i in range(0, len(nums) - 1, 2):
                out[int(nums[i])] = nums[i + 1]
            for kid in node.get('/Kids', []):
                walk(kid)
        if '/ParentTree' in tree:
            walk(tree.ParentTree)
        return out

    def check_pages(self, parents: dict[int, object]) -> None:
        for number, page in enumerate(self.pdf.pages, 1):
            owned = parents.get(int(page.obj.get('/StructParents', -1)))
            for mcid in self.untagged(page, number):
                if owned is None or mcid >= len(owned) or not isinstance(
                        owned[mcid], pikepdf.Dictionary):
                    self.problem(f'page {number}: marked content MCID {mcid} belongs to no '
                                 'structure element')
            annots = page.obj.get('/Annots', [])
            if len(annots) and page.obj.get('/Tabs') != Name.S:
                self.problem(f'page {number}: has annotations but no /Tabs /S')
            for annot in annots:
                self.check_annotation(annot, number, parents)

    def untagged(self, page, number: int) -> Iterator[int]:
        """Report content outside marked content; yield the page's MCIDs."""
        stack: list[bool] = []  # per open sequence: real content or artifact
        reported = False
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ('BMC', 'BDC'):
                tag = str(operands[0])
                props = operands[1] if op == 'BDC' else None
                mcid = (props.get('/MCID') if isinstance(props, pikepdf.Dictionary)
                        else None)
                stack.append(tag == '/Artifact' or mcid is not None)
                if mcid is not None and not any(stack[:-1]):
                    yield int(mcid)
            elif op == 'EMC':
                if stack:
                    stack.pop()
            elif op in PAINTING and not any(stack) and not reported:
                reported = True
                self.problem(f'page {number}: content outside marked content and artifacts '
                             f'(first: {op})')

    def check_annotation(self, annot, number: int, parents) -> None:
        subtype = annot.get('/Subtype')
        if subtype not in (Name.Link, Name.Widget):
            return
        role = '/Link' if subtype == Name.Link else '/Form'
        parent = parents.get(int(annot.get('/StructParent', -1)))
        if parent is None or parent.get('/S') != Name(role) or not any(
                isinstance(k, pikepdf.Dictionary) and k.get('/Type') == Name.OBJR
                and k.get('/Obj') is not None and k.Obj.objgen == annot.objgen
                for k in kids_of(parent)):
            self.problem(f'page {number}: {subtype} annotation without a {role[1:]} '
                         'structure parent')
        if subtype == Name.Link:
            if not str(annot.get('/Contents', '')).strip():
                self.problem(f'page {number}: link annotation without /Contents')
            if not int(annot.get('/F', 0)) & 4:
                self.problem(f'page {number}: link annotation is not printable (/F)')

    def check_elements(self, tree) -> None:
        last = 0
        for element in elements(tree):
            role = str(element.get('/S', ''))
            if role == '/Figure' and not str(element.get('/Alt', '')).strip():
                self.problem('a Figure has no alternate text (/Alt)')
            if role == '/Note' and '/ID' not in element:
                self.problem('a Note has no /ID')
            if match := HEADING.match(role):
                level = int(match[1])
                if level > last + 1:
                    self.problem(f'heading level skipped: H{level} after '
                                 f'{f"H{last}" if last else "the start"}')
                last = level

    # -- fonts ---------------------------------------------------------------
    def check_fonts(self) -> None:
        seen = set()
        for font, where in self.fonts():
            if font.objgen in seen and font.objgen != (0, 0):
                continue
            seen.add(font.objgen)
            name = f'{where}font {font.get("/BaseFont", "?")}'
            subtype = font.get('/Subtype')
            if subtype == Name.Type3:
                continue
            descendant = font.DescendantFonts[0] if subtype == Name.Type0 else font
            descriptor = descendant.get('/FontDescriptor')
            if descriptor is None or not any(k in descriptor for k in ('/FontFile', '/FontFile2',
                                                                       '/FontFile3')):
                self.problem(f'{name} is not embedded')
            if '/ToUnicode' not in font:
                self.problem(f'{name} has no ToUnicode map')

    def fonts(self) -> Iterator[tuple[object, str]]:
        """(font, '' or 'form field ') of every font the pages and fields use."""
        def in_resources(resources, where, depth=0):
            if resources is None or depth > 8:
                return
            for font in resources.get('/Font', {}).values():
                yield font, where
            for xobject in resources.get('/XObject', {}).values():
                if xobject.get('/Subtype') == Name.Form:
                    yield from in_resources(xobject.get('/Resources'), where, depth + 1)
        for page in self.pdf.pages:
            yield from in_resources(page.obj.get('/Resources'), '')
            for annot in page.obj.get('/Annots', []):
                for appearance in annot.get('/AP', {}).values():
                    streams = (appearance.values() if isinstance(appearance, pikepdf.Dictionary)
                               and not isinstance(appearance, pikepdf.Stream) else [appearance])
                    for stream in streams:
                        yield from in_resources(stream.get('/Resources'), 'form field ')
        form = self.pdf.Root.get('/AcroForm')
        if form is not None:  # the font a viewer types filled-in text in
            fonts = form.get('/DR', {}).get('/Font', {})
            for field in self.pdf.Root.AcroForm.get('/Fields', []):
                da = str(field.get('/DA', form.get('/DA', '')))
                for name in re.findall(r'/([^\s/]+)\s+[\d.]+\s+Tf', da):
                    if f'/{name}' in fonts:
                        yield fonts[f'/{name}'], 'form field '


def kids_of(element) -> list:
    kids = element.get('/K')
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def elements(tree) -> Iterator:
    """The structure elements in document order."""
    for kid in kids_of(tree):
        if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
            yield kid
            yield from elements(kid)


def same_date(xmp: str, pdf_date: str) -> bool:
    """Whether an XMP date and a PDF date are the same time."""
    from .archive import xmp_date
    try:
        want = xmp_date(pdf_date)
    except ValueError:
        return False
    return str(xmp).replace('Z', '+00:00') == want.replace('Z', '+00:00')


def check_syntax(data: bytes) -> list[str]:
    """What PDF/A-2 asks of the file's bytes that a parser does not show."""
    unended = sum(1 for found in re.finditer(rb'endstream', data)
                  if data[found.start() - 1:found.start()] not in (b'\n', b'\r'))
    if unended:  # 6.1.7.1
        return [f'{unended} stream(s) without an end-of-line before endstream']
    return []


def check(path: Path) -> list[str]:
    """The problems of the PDF at *path*, as messages."""
    try:
        with pikepdf.open(path) as pdf:
            problems = Checker(pdf).run()
    except pikepdf.PdfError as err:
        return [f'cannot read the PDF: {err}']
    return problems + check_syntax(Path(path).read_bytes())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print('usage: python -m helpguide.pdf.tagging.check FILE.pdf...', file=sys.stderr)
        return 2
    failed = False
    for arg in args:
        for message in check(Path(arg)):
            failed = True
            print(f'{arg}: error: {message}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
