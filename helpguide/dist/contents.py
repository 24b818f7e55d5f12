"""What goes on the disc: the HTML guide and whichever PDFs have been built.

The PDFs come from other targets (``make pdf``, ``make handouts``); one that
is missing is left out of the bundle and its landing page with a warning,
rather than failing the bundle.
"""
import logging
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from ..locale import N_, _
from ..style.paper import PAPERS

logger = logging.getLogger(__name__)

#: Files Sphinx writes for its own next build or for other projects, not for a
#: reader; hidden files (``.buildinfo`` and the like) are build state too.
HTML_BUILD_ONLY = {'objects.inv', '_sources'}
HANDOUTS = 'handouts'


@dataclass(frozen=True)
class Document:
    path: str          # inside the bundle, e.g. 'pdf/guide.pdf'
    title: str
    description: str = ''
    platform: str = ''  # a handout's platform (its title)


#: The printable products, in the order the landing page lists them:
#: (file in build/pdf, title, description; ``%(subject)s`` is the guide's word).
PRINTABLES = (
    ('guide-screen.pdf', N_('The guide as a PDF to read on screen'),
     N_("Every %(subject)s's steps, with contents; no blank pages, and the bookmarks open "
        'beside the pages.')),
    ('guide.pdf', N_('The guide as a PDF booklet to print'),
     N_("Every %(subject)s's steps, with contents, to print on both sides of the paper "
        '(chapters start on a right-hand page).')),
    ('guide-saddle-stitch.pdf', N_('The booklet for saddle-stitch printing'),
     N_('Print on both sides of the paper (flip on the short edge), fold in the middle and '
        'staple.')),
    ('support-checklist.pdf', N_('Support checklist to fill in'),
     N_('What to have at hand before calling support; fill it in on screen or print it.')),
)


def html_files(html_dir: Path) -> list[Path]:
    """Every file of the built HTML guide a reader needs, sorted."""
    def shipped(parts):
        return not HTML_BUILD_ONLY & set(parts) and not any(p.startswith('.') for p in parts)

    return sorted(path for path in html_dir.rglob('*')
                  if path.is_file() and shipped(path.relative_to(html_dir).parts))


def paper_label(paper: str) -> str:
    """``A4``, ``Letter``, ``Half-Letter``: a paper as the landing page names it."""
    return paper.upper() if len(paper) <= 2 else paper.title()


def editions(pdf_dir: Path, name: str) -> list[tuple[str, str | None]]:
    """(file name, paper) of *name* as built: itself (paper None), and each
    edition of ``guide_papers`` (``guide-a4.pdf`` for ``guide.pdf``)."""
    stem, suffix = name.rsplit('.', 1)
    found = [(name, None)] if (pdf_dir / name).is_file() else []
    found += [(f'{stem}-{paper}.{suffix}', paper) for paper in PAPERS
              if (pdf_dir / f'{stem}-{paper}.{suffix}').is_file()]
    return found


def edition_of(path: Path) -> str | None:
    """The paper a file name ends with (``-a4.pdf``), if any."""
    return next((paper for paper in PAPERS if path.stem.endswith(f'-{paper}')), None)


def printables(pdf_dir: Path, words, folder: str = 'pdf') -> list[Document]:
    """The printables built in *pdf_dir* (each edition of each), at *folder*
    in the bundle, in the language the engine's catalog is set to."""
    found = []
    for name, title, description in PRINTABLES:
        built = editions(pdf_dir, name)
        if not built:
            logger.warning('%s is missing; the bundle leaves it out', pdf_dir / name)
        for file, paper in built:
            shown = (_('%(title)s (%(paper)s paper)') % {'title': _(title),
                                                          'paper': paper_label(paper)}
                     if paper else _(title))
            found.append(Document(f'{folder}/{file}', shown,
                                  _(description) % {'subject': words.subject}))
    return found


def _pdf_title(path: Path) -> str:
    """The handout's title from its PDF, without the guide's title after it.

    The guide's title is read from the same PDF (its subject), as the handout
    was titled with it: conf.py's guide_title may be empty, and the handout
    then names the guide by another setting."""
    metadata = PdfReader(path).metadata or {}
    title = str(metadata.get('/Title') or path.stem)
    guide_title = str(metadata.get('/Subject') or '')
    if guide_title and title.endswith(guide_title) and title != guide_title:
        # "Handout: Guide", or "Fiche : Guide" with French spacing
        return title.removesuffix(guide_title).rstrip(' :\u00a0\u202f')
    return title


def platform_of(path: Path, platforms) -> tuple[str, str] | None:
    """(id, title) of the platform of a handout: its file is
    ``<program>-<platform>.pdf``, ``-<paper>`` after it in an edition's."""
    paper = edition_of(path)
    stem = path.stem.removesuffix(f'-{paper}') if paper else path.stem
    return next(((id_, title) for id_, title in platforms
                 if stem.endswith(f'-{id_}') or stem == id_), None)


def handouts(pdf_dir: Path, folder: str = 'pdf', platforms=()) -> list[Document]:
    """The handouts in *pdf_dir*, by platform in the order of *platforms*
    ((id, title) pairs), each by name within it; each titled without its
    platform, which the landing page and README.txt give as a heading."""
    files = sorted((pdf_dir / HANDOUTS).glob('*.pdf'))
    if not files:
        logger.warning('%s holds no handouts; the bundle leaves them out',
                       pdf_dir / HANDOUTS)
    order = [id_ for id_, _title in platforms]
    found = []
    for path in files:
        id_, platform = platform_of(path, platforms) or ('', '')
        title = _pdf_title(path)
        if platform:
            title = title.removesuffix(f' ({platform})')
        paper = edition_of(path)
        if paper:
            title += ' ' + _('(%(paper)s paper)') % {'paper': paper_label(paper)}
        rank = order.index(id_) if id_ else len(order)
        found.append((rank, title, Document(f'{folder}/{HANDOUTS}/{path.name}', title,
                                            platform=platform)))
    return [document for _rank, _title, document in sorted(found, key=lambda f: f[:2])]
