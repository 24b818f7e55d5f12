"""The guide's online address, ``guide_online_url``, and each page's under it:
what print points a reader to (the QR codes of the handouts and the cover).

``guide_online_url`` is where the HTML output folder (``build/html``) is
published. A guide in several languages has a folder per language there, as
in ``build/html/en/`` and ``build/html/fr/``, so a page's address adds the
build's language: the French handouts point to
``https://help.example.com/ssl/fr/programs/eudora-5.html``. Empty (the
default): print points nowhere online.
"""
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from .config import add_setting
from .locale.languages import language_folders


def address_problem(value: str) -> str | None:
    """None for an http(s) address (or none), else what it must be."""
    parts = urlsplit(value)
    if not value or (parts.scheme in ('http', 'https') and parts.hostname
                     and not parts.query and not parts.fragment
                     and not any(c.isspace() for c in value)):
        return None
    return 'empty or an http:// or https:// address without ?query or #fragment'


def page_address(config, docname: str, platform: str | None = None) -> str:
    """The address of *docname*'s HTML page online, reached along *platform*'s
    chapter (``?platform=NAME``, as the HTML's own links carry it); '' where
    the guide has no online address."""
    base = config.guide_online_url
    if not base:
        return ''
    folder = [config.language] if language_folders(config.guide_languages) else []
    page = quote(docname) + (config.html_file_suffix or '.html')
    url = '/'.join([base.rstrip('/'), *folder, page])
    return f'{url}?platform={quote(platform)}' if platform else url


def guest_platforms(env) -> Callable[[str, str], str | None]:
    """``guest(docname, platform)``: *platform*, where *docname* is at home
    in another platform's chapter (its page shows *platform*'s navigation
    only when asked to, helpguide.html.builder.relate_platforms); None in
    its home chapter, whose navigation the page shows anyway."""
    homes = {docname: relation[0] for docname, relation in env.collect_relations().items()}
    chapters = dict(env.get_domain('programs').platform_chapters())

    def guest(docname: str, platform: str) -> str | None:
        return None if chapters.get(platform) == homes.get(docname) else platform
    return guest


def setup(app):
    add_setting(app, 'guide_online_url', '', '', types=(str,), check=address_problem,
                description='where the HTML guide (build/html) is published online: '
                            'print carries QR codes to its pages')
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
